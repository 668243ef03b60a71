"""Shim of ``connectors.core.utils``.

``api_health_check`` makes a real HTTP call with requests, as on the server. ``update_connnector_config``
(three n's, as every caller spells it) saves a changed configuration on the server; here it records the
change in the call's response as ``configUpdates`` so the host can update the saved test configuration.
"""
import ast
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
    """Calls ``url`` and returns the response when it is OK; otherwise raises ConnectorError with the server's
    texts (Fortinet's public library, connectors/core/utils.py ``_api_call``)."""
    import requests  # here, not at the top: every connector imports this module and not all need requests
    if auth_config:
        auth = (auth_config['username'], auth_config['password'])
    elif username or password:
        auth = (username, password)
    else:
        auth = None
    request_args = {'verify': _convert_verify(verify)}
    if auth:
        request_args['auth'] = auth
    if params:
        request_args['params'] = params
    if headers:
        request_args['headers'] = headers
    if method.lower() not in ('head', 'get'):
        request_args['data'] = _convert_body(body)
    try:
        logger.info('Starting Check health Request: Method %s, Url: %s', method, url)
        response = requests.request(method, url, **request_args)
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
    detail = _response_detail(response)
    try:
        response.raise_for_status()
    except requests.exceptions.HTTPError as e:
        raise ConnectorError('{} :: {} Url: {}'.format(str(e), detail, url))


def update_connnector_config(connector_name=None, version=None, updated_config=None, configId=None,
                             agent=None, *args, **kwargs):
    """Records the updated configuration (the server writes it to the configuration store)."""
    if not updated_config:
        raise ConnectionError('Invalid input. Provide the configuration to be updated.')
    _studio_host.record('configUpdates', {'connector': connector_name, 'version': version,
                                          'configId': configId, 'config': copy.deepcopy(updated_config)})
    logger.info('Configuration of %s %s updated (recorded by Connector Studio)', connector_name, version)


update_connector_config = update_connnector_config


def _response_detail(response):
    """What the server puts after '::': the parsed JSON body (its Python form), else the text, else the bytes."""
    detail = ''
    try:
        detail = response.json()
    except Exception:
        pass
    if not detail:
        try:
            detail = response.text
        except Exception:
            pass
    if not detail:
        try:
            detail = response.content
        except Exception:
            pass
    return detail


def _convert_verify(verify):
    """'True'/'false' (any case) become booleans; anything else that is not a boolean means True."""
    if isinstance(verify, str) and verify:
        try:
            verify = ast.literal_eval(verify.title())
        except Exception as e:
            logger.warning('Str verification failed. %s', str(e))
    return verify if isinstance(verify, bool) else True


def _convert_body(body):
    """A JSON text is parsed and dumped again; other data is dumped as JSON; plain text is sent as is."""
    if body and isinstance(body, str):
        try:
            body = json.loads(body, strict=False)
        except ValueError:
            logger.warning('Json conversion failed.')
    if body and not isinstance(body, str):
        body = json.dumps(body)
    return body
