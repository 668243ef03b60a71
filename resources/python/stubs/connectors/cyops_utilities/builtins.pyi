"""``connectors.cyops_utilities.builtins``: files, attachments and text helpers.

On the server these move files between FortiSOAR's file store and ``settings.TMP_FILE_ROOT`` (/tmp), create
attachment records, and parse text and e-mails. In Connector Studio the file store is a local folder.
"""
from typing import Any

def download_file_from_cyops(iri: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Copies the file behind a File or Attachment IRI into TMP_FILE_ROOT. Returns its metadata with
    ``cyops_file_path`` (relative to TMP_FILE_ROOT) and ``filename``."""

def upload_file_to_cyops(
    file_path: Any = None,
    filename: Any = None,
    name: Any = None,
    create_attachment: bool = False,
    *args: Any,
    **kwargs: Any,
) -> dict[str, Any]:
    """Uploads a file (a path relative to TMP_FILE_ROOT, or absolute) to FortiSOAR's file store and returns
    its File record, or an Attachment record with ``create_attachment=True``."""

def create_cyops_attachment(
    file_path: Any = None,
    filename: Any = None,
    name: Any = None,
    description: str = '',
    *args: Any,
    **kwargs: Any,
) -> dict[str, Any]:
    """Uploads a file and creates an Attachment record for it; returns the record."""

def create_file_from_string(contents: Any = None, filename: Any = None, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Writes text, bytes or JSON-able data to a file in TMP_FILE_ROOT; returns its metadata with
    ``cyops_file_path``."""

def save_file_in_env(env: Any, path: Any, *args: Any, **kwargs: Any) -> Any:
    """Registers a temporary file with the playbook's ``env`` so the server removes it when the playbook ends."""

def extract_artifacts(data: Any = None, *args: Any, **kwargs: Any) -> dict[str, list[str]]:
    """Finds indicators (IPs, URLs, e-mail addresses, domains, hashes, CVEs) in text: ``{type: [values]}``."""

def explode_email(file_iri: Any = None, file_path: Any = None, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Parses an .eml file (by IRI or TMP_FILE_ROOT path) into headers, subject, bodies and attachments."""
