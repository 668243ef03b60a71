"""``django.conf``: the server's settings."""
import configparser
from typing import Any

class _Settings:
    TMP_FILE_ROOT: str
    """Folder for temporary files (``/tmp/`` on the server): downloaded files land here."""
    LW_AGENT: bool
    """True when the code runs on a FortiSOAR agent rather than the server."""
    CRUD_HUB_URL: str
    """Base URL of the server's own API."""
    APPLIANCE_PUBLIC_KEY: str
    """The appliance's HMAC public key, for calls to the server's API."""
    APPLIANCE_PRIVATE_KEY: str
    """The appliance's HMAC private key."""
    APPLICATION_CONFIG: configparser.ConfigParser
    """The server's application configuration; read it with fallbacks (empty in Connector Studio)."""
    DEBUG: bool
    def __getattr__(self, name: str) -> Any: ...

settings: _Settings
"""The server's Django settings (only the names above are simulated by Connector Studio)."""
