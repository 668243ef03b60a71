/** The playbook interpreter's units (resources/python/playbook_interpreter.py, playbook_expressions.py,
 * virtual_clock.py), run with the platform default's interpreter (arrow, as FortiSOAR pre-installs it; jinja2 and
 * jmespath beside it). Each case is a small playbook or expression written here; the platform is a dict in the
 * driver, the connector a Python function: what these test is the interpreter's own logic. */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environmentFor, REPO } from '../../../../tests/corpus-runtime/venvs';
import { tmpDir } from '../../../../tests/helpers/tmp';

let python: string;
beforeAll(async () => {
  // Any corpus connector without requirements shares the platform default (arrow installed).
  python = (await environmentFor(path.join(REPO, 'tests', 'fixtures', 'runnable', 'fortinet-fortiddos'), 'fortinet-fortiddos')).python[0]!;
}, 120_000);

const DRIVER = `
import json, sys
sys.path.insert(0, ${JSON.stringify(path.join(REPO, 'resources', 'python'))})
import virtual_clock
from playbook_expressions import Evaluator, UnknownFilter
from playbook_interpreter import Interpreter, Platform, Playbooks, PlaybookError, UnsupportedStep

case = json.load(open(sys.argv[1]))
out = {}
records = {}
def request(method, iri, body):
    module = iri.split('?')[0].split('/')[3]
    if method == 'GET':
        from urllib.parse import parse_qs, urlsplit
        q = {k: v[0] for k, v in parse_qs(urlsplit(iri).query).items() if not k.startswith('$')}
        found = [r for r in records.values() if r['@id'].split('/')[3] == module and all(str(r.get(k)) == v for k, v in q.items())]
        return {'hydra:member': found}
    if method == 'PUT':
        records[iri].update(body)
        return records[iri]
    iri = '/api/3/%s/%d' % (module, len(records) + 1)
    records[iri] = dict(body, **{'@id': iri})
    return records[iri]
calls = []
def connector(name, operation, params, config, env):
    calls.append([operation, params])
    return {'operation': operation, 'status': 'Success', 'message': '', 'data': case.get('vendor', {}).get(operation)}
with virtual_clock.installed(case.get('clock', 1767225600)):
    if 'expressions' in case:
        ev = Evaluator()
        results = []
        for text in case['expressions']:
            try:
                results.append({'value': ev.value(text, case.get('vars', {}), 'test')})
            except Exception as e:
                results.append({'error': type(e).__name__, 'message': str(e)})
        out['results'] = results
    else:
        it = Interpreter(Playbooks(case['playbooks']), connector, Platform(request))
        try:
            for params in case.get('runs', [{}]):
                v = it.run(case['run'], params=params)
                out.setdefault('results', []).append(v.get('result'))
        except Exception as e:
            out['error'] = type(e).__name__
            out['message'] = str(e)
        out['trace'] = it.trace
        out['counts'] = {'fetched': it.counts.fetched, 'created': it.counts.created, 'duplicates': it.counts.duplicates}
out['records'] = list(records.values())
out['calls'] = calls
print(json.dumps(out, default=str))
`;

interface Driven {
  results: ({ value?: unknown; error?: string; message?: string } & Record<string, unknown>)[];
  error?: string;
  message?: string;
  trace: { step: string; skipped?: boolean; option?: string }[];
  counts: { fetched: number; created: number; duplicates: number };
  records: Record<string, unknown>[];
  calls: unknown[];
}

async function drive(c: Record<string, unknown>): Promise<Driven> {
  const dir = await tmpDir('cs-interp-');
  writeFileSync(path.join(dir, 'driver.py'), DRIVER);
  writeFileSync(path.join(dir, 'case.json'), JSON.stringify(c));
  const out = await new Promise<string>((resolve, reject) =>
    execFile(python, [path.join(dir, 'driver.py'), path.join(dir, 'case.json')], { cwd: dir, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }, (e, stdout, stderr) => (e ? reject(new Error(stderr || e.message)) : resolve(stdout))),
  );
  return JSON.parse(out) as Driven;
}

