"""cassette: record writes real exchanges with every secret scrubbed, replay answers without the network from
the recording with the same method, URL and body, and gives each secret back in the form it was recorded in."""
import base64
import json
import os

import pytest
import requests

import cassette
from host_rule import rule

PASSWORD = 'p@ss/wo+rd=&?#%'
TOKEN = 'tok-9f8e7d6c5b4a'


def pin_rule():
    """What the host sends for a connector with a text ``server`` and a password ``pin`` field."""
    return rule(['pin'])


def login_routes(server):
    def login(path, body):
        return 200, {'X-Session-Token': TOKEN}, {'access_token': TOKEN, 'token_type': 'Bearer', 'form': body.decode()}

    def items(path, body):
        return 200, {}, {'items': [path]}
    server.routes = {('POST', '/login'): login, ('GET', '/items'): items}


def session_calls(url):
    """What a typical connector does: a form login with the PIN in Basic auth, then a call with the token."""
    login = requests.post(url + '/login', data={'pin': PASSWORD}, auth=('svc', PASSWORD)).json()
    items = requests.get(url + '/items', params={'q': 'x'},
                         headers={'Authorization': 'Bearer ' + login['access_token']}).json()
    return login, items


def test_record_writes_the_exchanges_with_every_secret_scrubbed(tmp_path, server):
    login_routes(server)
    secrets, path = pin_rule(), str(tmp_path / 'tape.json')
    config = {'server': server.url, 'pin': PASSWORD, 'api_key': 'key-1234567'}
    with cassette.activate({'mode': 'record', 'path': path}, config, secrets) as tape:
        session_calls(server.url)
        requests.get(server.url + '/items', headers={'X-Api-Key': config['api_key']})
    assert tape.mode == 'record' and len(server.seen) == 3
    text = open(path, encoding='utf-8').read()
    for secret in (PASSWORD, TOKEN, 'key-1234567', base64.b64encode(('svc:' + PASSWORD).encode()).decode(),
                   requests.utils.quote(PASSWORD, safe='')):
        assert secret not in text
    data = json.loads(text)
    assert data['version'] == 1
    login, items = data['interactions'][0], data['interactions'][1]
    assert login['request']['method'] == 'POST' and login['request']['url'] == server.url + '/login'
    assert '<scrubbed:pin' in login['request']['body']['text']
    assert login['request']['headers']['Authorization'].startswith('Basic ')
    assert '<scrubbed:pin' in login['request']['headers']['Authorization']
    assert '<scrubbed:access_token' in login['response']['body']['text']
    assert items['request']['headers']['Authorization'] == 'Bearer <scrubbed:access_token>'
    assert 'Content-Length' not in items['response']['headers']  # replay computes it
    assert not [n for n in os.listdir(tmp_path) if n.startswith('.cassette-')]  # written atomically


def test_replay_answers_without_the_network_and_restores_the_configuration_secrets(tmp_path, server):
    login_routes(server)
    secrets, path = pin_rule(), str(tmp_path / 'tape.json')
    config = {'server': server.url, 'pin': PASSWORD}
    original = requests.adapters.HTTPAdapter.send
    with cassette.activate({'mode': 'record', 'path': path}, config, secrets):
        recorded_login, recorded_items = session_calls(server.url)
    server.routes = {}
    with cassette.activate({'mode': 'replay', 'path': path}, config, secrets) as tape:
        login, items = session_calls(server.url)
    assert len(server.seen) == 2  # only the recording's
    assert tape.misses == [] and items == recorded_items
    # The PIN comes from the configuration, so the vendor's echo of it is restored exactly; the vendor's token
    # was never stored anywhere, so the connector gets its placeholder and sends it back, which still matches.
    assert login['form'] == recorded_login['form'] == 'pin=' + requests.utils.quote(PASSWORD, safe='')
    assert login['access_token'] == '<scrubbed:access_token>'
    assert requests.adapters.HTTPAdapter.send is original


