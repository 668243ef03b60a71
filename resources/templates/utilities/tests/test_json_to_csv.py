from connector_studio_helpers import replay


def test_json_to_csv_template():
    recorded, result = replay("json_to_csv-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
