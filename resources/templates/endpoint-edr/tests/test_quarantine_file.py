from connector_studio_helpers import replay


def test_quarantine_file_template():
    recorded, result = replay("quarantine_file-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
