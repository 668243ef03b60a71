/** The JSON-lines protocol between the host and the Python worker (resources/python/runner.py): requests on the
 * worker's fd 3, written by python-worker.ts; logs, output, secret forms and the result on fd 4, checked here
 * before python-worker.ts and runtime-service.ts read them. resources/python/protocol.py declares the same
 * messages as TypedDicts under the same names; protocol.test.ts holds the two to PROTOCOL_KEYS and
 * PROTOCOL_LITERALS, and type-checks runner.py against protocol.py. */
import { parseJsonOrUndefined } from '../../../shared/parse-json';
import type { SecretRuleWire } from '../../../shared/connector/secret-fields';
import type { CallEffects, CassetteSpec, HookName, LogEntry, OutputStream } from './types';

// ---- host -> worker

export type SecretRule = SecretRuleWire;
/** The cassette a health check or an action records to or replays from; `path` is absolute. */
export type Cassette = CassetteSpec;

/** The worker echoes `id` on every message about the request. */
interface Numbered {
  readonly id: number;
}

export interface HealthRequest extends Numbered {
  readonly type: 'health';
  readonly config: Record<string, unknown>;
  readonly secrets: SecretRule;
  readonly cassette?: Cassette;
}

export interface ExecuteRequest extends Numbered {
  readonly type: 'execute';
  readonly operation: string;
  readonly params: Record<string, unknown>;
  readonly config: Record<string, unknown>;
  /** The playbook environment, passed as `execute(..., env=env)`. */
  readonly env: Record<string, unknown>;
  readonly secrets: SecretRule;
  readonly cassette?: Cassette;
}

export interface HookRequest extends Numbered {
  readonly type: 'hook';
  readonly hook: HookName;
  /** Positional. */
  readonly args: unknown[];
  readonly secrets: SecretRule;
}

/** Drops the connector's modules so saved edits apply on the next call. */
export interface ReloadRequest extends Numbered {
  readonly type: 'reload';
}

export interface PingRequest extends Numbered {
  readonly type: 'ping';
}

/** Makes debugpy listen on 127.0.0.1:`port` (0: any free port) in the worker, once (debug_support.py); with
 * `wait`, answers only once a debugger has attached and sent configurationDone. */
export interface DebugRequest extends Numbered {
  readonly type: 'debug';
  readonly port: number;
  readonly wait: boolean;
}

export type WorkerRequest = HealthRequest | ExecuteRequest | HookRequest | ReloadRequest | PingRequest | DebugRequest;
type Unnumbered<R> = R extends Numbered ? Omit<R, 'id'> : never;
/** A request before python-worker.ts numbers it. */
export type UnsentRequest = Unnumbered<WorkerRequest>;

// ---- worker -> host

/** Every encoded form of the call's secrets, sent before the connector runs, so the host masks what reaches it
 * outside the worker's own masking (a subprocess writing to fd 1). */
export interface SecretsMessage extends Numbered {
  readonly type: 'secrets';
  readonly forms: string[];
}

/** A Python log record as the worker sends it: every field of LogEntry present. */
export interface LogRecord extends LogEntry {
  readonly module: string;
  readonly funcName: string;
  readonly lineno: number;
}

export interface LogMessage extends Numbered {
  readonly type: 'log';
  readonly entry: LogRecord;
}

/** Whole lines of the connector's stdout or stderr, secrets masked, within the output cap. */
export interface OutMessage extends Numbered {
  readonly type: 'out';
  readonly stream: OutputStream;
  readonly text: string;
}

/** What the output cap counts: each stream, and the log messages. */
export type CappedStream = OutputStream | 'logs';
/** Health answers Available or Disconnected; every other call Success or Failed. */
export type Status = 'Available' | 'Disconnected' | 'Success' | 'Failed';

/** What a request's handler answers: health's status and message; execute's envelope (operation, data, binary,
 * encoding, env, operationMs); a hook's data; ping's pid and python; debug's port. */
export interface Reply {
  readonly status: Status;
  readonly message?: string;
  /** null when the request named none. */
  readonly operation?: string | null;
  readonly data?: unknown;
  readonly binary?: boolean;
  readonly encoding?: 'base64';
  readonly env?: Record<string, unknown>;
  readonly operationMs?: number;
  readonly pid?: number;
  readonly python?: string;
  readonly port?: number;
}

