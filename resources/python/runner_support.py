"""Helpers of runner.py: loading a connector folder as a package, the execute envelope, JSON encoding."""
import base64
import datetime
import decimal
import importlib
import importlib.machinery
import importlib.util
import json
import linecache
import math
import os
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # for the type checker only, as in runner.py
    from typing import Any, Optional

    from protocol import Reply


FRAMEWORK = ('connectors', 'integrations', 'cshmac', 'django', 'uwsgi')


class FrameworkGuard(object):
    """Last on sys.meta_path: a framework import that no shim provides fails naming the missing module."""

    @staticmethod
    def find_spec(fullname, path=None, target=None):
        if fullname.split('.')[0] in FRAMEWORK:
            raise ModuleNotFoundError(
                'No module named %r: it is part of the FortiSOAR platform, but Connector Studio\'s simulated '
                'runtime has no shim for it (resources/python/shims)' % fullname, name=fullname)
        return None


class LoadError(Exception):
    """The connector folder could not be imported or has no usable Connector class."""


def package_name(name, version):
    """``<name>_<x_y_z>`` like the server's ``connectors.<name>_<x_y_z>``: hyphens and dots become underscores,
    and the suffix keeps a folder named like a PyPI library (kafka) from shadowing that library."""
    mangled = re.sub(r'[^0-9A-Za-z_]', '_', '%s_%s' % (name, version or '0.0.0'))
    return '_' + mangled if mangled[0].isdigit() else mangled


class Loader(object):
    """Imports the connector once and keeps the instance until ``unload`` (a reload request)."""

    def __init__(self, folder):
        self.folder = os.path.abspath(folder)
        self.package = None
        self.instance = None

    def get(self):
        if self.instance is None:
            self.instance = self._load()
        return self.instance

    def _load(self):
        try:
            with open(os.path.join(self.folder, 'info.json'), encoding='utf-8') as f:
                info = json.load(f)
        except (OSError, ValueError) as e:
            raise LoadError('cannot read info.json: %s' % e)
        self.package = package_name(info.get('name') or os.path.basename(self.folder), info.get('version'))
        try:
            self._import_package()
            module = importlib.import_module(self.package + '.connector')
            return connector_class(module)(info_json=info)
        except BaseException as e:
            self.unload()  # half-imported modules must not survive into the next attempt
            if isinstance(e, LoadError):
                raise
            raise LoadError('%s: %s' % (type(e).__name__, e)) from e

    def _import_package(self):
        init = os.path.join(self.folder, '__init__.py')
        if os.path.isfile(init):
            spec = importlib.util.spec_from_file_location(self.package, init,
                                                          submodule_search_locations=[self.folder])
        else:
            spec = importlib.machinery.ModuleSpec(self.package, None, is_package=True)
            spec.submodule_search_locations = [self.folder]
        module = importlib.util.module_from_spec(spec)
        sys.modules[self.package] = module
        if spec.loader is not None:
            spec.loader.exec_module(module)

    def unload(self):
        """Drops the package and every submodule: importlib.reload would keep stale ``from .x import y``."""
        if self.package:
            prefix = self.package + '.'
            for name in [n for n in sys.modules if n == self.package or n.startswith(prefix)]:
                del sys.modules[name]
        self.instance = None
        importlib.invalidate_caches()
        linecache.clearcache()


def connector_class(module):
    from connectors.core.base_connector import Connector
    found = [v for v in vars(module).values()
             if isinstance(v, type) and issubclass(v, Connector) and v is not Connector]
    leaves = [c for c in found if not any(o is not c and issubclass(o, c) for o in found)]
    own = [c for c in leaves if c.__module__ == module.__name__] or leaves
    if len(own) != 1:
        names = ', '.join(sorted(c.__name__ for c in own)) or 'none'
        raise LoadError('connector.py must define exactly one class extending connectors.core.connector.'
                        'Connector (found: %s)' % names)
    return own[0]


def envelope(operation: 'Optional[str]', handled: 'Any', is_binary: 'Any') -> 'Reply':
    """The execute envelope for what ``Connector._handle_operation`` returned: the Result's dict (operation,
    status, message, data, env), or for binary output the data alone, with its is_binary flag."""
    reply: 'Reply' = {'operation': operation, 'status': 'Success', 'message': '', 'data': handled}
    if not is_binary and isinstance(handled, dict) and {'status', 'message', 'data'} <= set(handled):
        reply['status'] = 'Failed' if handled.get('status') == 'Failed' else 'Success'
        reply['message'] = str(handled.get('message') or '')
        reply['data'] = handled.get('data')
        if isinstance(handled.get('env'), dict) and handled['env']:
            reply['env'] = handled['env']
    if is_binary:
        reply['binary'] = True
        if isinstance(handled, (bytes, bytearray)):
            reply['data'], reply['encoding'] = base64.b64encode(bytes(handled)).decode('ascii'), 'base64'
    return reply


def _default(value):
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode('utf-8')
        except UnicodeDecodeError:
            return base64.b64encode(bytes(value)).decode('ascii')
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return str(value)


def _clean(value):
    """JSON.parse refuses NaN and Infinity, and dict keys must be strings."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k if isinstance(k, str) else str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_clean(v) for v in value]
    return value


def dumps(value):
    try:
        return json.dumps(value, ensure_ascii=False, separators=(',', ':'), allow_nan=False, default=_default)
    except (TypeError, ValueError):
        return json.dumps(_clean(value), ensure_ascii=False, separators=(',', ':'), allow_nan=False,
                          default=lambda v: _clean(_default(v)))


def iso_time(seconds):
    moment = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return moment.isoformat(timespec='milliseconds').replace('+00:00', 'Z')
