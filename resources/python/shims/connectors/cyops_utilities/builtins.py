"""Shim of ``connectors.cyops_utilities.builtins``: the file, attachment and e-mail helpers of the server's
``cyops_utilities`` connector, with its signatures and return shapes (docs/runtime-helpers.md has the evidence).

On the server these move files between FortiSOAR's file store and ``settings.TMP_FILE_ROOT``, create attachment
records, and parse text and e-mails; files they leave in TMP_FILE_ROOT are registered in the playbook's ``env``
(``save_file_in_env``) and removed when the playbook ends. Here the file store is the simulated platform behind
``_studio_files``, TMP_FILE_ROOT is '/tmp/' on POSIX as on the server (files created 0600, under fresh names where
the server picks the name), and runner.py removes the files registered in the call's ``env`` when the call ends (a
run is a one-step playbook); the worker removes the rest of what it created when it ends, the host after a crash.
"""
import base64
import hashlib
import json
import logging
import mimetypes
import os
import re
import uuid
from collections import OrderedDict, namedtuple
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage, Message

import _studio_files
import _studio_host
from connectors.cyops_utilities.crudhub import make_cyops_request  # noqa: F401  (the server's module exports it)

logger = logging.getLogger('connectors.cyops_utilities.builtins.files')

FileMetadata = namedtuple('FileMetadata', ['filename', 'content_length', 'content_type', 'md5', 'sha1', 'sha256'])


def _error(message):
    from connectors.core.base_connector import ConnectorError
    return ConnectorError(message)


def _tmp_path(name):
    """``name`` inside TMP_FILE_ROOT (an absolute path stays as it is, as os.path.join leaves it on the server)."""
    return os.path.join(_studio_host.TMP_ROOT, name)


def _inside(path, root):
    root = os.path.realpath(root)
    full = os.path.realpath(path)
    return full != root and os.path.commonpath([root, full]) == root


def check_file_traversal(filename, *args, **kwargs):
    """Raises ConnectorError unless ``filename`` stays inside TMP_FILE_ROOT. Connectors also hard-code '/tmp/'
    (the server's TMP_FILE_ROOT), so a path under /tmp passes as it does there."""
    path = _tmp_path(filename)
    if _inside(path, _studio_host.TMP_ROOT) or (os.name == 'posix' and _inside(path, '/tmp')):
        return
    raise _error('File path %s is outside the temporary file folder %s (settings.TMP_FILE_ROOT)'
                 % (filename, _studio_host.TMP_ROOT))


def calculate_hashes(file_path):
    """{'md5', 'sha1', 'sha256'} of a file (empty strings when it cannot be read, as on the server)."""
    hashes = {'md5': hashlib.md5(), 'sha1': hashlib.sha1(), 'sha256': hashlib.sha256()}
    try:
        with open(file_path, 'rb') as f:
            for block in iter(lambda: f.read(1 << 16), b''):
                for h in hashes.values():
                    h.update(block)
    except IOError as e:
        logger.warning('Could not open file:%s :: %s', file_path, e)
        return {'md5': '', 'sha1': '', 'sha256': ''}
    return {name: h.hexdigest() for name, h in hashes.items()}


def save_file_in_env(env, filename, metadata={}):  # noqa: B006  (the server's signature; never mutated)
    """Registers a file left in TMP_FILE_ROOT with the playbook: ``env['files'][filename] = metadata``.
    The server removes these files when the playbook ends; runner.py does when the call ends."""
    logger.info('Save file in environment Filename: %s', filename)
    if isinstance(metadata, FileMetadata):
        metadata = dict(metadata._asdict())
    files = env.get('files', {})  # env=None fails here, as on the server
    files[filename] = metadata
    env['files'] = files


def _metadata(path, filename, content_type):
    hashes = calculate_hashes(path)
    return FileMetadata(filename, os.path.getsize(path), content_type, hashes['md5'], hashes['sha1'],
                        hashes['sha256'])


