"""``connectors.cyops_utilities.files``: the file helpers, also importable from this module."""
from typing import Any

from connectors.cyops_utilities.builtins import create_cyops_attachment as create_cyops_attachment
from connectors.cyops_utilities.builtins import create_file_from_string as create_file_from_string
from connectors.cyops_utilities.builtins import download_file_from_cyops as download_file_from_cyops
from connectors.cyops_utilities.builtins import save_file_in_env as save_file_in_env
from connectors.cyops_utilities.builtins import upload_file_to_cyops as upload_file_to_cyops

def check_file_traversal(file_path: Any, *args: Any, **kwargs: Any) -> str:
    """Returns the absolute path of ``file_path`` under TMP_FILE_ROOT; raises ConnectorError if it points
    outside (the server refuses reads outside /tmp)."""

def get_ingestion_base_dir(*args: Any, **kwargs: Any) -> str:
    """The folder where data-ingestion (feed) connectors write files for the ingestion playbook."""
