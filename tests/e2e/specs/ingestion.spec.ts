import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '../fixtures';
import { repoRoot } from '../host';
import { homePage } from '../pages/home';
import { platformData } from '../pages/platformData';
import { testPanel } from '../pages/testing';
import { createProject } from '../../../src/main/services/connector/scaffold';
import { defaultAnswers, loadTemplate } from '../../../src/main/services/connector/templates';
import { createGitService } from '../../../src/main/services/git/git-service';
import { environmentFor } from '../../corpus-runtime/venvs';

// Issue 19's "done means" in the IDE: a project made from the "Alerts / SIEM ingestion" template fetches sample data,
// shows its field mapping, ingests 3 pulls from a fake SIEM into the Platform data view, and a 4th creates nothing.
const shot = (name: string) => path.join(repoRoot, 'test-results', 'shots', `${name}.png`);
const KEY = 'siem-e2e-key';
const ALERTS = [1, 2, 3].map((n) => ({ id: `SIEM-${n}`, title: `Brute force on host ${n}`, severity: 'High', status: 'New', source_ip: `192.0.2.${n}`, created: '2026-01-01T00:00:00Z', description: 'Many failed logins' }));

async function startSiem(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const ok = req.headers['x-api-key'] === KEY;
    const body = !ok ? { error: 'bad key' } : req.url?.startsWith('/api/v1/alerts') ? { total: ALERTS.length, alerts: ALERTS } : { version: '1.0' };
    res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) await page.screenshot({ path: shot('ingestion-failed') });
});

test('a project from the Alerts / SIEM ingestion template: sample data, field mapping, 3 pulls into Platform Data, a 4th creates nothing', async ({ page, app }) => {
  test.setTimeout(180_000);
  const siem = await startSiem();
  try {
    // The playbooks need arrow, which FortiSOAR pre-installs: run on an interpreter that has it (the platform default's).
    const python = (await environmentFor(path.join(repoRoot, 'tests', 'fixtures', 'runnable', 'fortinet-fortiddos'), 'fortinet-fortiddos')).python[0]!;
    const settingsFile = path.join(app.dirs.userData, 'settings.json');
    const settings = JSON.parse(await readFile(settingsFile, 'utf8').catch(() => '{}')) as Record<string, unknown>;
    await writeFile(settingsFile, JSON.stringify({ ...settings, pythonPath: python }, null, 2));
    const templatesDir = path.join(repoRoot, 'resources', 'templates');
    const t = await loadTemplate(templatesDir, 'alerts-siem-ingestion');
    await createProject(defaultAnswers(t, 'acme-siem-alerts', { publisher: 'Acme Corp' }), { workspaceRoot: app.dirs.workspace, templatesDir, git: createGitService(() => 'git') });
    await app.restart();
    await app.open(page);
    await homePage(page).openProject('acme-siem-alerts');
    // Made outside the wizard, so it opens restricted (it would run code); this one is ours.
    await page.getByTestId('trust-project').click();
    await expect(page.getByTestId('restricted-banner')).toHaveCount(0);

    const tp = testPanel(page);
    await tp.show();
    await tp.addConfiguration('SIEM', siem.url, KEY);

    await page.getByTestId('activity-ingestion').click();
    const view = page.getByTestId('ingestion-view');
    await expect(view).toBeVisible();
    await expect(view).toContainText('> Acme Siem Alerts > Fetch');
    await expect(page.getByTestId('ingestion-config')).toHaveValue(/.+/);

    await page.getByTestId('ingestion-fetch-sample').click();
    const sample = page.getByTestId('ingestion-sample-table');
    await expect(sample.locator('tbody tr')).toHaveCount(3);
    await expect(sample).toContainText('SIEM-2');
    await expect(page.getByTestId('ingestion-mapping')).toContainText('sourceId');
    await expect(page.getByTestId('ingestion-unmapped')).toContainText('status');
    await page.screenshot({ path: shot('ingestion-sample') });

    await page.getByTestId('ingestion-pulls').fill('3');
    await page.getByTestId('ingestion-run').click();
    const pulls = page.getByTestId('ingestion-pull');
    await expect(pulls).toHaveCount(3, { timeout: 60_000 });
    const counts = async () => (await pulls.allInnerTexts()).map((row) => row.split(/\s+/).slice(2).join(' '));
    expect(await counts()).toEqual(['3 3 0 0', '3 0 3 0', '3 0 3 0']);
    await expect(page.getByTestId('ingestion-summary')).toContainText('3 records created, 6 duplicates skipped, 0 errors');
    await expect(page.getByTestId('ingestion-record-link')).toHaveCount(3);
    // What each pull ran: the ingest playbook, the fetch playbook it references, the mapping, the pull time kept.
    await expect(page.getByTestId('ingestion-pull-steps').first()).toContainText('Fetch → Start → Configuration → Get Last Pull Time → Set Time Window → Fetch Records');
    await expect(page.getByTestId('ingestion-pull-steps').first()).toContainText('Create Record → Update Last Pull Time');
    await page.getByTestId('ingestion-summary').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('ingestion-run') });

    // A created record's link opens it in the Platform data view.
    const first = page.getByTestId('ingestion-record-link').first();
    const iri = (await first.textContent()) ?? '';
    expect(iri).toMatch(/^\/api\/3\/alerts\//);
    await first.click();
    const p = platformData(page);
    await expect(p.view).toBeVisible();
    await expect(p.module('alerts')).toBeVisible();
    // The alerts, and the global variable holding the last pull time that the next pull reads.
    const alerts = p.view.locator('[data-testid="platform-record"][data-iri^="/api/3/alerts/"]');
    await expect(alerts).toHaveCount(3);
    await expect(p.module('dynamic_variables')).toBeVisible();
    await expect(p.record(iri)).toBeFocused();
    await page.screenshot({ path: shot('ingestion-platform-data') });

    // A 4th pull over the same data creates nothing.
    await page.getByTestId('activity-ingestion').click();
    await page.getByTestId('ingestion-pulls').fill('1');
    await page.getByTestId('ingestion-run').click();
    await expect(page.getByTestId('ingestion-summary')).toContainText('0 records created, 3 duplicates skipped, 0 errors', { timeout: 60_000 });
    await p.show();
    await p.refresh.click();
    await expect(alerts).toHaveCount(3);
  } finally {
    await new Promise((resolve) => siem.server.close(resolve));
  }
});
