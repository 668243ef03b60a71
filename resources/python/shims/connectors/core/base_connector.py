"""Shim of ``connectors.core.base_connector``: the Connector ABC and ConnectorError.

On the server the engine instantiates the connector's class with ``info_json=`` and calls ``execute``,
``check_health`` and the configuration hooks below; the runner in Connector Studio does the same.
"""
import abc

from connectors.core.result import Result


class ConnectorError(Exception):
    """Raised by connectors to fail an action or a health check with a readable message."""


class CustomConnectorException(Exception):
    pass


class Connector(metaclass=abc.ABCMeta):
    def __init__(self, *args, **kwargs):
        self._result = Result()
        self._info_json = kwargs.get('info_json', {})

    def init(self):
        return True

    def on_app_start(self, config, active):
        """Called for every configuration when the server starts."""

    def on_add_config(self, config, active):
        """Called when a configuration is added."""

    def on_update_config(self, old_config, new_config, active):
        """Called when a configuration is edited."""

    def on_delete_config(self, config):
        """Called when a configuration is deleted."""

    def on_activate(self, config):
        """Called when the connector is activated."""

    def on_deactivate(self, config):
        """Called when the connector is deactivated."""

    def teardown(self, config):
        """Called when the connector is uninstalled."""

    @abc.abstractmethod
    def execute(self, config, operation, params, **kwargs):
        """Runs one action; the server passes ``env=`` (the playbook environment) in kwargs."""

    def check_health(self, config=None):
        """Returns normally when the configuration works; raises (ConnectorError) to report Disconnected."""

    def clean_up(self):
        """Called after a successful action."""

    def _get_op_from_annotation(self, annotation):
        for op in self._info_json.get('operations', []):
            if op.get('annotation') == annotation:
                return op.get('operation')
