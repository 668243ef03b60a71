from connector_studio_helpers import replay


def test_run_search_template():
    recorded, result = replay("run_search-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
