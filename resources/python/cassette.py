"""Record and replay of the HTTP a connector makes through ``requests``, one call at a time.

A request carrying ``cassette: {"mode": "record"|"replay", "path": FILE}`` runs with
``requests.adapters.HTTPAdapter.send`` patched:
  record: the real request is made, and {request: {method, url, headers, body}, response: {status, headers,
          body}} is appended to the cassette, which is rewritten (atomically, sorted keys) after each exchange.
  replay: no network; each request is answered by the first unused recorded exchange with the same method,
          URL and body, or fails with a ConnectionError naming it.
Secrets are scrubbed on write: every configuration value of a password field (info.json) or of a key named
like password/token/secret/api_key, and such values the vendor returns, become ``<scrubbed:FIELD>`` in URLs,
headers and bodies, in plain, base64 and URL-encoded forms. A replayed request is scrubbed the same way before
it is compared, so matching still works.
"""
import base64
import binascii
import contextlib
import json
import logging
import os
import re
import tempfile
from urllib.parse import quote, quote_plus

SECRET_KEY = re.compile(r'pass(word|wd)?|token|secret|api[-_]?key|apikey|private[-_]?key', re.I)
NOT_SECRET = re.compile(r'type|expir|url|endpoint|scope', re.I)  # token_type: Bearer is no secret
B64_TOKEN = re.compile(r'[A-Za-z0-9+/_-]{8,}={0,2}')
MIN_SECRET = 4
DROP_RESPONSE_HEADERS = ('content-encoding', 'content-length', 'transfer-encoding')


def password_fields(folder):
    """Names of the configuration fields of type password, onchange branches included."""
    names = set()

    def walk(fields):
        for f in fields or []:
            if not isinstance(f, dict):
                continue
            if f.get('type') == 'password' and isinstance(f.get('name'), str):
                names.add(f['name'])
            for branch in (f.get('onchange') or {}).values() if isinstance(f.get('onchange'), dict) else []:
                walk(branch)

    try:
        with open(os.path.join(folder, 'info.json'), encoding='utf-8') as fh:
            info = json.load(fh)
        walk((info.get('configuration') or {}).get('fields'))
    except (OSError, ValueError, AttributeError):
        pass
    return names


