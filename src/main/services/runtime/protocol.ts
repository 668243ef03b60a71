/** The JSON-lines protocol between the host and the Python worker (resources/python/runner.py): requests on the
 * worker's fd 3, written by python-worker.ts; logs, output, secret forms and the result on fd 4, checked by
 * protocol-check.ts before python-worker.ts and runtime-service.ts read them. resources/python/protocol.py declares the same
 * messages as TypedDicts under the same names; protocol.test.ts holds the two to PROTOCOL_KEYS and
 * PROTOCOL_LITERALS, and type-checks runner.py against protocol.py. */
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
export type MessageName = keyof ProtocolMessages;

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
