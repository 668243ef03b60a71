from connector_studio_helpers import replay


def test_compute_hash_template():
    recorded, result = replay("compute_hash-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
