"""The framework helpers called exactly as published connectors call them (keyword names, positional use, what
they do with the answer). Each test is a row of docs/runtime-helpers.md; the comment over it names the caller."""
import base64
import hashlib
import hmac
import json
import os
from email.message import EmailMessage

import pytest


def attachment_file(host, file_id, name, content):
    folder = os.path.join(host.ATTACHMENTS_DIR, file_id)
    os.makedirs(folder)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(content)
    return '/api/3/attachments/' + file_id


# connectors.core: Connector, Result, api_health_check


def connector_returning(value):
    from connectors.core.connector import Connector

    class Vendor(Connector):
        cleaned = 0

        def execute(self, config, operation, params, **kwargs):
            return value(kwargs) if callable(value) else value

        def clean_up(self):
            self.cleaned += 1
    return Vendor(info_json={})


def test_verify_health_is_the_servers_answer_for_a_configuration():
    from connectors.core.connector import Connector, ConnectorError

    class Vendor(Connector):
        def execute(self, config, operation, params, **kwargs):
            return None

        def check_health(self, config):
            if not config.get('ok'):
                raise ConnectorError('Invalid API key')
    vendor = Vendor(info_json={})
    assert vendor.verify_health({'ok': True}, active=True) == {'status': 'Available',
                                                                 'message': 'Connector is available'}
    assert vendor.verify_health({}, True) == {'status': 'Disconnected', 'message': 'Invalid API key'}
    inactive = vendor.verify_health({'ok': True})
    assert inactive['status'] == 'Deactivated' and 'not active' in inactive['message']


def test_handle_operation_passes_the_calls_keyword_arguments_and_wraps_the_answer():
    vendor = connector_returning(lambda kwargs: {'env_keys': sorted(kwargs.get('env', {}))})
    result, binary = vendor._handle_operation({'config': {}, 'operation': 'op', 'params': {}}, env={'step': 1})
    assert result == {'operation': None, 'status': 'Success', 'message': '', 'data': {'env_keys': ['step']},
                      'env': {'step': 1}} and binary is False
    assert vendor.cleaned == 1
    result, _ = vendor._handle_operation({'config': {}, 'operation': 'op', 'params': {}})
    assert result['data'] == {'env_keys': []} and result['env'] == {}


def test_a_returned_result_keeps_only_what_the_connector_set_and_skips_clean_up():
    from connectors.core.result import Result
    done = Result()
    done.set_data({'id': 7})
    vendor = connector_returning(done)
    result, binary = vendor._handle_operation({'config': {}, 'operation': 'op', 'params': {}}, env={'e': 1})
    assert result == {'operation': None, 'status': 'Success', 'message': '', 'data': {'id': 7}, 'env': {'e': 1}}
    assert vendor.cleaned == 0  # the server calls clean_up only after plain data


def test_a_failed_result_and_handle_exception_fail_the_action_with_the_message():
    from connectors.core.connector import ConnectorError
    from connectors.core.result import Result
    failed = Result()
    failed.set_result(False, 'Quota exceeded: ', ValueError('0 left'))
    vendor = connector_returning(failed)
    with pytest.raises(Exception, match='^Quota exceeded: 0 left$') as caught:
        vendor._handle_operation({'config': {}, 'operation': 'op', 'params': {}})
    vendor.handle_exception(caught.value)
    assert (vendor._result.get_status(), vendor._result.get_message()) == ('Failed', 'Quota exceeded: 0 left')

    class Legacy(Exception):
        message = 'from .message'
    vendor.handle_exception(ConnectorError('plain'))
    assert vendor._result.get_message() == 'plain'
    vendor.handle_exception(Legacy('from str'))
    assert vendor._result.get_message() == 'from .message'  # older exceptions carry .message; the server reads it


def test_binary_output_is_the_data_alone():
    result, binary = connector_returning((b'%PDF', True))._handle_operation({'operation': 'op'})
    assert (result, binary) == (b'%PDF', True)


