"""Connector Studio host bridge (not a FortiSOAR module).

The shims record what a real server would have done (configuration updates, ingested records, CRUD Hub
requests, files) into the current call through this module; runner.py sets ``effects`` around each call and
returns it to the host. Paths come from the host in environment variables so the worker needs no arguments.
"""
import errno
import json
import os
import tempfile
import uuid

DATA_DIR = os.environ.get('CS_DATA_DIR') or tempfile.gettempdir()
ATTACHMENTS_DIR = os.environ.get('CS_ATTACHMENTS_DIR') or os.path.join(DATA_DIR, 'attachments')


def _tmp_file_root():
    """settings.TMP_FILE_ROOT. The server's is '/tmp/', and connectors build paths as ``'/tmp/' + cyops_file_path``
    or test ``'/tmp/' in path``, so the host passes '/tmp' on POSIX (CS_TMP_FILE_ROOT; the worker's own TMPDIR is a
    private folder and is not this one). Without a host: '/tmp' on POSIX, the system temp folder elsewhere."""
    root = os.environ.get('CS_TMP_FILE_ROOT')
    if not root:
        root = '/tmp' if os.name == 'posix' and os.path.isdir('/tmp') else tempfile.gettempdir()
    return os.path.join(root, '')


TMP_ROOT = _tmp_file_root()
# The host's list of the files created here (in the worker's private folder): it removes them when the worker was
# killed before cleanup() could (a timeout, a crash). One JSON string per line.
FILES_LIST = os.environ.get('CS_FRAMEWORK_FILES') or ''

effects = None  # dict of lists while a call runs, None between calls
_created = []


def record(kind, item):
    """Appends ``item`` to the current call's ``kind`` list (configUpdates, ingested, crudhubRequests...)."""
    if effects is not None:
        effects.setdefault(kind, []).append(item)


def _remember(path):
    if path in _created:
        return
    _created.append(path)
    if FILES_LIST:
        with open(FILES_LIST, 'a', encoding='utf-8') as f:
            f.write(json.dumps(path) + '\n')


class TmpFileTaken(Exception):
    """TMP_ROOT/<name> exists and is not a file this worker created: it is never overwritten (nor removed)."""

    def __init__(self, path):
        self.path = path
        super(TmpFileTaken, self).__init__('%s already exists and was not written by this connector here' % path)


def open_tmp_file(name, mode='wb'):
    """Opens TMP_ROOT/``name`` for writing, as a file only this user can read (0600); returns (file, absolute path).
    TMP_ROOT is shared (/tmp), so a file is created, never followed through a link, and only a file this worker
    created itself is written again; it is removed when the call's env lets go of it or when the worker ends."""
    path = os.path.join(TMP_ROOT, name)
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, 'O_NOFOLLOW', 0) | getattr(os, 'O_BINARY', 0)
    try:
        fd = os.open(path, flags | os.O_EXCL, 0o600)
    except OSError as e:
        if e.errno != errno.EEXIST:
            raise
        if path not in _created:
            raise TmpFileTaken(path)
        fd = os.open(path, flags | os.O_TRUNC, 0o600)
    _remember(path)
    return os.fdopen(fd, mode), path


def open_new_tmp_file(filename='', mode='wb'):
    """A file with a fresh name in TMP_ROOT (``cs_<random>_<filename>``), opened as ``open_tmp_file`` does; returns
    (file, absolute path, name)."""
    name = 'cs_' + uuid.uuid4().hex[:12] + (('_' + os.path.basename(filename)) if filename else '')
    f, path = open_tmp_file(name, mode)
    return f, path, name


def cleanup():
    for path in _created:
        try:
            os.remove(path)
        except OSError:
            pass
    del _created[:]


# ---- the simulated platform (src/main/services/platform): records and files, over HTTP like the server's CRUD Hub

PLATFORM_URL = os.environ.get('CS_PLATFORM_URL') or ''
PLATFORM_TOKEN = os.environ.get('CS_PLATFORM_TOKEN') or ''
RECORD_TYPE_HEADER = 'x-studio-record-type'  # http-api.ts: names what a DELETE removed


class PlatformError(Exception):
    """A failed answer of the simulated platform: ``status`` (0: no answer at all), ``reason``, ``body`` (the
    Hydra error, parsed when it is JSON) and ``url``."""

    def __init__(self, status, reason, body, url):
        self.status, self.reason, self.body, self.url = status, reason, body, url
        detail = body.get('hydra:description') if isinstance(body, dict) else body
        super(PlatformError, self).__init__('%s %s: %s (%s)' % (status, reason, detail, url) if status else
                                            '%s (%s)' % (reason, url))


