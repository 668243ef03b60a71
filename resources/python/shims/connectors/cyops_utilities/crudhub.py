"""Shim of ``connectors.cyops_utilities.crudhub``: ``make_cyops_request`` calls FortiSOAR's API with the
appliance's HMAC keys on the server; here it goes to the simulated CRUD Hub of ``integrations.crudhub``."""
from integrations.crudhub import make_request, maybe_json_or_raise  # noqa: F401


def make_cyops_request(iri=None, method='GET', body=None, *args, **kwargs):
    return make_request(iri, method, body)
