from connector_studio_helpers import replay


def test_reset_password_template():
    recorded, result = replay("reset_password-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
