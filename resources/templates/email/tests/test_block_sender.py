from connector_studio_helpers import replay


def test_block_sender_template():
    recorded, result = replay("block_sender-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