def download_file_from_cyops(iri, headers=None, *args, **kwargs):
    """Copies the file behind a File or Attachment IRI into TMP_FILE_ROOT. Returns its metadata (filename,
    content_length, content_type, md5, sha1, sha256) and ``cyops_file_path``, the new file's name in
    TMP_FILE_ROOT, which is registered in the playbook's env."""
    logger.info('download_file_from_crudhub IRI: %s', iri)
    source, filename = _studio_files.resolve(iri)
    dst, target, name = _studio_host.open_new_tmp_file(filename)
    with open(source, 'rb') as src, dst:
        for block in iter(lambda: src.read(1 << 16), b''):
            dst.write(block)
    described = _studio_files.describe(target, filename)
    metadata = FileMetadata(*(described[k] for k in FileMetadata._fields))
    save_file_in_env(kwargs.get('env', {}), name, metadata)
    result = dict(metadata._asdict())
    result['cyops_file_path'] = name
    return result


def upload_file_to_cyops(file_path, filename=None, create_attachment=False, name='', description='',
                         *args, **kwargs):
    """Uploads a file of TMP_FILE_ROOT (a name there, or an absolute path) to the file store. Returns the File
    record with ``metadata`` ({md5, sha1, sha256}), or with ``create_attachment=True`` the Attachment record
    created for it with ``name`` and ``description``."""
    check_file_traversal(file_path)
    path = _tmp_path(file_path)
    if not os.path.exists(path):
        raise _error('File %s does not exist in the temporary file folder (settings.TMP_FILE_ROOT)' % path)
    record = _studio_files.store(path, filename or os.path.basename(path))
    record['metadata'] = calculate_hashes(path)
    if create_attachment:
        return _studio_files.attachment(record, name, description)
    return record


def create_cyops_attachment(filename, name='', description='', request_headers=None, multipart_headers=None,
                            extra_multipart_fields=None, *args, **kwargs):
    """Uploads ``filename`` (a file of TMP_FILE_ROOT, or an absolute path such as '/tmp/report.zip') and creates
    an Attachment record for it; returns the record."""
    logger.info('Uploads a file to Crudhub, then associates the file with an attachment.')
    check_file_traversal(filename)
    return upload_file_to_cyops(file_path=_tmp_path(filename), filename=os.path.basename(filename),
                                create_attachment=True, name=name, description=description)


def create_file_from_string(contents, filename=None, *args, **kwargs):
    """Writes ``contents`` (text; bytes; a dict or list as JSON) to TMP_FILE_ROOT/``filename`` (a random name
    without one). Returns its metadata, whose ``filename`` is that name; the type is always text/plain."""
    if isinstance(contents, (dict, list)):
        try:
            contents = json.dumps(contents)
        except (TypeError, ValueError):
            contents = str(contents)
    name = filename or uuid.uuid4().hex
    path = _tmp_path(name)
    if not _inside(path, _studio_host.TMP_ROOT):  # the server writes anywhere; a simulator must not
        raise _error('File name %r would be written outside the temporary file folder' % (name,))
    try:
        f, path = _studio_host.open_tmp_file(name, 'wb' if isinstance(contents, bytes) else 'w')
    except _studio_host.TmpFileTaken as e:
        raise _error('Could not write %s: it already exists in the temporary file folder (settings.TMP_FILE_ROOT) '
                     'and Connector Studio never overwrites a file it did not create there. Remove it, or give '
                     'another filename.' % e.path)
    with f:
        f.write(contents)
    metadata = _metadata(path, name, 'text/plain')
    save_file_in_env(kwargs.get('env', {}), name, metadata)
    return dict(metadata._asdict())


# extract_artifacts: the indicator types the server reports (file-content-extraction's output_schema)

