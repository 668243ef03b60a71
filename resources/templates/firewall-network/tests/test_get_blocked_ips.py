from connector_studio_helpers import replay


def test_get_blocked_ips_template():
    recorded, result = replay("get_blocked_ips-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
