import { describe, expect, it } from 'vitest';
import { ruleCatalogue, validateSnapshot } from '../../src/shared/connector/engine';
import { baseSnapshot } from '../fixtures/rules/base';
import { buildCase, ruleCases } from '../fixtures/rules/cases';

const firing = (edit: Parameters<typeof buildCase>[0], rule: string) =>
  validateSnapshot(buildCase(edit)).filter((f) => f.rule === rule);

describe('rule fixtures', () => {
  it('the base connector is clean', () => {
    expect(validateSnapshot(baseSnapshot())).toEqual([]);
  });

  it('every rule in the catalogue has a case, and every case names a rule', () => {
    const ids = ruleCatalogue.map((r) => r.id);
    expect(Object.keys(ruleCases).sort()).toEqual([...ids].sort());
  });

  for (const meta of ruleCatalogue) {
    describe(meta.id, () => {
      it('fires on its fail fixture with its catalogue severity', () => {
        const found = firing(ruleCases[meta.id]?.fail, meta.id);
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) {
          expect(f.severity).toBe(meta.severity);
          expect(f.message.length).toBeGreaterThan(20);
          expect(f.pointer !== undefined || f.line !== undefined || f.path !== 'info.json').toBe(true);
        }
      });
      it('does not fire on its pass fixture', () => {
        expect(firing(ruleCases[meta.id]?.pass, meta.id)).toEqual([]);
      });
    });
  }
});
