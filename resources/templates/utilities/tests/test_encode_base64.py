from connector_studio_helpers import replay


def test_encode_base64_template():
    recorded, result = replay("encode_base64-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