/** Characters the worker cut at the output cap, per stream. */
export type Dropped = Partial<Record<CappedStream, number>>;

export interface DataTruncated {
  /** Characters of the data's JSON. */
  readonly size: number;
  readonly cap: number;
}

export type Effects = CallEffects;
export type ConfigUpdate = NonNullable<CallEffects['configUpdates']>[number];
export type IngestedBatch = NonNullable<CallEffects['ingested']>[number];
export type CrudhubRequest = NonNullable<CallEffects['crudhubRequests']>[number];
export type PlatformRecordChange = NonNullable<CallEffects['platformRecords']>[number];

/** The last message of a call. */
export interface ResultMessage extends Reply {
  readonly type: 'result';
  /** null answers a line the worker could not read as JSON (there was no id to echo). */
  readonly id: number | null;
  readonly workerMs?: number;
  readonly dropped?: Dropped;
  readonly dataTruncated?: DataTruncated;
  readonly effects?: Effects;
}

export type WorkerMessage = SecretsMessage | LogMessage | OutMessage | ResultMessage;

// ---- the description both sides are held to

/** Every message and part of one, by the name protocol.py gives its TypedDict. */
export interface ProtocolMessages {
  SecretRule: SecretRule;
  Cassette: Cassette;
  HealthRequest: HealthRequest;
  ExecuteRequest: ExecuteRequest;
  HookRequest: HookRequest;
  ReloadRequest: ReloadRequest;
  PingRequest: PingRequest;
  DebugRequest: DebugRequest;
  SecretsMessage: SecretsMessage;
  LogRecord: LogRecord;
  LogMessage: LogMessage;
  OutMessage: OutMessage;
  Reply: Reply;
  Dropped: Dropped;
  DataTruncated: DataTruncated;
  ConfigUpdate: ConfigUpdate;
  IngestedBatch: IngestedBatch;
  CrudhubRequest: CrudhubRequest;
  PlatformRecordChange: PlatformRecordChange;
  Effects: Effects;
  ResultMessage: ResultMessage;
}
type MessageName = keyof ProtocolMessages;

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T] & string;
type RequiredKeys<T> = Exclude<keyof T & string, OptionalKeys<T>>;
interface KeyLists<T> {
  readonly required: readonly RequiredKeys<T>[];
  readonly optional: readonly OptionalKeys<T>[];
}

/** The keys of every message, required and optional, as protocol.py must declare them. */
export const PROTOCOL_KEYS = {
  SecretRule: { required: ['fields', 'secretKey', 'userKey'], optional: [] },
  Cassette: { required: ['mode', 'path'], optional: [] },
  HealthRequest: { required: ['id', 'type', 'config', 'secrets'], optional: ['cassette'] },
  ExecuteRequest: { required: ['id', 'type', 'operation', 'params', 'config', 'env', 'secrets'], optional: ['cassette'] },
  HookRequest: { required: ['id', 'type', 'hook', 'args', 'secrets'], optional: [] },
  ReloadRequest: { required: ['id', 'type'], optional: [] },
  PingRequest: { required: ['id', 'type'], optional: [] },
  DebugRequest: { required: ['id', 'type', 'port', 'wait'], optional: [] },
  SecretsMessage: { required: ['id', 'type', 'forms'], optional: [] },
  LogRecord: { required: ['time', 'level', 'logger', 'module', 'funcName', 'lineno', 'message'], optional: [] },
  LogMessage: { required: ['id', 'type', 'entry'], optional: [] },
  OutMessage: { required: ['id', 'type', 'stream', 'text'], optional: [] },
  Reply: { required: ['status'], optional: ['message', 'operation', 'data', 'binary', 'encoding', 'env', 'operationMs', 'pid', 'python', 'port'] },
  Dropped: { required: [], optional: ['stdout', 'stderr', 'logs'] },
  DataTruncated: { required: ['size', 'cap'], optional: [] },
  ConfigUpdate: { required: ['connector', 'version', 'configId', 'config'], optional: [] },
  IngestedBatch: { required: ['playbook', 'count', 'batchSize', 'dedupField', 'records'], optional: [] },
  CrudhubRequest: { required: ['method', 'iri', 'body'], optional: [] },
  PlatformRecordChange: { required: ['iri', 'type', 'module', 'action'], optional: [] },
  Effects: { required: [], optional: ['configUpdates', 'ingested', 'crudhubRequests', 'platformRecords'] },
  ResultMessage: {
    required: ['id', 'type', 'status'],
    optional: ['message', 'operation', 'data', 'binary', 'encoding', 'env', 'operationMs', 'pid', 'python', 'port', 'workerMs', 'dropped', 'dataTruncated', 'effects'],
  },
} as const satisfies { readonly [M in MessageName]: KeyLists<ProtocolMessages[M]> };

