from connector_studio_helpers import replay


def test_revoke_sessions_template():
    recorded, result = replay("revoke_sessions-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
