from connector_studio_helpers import replay


def test_unblock_ip_template():
    recorded, result = replay("unblock_ip-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
