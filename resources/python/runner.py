"""Connector Studio's simulated FortiSOAR runtime: one long-lived worker per connector folder.

Started by src/main/services/runtime as ``python3 runner.py <connector folder>``. The protocol is JSON lines
on its own file descriptors, never stdout/stderr, so a connector's print() cannot corrupt it:
  fd 3, host -> worker: {"id", "type": "health"|"execute"|"hook"|"reload"|"ping", ...}; health, execute and hook
        carry "secrets", the host's rule of which values are secret (secret_forms.SecretRule), or are refused
  fd 4, worker -> host: {"type": "log", "id", "entry"} and {"type": "out", "id", "stream", "text"} while a
        call runs (so they survive a crash or a timeout), then {"type": "result", "id", ...}.
Every message is declared in protocol.py (TypedDicts, for the type checker only) and, for the host, in
src/main/services/runtime/protocol.ts, which refuses what the protocol does not allow.
The worker exits when fd 3 reaches end of file: the host closed it, or died.
"""
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the annotations' types; the worker itself never imports them (protocol.py says why)
    from typing import Any, Callable, Optional

    from protocol import (CappedStream, DebugRequest, Dropped, Effects, ExecuteRequest, HealthRequest, HookName,
                          HookRequest, LogRecord, OutputStream, PingRequest, ReloadRequest, Reply, RequestType,
                          ResultMessage, WorkerMessage, WorkerRequest)
    from secret_forms import Scrubber

sys.dont_write_bytecode = True  # __pycache__ in the project would make the file watcher loop
import isolation  # noqa: E402

if __name__ == '__main__':  # never when a test imports this module: the supervisor would take over its process
    isolation.start()  # memory limit and process-tree supervisor, before any import of ours or thread

from runner_support import FrameworkGuard, LoadError, Loader, dumps, envelope, iso_time  # noqa: E402
import cassette  # noqa: E402
import debug_support  # noqa: E402  (debugpy itself is imported only when a debug request comes)
import secret_forms  # noqa: E402
import tools_path  # noqa: E402

tools_path.add_tools_path()  # behind everything the connector's environment has (tools_path.py says why)

# The shims replace the script's folder on the path, so connectors see the framework and not our files.
SHIMS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'shims')
sys.path[0] = SHIMS
# ...and so do the Python processes a connector starts (a mail listener run with sys.executable imports
# connectors.core.connector as it does on the server, where the framework is on every process's path).
os.environ['PYTHONPATH'] = os.pathsep.join(
    [SHIMS] + [p for p in os.environ.get('PYTHONPATH', '').split(os.pathsep) if p and p != SHIMS])

import faulthandler  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import queue  # noqa: E402
import shutil  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402

import _studio_host  # noqa: E402
from connectors.core.result import Result  # noqa: E402

REQ_FD, RES_FD = 3, 4
CAP = int(os.environ.get('CS_OUTPUT_CAP') or 1 << 20)
DATA_CAP = int(os.environ.get('CS_DATA_CAP') or 32 << 20)
HOOKS: 'tuple[HookName, ...]' = ('on_app_start', 'on_add_config', 'on_update_config', 'on_delete_config',
                                 'on_activate', 'on_deactivate', 'teardown')
log = logging.getLogger('connector-studio')


class Channel(object):
    """Writes whole messages to fd 4; callers may be the main thread or a connector's own threads."""

    def __init__(self):
        for fd in (REQ_FD, RES_FD):
            os.set_inheritable(fd, False)  # so a connector's subprocesses do not hold the protocol open
        self._lock = threading.Lock()

    def send(self, message: 'WorkerMessage') -> None:
        view = memoryview((dumps(message) + '\n').encode('utf-8', 'replace'))
        with self._lock:
            while view:
                view = view[os.write(RES_FD, view):]


