def encode_base64(config, params):
    """Encodes a text as Base64."""
    text = text_param(params, 'text')
    return {'encoded': base64.b64encode(text.encode('utf-8')).decode('ascii')}
