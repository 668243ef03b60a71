import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';

// The commands the issue names, each with the shortcut the palette must show (Linux/Windows labels).
const EXPECTED: [string, string | null][] = [
  ['View: Show All Commands', 'Ctrl+Shift+P'],
  ['Go: Go to File…', 'Ctrl+P'],
  ['Go: Go to Line…', 'Ctrl+G'],
  ['File: Save', 'Ctrl+S'],
  ['File: Save All', 'Ctrl+Alt+S'],
  ['Search: Find in Files', 'Ctrl+Shift+F'],
  ['Search: Replace in Files', 'Ctrl+Shift+H'],
  ['View: Toggle Full-Screen Editor', 'Ctrl+Alt+Enter'],
  ['Preferences: Toggle Light/Dark Theme', null],
  ['Preferences: Open Settings', 'Ctrl+,'],
  ['Git: Initialize Git Repository', null],
  ['Git: Commit All…', null],
  ['File: New File…', null],
  ['File: Rename Selected File…', 'F2 (Explorer)'],
  ['Help: Export Diagnostics', null],
  ['Help: Open Logs Folder', null],
];

test.skip(process.platform === 'darwin', 'shortcut labels differ on macOS');

test('the command palette lists every command with its shortcut', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const p = palette(page);
  await p.showCommands();
  await expect(p.input).toHaveValue('>');
  const count = await p.items.count();
  expect(count).toBeGreaterThanOrEqual(30);
  const rows = await p.items.evaluateAll((els) => els.map((el) => [el.querySelector('.palette-label')?.textContent ?? '', el.querySelector('.palette-keys')?.textContent ?? null]));
  for (const [title, keys] of EXPECTED) expect(rows).toContainEqual([title, keys]);
  await p.input.fill('>light dark theme');
  await expect(p.items.first()).toContainText('Toggle Light/Dark Theme');
  await page.keyboard.press('Escape');
  await expect(p.root).toBeHidden();
});

test('quick open finds a file by a few letters and opens it', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const p = palette(page);
  await p.quickOpen();
  await page.keyboard.type('opera');
  await expect(p.items.first()).toContainText('operations.py');
  await page.keyboard.press('Enter');
  await expect(editor(page).tab(`${SAMPLE_CONNECTOR}/operations.py`)).toHaveAttribute('aria-selected', 'true');
});

test('go to line moves the cursor', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const ed = editor(page);
  await fileTree(page).open(`${SAMPLE_CONNECTOR}/connector.py`);
  await ed.waitReady(`${SAMPLE_CONNECTOR}/connector.py`);
  await ed.focus();
  await palette(page).goToLine();
  await expect(palette(page).input).toHaveValue(':');
  await page.keyboard.type('14');
  await page.keyboard.press('Enter');
  await expect(ed.statusCursor).toHaveText('Ln 14, Col 1');
});

test('theme switch from the palette applies at once and is remembered', async ({ page, app }) => {
  await app.open(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await palette(page).run('Toggle Light/Dark Theme');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'loaded');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
