    def authenticate(self, config):
        """OAuth 2.0 client credentials at the token URL the service documents, sent as a Bearer header."""
        client_id = config.get('client_id')
        client_secret = config.get('client_secret')
        if not client_id or not client_secret:
            raise ConnectorError('The Client ID and Client Secret are not configured.')
        token_url = (config.get('token_url') or '').strip() or TOKEN_URL
        if not token_url.startswith(('https://', 'http://')):
            token_url = self.base_url + token_url
        response = self.send('POST', token_url, data={
            'grant_type': 'client_credentials',
            'client_id': client_id,
            'client_secret': client_secret,
        })
        if response.status_code in (400, 401):
            raise ConnectorError('The token endpoint refused the Client ID or Client Secret '
                                 '(HTTP {0}).'.format(response.status_code))
        token = parse_response(response, token_url).get('access_token')
        if not token:
            raise ConnectorError('The token endpoint at {0} returned no access_token.'.format(token_url))
        self.session.headers['Authorization'] = 'Bearer {0}'.format(token)

