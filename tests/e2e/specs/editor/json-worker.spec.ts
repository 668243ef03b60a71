import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';

test('Monaco\'s JSON worker really runs in the built bundle and reports syntax errors', async ({ page, app }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const cspErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && /Content Security Policy|Refused/.test(m.text()) && cspErrors.push(m.text()));

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  const info = `${SAMPLE_CONNECTOR}/info.json`;
  await fileTree(page).open(info);
  await ed.waitReady(info);
  await expect(page.locator('html')).toHaveAttribute('data-json-worker', 'running');
  expect(workers.some((u) => /json\.worker/.test(u))).toBe(true);
  await expect(ed.statusProblems).toHaveAttribute('data-errors', '0');

  await ed.typeAtEnd('\n}}');
  await expect(ed.statusProblems).not.toHaveAttribute('data-errors', '0');
  await expect(ed.host.locator('.squiggly-error').first()).toBeVisible();
  expect(cspErrors).toEqual([]);
});

test('the served renderer carries a strict CSP without unsafe-eval', async ({ page, app }) => {
  await app.open(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(csp).toContain("object-src 'none'");
});
