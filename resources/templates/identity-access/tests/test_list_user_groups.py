from connector_studio_helpers import replay


def test_list_user_groups_template():
    recorded, result = replay("list_user_groups-template")
    assert result['status'] == recorded['result']['status'], result['message']
    assert result['data'] == recorded['result']['data']
    assert result['errorLogs'] == recorded['result']['errorLogs']
