"""``django.utils.module_loading``."""
from typing import Any

def import_string(dotted_path: str) -> Any:
    """Imports a dotted path (``package.module.Name``) and returns the named attribute; raises ImportError."""
