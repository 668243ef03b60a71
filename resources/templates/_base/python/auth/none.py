    def authenticate(self, config):
        """The service takes no credentials."""

