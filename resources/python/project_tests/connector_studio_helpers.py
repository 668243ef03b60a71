"""Helpers for this project's tests, written by Connector Studio (its tests import nothing else of the IDE).

The tests replay a recorded cassette (tests/cassettes/<operation>-<NAME>.json) through the connector, loaded with
Connector Studio's FortiSOAR framework shims, offline: a request the cassette does not hold fails the test naming
the request, and never reaches the network.

Run them with ``connector-studio test <project>``: it sets CS_RUNTIME (the folder of the shims and the runtime's
modules), CS_CONNECTOR (the connector folder) and CS_SECRET_RULE (which configuration values are secret), and runs
pytest in the connector's environment. Plain ``pytest`` outside Connector Studio stops with a message saying so.
"""
import json
import logging
import os
import sys

TESTS = os.path.dirname(os.path.abspath(__file__))
CASSETTES = os.path.join(TESTS, 'cassettes')


def _runtime():
    folder = os.environ.get('CS_RUNTIME')
    if not folder or not os.path.isdir(os.path.join(folder, 'shims')):
        raise RuntimeError('These tests need Connector Studio\'s FortiSOAR framework shims: run them with '
                           '`connector-studio test <project folder>` (it sets CS_RUNTIME), not with plain pytest.')
    for path in (os.path.join(folder, 'shims'), folder):
        if path not in sys.path:
            sys.path.insert(0, path)
    return folder


class _ErrorLogs(logging.Handler):
    def __init__(self):
        logging.Handler.__init__(self, logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _stand_ins(config):
    """A scrubbed secret gets a stand-in value; the cassette scrubs it to the same placeholder it recorded."""
    return {k: ('cs-test-' + k if isinstance(v, str) and v.startswith('<scrubbed:') else v) for k, v in config.items()}


def replay(recording):
    """Runs the recording ``<operation>-<NAME>`` again from its cassette: returns (run record, result) where
    result is {status, message, data, errorLogs} as the run record keeps it."""
    _runtime()
    import cassette
    import secret_forms
    from runner_support import Loader, envelope
    from connectors.core.result import Result

    with open(os.path.join(CASSETTES, recording + '.run.json'), encoding='utf-8') as fh:
        record = json.load(fh)
    folder = os.environ.get('CS_CONNECTOR') or os.path.dirname(TESTS)
    rule = secret_forms.SecretRule(json.loads(os.environ.get('CS_SECRET_RULE') or '{}'))
    config = _stand_ins(record.get('config') or {})
    operation = record['operation']
    spec = {'mode': 'replay', 'path': os.path.join(CASSETTES, recording + '.json')}
    errors = _ErrorLogs()
    logging.getLogger().addHandler(errors)
    loader = Loader(folder)
    tape = None
    try:
        with cassette.activate(spec, config, rule) as tape:
            connector = loader.get()
            try:
                if operation == 'check_health':
                    connector.check_health(config)
                    reply = {'status': 'Available', 'message': '', 'data': None}
                else:
                    connector._result = Result()
                    handled, is_binary = connector._handle_operation(
                        {'config': config, 'operation': operation, 'params': record.get('params') or {}}, env={})
                    reply = envelope(operation, handled, is_binary)
            except Exception as e:  # the recorded run may have failed the same way
                failed = 'Disconnected' if operation == 'check_health' else 'Failed'
                reply = {'status': failed, 'message': str(e), 'data': None}
    finally:
        logging.getLogger().removeHandler(errors)
        loader.unload()
    reply = cassette.explain_misses(tape, reply)
    if tape is not None and tape.misses:
        raise AssertionError('Replay missed: %s' % tape.misses[0])
    # The run record has the secrets masked in every form (a vendor echoing the key); so has the replay's answer.
    mask = secret_forms.Scrubber(rule, mark=secret_forms._mask)
    mask.add_named(config, users=False)
    data = mask.value(json.loads(json.dumps(reply.get('data'), default=str)))
    return record, {'status': reply.get('status'), 'message': mask.text(reply.get('message') or ''), 'data': data,
                    'errorLogs': [mask.text(m) for m in errors.messages]}


def only_keys(data, keys):
    """``data`` with only the output_schema's keys, for a test that checks the shape and not every value."""
    if isinstance(data, list):
        return [only_keys(d, keys) for d in data]
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k in keys}
    return data
