"""``connectors.core.utils``: the health-check helper and configuration updates.

It also re-exports ConnectorError and the server's stock error messages that ``api_health_check`` raises
with, as the server's module does.
"""
import logging
from typing import Any

import requests

from connectors.core.base_connector import ConnectorError as ConnectorError
from connectors.core.constants import CONNECTION_TIMEOUT as CONNECTION_TIMEOUT
from connectors.core.constants import INVALID_URL_OR_CREDENTIALS as INVALID_URL_OR_CREDENTIALS
from connectors.core.constants import REQUEST_READ_TIMEOUT as REQUEST_READ_TIMEOUT
from connectors.core.constants import SSL_VALIDATION_ERROR as SSL_VALIDATION_ERROR
from connectors.core.constants import UNAUTHORIZED as UNAUTHORIZED

logger: logging.Logger
"""The framework's own logger for this module; connectors log with ``get_logger(name)`` instead."""

def api_health_check(
    url: str,
    method: str = 'GET',
    params: Any = None,
    body: Any = '',
    headers: Any = None,
    verify: Any = True,
    username: str = '',
    password: str = '',
    auth_config: Any = None,
    *args: Any,
    **kwargs: Any,
) -> requests.Response:
    """Calls ``url`` with requests and returns the response when it is OK; otherwise raises ConnectorError
    with the server's stock messages (TLS failure, timeout, invalid endpoint or credentials, unauthorized)."""

def update_connnector_config(
    connector_name: Any = None,
    version: Any = None,
    updated_config: Any = None,
    configId: Any = None,
    agent: Any = None,
    *args: Any,
    **kwargs: Any,
) -> None:
    """Saves a changed configuration (e.g. a refreshed OAuth token) in the server's configuration store.
    Spelt with three n's, as every caller spells it. Connector Studio records the change and updates the
    saved test configuration."""

# The correctly spelt alias the shim also exports.
update_connector_config = update_connnector_config
