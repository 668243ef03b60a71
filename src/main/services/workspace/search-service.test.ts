import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import { createSearchService } from './search-service';

describe('search and replace', () => {
  it('finds literal and regex matches with line and column, and replaces except skipped files', async () => {
    const root = await tmpDir();
    await writeFile(path.join(root, 'a.py'), 'x = 1\nfoo(x)\nfoo.bar\n');
    await writeFile(path.join(root, 'b.py'), 'foo\n');
    const s = createSearchService(async () => root);
    const lit = await s.search('p', { query: 'foo.' });
    expect(lit.matches.map((m) => [m.relPath, m.line, m.column])).toEqual([['a.py', 3, 1]]);
    const re = await s.search('p', { query: 'fo+', isRegex: true });
    expect(re.matches).toHaveLength(3);
    const r = await s.replace('p', { query: 'foo', replacement: 'baz', skip: ['b.py'] });
    expect(r).toEqual({ changedFiles: ['a.py'], replacements: 2, skipped: ['b.py'] });
    expect(await readFile(path.join(root, 'a.py'), 'utf8')).toBe('x = 1\nbaz(x)\nbaz.bar\n');
    expect(await readFile(path.join(root, 'b.py'), 'utf8')).toBe('foo\n');
  });

  it('explains an invalid regular expression', async () => {
    const s = createSearchService(async () => await tmpDir());
    await expect(s.search('p', { query: '(', isRegex: true })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
