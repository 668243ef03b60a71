from connector_studio_helpers import replay


def test_unisolate_device_template():
    recorded, result = replay("unisolate_device-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
