"""Shim of ``cshmac.requests.HmacAuth``: a requests auth that signs a call to FortiSOAR's API.

Authorization: CS <base64("sha256;<ts>;<public key>;<fingerprint>")>, fingerprint = hex HMAC-SHA256 with the
private key of "sha256.<METHOD>.<ts>.<full URL>.<hex sha256(payload)>", payload = the body, or the public key
for GET (reference/fortisoar-api.md).
"""
import base64
import hashlib
import hmac
from datetime import datetime, timezone

from requests.auth import AuthBase


class HmacAuth(AuthBase):
    def __init__(self, url, method, public_key, private_key, payload=None):
        self.url, self.method = url, method.upper()
        self.public_key, self.private_key = public_key, private_key
        self.payload = payload

    def header(self, timestamp=None):
        ts = timestamp or datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M:%S')
        payload = self.public_key if self.method == 'GET' or self.payload is None else self.payload
        digest = hashlib.sha256(payload.encode('utf-8') if isinstance(payload, str) else payload).hexdigest()
        raw = 'sha256.%s.%s.%s.%s' % (self.method, ts, self.url, digest)
        fingerprint = hmac.new(self.private_key.encode('utf-8'), raw.encode('utf-8'), hashlib.sha256).hexdigest()
        token = 'sha256;%s;%s;%s' % (ts, self.public_key, fingerprint)
        return 'CS ' + base64.b64encode(token.encode('utf-8')).decode('ascii')

    def __call__(self, request):
        request.headers['Authorization'] = self.header()
        return request
