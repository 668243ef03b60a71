"""``connectors.core.connector``: the module every connector imports.

Re-exports the Connector base class, ConnectorError, Result, the state constants and the helpers of
``connectors.core.utils``, and defines ``get_logger``.
"""
import logging

from connectors.core.base_connector import Connector as Connector
from connectors.core.base_connector import ConnectorError as ConnectorError
from connectors.core.base_connector import CustomConnectorException as CustomConnectorException
from connectors.core.constants import *
from connectors.core.result import Result as Result
from connectors.core.utils import api_health_check as api_health_check
from connectors.core.utils import update_connector_config as update_connector_config
from connectors.core.utils import update_connnector_config as update_connnector_config

SDK_VERSION: str
"""The connector SDK's version on the server (``'connector-studio'`` in the simulator)."""

def get_logger(name: str | None = None) -> logging.Logger:
    """Returns the logger ``connectors.<name>``: its records go to the connector's log on the server
    (``/var/log/cyops/cyops-integrations/connectors.log``) and to the call's log in Connector Studio."""

logger: logging.Logger
"""The framework's own logger, ``connectors``."""