/** A message whose `type` is a literal (a record's `type` field, any string, does not name a message). */
type Typed = { [M in MessageName]: ProtocolMessages[M] extends { readonly type: infer T extends string } ? (string extends T ? never : M) : never }[MessageName];
/** The `type` of every message that has one: what tells the messages apart on the wire. */
export const PROTOCOL_TYPES = {
  HealthRequest: 'health',
  ExecuteRequest: 'execute',
  HookRequest: 'hook',
  ReloadRequest: 'reload',
  PingRequest: 'ping',
  DebugRequest: 'debug',
  SecretsMessage: 'secrets',
  LogMessage: 'log',
  OutMessage: 'out',
  ResultMessage: 'result',
} as const satisfies { readonly [M in Typed]: ProtocolMessages[M]['type'] };

/** The values of the protocol's enumerations, as protocol.py's Literal aliases of the same names list them. */
export const PROTOCOL_LITERALS = {
  HookName: ['on_app_start', 'on_add_config', 'on_update_config', 'on_delete_config', 'on_activate', 'on_deactivate', 'teardown'],
  RequestType: ['health', 'execute', 'hook', 'reload', 'ping', 'debug'],
  MessageType: ['secrets', 'log', 'out', 'result'],
  OutputStream: ['stdout', 'stderr'],
  CappedStream: ['stdout', 'stderr', 'logs'],
  CassetteMode: ['record', 'replay'],
  Status: ['Available', 'Disconnected', 'Success', 'Failed'],
  PlatformRecordAction: ['created', 'updated', 'deleted'],
} as const;

// Compile-time: the lists above name every key and value of the types, so protocol.test.ts compares all of them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Listed<M extends MessageName, L extends keyof KeyLists<unknown>> = (typeof PROTOCOL_KEYS)[M][L][number];
type Unlisted = {
  [M in MessageName]: Same<Listed<M, 'required'>, RequiredKeys<ProtocolMessages[M]>> extends true
    ? Same<Listed<M, 'optional'>, OptionalKeys<ProtocolMessages[M]>> extends true
      ? never
      : M
    : M;
}[MessageName];
type Values<L extends keyof typeof PROTOCOL_LITERALS> = (typeof PROTOCOL_LITERALS)[L][number];
type UnlistedValues =
  | (Same<Values<'HookName'>, HookName> extends true ? never : 'HookName')
  | (Same<Values<'RequestType'>, WorkerRequest['type']> extends true ? never : 'RequestType')
  | (Same<Values<'MessageType'>, WorkerMessage['type']> extends true ? never : 'MessageType')
  | (Same<Values<'OutputStream'>, OutputStream> extends true ? never : 'OutputStream')
  | (Same<Values<'CappedStream'>, CappedStream> extends true ? never : 'CappedStream')
  | (Same<Values<'CassetteMode'>, Cassette['mode']> extends true ? never : 'CassetteMode')
  | (Same<Values<'Status'>, Status> extends true ? never : 'Status')
  | (Same<Values<'PlatformRecordAction'>, PlatformRecordChange['action']> extends true ? never : 'PlatformRecordAction');
type Untyped = { [M in Typed]: Same<(typeof PROTOCOL_TYPES)[M], ProtocolMessages[M]['type']> extends true ? never : M }[Typed];
type NothingLeft<T extends never> = T;
type _EveryTypeListed = NothingLeft<Untyped | Exclude<Typed, keyof typeof PROTOCOL_TYPES>>;
type _EveryKeyListed = NothingLeft<Unlisted>;
type _EveryValueListed = NothingLeft<UnlistedValues>;

// ---- checking what the worker sends

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
