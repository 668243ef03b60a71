/** Calibration over the 22 published connectors in tests/fixtures/corpus: none of them may get an error (they all
 * install), and every warning and info is listed in tests/golden/corpus-findings.json, reviewed by hand.
 * The test fails when the list changes; after reviewing a change, regenerate with UPDATE_GOLDEN=1. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createValidateService } from '../../src/main/services/validate';
import { CORPUS_DIR } from '../helpers/tmp';

const CORPUS = CORPUS_DIR;
const GOLDEN = path.resolve(__dirname, '../golden/corpus-findings.json');

interface GoldenEntry {
  connector: string;
  rule: string;
  severity: string;
  path: string;
  pointer?: string;
  line?: number;
}

const connectors = readdirSync(CORPUS).sort();

describe('corpus calibration', () => {
  const service = createValidateService();

  it('holds the 22 published connectors', () => {
    expect(connectors).toHaveLength(22);
  });

  it('gives no errors and exactly the reviewed warnings and infos', async () => {
    const entries: GoldenEntry[] = [];
    for (const name of connectors) {
      const report = await service.validateFolder(path.join(CORPUS, name), { metadataOnly: true });
      expect(report.findings.filter((f) => f.severity === 'error'), name).toEqual([]);
      expect(report.connector).toBe(name);
      for (const f of report.findings)
        entries.push({ connector: name, rule: f.rule, severity: f.severity, path: f.path, ...(f.pointer !== undefined ? { pointer: f.pointer } : {}), ...(f.line !== undefined ? { line: f.line } : {}) });
    }
    // One finding per line, so a change reads as a one-line diff in review.
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `[\n${entries.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`);
    expect(entries).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
