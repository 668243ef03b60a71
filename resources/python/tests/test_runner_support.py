"""runner_support: a connector folder loads as the package the server would name it, unloads completely, and
whatever ``execute`` returns becomes the envelope and JSON the host can parse."""
import datetime
import decimal
import json
import os
import sys

import pytest

import runner_support
from runner_support import FrameworkGuard, LoadError, Loader, dumps, envelope, iso_time, package_name

CONNECTOR = '''
from connectors.core.connector import Connector, ConnectorError
from .helpers import greeting


class Echo(Connector):
    def execute(self, config, operation, params, **kwargs):
        return {'op': operation, 'greeting': greeting(), 'params': params}
'''


HELPER = "def greeting():\n    return 'hi'\n"


def make_connector(folder, name='echo', version='1.0.0', connector=CONNECTOR, helper=HELPER):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / 'info.json').write_text(json.dumps({'name': name, 'version': version, 'operations': []}))
    (folder / 'connector.py').write_text(connector)
    (folder / 'helpers.py').write_text(helper)
    return folder


@pytest.mark.parametrize('name, version, expected', [
    ('echo', '1.0.0', 'echo_1_0_0'),
    ('my-vendor', '2.1.3', 'my_vendor_2_1_3'),
    ('kafka', None, 'kafka_0_0_0'),  # never the PyPI library of the same name
    ('3com', '1.0.0', '_3com_1_0_0'),  # a package name cannot start with a digit
])
def test_package_name_is_the_servers(name, version, expected):
    assert package_name(name, version) == expected


def test_loader_imports_the_connector_as_a_package_with_relative_imports(tmp_path):
    loader = Loader(str(make_connector(tmp_path / 'echo')))
    try:
        instance = loader.get()
        assert loader.package == 'echo_1_0_0'
        assert type(instance).__module__ == 'echo_1_0_0.connector'
        assert instance.execute({}, 'ping', {'a': 1}) == {'op': 'ping', 'greeting': 'hi', 'params': {'a': 1}}
        assert loader.get() is instance  # imported once
    finally:
        loader.unload()


def test_unload_drops_every_submodule_so_an_edit_is_seen(tmp_path):
    folder = make_connector(tmp_path / 'echo')
    loader = Loader(str(folder))
    loader.get()
    assert {'echo_1_0_0', 'echo_1_0_0.connector', 'echo_1_0_0.helpers'} <= set(sys.modules)
    loader.unload()
    assert not [n for n in sys.modules if n.startswith('echo_1_0_0')]
    (folder / 'helpers.py').write_text("def greeting():\n    return 'edited'\n")
    try:
        assert loader.get().execute({}, 'x', {})['greeting'] == 'edited'
    finally:
        loader.unload()


def test_a_connector_that_fails_to_import_leaves_nothing_behind(tmp_path):
    folder = make_connector(tmp_path / 'broken', name='broken', helper='raise RuntimeError("vendor SDK missing")\n')
    loader = Loader(str(folder))
    with pytest.raises(LoadError, match='RuntimeError: vendor SDK missing'):
        loader.get()
    assert not [n for n in sys.modules if n.startswith('broken_1_0_0')]


def test_unreadable_info_json_is_a_load_error(tmp_path):
    folder = make_connector(tmp_path / 'bad')
    (folder / 'info.json').write_text('{not json')
    with pytest.raises(LoadError, match='cannot read info.json'):
        Loader(str(folder)).get()


@pytest.mark.parametrize('source, found', [
    ('from connectors.core.connector import Connector\nX = 1\n', 'none'),
    ('from connectors.core.connector import Connector\n'
     'class A(Connector):\n    def execute(self, *a, **k): pass\n'
     'class B(Connector):\n    def execute(self, *a, **k): pass\n', 'A, B'),
])
def test_connector_py_needs_exactly_one_connector_class(tmp_path, source, found):
    loader = Loader(str(make_connector(tmp_path / 'c', name='c', connector=source)))
    with pytest.raises(LoadError, match=r'exactly one class .*\(found: %s\)' % found):
        loader.get()


