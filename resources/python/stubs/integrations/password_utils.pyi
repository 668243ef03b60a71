"""``integrations.password_utils``: values of password fields stored in the server's vault."""
from typing import Any

def manage_password(data: Any = None, action: Any = None, force: Any = None, *args: Any, **kwargs: Any) -> Any:
    """Encrypts or decrypts (``action='decrypt'``) a vault-stored value on the server; the simulator passes
    values through unchanged."""
