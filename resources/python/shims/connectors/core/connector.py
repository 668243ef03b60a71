"""Shim of ``connectors.core.connector``, the module every connector imports.

Re-exports the Connector ABC, ConnectorError, Result, the state constants and the helpers of
``connectors.core.utils``, like the server's module does. ``get_logger(name)`` returns the logger
``connectors.<name>``; the runner captures its records into the current call's log.
"""
import logging

from connectors.core.base_connector import *  # noqa: F401,F403
from connectors.core.base_connector import Connector, ConnectorError, CustomConnectorException  # noqa: F401
from connectors.core.constants import *  # noqa: F401,F403
from connectors.core.result import Result  # noqa: F401
from connectors.core.utils import api_health_check, update_connector_config, update_connnector_config  # noqa: F401

SDK_VERSION = 'connector-studio'


def get_logger(name=None):
    return logging.getLogger('connectors.%s' % name if name else 'connectors')


logger = get_logger()
