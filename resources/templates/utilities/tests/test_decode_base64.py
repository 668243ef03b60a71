from connector_studio_helpers import replay


def test_decode_base64_template():
    recorded, result = replay("decode_base64-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
