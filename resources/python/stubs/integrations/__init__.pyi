"""The server's ``integrations`` app: the CRUD Hub client connectors import from ``integrations.crudhub``."""