class Scrubber(object):
    def __init__(self):
        self.secrets = {}  # value -> field name

    def add(self, field, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and len(value) >= MIN_SECRET and value not in self.secrets:
            self.secrets[value] = field

    def add_named(self, data, names=()):
        """Values of keys in ``names`` or named like a secret, anywhere in a JSON-like value."""
        if isinstance(data, dict):
            for k, v in data.items():
                if isinstance(v, (dict, list)):
                    self.add_named(v, names)
                elif k in names or (SECRET_KEY.search(str(k)) and not NOT_SECRET.search(str(k))):
                    self.add(str(k), v)
        elif isinstance(data, list):
            for v in data:
                self.add_named(v, names)

    def _forms(self):
        forms = []
        for value, field in self.secrets.items():
            mark = '<scrubbed:%s>' % field
            raw = value.encode('utf-8')
            for form in (value, quote(value, safe=''), quote_plus(value), quote(value),
                         base64.b64encode(raw).decode('ascii'), base64.b64encode(raw).decode('ascii').rstrip('='),
                         base64.urlsafe_b64encode(raw).decode('ascii').rstrip('=')):
                forms.append((form, mark))
        forms.sort(key=lambda p: -len(p[0]))  # longer first, so a secret inside another is not half replaced
        return forms

    def text(self, s):
        if not s or not self.secrets:
            return s
        for form, mark in self._forms():
            if form in s:
                s = s.replace(form, mark)
        return B64_TOKEN.sub(self._b64_token, s)

    def _b64_token(self, m):
        """A secret inside a base64 value (Basic auth's user:password) is found by decoding it."""
        token = m.group(0)
        for decode, encode in ((base64.b64decode, base64.b64encode),
                               (base64.urlsafe_b64decode, base64.urlsafe_b64encode)):
            try:
                decoded = decode(token + '=' * (-len(token) % 4)).decode('utf-8')
            except (binascii.Error, ValueError, UnicodeDecodeError):
                continue
            if any(v in decoded for v in self.secrets):
                cleaned = decoded
                for value, field in sorted(self.secrets.items(), key=lambda p: -len(p[0])):
                    cleaned = cleaned.replace(value, '<scrubbed:%s>' % field)
                return encode(cleaned.encode('utf-8')).decode('ascii')
        return token

    def restore(self, s):
        """Placeholders of known secrets back to their values (a replayed response that echoed one)."""
        if not s:
            return s
        for value, field in self.secrets.items():
            s = s.replace('<scrubbed:%s>' % field, value)
        return s


def _body(data):
    if data is None:
        return None
    if isinstance(data, str):
        return {'text': data}
    if isinstance(data, (bytes, bytearray)):
        try:
            return {'text': bytes(data).decode('utf-8')}
        except UnicodeDecodeError:
            return {'base64': base64.b64encode(bytes(data)).decode('ascii')}
    return {'text': '<streamed body not recorded>'}


def _scrub_body(scrub, body):
    if body is None:
        return None
    if 'text' in body:
        return {'text': scrub.text(body['text'])}
    raw = base64.b64decode(body['base64'])
    for value, field in scrub.secrets.items():
        raw = raw.replace(value.encode('utf-8'), ('<scrubbed:%s>' % field).encode('utf-8'))
    return {'base64': base64.b64encode(raw).decode('ascii')}


def _body_bytes(body):
    if body is None:
        return b''
    return body['text'].encode('utf-8') if 'text' in body else base64.b64decode(body['base64'])


def _json_of(body):
    try:
        return json.loads(body['text']) if body and 'text' in body else None
    except ValueError:
        return None


def write_atomic(path, data):
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix='.cassette-', suffix='.tmp', dir=folder)
    try:
        with os.fdopen(fd, 'w', encoding='utf-8') as fh:
            json.dump(data, fh, sort_keys=True, indent=2, ensure_ascii=False)
            fh.write('\n')
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Cassette(object):
    def __init__(self, mode, path, config, folder):
        if mode not in ('record', 'replay'):
            raise ValueError('cassette mode must be "record" or "replay", not %r' % (mode,))
        self.mode, self.path = mode, path
        self.scrub = Scrubber()
        fields = password_fields(folder)
        for name in fields:
            self.scrub.add(name, (config or {}).get(name))
        self.scrub.add_named(config or {}, fields)
        self.interactions = []
        self.used = set()
        # Replay misses, kept so the call's result can name the request even when the connector rewords the error.
        self.misses = []
        if mode == 'replay':
            try:
                with open(path, encoding='utf-8') as fh:
                    self.interactions = json.load(fh).get('interactions') or []
            except OSError as e:
                raise IOError('cannot read the cassette %s: %s' % (path, e.strerror or e))
            except (ValueError, AttributeError) as e:
                raise ValueError('the cassette %s is not a valid cassette: %s' % (path, e))

    def _request(self, request):
        return {'method': (request.method or 'GET').upper(), 'url': self.scrub.text(request.url),
                'headers': {k: self.scrub.text(str(v)) for k, v in request.headers.items()},
                'body': _scrub_body(self.scrub, _body(request.body))}

    def record(self, adapter, original, request, args, kwargs):
        response = original(adapter, request, *args, **kwargs)
        content = response.content  # read once: requests keeps it for the caller
        body = _body(content)
        for found in (_json_of(body),):  # tokens the vendor hands back are secrets too
            if found is not None:
                self.scrub.add_named(found)
        for k, v in response.headers.items():
            if SECRET_KEY.search(k):
                self.scrub.add(k, v)
        self.interactions.append({
            'request': self._request(request),
            'response': {'status': response.status_code, 'reason': response.reason,
                         'headers': {k: self.scrub.text(v) for k, v in response.headers.items()
                                     if k.lower() not in DROP_RESPONSE_HEADERS},
                         'body': _scrub_body(self.scrub, body)},
        })
        self.save()
        return response

    def save(self):
        # Secrets learnt late (a token in a later response) are scrubbed from earlier exchanges too.
        text = self.scrub.text(json.dumps(self.interactions, sort_keys=True))
        write_atomic(self.path, {'version': 1, 'interactions': json.loads(text)})

    def replay(self, adapter, request):
        import requests
        from requests.structures import CaseInsensitiveDict
        from requests.utils import get_encoding_from_headers
        wanted = self._request(request)
        key = (wanted['method'], wanted['url'], _body_bytes(wanted['body']))
        matches = [i for i, x in enumerate(self.interactions)
                   if (x['request']['method'], x['request']['url'], _body_bytes(x['request'].get('body'))) == key]
        if not matches:
            miss = ('no recorded response for %s %s in the cassette %s: record again'
                    % (wanted['method'], wanted['url'], os.path.basename(self.path)))
            self.misses.append(miss)
            logging.getLogger('connector-studio').warning('Replay: %s', miss)
            raise requests.exceptions.ConnectionError(miss, request=request)
        index = next((i for i in matches if i not in self.used), matches[-1])
        self.used.add(index)
        saved = self.interactions[index]['response']
        response = requests.Response()
        response.status_code = int(saved.get('status') or 200)
        response.reason = saved.get('reason') or ''
        response.headers = CaseInsensitiveDict({k: self.scrub.restore(v) for k, v in (saved.get('headers') or {}).items()})
        body = saved.get('body')
        response._content = (self.scrub.restore(body['text']).encode('utf-8') if body and 'text' in body
                              else _body_bytes(body))
        response.encoding = get_encoding_from_headers(response.headers)
        response.url, response.request, response.connection = request.url, request, adapter
        return response


def explain_misses(tape, reply):
    """A failed call during a replay that missed says which request had no recording, first: connectors often
    turn the ConnectionError into their own words ("Cannot reach ..."), which would hide the cause."""
    if tape is None or not tape.misses or reply.get('status') not in ('Failed', 'Disconnected'):
        return reply
    message = str(reply.get('message') or '')
    if tape.misses[0] in message:
        return reply
    reply['message'] = 'Replay: %s. The connector reported: %s' % (tape.misses[0], message)
    return reply


@contextlib.contextmanager
def activate(spec, config, folder):
    """Patches requests for the duration of one call when ``spec`` asks for a cassette."""
    if not spec:
        yield None
        return
    import requests.adapters
    cassette = Cassette(spec.get('mode'), spec.get('path'), config, folder)
    adapter_class = requests.adapters.HTTPAdapter
    original = adapter_class.send

    def send(adapter, request, *args, **kwargs):
        if cassette.mode == 'record':
            return cassette.record(adapter, original, request, args, kwargs)
        return cassette.replay(adapter, request)

    adapter_class.send = send
    if cassette.mode == 'record':
        cassette.save()  # a call that makes no request still leaves an (empty) cassette
    try:
        yield cassette
    finally:
        adapter_class.send = original
