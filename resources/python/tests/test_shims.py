"""The framework shims: every module imports, keeps in step with its type stub, and does what connectors rely on
(real HTTP for health checks, files through the local attachments folder, server calls recorded as effects)."""
import ast
import base64
import hashlib
import hmac
import importlib
import inspect
import logging
import os
import pkgutil
import shlex

import pytest
import requests

import runner_support

SHIMS = os.path.join(os.path.dirname(runner_support.__file__), 'shims')
STUBS = os.path.join(os.path.dirname(runner_support.__file__), 'stubs')


def shim_modules():
    names = []
    for top in runner_support.FRAMEWORK:
        module = importlib.import_module(top)
        names.append(top)
        if hasattr(module, '__path__'):
            names += [m.name for m in pkgutil.walk_packages(module.__path__, top + '.')]
    return sorted(names)


def stub_file(module):
    base = os.path.join(STUBS, *module.split('.'))
    return base + '.pyi' if os.path.exists(base + '.pyi') else os.path.join(base, '__init__.pyi')


def stub_functions(module):
    """{name: [parameter names]} of the stub's top-level functions and of its classes' methods."""
    tree = ast.parse(open(stub_file(module), encoding='utf-8').read())
    found = {}

    def params(node):
        a = node.args
        return ([p.arg for p in a.posonlyargs + a.args] + (['*' + a.vararg.arg] if a.vararg else [])
                + [p.arg for p in a.kwonlyargs] + (['**' + a.kwarg.arg] if a.kwarg else []))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = params(node)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[node.name + '.' + item.name] = params(item)
    return found


def signature_params(function):
    out = []
    for p in inspect.signature(function).parameters.values():
        prefix = {p.VAR_POSITIONAL: '*', p.VAR_KEYWORD: '**'}.get(p.kind, '')
        out.append(prefix + p.name)
    return out


def test_every_shim_module_imports_with_a_docstring_and_a_stub():
    modules = shim_modules()
    assert len(modules) >= 20
    for name in modules:
        module = importlib.import_module(name)
        assert module.__file__.startswith(SHIMS), name  # ours, not an installed package of that name
        assert (module.__doc__ or '').strip(), '%s has no docstring saying what the real one does' % name
        assert os.path.exists(stub_file(name)), '%s has no stub in resources/python/stubs' % name


def test_each_stubbed_function_has_the_shims_parameters():
    checked = 0
    for name in shim_modules():
        module = importlib.import_module(name)
        for qualified, params in stub_functions(name).items():
            owner, _, attr = qualified.rpartition('.')
            scope = getattr(module, owner) if owner else module
            target = inspect.getattr_static(scope, attr, None)
            assert target is not None, '%s.%s is in the stub but not in the shim' % (name, qualified)
            target = target.__func__ if isinstance(target, (staticmethod, classmethod)) else target
            if inspect.isfunction(target):  # not what a class inherits from a builtin, like Exception.__init__
                assert signature_params(target) == params, '%s.%s' % (name, qualified)
                checked += 1
    assert checked >= 40


# connectors.core


def test_connector_module_re_exports_what_connectors_import():
    from connectors.core import connector
    for name in ('Connector', 'ConnectorError', 'CustomConnectorException', 'Result', 'get_logger',
                 'api_health_check', 'update_connnector_config', 'update_connector_config', 'STATE_AVAILABLE',
                 'STATE_DACTIVATED', 'SSL_VALIDATION_ERROR'):
        assert hasattr(connector, name), name
    assert connector.get_logger('vendor').name == 'connectors.vendor'
    assert connector.get_logger().name == 'connectors'
    assert connector.STATE_DACTIVATED == connector.STATE_DEACTIVATED == 'Deactivated'


def test_connector_base_class_needs_execute_and_finds_operations_by_annotation():
    from connectors.core.connector import Connector

    with pytest.raises(TypeError):
        Connector()

    class Vendor(Connector):
        def execute(self, config, operation, params, **kwargs):
            return operation

    info = {'operations': [{'operation': 'get_ip', 'annotation': 'get_reputation'}]}
    vendor = Vendor(info_json=info)
    assert vendor._get_op_from_annotation('get_reputation') == 'get_ip'
    assert vendor._get_op_from_annotation('other') is None
    assert vendor.check_health({}) is None and vendor.on_add_config({}, True) is None and vendor.init()
    assert vendor._result.get_status() == 'Success'


