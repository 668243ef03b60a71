    def authenticate(self, config):
        username = config.get('username')
        password = config.get('password')
        if not username or not password:
            raise ConnectorError('The Username and Password are not configured.')
        self.session.auth = (username, password)

