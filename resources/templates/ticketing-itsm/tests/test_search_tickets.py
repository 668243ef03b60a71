from connector_studio_helpers import replay


def test_search_tickets_template():
    recorded, result = replay("search_tickets-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
