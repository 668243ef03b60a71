"""``cshmac.requests``: a requests auth that signs calls to FortiSOAR's API with HMAC keys."""
from typing import Any

from requests import PreparedRequest
from requests.auth import AuthBase

class HmacAuth(AuthBase):
    """Signs a request for FortiSOAR's API: ``Authorization: CS <base64 of "sha256;<ts>;<public key>;<fingerprint>">``,
    the fingerprint being an HMAC-SHA256 of method, timestamp, full URL and payload with the private key."""

    url: Any
    method: str
    public_key: Any
    private_key: Any
    payload: Any
    def __init__(self, url: Any, method: str, public_key: Any, private_key: Any, payload: Any = None) -> None:
        """Signs ``method`` on ``url`` (with ``payload``) with the appliance's HMAC key pair."""
    def header(self, timestamp: str | None = None) -> str:
        """The Authorization header value for this request."""
    def __call__(self, request: PreparedRequest) -> PreparedRequest: ...
