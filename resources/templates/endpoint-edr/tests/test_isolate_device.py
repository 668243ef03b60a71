from connector_studio_helpers import replay


def test_isolate_device_template():
    recorded, result = replay("isolate_device-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
