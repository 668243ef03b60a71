"""Shim of ``connectors.core.result.Result``.

On the server ``execute`` may return a Result instead of plain data; the engine copies its status, message,
data and binary flag into the execute envelope, and a status of 'Failed' becomes a failed action.
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

    def set_result(self, status, message='', exception=None):
        """``status`` is 'Success'/'Failed' or a truthy/falsy value; an exception's text is appended."""
        self._status = status if isinstance(status, str) else ('Success' if status else 'Failed')
        self._message = message + (str(exception) if exception is not None else '')

    def get_result(self):
        return {'operation': self._operation, 'status': self._status, 'message': self._message,
                'data': self._data, 'env': self._env}
