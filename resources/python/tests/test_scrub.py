"""secret_forms: every encoding a client library or a logging call gives a secret is listed and scrubbed, what
the list misses is found by decoding, and a scrubbed text is restored exactly. Run: python3 -m pytest
resources/python/tests (requests must be installed, as for the runtime)."""
import base64
import json
import os
import sys
from urllib.parse import quote, quote_plus, urlencode

import pytest
import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from host_rule import rule, wire  # noqa: E402
from secret_forms import MASK, Scrubber, encoded_forms, log_scrubber  # noqa: E402

USER = 'svc-user'
HOSTILE = ['Cänary2 "q" \\ ~ x', 'p@ss/wo+rd=&?#%', "it's \"both\" \\\\", 'sn\u00f8w \u2603 \U0001F600 key', 'abcd']


def library_encodings(secret):
    """What real code does with a secret: each is a place it must not survive."""
    out = {
        'raw': secret,
        'json': json.dumps({'pw': secret}),
        'json utf-8': json.dumps({'pw': secret}, ensure_ascii=False),
        'json in json': json.dumps({'o': json.dumps({'pw': secret})}),
        'json in json utf-8': json.dumps({'o': json.dumps({'pw': secret}, ensure_ascii=False)}, ensure_ascii=False),
        'json in json in json': json.dumps({'a': json.dumps({'b': json.dumps({'pw': secret})})}),
        'quote': quote(secret, safe=''),
        'quote safe /': quote(secret, safe='/'),
        'requests quote': requests.utils.quote(secret),
        'quote_plus': quote_plus(secret),
        'urlencode': urlencode({'k': secret}),
        'prepared url': requests.Request('GET', 'http://h/x', params={'k': secret}).prepare().url,
        'prepared form': requests.Request('POST', 'http://h/x', data={'k': secret}).prepare().body,
        'prepared json': requests.Request('POST', 'http://h/x', json={'a': [{'k': secret}]}).prepare().body.decode(),
        'basic utf-8': base64.b64encode((USER + ':' + secret).encode()).decode(),
        'base64': base64.b64encode(secret.encode()).decode(),
        'base64url': base64.urlsafe_b64encode(secret.encode()).decode(),
        'repr': repr({'pw': secret}),
        'repr bytes': repr(secret.encode()),
        'utf-8 read as latin-1': secret.encode().decode('latin-1'),
        'in a sentence': 'token=%s; next' % secret,
    }
    try:
        raw = secret.encode('latin-1')
    except UnicodeEncodeError:
        return out
    out.update({
        'quote latin-1': quote(secret, safe='', encoding='latin-1'),
        'quote_plus latin-1': quote_plus(secret, encoding='latin-1'),
        'basic (requests, latin-1)': requests.auth._basic_auth_str(USER, secret),
        'base64 latin-1': base64.b64encode(raw).decode(),
    })
    return out


def scrubber(secret, **kw):
    s = Scrubber(rule(), **kw)
    s.add('password', secret)
    s.add_named({'username': USER})
    return s


def assert_clean(s, text):
    assert not s.found_in(text), text
    assert s.secrets and all(value not in text for value in s.secrets), text


@pytest.mark.parametrize('secret', HOSTILE)
def test_the_list_has_every_form_the_brief_names(secret):
    texts = {text for _, text in encoded_forms(secret, [USER])}
    expected = [secret, json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1],
                json.dumps(json.dumps(secret)[1:-1])[1:-1], quote(secret, safe=''), quote_plus(secret), quote(secret),
                base64.b64encode(secret.encode()).decode(), base64.b64encode((USER + ':' + secret).encode()).decode()]
    assert [e for e in expected if len(e) >= 4 and e not in texts] == []


@pytest.mark.parametrize('secret', HOSTILE)
def test_every_library_encoding_is_scrubbed_and_restored_exactly(secret):
    s = scrubber(secret)
    for name, text in library_encodings(secret).items():
        scrubbed = s.text(text)
        assert_clean(s, scrubbed)
        assert '<scrubbed:password' in scrubbed, name
        assert s.text(scrubbed) == scrubbed, name  # scrubbing twice changes nothing
        assert s.restore(scrubbed) == text, name


