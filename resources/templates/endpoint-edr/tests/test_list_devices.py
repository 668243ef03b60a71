from connector_studio_helpers import replay


def test_list_devices_template():
    recorded, result = replay("list_devices-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
