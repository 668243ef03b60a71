"""Connector Studio's stand-in for FortiSOAR's file store (not a FortiSOAR module).

On a server, files and attachments live in the database behind IRIs such as ``/api/3/files/<uuid>`` and
``/api/3/attachments/<uuid>``. Here both resolve into the host's local attachments folder: the IRI's last
segment names either a file there, or a folder holding one file (whose name is the original file name).
"""
import hashlib
import mimetypes
import os
import shutil
import uuid

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


def resolve(iri):
    """Returns (absolute path, file name) of the local file behind ``iri``."""
    root = _studio_host.ATTACHMENTS_DIR
    path = os.path.join(root, item_id(iri))
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if not n.startswith('.'))
        if len(names) == 1:
            return os.path.join(path, names[0]), names[0]
    elif os.path.isfile(path):
        return path, os.path.basename(path)
    raise _error('No file for %s in the local attachments folder %s (put it there as <id> or <id>/<filename>)'
                 % (iri, root))


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


def store(source_path, filename):
    """Copies a file into the attachments folder; returns its File record."""
    file_id = str(uuid.uuid4())
    folder = os.path.join(_studio_host.ATTACHMENTS_DIR, file_id)
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, os.path.basename(filename))
    shutil.copyfile(source_path, target)
    meta = describe(target, os.path.basename(filename))
    return {'@id': '/api/3/files/' + file_id, '@type': 'File', 'uuid': file_id, 'filename': meta['filename'],
            'size': meta['content_length'], 'mimeType': meta['content_type']}


def attachment(file_record, name=None, description=''):
    """Wraps a File record in an Attachment record sharing its id."""
    return {'@id': '/api/3/attachments/' + file_record['uuid'], '@type': 'Attachment',
            'uuid': file_record['uuid'], 'name': name or file_record['filename'], 'description': description or '',
            'file': file_record}


def local_path(file_path):
    """A path as connectors pass it: relative to TMP_FILE_ROOT (the usual ``cyops_file_path``) or absolute."""
    return file_path if os.path.isabs(file_path) else os.path.join(_studio_host.TMP_ROOT, file_path)
