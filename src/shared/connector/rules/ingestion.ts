/** Data ingestion's playbook conventions (issue 19), as the server's Data Ingestion wizard relies on them: each
 * ingestion playbook carries a role tag and the connector's name, the fetch and ingest playbooks start with a
 * "Configuration" Set Variable step (the wizard's inputs), the mapping step is named "Create Record" (the wizard's
 * field mapping reads it by name), and a fetch playbook that is not also the create one creates nothing (the
 * Connectors Guide: sample data must not land in the module). Warnings at most: none of the corpus's ingestion
 * connectors (taxii2, anomali, sekoia) gets a finding from them. The modes are checked by `ingestion-modes`. */
import { defineRule, type Report, type Rule } from '../rule';
import type { RuleContext } from '../context';
import type { WorkflowEntry } from '../playbooks';
import { PLAYBOOKS_JSON } from '../snapshot';

const path = PLAYBOOKS_JSON;
const SET_VARIABLE = '04d0cf46-b6a8-42c4-8683-60a7eaa69e8f';
const CREATE_RECORD = ['2597053c-e718-44b4-8394-4d40fe26d357', '7b221880-716b-4726-a2ca-5e568d330b3e'];
const ROLES = ['fetch', 'ingest', 'create'];

const has = (w: WorkflowEntry, tag: string) => w.tags.some((t) => t.toLowerCase() === tag);
const createSteps = (w: WorkflowEntry) => w.steps.filter((s) => CREATE_RECORD.some((id) => s.stepType.endsWith(id)));

function ingestionPlaybooks(ctx: RuleContext, check: (list: readonly WorkflowEntry[], report: Report) => void, report: Report): void {
  const pb = ctx.playbooks();
  if (ctx.info.ingestion_supported === true && pb.state === 'ok') check(pb.workflows.filter((w) => has(w, 'dataingestion')), report);
}

export const ingestionRules: Rule[] = [
  defineRule({
    id: 'ingestion-playbook-role',
    severity: 'warning',
    family: 'playbooks',
    title: 'Ingestion playbooks carry a role and the connector name',
    description: 'The Data Ingestion wizard picks the playbooks tagged dataingestion and the connector name by their role tag: fetch, ingest or create.',
    check: (ctx, report) =>
      ingestionPlaybooks(ctx, (list, r) => {
        const name = typeof ctx.info.name === 'string' ? ctx.info.name.toLowerCase() : undefined;
        for (const w of list)
          if (name && ROLES.some((role) => has(w, role)) && !has(w, name))
            r({ path, pointer: `${w.pointer}/recordTags`, message: `Playbook '${w.name}' is tagged dataingestion but not "${String(ctx.info.name)}": the wizard lists a connector's ingestion playbooks by its name tag.` });
      }, report),
  }),
  // Certified connectors (QRadar) tag helper playbooks dataingestion without a role: the wizard simply leaves them
  // out, so this is worth knowing, not fixing.
  defineRule({
    id: 'ingestion-playbook-without-role',
    severity: 'info',
    family: 'playbooks',
    title: 'A dataingestion playbook without a role is not one the wizard uses',
    description: 'The Data Ingestion wizard uses only the playbooks tagged fetch, ingest or create; one tagged dataingestion alone is a helper it never runs.',
    check: (ctx, report) =>
      ingestionPlaybooks(ctx, (list, r) => {
        for (const w of list)
          if (!ROLES.some((role) => has(w, role)))
            r({ path, pointer: `${w.pointer}/recordTags`, message: `Playbook '${w.name}' is tagged dataingestion without a role ("fetch", "ingest" or "create"): the Data Ingestion wizard does not use it.` });
      }, report),
  }),
  defineRule({
    id: 'ingestion-configuration-step',
    severity: 'info',
    family: 'playbooks',
    title: 'Fetch and ingest playbooks have a "Configuration" step',
    description: 'The wizard supplies its inputs (how far back, how many) through the Set Variable step named Configuration.',
    check: (ctx, report) =>
      ingestionPlaybooks(ctx, (list, r) => {
        for (const w of list.filter((x) => has(x, 'fetch') || has(x, 'ingest')))
          if (!w.steps.some((s) => s.name.trim() === 'Configuration' && s.stepType.endsWith(SET_VARIABLE)))
            r({ path, pointer: `${w.pointer}/steps`, message: `Playbook '${w.name}' has no Set Variable step named "Configuration": the wizard puts its inputs there.` });
      }, report),
  }),
  defineRule({
    id: 'ingestion-create-record-name',
    severity: 'warning',
    family: 'playbooks',
    title: 'The mapping step is named "Create Record"',
    description: 'The wizard\'s field mapping reads the Create Record step of the ingestion playbooks by its name.',
    check: (ctx, report) =>
      ingestionPlaybooks(ctx, (list, r) => {
        for (const w of list) {
          const steps = createSteps(w);
          if (steps.length > 0 && !steps.some((s) => s.name.trim() === 'Create Record'))
            r({ path, pointer: `${w.pointer}/steps`, message: `Playbook '${w.name}' maps records in the step '${steps[0]!.name}': name it "Create Record" so the wizard shows its field mapping.` });
        }
      }, report),
  }),
  defineRule({
    id: 'ingestion-fetch-creates',
    severity: 'warning',
    family: 'playbooks',
    title: 'A fetch playbook creates no records',
    description: 'The Connectors Guide: the playbook tagged fetch only returns sample data unless it is also the create playbook; creating records there fills the module while the user is still mapping.',
    check: (ctx, report) =>
      ingestionPlaybooks(ctx, (list, r) => {
        for (const w of list)
          if (has(w, 'fetch') && !has(w, 'create') && createSteps(w).length > 0)
            r({ path, pointer: `${w.pointer}/recordTags`, message: `Playbook '${w.name}' is tagged fetch, not create, yet has a Create Record step: move the step to the ingest or create playbook, or tag it "create".` });
      }, report),
  }),
];
