from connector_studio_helpers import replay


def test_disable_user_template():
    recorded, result = replay("disable_user-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
