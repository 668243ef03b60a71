from connector_studio_helpers import replay


def test_enable_user_template():
    recorded, result = replay("enable_user-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
