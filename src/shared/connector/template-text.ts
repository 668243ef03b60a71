/**
 * The words Connector Studio puts in a new operation, field or Python stub until the user writes their own: one
 * source for the form that writes them (as placeholders where it can), for the name that follows a title, and for
 * the review rule that flags any left in a connector.
 */

export const NEW_OPERATION = { name: 'new_action', title: 'New Action' } as const;
export const NEW_FIELD = { name: 'new_field', title: 'New Field' } as const;

/** Shown greyed in an empty box, never written to info.json. */
export const PLACEHOLDER = {
  operationDescription: 'Describe what this action does.',
  fieldDescription: 'Describe what this value is for.',
} as const;

/** The stub's message, as operations.py raises it until the action is written. */
export const stubMessage = (operation: string) => `${operation} is not implemented yet`;
/** The stub's raise, in either quote style, with the operation it names. */
export const STUB_RAISE = /raise\s+NotImplementedError\(\s*(['"])([^'"\n]+) is not implemented yet\1\s*\)/g;

/** "Get IP Reputation" -> "get_ip_reputation": the name a title gives an operation, field or parameter. */
export function nameFromTitle(title: string): string {
  const name = title.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^\d/.test(name) ? `_${name}` : name;
}

/** "new_action", "new_action_2": a name Connector Studio made up. */
export const isMadeUpName = (name: string, base: string) => name === base || new RegExp(`^${base}_\\d+$`).test(name);

/**
 * Whether a name still follows its title: it is the made-up one, or exactly what the previous title gave (so
 * the user never typed it). Once they edit the name by hand it stops following, with nothing to remember.
 */
export const nameFollowsTitle = (name: string, previousTitle: string, base: string) =>
  name === '' || isMadeUpName(name, base) || name === nameFromTitle(previousTitle);

/** The text a template left in place of the user's: what the review flags. */
export const TEMPLATE_TEXTS: readonly string[] = [PLACEHOLDER.operationDescription, PLACEHOLDER.fieldDescription];
