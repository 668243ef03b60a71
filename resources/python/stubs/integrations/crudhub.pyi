"""``integrations.crudhub``: calls into FortiSOAR's own REST API (the "CRUD Hub").

In Connector Studio the requests go to the simulated platform, which keeps the project's records and files
(docs/platform-api.md); each is also recorded in the call's response.
"""
import logging
from typing import Any, Iterable

import requests

logger: logging.Logger
"""The framework's own logger for this module; connectors log with ``get_logger(name)`` instead."""

def make_request(url: Any, method: Any, body: Any = None, *args: Any, **kwargs: Any) -> Any:
    """Sends ``method`` to a FortiSOAR API IRI (``/api/3/...``) with the appliance's HMAC keys and returns
    the decoded JSON answer (a file's IRI: its content); raises requests.HTTPError for a 4xx/5xx answer."""

def make_file_upload_request(
    file_name: Any,
    file_content: Any,
    file_type: str = 'application/octet-stream',
    *args: Any,
    **kwargs: Any,
) -> Any:
    """Uploads content (str, bytes or a file object) to FortiSOAR's file store; returns the File record."""

def download_file_from_cyops(iri: Any, headers: Any = None, *args: Any, **kwargs: Any) -> dict[str, Any]:
    """Copies the file behind a File or Attachment IRI into TMP_FILE_ROOT (newer servers export it here as well as
    from ``connectors.cyops_utilities.builtins``). Returns filename, content_length, content_type, md5, sha1,
    sha256 and ``cyops_file_path`` (the copy's name in TMP_FILE_ROOT: ``join('/tmp', res['cyops_file_path'])``)."""

def maybe_json_or_raise(response: requests.Response) -> Any:
    """Returns the response's JSON, else its text or bytes; raises requests.HTTPError on 4xx/5xx."""

def trigger_ingest_playbook(
    records: Iterable[Any] | None,
    playbook_iri: Any,
    parent_env: Any = None,
    batch_size: int = 1000,
    dedup_field: Any = None,
    *args: Any,
    **kwargs: Any,
) -> None:
    """Hands fetched records to the ingestion playbook ``playbook_iri`` in batches of ``batch_size`` (data
    ingestion connectors); with ``dedup_field`` a record whose value was ingested before is skipped. Connector
    Studio keeps each batch, listed in the Platform data view."""
