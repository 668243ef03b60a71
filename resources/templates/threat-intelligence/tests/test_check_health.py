from connector_studio_helpers import replay


def test_check_health_template():
    recorded, result = replay("check_health-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
