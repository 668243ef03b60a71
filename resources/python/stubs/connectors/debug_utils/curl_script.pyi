"""``connectors.debug_utils.curl_script``: logs HTTP requests as curl commands."""
import logging
from typing import Any

logger: logging.Logger
"""The framework's own logger for this module; connectors log with ``get_logger(name)`` instead."""

def make_curl(
    method: Any,
    url: Any,
    headers: Any = None,
    params: Any = None,
    data: Any = None,
    verify_ssl: Any = True,
    *args: Any,
    **kwargs: Any,
) -> str:
    """Returns (and logs at debug level) a curl command line equivalent to the request; the server writes it
    to the connector log when debug logging is on."""
