from connector_studio_helpers import replay


def test_update_ticket_template():
    recorded, result = replay("update_ticket-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
