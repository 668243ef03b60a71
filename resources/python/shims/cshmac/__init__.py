"""Shim of ``cshmac``: FortiSOAR's HMAC request signing."""
