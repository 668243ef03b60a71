"""Connector Studio's bridge to FortiSOAR's file store (not a FortiSOAR module).

On a server, files and attachments are records behind IRIs such as ``/api/3/files/<uuid>`` and
``/api/3/attachments/<uuid>``. Here they are records of the simulated platform (src/main/services/platform,
reached through ``_studio_host.platform_request``): ``store`` uploads a file, ``attachment`` creates the Attachment
record pointing at it, ``resolve`` downloads one. A file placed by hand in the host's attachments folder resolves
too: the IRI's last segment names either a file there, or a folder holding one file (its original file name).
"""
import hashlib
import mimetypes
import os
import re

import _studio_host


def _error(message):
    from connectors.core.base_connector import ConnectorError
    return ConnectorError(message)


def item_id(iri):
    """The last path segment of an IRI (or a bare id); refuses anything that could leave the folder."""
    segment = str(iri or '').split('?', 1)[0].rstrip('/').rsplit('/', 1)[-1]
    if not segment or segment in ('.', '..') or '\\' in segment:
        raise _error('Invalid file IRI: %r' % (iri,))
    return segment


def _attachments_folder(iri):
    """(path, file name) of a file placed by hand in the attachments folder, or None."""
    root = _studio_host.ATTACHMENTS_DIR
    path = os.path.join(root, item_id(iri))
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if not n.startswith('.'))
        if len(names) == 1:
            return os.path.join(path, names[0]), names[0]
    elif os.path.isfile(path):
        return path, os.path.basename(path)
    return None


def _filename_of(headers, fallback):
    match = re.search(r'filename="([^"]*)"', headers.get('content-disposition') or '')
    return os.path.basename(match.group(1)) if match and match.group(1) else fallback


def _file_iri(iri):
    """The File IRI behind a File or Attachment IRI (an attachment's ``file`` holds its File record)."""
    if '/api/3/attachments/' not in str(iri):
        return '/api/3/files/' + item_id(iri)
    record, _ = _studio_host.platform_request('GET', '/api/3/attachments/' + item_id(iri))
    file = record.get('file') if isinstance(record, dict) else None
    file_iri = file.get('@id') if isinstance(file, dict) else file
    if not isinstance(file_iri, str):
        raise _error('The attachment %s has no file' % iri)
    return file_iri


def resolve(iri):
    """Returns (absolute path, file name) of a local copy of the file behind ``iri`` (a File or Attachment IRI)."""
    problem = None
    try:
        file_iri = _file_iri(iri)
        content, headers = _studio_host.platform_request('GET', file_iri, raw=True)
        filename = _filename_of(headers, item_id(file_iri))
        f, path, _ = _studio_host.open_new_tmp_file(filename)
        with f:
            f.write(content or b'')
        return path, filename
    except _studio_host.PlatformError as e:
        if e.status not in (0, 400, 404):
            raise _error('Could not read %s from the simulated platform: %s' % (iri, e))
        problem = e
    found = _attachments_folder(iri)
    if found:
        return found
    raise _error('No file for %s in the simulated platform (%s) or in the local attachments folder %s (put it there '
                 'as <id> or <id>/<filename>)' % (iri, problem, _studio_host.ATTACHMENTS_DIR))


def describe(path, filename):
    """The metadata FortiSOAR returns for a file: name, size, type and hashes."""
    hashes = [hashlib.md5(), hashlib.sha1(), hashlib.sha256()]
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 16), b''):
            for h in hashes:
                h.update(block)
    return {'filename': filename, 'content_length': os.path.getsize(path),
            'content_type': mimetypes.guess_type(filename)[0] or 'application/octet-stream',
            'md5': hashes[0].hexdigest(), 'sha1': hashes[1].hexdigest(), 'sha256': hashes[2].hexdigest()}


def upload(filename, data, content_type=None):
    """Uploads bytes to the platform's file store (POST /api/3/files, multipart); returns the File record."""
    name = os.path.basename(str(filename or 'file'))
    content_type = content_type or mimetypes.guess_type(name)[0] or 'application/octet-stream'
    try:
        record, _ = _studio_host.platform_request('POST', '/api/3/files', upload=('file', name, data, content_type))
    except _studio_host.PlatformError as e:
        raise _error('Could not store %s in the simulated platform: %s' % (name, e))
    return record


def store(source_path, filename):
    """Uploads a local file to the platform's file store; returns its File record."""
    with open(source_path, 'rb') as f:
        return upload(filename, f.read())


def attachment(file_record, name=None, description=''):
    """Creates an Attachment record for a stored File record (its ``file`` field); returns the Attachment record."""
    body = {'name': name or file_record.get('filename'), 'description': description or '', 'file': file_record['@id']}
    try:
        record, _ = _studio_host.platform_request('POST', '/api/3/attachments', body)
    except _studio_host.PlatformError as e:
        raise _error('Could not create the attachment for %s in the simulated platform: %s' % (file_record['@id'], e))
    return record


def local_path(file_path):
    """A path as connectors pass it: relative to TMP_FILE_ROOT (the usual ``cyops_file_path``) or absolute."""
    return file_path if os.path.isabs(file_path) else os.path.join(_studio_host.TMP_ROOT, file_path)
