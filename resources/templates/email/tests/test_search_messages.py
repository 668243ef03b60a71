from connector_studio_helpers import replay


def test_search_messages_template():
    recorded, result = replay("search_messages-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
