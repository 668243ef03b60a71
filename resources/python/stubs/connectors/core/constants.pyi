"""``connectors.core.constants``: connector states and the server's stock error messages."""

STATE_AVAILABLE: str
"""Health status of a working configuration: ``'Available'``."""
STATE_DISCONNECTED: str
"""Health status when check_health raised: ``'Disconnected'``."""
STATE_NOT_CONFIGURED: str
"""``'NotConfigured'``: the connector has no configuration."""
STATE_DEACTIVATED: str
"""``'Deactivated'``: the connector was deactivated."""
STATE_DACTIVATED: str
"""Misspelt alias of STATE_DEACTIVATED that some connectors import."""
SSL_VALIDATION_ERROR: str
"""The server's message when TLS certificate validation fails."""
CONNECTION_TIMEOUT: str
"""The server's message when connecting times out."""
REQUEST_READ_TIMEOUT: str
"""The server's message when the remote server sends no data in time."""
INVALID_URL_OR_CREDENTIALS: str
"""The server's message for a wrong URL or wrong credentials."""
UNAUTHORIZED: str
"""The server's message for HTTP 403."""
NOTIFICATION_BASED_INGESTION: str
"""Ingestion mode value of notification-based (push) data ingestion."""