class Call(object):
    """The capture of one request: output sent as it happens, within the output cap, its secrets masked."""

    current: 'Optional[Call]' = None

    def __init__(self, channel: Channel, call_id: int, scrub: 'Scrubber') -> None:
        self.channel, self.id, self.scrub = channel, call_id, scrub
        self.used: 'dict[CappedStream, int]' = {'stdout': 0, 'stderr': 0, 'logs': 0}
        self.dropped: 'Dropped' = {}
        self.effects: 'Effects' = {}
        if scrub.secrets:  # the host masks the same forms in what bypasses us (a subprocess writing to fd 1)
            channel.send({'type': 'secrets', 'id': call_id, 'forms': scrub.form_texts()})

    def _masked(self, stream: 'CappedStream', text: str) -> str:
        """Masked before the cap cuts it, so no cut leaves half a secret; text past the cap is not looked at."""
        return self.scrub.text(text) if self.used[stream] < CAP else text

    def _take(self, stream: 'CappedStream', text: str) -> str:
        room = CAP - self.used[stream]
        kept = text[:max(room, 0)]
        self.used[stream] += len(kept)
        if len(kept) < len(text):
            self.dropped[stream] = self.dropped.get(stream, 0) + len(text) - len(kept)
        return kept

    def text(self, stream: 'OutputStream', text: str) -> None:
        kept = self._take(stream, self._masked(stream, text))
        if kept:
            self.channel.send({'type': 'out', 'id': self.id, 'stream': stream, 'text': kept})

    def log(self, entry: 'LogRecord') -> None:
        entry['message'] = self._take('logs', self._masked('logs', entry['message']))
        if entry['message'] or not self.dropped.get('logs'):
            self.channel.send({'type': 'log', 'id': self.id, 'entry': entry})


class Stream(io.TextIOBase):
    """Replaces sys.stdout/sys.stderr for good: text goes to the current call by whole lines, else to the real fd."""

    def __init__(self, name: 'OutputStream', fd: int) -> None:
        super(Stream, self).__init__()
        self.name, self._fd, self._parts, self._size = name, fd, [], 0
        self._stream: 'OutputStream' = name  # self.name is the file API's, a plain str to the type checker
        self._lock = threading.Lock()
        self.buffer = _BytesAdapter(self)

    encoding = 'utf-8'
    errors = 'replace'

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._fd  # subprocess(stdout=sys.stdout) writes to the real pipe, which the host captures too

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not %s' % type(text).__name__)
        with self._lock:
            self._parts.append(text)
            self._size += len(text)
        if '\n' in text or self._size > 8192:
            self.flush()
        return len(text)

    def flush(self):
        with self._lock:
            text, self._parts, self._size = ''.join(self._parts), [], 0
        if not text:
            return
        call = Call.current
        if call is not None:
            call.text(self._stream, text)
        else:
            os.write(self._fd, text.encode('utf-8', 'replace'))


class _BytesAdapter(object):
    def __init__(self, stream):
        self._stream = stream

    def write(self, data):
        self._stream.write(bytes(data).decode('utf-8', 'replace'))
        return len(data)

    def flush(self):
        self._stream.flush()


class CallLogHandler(logging.Handler):
    """Sends every log record of the current call to the host, tracebacks included."""

    def emit(self, record):
        call = Call.current
        if call is None:
            return
        try:
            message = record.getMessage()
            if record.exc_info:
                message += '\n' + logging.Formatter().formatException(record.exc_info)
            if record.stack_info:
                message += '\n' + record.stack_info
            call.log({'time': iso_time(record.created), 'level': record.levelname, 'logger': record.name,
                      'module': record.module, 'funcName': record.funcName, 'lineno': record.lineno,
                      'message': message})
        except Exception:
            self.handleError(record)


def error_text(error):
    return str(error) or type(error).__name__


def connector_frames(tb):
    """Skips the runner's own frames so a traceback starts in the connector's code."""
    here = os.path.dirname(os.path.abspath(__file__))
    while tb is not None and os.path.dirname(os.path.abspath(tb.tb_frame.f_code.co_filename)) == here:
        tb = tb.tb_next
    return tb


