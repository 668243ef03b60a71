"""Record and replay of the HTTP a connector makes through ``requests``, one call at a time.

A request carrying ``cassette: {"mode": "record"|"replay", "path": FILE}`` runs with
``requests.adapters.HTTPAdapter.send`` patched:
  record: the real request is made, and {request: {method, url, headers, body}, response: {status, headers,
          body}} is appended to the cassette, which is rewritten (atomically, sorted keys) after each exchange.
  replay: no network; each request is answered by the first unused recorded exchange with the same method,
          URL and body, or fails with a ConnectionError naming it.
Secrets are scrubbed on write: every configuration value the host's rule calls secret (a password field's, a
secret-named key's: the call's ``secrets``), and such values the vendor returns, become ``<scrubbed:FIELD[:FORM]>`` in
URLs, headers and bodies, in every form secret_forms.encoded_forms lists (JSON, JSON inside JSON, URL-encoded,
base64, Basic auth, ...) and in any other it finds by decoding (``:parsed``). A replayed request is scrubbed the
same way before it is compared, so matching still works; a replayed response gets each secret back in the
form it was recorded in.
"""
import base64
import contextlib
import json
import logging
import os
import tempfile

from secret_forms import Scrubber

DROP_RESPONSE_HEADERS = ('content-encoding', 'content-length', 'transfer-encoding')


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
    for text, field, tag in scrub.forms():
        for charset in ('utf-8', 'latin-1'):
            with contextlib.suppress(UnicodeEncodeError):
                raw = raw.replace(text.encode(charset), scrub.mark(field, tag).encode('ascii'))
    return {'base64': base64.b64encode(raw).decode('ascii')}


def _header_text(value):
    """A header value as text: requests passes bytes through as given (UTF-8, or latin-1 like http.client)."""
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode('utf-8')
        except UnicodeDecodeError:
            return bytes(value).decode('latin-1')
    return str(value)


def _scrub_exchange(scrub, exchange):
    request, response = exchange['request'], exchange['response']
    return {
        'request': {'method': request['method'], 'url': scrub.text(request['url']),
                    'headers': scrub.value(request.get('headers') or {}),
                    'body': _scrub_body(scrub, request.get('body'))},
        'response': dict(response, headers=scrub.value(response.get('headers') or {}),
                         body=_scrub_body(scrub, response.get('body'))),
    }


def _body_bytes(body):
    if body is None:
        return b''
    return body['text'].encode('utf-8') if 'text' in body else base64.b64decode(body['base64'])


def _json_of(body):
    try:
        return json.loads(body['text']) if body and 'text' in body else None
    except ValueError:
        return None


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for k, v in data.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


def _check_scrubbed(path, data, scrub):
    """Each string as the file spells it: JSON's own escaping must not turn a scrubbed value into a secret's
    form (only a secret that starts or ends inside an escape could). The cassette is committed: refuse it."""
    for s in _strings(data):
        if scrub.found_in(json.dumps(s, ensure_ascii=False)):
            raise ValueError('a secret would still be in the cassette %s after scrubbing; it was not written: '
                             'report this with the encoding the connector used' % path)


def write_atomic(path, data, scrub=None):
    if scrub is not None:
        _check_scrubbed(path, data, scrub)
    text = json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + '\n'
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix='.cassette-', suffix='.tmp', dir=folder)
    try:
        with os.fdopen(fd, 'w', encoding='utf-8') as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class Cassette(object):
    def __init__(self, mode, path, config, rule):
        if mode not in ('record', 'replay'):
            raise ValueError('cassette mode must be "record" or "replay", not %r' % (mode,))
        self.mode, self.path = mode, path
        self.scrub = Scrubber(rule)
        self.scrub.add_named(config or {})
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
                'headers': {k: self.scrub.text(_header_text(v)) for k, v in request.headers.items()},
                'body': _scrub_body(self.scrub, _body(request.body))}

    def record(self, adapter, original, request, args, kwargs):
        response = original(adapter, request, *args, **kwargs)
        content = response.content  # read once: requests keeps it for the caller
        body = _body(content)
        found = _json_of(body)
        if found is not None:  # tokens the vendor hands back are secrets too
            self.scrub.add_named(found, users=False)
        for k, v in response.headers.items():
            if self.scrub.rule.is_secret(k):
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
        self.interactions = [_scrub_exchange(self.scrub, x) for x in self.interactions]
        write_atomic(self.path, {'version': 1, 'interactions': self.interactions}, self.scrub)

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
        headers = saved.get('headers') or {}
        response.headers = CaseInsensitiveDict({k: self.scrub.restore(v) for k, v in headers.items()})
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
def activate(spec, config, rule):
    """Patches requests for the duration of one call when ``spec`` asks for a cassette; ``rule`` (a
    secret_forms.SecretRule from the host) says which values it scrubs."""
    if not spec:
        yield None
        return
    import requests.adapters
    cassette = Cassette(spec.get('mode'), spec.get('path'), config, rule)
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
