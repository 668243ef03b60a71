import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SAMPLE_CONNECTOR, expect, test } from '../../fixtures';
import { gitPanel } from '../../pages/git';
import { homePage } from '../../pages/home';
import { shot } from './helpers';

test.describe.configure({ timeout: 120_000 });

/** An HTTPS-less git host that wants a password and refuses every one: git asks, the UI answers, git gives up. */
async function startLockedGitHost() {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.headers.authorization) seen.push(req.headers.authorization);
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="E2E git"', 'Content-Type': 'text/plain' }).end('Unauthorized');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/acme/connector.git`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('git asks for credentials through the UI; a refused password reads "Authentication failed"', async ({ page, app }) => {
  const host = await startLockedGitHost();
  try {
    await app.open(page);
    await homePage(page).openProject(SAMPLE_CONNECTOR);
    const git = gitPanel(page);
    await git.show();
    await git.tab('remotes');
    await git.addRemote('origin', host.url);
    await expect(git.remoteRow('origin')).toBeVisible();
    await git.fetch.click();

    const dialog = page.getByTestId('git-credential-dialog');
    await expect(dialog).toContainText('user name');
    await dialog.getByTestId('credential-input').fill('partner');
    await page.screenshot({ path: shot('git-credentials') });
    await dialog.getByTestId('credential-ok').click();
    await expect(dialog).toContainText('password');
    await expect(dialog.getByTestId('credential-input')).toHaveAttribute('type', 'password');
    await dialog.getByTestId('credential-input').fill('token-123');
    await dialog.getByTestId('credential-ok').click();

    await expect(git.failure).toHaveAttribute('data-kind', 'auth-failed');
    await expect(git.failure).toContainText('Authentication failed');
    expect(host.seen).toContain(`Basic ${Buffer.from('partner:token-123').toString('base64')}`);
  } finally {
    await host.close();
  }
});
