"""Connector Studio's ingestion run (src/main/services/ingestion): a connector's data-ingestion playbooks run by
playbook_interpreter.py on a virtual clock, the connector loaded as runner.py loads it.

Started as ``python ingest_runner.py JOB.json RESULT.json`` with the connector's interpreter and the worker's
environment (CS_PLATFORM_URL/CS_PLATFORM_TOKEN: the simulated platform; CS_TOOLS_ROOT: jinja2). The job:
  {"folder", "config", "secrets" (the host's secret rule), "mode": "sample"|"ingest", "pulls", "intervalMinutes",
   "clockStart" (epoch seconds), "cassette": {"mode": "record"|"replay", "path"} or null,
   "fetchPlaybook"/"ingestPlaybook" (uuid or name; else found by their tags)}
The result file gets {"pulls": [{"at", "fetched", "created", "duplicates", "errors", "steps", "records"}],
"clockStart"} or, for "sample", {"data", "steps", "errors"}. Connector output and logs go to stderr/stdout, which
the host shows as the run's log; the result file is written once, atomically, at the end.

A recording keeps every vendor exchange of all pulls and the clock's start in one cassette
(``tests/cassettes/ingest-<NAME>.json``); a replay starts the clock there, so time-based query parameters match.
"""
import datetime
import json
import logging
import os
import sys
import traceback

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
SHIMS = os.path.join(HERE, 'shims')
sys.path[0:1] = [SHIMS, HERE]

import tools_path  # noqa: E402

tools_path.add_tools_path()

import cassette as cassette_module  # noqa: E402
import virtual_clock  # noqa: E402
from runner_support import FrameworkGuard, Loader, envelope  # noqa: E402
from secret_forms import SecretRule  # noqa: E402

try:  # jinja2 comes from the tools environment: without it nothing can run, and the host is told how to get it
    from playbook_interpreter import Interpreter, Platform, PlaybookError, Playbooks  # noqa: E402
    MISSING = None
except ImportError as e:  # pragma: no cover - the tools environment is there in every test
    MISSING = e

    class PlaybookError(Exception):
        pass

log = logging.getLogger('connector-studio.ingest')


def iso(epoch):
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')


class IngestCassette(cassette_module.Cassette):
    """The action cassette's format plus the virtual clock's start (and the run's shape, for people reading it)."""

    def __init__(self, mode, path, config, rule, clock_start=None, run=None):
        super(IngestCassette, self).__init__(mode, path, config, rule)
        self.clock_start, self.run = clock_start, run or {}
        if mode == 'replay':
            with open(path, encoding='utf-8') as fh:
                saved = json.load(fh)
            self.clock_start = saved.get('clockStart')
            if not isinstance(self.clock_start, (int, float)):
                raise ValueError('the cassette %s has no "clockStart": it was not recorded by an ingestion run; record '
                                 'it again with --record' % path)

    def save(self):
        self.interactions = [cassette_module._scrub_exchange(self.scrub, x) for x in self.interactions]
        cassette_module.write_atomic(self.path, {'version': 1, 'kind': 'ingestion', 'clockStart': self.clock_start,
                                                 'clockStartIso': iso(self.clock_start), 'run': self.run,
                                                 'interactions': self.interactions}, self.scrub)


class ConnectorCalls(object):
    """Runs this connector's actions in this process, as runner.py's execute does."""

    def __init__(self, folder, config):
        self.loader = Loader(folder)
        with open(os.path.join(folder, 'info.json'), encoding='utf-8') as f:
            self.name = json.load(f).get('name')
        self.config = config

    def __call__(self, connector, operation, params, config_id, env):
        if connector != self.name:
            raise PlaybookError('A step calls the connector "%s"; an ingestion run here simulates only this connector '
                                '(%s) and cyops_utilities' % (connector, self.name))
        from connectors.core.result import Result
        instance = self.loader.get()
        instance._result = Result()
        try:
            handled, is_binary = instance._handle_operation(
                {'config': self.config, 'operation': operation, 'params': params}, env=dict(env or {}))
        except PlaybookError:
            raise
        except Exception as e:  # the action failed as it would on the server: the step fails with its message
            log.error('%s failed: %s\n%s', operation, e, traceback.format_exc())
            return {'operation': operation, 'status': 'Failed', 'message': str(e) or type(e).__name__, 'data': None}
        return envelope(operation, handled, is_binary)


def pick(playbooks, wanted, role):
    if wanted:
        return playbooks.find(wanted)
    tagged = playbooks.tagged('dataingestion', role)
    if role == 'fetch':  # a playbook tagged both fetch and create is the fetch one (taxii2, anomali)
        tagged = sorted(tagged, key=lambda w: 'ingest' in (w.get('recordTags') or []))
    if not tagged:
        raise PlaybookError('No playbook in playbooks.json is tagged "dataingestion" and "%s": the Data Ingestion '
                            'wizard finds the %s playbook by these tags' % (role, role))
    return tagged[0]


