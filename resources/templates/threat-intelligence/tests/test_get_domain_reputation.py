from connector_studio_helpers import replay


def test_get_domain_reputation_template():
    recorded, result = replay("get_domain_reputation-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
