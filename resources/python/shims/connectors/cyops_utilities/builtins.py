"""Shim of ``connectors.cyops_utilities.builtins``.

On the server these move files between FortiSOAR's file store and /tmp, create attachments, and parse
text and e-mails. Here the file store is the host's local attachments folder (see ``_studio_files``).
"""
import email
import email.policy
import json
import os
import re
import shutil

import _studio_files
import _studio_host


def download_file_from_cyops(iri, *args, **kwargs):
    """Copies the file behind ``iri`` into TMP_FILE_ROOT; returns cyops_file_path (relative to it) and metadata."""
    source, filename = _studio_files.resolve(iri)
    target, name = _studio_host.new_tmp_path(filename)
    shutil.copyfile(source, target)
    result = _studio_files.describe(target, filename)
    result['cyops_file_path'] = name
    return result


def upload_file_to_cyops(file_path=None, filename=None, name=None, create_attachment=False, *args, **kwargs):
    """Stores a file (a path relative to TMP_FILE_ROOT, or absolute) and returns its File or Attachment record."""
    path = _studio_files.local_path(file_path)
    record = _studio_files.store(path, filename or os.path.basename(path))
    if create_attachment:
        return _studio_files.attachment(record, name, kwargs.get('description', ''))
    return record


def create_cyops_attachment(file_path=None, filename=None, name=None, description='', *args, **kwargs):
    """Stores a file as an Attachment record."""
    return upload_file_to_cyops(file_path, filename, name, True, description=description)


def create_file_from_string(contents=None, filename=None, *args, **kwargs):
    """Writes ``contents`` (text, bytes or JSON-able data) to a file in TMP_FILE_ROOT; returns its metadata."""
    path, name = _studio_host.new_tmp_path(filename or 'file.txt')
    data = contents if isinstance(contents, (bytes, str)) else json.dumps(contents, default=str)
    with open(path, 'wb') as f:
        f.write(data.encode('utf-8') if isinstance(data, str) else data)
    result = _studio_files.describe(path, filename or name)
    result['cyops_file_path'] = name
    return result


def save_file_in_env(env, path, *args, **kwargs):
    """The server registers the file with the playbook so it is removed when the playbook ends."""
    if isinstance(env, dict):
        env.setdefault('files', []).append(path)
    return path


_PATTERNS = {
    'IP': r'\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b',
    'URL': r'\bhttps?://[^\s<>"\']+',
    'Email Address': r'\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b',
    'Domain': r'\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b',
    'SHA256': r'\b[a-fA-F0-9]{64}\b',
    'SHA1': r'\b[a-fA-F0-9]{40}\b',
    'MD5': r'\b[a-fA-F0-9]{32}\b',
    'CVE': r'\bCVE-\d{4}-\d{4,}\b',
}


def extract_artifacts(data=None, *args, **kwargs):
    """Finds indicators in text (an approximation of the server's extractor): {type: [unique values]}."""
    text = data if isinstance(data, str) else json.dumps(data, default=str)
    found = {}
    for kind, pattern in _PATTERNS.items():
        values = list(dict.fromkeys(re.findall(pattern, text, re.IGNORECASE)))
        if values:
            found[kind] = values
    return found


def explode_email(file_iri=None, file_path=None, *args, **kwargs):
    """Parses an .eml (by IRI or TMP_FILE_ROOT path) into headers, bodies and attachment names."""
    path = _studio_files.resolve(file_iri)[0] if file_iri else _studio_files.local_path(file_path)
    with open(path, 'rb') as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    text, html = msg.get_body(('plain',)), msg.get_body(('html',))
    return {'headers': {k: str(v) for k, v in msg.items()}, 'subject': str(msg.get('subject', '')),
            'from': str(msg.get('from', '')), 'to': str(msg.get('to', '')),
            'body': {'text': text.get_content() if text else '', 'html': html.get_content() if html else ''},
            'attachments': [{'filename': p.get_filename(), 'content_type': p.get_content_type()}
                            for p in msg.iter_attachments()]}
