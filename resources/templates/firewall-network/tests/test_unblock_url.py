from connector_studio_helpers import replay


def test_unblock_url_template():
    recorded, result = replay("unblock_url-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
