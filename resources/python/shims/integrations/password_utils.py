"""Shim of ``integrations.password_utils``: the server encrypts/decrypts vault values; here values pass through."""


def manage_password(data=None, action=None, force=None, *args, **kwargs):
    return data
