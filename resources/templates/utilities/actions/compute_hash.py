def compute_hash(config, params):
    """Computes the MD5, SHA-1, SHA-256 or SHA-512 hash of a text."""
    text = text_param(params, 'text')
    algorithm = params.get('algorithm') or 'sha256'
    if algorithm not in HASH_ALGORITHMS:
        raise ConnectorError('Unsupported algorithm {0}: use one of {1}.'.format(algorithm, ', '.join(HASH_ALGORITHMS)))
    return {'algorithm': algorithm, 'hash': hashlib.new(algorithm, text.encode('utf-8')).hexdigest()}
