"""``connectors.cyops_utilities.files``: the file helpers, also importable from this module."""
from typing import Any

from connectors.cyops_utilities.builtins import FileMetadata as FileMetadata
from connectors.cyops_utilities.builtins import calculate_hashes as calculate_hashes
from connectors.cyops_utilities.builtins import check_file_traversal as check_file_traversal
from connectors.cyops_utilities.builtins import create_cyops_attachment as create_cyops_attachment
from connectors.cyops_utilities.builtins import create_file_from_string as create_file_from_string
from connectors.cyops_utilities.builtins import download_file_from_cyops as download_file_from_cyops
from connectors.cyops_utilities.builtins import save_file_in_env as save_file_in_env
from connectors.cyops_utilities.builtins import upload_file_to_cyops as upload_file_to_cyops

def get_ingestion_base_dir(*args: Any, **kwargs: Any) -> str:
    """The folder where data-ingestion (feed) connectors write files for the ingestion playbook."""
