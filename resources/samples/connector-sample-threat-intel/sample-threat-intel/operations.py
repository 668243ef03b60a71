"""
Copyright start
MIT License
Copyright (c) 2026 Connector Studio
Copyright end
"""
from connectors.core.connector import ConnectorError, get_logger

from .utils import IntelClient

logger = get_logger('sample-threat-intel')


def get_ip_reputation(config, params):
    ip = params.get('ip', '').strip()
    if not ip:
        raise ConnectorError('An IP address is required.')
    return IntelClient(config).get('/api/v1/ip/{0}'.format(ip))


def get_domain_reputation(config, params):
    domain = params.get('domain', '').strip()
    if not domain:
        raise ConnectorError('A domain is required.')
    query = {'history': 'true'} if params.get('include_history') else None
    return IntelClient(config).get('/api/v1/domain/{0}'.format(domain), params=query)


def check_health(config):
    IntelClient(config).get('/api/v1/status')
    return True


operations = {
    'get_ip_reputation': get_ip_reputation,
    'get_domain_reputation': get_domain_reputation,
}
