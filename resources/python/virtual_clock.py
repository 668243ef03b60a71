"""A virtual clock for ingestion runs (src/main/services/ingestion): the connector's own clock and the playbooks'
``arrow.utcnow()`` read it, so N scheduled pulls run one after another without waiting and a replay sees the
times its recording saw.

The clock stands still inside a pull (so a replayed request carries the same time as the recorded one) and moves
only when the run advances it to the next pull, or when code sleeps: ``time.sleep(n)`` moves it by n, so a
connector that waits for a deadline still gets there. ``time.monotonic`` and ``perf_counter`` stay real: sockets
and timeouts use them.
"""
import contextlib
import datetime as _datetime_module
import time as _time_module

_real_time = _time_module.time
_real_sleep = _time_module.sleep
_RealDatetime = _datetime_module.datetime
_RealDate = _datetime_module.date


class Clock(object):
    def __init__(self, start_epoch):
        self.now = float(start_epoch)

    def advance(self, seconds):
        self.now += float(seconds)


_clock = None


def current():
    """The running clock's epoch seconds, or the real time when no virtual clock is installed."""
    return _clock.now if _clock is not None else _real_time()


class _Same(type):
    """isinstance(a real datetime, datetime.datetime) stays true while the name is patched."""

    def __instancecheck__(cls, obj):
        return isinstance(obj, cls.__bases__[0])

    def __subclasscheck__(cls, sub):
        return issubclass(sub, cls.__bases__[0])


class VirtualDatetime(_RealDatetime, metaclass=_Same):
    """datetime.datetime whose now/utcnow/today read the virtual clock."""

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(current(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(current())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(current())


class VirtualDate(_RealDate, metaclass=_Same):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(current())


def _sleep(seconds):
    if _clock is not None:
        _clock.advance(max(float(seconds or 0), 0))
    _real_sleep(seconds)


def _patch_arrow(saved):
    try:
        import arrow
    except ImportError:
        return
    from dateutil import tz as dateutil_tz

    def utcnow():
        return arrow.Arrow.fromtimestamp(current(), tzinfo=dateutil_tz.tzutc())

    def now(tz=None):
        zone = dateutil_tz.tzlocal() if tz is None else (dateutil_tz.gettz(tz) if isinstance(tz, str) else tz)
        return arrow.Arrow.fromtimestamp(current(), tzinfo=zone)

    for owner, name, value in ((arrow, 'utcnow', utcnow), (arrow, 'now', now),
                               (arrow.Arrow, 'utcnow', classmethod(lambda cls: utcnow())),
                               (arrow.Arrow, 'now', classmethod(lambda cls, tzinfo=None: now(tzinfo)))):
        saved.append((owner, name, owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name)))
        setattr(owner, name, value)
    # arrow.get() with no argument is "now" too: arrow.api.get goes through the factory's utcnow.
    factory = arrow.api._factory
    saved.append((factory, 'utcnow', None))
    factory.utcnow = lambda: utcnow()


@contextlib.contextmanager
def installed(start_epoch):
    """Installs a virtual clock starting at ``start_epoch`` for the block; yields the Clock to advance."""
    global _clock
    saved = []
    _clock = Clock(start_epoch)
    _time_module.time = lambda: current()
    _time_module.sleep = _sleep
    _datetime_module.datetime = VirtualDatetime
    _datetime_module.date = VirtualDate
    _patch_arrow(saved)
    try:
        yield _clock
    finally:
        _time_module.time = _real_time
        _time_module.sleep = _real_sleep
        _datetime_module.datetime = _RealDatetime
        _datetime_module.date = _RealDate
        for owner, name, value in reversed(saved):
            if value is None:
                with contextlib.suppress(AttributeError):
                    delattr(owner, name)
            else:
                setattr(owner, name, value)
        _clock = None
