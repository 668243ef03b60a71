import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { repoRoot } from '../../host';
import { seriousViolations } from '../../pages/axe';
import { editor } from '../../pages/editor';
import { homePage } from '../../pages/home';
import { testPanel } from '../../pages/testing';
import { API_KEY, startVendor, type VendorServer } from './vendor-server';

const shot = (name: string) => path.join(repoRoot, 'test-results', 'screenshots', `${name}.png`);

let vendor: VendorServer;
test.beforeEach(async () => {
  vendor = await startVendor();
});
test.afterEach(async () => {
  await vendor.close();
});


/** In the test's copy of the sample: a hidden list_feeds that calls the vendor with the configuration and counts its
 * calls, and Search Feed, whose Feed select names it as apiOperation. */
async function addFeedActions(dir: string) {
  const info = JSON.parse(await readFile(path.join(dir, 'info.json'), 'utf8'));
  info.operations.push(
    { operation: 'list_feeds', title: 'List Feeds', description: 'Options for the Feed select.', category: 'investigation', annotation: 'list_feeds',
      enabled: true, visible: false, parameters: [], output_schema: [] },
    { operation: 'search_feed', title: 'Search Feed', description: 'Searches one feed.', category: 'investigation', annotation: 'search_feed', enabled: true,
      parameters: [{ name: 'feed', title: 'Feed', type: 'select', apiOperation: 'list_feeds', required: true, editable: true, visible: true, description: 'The feed to search.' }],
      output_schema: { feed: '' } },
  );
  await writeFile(path.join(dir, 'info.json'), JSON.stringify(info, null, 2));
  const ops = await readFile(path.join(dir, 'operations.py'), 'utf8');
  const fns = `_feed_calls = [0]


def list_feeds(config, params):
    IntelClient(config).get('/api/v1/status')
    _feed_calls[0] += 1
    return [{'value': 'malware', 'label': 'Malware feed'}, {'value': 'phishing', 'label': 'Phishing feed'},
            {'value': 'call-%d' % _feed_calls[0], 'label': 'Fetched %d time(s)' % _feed_calls[0]}]


def search_feed(config, params):
    return {'feed': params.get('feed')}


operations = {
    'list_feeds': list_feeds,
    'search_feed': search_feed,`;
  await writeFile(path.join(dir, 'operations.py'), ops.replace('operations = {', fns));
}

test('an apiOperation select is filled by running the hidden operation with the selected configuration; Refresh runs it again; a failure names it', async ({ page, app }) => {
  await addFeedActions(path.join(app.sampleRoot, SAMPLE_CONNECTOR));
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await t.addConfiguration('wrong key', vendor.url, 'not-the-key');

  await t.tab('actions').click();
  await t.runConfig.selectOption({ label: 'local (default)' });
  await t.actionSelect.selectOption('search_feed');
  const feed = t.field('feed');
  const status = page.getByTestId('options-status-feed');
  await expect(status).toHaveText('3 options from list_feeds');
  await expect(feed.locator('option')).toHaveText(['Select…', 'Malware feed', 'Phishing feed', 'Fetched 1 time(s)']);
  const statusCalls = () => vendor.requests.filter((r) => r === '/api/v1/status').length;
  const before = statusCalls();

  // The chosen value reaches the action.
  await feed.selectOption({ label: 'Phishing feed' });
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.runData).toContainText('"feed": "phishing"');

  // Refresh runs the hidden operation again; the choice stays.
  await page.getByTestId('options-refresh-feed').click();
  await expect(feed.locator('option')).toHaveText(['Select…', 'Malware feed', 'Phishing feed', 'Fetched 2 time(s)']);
  expect(statusCalls()).toBe(before + 1);
  await expect(feed).toHaveValue('phishing');
  await page.getByTestId('actions-panel').screenshot({ path: shot('test-actions-api-operation') });

  // Another configuration runs it with that configuration: the vendor refuses the key, and the error names the operation.
  await t.runConfig.selectOption({ label: 'wrong key' });
  await expect(status).toHaveText('Options from "list_feeds" failed: The service refused the API key (HTTP 401).');
  await expect(status).toHaveAttribute('role', 'alert');
  await page.getByTestId('actions-panel').screenshot({ path: shot('test-actions-api-operation-error') });
  expect(await seriousViolations(page, '[data-testid="actions-panel"]')).toEqual([]);

  // Back on the good one, its options are still there without another call.
  const calls = statusCalls();
  await t.runConfig.selectOption({ label: 'local (default)' });
  await expect(status).toHaveText('3 options from list_feeds');
  expect(statusCalls()).toBe(calls);
});

test('Write output_schema from this output: info.json gets the real keys, saved, and the next run has no schema diff', async ({ page, app }) => {
  const infoPath = path.join(app.sampleRoot, SAMPLE_CONNECTOR, 'info.json');
  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const t = testPanel(page);
  await t.show();
  await t.addConfiguration('local', vendor.url, API_KEY);
  await t.tab('actions').click();
  await t.actionSelect.selectOption('get_ip_reputation');
  await t.field('ip').fill('198.51.100.7');
  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(t.schemaMissing).toHaveText(['last_seen']);
  await expect(t.schemaExtra).toHaveText(['country']);
  await t.result.screenshot({ path: shot('test-actions-write-output-schema') });

  await page.getByTestId('schema-write').click();
  await expect(page.getByTestId('schema-offer')).toHaveCount(0);
  await expect.poll(async () => JSON.parse(await readFile(infoPath, 'utf8')).operations.find((o: { operation: string }) => o.operation === 'get_ip_reputation').output_schema)
    .toEqual({ ip: '', score: '', categories: [], country: '' });
  // Written as an ordinary edit of info.json: the tab is open and saved, the rest of the file untouched.
  const tab = page.locator(`[data-testid="editor-tab"][data-path="${SAMPLE_CONNECTOR}/info.json"]`);
  await expect(tab).toHaveAttribute('data-dirty', 'false');
  const written = JSON.parse(await readFile(infoPath, 'utf8'));
  expect(written.operations.find((o: { operation: string }) => o.operation === 'get_domain_reputation').output_schema)
    .toEqual({ domain: '', score: '', categories: [], history: [] });

  await t.run.click();
  await expect(t.runStatus).toHaveText('Success');
  await expect(page.getByTestId('schema-ok')).toBeVisible();
  await expect(page.getByTestId('schema-diff')).toHaveCount(0);
  await expect(page.getByTestId('schema-offer')).toHaveCount(0);

  // Undo in info.json takes it back like any form edit; saved, the next run shows the diff and the offer again.
  // The write left the front to what the user had open (Getting Started here): they bring info.json forward.
  await tab.click();
  const ed = editor(page);
  await ed.waitReady(`${SAMPLE_CONNECTOR}/info.json`);
  await ed.focus();
  await page.keyboard.press('Control+z');
  await expect(tab).toHaveAttribute('data-dirty', 'true');
  await ed.save();
  await expect(tab).toHaveAttribute('data-dirty', 'false');
  expect(JSON.parse(await readFile(infoPath, 'utf8')).operations[0].output_schema).toEqual({ ip: '', score: '', categories: [], last_seen: '' });
  await t.run.click();
  await expect(t.schemaMissing).toHaveText(['last_seen']);
  await expect(page.getByTestId('schema-write')).toBeVisible();
});
