/** Golden certification findings for the 22 runnable corpus connectors (tests/fixtures/runnable: published
 * connectors whole, Python included): what our implementation of Fortinet's CI says about each, reviewed by
 * hand. Published connectors predate the CI's current rules (copyright year, LanguageTool), so most fail it:
 * the point is that the list changes only when we mean it to. After reviewing a change, regenerate with
 * UPDATE_GOLDEN=1. The year is fixed so the list does not change on New Year's Day. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidateService } from '../../src/main/services/validate';
import { FIXTURES_DIR } from '../helpers/tmp';

const RUNNABLE = path.join(FIXTURES_DIR, 'runnable');
const GOLDEN = path.resolve(__dirname, '../golden/certification-findings.json');
const YEAR = 2026;

interface GoldenEntry {
  connector: string;
  rule: string;
  ciCheck: string;
  severity: string;
  path: string;
  pointer?: string;
}

const connectors = readdirSync(RUNNABLE).filter((n) => statSync(path.join(RUNNABLE, n)).isDirectory()).sort();

describe('certification profile over the runnable corpus', () => {
  const service = createValidateService();

  it('holds the 22 published connectors', () => {
    expect(connectors).toHaveLength(22);
  });

  it('gives exactly the reviewed findings, each from the certification source with its CI method', async () => {
    const entries: GoldenEntry[] = [];
    for (const name of connectors) {
      const report = await service.validateFolder(path.join(RUNNABLE, name), { profile: 'certification', year: YEAR });
      expect(report.connector).toBe(name);
      for (const f of report.findings) {
        expect(f.source).toBe('certification');
        expect(f.ciCheck).toMatch(/^(verify_\w+|read_info)$/);
        entries.push({ connector: name, rule: f.rule, ciCheck: f.ciCheck ?? '', severity: f.severity, path: f.path, ...(f.pointer !== undefined ? { pointer: f.pointer } : {}) });
      }
    }
    // One finding per line, so a change reads as a one-line diff in review.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`);
    expect(entries).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  }, 60_000);
});
