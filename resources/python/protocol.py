"""The messages between the host and runner.py, as TypedDicts: the Python half of the protocol.

The host's half is src/main/services/runtime/protocol.ts, which types what python-worker.ts writes to fd 3 and
checks what comes back on fd 4. Its ``PROTOCOL_KEYS`` and ``PROTOCOL_LITERALS`` name every class and alias here
with the same required and optional keys and the same values; protocol.test.ts imports this module and holds
the two to each other, and type-checks runner.py against it with pyright.

runner.py imports this module only for its type checker: the worker never needs it at run time, so it keeps
starting on an interpreter older than the one these annotations are written for.
"""
from typing import Any, Literal, Optional, TypedDict, Union

HookName = Literal['on_app_start', 'on_add_config', 'on_update_config', 'on_delete_config', 'on_activate',
                   'on_deactivate', 'teardown']
RequestType = Literal['health', 'execute', 'hook', 'reload', 'ping', 'debug']
MessageType = Literal['secrets', 'log', 'out', 'result']
OutputStream = Literal['stdout', 'stderr']
# What the output cap counts: each stream, and the log messages.
CappedStream = Literal['stdout', 'stderr', 'logs']
CassetteMode = Literal['record', 'replay']
# Health answers Available or Disconnected; every other call Success or Failed.
Status = Literal['Available', 'Disconnected', 'Success', 'Failed']
PlatformRecordAction = Literal['created', 'updated', 'deleted']


# ---- host -> worker, fd 3: one JSON object per line, one request at a time

class SecretRule(TypedDict):
    """Which values are secret (src/shared/connector/secret-fields.ts): the connector's password fields, and
    regular expressions on key names for secrets and their users."""
    fields: list[str]
    secretKey: str
    userKey: str


class Cassette(TypedDict):
    mode: CassetteMode
    path: str  # absolute


class _HealthRequest(TypedDict):
    id: int
    type: Literal['health']
    config: dict[str, Any]
    secrets: SecretRule


class HealthRequest(_HealthRequest, total=False):
    cassette: Cassette


class _ExecuteRequest(TypedDict):
    id: int
    type: Literal['execute']
    operation: str
    params: dict[str, Any]
    config: dict[str, Any]
    env: dict[str, Any]  # the playbook environment, passed as execute(..., env=env)
    secrets: SecretRule


class ExecuteRequest(_ExecuteRequest, total=False):
    cassette: Cassette


class HookRequest(TypedDict):
    id: int
    type: Literal['hook']
    hook: HookName
    args: list[Any]  # positional
    secrets: SecretRule


class ReloadRequest(TypedDict):
    id: int
    type: Literal['reload']


class PingRequest(TypedDict):
    id: int
    type: Literal['ping']


class DebugRequest(TypedDict):
    """Makes debugpy listen on 127.0.0.1:port (0: any free port) in this worker, once (debug_support.py); with
    wait, answers only once a debugger has attached and sent configurationDone."""
    id: int
    type: Literal['debug']
    port: int
    wait: bool


WorkerRequest = Union[HealthRequest, ExecuteRequest, HookRequest, ReloadRequest, PingRequest, DebugRequest]


# ---- worker -> host, fd 4: while a call runs, then its result; every message carries the request's id

class SecretsMessage(TypedDict):
    """Every encoded form of the call's secrets, sent before the connector runs, so the host masks what bypasses
    the worker (a subprocess writing to fd 1)."""
    type: Literal['secrets']
    id: int
    forms: list[str]


class LogRecord(TypedDict):
    time: str  # ISO 8601, UTC
    level: str
    logger: str
    module: str
    funcName: str
    lineno: int
    message: str


class LogMessage(TypedDict):
    type: Literal['log']
    id: int
    entry: LogRecord


class OutMessage(TypedDict):
    """Whole lines of the connector's stdout or stderr, secrets masked, within the output cap."""
    type: Literal['out']
    id: int
    stream: OutputStream
    text: str


class _Reply(TypedDict):
    status: Status


class Reply(_Reply, total=False):
    """What a handler answers: health status and message; execute's envelope (operation, data, binary, encoding,
    env, operationMs); a hook's data; ping's pid and python; debug's port."""
    message: str
    operation: Optional[str]
    data: Any
    binary: bool
    encoding: Literal['base64']
    env: dict[str, Any]
    operationMs: float
    pid: int
    python: str
    port: int


class Dropped(TypedDict, total=False):
    """Characters cut at the output cap, per stream."""
    stdout: int
    stderr: int
    logs: int


class DataTruncated(TypedDict):
    size: int  # characters of the data's JSON
    cap: int


class ConfigUpdate(TypedDict):
    connector: Optional[str]
    version: Optional[str]
    configId: Optional[str]
    config: dict[str, Any]


class IngestedBatch(TypedDict):
    playbook: str
    count: int
    batchSize: int
    dedupField: Optional[str]
    records: list[Any]  # the first 1000


class CrudhubRequest(TypedDict):
    method: str
    iri: str
    body: Any


class PlatformRecordChange(TypedDict):
    """A record of the simulated platform the call created, updated or deleted (src/shared/models/platform-data.ts)."""
    iri: str
    type: str
    module: str
    action: PlatformRecordAction


class Effects(TypedDict, total=False):
    """What the framework shims did instead of calling a FortiSOAR server (shims/_studio_host.py record)."""
    configUpdates: list[ConfigUpdate]
    ingested: list[IngestedBatch]
    crudhubRequests: list[CrudhubRequest]
    platformRecords: list[PlatformRecordChange]


class _ResultMessage(Reply):
    type: Literal['result']
    id: Optional[int]  # None answers a line that was not JSON (there was no id to echo)


class ResultMessage(_ResultMessage, total=False):
    workerMs: float
    dropped: Dropped
    dataTruncated: DataTruncated
    effects: Effects


WorkerMessage = Union[SecretsMessage, LogMessage, OutMessage, ResultMessage]
