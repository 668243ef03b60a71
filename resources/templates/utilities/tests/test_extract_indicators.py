from connector_studio_helpers import replay


def test_extract_indicators_template():
    recorded, result = replay("extract_indicators-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
