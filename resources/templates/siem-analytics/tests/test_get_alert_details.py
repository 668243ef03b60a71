from connector_studio_helpers import replay


def test_get_alert_details_template():
    recorded, result = replay("get_alert_details-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