_PATTERNS = (
    ('URL', r'\b(?:https?|ftp)://[^\s<>"\']+'),
    ('Email', r'\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b'),
    ('IP', r'\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b'),
    ('SHA256', r'\b[a-fA-F0-9]{64}\b'),
    ('SHA1', r'\b[a-fA-F0-9]{40}\b'),
    ('MD5', r'\b[a-fA-F0-9]{32}\b'),
    ('CVE', r'\bCVE-\d{4}-\d{4,}\b'),
    ('Registry', r'\b(?:HKEY_[A-Z_]+|HK(?:LM|CU|CR|U|CC))(?:\\[^\\\s"\']+)+'),
    ('Filepath', r'(?:\b[A-Za-z]:\\(?:[^\\/:*?"<>|\r\n\s]+\\)*[^\\/:*?"<>|\r\n\s]+|(?<![\w/])/(?:[\w.-]+/)+[\w.-]+)'),
    ('Filename', r'\b[\w-]+\.(?:exe|dll|bat|ps1|vbs|js|jar|doc[xm]?|xls[xm]?|pdf|zip|rar|7z|scr|msi|sh)\b'),
    ('Host', r'\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b'),
)
_TYPES = [kind for kind, _ in _PATTERNS]


def extract_artifacts(data, *args, **kwargs):
    """Finds indicators in text (or in the JSON of any data). Returns a list of unique values per type (IP, URL,
    Email, Host, MD5, SHA1, SHA256, CVE, Filename, Filepath, Registry), ``results`` ({type, value} per
    indicator), ``unified_result`` (every value once) and ``whitelisted_results`` (none: the simulator has no
    exclusion list). The server's extractor is not public: the keys are its, the patterns an approximation."""
    text = data if isinstance(data, str) else json.dumps(data, default=str)
    found = {kind: [] for kind in _TYPES}
    taken = set()
    for kind, pattern in _PATTERNS:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            value = match.group(0)
            if kind == 'Host' and any(value in v for v in taken):
                continue  # the host part of a URL or an e-mail address is not a separate indicator
            if value not in found[kind]:
                found[kind].append(value)
                taken.add(value)
    results = [{'type': kind, 'value': value} for kind in _TYPES for value in found[kind]]
    unified = list(dict.fromkeys(r['value'] for r in results))
    return dict(found, results=results, unified_result=unified, whitelisted_results=[])


# explode_email: a message (raw bytes or text as fetched over IMAP, or an email.message.Message) broken apart


def _write_tmp(content, filename):
    """A new file in TMP_FILE_ROOT holding ``content``; returns its name there."""
    f, _, name = _studio_host.open_new_tmp_file(filename, 'wb' if isinstance(content, (bytes, bytearray)) else 'w')
    with f:
        f.write(content)
    return name


def _as_message(message):
    if isinstance(message, EmailMessage):
        return message
    if isinstance(message, Message):  # parsed with the legacy policy: no get_body or iter_attachments
        message = message.as_bytes(policy=email_policy.compat32)
    if isinstance(message, str):
        message = message.encode('utf-8', 'surrogateescape')
    if isinstance(message, (bytes, bytearray)):
        return message_from_bytes(bytes(message), policy=email_policy.default)
    raise _error('explode_email needs the message itself (bytes, text or an email.message.Message), not %s'
                 % type(message).__name__)


def _headers(message):
    """Header name -> value; a header given more than once -> the list of its values."""
    headers = {}
    for key, value in message.items():
        value = str(value)
        if key not in headers:
            headers[key] = value
        elif isinstance(headers[key], list):
            headers[key].append(value)
        else:
            headers[key] = [headers[key], value]
    return headers


def _decoded(part):
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return payload or ''
    for charset in (part.get_content_charset(), 'utf-8', 'latin-1'):
        try:
            return payload.decode(charset) if charset else payload.decode('utf-8')
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode('utf-8', 'replace')


def _inline_images(message):
    """{'cid:<id>': data URI} of every inline part with a Content-ID."""
    images = {}
    for part in message.walk():
        if part.get_content_disposition() == 'inline' and part.get('Content-ID'):
            data = part.get_payload(decode=True) or b''
            images['cid:' + str(part.get('Content-ID')).strip('<>')] = 'data:%s;base64,%s' % (
                part.get_content_type(), base64.b64encode(data).decode('ascii'))
    return images


def _body(message, parse_inline_image):
    def text_of(kind):
        part = message.get_body(preferencelist=(kind,))
        return _decoded(part) if part is not None else ''
    plain, html = text_of('plain'), text_of('html')
    try:
        as_json = json.loads(plain, strict=False)
    except ValueError:
        as_json = None
    if parse_inline_image:
        for cid, uri in _inline_images(message).items():
            html = html.replace('"%s"' % cid, '"%s"' % uri)
    return {'text': plain, 'html': html, 'json': as_json}


