"""
Copyright start
MIT License
Copyright (c) 2026 Connector Studio
Copyright end
"""
import requests
from connectors.core.connector import ConnectorError, get_logger

from .constants import REQUEST_TIMEOUT_SECONDS

logger = get_logger('sample-threat-intel')


class IntelClient(object):
    def __init__(self, config):
        self.base_url = config.get('server_url', '').strip().rstrip('/')
        if not self.base_url.startswith(('http://', 'https://')):
            self.base_url = 'https://{0}'.format(self.base_url)
        self.verify_ssl = config.get('verify_ssl', True)
        self.session = requests.Session()
        self.session.headers.update({'Authorization': 'Bearer {0}'.format(config.get('api_key', ''))})

    def get(self, path, params=None):
        url = self.base_url + path
        try:
            response = self.session.get(url, params=params, verify=self.verify_ssl, timeout=REQUEST_TIMEOUT_SECONDS)
        except requests.exceptions.SSLError:
            raise ConnectorError('TLS verification failed for {0}. Check the certificate or clear Verify SSL.'.format(url))
        except requests.exceptions.ConnectionError:
            raise ConnectorError('Cannot reach {0}. Check the Server URL and the network.'.format(url))
        except requests.exceptions.Timeout:
            raise ConnectorError('{0} did not answer within {1} seconds.'.format(url, REQUEST_TIMEOUT_SECONDS))
        if response.status_code in (401, 403):
            raise ConnectorError('The service refused the API key (HTTP {0}).'.format(response.status_code))
        if not response.ok:
            raise ConnectorError('HTTP {0} from {1}: {2}'.format(response.status_code, url, response.text[:200]))
        return response.json()