def platform_request(method, iri, body):
    import _studio_host
    answer, _ = _studio_host.platform_request(method, iri, body)
    return answer


def run_job(job):
    folder = os.path.abspath(job['folder'])
    playbooks = Playbooks.load(os.path.join(folder, 'playbooks', 'playbooks.json'))
    calls = ConnectorCalls(folder, job.get('config') or {})
    interpreter = Interpreter(playbooks, calls, Platform(platform_request), log=lambda m: log.info('step %s', m))

    import integrations.crudhub as crudhub

    def trigger_ingest_playbook(records, playbook_iri, parent_env=None, batch_size=1000, dedup_field=None, *a, **k):
        return interpreter.ingest(records, playbook_iri, dedup_field=dedup_field, batch_size=batch_size)
    crudhub.trigger_ingest_playbook = trigger_ingest_playbook  # before the connector imports it by name

    spec = job.get('cassette')
    rule = SecretRule(job.get('secrets'))
    pulls = max(int(job.get('pulls') or 1), 1)
    interval = float(job.get('intervalMinutes') or 5) * 60
    start = float(job.get('clockStart') or virtual_clock.current())
    tape = None
    if spec:
        tape = IngestCassette(spec.get('mode'), spec.get('path'), job.get('config'), rule, start,
                              {'mode': job.get('mode'), 'pulls': pulls, 'intervalMinutes': interval / 60})
        if tape.mode == 'replay':
            start = float(tape.clock_start)
    with patched_requests(tape), virtual_clock.installed(start) as clock:
        if job.get('mode') == 'sample':
            return sample(interpreter, playbooks, job, start)
        results = []
        for index in range(pulls):
            clock.now = start + index * interval
            results.append(one_pull(interpreter, playbooks, job, clock.now))
        return {'clockStart': iso(start), 'intervalMinutes': interval / 60, 'pulls': results}


def patched_requests(tape):
    import contextlib

    @contextlib.contextmanager
    def patched():
        if tape is None:
            yield
            return
        import requests.adapters
        adapter_class = requests.adapters.HTTPAdapter
        original = adapter_class.send

        def send(adapter, request, *args, **kwargs):
            if tape.mode == 'record':
                return tape.record(adapter, original, request, args, kwargs)
            return tape.replay(adapter, request)
        adapter_class.send = send
        if tape.mode == 'record':
            tape.save()
        try:
            yield
        finally:
            adapter_class.send = original
    return patched()


def describe(error):
    return str(error) if isinstance(error, PlaybookError) else '%s: %s' % (type(error).__name__, error)


def sample(interpreter, playbooks, job, start):
    interpreter.env_setup = True
    errors = []
    data = None
    try:
        variables = interpreter.run(pick(playbooks, job.get('fetchPlaybook'), 'fetch'))
        result = variables.get('result')
        data = result.get('data') if isinstance(result, dict) else result
    except Exception as e:
        log.error('Fetch sample data failed: %s\n%s', e, traceback.format_exc())
        errors.append(describe(e))
    return {'at': iso(start), 'data': data, 'errors': errors, 'steps': interpreter.trace}


def one_pull(interpreter, playbooks, job, now):
    from playbook_interpreter import Counts
    interpreter.env_setup = False
    interpreter.counts, interpreter.trace = Counts(), []
    errors = []
    try:
        interpreter.run(pick(playbooks, job.get('ingestPlaybook'), 'ingest'))
    except Exception as e:
        log.error('The pull at %s failed: %s\n%s', iso(now), e, traceback.format_exc())
        errors.append(describe(e))
    return dict(interpreter.counts.as_dict(), at=iso(now), errors=errors, steps=interpreter.trace)


def write_result(path, value):
    tmp = '%s.%d.tmp' % (path, os.getpid())
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(value, f, default=str)
    os.replace(tmp, path)


def main():
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format='%(asctime)s %(levelname)s %(name)s: %(message)s')
    sys.meta_path.append(FrameworkGuard)
    with open(sys.argv[1], encoding='utf-8') as f:
        job = json.load(f)
    if MISSING is not None:
        fatal = ('The playbook interpreter needs %s, which is not installed for this interpreter: install the tools '
                 'environment (Settings > Python, or run a test once; it holds jinja2), or pip install jinja2 '
                 'jmespath' % MISSING.name)
        write_result(sys.argv[2], {'fatal': fatal})
        return
    try:
        result = run_job(job)
    except Exception as e:
        log.error('The ingestion run could not start: %s\n%s', e, traceback.format_exc())
        result = {'fatal': describe(e)}
    write_result(sys.argv[2], result)


if __name__ == '__main__':
    main()
