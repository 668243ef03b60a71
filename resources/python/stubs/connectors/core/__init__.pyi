"""``connectors.core``: the base class, result envelope, constants and helpers connectors import."""
