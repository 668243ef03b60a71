def extract_indicators(config, params):
    """Finds IP addresses, domains, URLs, email addresses and file hashes in a text, defanged or not."""
    return find_indicators(text_param(params, 'text'))
