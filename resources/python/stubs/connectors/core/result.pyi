"""``connectors.core.result``: the Result an action may return instead of plain data.

The engine copies its status, message, data and binary flag into the execute envelope; a status of
``'Failed'`` makes the action fail.
"""
from typing import Any

class Result(object):
    """The execute envelope of one action: status, message, data, binary flag and playbook env."""

    def __init__(self) -> None:
        """A Success result with an empty message, no data and no operation."""
    def get_operation(self) -> Any:
        """The operation this result belongs to (None until set)."""
    def set_operation(self, operation: Any) -> Any:
        """Sets the operation name and returns it."""
    def get_status(self) -> Any:
        """``'Success'`` (the default) or ``'Failed'``."""
    def set_status(self, status: Any) -> None:
        """``'Success'`` or ``'Failed'``."""
    def get_message(self) -> Any:
        """The message shown with the action's result."""
    def set_message(self, message: Any) -> None:
        """Sets the message shown with the action's result."""
    def get_data(self) -> Any:
        """The action's output, as set with ``set_data``."""
    def get_binary(self) -> bool:
        """True when the data is file content."""
    def set_data(self, item: Any, is_binary: bool = False) -> Any:
        """The action's output (``data`` in the envelope); ``is_binary`` marks file content."""
    def get_env(self) -> Any:
        """The variables handed to the playbook environment."""
    def set_env(self, env: Any) -> Any:
        """Sets the playbook environment variables and returns them."""
    def _fetch_exception_message(self, exception: BaseException) -> str:
        """An exception's ``message`` attribute when it has one, else its text."""
    def set_result(self, status: Any, message: str = '', exception: BaseException | None = None) -> None:
        """``status`` is 'Success'/'Failed' or a truthy/falsy value; an exception's message is appended to the message."""
    def get_result(self) -> Any:
        """The envelope (operation, status, message, data, env); the data alone when it is binary. Raises
        ``Exception(message)`` when the status is 'Failed', which fails the action."""
