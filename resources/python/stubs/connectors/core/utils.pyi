"""``connectors.core.utils``: the health-check helper and configuration updates."""
from typing import Any

import requests

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

def update_connector_config(
    connector_name: Any = None,
    version: Any = None,
    updated_config: Any = None,
    configId: Any = None,
    agent: Any = None,
    *args: Any,
    **kwargs: Any,
) -> None:
    """Alias of ``update_connnector_config``."""
