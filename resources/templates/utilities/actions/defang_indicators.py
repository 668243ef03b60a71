def defang_indicators(config, params):
    """Rewrites URLs, domains and IP addresses in a text so they cannot be clicked."""
    return {'defanged': defang(text_param(params, 'text'))}
