from connector_studio_helpers import replay


def test_quarantine_message_template():
    recorded, result = replay("quarantine_message-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