def test_api_health_check_answers_with_the_libraries_texts(server):
    # connectors call api_health_check(url, method=..., headers=..., verify=config['verify_ssl']) and let its
    # ConnectorError become the health check's message
    from connectors.core.connector import ConnectorError, api_health_check
    server.routes = {('GET', '/json'): (422, {}, {'detail': 'bad key'}), ('GET', '/empty'): (502, {}, b''),
                     ('POST', '/echo'): (200, {}, {'ok': True})}
    with pytest.raises(ConnectorError) as json_error:
        api_health_check(server.url + '/json', headers={'X-Key': 'k'})
    assert str(json_error.value) == ("422 Client Error: Unprocessable Entity for url: {0}/json :: "
                                     "{{'detail': 'bad key'}} Url: {0}/json".format(server.url))
    with pytest.raises(ConnectorError) as empty:
        api_health_check(server.url + '/empty')
    assert str(empty.value) == "502 Server Error: Bad Gateway for url: {0}/empty :: b'' Url: {0}/empty".format(
        server.url)
    api_health_check(server.url + '/echo', method='POST', body='{"q": 1}', verify='False')
    assert server.seen[-1]['body'] == b'{"q": 1}'
    api_health_check(server.url + '/echo', method='POST', body='not json', verify='no')
    assert server.seen[-1]['body'] == b'not json'


@pytest.mark.parametrize('verify, expected', [('False', False), ('false', False), ('true', True), ('no', True),
                                              ('0', True), ('', True), (None, True), (False, False)])
def test_api_health_check_reads_verify_as_the_server_does(verify, expected):
    from connectors.core.utils import _convert_verify
    assert _convert_verify(verify) is expected


# connectors.cyops_utilities.builtins: files and attachments


def test_download_file_from_cyops_as_file_content_extraction_calls_it(host):
    # file-content-extraction: dw_file_md = download_file_from_cyops(file_iri);
    #                          file_path = TMP_PATH + dw_file_md['cyops_file_path']
    from connectors.cyops_utilities.builtins import download_file_from_cyops
    from django.conf import settings
    iri = attachment_file(host, 'f1', 'report.pdf', b'%PDF-1.4')
    meta = download_file_from_cyops(iri)
    assert set(meta) == {'filename', 'content_length', 'content_type', 'md5', 'sha1', 'sha256', 'cyops_file_path'}
    assert meta['filename'] == 'report.pdf' and meta['content_length'] == 8
    with open(os.path.join(settings.TMP_FILE_ROOT, meta['cyops_file_path']), 'rb') as f:
        assert f.read() == b'%PDF-1.4'
    env = {}
    again = download_file_from_cyops(iri, None, env=env)  # cyops_utilities passes headers positionally
    assert env['files'][again['cyops_file_path']]['md5'] == hashlib.md5(b'%PDF-1.4').hexdigest()


@pytest.fixture
def server_tmp(host, monkeypatch, tmp_path):
    """TMP_FILE_ROOT as a worker has it without an override: '/tmp/', the server's; the created files are listed
    for the host in ``host.FILES_LIST``."""
    if os.name != 'posix':
        pytest.skip("the server's '/tmp/' is a POSIX folder")
    monkeypatch.delenv('CS_TMP_FILE_ROOT', raising=False)
    monkeypatch.setattr(host, 'TMP_ROOT', host._tmp_file_root())
    monkeypatch.setattr(host, 'FILES_LIST', str(tmp_path / 'framework-files.jsonl'))
    return host


def listed_files(host):
    with open(host.FILES_LIST) as f:
        return [json.loads(line) for line in f]


def test_tmp_file_root_is_tmp_as_on_the_server_unless_the_host_names_another(server_tmp, monkeypatch, tmp_path):
    assert server_tmp.TMP_ROOT == '/tmp/'
    monkeypatch.setenv('CS_TMP_FILE_ROOT', str(tmp_path))
    assert server_tmp._tmp_file_root() == os.path.join(str(tmp_path), '')


def test_download_file_from_cyops_is_found_at_a_hard_coded_tmp(server_tmp):
    # file-content-extraction: TMP_PATH = '/tmp/'; file_path = TMP_PATH + dw_file_md['cyops_file_path']
    # virustotal-premium, git-guardian: file_path = join('/tmp', download_file_from_cyops(file_iri)['cyops_file_path'])
    # cicd-utils: if '/tmp/' not in source_filepath: source_filepath = '/tmp/{0}'.format(source_filepath)
    import stat
    from os.path import join

    import _studio_files
    from connectors.cyops_utilities.builtins import download_file_from_cyops
    iri = _studio_files.upload('report.pdf', b'%PDF-1.4')['@id']
    first, second = download_file_from_cyops(iri), download_file_from_cyops(iri)
    assert first['cyops_file_path'] != second['cyops_file_path']  # fresh names in the shared folder
    source_filepath = first['cyops_file_path']
    if '/tmp/' not in source_filepath:
        source_filepath = '/tmp/{0}'.format(source_filepath)
    for file_path in ('/tmp/' + first['cyops_file_path'], join('/tmp', first['cyops_file_path']), source_filepath):
        with open(file_path, 'rb') as f:
            assert f.read() == b'%PDF-1.4'
    paths = ['/tmp/' + m['cyops_file_path'] for m in (first, second)]
    assert all(stat.S_IMODE(os.stat(p).st_mode) == 0o600 for p in paths)
    assert set(paths) <= set(listed_files(server_tmp))  # the host removes them if the worker is killed
    server_tmp.cleanup()
    assert [p for p in paths if os.path.exists(p)] == []


