import { execFile, execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT, tmpDir } from '../../../../tests/helpers/tmp';
import { pyrightCliPath } from '../lsp/pyright-settings';
import { PROTOCOL_KEYS, PROTOCOL_LITERALS, PROTOCOL_TYPES } from './protocol';
import { parseWorkerMessage } from './protocol-check';
import { makeKit, type Kit } from './test-kit';

const PYTHON_DIR = path.join(REPO_ROOT, 'resources', 'python');

/** What resources/python/protocol.py declares, read by Python itself: every public TypedDict's keys and `type`,
 * and every Literal alias's values. */
function pythonProtocol(): {
  keys: Record<string, { required: string[]; optional: string[] }>;
  types: Record<string, string[]>;
  literals: Record<string, string[]>;
} {
  const script = `
import json, typing
import protocol
out = {'keys': {}, 'types': {}, 'literals': {}}
for name, value in vars(protocol).items():
    if name.startswith('_'):
        continue
    if isinstance(value, type) and hasattr(value, '__required_keys__'):
        out['keys'][name] = {'required': sorted(value.__required_keys__), 'optional': sorted(value.__optional_keys__)}
        hint = typing.get_type_hints(value).get('type')
        if typing.get_origin(hint) is typing.Literal:  # a record's type field (any str) names no message
            out['types'][name] = list(typing.get_args(hint))
    elif typing.get_origin(value) is typing.Literal:
        out['literals'][name] = list(typing.get_args(value))
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-B', '-c', script], { cwd: PYTHON_DIR, encoding: 'utf8' }));
}

describe('protocol.ts and protocol.py', () => {
  it('declare the same messages with the same required and optional keys, types and values', () => {
    const py = pythonProtocol();
    const sorted = (l: readonly string[]) => [...l].sort();
    const tsKeys = Object.fromEntries(Object.entries(PROTOCOL_KEYS).map(([name, k]) => [name, { required: sorted(k.required), optional: sorted(k.optional) }]));
    expect(py.keys).toEqual(tsKeys);
    expect(py.types).toEqual(Object.fromEntries(Object.entries(PROTOCOL_TYPES).map(([name, t]) => [name, [t]])));
    expect(py.literals).toEqual(Object.fromEntries(Object.entries(PROTOCOL_LITERALS).map(([name, values]) => [name, [...values]])));
  });

  it('runner.py builds and reads its messages as protocol.py declares them (pyright)', async () => {
    const dir = await tmpDir('cs-protocol-');
    await writeFile(path.join(dir, 'pyrightconfig.json'), JSON.stringify({ extraPaths: [PYTHON_DIR, path.join(PYTHON_DIR, 'shims')], pythonVersion: '3.9' }));
    const files = ['runner.py', 'protocol.py'].map((f) => path.join(PYTHON_DIR, f));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [pyrightCliPath(), '--outputjson', '-p', path.join(dir, 'pyrightconfig.json'), ...files], { maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
        out.trim().startsWith('{') ? resolve(out) : reject(new Error(`pyright failed: ${err || error?.message}`)),
      ),
    );
    const { generalDiagnostics } = JSON.parse(stdout) as { generalDiagnostics: { file: string; message: string; range: { start: { line: number } } }[] };
    expect(generalDiagnostics.map((d) => `${path.basename(d.file)}:${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });
});