class Worker(object):
    def __init__(self, folder: str, channel: Channel) -> None:
        self.loader = Loader(folder)
        self.channel = channel
        # Any: each handler takes its own request; handle() has only checked the request's type.
        self.handlers: 'dict[RequestType, Callable[[Any], Reply]]' = {
            'health': self.health, 'execute': self.execute, 'hook': self.hook, 'reload': self.reload, 'ping': self.ping,
            'debug': self.debug}

    def handle(self, request: 'WorkerRequest') -> None:
        kind = request.get('type')
        call = Call(self.channel, request.get('id'), secret_forms.log_scrubber(request))
        Call.current, _studio_host.effects = call, call.effects
        started = time.perf_counter()
        tape = None
        try:
            handler = self.handlers.get(kind)
            if handler is None:
                raise ValueError('Unknown request type %r' % kind)
            if kind in ('health', 'execute', 'hook') and not isinstance(request.get('secrets'), dict):
                raise ValueError('the host sent this %s without "secrets", the rule of which values to mask; nothing '
                                 'was run. runner.py and the app must come from the same Connector Studio' % kind)
            with cassette.activate(request.get('cassette') if kind in ('health', 'execute') else None,
                                   request.get('config'), call.scrub.rule) as tape:
                reply = handler(request)
        except BaseException as e:  # SystemExit from a connector must fail the call, not end the worker
            reply = self.failure(kind, request, e)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            Call.current, _studio_host.effects = None, None
        reply = cassette.explain_misses(tape, reply)
        result: 'ResultMessage' = {**reply, 'type': 'result', 'id': call.id}
        if result.get('message'):
            result['message'] = call.scrub.text(str(result.get('message')))
        result['workerMs'] = (time.perf_counter() - started) * 1000
        if call.dropped:
            result['dropped'] = call.dropped
        if call.effects:
            result['effects'] = call.effects
        self.send_result(result)

    def send_result(self, result: 'ResultMessage') -> None:
        line = dumps(result)
        if len(line) > DATA_CAP and 'data' in result:
            result['dataTruncated'] = {'size': len(line), 'cap': DATA_CAP}
            result['data'] = dumps(result.get('data'))[:DATA_CAP]
        self.channel.send(result)

    def failure(self, kind: 'Optional[str]', request: 'WorkerRequest', error: BaseException) -> 'Reply':
        prefix = 'Could not load the connector: ' if isinstance(error, LoadError) else ''
        cause = error.__cause__ if isinstance(error, LoadError) and error.__cause__ else error
        log.error('%s failed: %s\n%s', kind, error_text(error), traceback_text(cause))
        message = prefix + error_text(error)
        if kind == 'health':
            return {'status': 'Disconnected', 'message': message}
        if kind == 'execute':
            return {'operation': request.get('operation'), 'status': 'Failed', 'message': message, 'data': None}
        return {'status': 'Failed', 'message': message}

    def health(self, request: 'HealthRequest') -> 'Reply':
        answer = verify_health(self.loader.get(), request.get('config') or {})
        if answer['status'] == 'Available':
            return {'status': 'Available', 'message': answer['message']}
        prefix = '' if answer['status'] == 'Disconnected' else answer['status'] + ': '
        return {'status': 'Disconnected', 'message': prefix + answer['message']}

    def execute(self, request: 'ExecuteRequest') -> 'Reply':
        connector, operation = self.loader.get(), request.get('operation')
        # The server's ConnectorExecute: env = input_data.get('env', {}); connector._handle_operation(input_data,
        # env=env). An error propagates as it is (handle_exception is not called); docs/runtime-helpers.md.
        env = request.get('env') or {}
        connector._result = Result()  # the call's own: a failed earlier call must not fail this one
        action = {'config': request.get('config') or {}, 'operation': operation, 'params': request.get('params') or {}}
        started = time.perf_counter()
        try:
            handled, is_binary = connector._handle_operation(action, env=env)
        finally:
            remove_playbook_files(env)
        reply = envelope(operation, handled, is_binary)
        reply['operationMs'] = (time.perf_counter() - started) * 1000
        return reply

    def hook(self, request: 'HookRequest') -> 'Reply':
        name = request.get('hook')
        if name not in HOOKS:
            raise ValueError('Unknown configuration hook %r (known: %s)' % (name, ', '.join(HOOKS)))
        value = getattr(self.loader.get(), name)(*(request.get('args') or []))
        return {'status': 'Success', 'message': '', 'data': value}

    def reload(self, request: 'ReloadRequest') -> 'Reply':
        self.loader.unload()
        return {'status': 'Success', 'message': 'Connector modules dropped; the next call imports them again'}

    def ping(self, request: 'PingRequest') -> 'Reply':
        return {'status': 'Success', 'pid': os.getpid(), 'python': sys.version.split()[0]}

    def debug(self, request: 'DebugRequest') -> 'Reply':
        port = debug_support.listen(int(request.get('port') or 0), self.loader.folder)
        if request.get('wait'):
            debug_support.wait_for_client()
        return {'status': 'Success', 'message': 'debugpy listens on 127.0.0.1:%d' % port, 'port': port}


