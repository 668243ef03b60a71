"""``connectors.cyops_utilities.crudhub``: calls FortiSOAR's own REST API from a connector."""
from typing import Any

from integrations.crudhub import make_file_upload_request as make_file_upload_request
from integrations.crudhub import make_request as make_request
from integrations.crudhub import maybe_json_or_raise as maybe_json_or_raise

def make_cyops_request(iri: Any = None, method: str = 'GET', body: Any = None, *args: Any, **kwargs: Any) -> Any:
    """Calls FortiSOAR's API (``/api/3/...``) signed with the appliance's HMAC keys and returns the JSON answer.
    Connector Studio records the request and answers it locally (there is no server)."""
