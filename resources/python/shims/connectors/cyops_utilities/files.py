"""Shim of ``connectors.cyops_utilities.files``: the file helpers, also importable from this module."""
import os

import _studio_host
from connectors.cyops_utilities.builtins import (create_cyops_attachment, create_file_from_string,  # noqa: F401
                                                 download_file_from_cyops, save_file_in_env, upload_file_to_cyops)


def check_file_traversal(file_path, *args, **kwargs):
    """Raises unless the path stays inside TMP_FILE_ROOT (the server refuses reads outside /tmp)."""
    root = os.path.realpath(_studio_host.TMP_ROOT)
    full = os.path.realpath(os.path.join(root, file_path))
    if os.path.commonpath([root, full]) != root:
        from connectors.core.base_connector import ConnectorError
        raise ConnectorError('File path %s points outside %s' % (file_path, root))
    return full


def get_ingestion_base_dir(*args, **kwargs):
    """The folder where feed connectors write files for ingestion (under the host's data folder here)."""
    path = os.path.join(_studio_host.DATA_DIR, 'ingestion', '')
    os.makedirs(path, exist_ok=True)
    return path
