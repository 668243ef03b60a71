/** `new <name> --from-openapi FILE | --from-postman FILE | --from-curl FILE [--operations a,b | --all] [--dir DIR]
 * [--certified] [--publisher NAME] [--ci-install SPEC] [--json]` and `new --from-... FILE --list-operations [--json]`: a connector on
 * the blank template from a vendor's API description. Operation ids are the generated operation names. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WizardAnswers } from '../../../shared/connector/wizard';
import type { ApiDescriptionKind, ApiDescriptionSource } from '../../../shared/models/api-import';
import { defaultSelection, preview } from '../../services/api-import/generate';
import { EXIT_OK, UsageError, type CliIO } from '../command';
import { InputError } from '../errors';
import { withServices } from '../services';

export const FROM_FLAGS = ['from-openapi', 'from-postman', 'from-curl'] as const;

export const isFromDescription = (flags: Record<string, string | boolean>): boolean => FROM_FLAGS.some((f) => flags[f] !== undefined);

async function sourceOf(flags: Record<string, string | boolean>, cwd: string): Promise<ApiDescriptionSource> {
  const given = FROM_FLAGS.filter((f) => flags[f] !== undefined);
  if (given.length > 1) throw new UsageError(`give one description: ${given.map((f) => `--${f}`).join(' or ')}`);
  const flag = given[0] as (typeof FROM_FLAGS)[number];
  const value = flags[flag];
  if (typeof value !== 'string') throw new UsageError(`--${flag} needs a file`);
  const file = path.resolve(cwd, value);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  return { kind: flag.slice('from-'.length) as ApiDescriptionKind, text, fileName: path.basename(file) };
}

export async function fromDescriptionCommand(flags: Record<string, string | boolean>, positional: string[], io: CliIO): Promise<number> {
  const source = await sourceOf(flags, io.cwd);
  return withServices(io, async (s) => {
    const service = await s.apiImport();
    const d = await service.read(source);
    for (const note of d.notes) io.err(`note: ${note}`);
    if (flags['list-operations'] === true) {
      const p = preview(d);
      if (flags.json === true) io.out(JSON.stringify(p.operations));
      else {
        const width = Math.max(0, ...p.operations.map((o) => o.id.length));
        io.out(p.operations.map((o) => `${o.readOnly ? '*' : ' '} ${o.id.padEnd(width)}  ${o.method.padEnd(6)} ${o.path}${o.group ? `  [${o.group}]` : ''}`).join('\n'));
        io.err(`${p.operations.length} operations; * = read-only, generated without --operations or --all.`);
      }
      return EXIT_OK;
    }
    const name = positional[0];
    if (!name) throw new UsageError('name the connector: new <name> --from-openapi FILE');
    if (flags.all === true && flags.operations !== undefined) throw new UsageError('give --operations or --all, not both');
    const operations =
      flags.all === true
        ? d.operations.map((o) => o.id)
        : typeof flags.operations === 'string'
          ? flags.operations.split(',').map((x) => x.trim()).filter(Boolean)
          : defaultSelection(d);
    if (!operations.length) throw new InputError('the description has no read-only operation: pick some with --operations a,b (see --list-operations) or --all.');
    const answers: Partial<WizardAnswers> & { name: string } = { name };
    if (flags.certified === true) answers.publishTarget = 'fortinet';
    if (typeof flags.publisher === 'string') answers.publisher = flags.publisher;
    if (typeof flags['ci-install'] === 'string') answers.ciInstall = flags['ci-install'];
    const created = await service.create(source, { operations }, answers, path.resolve(io.cwd, typeof flags.dir === 'string' ? flags.dir : '.'));
    // What `new` makes is the user's own: trusted in the IDE from the start, as with a template.
    await (await s.trust()).trust(created.projectRoot);
    if (flags.json === true) io.out(JSON.stringify({ ...created, operations: operations.length, found: d.operations.length }));
    else io.out(`Created ${created.projectRoot} from ${source.fileName} (${operations.length} of ${d.operations.length} operations, ${created.files.length} files).`);
    return EXIT_OK;
  });
}
