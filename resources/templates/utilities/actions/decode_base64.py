def decode_base64(config, params):
    """Decodes Base64 data to text."""
    data = text_param(params, 'data').strip()
    try:
        decoded = base64.b64decode(data, validate=True)
    except ValueError:
        raise ConnectorError('The data is not valid Base64.')
    try:
        return {'decoded': decoded.decode('utf-8')}
    except UnicodeDecodeError:
        raise ConnectorError('The decoded data is binary, not UTF-8 text.')