def _attachment_parts(message, parse_inline_image):
    for part in message.iter_attachments():
        if parse_inline_image and part.get_content_disposition() == 'inline':
            continue  # its image went into the HTML body
        yield part


def _attachments(message, level_count, optimize, parse_inline_image, env, kwargs):
    attachments, files, parsed = [], [], []
    for number, part in enumerate(_attachment_parts(message, parse_inline_image), 1):
        content_type = part.get_content_type()
        if part.is_multipart() or content_type == 'message/rfc822':
            inner = part.get_payload()
            payload = (inner[0] if isinstance(inner, list) else inner).as_bytes(policy=email_policy.compat32)
        else:
            payload = part.get_payload(decode=True) or b''
        fallback = 'attachment_%d%s' % (number, mimetypes.guess_extension(content_type) or '')
        filename = part.get_filename() or fallback
        extension = os.path.splitext(filename)[1]
        voucher = _write_tmp(payload, filename)
        charset = part.get_content_charset()
        metadata = _metadata(_tmp_path(voucher), filename,
                             content_type + ('; charset="%s"' % charset if charset else ''))
        if extension.lower() == '.eml' or content_type == 'message/rfc822':
            parsed.append(explode_email(payload, level_count + 1, optimize, parse_inline_image, **kwargs))
        elif extension.lower() == '.msg':
            logger.warning('%s is an Outlook .msg attachment: the simulator does not parse those', filename)
        attachments.append({'file': voucher, 'file_type': extension.strip('.'), 'metadata': dict(metadata._asdict())})
        files.append(voucher)
        save_file_in_env(env, voucher, metadata)
    return attachments, files, parsed


def explode_email(email, level_count=0, optimize=False, parse_inline_image=False, *args, **kwargs):
    """Breaks a message apart, as the IMAP and Exchange connectors call it with what they fetched:
    ``explode_email(raw_bytes, optimize=..., parse_inline_image=..., **kwargs)``. ``email`` is the message itself
    (bytes, text or an email.message.Message). Returns file (the message saved in TMP_FILE_ROOT), headers,
    preamble, body {text, html, json}, attachments [{file, file_type, metadata}] (each saved in TMP_FILE_ROOT),
    attachment_files, parsed_attachment_data (attached .eml messages, exploded, up to 5 levels) and epilogue.
    Every file is registered in the playbook's env."""
    env = kwargs.get('env', {})
    message = _as_message(email)
    attachments, files, parsed = [], [], []
    if level_count < 5:
        attachments, files, parsed = _attachments(message, level_count, optimize, parse_inline_image, env, kwargs)
    message_file = _write_tmp(message.as_bytes(policy=email_policy.compat32), 'message.eml')
    save_file_in_env(env, message_file)
    return OrderedDict([
        ('file', message_file),
        ('headers', _headers(message)),
        ('preamble', message.preamble or ''),
        ('body', _body(message, parse_inline_image)),
        ('attachments', attachments),
        ('attachment_files', files),
        ('parsed_attachment_data', parsed),
        ('epilogue', message.epilogue),
    ])


def extract_email_metadata(filepath, filetype=None, level_count=0, optimize=False, *args, **kwargs):
    """Explodes an .eml file given by path (absolute, or a name in TMP_FILE_ROOT). Outlook .msg files need the
    server's extract_msg library and are not parsed by the simulator."""
    path = filepath if os.path.exists(filepath) else _tmp_path(filepath)
    if not os.path.exists(path):
        raise _error('File %s does not exist in the temporary file folder (settings.TMP_FILE_ROOT)' % path)
    kind = (filetype or os.path.splitext(path)[1]).strip('.').lower()
    if kind != 'eml':
        raise _error('Invalid input :: Connector Studio parses .eml files only (got %r)' % kind)
    with open(path, 'rb') as f:
        return explode_email(f.read(), level_count + 1, optimize, *args, **kwargs)


extract_email_metadata_new = extract_email_metadata
