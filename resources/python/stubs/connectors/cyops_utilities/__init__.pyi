"""``connectors.cyops_utilities``: the server's file, attachment and CRUD Hub helpers."""