describe('parseWorkerMessage', () => {
  const entry = { time: '2024-01-01T00:00:00.000Z', level: 'INFO', logger: 'connectors.x', module: 'ops', funcName: 'run', lineno: 3, message: 'hi' };

  it('accepts each message the worker sends', () => {
    const lines = [
      { type: 'secrets', id: 1, forms: ['s3cret', 'czNjcmV0'] },
      { type: 'log', id: 1, entry },
      { type: 'out', id: 1, stream: 'stderr', text: 'line\n' },
      { type: 'result', id: 1, status: 'Available', message: 'ok', workerMs: 1.5 },
      { type: 'result', id: null, status: 'Failed', message: 'Bad request: Expecting value' },
      {
        type: 'result', id: 2, operation: 'get', status: 'Success', message: '', data: { a: [1] }, binary: true, encoding: 'base64', env: { k: 1 },
        operationMs: 2.25, workerMs: 3, dropped: { stdout: 10, logs: 2 }, dataTruncated: { size: 99, cap: 10 },
        effects: {
          configUpdates: [{ connector: 'x', version: null, configId: 'c1', config: { a: 1 } }],
          ingested: [{ playbook: '/api/3/workflows/1', count: 2, batchSize: 1000, dedupField: null, records: [{}, {}] }],
          crudhubRequests: [{ method: 'GET', iri: '/api/3/alerts', body: null }],
          platformRecords: [{ iri: '/api/3/alerts/7c1b', type: 'Alert', module: 'alerts', action: 'created' }],
        },
      },
      { type: 'result', id: 3, status: 'Success', pid: 42, python: '3.11.7' },
    ];
    for (const line of lines) expect(parseWorkerMessage(JSON.stringify(line))).toEqual({ ok: true, message: line });
  });

  it.each([
    ['not JSON', '{"type": "log",', 'a line that is not JSON'],
    ['not an object', '[1, 2]', 'a line that is not a JSON object'],
    ['no type', '{"id": 1}', 'a message of unknown type (none)'],
    ['an unknown type', '{"type": "surprise", "id": 1}', 'a message of unknown type "surprise"'],
    ['a request echoed back', '{"type": "ping", "id": 1}', 'a message of unknown type "ping"'],
    ['a missing key', '{"type": "out", "id": 1, "stream": "stdout"}', 'out has no "text"'],
    ['a key more', '{"type": "secrets", "id": 1, "forms": [], "extra": 1}', 'secrets has a key the protocol does not know: "extra"'],
    ['a value of another type', '{"type": "out", "id": 1, "stream": "fd9", "text": "x"}', 'out.stream is not one of "stdout", "stderr"'],
    ['an id that is not a number', '{"type": "log", "id": "1", "entry": {}}', 'log.id is not an integer'],
    ['a wrong nested value', `{"type": "log", "id": 1, "entry": ${JSON.stringify({ ...entry, lineno: 'three' })}}`, 'log.entry.lineno is not an integer'],
    ['a status the protocol has not', '{"type": "result", "id": 1, "status": "Maybe"}', 'result.status is not one of "Available", "Disconnected", "Success", "Failed"'],
    ['a wrong effect', '{"type": "result", "id": 1, "status": "Success", "effects": {"ingested": [{"playbook": "p", "count": 1, "batchSize": "ten", "dedupField": null, "records": []}]}}', 'result.effects.ingested[0].batchSize is not an integer'],
  ])('refuses %s, saying what is wrong', (_what, line, problem) => {
    const parsed = parseWorkerMessage(line);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

describe('a worker that breaks the protocol', () => {
  let kit: Kit | undefined;
  afterEach(async () => {
    await kit?.dispose();
    kit = undefined;
    vi.restoreAllMocks();
  });

  it('has its messages refused and logged, and a result the host cannot read ends the call at once with the reason', async () => {
    const dir = await tmpDir('cs-protocol-');
    // A stand-in for runner.py: answers the first request with an unknown message, a log record without its
    // level, and a result with a key the protocol does not have.
    const runner = path.join(dir, 'broken_runner.py');
    await writeFile(
      runner,
      [
        'import json, os',
        'request = json.loads(os.fdopen(3, "r").readline())',
        'def send(m): os.write(4, (json.dumps(m) + "\\n").encode())',
        'send({"type": "surprise", "id": request["id"]})',
        'send({"type": "log", "id": request["id"], "entry": {"time": "t", "logger": "l", "module": "m", "funcName": "f", "lineno": 1, "message": "no level"}})',
        'send({"type": "result", "id": request["id"], "status": "Success", "message": "", "data": None, "verdict": "fine"})',
        'os.read(3, 1)  # waits for the host to close the pipe',
      ].join('\n'),
    );
    const warnings: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
    kit = makeKit({ runnerPath: runner });
    const folder = path.join(dir, 'connector');
    await mkdir(folder);
    const r = await kit.runtime.execute(folder, 'anything', {}, {}, { timeoutMs: 20_000 });
    expect(r.workerFailure).toBeUndefined(); // ended by the refused result, not by the timeout
    expect(r.status).toBe('Failed');
    expect(r.message).toContain('Connector Studio refused a "result" message that does not match the protocol: result has a key the protocol does not know: "verdict"');
    expect(r.message).toContain('runner.py and the app must come from the same Connector Studio');
    const refused = r.logs.filter((l) => l.level === 'ERROR').map((l) => l.message);
    expect(refused).toEqual([
      expect.stringContaining('refused a message of unknown type "surprise"'),
      expect.stringContaining('refused a "log" message that does not match the protocol: log.entry has no "level"'),
      expect.stringContaining('result has a key the protocol does not know: "verdict"'),
    ]);
    expect(warnings).toEqual(refused);
  });

  it('a connector handing a FortiSOAR function a value of the wrong type fails its call, saying so', async () => {
    const folder = await tmpDir('cs-protocol-');
    await writeFile(path.join(folder, 'info.json'), JSON.stringify({ name: 'ingest-odd', version: '1.0.0', configuration: { fields: [] }, operations: [{ operation: 'feed' }] }));
    await writeFile(
      path.join(folder, 'connector.py'),
      [
        'from connectors.core.connector import Connector',
        'from integrations.crudhub import trigger_ingest_playbook',
        '',
        'class IngestOdd(Connector):',
        '    def execute(self, config, operation, params, **kwargs):',
        "        trigger_ingest_playbook([{'a': 1}], '/api/3/workflows/1', batch_size='ten')",
        "        return {'fed': 1}",
      ].join('\n'),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    kit = makeKit();
    const r = await kit.runtime.execute(folder, 'feed', {}, {});
    expect(r.workerFailure).toBeUndefined();
    expect(r.status).toBe('Failed');
    expect(r.message).toContain('result.effects.ingested[0].batchSize is not an integer');
    expect(r.message).toContain('The value came from the connector, through a FortiSOAR function it called');
  });
});