const T = (uuid: string) => `/api/3/workflow_step_types/${uuid}`;
const START = T('b348f017-9a94-471f-87f8-ce88b6a7ad62');
const SET = T('04d0cf46-b6a8-42c4-8683-60a7eaa69e8f');
const CONNECTOR = T('0bfed618-0316-11e7-93ae-92361f002671');
const UTIL = T('0109f35d-090b-4a2b-bd8a-94cbc3508562');
const DECISION = T('12254cf5-5db7-4b1a-8cb1-3af081924b28');
const CREATE = T('2597053c-e718-44b4-8394-4d40fe26d357');
const REFERENCE = T('74932bdc-b8b6-4d24-88c4-1a4dfbc524f3');

interface Step {
  name: string;
  stepType: string;
  arguments: Record<string, unknown>;
}
/** A workflow whose steps run in the order given (a Decision's options name their targets by name). */
function workflow(uuid: string, steps: Step[], extraRoutes: [string, string][] = []) {
  const id = (name: string) => `/api/3/workflow_steps/${uuid}-${name.replace(/\W/g, '')}`;
  const shaped = steps.map((s) => ({
    ...s,
    uuid: `${uuid}-${s.name.replace(/\W/g, '')}`,
    arguments:
      s.stepType === DECISION
        ? { conditions: (s.arguments.conditions as { target: string }[]).map(({ target, ...c }) => ({ ...c, step_iri: id(target) })) }
        : s.arguments,
  }));
  const routes = steps.slice(1).filter((_, i) => steps[i]!.stepType !== DECISION && !steps[i]!.name.startsWith('end:')).map((s, i) => ({ sourceStep: id(steps[i]!.name), targetStep: id(s.name) }));
  return { uuid, name: uuid, triggerStep: id(steps[0]!.name), steps: shaped, routes: [...routes, ...extraRoutes.map(([a, b]) => ({ sourceStep: id(a), targetStep: id(b) }))] };
}
const doc = (...workflows: unknown[]) => ({ type: 'workflow_collections', data: [{ workflows }] });

describe('playbook expressions (jinja2 with the FortiSOAR filters)', () => {
  it('evaluates the filters and globals the corpus uses, typed as the server types them', async () => {
    const r = await drive({
      clock: 1767225600, // 2026-01-01T00:00:00Z
      vars: { item: { id: 7, items: ['a'], urgency: { display: 'Major' } }, map: "{'Major': 'High', '0-3': 'Low'}", list: [{ data: { items: [1, 2] } }, { data: { items: [3] } }] },
      expressions: [
        '{{ vars.item | toJSON }}',
        '{{ vars.item.urgency.display | resolveRange(vars.map) }}',
        '{{ 2 | resolveRange(vars.map) }}',
        '{{ vars.list | json_query("[].data.items[]") }}',
        '{{ arrow.utcnow().format("YYYY-MM-DDTHH:mm:ss") }}Z',
        '{{ arrow.get(arrow.utcnow().int_timestamp).shift(days=-30).isoformat() }}',
        '{{ vars.item.items }}',
        '{{ vars.item.id }}',
        'count: {{ vars.item.id }}',
        '{{ range(0, 5, 2) | list }}',
        "{{ 'TrafficLightProtocol' | picklist('Red') }}",
        '{{ vars.missing.deeper }}',
        '{{ "10.0.0.5" | ipaddr }}|{{ "host" | ipaddr }}',
        '[1, 2]',
        '{{ vars.item | nosuchfilter }}',
        '{% if vars.item %}{{ vars.item.id | fancyfilter }}{% endif %}',
        '{{ vars.item.id ',
      ],
    });
    const values = r.results.map((x) => ('value' in x ? x.value : x.error));
    expect(values.slice(0, 12)).toEqual([
      '{"id": 7, "items": ["a"], "urgency": {"display": "Major"}}',
      'High',
      'Low',
      [1, 2, 3],
      '2026-01-01T00:00:00Z',
      '2025-12-02T00:00:00+00:00',
      ['a'], // the field, not dict.items
      7,
      'count: 7',
      [0, 2, 4],
      { '@id': expect.stringMatching(/^\/api\/3\/picklists\/[0-9a-f-]{36}$/), '@type': 'Picklist', itemValue: 'Red', listName: 'TrafficLightProtocol' },
      null,
    ]);
    expect(values.slice(12, 14)).toEqual(['10.0.0.5|False', [1, 2]]);
    expect(r.results[14]).toMatchObject({ error: 'UnknownFilter', message: expect.stringContaining('the filter "nosuchfilter"') });
    expect(r.results[15]).toMatchObject({ error: 'UnknownFilter', message: expect.stringContaining('the filter "fancyfilter"') });
    expect(r.results[16]).toMatchObject({ error: 'ExpressionError', message: expect.stringContaining('does not parse') });
  });
});

