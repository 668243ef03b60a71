from connector_studio_helpers import replay


def test_release_message_template():
    recorded, result = replay("release_message-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
