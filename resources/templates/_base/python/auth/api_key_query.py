    def authenticate(self, config):
        api_key = config.get('api_key')
        if not api_key:
            raise ConnectorError('The API Key is not configured.')
        # The service takes its key in the query string: every request carries it.
        self.session.params = {API_KEY_PARAM: api_key}