def test_integrations_crudhub_download_file_from_cyops_as_connectors_import_it(host):
    # STIX extract_indicators: from integrations.crudhub import download_file_from_cyops (no fallback);
    #   res = download_file_from_cyops(file_id); file_path = join('/tmp', res['cyops_file_path'])
    # kubernetes, fireeye-detection-on-demand: try: from integrations.crudhub import download_file_from_cyops
    #   except: from connectors.cyops_utilities.builtins import download_file_from_cyops
    # cyops_utilities (newer servers): download_file_from_cyops_new(iri, headers=headers, *args, **kwargs)
    import inspect

    from connectors.cyops_utilities import builtins
    from django.conf import settings
    from integrations.crudhub import download_file_from_cyops
    assert inspect.signature(download_file_from_cyops) == inspect.signature(builtins.download_file_from_cyops)
    iri = attachment_file(host, 'f2', 'bundle.json', b'{"objects": []}')
    res = download_file_from_cyops(iri)
    assert set(res) == {'filename', 'content_length', 'content_type', 'md5', 'sha1', 'sha256', 'cyops_file_path'}
    with open(os.path.join(settings.TMP_FILE_ROOT, res['cyops_file_path'])) as f:
        assert f.read() == '{"objects": []}'
    env = {}
    again = download_file_from_cyops(iri, headers=None, env=env)
    assert list(env['files']) == [again['cyops_file_path']]


def test_create_file_from_string_never_writes_over_a_file_it_did_not_create(host):
    # The server's TMP_FILE_ROOT is shared (/tmp): a planted file or link keeps what it holds.
    import stat

    from connectors.core.connector import ConnectorError
    from connectors.cyops_utilities.builtins import create_file_from_string
    theirs = os.path.join(host.TMP_ROOT, 'theirs.json')
    with open(theirs, 'w') as f:
        f.write('theirs')
    os.symlink(theirs, os.path.join(host.TMP_ROOT, 'planted.json'))
    for name in ('theirs.json', 'planted.json'):
        with pytest.raises(ConnectorError, match='already exists in the temporary file folder'):
            create_file_from_string('mine', filename=name)
    with open(theirs) as f:
        assert f.read() == 'theirs'
    create_file_from_string('first', filename='mine.json')
    made = create_file_from_string('second', filename='mine.json')  # its own file: written again, as on the server
    path = os.path.join(host.TMP_ROOT, made['filename'])
    with open(path) as f:
        assert f.read() == 'second'
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_upload_file_to_cyops_as_virustotal_and_cicd_utils_call_it(host):
    # virustotal-premium: upload_file_to_cyops(file_path=file_name, filename=file_name, name=...,
    #                                          create_attachment=True)
    # cicd-utils: upload_file_to_cyops(file_path, filename=filename, *args, **kwargs)
    from connectors.cyops_utilities.builtins import upload_file_to_cyops
    from django.conf import settings
    with open(os.path.join(settings.TMP_FILE_ROOT, 'sample.bin'), 'wb') as f:
        f.write(b'MZ\x90')
    attachment = upload_file_to_cyops(file_path='sample.bin', filename='sample.bin', name='Sample',
                                      create_attachment=True)
    assert attachment['@type'] == 'Attachment' and attachment['name'] == 'Sample'
    assert attachment['file']['filename'] == 'sample.bin'
    record = upload_file_to_cyops('sample.bin', filename='renamed.bin', env={'step': 1})
    assert record['@type'] == 'File' and record['filename'] == 'renamed.bin'
    assert record['metadata'] == {'md5': hashlib.md5(b'MZ\x90').hexdigest(),
                                  'sha1': hashlib.sha1(b'MZ\x90').hexdigest(),
                                  'sha256': hashlib.sha256(b'MZ\x90').hexdigest()}
    positional = upload_file_to_cyops('sample.bin', 'p.bin', True, 'By position', 'the order is the server\'s')
    assert positional['@type'] == 'Attachment' and positional['description'] == 'the order is the server\'s'


