from connector_studio_helpers import replay


def test_get_alerts_template():
    recorded, result = replay("get_alerts-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