def test_result_keeps_what_the_connector_sets():
    from connectors.core.result import Result
    r = Result()
    assert r.set_operation('op') == 'op' and r.set_env({'a': 1}) == {'a': 1}
    r.set_data(b'\x00', is_binary=True)
    assert r.get_result() == b'\x00'  # binary output is the data alone
    r.set_result(False, 'failed: ', KeyError('k'))
    assert (r.get_status(), r.get_message(), r.get_binary()) == ('Failed', "failed: 'k'", True)
    with pytest.raises(Exception, match="^failed: 'k'$"):
        r.get_result()
    r.set_result(True)
    r.set_message('ok')
    r.set_data({'n': 1})
    assert r.get_result() == {'operation': 'op', 'status': 'Success', 'message': 'ok', 'data': {'n': 1},
                              'env': {'a': 1}}


def test_api_health_check_calls_the_server_for_real(server):
    from connectors.core.connector import ConnectorError, api_health_check
    server.routes = {('GET', '/ok'): (200, {}, {'ok': True}), ('POST', '/ok'): (200, {}, {'ok': True}),
                     ('GET', '/401'): (401, {}, b''), ('GET', '/403'): (403, {}, b''),
                     ('GET', '/500'): (500, {}, b'boom')}
    assert api_health_check(server.url + '/ok', username='u', password='p', params={'a': 'b'}).json() == {'ok': True}
    assert server.seen[-1]['path'] == '/ok?a=b'
    assert server.seen[-1]['headers']['Authorization'] == 'Basic ' + base64.b64encode(b'u:p').decode()
    api_health_check(server.url + '/ok', method='POST', body={'q': 1}, headers={'X-H': '1'}, verify='false')
    assert server.seen[-1]['body'] == b'{"q": 1}' and server.seen[-1]['headers']['X-H'] == '1'
    for path, message in (('/401', 'Invalid endpoint or credentials'), ('/403', 'Unauthorized'),
                          ('/500', '500 Server Error: Internal Server Error for url: .* :: boom Url: ')):
        with pytest.raises(ConnectorError, match=message):
            api_health_check(server.url + path)
    closed = server.url.rsplit(':', 1)[0] + ':1'
    with pytest.raises(ConnectorError, match='Invalid endpoint or credentials for url ' + closed):
        api_health_check(closed + '/x')


def test_update_connnector_config_is_recorded_as_an_effect(host):
    from connectors.core.utils import update_connector_config, update_connnector_config
    config = {'token': 'new'}
    update_connnector_config('vendor', '1.0.0', config, configId='c1')
    config['token'] = 'changed after the call'
    assert host.effects['configUpdates'] == [{'connector': 'vendor', 'version': '1.0.0', 'configId': 'c1',
                                              'config': {'token': 'new'}}]
    assert update_connector_config is update_connnector_config
    with pytest.raises(ConnectionError, match='Provide the configuration'):
        update_connnector_config('vendor', '1.0.0', {})


def test_between_calls_effects_are_not_recorded(host, monkeypatch):
    monkeypatch.setattr(host, 'effects', None)
    from connectors.core.utils import update_connnector_config
    update_connnector_config('vendor', '1.0.0', {'a': 1})
    assert host.effects is None


# connectors.cyops_utilities and integrations: the simulated platform, and files placed in the attachments folder


def test_download_file_from_cyops_copies_an_attachment_into_tmp(host):
    from connectors.cyops_utilities.builtins import download_file_from_cyops
    folder = os.path.join(host.ATTACHMENTS_DIR, 'abc')
    os.makedirs(folder)
    with open(os.path.join(folder, 'report.pdf'), 'wb') as f:
        f.write(b'%PDF-1.4')
    with open(os.path.join(host.ATTACHMENTS_DIR, 'flat.txt'), 'wb') as f:
        f.write(b'flat')
    meta = download_file_from_cyops('/api/3/attachments/abc')
    assert meta['filename'] == 'report.pdf' and meta['content_type'] == 'application/pdf'
    assert meta['content_length'] == 8 and meta['sha256'] == hashlib.sha256(b'%PDF-1.4').hexdigest()
    copied = os.path.join(host.TMP_ROOT, meta['cyops_file_path'])
    assert open(copied, 'rb').read() == b'%PDF-1.4'
    assert download_file_from_cyops('/api/3/files/flat.txt?x=1')['filename'] == 'flat.txt'
    host.cleanup()
    assert not os.path.exists(copied)  # removed when the worker stops


