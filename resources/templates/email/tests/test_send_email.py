from connector_studio_helpers import replay


def test_send_email_template():
    recorded, result = replay("send_email-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
