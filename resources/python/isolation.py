"""Process set-up of the worker, run by runner.py before anything else (so before any thread exists).

* A memory limit (RLIMIT_AS, from ``CS_MEMORY_LIMIT_MB``; 0 or unset: none), so a runaway connector gets a
  MemoryError instead of taking the machine down. Processes the connector starts inherit it.
* On Linux, the process the host started stays behind as a small supervisor: a child subreaper that forks the
  real worker and, when the worker ends for any reason (stopped, crashed, killed), kills every process left
  below it. Being a subreaper is what makes that complete: an orphan is reparented to the nearest subreaper
  above it instead of to init, so a daemon whose parent exited, or a child that called setsid() to leave the
  process group, is still found among the supervisor's descendants.
"""
import os
import signal
import sys
import time

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
SWEEP_SECONDS = 5.0
PROTOCOL_FDS = (0, 3, 4)  # stdin and the request/reply pipes belong to the worker alone


def _warn(text):
    os.write(2, ('Connector Studio: %s\n' % text).encode('utf-8', 'replace'))


def limit_memory():
    mb = int(os.environ.get('CS_MEMORY_LIMIT_MB') or 0)
    if mb <= 0:
        return
    try:
        import resource
    except ImportError:  # Windows has no rlimits
        return
    limit = mb << 20
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError) as e:
        _warn('the worker memory limit of %d MB could not be applied (%s); the worker runs without one' % (mb, e))


def _prctl(option, value):
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(option, value, 0, 0, 0) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


def _descendants(root):
    """(pid, state) of every process below ``root``, found through the parent pid in /proc/<pid>/stat."""
    children = {}
    for name in os.listdir('/proc'):
        if not name.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % name, 'rb') as f:
                stat = f.read()
        except OSError:
            continue  # ended while we looked
        fields = stat[stat.rindex(b')') + 2:].split()  # the command name may hold spaces and parentheses
        children.setdefault(int(fields[1]), []).append((int(name), fields[0]))
    found, todo = [], [root]
    while todo:
        for pid, state in children.get(todo.pop(), ()):
            found.append((pid, state))
            todo.append(pid)
    return found


def _reap():
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def end_tree():
    """SIGKILLs every live descendant until none is left (a process may fork while the others are killed)."""
    deadline = time.monotonic() + SWEEP_SECONDS
    while True:
        _reap()
        live = [pid for pid, state in _descendants(os.getpid()) if state != b'Z']
        if not live:
            return
        for pid in live:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass  # already gone
        if time.monotonic() > deadline:
            _warn('processes %s started by the connector could not be ended' % live)
            return
        time.sleep(0.01)


def _exit_like(status):
    """Ends the supervisor the way the worker ended, so the host reports the worker's exit code or signal."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            import resource
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # the worker's crash already left its trace
        except (ImportError, ValueError, OSError):
            pass
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _supervise(worker):
    for fd in PROTOCOL_FDS:
        try:
            os.close(fd)  # the host must see the reply pipe close, and EPIPE on requests, when the worker dies
        except OSError:
            pass

    def stop_worker(signum, frame):
        try:
            os.kill(worker, signal.SIGKILL)
        except OSError:
            pass

    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, stop_worker)
    while True:
        try:
            pid, status = os.waitpid(-1, 0)  # also reaps the orphans reparented to us
        except ChildProcessError:
            status = 1 << 8
            break
        if pid == worker:
            break
    end_tree()
    _exit_like(status)


def supervise():
    """Linux: returns in the forked worker; the supervisor never returns. Elsewhere: returns at once."""
    if not sys.platform.startswith('linux'):
        return
    try:
        _prctl(PR_SET_CHILD_SUBREAPER, 1)
    except (OSError, AttributeError, ImportError) as e:  # ImportError: an interpreter built without ctypes
        _warn('cannot become a child subreaper (%s): processes the connector starts in a new session may '
              'outlive the worker' % e)
        return
    supervisor = os.getpid()
    worker = os.fork()
    if worker:
        _supervise(worker)
    # The worker never outlives its supervisor, or its processes would escape the clean-up.
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != supervisor:
        os._exit(1)


def start():
    limit_memory()
    supervise()
