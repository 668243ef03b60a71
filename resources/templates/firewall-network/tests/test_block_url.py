from connector_studio_helpers import replay


def test_block_url_template():
    recorded, result = replay("block_url-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
