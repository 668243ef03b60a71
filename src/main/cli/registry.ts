import type { CliCommand } from './command';

export interface Entry {
  readonly summary: string;
  readonly load: () => Promise<{ default: CliCommand }>;
}

/** Loaded on demand so `validate` does not pay for the browser host's start-up. */
export const COMMANDS: Record<string, Entry> = {
  start: { summary: 'start the IDE (desktop, or browser mode where Electron is not installed)', load: () => import('./commands/start') },
  web: { summary: 'start browser mode: [--port N] [--workspace DIR] [--no-open]', load: () => import('./commands/web') },
  new: { summary: 'new <name> --template <id> [--dir DIR] [--answers wizard.json] | new --list-templates [--json] | new <name> --from-openapi|--from-postman|--from-curl FILE [--operations a,b|--all]', load: () => import('./commands/new') },
  validate: { summary: 'validate <folder|tgz>... [--json] [--metadata-only] [--fix]', load: () => import('./commands/validate') },
  package: { summary: 'package <folder> [-o FILE.tgz]', load: () => import('./commands/package') },
  import: { summary: 'import <tgz> [--into DIR]', load: () => import('./commands/import') },
  health: { summary: 'health <folder> --config FILE [--json]', load: () => import('./commands/health') },
  run: { summary: 'run <folder> <operation> --config FILE [--params FILE] [--json]', load: () => import('./commands/run') },
  review: { summary: 'review <folder|tgz> [--against <version>] [--json] [--html FILE] [--check-install]', load: () => import('./commands/review') },
  docs: { summary: 'docs <folder|tgz> [-o FILE.md|FILE.html] [--json]', load: () => import('./commands/docs') },
  publish: { summary: 'publish <folder|tgz> --server URL [--replace] [auth flags] [--verify] [--smoke op1,op2 --params-dir DIR] [--no-rollback] [--json]', load: () => import('./commands/publish') },
  rollback: { summary: 'rollback --server URL <name> [--to VERSION] [auth flags] [--json]', load: () => import('./commands/rollback') },
  mock: { summary: 'mock <OpenAPI|Postman|cURL file> [--port N] [--json]', load: () => import('./commands/mock') },
  sandbox: { summary: 'sandbox [--port N] [--data DIR] [--user NAME:PASSWORD] [--api-key KEY] [--hmac PUBLIC:PRIVATE] [--config FILE] [--json]', load: () => import('./commands/sandbox') },
  diff: { summary: 'diff <old version> <new version> [--json]', load: () => import('./commands/diff') },
  test: { summary: 'test <folder> [--junit FILE] [--json] [-k EXPR] | test <folder> --new-from <cassette>', load: () => import('./commands/test') },
  ingest: { summary: 'ingest <folder> --config FILE --pulls N [--interval MIN] [--record NAME | --replay NAME] [--json]', load: () => import('./commands/ingest') },
  env: { summary: 'env <folder> [show|create [--platform]|install] [--json]', load: () => import('./commands/env') },
};
