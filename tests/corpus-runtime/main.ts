/** `npm run corpus` (scripts/corpus-table.mjs bundles this file): runs the runnable corpus, prints the table and
 * writes docs/runnable-corpus.md. Arguments: connector names to run only those (the file is then not written). */
import { execFileSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderTable, runCorpus } from './harness';
import { REPO } from './venvs';

const names = process.argv.slice(2);
const started = performance.now();
const reports = await runCorpus(names, { log: (l) => console.log(l) });
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : '';
const table = renderTable(reports, { commit: commit + dirty, date: new Date().toISOString().slice(0, 16).replace('T', ' '), totalSeconds: (performance.now() - started) / 1000 });
console.log(`\n${table}`);
for (const r of reports)
  for (const c of [r.health, ...r.actions].filter((x) => x.detail && x.verdict !== 'ok' && x.verdict !== 'requirement'))
    console.log(`--- ${r.name} ${c.label}: ${c.summary}\n${c.detail}\n`);
if (!names.length) {
  const file = path.join(REPO, 'docs', 'runnable-corpus.md');
  writeFileSync(`${file}.tmp`, table);
  renameSync(`${file}.tmp`, file);
  console.log(`Wrote ${path.relative(REPO, file)}`);
}
const faults = reports.flatMap((r) => [r.health, ...r.actions]).filter((x) => x.verdict === 'fault' || x.verdict === 'unexplained').length;
process.exitCode = faults ? 1 : 0;
