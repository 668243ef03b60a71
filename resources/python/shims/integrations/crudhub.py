"""Shim of ``integrations.crudhub``: calls into FortiSOAR's own REST API (the "CRUD Hub").

There is no FortiSOAR server in the simulator: each request is recorded in the call's response as
``crudhubRequests`` and answered locally (file and attachment IRIs from the attachments folder, anything
else with an empty collection). ``trigger_ingest_playbook`` records what would be ingested as ``ingested``.
"""
import copy
import logging
import os
import tempfile

import _studio_files
import _studio_host

logger = logging.getLogger('connectors.crudhub')
_EMPTY = {'@type': 'hydra:Collection', 'hydra:member': [], 'hydra:totalItems': 0}


def make_request(url, method, body=None, *args, **kwargs):
    """Records the request; GET of a file/attachment IRI returns its record, anything else an empty collection."""
    _studio_host.record('crudhubRequests', {'method': str(method).upper(), 'iri': url, 'body': copy.deepcopy(body)})
    logger.warning('CRUD Hub %s %s answered by the simulator (no FortiSOAR server)', method, url)
    if str(method).upper() == 'GET' and ('/api/3/files/' in url or '/api/3/attachments/' in url):
        path, filename = _studio_files.resolve(url)
        meta = _studio_files.describe(path, filename)
        record = {'@id': url, 'uuid': _studio_files.item_id(url), 'filename': filename,
                  'size': meta['content_length'], 'mimeType': meta['content_type']}
        if '/attachments/' in url:
            file_record = dict(record, **{'@id': '/api/3/files/' + record['uuid'], '@type': 'File'})
            return _studio_files.attachment(file_record)
        return dict(record, **{'@type': 'File'})
    return copy.deepcopy(_EMPTY)


def make_file_upload_request(file_name, file_content, file_type='application/octet-stream', *args, **kwargs):
    """Stores the content in the attachments folder and returns its File record."""
    fd, path = tempfile.mkstemp()
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(file_content.encode('utf-8') if isinstance(file_content, str) else file_content.read()
                    if hasattr(file_content, 'read') else file_content)
        return _studio_files.store(path, file_name)
    finally:
        os.remove(path)


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


def trigger_ingest_playbook(records, playbook_iri, parent_env=None, batch_size=1000, dedup_field=None,
                            *args, **kwargs):
    """Records the records a feed would hand to ``playbook_iri`` for ingestion (first 1000 kept)."""
    records = list(records or [])
    _studio_host.record('ingested', {'playbook': playbook_iri, 'count': len(records), 'batchSize': batch_size,
                                     'dedupField': dedup_field, 'records': copy.deepcopy(records[:1000])})
    logger.info('%d records would be ingested by playbook %s', len(records), playbook_iri)
