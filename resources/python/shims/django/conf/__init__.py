"""Shim of ``django.conf``: ``settings`` holds the server settings connectors read, pointing at real folders.

``APPLICATION_CONFIG`` is the server's application configuration (a ConfigParser); connectors read it with
fallbacks (``settings.APPLICATION_CONFIG.getboolean('connector_configuration', 'allow_os_packages',
fallback=False)`` in code-snippet, ``.get('connector_configuration', 'email_character_count_max', fallback=...)``
in the e-mail helpers), so here it is empty and every read returns the fallback.
"""
import configparser
import os

import _studio_host


def _application_config():
    config = configparser.ConfigParser()
    config.add_section('connector_configuration')
    return config


class _Settings(object):
    LW_AGENT = False
    CRUD_HUB_URL = os.environ.get('CS_CRUD_HUB_URL', 'https://localhost')
    APPLIANCE_PUBLIC_KEY = os.environ.get('CS_APPLIANCE_PUBLIC_KEY', 'connector-studio-public-key')
    APPLIANCE_PRIVATE_KEY = os.environ.get('CS_APPLIANCE_PRIVATE_KEY', 'connector-studio-private-key')
    APPLICATION_CONFIG = _application_config()
    DEBUG = True

    @property
    def TMP_FILE_ROOT(self):  # noqa: N802  (the server's setting name)
        return _studio_host.TMP_ROOT

    def __getattr__(self, name):
        raise AttributeError('django.conf.settings.%s is not simulated by Connector Studio' % name)


settings = _Settings()
