"""``connectors.core.base_connector``: the Connector base class and ConnectorError.

The engine instantiates the connector's class with ``info_json=`` (the parsed info.json) and calls
``execute``, ``check_health`` and the configuration hooks; Connector Studio's runner does the same.
"""
import abc
from typing import Any

from connectors.core.constants import STATE_AVAILABLE as STATE_AVAILABLE
from connectors.core.constants import STATE_DEACTIVATED as STATE_DEACTIVATED
from connectors.core.constants import STATE_DISCONNECTED as STATE_DISCONNECTED
from connectors.core.result import Result

class ConnectorError(Exception):
    """Raise it to fail an action or a health check: its message is what the playbook or the
    configuration page shows (health: status "Disconnected" with this message)."""

    def __init__(self, *args: Any) -> None:
        """``ConnectorError(message)``: the message becomes the failed action's or health check's message."""

class CustomConnectorException(Exception):
    """An older exception some connectors raise; the engine treats it like any other failure."""

class Connector(metaclass=abc.ABCMeta):
    """The base class of every connector: ``connector.py`` defines one subclass of it.

    The engine creates it once per installed version with ``info_json=`` and then calls ``execute``
    for every action a playbook runs and ``check_health`` for the configuration's health check.
    """

    _result: Result
    _info_json: dict[str, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Keeps ``info_json=`` (the parsed info.json) as ``self._info_json``."""

    def init(self) -> Any:
        """Called once after the class is instantiated."""

    def on_app_start(self, config: Any, active: Any) -> Any:
        """Called for every configuration when the FortiSOAR server starts."""

    def on_add_config(self, config: Any, active: Any) -> Any:
        """Called when a user adds a configuration; raise ConnectorError to refuse it."""

    def on_update_config(self, old_config: Any, new_config: Any, active: Any) -> Any:
        """Called when a user edits a configuration."""

    def on_delete_config(self, config: Any) -> Any:
        """Called when a user deletes a configuration."""

    def on_activate(self, config: Any) -> Any:
        """Called when the connector is activated."""

    def on_deactivate(self, config: Any) -> Any:
        """Called when the connector is deactivated."""

    def teardown(self, config: Any) -> Any:
        """Called when the connector is uninstalled."""

    @abc.abstractmethod
    def execute(self, config: Any, operation: Any, params: Any, **kwargs: Any) -> Any:
        """Runs one action.

        ``config`` is the selected configuration's values, ``operation`` the operation name from info.json,
        ``params`` the action's parameters; the server always passes ``env=`` in kwargs (the playbook's environment,
        ``{}`` without one), so forward kwargs only to functions that accept them.
        Return the data (or ``(data, is_binary)``, or a Result); raise ConnectorError to fail the action.
        """

    def verify_health(self, config: Any, active: bool = False) -> dict[str, str]:
        """The health answer the server shows: ``{'status': 'Deactivated'}`` unless ``active``, else
        ``Available`` when check_health returns, ``Disconnected`` with the error's text when it raises."""

    def check_health(self, config: Any = None) -> Any:
        """The configuration's health check: returning normally means "Available"; raising ConnectorError
        means "Disconnected" with its message."""

    def clean_up(self) -> Any:
        """Called after an action that returned data (not a Result)."""

    def handle_exception(self, exception: BaseException) -> None:
        """Marks ``self._result`` Failed with the error's message. The server's execute path does not call it: an
        error raised by ``execute`` fails the action with the error's text."""

    def _handle_operation(self, input: dict[str, Any], **kwargs: Any) -> tuple[Any, bool]:
        """How the server runs an action (``_handle_operation(input, env=env)``): calls ``execute`` with those keyword
        arguments, wraps what it returns in ``self._result`` and returns ``(self._result.get_result(), is_binary)``."""

    def _get_op_from_annotation(self, annotation: str) -> Any:
        """The operation whose ``annotation`` in info.json matches, or None."""
