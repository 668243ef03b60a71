from connector_studio_helpers import replay


def test_add_comment_template():
    recorded, result = replay("add_comment-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