@pytest.mark.parametrize('iri', ['/api/3/files/missing', '/api/3/files/..', '/api/3/files/a\\..\\b', ''])
def test_an_unknown_or_escaping_iri_is_a_connector_error(host, iri):
    from connectors.core.connector import ConnectorError
    from connectors.cyops_utilities.builtins import download_file_from_cyops
    with pytest.raises(ConnectorError, match='Invalid file IRI|No file for'):
        download_file_from_cyops(iri)


def test_make_request_reaches_the_platform_and_records_what_it_changed(host):
    # web-screenshot: make_file_upload_request(name, content, type), then make_request('/api/3/attachments', 'POST',
    # {'name', 'file': <File @id>, 'description'}); git-guardian reads attachment['file']['@id'] back.
    from connectors.cyops_utilities.crudhub import make_cyops_request
    from integrations.crudhub import make_file_upload_request, make_request
    empty = make_cyops_request('/api/3/alerts', 'get')
    assert (empty['@type'], empty['hydra:member'], empty['hydra:totalItems']) == ('hydra:PagedCollection', [], 0)
    alert = make_request('/api/3/alerts', 'POST', {'name': 'a'})
    assert alert['@id'] == '/api/3/alerts/' + alert['uuid'] and alert['@type'] == 'Alert'
    assert isinstance(alert['id'], int)
    assert make_request(alert['@id'], 'PUT', {'status': 'Closed'})['status'] == 'Closed'
    assert host.effects['crudhubRequests'][:2] == [{'method': 'GET', 'iri': '/api/3/alerts', 'body': None},
                                                   {'method': 'POST', 'iri': '/api/3/alerts', 'body': {'name': 'a'}}]
    stored = make_file_upload_request('note.txt', 'hello', 'text/plain')
    assert stored['@type'] == 'File' and stored['size'] == 5 and stored['filename'] == 'note.txt'
    attachment = make_request('/api/3/attachments', 'POST', {'name': stored['filename'], 'file': stored['@id'],
                                                             'description': 'From the test'})
    assert attachment['@type'] == 'Attachment' and attachment['file']['filename'] == 'note.txt'
    assert make_request(attachment['@id'], 'GET')['file']['@id'] == stored['@id']
    # A file's IRI answers its content (microsoft-graph reads its certificate with make_request(iri, 'GET')).
    assert make_request(stored['@id'], 'GET') == 'hello'
    make_request(alert['@id'], 'DELETE')
    assert [(c['action'], c['type'], c['module']) for c in host.effects['platformRecords']] == [
        ('created', 'Alert', 'alerts'), ('updated', 'Alert', 'alerts'), ('created', 'File', 'files'),
        ('created', 'Attachment', 'attachments'), ('deleted', 'Alert', 'alerts')]
    with pytest.raises(requests.exceptions.HTTPError, match='404 Client Error.*No record /api/3/alerts/'):
        make_request(alert['@id'], 'GET')


def test_make_request_pages_and_queries_as_the_server_does(host):
    from integrations.crudhub import make_request
    for i in range(5):
        make_request('/api/3/indicators', 'POST', {'value': '10.0.0.%d' % i, 'typeofindicator': 'IP Address'})
    page = make_request('/api/3/indicators?$limit=2&$page=3', 'GET')
    assert page['hydra:totalItems'] == 5 and len(page['hydra:member']) == 1
    assert 'hydra:next' not in page['hydra:view'] and page['hydra:view']['hydra:previous'].endswith('%24page=2')
    found = make_request('/api/query/indicators', 'POST', {'logic': 'AND', 'filters': [
        {'field': 'value', 'operator': 'in', 'value': ['10.0.0.1', '10.0.0.4']}]})
    assert sorted(m['value'] for m in found['hydra:member']) == ['10.0.0.1', '10.0.0.4']


def test_without_a_platform_a_request_fails_saying_so(host, monkeypatch):
    from connectors.core.connector import ConnectorError
    from integrations.crudhub import make_request
    monkeypatch.setattr(host, 'PLATFORM_URL', '')
    with pytest.raises(ConnectorError, match='No simulated FortiSOAR platform is configured'):
        make_request('/api/3/alerts', 'GET')


