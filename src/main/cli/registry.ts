import type { CliCommand } from './command';

interface Entry {
  readonly summary: string;
  readonly load: () => Promise<{ default: CliCommand }>;
}

/** Loaded on demand so `validate` does not pay for the browser host's start-up. */
export const COMMANDS: Record<string, Entry> = {
  start: { summary: 'start the IDE (desktop, or browser mode where Electron is not installed)', load: () => import('./commands/start') },
  web: { summary: 'start browser mode: [--port N] [--workspace DIR] [--no-open]', load: () => import('./commands/web') },
  validate: { summary: 'validate <folder|tgz> [--json] [--metadata-only]', load: () => import('./commands/validate') },
  health: { summary: 'health <folder> --config FILE [--json]', load: () => import('./commands/health') },
  run: { summary: 'run <folder> <operation> --config FILE [--params FILE] [--json]', load: () => import('./commands/run') },
};
