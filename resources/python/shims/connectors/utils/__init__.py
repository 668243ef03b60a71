"""Shim of ``connectors.utils``: ``manage_password`` decrypts vault-stored values on the server; here values
pass through unchanged."""
from integrations.password_utils import manage_password  # noqa: F401