def test_trigger_ingest_playbook_records_what_would_be_ingested(host):
    from integrations.crudhub import trigger_ingest_playbook
    trigger_ingest_playbook(({'n': i} for i in range(1500)), '/api/3/workflows/pb', dedup_field='n')
    (ingested,) = host.effects['ingested']
    assert ingested['count'] == 1500 and len(ingested['records']) == 1000
    assert (ingested['playbook'], ingested['batchSize'], ingested['dedupField']) == ('/api/3/workflows/pb', 1000, 'n')


def test_maybe_json_or_raise_on_real_responses(server):
    from integrations.crudhub import maybe_json_or_raise
    server.routes = {('GET', '/json'): (200, {}, {'a': 1}), ('GET', '/text'): (200, {}, b'plain'),
                     ('GET', '/bad'): (400, {}, {'error': 'no'})}
    assert maybe_json_or_raise(requests.get(server.url + '/json')) == {'a': 1}
    assert maybe_json_or_raise(requests.get(server.url + '/text')) == 'plain'
    with pytest.raises(requests.exceptions.HTTPError, match="400 Client Error.*'error': 'no'.*Url: "):
        maybe_json_or_raise(requests.get(server.url + '/bad'))


def test_passwords_pass_through_unchanged():
    from connectors.utils import manage_password
    from integrations.password_utils import manage_password as same
    assert manage_password('vault-value', 'decrypt') == 'vault-value' and same is manage_password


# connectors.debug_utils, cshmac, django, uwsgi


def test_make_curl_logs_a_command_that_a_shell_reads_back(caplog):
    from connectors.debug_utils.curl_script import make_curl
    with caplog.at_level(logging.DEBUG, logger='connectors.debug_utils.curl_script'):
        command = make_curl('post', 'https://h/x', headers={'A': "it's"}, params={'q': ['1', '2']},
                            data={'k': 'v'}, verify_ssl=False)
    assert shlex.split(command) == ['curl', '-X', 'POST', '-k', '-H', "A: it's", '--data', '{"k": "v"}',
                                    'https://h/x?q=1&q=2']
    assert caplog.records[-1].getMessage() == 'curl: ' + command


def test_hmac_auth_signs_as_fortisoar_documents():
    from cshmac.requests import HmacAuth
    ts = '2024-01-02 03:04:05'
    for method, payload, signed in (('GET', None, 'pub'), ('POST', '{"a": 1}', '{"a": 1}')):
        header = HmacAuth('https://soar/api/3/alerts', method, 'pub', 'priv', payload).header(ts)
        algorithm, stamp, public, fingerprint = base64.b64decode(header[len('CS '):]).decode().split(';')
        raw = 'sha256.%s.%s.https://soar/api/3/alerts.%s' % (method, ts, hashlib.sha256(signed.encode()).hexdigest())
        assert (algorithm, stamp, public) == ('sha256', ts, 'pub')
        assert fingerprint == hmac.new(b'priv', raw.encode(), hashlib.sha256).hexdigest()
    prepared = requests.Request('GET', 'https://soar/x', auth=HmacAuth('https://soar/x', 'get', 'k', 's')).prepare()
    assert prepared.headers['Authorization'].startswith('CS ')


def test_django_settings_and_import_string():
    from django.conf import settings
    from django.utils.module_loading import import_string
    assert settings.TMP_FILE_ROOT.endswith(os.sep) and os.path.isdir(settings.TMP_FILE_ROOT)
    assert settings.LW_AGENT is False
    with pytest.raises(AttributeError, match='DATABASES is not simulated'):
        _ = settings.DATABASES
    assert import_string('os.path.join') is os.path.join
    with pytest.raises(ImportError, match="doesn't look like a module path"):
        import_string('nodots')
    with pytest.raises(ImportError, match='does not define a "nope"'):
        import_string('os.nope')


def test_uwsgi_cache_is_one_dict_per_cache_name():
    import uwsgi
    uwsgi.cache_clear()
    uwsgi.cache_clear('other')
    assert uwsgi.cache_set('k', b'v') and uwsgi.cache_get('k') == b'v' and uwsgi.cache_exists('k')
    uwsgi.cache_update('k', b'w', cache='other')
    assert uwsgi.cache_get('k') == b'v' and uwsgi.cache_get('k', 'other') == b'w'
    assert uwsgi.cache_del('k') and not uwsgi.cache_del('k') and uwsgi.cache_get('k') is None
    uwsgi.cache_clear('other')
    assert not uwsgi.cache_exists('k', 'other')
    assert uwsgi.worker_id() == 1 and uwsgi.numproc == 1 and uwsgi.lock() is None and uwsgi.unlock() is None
