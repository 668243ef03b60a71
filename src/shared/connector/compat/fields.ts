/** Field-level comparison for operation parameters and configuration fields, onchange branches included.
 *
 * Fields are keyed by their path, not their index: FortiSOAR carries configuration values and playbook
 * arguments by name, so a reordered list is no change at all. */
import type { Field } from '../info-json';
import type { DraftChange, FieldChangeKind, FieldScope } from './types';

export interface FlatField {
  readonly path: string;
  readonly field: Field;
  /** Set for a field inside an onchange branch: the controlling field's title and the option that shows it. */
  readonly shownWhen?: { readonly title: string; readonly option: string };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const titleOf = (f: Field): string => (typeof f.title === 'string' && f.title.trim() ? f.title.trim() : String(f.name ?? '?'));

/** Every field under `base`, depth first, with onchange branches as `<parent>/onchange/<option>/<name>`. */
export function flattenFields(fields: unknown, base: string, out = new Map<string, FlatField>(), shownWhen?: FlatField['shownWhen']): Map<string, FlatField> {
  if (!Array.isArray(fields)) return out;
  for (const raw of fields) {
    if (!isRecord(raw)) continue;
    const f = raw as Field;
    let path = `${base}/${String(f.name ?? '')}`;
    // Duplicate names do occur in hand-written info.json; keep both rather than silently losing one.
    for (let n = 2; out.has(path); n++) path = `${base}/${String(f.name ?? '')}#${n}`;
    out.set(path, { path, field: f, shownWhen });
    if (isRecord(f.onchange))
      for (const [option, nested] of Object.entries(f.onchange))
        flattenFields(nested, `${path}/onchange/${option}`, out, { title: titleOf(f), option });
  }
  return out;
}

/** An empty string is how the wizard writes "no default", so it does not count as one. */
export const hasDefault = (f: Field): boolean => f.value !== undefined && f.value !== null && f.value !== '';

const typeOf = (f: Field): string => String(f.type ?? 'text').toLowerCase();

const optionKey = (o: unknown): string =>
  typeof o === 'string' ? o : isRecord(o) && 'value' in o ? String(o.value) : JSON.stringify(o);

const optionsOf = (f: Field): string[] => (Array.isArray(f.options) ? f.options.map(optionKey) : []);

const show = (v: unknown): string => (v === undefined || v === null || v === '' ? '(none)' : JSON.stringify(v));

interface Ctx {
  readonly scope: FieldScope;
  /** e.g. "action 'Get IP' (get_ip)"; empty for the configuration. */
  readonly owner: string;
}

const noun = (ctx: Ctx) => (ctx.scope === 'parameter' ? 'parameter' : 'configuration field');

function where(ff: FlatField): string {
  return ff.shownWhen ? ` (shown when '${ff.shownWhen.title}' is '${ff.shownWhen.option}')` : '';
}

/** e.g. "parameter 'IP' (ip) of action 'Get IP' (get_ip)", "configuration field 'Port' (port)". */
function labelOf(ctx: Ctx, ff: FlatField): string {
  return `${noun(ctx)} '${titleOf(ff.field)}' (${String(ff.field.name)})${where(ff)}${ctx.owner ? ` of ${ctx.owner}` : ''}`;
}

function draft(ctx: Ctx, kind: FieldChangeKind, ff: FlatField, breaking: boolean, level: DraftChange['level'], message: string, note: string): DraftChange {
  return { kind: `${ctx.scope}-${kind}`, path: ff.path, breaking, message, level, note };
}

/** Who a breaking field change hurts, for the message: playbooks for parameters, saved configurations otherwise. */
const victims = (ctx: Ctx) => (ctx.scope === 'parameter' ? 'playbook steps that use this action' : 'existing configurations');

function added(ctx: Ctx, ff: FlatField): DraftChange {
  const f = ff.field;
  const label = labelOf(ctx, ff);
  if (f.required && !hasDefault(f))
    return draft(ctx, 'added', ff, true, 'major',
      `New required ${label} has no default: ${victims(ctx)} ${ctx.scope === 'parameter' ? 'fail until it is set' : 'become "Partially Configured"'}. Give it a default or make it optional.`,
      `Added the required ${label}; set it in ${victims(ctx)}.`);
  return draft(ctx, 'added', ff, false, 'minor', `Added ${f.required ? 'required' : 'optional'} ${label}.`, `Added the ${label}.`);
}

function removed(ctx: Ctx, ff: FlatField): DraftChange {
  const label = labelOf(ctx, ff);
  if (ctx.scope === 'parameter')
    return draft(ctx, 'removed', ff, true, 'major', `Removed ${label}: playbook steps that set it break.`, `Removed the ${label}; update playbooks that set it.`);
  // Configuration values are matched by name on upgrade; a value nobody reads any more breaks nothing.
  return draft(ctx, 'removed', ff, false, 'patch', `Removed ${label}; its saved values are dropped on upgrade.`, `Removed the ${label}.`);
}

function changed(ctx: Ctx, a: FlatField, b: FlatField): DraftChange[] {
  const out: DraftChange[] = [];
  const fa = a.field;
  const fb = b.field;
  const label = labelOf(ctx, b);
  if (typeOf(fa) !== typeOf(fb))
    out.push(draft(ctx, 'type-changed', b, true, 'major',
      `Type of ${label} changed from ${typeOf(fa)} to ${typeOf(fb)}: ${ctx.scope === 'parameter' ? 'values playbooks pass may no longer fit' : 'saved values are dropped on upgrade'}.`,
      `The ${label} is now of type ${typeOf(fb)} (was ${typeOf(fa)}).`));
  if (!fa.required && fb.required) {
    const breaking = !hasDefault(fb);
    out.push(draft(ctx, 'made-required', b, breaking, breaking ? 'major' : 'patch',
      breaking ? `${cap(label)} is now required and has no default: ${victims(ctx)} that leave it empty break.` : `${cap(label)} is now required (its default ${show(fb.value)} applies).`,
      `The ${label} is now required.`));
  }
  if (fa.required && !fb.required)
    out.push(draft(ctx, 'made-optional', b, false, 'patch', `${cap(label)} is now optional.`, `The ${label} is now optional.`));
  if (JSON.stringify(hasDefault(fa) ? fa.value : null) !== JSON.stringify(hasDefault(fb) ? fb.value : null))
    out.push(draft(ctx, 'default-changed', b, false, 'patch', `Default of ${label} changed from ${show(fa.value)} to ${show(fb.value)}.`,
      `The default of the ${label} is now ${show(fb.value)}.`));
  out.push(...optionChanges(ctx, label, a, b));
  return out;
}

function optionChanges(ctx: Ctx, label: string, a: FlatField, b: FlatField): DraftChange[] {
  const before = optionsOf(a.field);
  const after = optionsOf(b.field);
  const gone = before.filter((o) => !after.includes(o));
  const fresh = after.filter((o) => !before.includes(o));
  const list = (xs: string[]) => `${xs.length === 1 ? 'option' : 'options'} ${xs.map((x) => `'${x}'`).join(', ')}`;
  const out: DraftChange[] = [];
  if (gone.length)
    out.push(draft(ctx, 'options-removed', b, true, 'major', `Removed ${list(gone)} from ${label}: ${victims(ctx)} that chose ${gone.length === 1 ? 'it' : 'them'} break.`,
      `Removed the ${list(gone)} from the ${label}.`));
  if (fresh.length)
    out.push(draft(ctx, 'options-added', b, false, 'minor', `Added ${list(fresh)} to ${label}.`, `Added the ${list(fresh)} to the ${label}.`));
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Changes between two field lists that sit at the same place (`base`) in the old and new info.json. */
export function compareFields(scope: FieldScope, owner: string, oldFields: unknown, newFields: unknown, base: string, newBase = base): DraftChange[] {
  const ctx: Ctx = { scope, owner };
  const before = flattenFields(oldFields, base);
  // A renamed operation keeps its fields under the new name; compare them by the path relative to the base.
  const after = new Map([...flattenFields(newFields, newBase)].map(([p, f]) => [base + p.slice(newBase.length), f] as const));
  const out: DraftChange[] = [];
  for (const [p, b] of after) {
    const a = before.get(p);
    if (a) out.push(...changed(ctx, a, b));
    else if (!parentMissing(p, before)) out.push(added(ctx, b));
  }
  for (const [p, a] of before) if (!after.has(p) && !parentMissing(p, after)) out.push(removed(ctx, a));
  return out;
}

/** A field inside the onchange of a field that itself came or went is part of that one change, not another. */
function parentMissing(p: string, other: Map<string, FlatField>): boolean {
  const i = p.lastIndexOf('/onchange/');
  return i >= 0 && !other.has(p.slice(0, i));
}
