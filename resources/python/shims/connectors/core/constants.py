"""Shim of ``connectors.core.constants``: connector states and the stock error messages of the server."""
STATE_AVAILABLE = 'Available'
STATE_DISCONNECTED = 'Disconnected'
STATE_NOT_CONFIGURED = 'NotConfigured'
STATE_DEACTIVATED = 'Deactivated'
STATE_DACTIVATED = STATE_DEACTIVATED  # misspelt alias some connectors import
SSL_VALIDATION_ERROR = 'SSL certificate validation failed'
CONNECTION_TIMEOUT = 'The request timed out while trying to connect to the remote server'
REQUEST_READ_TIMEOUT = 'The server did not send any data in the allotted amount of time'
INVALID_URL_OR_CREDENTIALS = 'Invalid endpoint or credentials'
UNAUTHORIZED = 'Unauthorized'
NOTIFICATION_BASED_INGESTION = 'notification'
