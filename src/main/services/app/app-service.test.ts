import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../../../../tests/helpers/tmp';
import type { Settings } from '../../../shared/models/settings';
import { DEFAULT_SETTINGS } from '../settings/settings-service';
import { createAppService, redact, scrubLine } from './app-service';
import { createLogger } from './logger';

// Every value below is a secret: none of them may appear anywhere in an exported diagnostics archive.
const SECRETS = ['hunter2', 'tok_8f7e6d5c4b3a', 'AKIA1234SECRETKEY', 'ghp_abcdefghijklmnop1234', 's3cr3t-client', 'eyJhbGciOiJIUzI1NiJ9.payload.sig', 'pa"ss\\word', 'dXNlcjpwYXNz', 'Sup3rPr1vate'];

describe('redact (settings)', () => {
  it('replaces the value of every secret-looking key, at any depth and inside arrays', () => {
    const settings = {
      theme: 'dark',
      editorFontSize: 14,
      password: 'hunter2',
      apiKey: 'AKIA1234SECRETKEY',
      proxy: { url: 'http://proxy:3128', auth: { user: 'bob', pass: 'hunter2' } },
      servers: [{ name: 'prod', accessToken: 'tok_8f7e6d5c4b3a' }, { name: 'lab', client_secret: 's3cr3t-client' }],
      git: { credentials: { github: 'ghp_abcdefghijklmnop1234' } },
    };
    const out = redact(settings) as typeof settings;
    expect(out.theme).toBe('dark');
    expect(out.editorFontSize).toBe(14);
    expect(out.password).toBe('<redacted>');
    expect(out.apiKey).toBe('<redacted>');
    expect(out.proxy.url).toBe('http://proxy:3128');
    expect(out.proxy.auth).toBe('<redacted>');
    expect(out.servers[0]).toEqual({ name: 'prod', accessToken: '<redacted>' });
    expect(out.servers[1]).toEqual({ name: 'lab', client_secret: '<redacted>' });
    expect(out.git.credentials).toBe('<redacted>');
    for (const s of SECRETS) expect(JSON.stringify(out)).not.toContain(s);
    // The input is left alone: redaction works on a copy.
    expect(settings.password).toBe('hunter2');
  });

  it('removes credentials inside ordinary string values, such as a URL with user:password@', () => {
    const out = redact({ workspaceRoot: '/home/me/ConnectorStudio', extraProjects: ['/tmp/p', 'https://bob:ghp_abcdefghijklmnop1234@github.com/acme/x.git'] }) as Settings;
    expect(out.workspaceRoot).toBe('/home/me/ConnectorStudio');
    expect(out.extraProjects[0]).toBe('/tmp/p');
    expect(out.extraProjects[1]).toBe('https://<redacted>@github.com/acme/x.git');
  });
});

describe('scrubLine (log lines)', () => {
  const cases: [string, string][] = [
    ['2026-01-01T00:00:00Z INFO login {"username":"bob","password":"hunter2"}', '2026-01-01T00:00:00Z INFO login {"username":"bob","password":<redacted>}'],
    ['password=hunter2 next=1', 'password=<redacted> next=1'],
    ['Password : hunter2', 'Password : <redacted>'],
    ['{"api_key":"AKIA1234SECRETKEY","region":"eu"}', '{"api_key":<redacted>,"region":"eu"}'],
    ['x-api-key: AKIA1234SECRETKEY', 'x-api-key: <redacted>'],
    ['{"apiKey":"AKIA1234SECRETKEY"}', '{"apiKey":<redacted>}'],
    ['{"accessToken":"tok_8f7e6d5c4b3a"}', '{"accessToken":<redacted>}'],
    ['GET http://127.0.0.1:5173/?token=tok_8f7e6d5c4b3a', 'GET http://127.0.0.1:5173/?token=<redacted>'],
    ['{"client_secret": "s3cr3t-client"}', '{"client_secret": <redacted>}'],
    ['{"private_key":"Sup3rPr1vate"}', '{"private_key":<redacted>}'],
    ['passwd=hunter2', 'passwd=<redacted>'],
    // A JSON string with an escaped quote is redacted to its real end, not to the escaped quote.
    ['{"password":"pa\\"ss\\\\word","user":"bob"}', '{"password":<redacted>,"user":"bob"}'],
    // Authorization headers, as a header line and inside logged JSON.
    ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig', 'Authorization: <redacted>'],
    ['{"headers":{"Authorization":"Basic dXNlcjpwYXNz"}}', '{"headers":{"Authorization":<redacted>}}'],
    ['curl -H "X: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"', 'curl -H "X: Bearer <redacted>"'],
    // Credentials in a URL, as git prints a remote in an error.
    ["fatal: Authentication failed for 'https://bob:ghp_abcdefghijklmnop1234@github.com/acme/x.git/'", "fatal: Authentication failed for 'https://<redacted>@github.com/acme/x.git/'"],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(scrubLine(line)).toBe(expected);
  });

  it('leaves lines without secrets as they are', () => {
    for (const line of ['2026-01-01T00:00:00Z INFO Services started (browser, workspace /home/me/ConnectorStudio)', 'Error: ENOENT: no such file, open /x/info.json', '{"author":"Jane","keyboard":"us"}', 'https://github.com/acme/x.git'])
      expect(scrubLine(line)).toBe(line);
  });
});

