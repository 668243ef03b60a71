/** `connector-studio new <name> --template <id> [--certified] [--publisher NAME] [--ci-install SPEC] [--dir DIR] [--answers wizard.json]
 * [--json]` creates a project headless (the wizard's answers as JSON, template defaults for what they leave out);
 * `--certified` is the wizard's "Submit to Fortinet for certification": what Fortinet's CI requires;
 * `--ci-install SPEC` is where the project's CI workflow installs Connector Studio from (default the npm package);
 * `new --list-templates [--json]` lists the templates. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkAnswers, type WizardAnswers } from '../../../shared/connector/wizard';
import type { AuthoringService } from '../../services/authoring/authoring-service';
import { EXIT_OK, EXIT_USAGE, UsageError, parseArgs, type CliCommand, type CliIO } from '../command';
import { exitCodeFor } from '../errors';
import { withServices } from '../services';
import { fromDescriptionCommand, isFromDescription } from './new-from-description';

const USAGE =
  'new <name> --template <id> [--certified] [--publisher NAME] [--ci-install SPEC] [--dir DIR] [--answers wizard.json] [--json] | new --list-templates [--json]' +
  ' | new <name> --from-openapi FILE|--from-postman FILE|--from-curl FILE [--operations a,b|--all] [--dir DIR] | new --from-... FILE --list-operations [--json]';

async function listCommand(io: CliIO, json: boolean, authoring: AuthoringService): Promise<number> {
  const templates = await authoring.templates();
  if (json) io.out(JSON.stringify(templates));
  else {
    const width = Math.max(...templates.map((t) => t.id.length));
    io.out(templates.map((t) => `${t.id.padEnd(width)}  ${t.title}: ${t.description}`).join('\n'));
  }
  return EXIT_OK;
}

async function readAnswers(file: string): Promise<Partial<WizardAnswers>> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  try {
    const value = JSON.parse(text) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Partial<WizardAnswers>;
  } catch (e) {
    throw new UsageError(`${file} is not valid answers JSON: ${(e as Error).message}`);
  }
}

/** The wizard's Create: the same templates, defaults, store-name warning, git commit and trust as the app. */
async function createCommand(flags: Record<string, string | boolean>, positional: string[], io: CliIO, authoring: AuthoringService): Promise<number> {
  const fromFile = typeof flags.answers === 'string' ? await readAnswers(path.resolve(io.cwd, flags.answers)) : {};
  const name = positional[0] ?? fromFile.name;
  const templateId = typeof flags.template === 'string' ? flags.template : fromFile.template;
  if (!name) throw new UsageError('name the connector: new <name> --template <id>');
  if (!templateId) throw new UsageError('choose a template with --template <id> (see new --list-templates)');
  const given: Partial<WizardAnswers> = { ...fromFile, name, template: templateId };
  if (flags.certified === true) given.publishTarget = 'fortinet';
  if (typeof flags.publisher === 'string') given.publisher = flags.publisher;
  if (typeof flags['ci-install'] === 'string') given.ciInstall = flags['ci-install'];
  const answers = await authoring.defaults(templateId, name, given);
  const storeNames = new Set(await authoring.storeNames());
  for (const w of checkAnswers(answers, { storeNames }).filter((i) => i.severity === 'warning')) io.err(`warning: ${w.field}: ${w.message}`);
  // What `new` makes from our templates is the user's own: trusted in the IDE from the start.
  const created = await authoring.scaffold(answers, path.resolve(io.cwd, typeof flags.dir === 'string' ? flags.dir : '.'));
  if (!created.committed)
    io.err(`connector-studio new: git has no user.name and user.email, so the files are staged but not committed. Set them (git config --global user.name "Your Name"; git config --global user.email you@example.com), then commit in ${created.projectRoot}.`);
  if (flags.json) io.out(JSON.stringify(created));
  else io.out(`Created ${created.projectRoot} from the ${templateId} template (${created.files.length} files, ${created.committed ? `commit ${created.sha.slice(0, 7)}` : 'staged, not committed'}).`);
  return EXIT_OK;
}

async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const { flags, positional } = parseArgs(argv, {
      booleans: ['json', 'list-templates', 'certified', 'all', 'list-operations'],
      strings: ['template', 'dir', 'answers', 'publisher', 'ci-install', 'from-openapi', 'from-postman', 'from-curl', 'operations'],
    });
    if (positional.length > 1) throw new UsageError('give one connector name');
    if (isFromDescription(flags)) return await fromDescriptionCommand(flags, positional, io);
    return await withServices(io, async (s) =>
      flags['list-templates'] ? listCommand(io, flags.json === true, await s.authoring()) : createCommand(flags, positional, io, await s.authoring()),
    );
  } catch (e) {
    const code = exitCodeFor(e);
    io.err(`connector-studio new: ${(e as Error).message}${code === EXIT_USAGE && e instanceof UsageError ? `\nUsage: connector-studio ${USAGE}` : ''}`);
    return code;
  }
}

const command: CliCommand = { name: 'new', summary: 'create a connector project from a template', usage: USAGE, run };
export default command;