def test_upload_file_to_cyops_refuses_what_is_missing_or_outside_tmp(host):
    from connectors.core.connector import ConnectorError
    from connectors.cyops_utilities.builtins import upload_file_to_cyops
    with pytest.raises(ConnectorError, match='does not exist'):
        upload_file_to_cyops(file_path='nothing-here.bin')
    with pytest.raises(ConnectorError, match='outside the temporary file folder'):
        upload_file_to_cyops(file_path='../' * 30 + 'etc/passwd')


def test_create_cyops_attachment_as_csv_data_management_calls_it(host):
    # csv-data-management: create_cyops_attachment(filename=filepath, name=file_name, description='Created by ...')
    # where filepath is an absolute path; excel conversion: create_cyops_attachment(fileName, name=fileName, ...)
    from connectors.cyops_utilities.builtins import create_cyops_attachment
    from django.conf import settings
    filepath = os.path.join(settings.TMP_FILE_ROOT, 'dataset.zip')
    with open(filepath, 'wb') as f:
        f.write(b'PK\x03\x04')
    record = create_cyops_attachment(filename=filepath, name='dataset.csv',
                                     description='Created by CSV Data Management Connector')
    assert record['@type'] == 'Attachment' and record['name'] == 'dataset.csv'
    assert record['description'] == 'Created by CSV Data Management Connector'
    assert record['file']['filename'] == 'dataset.zip'
    by_name = create_cyops_attachment('dataset.zip', name='dataset.zip', description='')
    assert by_name['file']['filename'] == 'dataset.zip'


def test_create_file_from_string_as_taxii_feeds_call_it(host):
    # taxii2-threat-intel-feed: return create_file_from_string(contents=deduped_indicators,
    #                                                          filename=params.get('filename'))
    from connectors.cyops_utilities.builtins import create_file_from_string
    from django.conf import settings
    made = create_file_from_string(contents=[{'pattern': "[ipv4-addr:value = '10.0.0.1']"}], filename='iocs.json')
    assert set(made) == {'filename', 'content_length', 'content_type', 'md5', 'sha1', 'sha256'}
    assert made['filename'] == 'iocs.json' and made['content_type'] == 'text/plain'
    with open(os.path.join(settings.TMP_FILE_ROOT, made['filename'])) as f:
        assert json.load(f) == [{'pattern': "[ipv4-addr:value = '10.0.0.1']"}]
    unnamed = create_file_from_string(contents=b'\x00\x01')
    assert len(unnamed['filename']) == 32 and unnamed['content_length'] == 2
    env = {}
    create_file_from_string('text', 'note.txt', env=env)
    assert list(env['files']) == ['note.txt']


def test_create_file_from_string_refuses_a_name_outside_tmp(host):
    from connectors.core.connector import ConnectorError
    from connectors.cyops_utilities.builtins import create_file_from_string
    with pytest.raises(ConnectorError, match='outside the temporary file folder'):
        create_file_from_string('x', filename='../escape.txt')


def test_save_file_in_env_as_cicd_utils_and_file_content_extraction_call_it():
    # cicd-utils: env = kwargs.get('env', {}); save_file_in_env(env, target_filepath)
    # file-content-extraction: save_file_in_env(kwargs.get('env', {}), file_path)
    from connectors.cyops_utilities.builtins import FileMetadata, save_file_in_env
    env = {'other': 1}
    assert save_file_in_env(env, 'export.zip') is None
    save_file_in_env(env, 'report.pdf', FileMetadata('report.pdf', 3, 'application/pdf', 'a', 'b', 'c'))
    assert env == {'other': 1, 'files': {'export.zip': {}, 'report.pdf': {
        'filename': 'report.pdf', 'content_length': 3, 'content_type': 'application/pdf', 'md5': 'a', 'sha1': 'b',
        'sha256': 'c'}}}
    with pytest.raises(AttributeError):
        save_file_in_env(None, 'x')  # kwargs.get('env') without a default fails on the server too


