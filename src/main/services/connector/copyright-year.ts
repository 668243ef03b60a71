/** Add Version keeps the copyright blocks current: Fortinet's CI wants the year it runs in, so a connector
 * created last year fails it until every block says this year. Only the block the wizard writes (""" /
 * Copyright start / licence / Copyright (c) <year> <holder> / Copyright end / """) is touched, and only an
 * older year moves; the holder and everything else stay byte for byte. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pythonFilesUnder } from '../validate/certification';
import { writeFileAtomic } from '../workspace/atomic-write';

const BLOCK = /("""\r?\nCopyright start\r?\n[^\r\n]*\r?\nCopyright \(c\) )(\d{4})( [^\r\n]*\r?\nCopyright end\r?\n""")/g;

export function withCopyrightYear(text: string, year: number): string {
  return text.replace(BLOCK, (all, head: string, found: string, tail: string) => (Number(found) < year ? `${head}${year}${tail}` : all));
}

/** The files under `root` whose block moved to `year`, relative to root. */
export async function updateCopyrightYears(root: string, year: number): Promise<string[]> {
  const changed: string[] = [];
  for (const rel of await pythonFilesUnder(root)) {
    const file = path.join(root, rel);
    const text = await readFile(file, 'utf8');
    const next = withCopyrightYear(text, year);
    if (next === text) continue;
    await writeFileAtomic(file, next);
    changed.push(rel);
  }
  return changed.sort();
}
