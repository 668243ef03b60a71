"""Shim of ``connectors.debug_utils.curl_script``: ``make_curl`` logs an equivalent curl command line for an
HTTP request (the server writes it to the connector log when debug logging is on)."""
import json
import logging
import shlex
from urllib.parse import urlencode

logger = logging.getLogger('connectors.debug_utils.curl_script')


def make_curl(method, url, headers=None, params=None, data=None, verify_ssl=True, *args, **kwargs):
    parts = ['curl', '-X', str(method).upper()]
    if not verify_ssl:
        parts.append('-k')
    for key, value in (headers or {}).items():
        parts += ['-H', '%s: %s' % (key, value)]
    if data is not None:
        parts += ['--data', data if isinstance(data, str) else json.dumps(data, default=str)]
    parts.append(url + ('?' + urlencode(params, doseq=True) if params else ''))
    command = ' '.join(shlex.quote(p) for p in parts)
    logger.debug('curl: %s', command)
    return command
