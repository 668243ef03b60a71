import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appVersion, findAppRoot } from '../../app-root';
import { startBrowserHost } from '../../server/browser-host';
import { findRunningHost, recordRunningHost, requestLaunchUrl } from '../../server/instance-lock';
import { startSandbox } from '../../sandbox/server';
import { createServices } from '../../services';
import { defaultUserDataDir } from '../../services/settings/paths';
import { EXIT_OK, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { openUrl } from '../open-url';

export async function startWeb(argv: string[], io: Pick<CliIO, 'out' | 'err' | 'env'>, why?: string): Promise<number> {
  const { flags } = parseArgs(argv, { booleans: ['no-open', 'json'], strings: ['port', 'workspace'] });
  const port = flags.port === undefined ? 0 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${flags.port}"`);
  const userDataDir = defaultUserDataDir(io.env);
  const running = flags.port === undefined ? await findRunningHost(userDataDir) : null;
  if (running) {
    // Every launch link is single-use, so the running host mints a new one for this browser.
    const url = await requestLaunchUrl(running).catch((e: Error) => void io.err(`${e.message} Starting a new one.`));
    if (url) {
      io.out(flags.json ? JSON.stringify({ url, reused: true }) : `Connector Studio is already running at ${url}\nThis link opens one browser, once.`);
      if (!flags['no-open']) openUrl(url, io.err);
      return EXIT_OK;
    }
  }
  const appRoot = findAppRoot(path.dirname(fileURLToPath(import.meta.url)));
  const services = await createServices({
    userDataDir,
    resourcesDir: path.join(appRoot, 'resources'),
    appVersion: appVersion(appRoot),
    mode: 'browser',
    workspaceOverride: typeof flags.workspace === 'string' ? path.resolve(flags.workspace) : undefined,
    startSandbox,
  });
  const host = await startBrowserHost({ services, rendererDir: path.join(appRoot, 'out', 'renderer'), port });
  const forget = await recordRunningHost(userDataDir, { origin: host.origin, secret: host.launchSecret });
  if (flags.json) io.out(JSON.stringify({ url: host.url, port: host.port }));
  else
    io.out(
      `${why ? why + '\n' : ''}Connector Studio (browser mode) is running at ${host.url}\n` +
        'This link opens one browser, once; run `connector-studio web` again for another. Press Ctrl+C to stop.',
    );
  if (!flags['no-open']) openUrl(host.url, io.err);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  io.err(`connector-studio web: ${signal} received, stopping.`);
  await services.dispose();
  await forget();
  await host.close();
  return EXIT_OK;
}

const web: CliCommand = {
  name: 'web',
  summary: 'start browser mode',
  usage: 'web [--port N] [--workspace DIR] [--no-open] [--json]',
  run: (argv, io) => startWeb(argv, io),
};
export default web;
