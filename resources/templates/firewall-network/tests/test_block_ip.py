from connector_studio_helpers import replay


def test_block_ip_template():
    recorded, result = replay("block_ip-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
