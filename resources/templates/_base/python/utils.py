{{header}}
import json
from urllib.parse import quote

import requests
from connectors.core.connector import ConnectorError, get_logger

from .constants import {{constant_imports}}

logger = get_logger(LOGGER_NAME)


class ApiClient(object):
    """A requests Session bound to one configuration: base URL, credentials, TLS verification and timeouts."""

    def __init__(self, config):
        self.base_url = base_url(config.get('server_url'))
        self.verify_ssl = bool(config.get('verify_ssl', True))
        self.session = requests.Session()
        self.session.headers.update({'Accept': 'application/json', 'User-Agent': USER_AGENT})
        self.authenticate(config)

{{auth}}
    def request(self, method, endpoint, path_params=None, query=None, body=None):
        url = self.base_url + expand_path(endpoint, path_params)
        response = self.send(method, url, params=query or None, json=body)
        return parse_response(response, url)

    def send(self, method, url, **kwargs):
        logger.debug('%s %s', method, url)
        try:
            return self.session.request(method, url, verify=self.verify_ssl, timeout=REQUEST_TIMEOUT, **kwargs)
        except requests.exceptions.SSLError:
            raise ConnectorError('TLS verification failed for {0}: check the server certificate, '
                                 'or clear Verify SSL if the server uses a self-signed one.'.format(url))
        except requests.exceptions.ConnectTimeout:
            raise ConnectorError('Could not connect to {0} within {1} seconds: check the Server URL '
                                 'and the network.'.format(url, CONNECT_TIMEOUT))
        except requests.exceptions.Timeout:
            raise ConnectorError('{0} did not answer within {1} seconds.'.format(url, READ_TIMEOUT))
        except requests.exceptions.ConnectionError:
            raise ConnectorError('Cannot reach {0}: check the Server URL, DNS and proxy settings.'.format(url))
        except requests.exceptions.RequestException as error:
            raise ConnectorError('The request to {0} failed: {1}'.format(url, error))


def base_url(value):
    url = (value or '').strip().rstrip('/')
    if not url:
        raise ConnectorError('The Server URL is not configured.')
    if not url.startswith(('https://', 'http://')):
        url = 'https://' + url
    return url


def expand_path(endpoint, path_params):
    # Path values are quoted so an indicator like "a/b?c" cannot change which endpoint is called.
    values = {key: quote(str(value), safe='') for key, value in (path_params or {}).items()}
    return endpoint.format(**values)


def vendor_message(response):
    """The reason the vendor gave, if any (': invalid API key'), so the user sees their words, not only a status."""
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ('message', 'error_description', 'error', 'detail'):
            if isinstance(body.get(key), str) and body[key].strip():
                return ': ' + body[key].strip()[:200]
    text = (response.text or '').strip()
    return ': ' + text[:200] if text and not text.startswith(('{', '[', '<')) else ''


def parse_response(response, url):
    status = response.status_code
    if status in (401, 403):
        raise ConnectorError('{0} refused the credentials (HTTP {1}{2}): check them and their permissions.'.format(
            url, status, vendor_message(response)))
    if status == 404:
        raise ConnectorError('Not found (HTTP 404): {0}'.format(url))
    if status == 429:
        raise ConnectorError('The rate limit was reached at {0} (HTTP 429): try again later.'.format(url))
    if not response.ok:
        raise ConnectorError('HTTP {0} from {1}: {2}'.format(status, url, response.text[:300]))
    if status == 204 or not response.content:
        return {}
    try:
        return response.json()
    except ValueError:
        raise ConnectorError('{0} did not return JSON: {1}'.format(url, response.text[:300]))


def pick(params, names, json_names=()):
    """The named parameters that have a value; JSON parameters given as text are parsed."""
    picked = {}
    for name in names:
        value = params.get(name)
        if value is None or value == '' or value == []:
            continue
        picked[name] = parse_json(name, value) if name in json_names else value
    return picked


def require_params(params, names):
    missing = [name for name in names if params.get(name) is None or params.get(name) == '' or params.get(name) == []]
    if missing:
        raise ConnectorError('Missing required parameter(s): {0}'.format(', '.join(missing)))
    return {name: params[name] for name in names}


def parse_json(name, value):
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise ConnectorError('Parameter {0} is not valid JSON.'.format(name))
