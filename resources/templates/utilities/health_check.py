def health_check(config):
    """No remote service to call: checks the runtime's hashing against a known SHA-256 test vector."""
    expected = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    if hashlib.sha256(b'abc').hexdigest() != expected:
        raise ConnectorError('The Python runtime computed a wrong SHA-256 digest: its hashlib is broken.')
