import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileService } from '../../src/main/services/workspace/file-service';
import { tmpDir } from '../helpers/tmp';

const ROUNDS = 20;

async function project() {
  const root = await tmpDir('cs-race-');
  const files = createFileService({
    rootOf: async () => root,
    largeFileLimitBytes: () => 1024 * 1024,
    moveToTrash: async () => false,
  });
  return { root, files };
}

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : 'ok');

describe('two saves of one file with the same etag (two tabs)', () => {
  it(`keeps exactly one and answers CONFLICT to the other, ${ROUNDS} rounds of ${ROUNDS}`, async () => {
    const { root, files } = await project();
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await writeFile(path.join(root, 'connector.py'), `base ${round}\n`);
      const { etag } = await files.read('p', 'connector.py');
      const texts = [`tab A, round ${round}\n`, `tab B, round ${round}\n`];
      const results = await Promise.allSettled(texts.map((text) => files.write('p', 'connector.py', { text, etag })));
      const codes = results.map(codeOf).sort().join('+');
      const winner = texts[results.findIndex((r) => r.status === 'fulfilled')];
      const diskHoldsWinner = (await readFile(path.join(root, 'connector.py'), 'utf8')) === winner;
      outcomes.push(`${codes}, disk ${diskHoldsWinner ? 'holds the winner' : 'holds the loser'}`);
    }
    expect(outcomes).toEqual(Array(ROUNDS).fill('CONFLICT+ok, disk holds the winner'));
  });

  it('a save racing a rename either lands in the renamed file or is refused, never writes the old name back', async () => {
    const { root, files } = await project();
    for (let round = 0; round < ROUNDS; round++) {
      const from = `a${round}.py`;
      const to = `b${round}.py`;
      await writeFile(path.join(root, from), 'old\n');
      const { etag } = await files.read('p', from);
      const [saved, renamed] = await Promise.allSettled([files.write('p', from, { text: 'new\n', etag }), files.rename('p', from, to)]);
      expect(renamed.status, `round ${round}`).toBe('fulfilled');
      const onDisk = await readFile(path.join(root, to), 'utf8');
      const oldNameBack = await readFile(path.join(root, from), 'utf8').then(() => true, () => false);
      // Serial orders only: save then rename (new text under the new name) or rename then a refused save.
      expect({ save: codeOf(saved), onDisk, oldNameBack }, `round ${round}`).toEqual(
        codeOf(saved) === 'ok' ? { save: 'ok', onDisk: 'new\n', oldNameBack: false } : { save: 'CONFLICT', onDisk: 'old\n', oldNameBack: false },
      );
    }
  });
});
