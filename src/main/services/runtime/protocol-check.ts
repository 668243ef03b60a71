/** What the host checks of each line the worker sends (the declarations are in protocol.ts): the message's type,
 * its keys and the types of their values; and the one way a request is written. */
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import { PROTOCOL_KEYS, PROTOCOL_LITERALS, PROTOCOL_TYPES, type MessageName, type ProtocolMessages, type UnsentRequest, type WorkerMessage, type WorkerRequest } from './protocol';


/** The problem with a value at `where`, or undefined when it is what the protocol says. */
type Check = (value: unknown, where: string) => string | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const is =
  (what: string, test: (v: unknown) => boolean): Check =>
  (v, where) =>
    test(v) ? undefined : `${where} is not ${what}`;
const text = is('a string', (v) => typeof v === 'string');
const number = is('a number', (v) => typeof v === 'number' && Number.isFinite(v));
const integer = is('an integer', (v) => Number.isInteger(v));
const boolean = is('true or false', (v) => typeof v === 'boolean');
const object = is('an object', isRecord);
const anything: Check = () => undefined;
const oneOf = (values: readonly unknown[]) => is(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, (v) => values.includes(v));
const nullable =
  (check: Check): Check =>
  (v, where) =>
    v === null ? undefined : check(v, where);
const listOf =
  (check: Check): Check =>
  (v, where) => {
    if (!Array.isArray(v)) return `${where} is not a list`;
    for (const [i, item] of v.entries()) {
      const problem = check(item, `${where}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
const a =
  (name: MessageName): Check =>
  (v, where) =>
    problemIn(name, v, where);

/** How each key of each message is checked; the type makes every key of every message have one. */
const FIELD_CHECKS: { readonly [M in MessageName]: { readonly [K in keyof ProtocolMessages[M]]-?: Check } } = {
  SecretRule: { fields: listOf(text), secretKey: text, userKey: text },
  Cassette: { mode: oneOf(PROTOCOL_LITERALS.CassetteMode), path: text },
  HealthRequest: { id: integer, type: oneOf([PROTOCOL_TYPES.HealthRequest]), config: object, secrets: a('SecretRule'), cassette: a('Cassette') },
  ExecuteRequest: {
    id: integer,
    type: oneOf([PROTOCOL_TYPES.ExecuteRequest]),
    operation: text,
    params: object,
    config: object,
    env: object,
    secrets: a('SecretRule'),
    cassette: a('Cassette'),
  },
  HookRequest: { id: integer, type: oneOf([PROTOCOL_TYPES.HookRequest]), hook: oneOf(PROTOCOL_LITERALS.HookName), args: listOf(anything), secrets: a('SecretRule') },
  ReloadRequest: { id: integer, type: oneOf([PROTOCOL_TYPES.ReloadRequest]) },
  PingRequest: { id: integer, type: oneOf([PROTOCOL_TYPES.PingRequest]) },
  DebugRequest: { id: integer, type: oneOf([PROTOCOL_TYPES.DebugRequest]), port: integer, wait: boolean },
  SecretsMessage: { id: integer, type: oneOf([PROTOCOL_TYPES.SecretsMessage]), forms: listOf(text) },
  LogRecord: { time: text, level: text, logger: text, module: text, funcName: text, lineno: integer, message: text },
  LogMessage: { id: integer, type: oneOf([PROTOCOL_TYPES.LogMessage]), entry: a('LogRecord') },
  OutMessage: { id: integer, type: oneOf([PROTOCOL_TYPES.OutMessage]), stream: oneOf(PROTOCOL_LITERALS.OutputStream), text },
  Reply: {
    status: oneOf(PROTOCOL_LITERALS.Status),
    message: text,
    operation: nullable(text),
    data: anything,
    binary: boolean,
    encoding: oneOf(['base64']),
    env: object,
    operationMs: number,
    pid: integer,
    python: text,
    port: integer,
  },
  Dropped: { stdout: integer, stderr: integer, logs: integer },
  DataTruncated: { size: integer, cap: integer },
  ConfigUpdate: { connector: nullable(text), version: nullable(text), configId: nullable(text), config: object },
  IngestedBatch: { playbook: text, count: integer, batchSize: integer, dedupField: nullable(text), records: listOf(anything) },
  CrudhubRequest: { method: text, iri: text, body: anything },
  PlatformRecordChange: { iri: text, type: text, module: text, action: oneOf(PROTOCOL_LITERALS.PlatformRecordAction) },
  Effects: {
    configUpdates: listOf(a('ConfigUpdate')),
    ingested: listOf(a('IngestedBatch')),
    crudhubRequests: listOf(a('CrudhubRequest')),
    platformRecords: listOf(a('PlatformRecordChange')),
  },
  ResultMessage: {
    type: oneOf([PROTOCOL_TYPES.ResultMessage]),
    id: nullable(integer),
    status: oneOf(PROTOCOL_LITERALS.Status),
    message: text,
    operation: nullable(text),
    data: anything,
    binary: boolean,
    encoding: oneOf(['base64']),
    env: object,
    operationMs: number,
    pid: integer,
    python: text,
    port: integer,
    workerMs: number,
    dropped: a('Dropped'),
    dataTruncated: a('DataTruncated'),
    effects: a('Effects'),
  },
};

/** Exactly the keys the protocol gives the message, each of its type: a key more is refused too, since both ends
 * come from the same Connector Studio. */
function problemIn(name: MessageName, value: unknown, where: string): string | undefined {
  if (!isRecord(value)) return `${where} is not an object`;
  const keys: { readonly required: readonly string[] } = PROTOCOL_KEYS[name];
  const checks: Readonly<Record<string, Check>> = FIELD_CHECKS[name];
  const missing = keys.required.find((k) => !(k in value));
  if (missing !== undefined) return `${where} has no "${missing}"`;
  for (const [key, field] of Object.entries(value)) {
    const check = checks[key];
    if (!check) return `${where} has a key the protocol does not know: "${key}"`;
    const problem = check(field, `${where}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

const MESSAGE_OF_TYPE: Readonly<Record<WorkerMessage['type'], MessageName>> = {
  [PROTOCOL_TYPES.SecretsMessage]: 'SecretsMessage',
  [PROTOCOL_TYPES.LogMessage]: 'LogMessage',
  [PROTOCOL_TYPES.OutMessage]: 'OutMessage',
  [PROTOCOL_TYPES.ResultMessage]: 'ResultMessage',
};
const isMessageType = (t: unknown): t is WorkerMessage['type'] => typeof t === 'string' && Object.hasOwn(MESSAGE_OF_TYPE, t);

export type Parsed =
  | { readonly ok: true; readonly message: WorkerMessage }
  /** `id` and `type` as far as they could be read, so a refused result can still end its call. */
  | { readonly ok: false; readonly problem: string; readonly id?: unknown; readonly type?: unknown };

/** One line from the worker's fd 4, checked against the protocol: its `type` names a message the host knows, and
 * the message has exactly that message's keys with values of their types. */
export function parseWorkerMessage(line: string): Parsed {
  const value = parseJsonOrUndefined(line);
  if (value === undefined) return { ok: false, problem: `a line that is not JSON: ${line.slice(0, 200)}` };
  if (!isRecord(value)) return { ok: false, problem: `a line that is not a JSON object: ${line.slice(0, 200)}` };
  const { type, id } = value;
  if (!isMessageType(type)) return { ok: false, problem: `a message of unknown type ${type === undefined ? '(none)' : JSON.stringify(type)}`, id, type };
  const problem = problemIn(MESSAGE_OF_TYPE[type], value, type);
  // Checked just above: the value is the message its type names.
  return problem ? { ok: false, problem: `a "${type}" message that does not match the protocol: ${problem}`, id, type } : { ok: true, message: value as unknown as WorkerMessage };
}

/** The request as the worker reads it: numbered, one JSON line. */
export function requestLine(request: UnsentRequest, id: number): string {
  const numbered: WorkerRequest = { ...request, id };
  return `${JSON.stringify(numbered)}\n`;
}
