/** The shared quick fixes (shared/connector/quick-fixes.ts) applied to the text, so only the fixed value changes. */
import type { Finding } from '../../../../shared/connector/findings';
import { describeEdit, pointerToJsonPath } from '../../../../shared/connector/fix-text';
import { OUTPUT_SCHEMA_POINTER, outputSchemaEdit, quickFixChoices, quickFixEdits, type JsonEdit } from '../../../../shared/connector/quick-fixes';
import { removeAt, setAt } from '../../../../shared/form/json-text';
import { reportInBackground } from '../app/store';
import { useTestingStore } from '../testing/store';

/** One way to fix a finding: `fix` is certain (or comes from real data), `choice` is one value of a list to pick. */
export interface FixOffer {
  readonly title: string;
  readonly edit: JsonEdit;
  readonly kind: 'fix' | 'choice';
}

const onInfoJson = (f: Finding, info: unknown): f is Finding & { pointer: string } => f.pointer !== undefined && f.path === 'info.json' && info !== undefined && info !== null;

/** A fix that cannot handle this document offers nothing; the console keeps why, for a bug report. */
function safely<T>(rule: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (e) {
    reportInBackground(`The quick fix for ${rule}`)(e);
    return fallback;
  }
}

/** The edit a finding's certain quick fix would make on this document, or undefined when no safe fix exists. */
export function quickFixFor(info: unknown, f: Finding): JsonEdit | undefined {
  const fix = quickFixEdits[f.rule];
  if (!fix || !onInfoJson(f, info)) return undefined;
  return safely(f.rule, undefined, () => fix(info, f.pointer));
}

/** The output_schema the last successful Test Actions run of the finding's operation shows, for a finding about
 * that output_schema (missing or empty). */
function schemaFromLastRun(info: unknown, pointer: string): FixOffer | undefined {
  const index = OUTPUT_SCHEMA_POINTER.exec(pointer)?.[1];
  const ops = (info as { operations?: unknown }).operations;
  const operation = index !== undefined && Array.isArray(ops) ? (ops[Number(index)] as { operation?: unknown } | undefined)?.operation : undefined;
  if (typeof operation !== 'string') return undefined;
  const run = useTestingStore.getState().runs.find((r) => r.operation === operation && r.status === 'Success' && r.result !== undefined);
  const edit = run?.result && !run.result.binary ? outputSchemaEdit(pointer, run.result.data) : undefined;
  return edit && { title: `Write output_schema from the last run of ${operation}`, edit, kind: 'fix' };
}

/** Every fix for a finding in info.json: the certain one, the schema of a real run, then the values to pick from
 * (closest first). Empty when nothing is certain and there is no list. */
export function fixOffersFor(info: unknown, f: Finding): FixOffer[] {
  if (!onInfoJson(f, info)) return [];
  const offers: FixOffer[] = [];
  const certain = quickFixFor(info, f);
  if (certain) offers.push({ title: describeEdit(certain), edit: certain, kind: 'fix' });
  const fromRun = safely(f.rule, undefined, () => schemaFromLastRun(info, f.pointer));
  if (fromRun) offers.push(fromRun);
  const choose = quickFixChoices[f.rule];
  const choices = choose ? safely(f.rule, [], () => choose(info, f.pointer)) : [];
  const taken = new Set(offers.map((o) => JSON.stringify(o.edit.value)));
  for (const edit of choices) if (!taken.has(JSON.stringify(edit.value))) offers.push({ title: describeEdit(edit), edit, kind: 'choice' });
  return offers;
}

export function applyJsonEdit(text: string, info: unknown, edit: JsonEdit): string {
  const path = pointerToJsonPath(info, edit.pointer);
  return edit.remove ? removeAt(text, path) : setAt(text, path, edit.value);
}

/** Words for the button and the code action: "Set category to "investigation"". */
export const describeFix = describeEdit;
