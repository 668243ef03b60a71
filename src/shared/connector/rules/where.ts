/** How findings name the thing they are about. */
import type { FieldEntry } from '../context';

export function fieldWhere(e: FieldEntry): string {
  const name = typeof e.field.name === 'string' && e.field.name !== '' ? `'${e.field.name}'` : `at ${e.pointer}`;
  if (e.level.owner.kind === 'configuration') return `Configuration field ${name}`;
  const op = e.level.owner.entry;
  return `Parameter ${name} of '${op.name ?? `operation #${op.index}`}'`;
}

export const isLabel = (e: FieldEntry): boolean => e.type === 'label';
