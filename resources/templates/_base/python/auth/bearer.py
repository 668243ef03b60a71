    def authenticate(self, config):
        api_key = config.get('api_key')
        if not api_key:
            raise ConnectorError('The API Key is not configured.')
        self.session.headers['Authorization'] = '{0} {1}'.format(AUTH_SCHEME, api_key)

