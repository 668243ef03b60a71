import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { homePage } from '../../pages/home';
import { publishPanel } from '../../pages/publish';
import { shot } from '../git/helpers';
import { ADMIN, startSandbox, type RunningSandbox } from './sandbox';

test.describe.configure({ timeout: 120_000 });

let sandbox: RunningSandbox | undefined;
test.afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

test('a self-signed certificate fails at TLS with its fingerprint; "Trust this certificate" pins it and the test passes', async ({ page, app }) => {
  const dir = path.join(app.dirs.home, 'tls');
  await mkdir(dir, { recursive: true });
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  // The fingerprint as openssl prints it, to compare with what the UI shows.
  const fingerprint = execFileSync('openssl', ['x509', '-in', cert, '-noout', '-fingerprint', '-sha256'], { encoding: 'utf8' }).trim().split('=')[1];
  sandbox = await startSandbox(path.join(dir, 'data'), ['--tls-cert', cert, '--tls-key', key]);
  const port = new URL(sandbox.url).port;

  await app.open(page);
  await homePage(page).openProject(SAMPLE_CONNECTOR);
  const pub = publishPanel(page);
  await pub.show();
  await pub.addProfile({ name: 'Lab', url: `https://localhost:${port}`, username: ADMIN.name, secret: ADMIN.password });
  await pub.testProfile('Lab');
  const test = pub.connectionTest('Lab');
  await expect(test).toHaveAttribute('data-failed-step', 'tls');
  await expect(test.getByTestId('certificate-fingerprint')).toHaveText(fingerprint);
  await page.screenshot({ path: shot('publish-self-signed') });
  await test.getByTestId('certificate-trust').click();
  await expect(test).toHaveAttribute('data-state', 'ok');
  await expect(pub.profile('Lab')).toContainText('pinned certificate');
});
