"""``uwsgi``: the module the server's application server (uWSGI) exposes to Python code.

Connectors use its cache and lock helpers to share state between server workers. The simulator has one
worker: the cache is a dict and locks do nothing.
"""
from typing import Any

opt: dict[str, Any]
"""uWSGI's options."""
numproc: int
"""Number of worker processes."""

def worker_id() -> int:
    """The id of the worker running this code."""

def lock(*args: Any) -> None:
    """Takes a lock shared by all workers."""

def unlock(*args: Any) -> None:
    """Releases the lock taken with ``lock``."""

def cache_get(key: Any, cache: Any = None) -> Any:
    """The cached value of ``key`` (bytes on the server), or None."""

def cache_set(key: Any, value: Any, expires: int = 0, cache: Any = None) -> bool:
    """Stores ``value`` under ``key`` unless it exists; ``expires`` in seconds (0: never)."""

def cache_update(key: Any, value: Any, expires: int = 0, cache: Any = None) -> bool:
    """Stores ``value`` under ``key``, replacing any value."""

def cache_exists(key: Any, cache: Any = None) -> bool:
    """Whether ``key`` is cached."""

def cache_del(key: Any, cache: Any = None) -> bool:
    """Removes ``key`` from the cache."""

def cache_clear(cache: Any = None) -> None:
    """Empties the cache."""
