"""Shim of ``connectors.cyops_utilities.crudhub``: ``make_cyops_request`` calls FortiSOAR's API with the
appliance's HMAC keys on the server; here it goes to the simulated platform through ``integrations.crudhub``
(the same records, the same answers and errors)."""
from integrations.crudhub import make_file_upload_request, make_request, maybe_json_or_raise  # noqa: F401


def make_cyops_request(iri=None, method='GET', body=None, *args, **kwargs):
    """``make_request`` as playbook steps call it: keyword ``iri``, ``method`` and ``body`` (others, such as
    ``env``, are the step's and ignored)."""
    return make_request(iri, method, body)
