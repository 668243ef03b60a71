"""``connectors.debug_utils``: debugging helpers of the server."""