@pytest.mark.parametrize('secret', HOSTILE)
def test_log_masking_leaves_no_form(secret):
    s = scrubber(secret, mark=lambda field, tag: MASK)
    for name, text in library_encodings(secret).items():
        masked = s.text(text)
        assert_clean(s, masked)
        assert MASK in masked, name


@pytest.mark.parametrize('text', [
    json.dumps({'pw': 'Cänary2 "q" \\ ~ x'}).replace('"C', '"\\u0043'),  # escapes no encoder makes by default
    'q=' + quote('Cänary2 "q" \\ ~ x', safe='"~ '),  # other safe characters
    'form=' + quote_plus(json.dumps({'pw': 'Cänary2 "q" \\ ~ x'})),  # JSON as a form field
    json.dumps({'o': 'a=1&pw=' + quote_plus('Cänary2 "q" \\ ~ x')}),  # a query string inside JSON
])
def test_what_the_list_misses_is_found_by_decoding(text):
    s = scrubber('Cänary2 "q" \\ ~ x')
    scrubbed = s.text(text)
    assert_clean(s, scrubbed)
    assert 'C\\u0043' not in scrubbed and 'nary2' not in scrubbed


def test_a_short_secret_in_basic_auth_is_found_by_decoding():
    s = scrubber('abcd')
    basic = base64.b64encode(b'someone-else:abcd').decode()
    assert base64.b64decode(s.text(basic)).decode() == 'someone-else:<scrubbed:password:parsed>'


def test_ordinary_text_is_left_alone():
    s = scrubber('Cänary2 "q" \\ ~ x')
    for text in ['GET /api/v1/items?q=a+b&page=%32 HTTP/1.1', 'dXNlcjpwYXNzd29yZA==', '{"a": [1, "b"]}',
                 'connector failed: 100% done', '********', '<scrubbed:other>']:
        assert s.text(text) == text


def test_values_learnt_as_forms_of_a_known_secret_are_not_new_secrets():
    s = scrubber('Cänary2 x')
    s.add_named({'x-api-key': 'Cänary2 x'.encode().decode('latin-1'), 'access_token': 'tok-123456'}, users=False)
    assert sorted(s.secrets.values()) == ['access_token', 'password']


def test_the_same_field_twice_gets_two_placeholders():
    s = Scrubber()
    s.add('access_token', 'first-token')
    s.add('access_token', 'second-token')
    scrubbed = s.text('first-token second-token')
    assert scrubbed == '<scrubbed:access_token> <scrubbed:access_token-2>'
    assert s.restore(scrubbed) == 'first-token second-token'


def test_parsed_structures_keys_and_nested_json_strings():
    s = scrubber('Cänary2 "q" \\ ~ x')
    data = {'headers': {'X-Key': 'Cänary2 "q" \\ ~ x'}, 'Cänary2 "q" \\ ~ x': 1,
            'body': json.dumps({'inner': json.dumps({'pw': 'Cänary2 "q" \\ ~ x'})})}
    cleaned = s.value(data)
    assert_clean(s, json.dumps(cleaned, ensure_ascii=False))
    assert_clean(s, json.dumps(cleaned))


def test_log_scrubber_takes_password_fields_and_secret_named_keys():
    s = log_scrubber({'config': {'pin': '98765', 'server': 'https://h', 'api_key': 'k-1234', 'token_type': 'Bearer'},
                      'secrets': wire(['pin'])})
    assert sorted(s.secrets) == ['98765', 'k-1234']
    assert s.text('pin 98765 key k-1234 at https://h Bearer') == 'pin ******** key ******** at https://h Bearer'
    hook = log_scrubber({'type': 'hook', 'args': [{'pin': 'old-pin'}, {'pin': 'new-pin'}, True],
                         'secrets': wire(['pin'])})
    assert sorted(hook.secrets) == ['new-pin', 'old-pin']


def test_without_the_host_rule_nothing_is_secret_by_name():
    assert log_scrubber({'config': {'api_key': 'k-1234', 'password': 'hunter22'}}).secrets == {}


def test_names_are_secret_by_their_last_word_as_the_host_decides():
    config = {'bypass_proxy': 'sometimes', 'password_hint': 'the dog', 'token_url': 'https://h/t',
              'client_secret': 'cs-9876', 'nested': [{'accessToken': 'at-5432'}]}
    s = log_scrubber({'config': config, 'secrets': wire()})
    assert sorted(s.secrets) == ['at-5432', 'cs-9876']
