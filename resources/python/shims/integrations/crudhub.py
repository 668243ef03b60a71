"""Shim of ``integrations.crudhub``: calls into FortiSOAR's own REST API (the "CRUD Hub").

On the server these go to the appliance's API with its HMAC keys; here they go to the simulated platform
(src/main/services/platform, docs/platform-api.md) over HTTP, which keeps the records and files of the project:
``make_request`` answers what the server would (a created record with its ``@id``, ``@type``, ``uuid`` and ``id``,
collections with ``hydra:member``, ``hydra:totalItems`` and paging links, a file's content for its IRI) and fails
as it does (``requests.HTTPError`` with the server's error). Each request is also recorded in the call's
``crudhubRequests``; ``trigger_ingest_playbook`` hands its records to the platform, which keeps them with the dedup
outcome.
"""
import copy
import logging

import _studio_host

logger = logging.getLogger('connectors.crudhub')

try:  # connectors catch requests' HTTPError; a worker without requests still gets an error of that name
    from requests.exceptions import HTTPError
except ImportError:  # pragma: no cover - requests is in every interpreter connectors run on
    class HTTPError(IOError):
        def __init__(self, *args, **kwargs):
            self.response = kwargs.pop('response', None)
            super(HTTPError, self).__init__(*args)


def _http_error(e):
    """The error requests' raise_for_status and maybe_json_or_raise build for the same answer."""
    kind = 'Client' if 400 <= e.status < 500 else 'Server'
    return HTTPError('%s %s Error: %s for url: %s :: %s :: Url: %s' % (e.status, kind, e.reason, e.url, e.body, e.url))


def _answer(content):
    """maybe_json_or_raise's reading of a success: JSON, else the text, else the bytes."""
    if isinstance(content, bytes):
        try:
            return content.decode('utf-8')
        except UnicodeDecodeError:
            return content
    return content


def make_request(url, method, body=None, *args, **kwargs):
    """Sends ``method url`` with ``body`` to the platform and returns its answer; raises requests.HTTPError for a
    4xx/5xx answer, as the server's ``maybe_json_or_raise`` does."""
    _studio_host.record('crudhubRequests', {'method': str(method).upper(), 'iri': url, 'body': copy.deepcopy(body)})
    try:
        answer, _ = _studio_host.platform_request(method, url, body)
    except _studio_host.PlatformError as e:
        if not e.status:
            from connectors.core.base_connector import ConnectorError
            raise ConnectorError(str(e))
        raise _http_error(e)
    return _answer(answer)


def make_file_upload_request(file_name, file_content, file_type='application/octet-stream', *args, **kwargs):
    """Uploads the content (text, bytes or a file object) as a file; returns its File record."""
    data = file_content.read() if hasattr(file_content, 'read') else file_content
    if isinstance(data, str):
        data = data.encode('utf-8')
    try:
        record, _ = _studio_host.platform_request('POST', '/api/3/files',
                                                  upload=('file', file_name, data or b'', file_type))
    except _studio_host.PlatformError as e:
        if not e.status:
            from connectors.core.base_connector import ConnectorError
            raise ConnectorError(str(e))
        raise _http_error(e)
    return record


def maybe_json_or_raise(response):
    """Returns the response's JSON, else its text or bytes; raises requests.HTTPError on 4xx/5xx."""
    import requests
    if response.ok:
        try:
            return response.json(strict=False)
        except ValueError:
            return response.text or response.content
    try:
        detail = response.json()
    except ValueError:
        detail = response.text
    try:
        response.raise_for_status()
    except requests.exceptions.HTTPError as e:
        raise requests.exceptions.HTTPError('%s :: %s :: Url: %s' % (e, detail, response.url), response=response)


def download_file_from_cyops(iri, headers=None, *args, **kwargs):
    """Newer servers export the file download here too (their ``cyops_utilities`` builtins delegate to it), and
    connectors import it from here, some without a fallback: the builtins' implementation, same signature and answer
    (the file's metadata and ``cyops_file_path``, its name in TMP_FILE_ROOT, registered in ``kwargs['env']``)."""
    # Imported when called: the builtins import this module (through connectors.cyops_utilities.crudhub).
    from connectors.cyops_utilities.builtins import download_file_from_cyops as download
    return download(iri, headers, *args, **kwargs)


def trigger_ingest_playbook(records, playbook_iri, parent_env=None, batch_size=1000, dedup_field=None,
                            *args, **kwargs):
    """Hands the records a feed would ingest with ``playbook_iri`` to the platform, which keeps the batch (listed in
    the Platform data view); with ``dedup_field`` a record whose value was ingested before is skipped."""
    records = list(records or [])
    _studio_host.record('ingested', {'playbook': playbook_iri, 'count': len(records), 'batchSize': batch_size,
                                     'dedupField': dedup_field, 'records': copy.deepcopy(records[:1000])})
    try:
        batch, _ = _studio_host.platform_request('POST', '/api/studio/ingest', {
            'playbook': playbook_iri, 'records': records, 'batchSize': batch_size, 'dedupField': dedup_field})
    except _studio_host.PlatformError as e:
        from connectors.core.base_connector import ConnectorError
        raise ConnectorError('Could not hand the records to the ingestion playbook %s: %s' % (playbook_iri, e))
    logger.info('%d records given to playbook %s: %d accepted, %d duplicates skipped', len(records), playbook_iri,
                batch.get('accepted', 0), batch.get('skippedDuplicates', 0))