def test_check_file_traversal_and_calculate_hashes(host):
    from connectors.core.connector import ConnectorError
    from connectors.cyops_utilities.files import calculate_hashes, check_file_traversal
    assert check_file_traversal('sub/f.txt') is None
    assert check_file_traversal('/tmp/hard-coded.txt') is None  # connectors hard-code the server's '/tmp/'
    for outside in ('../' * 30 + 'etc/passwd', '/etc/passwd'):
        with pytest.raises(ConnectorError, match='outside the temporary file folder'):
            check_file_traversal(outside)
    assert calculate_hashes(os.path.join(host.TMP_ROOT, 'missing')) == {'md5': '', 'sha1': '', 'sha256': ''}


def test_get_ingestion_base_dir_is_a_folder_under_the_data_folder(host):
    from connectors.cyops_utilities.files import get_ingestion_base_dir
    base = get_ingestion_base_dir()
    assert base == os.path.join(host.DATA_DIR, 'ingestion', '') and os.path.isdir(base)


def test_extract_artifacts_as_file_content_extraction_calls_it():
    # file-content-extraction: extracted_text = extract_text(...) (a dict); return extract_artifacts(extracted_text)
    from connectors.cyops_utilities.builtins import extract_artifacts
    extracted = {'metadata': {}, 'extracted_text': 'Seen 10.0.0.1 and 10.0.0.1 at https://evil.example.com/x from '
                 'bad@evil.example.com, CVE-2024-12345, dropper.exe on c2.example.net, ' + 'a' * 64}
    found = extract_artifacts(extracted)
    for key in ('IP', 'CVE', 'MD5', 'URL', 'Host', 'SHA1', 'Email', 'SHA256', 'results', 'Filename', 'Filepath',
                'Registry', 'unified_result', 'whitelisted_results'):
        assert key in found, key  # the keys of file-content-extraction's output_schema
    assert found['IP'] == ['10.0.0.1'] and found['URL'] == ['https://evil.example.com/x']
    assert found['Email'] == ['bad@evil.example.com'] and found['CVE'] == ['CVE-2024-12345']
    assert found['SHA256'] == ['a' * 64] and found['Filename'] == ['dropper.exe']
    assert found['Host'] == ['c2.example.net']
    assert {'type': 'IP', 'value': '10.0.0.1'} in found['results'] and '10.0.0.1' in found['unified_result']


def raw_message():
    msg = EmailMessage()
    msg['Subject'], msg['From'], msg['To'] = 'Phish', 'a@example.com', 'b@example.com'
    msg['Received'] = 'from relay1'
    msg['Received'] = 'from relay2'
    msg.set_content('{"alert": 1}')
    msg.add_alternative('<p>html body <img src="cid:logo1"></p>', subtype='html')
    msg.get_payload()[1].add_related(b'\x89PNG', maintype='image', subtype='png', cid='<logo1>', disposition='inline')
    msg.add_attachment(b'MZ', maintype='application', subtype='octet-stream', filename='x.exe')
    inner = EmailMessage()
    inner['Subject'] = 'Forwarded'
    inner.set_content('inner body')
    msg.add_attachment(inner, filename='fwd.eml')
    return bytes(msg)


def test_explode_email_takes_the_raw_message_as_the_imap_connector_passes_it(host):
    # imap: explode_email(raw_msg, optimize=optimize, parse_inline_image=parse_inline_image, **kwargs), where
    # raw_msg = data[b'RFC822'] and kwargs holds new=True and the playbook's env
    from connectors.cyops_utilities.builtins import explode_email
    from django.conf import settings
    env = {}
    parsed = explode_email(raw_message(), optimize=True, parse_inline_image=False, new=True, env=env)
    assert list(parsed) == ['file', 'headers', 'preamble', 'body', 'attachments', 'attachment_files',
                            'parsed_attachment_data', 'epilogue']
    assert parsed['headers']['Subject'] == 'Phish' and parsed['headers']['Received'] == ['from relay1', 'from relay2']
    assert parsed['body']['text'].strip() == '{"alert": 1}' and parsed['body']['json'] == {'alert': 1}
    assert 'html body' in parsed['body']['html']
    names = [a['metadata']['filename'] for a in parsed['attachments']]
    assert 'x.exe' in names and 'fwd.eml' in names
    exe = next(a for a in parsed['attachments'] if a['metadata']['filename'] == 'x.exe')
    assert exe['file_type'] == 'exe' and exe['metadata']['md5'] == hashlib.md5(b'MZ').hexdigest()
    with open(os.path.join(settings.TMP_FILE_ROOT, exe['file']), 'rb') as f:
        assert f.read() == b'MZ'
    assert parsed['parsed_attachment_data'][0]['headers']['Subject'] == 'Forwarded'
    assert parsed['file'] in env['files'] and exe['file'] in env['files']
    assert parsed['attachment_files'] == [a['file'] for a in parsed['attachments']]


