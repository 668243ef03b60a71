"""Shim of ``uwsgi``, the module the server's application server exposes to Python code.

Connectors use its cache and lock helpers to share state between server workers; here there is one worker,
so the cache is a dict and locks are no-ops.
"""
_cache = {}
opt = {}
numproc = 1


def worker_id():
    return 1


def lock(*args):
    pass


def unlock(*args):
    pass


def cache_get(key, cache=None):
    return _cache.get((cache, key))


def cache_set(key, value, expires=0, cache=None):
    _cache[(cache, key)] = value
    return True


cache_update = cache_set


def cache_exists(key, cache=None):
    return (cache, key) in _cache


def cache_del(key, cache=None):
    return _cache.pop((cache, key), None) is not None


def cache_clear(cache=None):
    for k in [k for k in _cache if k[0] == cache]:
        del _cache[k]
