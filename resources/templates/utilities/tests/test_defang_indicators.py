from connector_studio_helpers import replay


def test_defang_indicators_template():
    recorded, result = replay("defang_indicators-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