describe('playbook interpreter', () => {
  it('runs Set Variable, a Connector step with for_each, when and step_variables, and a Decision', async () => {
    const r = await drive({
      vendor: { list: { items: [{ id: 'a' }, { id: 'b' }] } },
      playbooks: doc(
        workflow('wf', [
          { name: 'Start', stepType: START, arguments: { step_variables: { input: { params: [] } } } },
          { name: 'Configuration', stepType: SET, arguments: { pages: '[0, 10]', limit: '10' } },
          { name: 'Skipped', stepType: CONNECTOR, arguments: { connector: 'c', operation: 'never', when: '{{ vars.pages | length > 5 }}', params: {} } },
          {
            name: 'Fetch Pages',
            stepType: CONNECTOR,
            arguments: { connector: 'c', operation: 'list', params: { offset: '{{ vars.item }}', limit: '{{ vars.limit }}' }, for_each: { item: '{{ vars.pages }}', condition: '' }, step_variables: { ids: "{{ vars.result | json_query('[].data.items[].id') }}" } },
          },
          { name: 'Any', stepType: DECISION, arguments: { conditions: [{ option: 'yes', condition: '{{ vars.ids | length > 0 }}', target: 'end:Yes' }, { option: 'no', default: true, target: 'end:No' }] } },
          { name: 'end:Yes', stepType: SET, arguments: { outcome: 'found {{ vars.ids | length }}' } },
          { name: 'end:No', stepType: SET, arguments: { outcome: 'none' } },
        ]),
      ),
      run: 'wf',
    });
    expect(r.error).toBeUndefined();
    expect(r.calls).toEqual([['list', { offset: 0, limit: 10 }], ['list', { offset: 10, limit: 10 }]]);
    expect(r.results).toEqual([{ outcome: 'found 4' }]);
    expect(r.trace.map((s) => s.step)).toEqual(['Start', 'Configuration', 'Skipped', 'Fetch Pages', 'Any', 'end:Yes']);
    expect(r.trace[2]?.skipped).toBe(true);
    expect(r.trace[4]?.option).toBe('yes');
  });

  it('creates records in bulk into an upsert collection: a record seen before is updated, not created again', async () => {
    const create = workflow('create', [
      { name: 'Start', stepType: START, arguments: {} },
      {
        name: 'Create Record',
        stepType: CREATE,
        arguments: { collection: '/api/3/upsert/alerts', for_each: { item: '{{ vars.input.params.alerts }}', __bulk: true, batch_size: 100 }, resource: { name: '{{ vars.item.title }}', sourceId: '{{ vars.item.id }}', __replace: 'true' } },
      },
    ]);
    const alerts = [{ id: 'x1', title: 'One' }, { id: 'x2', title: 'Two' }];
    const r = await drive({ playbooks: doc(create), run: 'create', runs: [{ alerts }, { alerts: [...alerts, { id: 'x3', title: 'Three' }] }] });
    expect(r.error).toBeUndefined();
    expect(r.counts).toEqual({ fetched: 5, created: 3, duplicates: 2 });
    expect(r.records.map((x) => [x.sourceId, x.name])).toEqual([['x1', 'One'], ['x2', 'Two'], ['x3', 'Three']]);
    expect(r.records.some((x) => '__replace' in x)).toBe(false);
  });

  it('keeps global variables through make_cyops_request and updatemacro, and a Reference returns the referenced playbook\'s result', async () => {
    const child = workflow('child', [
      { name: 'Start', stepType: START, arguments: {} },
      { name: 'Macro', stepType: UTIL, arguments: { connector: 'cyops_utilities', operation: 'make_cyops_request', params: { iri: '/api/wf/api/dynamic-variable/?format=json&name=LastPull', method: 'GET', body: '' } } },
      { name: 'Return', stepType: SET, arguments: { last: "{% if vars.steps.Macro.data['hydra:member'] | length > 0 %}{{ vars.steps.Macro.data['hydra:member'][0].value }}{% else %}never{% endif %}", now: '{{ arrow.utcnow().isoformat() }}' } },
    ]);
    const parent = workflow('parent', [
      { name: 'Start', stepType: START, arguments: {} },
      { name: 'Fetch', stepType: REFERENCE, arguments: { workflowReference: '/api/3/workflows/child', arguments: [] } },
      { name: 'Update', stepType: UTIL, arguments: { connector: 'cyops_utilities', operation: 'updatemacro', params: { macro: 'LastPull', value: '{{ vars.steps.Fetch.now }}' } } },
      { name: 'Done', stepType: SET, arguments: { seen: '{{ vars.steps.Fetch.last }}' } },
    ]);
    const r = await drive({ playbooks: doc(child, parent), run: 'parent', runs: [{}, {}] });
    expect(r.error).toBeUndefined();
    expect(r.results).toEqual([{ seen: 'never' }, { seen: '2026-01-01T00:00:00+00:00' }]);
    expect(r.records).toEqual([{ '@id': '/api/3/dynamic_variables/1', name: 'LastPull', value: '2026-01-01T00:00:00+00:00' }]);
  });

  it('names a step type, a utility and a filter it does not simulate instead of skipping them', async () => {
    const unknownType = await drive({
      playbooks: doc(workflow('wf', [{ name: 'Start', stepType: START, arguments: {} }, { name: 'Send Mail', stepType: T('11111111-2222-3333-4444-555555555555'), arguments: {} }])),
      run: 'wf',
    });
    expect(unknownType.error).toBe('UnsupportedStep');
    expect(unknownType.message).toMatch(/step "Send Mail" of playbook "wf" has the step type 11111111-2222-3333-4444-555555555555, which Connector Studio does not simulate/);
    const unknownUtility = await drive({
      playbooks: doc(workflow('wf', [{ name: 'Start', stepType: START, arguments: {} }, { name: 'Zip', stepType: UTIL, arguments: { connector: 'cyops_utilities', operation: 'zip_files', params: {} } }])),
      run: 'wf',
    });
    expect(unknownUtility.message).toMatch(/calls cyops_utilities zip_files, which Connector Studio does not simulate/);
    const unknownFilter = await drive({
      playbooks: doc(workflow('wf', [{ name: 'Start', stepType: START, arguments: {} }, { name: 'Odd', stepType: SET, arguments: { x: '{{ 1 | strangefilter }}' } }])),
      run: 'wf',
    });
    expect(unknownFilter.error).toBe('UnknownFilter');
    expect(unknownFilter.message).toMatch(/The expression in step "Odd" of playbook "wf".x uses the filter "strangefilter"/);
  });
});