def _platform_path(iri):
    """The path and query of an IRI or of a full URL a connector built (https://localhost/api/3/...)."""
    from urllib.parse import urlsplit
    text = str(iri or '')
    if '://' in text:
        parts = urlsplit(text)
        text = parts.path + ('?' + parts.query if parts.query else '')
    if not text.startswith('/'):
        text = '/' + text
    return text


def _multipart(field, filename, data, content_type):
    boundary = 'cs' + uuid.uuid4().hex
    safe = os.path.basename(str(filename or 'file')).replace('"', '%22').replace('\r', '').replace('\n', '')
    head = ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
            % (boundary, field, safe, content_type or 'application/octet-stream')).encode('utf-8')
    return head + data + ('\r\n--%s--\r\n' % boundary).encode('ascii'), 'multipart/form-data; boundary=' + boundary


def _module_of(iri):
    parts = _platform_path(iri).split('?', 1)[0].strip('/').split('/')
    return parts[2] if len(parts) >= 3 and parts[:2] == ['api', '3'] else ''


def _record_changes(method, path, answer, headers):
    """The call's ``platformRecords``: what a successful request created, updated or deleted."""
    def change(record, action):
        if isinstance(record, dict) and isinstance(record.get('@id'), str) and isinstance(record.get('@type'), str):
            record_changes.append({'iri': record['@id'], 'type': record['@type'], 'module': _module_of(record['@id']),
                                   'action': action})
    record_changes = []
    route = path.split('?', 1)[0].rstrip('/')
    if method == 'POST' and route.startswith('/api/3/insert/') and isinstance(answer, dict):
        for member in answer.get('hydra:member') or []:
            change(member, 'created')
    elif method == 'POST' and route.startswith('/api/3/'):
        change(answer, 'created')
    elif method in ('PUT', 'PATCH') and route.startswith('/api/3/'):
        change(answer, 'updated')
    elif method == 'DELETE' and route.startswith('/api/3/'):
        record_changes.append({'iri': route, 'type': headers.get(RECORD_TYPE_HEADER) or '', 'module': _module_of(route),
                               'action': 'deleted'})
    for item in record_changes:
        record('platformRecords', item)


def platform_request(method, iri, body=None, upload=None, raw=False, timeout=120):
    """Sends one request to the simulated platform and returns (answer, headers): the parsed JSON, the bytes of any
    other answer (a file's content; with ``raw`` the bytes always), or None for 204. ``body`` is sent as JSON (a
    str as it is); ``upload`` is (field, filename, bytes, content type), sent as multipart/form-data. Raises
    PlatformError for a 4xx/5xx answer or when no platform was configured. Records what it created, updated or
    deleted in the call's ``platformRecords``. Header names in the returned headers are lower case."""
    import json
    import urllib.error
    import urllib.request
    method = str(method or 'GET').upper()
    path = _platform_path(iri)
    if not PLATFORM_URL or not PLATFORM_TOKEN:
        raise PlatformError(0, 'No simulated FortiSOAR platform is configured for this worker (CS_PLATFORM_URL and '
                               'CS_PLATFORM_TOKEN are set by Connector Studio when it starts the worker)', None, path)
    headers = {'Authorization': 'Bearer ' + PLATFORM_TOKEN, 'Accept': 'application/json'}
    data = None
    if upload is not None:
        data, headers['Content-Type'] = _multipart(*upload)
    elif body is not None:
        data = body.encode('utf-8') if isinstance(body, str) else body if isinstance(body, bytes) else \
            json.dumps(body, default=str).encode('utf-8')
        headers['Content-Type'] = 'application/json'
    url = PLATFORM_URL.rstrip('/') + path
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    # Never through a proxy from the user's environment: the platform is on 127.0.0.1.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=timeout) as response:
            status, content = response.status, response.read()
            answer_headers = {k.lower(): v for k, v in response.headers.items()}
            content_type = response.headers.get('Content-Type') or ''
    except urllib.error.HTTPError as e:
        failed = e.read()
        try:
            detail = json.loads(failed.decode('utf-8'))
        except ValueError:
            detail = failed.decode('utf-8', 'replace')
        raise PlatformError(e.code, e.reason, detail, path)
    except (urllib.error.URLError, OSError) as e:
        raise PlatformError(0, 'The simulated platform did not answer: %s' % getattr(e, 'reason', e), None, path)
    if status == 204 or not content:
        answer = None if status == 204 or not raw else b''
    elif 'json' in content_type and not raw:
        answer = json.loads(content.decode('utf-8'))
    else:
        answer = content
    _record_changes(method, path, answer, answer_headers)
    return answer, answer_headers
