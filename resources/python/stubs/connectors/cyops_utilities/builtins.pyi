"""``connectors.cyops_utilities.builtins``: files, attachments and text helpers.

On the server these move files between FortiSOAR's file store and ``settings.TMP_FILE_ROOT`` (/tmp), create
attachment records, and parse text and e-mails. Files they leave in TMP_FILE_ROOT are registered in the playbook's
``env`` and removed when the playbook ends. In Connector Studio the file store is the simulated platform.
"""
import logging
from typing import Any, NamedTuple

from connectors.cyops_utilities.crudhub import make_cyops_request as make_cyops_request

logger: logging.Logger
"""The module's logger, ``connectors.cyops_utilities.builtins.files``."""

class FileMetadata(NamedTuple):
    """What the server knows of a file in TMP_FILE_ROOT."""

    filename: Any
    content_length: Any
    content_type: Any
    md5: Any
    sha1: Any
    sha256: Any

def check_file_traversal(filename: Any, *args: Any, **kwargs: Any) -> None:
    """Raises ConnectorError unless ``filename`` (a name in TMP_FILE_ROOT, or an absolute path) stays inside
    TMP_FILE_ROOT."""

def calculate_hashes(file_path: Any) -> dict[str, str]:
    """``{'md5', 'sha1', 'sha256'}`` of a file (empty strings when it cannot be read)."""

def save_file_in_env(env: Any, filename: Any, metadata: Any = {}) -> None:
    """Registers a file of TMP_FILE_ROOT in the playbook's env (``env['files'][filename] = metadata``) so the
    server removes it when the playbook ends. ``env`` is a dict: pass ``kwargs.get('env', {})``."""

def download_file_from_cyops(iri: Any, headers: Any = None, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Copies the file behind a File or Attachment IRI into TMP_FILE_ROOT. Returns filename, content_length,
    content_type, md5, sha1, sha256 and ``cyops_file_path`` (the copy's name in TMP_FILE_ROOT)."""

def upload_file_to_cyops(
    file_path: Any,
    filename: Any = None,
    create_attachment: bool = False,
    name: Any = '',
    description: Any = '',
    *args: Any,
    **kwargs: Any,
) -> dict[str, Any]:
    """Uploads a file of TMP_FILE_ROOT (its name there, or an absolute path) and returns its File record with
    ``metadata`` (md5, sha1, sha256), or with ``create_attachment=True`` the Attachment record made for it."""

def create_cyops_attachment(
    filename: Any,
    name: Any = '',
    description: Any = '',
    request_headers: Any = None,
    multipart_headers: Any = None,
    extra_multipart_fields: Any = None,
    *args: Any,
    **kwargs: Any,
) -> dict[str, Any]:
    """Uploads ``filename`` (a file of TMP_FILE_ROOT, or an absolute path) and creates an Attachment record named
    ``name``; returns the record."""

def create_file_from_string(contents: Any, filename: Any = None, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Writes text, bytes, or a dict or list as JSON, to TMP_FILE_ROOT/``filename`` (a random name without one).
    Returns filename, content_length, content_type ('text/plain'), md5, sha1 and sha256."""

def extract_artifacts(data: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Finds indicators in text (or in the JSON of any data): unique values per type (IP, URL, Email, Host, MD5,
    SHA1, SHA256, CVE, Filename, Filepath, Registry), plus ``results``, ``unified_result`` and
    ``whitelisted_results``."""

def explode_email(
    email: Any,
    level_count: int = 0,
    optimize: bool = False,
    parse_inline_image: bool = False,
    *args: Any,
    **kwargs: Any,
) -> dict[str, Any]:
    """Breaks a message (raw bytes or text as fetched over IMAP, or an email.message.Message) apart: file,
    headers, preamble, body {text, html, json}, attachments [{file, file_type, metadata}], attachment_files,
    parsed_attachment_data and epilogue. Its files are saved in TMP_FILE_ROOT and registered in the env."""

def extract_email_metadata(
    filepath: Any,
    filetype: Any = None,
    level_count: int = 0,
    optimize: bool = False,
    *args: Any,
    **kwargs: Any,
) -> dict[str, Any]:
    """Explodes an .eml file given by path (absolute, or its name in TMP_FILE_ROOT), as ``explode_email``."""

extract_email_metadata_new = extract_email_metadata
