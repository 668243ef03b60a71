"""``cshmac``: FortiSOAR's HMAC request signing."""
