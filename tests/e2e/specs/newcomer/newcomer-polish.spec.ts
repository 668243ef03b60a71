/** Issue 18, a newcomer's first hour (items 3, 9, 11, 12): what got in the way of a new user, each checked the way
 * they met it. The keys, the wizard and template text are in newcomer-polish-keys.spec.ts. */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { editor } from '../../pages/editor';
import { fileTree } from '../../pages/fileTree';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { palette } from '../../pages/palette';
import { problemsPanel } from '../../pages/problems';
import { testPanel } from '../../pages/testing';
import { API_KEY, startVendor, type VendorServer } from '../testing/vendor-server';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'shots', `${name}.png`);
test.describe.configure({ timeout: 150_000 });

let vendor: VendorServer;
test.beforeEach(async () => {
  vendor = await startVendor();
});
test.afterEach(async () => {
  await vendor.close();
});

/** The sample's info.json, edited before the app opens it. */
async function editInfo(root: string, fn: (info: { operations: Record<string, unknown>[]; [k: string]: unknown }) => void) {
  const file = path.join(root, SAMPLE_CONNECTOR, 'info.json');
  const info = JSON.parse(await readFile(file, 'utf8'));
  fn(info);
  await writeFile(file, JSON.stringify(info, null, 2));
}

test('item 11: a project opened for the first time shows info.json in the form and a Getting Started tab that closes and comes back from the palette', async ({ page, app }) => {
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const started = page.getByTestId('getting-started');
  await expect(started).toBeVisible();
  await expect(page.locator('[data-testid="editor-tab"][aria-selected="true"]')).toHaveAttribute('data-path', '<page>/Getting Started');
  await expect(page.locator(`[data-testid="editor-tab"][data-path="${SAMPLE_CONNECTOR}/info.json"]`)).toBeVisible();
  for (const step of ['edit', 'health', 'run', 'save-test', 'export', 'publish']) await expect(page.getByTestId(`welcome-step-${step}`)).toBeVisible();
  await expect(page.getByTestId('file-tree')).toBeVisible();
  await page.screenshot({ path: shot('getting-started') });

  // Its first button opens info.json's form.
  await page.getByTestId('welcome-run-edit').click();
  await expect(page.getByTestId('info-form')).toBeVisible();

  // A tab like any other: it closes, and the palette brings it back.
  await page.locator('[data-testid="editor-tab"][data-path="<page>/Getting Started"]').getByTestId('tab-close').click();
  await expect(started).toHaveCount(0);
  await palette(page).run('Help: Getting Started');
  await expect(started).toBeVisible();
});

test('items 3 and 9: an output_schema of {} gets one message; number, toggle and select inputs; a wide result', async ({ page, app }) => {
  await editInfo(app.sampleRoot, (info) => {
    info.operations[0].output_schema = {};
    info.operations.push({
      operation: 'search_feed', title: 'Search Feed', description: 'Searches one feed of the vendor.', category: 'investigation', annotation: 'search_feed',
      enabled: true, output_schema: { feed: '', limit: '', exact: '', entries: [] },
      parameters: [
        { name: 'limit', title: 'Limit', type: 'integer', required: true, editable: true, visible: true, value: 10, description: 'How many entries.' },
        { name: 'exact', title: 'Exact Match', type: 'checkbox', required: false, editable: true, visible: true, value: false, description: 'Match whole words.' },
        { name: 'feed', title: 'Feed', type: 'select', options: ['malware', 'phishing', { value: 'c2', label: 'Command and control' }], required: true, editable: true,
          visible: true, description: 'The feed to search.' },
      ],
    });
  });
  const ops = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'operations.py');
  const py = await readFile(ops, 'utf8');
  // A wide result: entries with many columns, as a real feed answers.
  const fn = `def search_feed(config, params):
    entries = [{'indicator': '198.51.100.%d' % i, 'type': 'ipv4', 'first_seen': '2026-11-0%dT08:00:00Z' % (i + 1), 'last_seen': '2026-12-06T08:00:00Z',
                'confidence': 90 - i, 'severity': 'high', 'source': 'Acme threat feed', 'tags': 'botnet, c2, scanner',
                'description': 'Seen scanning SSH and RDP ports across several customer networks'} for i in range(6)]
    return {'feed': params.get('feed'), 'limit': params.get('limit'), 'exact': params.get('exact'), 'entries': entries}


operations = {
    'search_feed': search_feed,`;
  await writeFile(ops, py.replace('operations = {', fn));

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  // Item 12's words: the report is a sentence, the hook named once.
  await expect(t.report).toContainText("Added 'local'.");
  await expect(t.report).not.toContainText('Add on_add_config');
  await expect(t.report).not.toContainText('on_add_config ran.');

  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill('198.51.100.7');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  // One message, not "exactly the keys" above "declares no output_schema".
  await expect(page.getByTestId('schema-none')).toHaveCount(1);
  await expect(page.getByTestId('schema-ok')).toHaveCount(0);
  await expect(t.result).not.toContainText('exactly the keys');

  await t.actionSelect.selectOption('search_feed');
  await expect(t.field('limit')).toHaveAttribute('type', 'number');
  await expect(t.field('exact')).toHaveAttribute('role', 'switch');
  await expect(t.field('feed').locator('option')).toHaveText(['Select…', 'malware', 'phishing', 'Command and control']);
  await t.field('limit').fill('25');
  await t.field('exact').check();
  await t.field('feed').selectOption({ label: 'Command and control' });
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  // The inputs reached Python as FortiSOAR sends them: a number, a boolean, the option's value.
  await expect(t.result).toContainText('"c2"');
  await expect(t.result).toContainText('"limit": 25');
  await expect(t.result).toContainText('"exact": true');
  await expect(page.getByTestId('schema-none')).toHaveCount(0);
  await page.setViewportSize({ width: 1600, height: 900 });
  await t.resultView('table').click();
  await page.screenshot({ path: shot('test-view-wide-result') });
});

