"""Debugging a connector inside its worker (issue 16): debugpy, from the IDE's tools environment, listening on
127.0.0.1 for a Debug Adapter Protocol client (the IDE's debug session, or another debugger such as VS Code
attached to ``connector-studio run ... --debug <port>``).

runner.py answers a ``debug`` request with ``listen``: debugpy listens once per worker, in the worker's own
process (``in_process_debug_adapter``: no adapter process is left to end, and it starts faster); each debug
session then connects its own client to the same port. With ``wait``, the request returns only once a client
has attached and sent configurationDone, so its breakpoints are in place before the call runs.

What the client sees is the connector's code only ("just my code"): the host attaches with justMyCode and a
rule excluding this folder (the runner and the framework shims), so no frame or exception of ours stops it.
"""
import os
import socket
import sys
import threading
from typing import TYPE_CHECKING

import tools_path

if TYPE_CHECKING:
    from typing import Any, Optional

_port: 'Optional[int]' = None


class DebugUnavailable(Exception):
    """debugpy could not be imported or could not listen: the message names the step that failed."""


def _import_debugpy() -> 'Any':
    tools_path.add_tools_path()  # the tools may have been installed after this worker started
    # pydevd's check for frozen standard-library modules prints a warning into the call's stderr on every start;
    # the connector's code is never frozen, so it has nothing to tell here.
    os.environ.setdefault('PYDEVD_DISABLE_FILE_VALIDATION', '1')
    try:
        import debugpy  # type: ignore[import-not-found]  # in the tools environment, found at run time
    except ImportError as e:
        folder = os.path.join(os.environ.get('CS_TOOLS_ROOT') or '(no CS_TOOLS_ROOT)', 'py%d.%d' % sys.version_info[:2])
        raise DebugUnavailable('import debugpy: it is not in the tools environment %s (%s). Install it with '
                               'Debug (it installs on first use) or '
                               '`connector-studio health <folder> --config FILE --debug PORT`.' % (folder, e))
    try:
        from debugpy.common import log as debugpy_log  # type: ignore[import-not-found]
        # debugpy describes every installed distribution when it starts logging, even with logging off: 1.4 s with
        # the platform default's hundred packages, for a description nobody reads.
        debugpy_log.describe_environment = lambda header: None
    except (ImportError, AttributeError):
        pass  # another debugpy version: slower to start, nothing worse
    return debugpy


def _keep_runner_threads_untraced() -> None:
    """The runner's own threads (named cs-*) read requests and must never stop at a breakpoint or a pause: a
    request pipe closed while they were suspended would leave the worker running. pydevd also leaves them out of
    its threads, as its own: a thread it counts but never traces (blocked reading fd 3) held every step and
    continue for its 0.2 s poll (a step took 200 ms, 45 ms without)."""
    for thread in threading.enumerate():
        if thread.name.startswith('cs-'):
            # setattr: Thread declares neither attribute, and the type checker would refuse a plain assignment.
            setattr(thread, 'pydev_do_not_trace', True)  # noqa: B010
            setattr(thread, 'is_pydev_daemon_thread', True)  # noqa: B010


def _answer_without_delay() -> None:
    """pydevd writes each message's header and body in two sends; with Nagle's algorithm on its socket the body
    waits for the client's delayed ACK, 40 ms per answer (a step is three of them). Its sockets get TCP_NODELAY."""
    try:
        import pydevd  # type: ignore[import-not-found]  # debugpy's vendored copy, on the path once debugpy listens
        debugger = pydevd.get_global_debugger()
        connect = debugger.initialize_network
    except (ImportError, AttributeError):
        return  # another debugpy version: slower answers, nothing worse

    def initialize_network(sock: 'Any', *args: 'Any', **kwargs: 'Any') -> 'Any':
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass  # not a TCP socket: nothing to speed up
        return connect(sock, *args, **kwargs)
    debugger.initialize_network = initialize_network


def listen(port: int, connector_folder: str) -> int:
    """Starts debugpy listening on 127.0.0.1:``port`` (0: any free port), once per worker; answers the port.

    The connector's folder is pydevd's only project root, so for any client attaching with justMyCode (VS Code's
    launch.json too) the runner, the shims, the standard library and site-packages are library code: never
    stepped into, never stopped in."""
    global _port
    if _port is not None:
        if port and port != _port:
            raise DebugUnavailable('debugpy.listen on 127.0.0.1:%d: this worker already listens on port %d'
                                   % (port, _port))
        return _port
    debugpy = _import_debugpy()
    had_roots = os.environ.get('IDE_PROJECT_ROOTS')
    os.environ['IDE_PROJECT_ROOTS'] = os.path.abspath(connector_folder)  # read once, as pydevd starts
    try:
        debugpy.configure(subProcess=False)  # a connector's subprocesses run undebugged
        _host, actual = debugpy.listen(('127.0.0.1', port), in_process_debug_adapter=True)
    except Exception as e:
        raise DebugUnavailable('debugpy.listen on 127.0.0.1:%d failed: %s (is the port in use?)' % (port, e))
    finally:  # the connector's own subprocesses must not inherit it
        if had_roots is None:
            del os.environ['IDE_PROJECT_ROOTS']
        else:
            os.environ['IDE_PROJECT_ROOTS'] = had_roots
    _keep_runner_threads_untraced()
    _answer_without_delay()
    _port = int(actual)
    return _port


def wait_for_client() -> None:
    """Blocks until a client has attached and sent configurationDone."""
    if _port is None:
        raise DebugUnavailable('wait for a debugger: debugpy is not listening '
                               '(send a debug request without wait first)')
    _import_debugpy().wait_for_client()