def traceback_text(error: BaseException) -> str:
    return ''.join(traceback.format_exception(type(error), error, connector_frames(error.__traceback__))).rstrip()


def verify_health(connector: 'Any', config: 'dict[str, Any]') -> 'dict[str, str]':
    """The server's answer for an active configuration, ``Connector.verify_health(config, True)``. It turns a
    failing check_health into a message, so its traceback is logged here on the way, as the server logs it."""
    own = connector.__dict__.get('check_health')
    check = connector.check_health

    def logged_check_health(*args: 'Any', **kwargs: 'Any') -> 'Any':
        try:
            return check(*args, **kwargs)
        except Exception as error:
            log.error('health failed: %s\n%s', error_text(error), traceback_text(error))
            raise
    connector.check_health = logged_check_health
    try:
        answer = connector.verify_health(config, True)
    finally:
        if own is None:
            del connector.check_health
        else:
            connector.check_health = own
    if not isinstance(answer, dict):
        raise TypeError('verify_health returned %s, not the dict {status, message}' % type(answer).__name__)
    return {'status': str(answer.get('status')), 'message': str(answer.get('message') or '')}


def remove_playbook_files(env: 'dict[str, Any]') -> None:
    """The server removes the files registered with save_file_in_env (``env['files']``, names in TMP_FILE_ROOT)
    when the playbook ends; a run here is a one-step playbook. Only files inside TMP_FILE_ROOT are removed."""
    files = env.get('files')
    if not isinstance(files, (dict, list)):
        return
    root = os.path.realpath(_studio_host.TMP_ROOT)
    for name in list(files):
        path = os.path.realpath(os.path.join(root, str(name)))
        if path == root or os.path.commonpath([root, path]) != root:
            log.warning('Not removed after the call: %s, registered with save_file_in_env, is outside the temporary '
                        'file folder %s', name, root)
            continue
        try:
            if os.path.isdir(path):
                shutil.rmtree(path)
            elif os.path.lexists(path):
                os.remove(path)
        except OSError as e:
            log.warning('Could not remove %s, registered with save_file_in_env: %s', path, e)


def shutdown():
    """Leaves nothing behind: our temp files, and any process a connector started in our process group."""
    _studio_host.cleanup()
    if hasattr(os, 'killpg') and os.getpgid(0) == os.getpid():
        os.killpg(os.getpid(), 9)
    os._exit(0)


def read_requests(requests):
    try:
        for line in io.open(REQ_FD, 'rb', closefd=False):
            requests.put(line)
    finally:
        shutdown()  # end of file: the host is gone or asked us to stop, even mid-call


def main():
    if sys.__stderr__ is not None:  # None only without a stderr at all, which the host never starts us with
        faulthandler.enable(file=sys.__stderr__)  # a segfault still leaves a trace for the host's crash report
    channel = Channel()
    sys.stdout, sys.stderr = Stream('stdout', 1), Stream('stderr', 2)
    root = logging.getLogger()
    root.handlers[:] = [CallLogHandler()]
    root.setLevel(logging.DEBUG)
    logging.captureWarnings(True)
    sys.meta_path.append(FrameworkGuard)
    worker = Worker(sys.argv[1], channel)
    requests = queue.Queue()
    threading.Thread(target=read_requests, args=(requests,), name='cs-requests', daemon=True).start()
    while True:
        line = requests.get()
        try:
            request = json.loads(line)
        except ValueError as e:
            channel.send({'type': 'result', 'id': None, 'status': 'Failed', 'message': 'Bad request: %s' % e})
            continue
        worker.handle(request)


if __name__ == '__main__':
    main()