describe('exportDiagnostics', () => {
  it('writes an archive whose settings and logs hold none of the secrets, and still holds the rest', async () => {
    const userDataDir = await tmpDir('cs-diag-');
    const logsDir = path.join(userDataDir, 'logs');
    const log = createLogger(logsDir);
    log.info('Services started (browser, workspace /home/me/ConnectorStudio)');
    log.warn('Publish failed', { server: 'https://soar.example', username: 'csadmin', password: 'hunter2', headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig' } });
    log.error('Test config', { api_key: 'AKIA1234SECRETKEY', client_secret: 's3cr3t-client', note: 'password=pa"ss\\word' });
    log.error('git push failed', new Error("fatal: Authentication failed for 'https://bob:ghp_abcdefghijklmnop1234@github.com/acme/x.git/'"));
    log.info('Opened http://127.0.0.1:5173/?token=tok_8f7e6d5c4b3a');
    log.info('Basic auth header: Authorization: Basic dXNlcjpwYXNz');
    log.info('private key {"private_key":"Sup3rPr1vate"}');

    const settings = {
      ...DEFAULT_SETTINGS,
      workspaceRoot: '/home/me/ConnectorStudio',
      proxy: { url: 'http://proxy:3128', password: 'hunter2' },
    } as unknown as Settings;
    const service = createAppService({ version: '9.9.9', mode: 'browser', userDataDir, logsDir, settings: async () => settings, tools: async () => [] });
    const { path: archive, bytes } = await service.exportDiagnostics();
    expect(bytes).toBeGreaterThan(0);

    const out = await tmpDir('cs-diag-x-');
    await tar.x({ file: archive, cwd: out });
    const files = ['versions.json', 'settings.json', ...(await readdir(path.join(out, 'logs'))).map((f) => `logs/${f}`)];
    expect(files).toContain('logs/main.log.json');
    const all = (await Promise.all(files.map((f) => readFile(path.join(out, f), 'utf8')))).join('\n');
    // Compare against the text as it sits in the files: JSON-escaped.
    for (const s of SECRETS) {
      expect(all, s).not.toContain(s);
      expect(all, s).not.toContain(JSON.stringify(s).slice(1, -1));
    }
    const exported = JSON.parse(await readFile(path.join(out, 'settings.json'), 'utf8'));
    expect(exported).toMatchObject({ workspaceRoot: '/home/me/ConnectorStudio', theme: 'dark', proxy: { url: 'http://proxy:3128', password: '<redacted>' } });
    const lines: string[] = JSON.parse(await readFile(path.join(out, 'logs', 'main.log.json'), 'utf8')).lines;
    expect(lines.join('\n')).toContain('Services started (browser, workspace /home/me/ConnectorStudio)');
    expect(lines.join('\n')).toContain('"username":"csadmin"');
    expect(lines.join('\n')).toContain('github.com/acme/x.git');
    expect(JSON.parse(await readFile(path.join(out, 'versions.json'), 'utf8')).app).toBe('9.9.9');
  });
});