test('item 12: counts in words, cut text with an ellipsis and its tooltip, the minimap, Ctrl+P, and the git diff as a tab', async ({ page, app }) => {
  const long = 'Get IP Reputation With Every Category, History Entry and Related Domain the Vendor Knows About';
  await editInfo(app.sampleRoot, (info) => {
    info.operations[0].title = long;
    info.help_online = 'https://example.com/a-documentation-page-that-is-not-on-a-fortinet-site-and-so-makes-a-long-warning';
  });
  await appendFile(path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'utils.py'), '\n# tuned by a newcomer\n');
  await page.setViewportSize({ width: 1000, height: 760 });
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);

  // Operation headers: "1 parameter", "2 parameters"; a long title ends in an ellipsis, the whole title its tooltip.
  const info = `${SAMPLE_CONNECTOR}/info.json`;
  await page.locator(`[data-testid="editor-tab"][data-path="${info}"]`).click();
  const form = page.getByTestId('info-form');
  await expect(form.locator('[data-testid="op-row"][data-name="get_ip_reputation"] .item-badges')).toContainText('1 parameter');
  await expect(form.locator('[data-testid="op-row"][data-name="get_domain_reputation"] .item-badges')).toContainText('2 parameters');
  const title = form.locator('[data-testid="op-row"][data-name="get_ip_reputation"] .item-title').first();
  await expect(title).toHaveAttribute('title', long);
  const cut = await title.evaluate((el) => ({ over: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow }));
  expect(cut).toEqual({ over: true, overflow: 'ellipsis' });
  await title.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('operation-header-ellipsis') });

  // Problems: "1 warning", never "1 warnings"; every cut row part ends in an ellipsis and carries its text as a tooltip.
  const problems = problemsPanel(page);
  await problems.toggle();
  await expect(problems.entry('help-online-domain')).toBeVisible();
  const counts = await page.getByTestId('problems-counts').textContent();
  const parts = /^(\d+) (errors?), (\d+) (warnings?), (\d+) (infos?)$/.exec(counts ?? '');
  expect(parts, counts ?? '').not.toBeNull();
  for (const i of [1, 3, 5]) expect(parts![i + 1].endsWith('s')).toBe(parts![i] !== '1');
  const rows = await problems.root.locator('.problem-message, .problem-meta, .problem-where').evaluateAll((els) =>
    els.map((el) => ({ over: el.scrollWidth > el.clientWidth, overflow: getComputedStyle(el).textOverflow, title: el.getAttribute('title'), text: el.textContent })));
  expect(rows.some((r) => r.over)).toBe(true);
  for (const r of rows) {
    expect(r.overflow).toBe('ellipsis');
    expect(r.title).toBe(r.text);
  }
  await page.screenshot({ path: shot('problems-ellipsis') });
  await problems.toggle();

  // The minimap covers what runs under it.
  await fileTree(page).open(`${SAMPLE_CONNECTOR}/operations.py`);
  const ed = editor(page);
  await ed.waitReady(`${SAMPLE_CONNECTOR}/operations.py`);
  await ed.typeAtEnd(`\n# ${'a long line that runs under the minimap '.repeat(8)}`);
  const minimap = await page.locator('.monaco-host .monaco-editor .minimap').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(minimap).not.toBe('rgba(0, 0, 0, 0)');
  expect(minimap).not.toBe('transparent');
  await page.screenshot({ path: shot('minimap') });

  // Ctrl+P: the code first, the images last.
  await palette(page).quickOpen();
  const labels = await palette(page).items.allTextContents();
  const isImage = (l: string) => /\.(png|svg|jpe?g)/.test(l);
  expect(labels.some(isImage)).toBe(true);
  expect(labels.findIndex(isImage)).toBeGreaterThan(labels.map((l) => !isImage(l)).lastIndexOf(true));
  await page.keyboard.press('Escape');

  // The git diff opens as an editor tab, not a modal; closing the tab closes it.
  const git = gitPanel(page);
  await git.show();
  await git.openDiff('unstaged', `${SAMPLE_CONNECTOR}/utils.py`);
  const diffTab = page.locator('[data-testid="editor-tab"][data-path^="<page>/diff/"]');
  await expect(diffTab).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#editor-panel').getByTestId('diff-view')).toBeVisible();
  await expect(git.diffEditor).toBeVisible();
  await expect(git.diff.locator('.modified .view-lines')).toContainText('# tuned by a newcomer');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.screenshot({ path: shot('git-diff-tab') });
  await git.closeDiff();
  await expect(diffTab).toHaveCount(0);
  await expect(git.diff).toHaveCount(0);
});
