"""Shim of ``connectors.cyops_utilities.files``: the server's file helpers, which ``builtins`` re-exports, are
importable from this module too (cicd-utils imports save_file_in_env, download_file_from_cyops and
upload_file_to_cyops from here)."""
import os

import _studio_host
from connectors.cyops_utilities.builtins import (FileMetadata, calculate_hashes, check_file_traversal,  # noqa: F401
                                                 create_cyops_attachment, create_file_from_string,
                                                 download_file_from_cyops, save_file_in_env, upload_file_to_cyops)


def get_ingestion_base_dir(*args, **kwargs):
    """The folder where feed connectors write files for ingestion (under the host's data folder here)."""
    path = os.path.join(_studio_host.DATA_DIR, 'ingestion', '')
    os.makedirs(path, exist_ok=True)
    return path
