"""Shim of ``connectors.core.result.Result``.

On the server ``execute`` may return a Result instead of plain data. ``Connector._handle_operation`` copies the
Result's non-empty fields into the connector's own result; ``get_result`` then gives the execute envelope,
gives the data alone for a binary result, and raises ``Exception(message)`` for a status of 'Failed', which
fails the action with that message (Fortinet's public library, connectors/core/result.py).
"""


class Result(object):
    def __init__(self):
        self._status = 'Success'
        self._message = ''
        self._operation = None
        self._binary = False
        self._data = []
        self._env = {}

    def get_operation(self):
        return self._operation

    def set_operation(self, operation):
        self._operation = operation
        return operation

    def get_status(self):
        return self._status

    def set_status(self, status):
        self._status = status

    def get_message(self):
        return self._message

    def set_message(self, message):
        self._message = message

    def get_data(self):
        return self._data

    def get_binary(self):
        return self._binary

    def set_data(self, item, is_binary=False):
        self._data = item
        self._binary = is_binary
        return item

    def get_env(self):
        return self._env

    def set_env(self, env):
        self._env = env
        return env

    def _fetch_exception_message(self, exception):
        """An exception's ``message`` attribute when it has one (older libraries), else its text."""
        message = getattr(exception, 'message', None)
        if message:
            try:
                return str(message)
            except Exception:
                pass
        try:
            return str(exception)
        except Exception:
            return ''

    def set_result(self, status, message='', exception=None):
        """``status`` is 'Success'/'Failed' or a truthy/falsy value; an exception's message is appended."""
        self._status = status if isinstance(status, str) else ('Success' if status else 'Failed')
        self._message = message
        if exception:
            self._message += self._fetch_exception_message(exception)

    def get_result(self):
        """The envelope; the data alone when it is binary; raises Exception(message) when the status is 'Failed'."""
        if self._binary and self._status != 'Failed':
            return self._data
        if self._status == 'Failed':
            raise Exception(self._message)
        return {'operation': self._operation, 'status': self._status, 'message': self._message,
                'data': self._data, 'env': self._env}
