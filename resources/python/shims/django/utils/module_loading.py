"""Shim of ``django.utils.module_loading.import_string``: imports a dotted path and returns the named attribute."""
import importlib


def import_string(dotted_path):
    try:
        module_path, name = dotted_path.rsplit('.', 1)
    except ValueError:
        raise ImportError("%s doesn't look like a module path" % dotted_path)
    module = importlib.import_module(module_path)
    try:
        return getattr(module, name)
    except AttributeError:
        raise ImportError('Module "%s" does not define a "%s" attribute/class' % (module_path, name))