def test_explode_email_puts_inline_images_into_the_html_when_asked(host):
    from connectors.cyops_utilities.builtins import explode_email
    parsed = explode_email(raw_message().decode('utf-8', 'surrogateescape'), parse_inline_image=True)
    assert 'data:image/png;base64,' + base64.b64encode(b'\x89PNG').decode() in parsed['body']['html']
    assert all(a['metadata']['filename'] != 'logo1' for a in parsed['attachments'])


def test_explode_email_refuses_what_is_not_a_message(host):
    from connectors.core.connector import ConnectorError
    from connectors.cyops_utilities.builtins import explode_email
    with pytest.raises(ConnectorError, match='needs the message itself'):
        explode_email({'file_iri': '/api/3/files/x'})


def test_extract_email_metadata_explodes_an_eml_file_as_exchange_calls_it(host):
    # exchange: extract_email_metadata(TMP_FILE_ROOT + file_voucher, EML_TYPE, **kwargs)
    from connectors.cyops_utilities.builtins import extract_email_metadata, extract_email_metadata_new
    from django.conf import settings
    path = os.path.join(settings.TMP_FILE_ROOT, 'mail.eml')
    with open(path, 'wb') as f:
        f.write(raw_message())
    assert extract_email_metadata(path, 'eml')['headers']['Subject'] == 'Phish'
    assert extract_email_metadata_new('mail.eml', 'eml', env={})['headers']['Subject'] == 'Phish'


def test_builtins_exports_what_connectors_import_from_it():
    # apivoid: from connectors.cyops_utilities.builtins import make_cyops_request
    # exchange: from connectors.cyops_utilities.builtins import FileMetadata, save_file_in_env, calculate_hashes
    from connectors.cyops_utilities import builtins, crudhub, files
    assert builtins.make_cyops_request is crudhub.make_cyops_request
    assert builtins.FileMetadata._fields == ('filename', 'content_length', 'content_type', 'md5', 'sha1', 'sha256')
    for name in ('save_file_in_env', 'download_file_from_cyops', 'upload_file_to_cyops', 'check_file_traversal'):
        assert getattr(files, name) is getattr(builtins, name)


# django, uwsgi, cshmac


def test_application_config_answers_the_fallbacks_connectors_give():
    # code-snippet: settings.APPLICATION_CONFIG.getboolean('connector_configuration', 'allow_os_packages',
    #                                                      fallback=False)
    from django.conf import settings
    assert settings.APPLICATION_CONFIG.getboolean('connector_configuration', 'allow_os_packages',
                                                  fallback=False) is False
    assert int(settings.APPLICATION_CONFIG.get('connector_configuration', 'email_character_count_max',
                                               fallback=100000)) == 100000
    assert settings.APPLICATION_CONFIG.getboolean('other_section', 'x', fallback=True) is True


def test_settings_tmp_file_root_is_the_hosts_tmp_root(host):
    from django.conf import settings
    assert settings.TMP_FILE_ROOT == host.TMP_ROOT


def test_uwsgi_opt_has_no_virtualenv_so_listeners_use_sys_executable():
    # imap handler: try: uwsgi.opt['virtualenv'].decode('utf-8') + '/bin/python' except Exception: sys.executable
    import uwsgi
    with pytest.raises(KeyError):
        uwsgi.opt['virtualenv']


def test_hmac_auth_signs_a_file_upload_with_bytes_as_connectors_do():
    # hybrid-analysis, kubernetes: HmacAuth(url, 'POST', settings.APPLIANCE_PUBLIC_KEY, settings.APPLIANCE_PRIVATE_KEY,
    #                                       settings.APPLIANCE_PUBLIC_KEY.encode('utf-8'))
    from cshmac.requests import HmacAuth
    auth = HmacAuth('https://soar/api/3/files', 'POST', 'pub', 'priv', 'pub'.encode('utf-8'))
    header = auth.header('2024-01-02 03:04:05')
    fingerprint = base64.b64decode(header[3:]).decode().split(';')[3]
    raw = 'sha256.POST.2024-01-02 03:04:05.https://soar/api/3/files.' + hashlib.sha256(b'pub').hexdigest()
    assert fingerprint == hmac.new(b'priv', raw.encode(), hashlib.sha256).hexdigest()

