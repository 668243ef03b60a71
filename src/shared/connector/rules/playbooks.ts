/** Bundled sample playbooks (playbooks/playbooks.json): parse, state, tags, and the ingestion convention. */
import { defineRule, type Report, type Rule } from '../rule';
import type { RuleContext } from '../context';
import type { WorkflowEntry } from '../playbooks';
import { PLAYBOOKS_JSON } from '../snapshot';

const path = PLAYBOOKS_JSON;
/** Step types of the "Create Record" and bulk "Create Record" (feed ingestion) steps. */
const CREATE_RECORD_STEP_TYPES = ['2597053c-e718-44b4-8394-4d40fe26d357', '7b221880-716b-4726-a2ca-5e568d330b3e'];

const workflows = (ctx: RuleContext): readonly WorkflowEntry[] => {
  const pb = ctx.playbooks();
  return pb.state === 'ok' ? pb.workflows : [];
};
const tagged = (w: WorkflowEntry, tag: string) => w.tags.some((t) => t.toLowerCase() === tag);
const createsRecords = (w: WorkflowEntry) =>
  w.steps.some((s) => /^create record$/i.test(s.name.trim()) || CREATE_RECORD_STEP_TYPES.some((id) => s.stepType.endsWith(id)));

/** Ingestion rules apply only to connectors that support ingestion and ship readable playbooks. */
function ingestion(ctx: RuleContext, check: (list: readonly WorkflowEntry[], report: Report) => void, report: Report): void {
  if (ctx.info.ingestion_supported === true && ctx.playbooks().state === 'ok') check(workflows(ctx), report);
}

export const playbookRules: Rule[] = [
  defineRule({
    id: 'playbooks-present',
    severity: 'warning',
    family: 'playbooks',
    title: 'Sample playbooks are bundled',
    description: 'Certification expects playbooks/playbooks.json with one sample playbook per action.',
    check(ctx, report) {
      if (ctx.playbooks().state === 'missing') report({ path, message: 'There is no playbooks/playbooks.json: export a sample playbook collection for the connector.' });
    },
  }),
  defineRule({
    id: 'playbooks-json-parse',
    severity: 'error',
    family: 'playbooks',
    title: 'playbooks.json is valid JSON',
    description: 'Installing the connector imports the bundled collection; a file that does not parse fails the install.',
    check(ctx, report) {
      const pb = ctx.playbooks();
      if (pb.state === 'invalid') report({ path, line: pb.line, column: pb.column, message: `playbooks.json is not valid JSON (${pb.message}): re-export the collection.` });
    },
  }),
  defineRule({
    id: 'playbooks-empty',
    severity: 'warning',
    family: 'playbooks',
    title: 'playbooks.json is not empty',
    description: 'An empty playbooks.json installs (three published connectors have one) but ships no samples.',
    check(ctx, report) {
      if (ctx.playbooks().state === 'empty') report({ path, message: 'playbooks.json is empty: export a sample playbook collection or remove the file.' });
    },
  }),
  defineRule({
    id: 'playbook-inactive',
    severity: 'warning',
    family: 'playbooks',
    title: 'Bundled playbooks are inactive',
    description: 'The Engine inspector wants sample playbooks shipped inactive, so installing never starts automation.',
    check(ctx, report) {
      for (const w of workflows(ctx))
        if (w.isActive === true) report({ path, pointer: `${w.pointer}/isActive`, message: `Playbook '${w.name}' is active: set "isActive" to false before exporting.` });
    },
  }),
  defineRule({
    id: 'playbook-tagged',
    severity: 'warning',
    family: 'playbooks',
    title: 'Bundled playbooks are tagged',
    description: 'The Engine inspector wants each sample playbook tagged (usually with the connector name).',
    check(ctx, report) {
      for (const w of workflows(ctx))
        if (w.tags.length === 0) report({ path, pointer: `${w.pointer}/recordTags`, message: `Playbook '${w.name}' has no tags: tag it with '${ctx.info.name ?? 'the connector name'}'.` });
    },
  }),
  defineRule({
    id: 'ingestion-dataingestion-tag',
    severity: 'warning',
    family: 'playbooks',
    title: 'Ingestion connectors ship playbooks tagged dataingestion',
    description: 'The Data Ingestion wizard finds a connector\'s ingestion playbooks by the dataingestion tag.',
    check: (ctx, report) =>
      ingestion(ctx, (list, r) => {
        if (!list.some((w) => tagged(w, 'dataingestion'))) r({ path, message: 'ingestion_supported is true but no playbook is tagged "dataingestion": tag the fetch, ingest and create playbooks.' });
      }, report),
  }),
  defineRule({
    id: 'ingestion-fetch-playbook',
    severity: 'warning',
    family: 'playbooks',
    title: 'Ingestion connectors ship a fetch playbook',
    description: 'The Data Ingestion wizard runs the playbook tagged fetch to pull sample data.',
    check: (ctx, report) =>
      ingestion(ctx, (list, r) => {
        if (!list.some((w) => tagged(w, 'fetch'))) r({ path, message: 'ingestion_supported is true but no playbook is tagged "fetch": add a "> Connector > Fetch" playbook tagged dataingestion and fetch.' });
      }, report),
  }),
  defineRule({
    id: 'ingestion-create-record',
    severity: 'warning',
    family: 'playbooks',
    title: 'The ingest or create playbook has a Create Record step',
    description: 'Ingestion maps fetched data to records in the playbook tagged create (or ingest) through a Create Record step.',
    check: (ctx, report) =>
      ingestion(ctx, (list, r) => {
        const candidates = list.filter((w) => tagged(w, 'create') || tagged(w, 'ingest'));
        if (!candidates.some(createsRecords)) r({ path, message: 'No playbook tagged "create" or "ingest" has a Create Record step: add one that maps fetched data to records.' });
      }, report),
  }),
];
