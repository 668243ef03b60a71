import { describe, expect, it, vi } from 'vitest';

vi.mock('../api/client', () => ({ onEvent: () => () => undefined }));
const store = new Map<string, string>();
vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });

describe('menu commands', () => {
  it('map every desktop menu item to a palette command that exists', async () => {
    const { COMMAND_ORDER } = await import('../wire-window');
    const source = await import('node:fs').then((fs) => fs.readFileSync(new URL('./useMenuCommands.ts', import.meta.url), 'utf8'));
    const targets = [...source.matchAll(/^\s+'[\w.]+': '([\w.]+)',$/gm)].map((m) => m[1]);
    expect(targets).toHaveLength(7);
    for (const id of targets) expect(COMMAND_ORDER.flat().map((c) => c.id)).toContain(id);
  });
});
