"""Shim of ``django.conf``: ``settings`` holds the server settings connectors read, pointing at real folders."""
import os

import _studio_host


class _Settings(object):
    TMP_FILE_ROOT = _studio_host.TMP_ROOT
    LW_AGENT = False
    CRUD_HUB_URL = os.environ.get('CS_CRUD_HUB_URL', 'https://localhost')
    APPLIANCE_PUBLIC_KEY = os.environ.get('CS_APPLIANCE_PUBLIC_KEY', 'connector-studio-public-key')
    APPLIANCE_PRIVATE_KEY = os.environ.get('CS_APPLIANCE_PRIVATE_KEY', 'connector-studio-private-key')
    DEBUG = True

    def __getattr__(self, name):
        raise AttributeError('django.conf.settings.%s is not simulated by Connector Studio' % name)


settings = _Settings()