def test_replay_matches_method_url_and_body_and_names_a_miss(tmp_path, server):
    server.routes = {('POST', '/search'): lambda path, body: (200, {}, {'echo': body.decode()})}
    secrets, path = pin_rule(), str(tmp_path / 'tape.json')
    with cassette.activate({'mode': 'record', 'path': path}, {}, secrets):
        requests.post(server.url + '/search', json={'q': 'a'})
        requests.post(server.url + '/search', json={'q': 'b'})
    with cassette.activate({'mode': 'replay', 'path': path}, {}, secrets) as tape:
        assert requests.post(server.url + '/search', json={'q': 'b'}).json() == {'echo': '{"q": "b"}'}
        assert requests.post(server.url + '/search', json={'q': 'a'}).json() == {'echo': '{"q": "a"}'}
        with pytest.raises(requests.exceptions.ConnectionError, match='no recorded response for GET '):
            requests.get(server.url + '/search')
        with pytest.raises(requests.exceptions.ConnectionError, match='no recorded response for POST '):
            requests.post(server.url + '/search', json={'q': 'c'})
    assert len(tape.misses) == 2 and 'tape.json: record again' in tape.misses[0]
    reply = cassette.explain_misses(tape, {'status': 'Failed', 'message': 'Cannot reach the server'})
    assert reply['message'] == 'Replay: %s. The connector reported: Cannot reach the server' % tape.misses[0]
    assert cassette.explain_misses(tape, {'status': 'Success', 'message': ''})['message'] == ''


def test_the_same_request_twice_gets_each_recording_in_turn_then_the_last(tmp_path, server):
    counter = []

    def count(path, body):
        counter.append(1)
        return 200, {}, {'n': len(counter)}
    server.routes = {('GET', '/poll'): count}
    secrets, path = pin_rule(), str(tmp_path / 'tape.json')
    with cassette.activate({'mode': 'record', 'path': path}, {}, secrets):
        for _ in range(2):
            requests.get(server.url + '/poll')
    with cassette.activate({'mode': 'replay', 'path': path}, {}, secrets):
        assert [requests.get(server.url + '/poll').json()['n'] for _ in range(3)] == [1, 2, 2]


def test_a_token_learnt_later_is_scrubbed_from_earlier_exchanges(tmp_path, server):
    server.routes = {('GET', '/echo'): lambda path, body: (200, {}, {'path': path}),
                     ('GET', '/token'): (200, {}, {'refresh_token': 'rt-abcdef123'})}
    secrets, path = pin_rule(), str(tmp_path / 'tape.json')
    with cassette.activate({'mode': 'record', 'path': path}, {}, secrets):
        requests.get(server.url + '/echo', params={'seen': 'rt-abcdef123'})
        requests.get(server.url + '/token')
    assert 'rt-abcdef123' not in open(path, encoding='utf-8').read()


def test_a_binary_body_is_kept_as_base64_and_scrubbed(tmp_path, server):
    payload = b'\xff\x00' + PASSWORD.encode() + b'\xfe'
    server.routes = {('GET', '/blob'): (200, {'Content-Type': 'application/octet-stream'}, payload)}
    secrets, path = pin_rule(), str(tmp_path / 'tape.json')
    with cassette.activate({'mode': 'record', 'path': path}, {'pin': PASSWORD}, secrets):
        assert requests.get(server.url + '/blob').content == payload
    body = json.loads(open(path, encoding='utf-8').read())['interactions'][0]['response']['body']
    assert PASSWORD.encode() not in base64.b64decode(body['base64'])
    assert b'<scrubbed:pin' in base64.b64decode(body['base64'])


def test_a_call_that_makes_no_request_leaves_an_empty_cassette(tmp_path):
    path = str(tmp_path / 'sub' / 'tape.json')
    with cassette.activate({'mode': 'record', 'path': path}, {}, pin_rule()):
        pass
    assert json.loads(open(path, encoding='utf-8').read()) == {'interactions': [], 'version': 1}


def test_no_spec_patches_nothing():
    before = requests.adapters.HTTPAdapter.send
    with cassette.activate(None, {}, None) as tape:
        assert tape is None and requests.adapters.HTTPAdapter.send is before


@pytest.mark.parametrize('mode, content, error', [
    ('stream', None, 'cassette mode must be "record" or "replay"'),
    ('replay', None, 'cannot read the cassette'),
    ('replay', '{broken', 'is not a valid cassette'),
    ('replay', '[]', 'is not a valid cassette'),
])
def test_a_bad_spec_or_cassette_is_refused_with_the_reason(tmp_path, mode, content, error):
    path = tmp_path / 'tape.json'
    if content is not None:
        path.write_text(content)
    with pytest.raises((ValueError, IOError), match=error):
        cassette.Cassette(mode, str(path), {}, pin_rule())


def test_write_atomic_refuses_a_cassette_that_would_still_hold_a_secret(tmp_path):
    scrub = cassette.Scrubber()
    scrub.add('pin', PASSWORD)
    path = tmp_path / 'tape.json'
    with pytest.raises(ValueError, match='a secret would still be in the cassette'):
        cassette.write_atomic(str(path), {'interactions': [{'leak': 'x' + PASSWORD}]}, scrub)
    assert not path.exists() and os.listdir(tmp_path) == []
