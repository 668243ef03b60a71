"""Shim of ``connectors.core.utils``.

``api_health_check`` makes a real HTTP call with requests, as on the server. ``update_connnector_config``
(three n's, as every caller spells it) saves a changed configuration on the server; here it records the
change in the call's response as ``configUpdates`` so the host can update the saved test configuration.
"""
import copy
import json
import logging

import _studio_host
from connectors.core.base_connector import ConnectorError
from connectors.core.constants import (CONNECTION_TIMEOUT, INVALID_URL_OR_CREDENTIALS, REQUEST_READ_TIMEOUT,
                                       SSL_VALIDATION_ERROR, UNAUTHORIZED)

logger = logging.getLogger('connectors.core.utils')


def api_health_check(url, method='GET', params=None, body='', headers=None, verify=True,
                     username='', password='', auth_config=None, *args, **kwargs):
    """Calls ``url`` and raises ConnectorError with the server's stock messages unless the response is OK."""
    import requests  # here, not at the top: every connector imports this module and not all need requests
    args = {'verify': _as_bool(verify)}
    if auth_config:
        args['auth'] = (auth_config['username'], auth_config['password'])
    elif username or password:
        args['auth'] = (username, password)
    if params:
        args['params'] = params
    if headers:
        args['headers'] = headers
    if method.lower() not in ('get', 'head'):
        args['data'] = _as_body(body)
    logger.info('Starting Check health Request: Method %s, Url: %s', method, url)
    try:
        response = requests.request(method, url, **args)
    except requests.exceptions.SSLError:
        raise ConnectorError('%s for url %s' % (SSL_VALIDATION_ERROR, url))
    except requests.exceptions.ConnectTimeout:
        raise ConnectorError('%s for url %s' % (CONNECTION_TIMEOUT, url))
    except requests.exceptions.ReadTimeout:
        raise ConnectorError('%s for url %s' % (REQUEST_READ_TIMEOUT, url))
    except requests.exceptions.ConnectionError:
        raise ConnectorError('%s for url %s' % (INVALID_URL_OR_CREDENTIALS, url))
    except Exception as e:
        raise ConnectorError(str(e))
    if response.ok:
        return response
    if response.status_code == 401:
        raise ConnectorError('%s for url %s' % (INVALID_URL_OR_CREDENTIALS, url))
    if response.status_code == 403:
        raise ConnectorError('%s for url %s' % (UNAUTHORIZED, url))
    raise ConnectorError('%s %s :: %s Url: %s' % (response.status_code, response.reason, response.text, url))


def update_connnector_config(connector_name=None, version=None, updated_config=None, configId=None,
                             agent=None, *args, **kwargs):
    """Records the updated configuration (the server writes it to the configuration store)."""
    if not updated_config:
        raise ConnectionError('Invalid input. Provide the configuration to be updated.')
    _studio_host.record('configUpdates', {'connector': connector_name, 'version': version,
                                          'configId': configId, 'config': copy.deepcopy(updated_config)})
    logger.info('Configuration of %s %s updated (recorded by Connector Studio)', connector_name, version)


update_connector_config = update_connnector_config


def _as_bool(verify):
    if isinstance(verify, str):
        return verify.strip().lower() not in ('false', '0', 'no', '')
    return verify if isinstance(verify, bool) else True


def _as_body(body):
    if body and isinstance(body, str):
        try:
            body = json.loads(body, strict=False)
        except ValueError:
            return body
    return json.dumps(body) if body and not isinstance(body, str) else body