def test_a_subclass_of_an_imported_base_is_the_connector(tmp_path):
    source = ('from connectors.core.connector import Connector\n'
              'class Base(Connector):\n    def execute(self, *a, **k): return "base"\n'
              'class Leaf(Base):\n    def execute(self, *a, **k): return "leaf"\n')
    loader = Loader(str(make_connector(tmp_path / 'leaf', name='leaf', connector=source)))
    try:
        assert loader.get().execute({}, 'x', {}) == 'leaf'
    finally:
        loader.unload()


def test_a_framework_import_without_a_shim_names_the_missing_module():
    sys.meta_path.append(FrameworkGuard)
    try:
        with pytest.raises(ModuleNotFoundError, match="connectors.no_such_module.*no shim"):
            __import__('connectors.no_such_module')
        assert FrameworkGuard.find_spec('json') is None
    finally:
        sys.meta_path.remove(FrameworkGuard)


def handled(value, **kwargs):
    """What the server's Connector._handle_operation makes of an execute that returns ``value``."""
    from connectors.core.connector import Connector

    class Returns(Connector):
        def execute(self, config, operation, params, **kw):
            return value
    return Returns()._handle_operation({'config': {}, 'operation': 'op', 'params': {}}, **kwargs)


def test_envelope_of_plain_data_a_tuple_and_a_result():
    from connectors.core.result import Result
    assert envelope('op', *handled({'a': 1})) == {'operation': 'op', 'status': 'Success', 'message': '',
                                                  'data': {'a': 1}}
    assert envelope('op', *handled((b'\x00\xff', True))) == {'operation': 'op', 'status': 'Success', 'message': '',
                                                              'data': 'AP8=', 'binary': True, 'encoding': 'base64'}
    assert envelope('op', *handled(('text', False)))['data'] == 'text'
    assert envelope('op', *handled([1], env={'step': 'x'}))['env'] == {'step': 'x'}
    done = Result()
    done.set_message('3 records')
    done.set_data({'partial': True})
    assert envelope('op', *handled(done)) == {'operation': 'op', 'status': 'Success', 'message': '3 records',
                                              'data': {'partial': True}}
    failed = Result()
    failed.set_result('Failed', 'vendor said no: ', ValueError('quota'))
    with pytest.raises(Exception, match='^vendor said no: quota$'):  # the server fails the action with it
        handled(failed)


class Vendor(object):
    def __str__(self):
        return 'vendor object'


def test_dumps_makes_json_that_javascript_parses():
    value = {1: float('nan'), 'inf': [float('inf')], 'when': datetime.date(2024, 5, 1),
             'utf8': 'é'.encode('utf-8'), 'bin': b'\xff\xfe', 'set': {3}, 'n': decimal.Decimal('1.5'),
             'other': Vendor()}
    parsed = json.loads(dumps(value))
    assert parsed['1'] is None and parsed['inf'] == [None]
    assert parsed['when'] == '2024-05-01' and parsed['utf8'] == 'é' and parsed['bin'] == '//4='
    assert parsed['set'] == [3] and parsed['n'] == 1.5 and parsed['other'] == 'vendor object'
    assert dumps({'ü': 1}) == '{"ü":1}'  # not ASCII-escaped, no spaces


def test_iso_time_is_utc_with_milliseconds():
    assert iso_time(0) == '1970-01-01T00:00:00.000Z'
    assert iso_time(1.2345) == '1970-01-01T00:00:01.234Z'


def test_framework_list_matches_the_shims():
    shims = {n[:-3] if n.endswith('.py') else n for n in os.listdir(os.path.join(os.path.dirname(
        runner_support.__file__), 'shims')) if not n.startswith(('_', '.'))}
    assert shims == set(runner_support.FRAMEWORK)
