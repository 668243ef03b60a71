"""Shim of ``connectors.core.base_connector``: the Connector ABC and ConnectorError.

On the server the engine instantiates the connector's class with ``info_json=``, asks ``verify_health(config,
active)`` for a configuration's health and runs an action with ``_handle_operation(input, env=env)``, which calls
``execute``, wraps what it returns in the connector's Result and calls ``clean_up``; an exception goes back to the
caller as it is. These methods behave as in Fortinet's public library (fortinet-fortisoar/fortisoar-connector-library,
connectors/core/base_connector.py), ``handle_exception`` included; runner.py calls them as the server does
(docs/runtime-helpers.md).
"""
import abc

from connectors.core.constants import STATE_AVAILABLE, STATE_DEACTIVATED, STATE_DISCONNECTED
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
        """Runs one action; ``_handle_operation`` passes on the keyword arguments of the call (``env=``)."""

    def verify_health(self, config, active=False):
        """The health answer the server shows: Deactivated unless active, else check_health's outcome."""
        if not active:
            return {'message': 'Connector is available but not active. Please activate the connector to check '
                               'the health.', 'status': STATE_DEACTIVATED}
        try:
            self.check_health(config)
            return {'message': 'Connector is available', 'status': STATE_AVAILABLE}
        except Exception as error:
            return {'message': str(error), 'status': STATE_DISCONNECTED}

    def check_health(self, config=None):
        """Returns normally when the configuration works; raises (ConnectorError) to report Disconnected."""

    def clean_up(self):
        """Called after an action that returned data (not a Result)."""

    def handle_exception(self, exception):
        """Marks the connector's result Failed with the error's message (the server's execute path does not call it)."""
        self._result.set_result(False, exception=exception)

    def _handle_operation(self, input, **kwargs):
        """Runs ``execute`` for ``input`` ({config, operation, params}); returns (envelope or data, is_binary)."""
        self._result.set_env(kwargs.get('env', {}))
        value = self.execute(input.get('config', {}), input.get('operation'), input.get('params'), **kwargs)
        if type(value) is tuple:
            data, is_binary = value[0], value[1]
        elif isinstance(value, Result):
            for key, field in value.__dict__.items():
                if field:  # only what the connector set: an empty message or data keeps the engine's own
                    self._result.__dict__[key] = field
            return self._result.get_result(), self._result.get_binary()
        else:
            data, is_binary = value, False
        self._result.set_data(data, is_binary)
        self.clean_up()
        return self._result.get_result(), self._result.get_binary()

    def _get_op_from_annotation(self, annotation):
        for op in self._info_json.get('operations', []):
            if op.get('annotation') == annotation:
                return op.get('operation')
