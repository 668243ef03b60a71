"""Connector Studio host bridge (not a FortiSOAR module).

The shims record what a real server would have done (configuration updates, ingested records, CRUD Hub
requests, files) into the current call through this module; runner.py sets ``effects`` around each call and
returns it to the host. Paths come from the host in environment variables so the worker needs no arguments.
"""
import os
import tempfile
import uuid

DATA_DIR = os.environ.get('CS_DATA_DIR') or tempfile.gettempdir()
ATTACHMENTS_DIR = os.environ.get('CS_ATTACHMENTS_DIR') or os.path.join(DATA_DIR, 'attachments')
# Real connectors hard-code '/tmp/' as often as they use settings.TMP_FILE_ROOT, so use the system temp folder.
TMP_ROOT = os.path.join(tempfile.gettempdir(), '')

effects = None  # dict of lists while a call runs, None between calls
_created = []


def record(kind, item):
    """Appends ``item`` to the current call's ``kind`` list (configUpdates, ingested, crudhubRequests...)."""
    if effects is not None:
        effects.setdefault(kind, []).append(item)


def new_tmp_path(filename=''):
    """A fresh file name under TMP_ROOT, removed when the worker exits; returns (absolute path, name)."""
    name = 'cs_' + uuid.uuid4().hex[:12] + (('_' + os.path.basename(filename)) if filename else '')
    path = os.path.join(TMP_ROOT, name)
    _created.append(path)
    return path, name


def cleanup():
    for path in _created:
        try:
            os.remove(path)
        except OSError:
            pass
    del _created[:]
