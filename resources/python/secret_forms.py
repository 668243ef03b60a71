"""What a secret looks like once a client library or a logging call has encoded it, and the scrubber built on it.

The one source of truth for the two places a secret must never reach: the cassettes, committed with the project
(cassette.py), and a call's logs, output and message (runner.py, which also sends the list of forms to the host,
so text that bypasses the worker, such as a subprocess's output, is masked the same way).

``encoded_forms`` lists the forms exactly; ``Scrubber.text`` replaces them, then looks at what is left the way a
parser would (base64 tokens, percent-encoded runs, JSON documents, JSON strings inside them) for a secret in an
encoding the list does not have.

Which values are secret is not decided here: the host sends its one rule (src/shared/connector/secret-fields.ts)
with every call as ``secrets``, and ``SecretRule`` applies it as it is.
"""
import base64
import binascii
import itertools
import json
import re
from urllib.parse import quote, quote_plus, unquote_to_bytes

MIN_SECRET = 4
MIN_BASE64_PART = 8  # shorter slices of base64 would mask ordinary words
CHARSETS = (('utf-8', ''), ('latin-1', '-latin1'))
MASK = '********'
# Text already scrubbed is left alone, so scrubbing twice changes nothing.
DONE = re.compile(r'(<scrubbed:[^<>\s]*>|\*{8})')
PLACEHOLDER = re.compile(r'<scrubbed:([^<>\s:]+)(?::([^<>\s]+))?>')
B64_TOKEN = re.compile(r'[A-Za-z0-9+/_-]{8,}={0,2}')
# A run of URL-encoded text (a query or form value, a path) holding at least one escape.
# Starts only where a run starts, so a long run without an escape is read once, not once per character.
PERCENT_RUN = re.compile(r"(?<![A-Za-z0-9._~!*'()+/:@,;$%-])[A-Za-z0-9._~!*'()+/:@,;$-]*"
                         r"(?:%[0-9A-Fa-f]{2}[A-Za-z0-9._~!*'()+/:@,;$-]*)+")
# A value in a JSON string inside a JSON string inside a JSON body (a vendor echoing a request's JSON body).
JSON_LEVELS = 3
MAX_DEPTH = 4  # a secret URL-encoded inside JSON inside base64 is found; deeper nesting is not looked into


def _json(text, ascii_only):
    return json.dumps(text, ensure_ascii=ascii_only)[1:-1]


def _lower_hex(text):
    return re.sub(r'%[0-9A-F]{2}', lambda m: m.group(0).lower(), text)


def _base64_parts(raw):
    """The base64 characters only the secret decides when it sits inside a longer value (``user:secret`` in Basic
    auth, a token that embeds it), at each of the three byte alignments, standard and URL-safe."""
    parts = []
    for shift in range(3):
        padded = b'\0' * shift + raw
        middle = base64.b64encode(padded).decode('ascii')[4 if shift else 0:len(padded) // 3 * 4]
        if len(middle) >= MIN_BASE64_PART:
            parts.append(('b64part%d' % shift, middle))
            parts.append(('b64part%d-url' % shift, middle.replace('+', '-').replace('/', '_')))
    return parts


def encoded_forms(value, users=()):
    """Every form ``value`` takes once encoded, as ``(tag, text)`` pairs, the value itself first (tag ``''``).

    Covers JSON (ensure_ascii True and False, upper-case escapes, JSON strings inside JSON strings), Python's
    repr/ascii of the str and of its bytes, URL encoding (quote with safe '' and '/', quote_plus, the
    encodeURIComponent set; UTF-8 and latin-1 bytes; upper- and lower-case hex), UTF-8 bytes read as latin-1 (a
    header sent as UTF-8, read back by http.client), base64 of the value and of ``user:value`` for each user
    (Basic auth), and base64 of the value inside any longer value. Each text appears once, under its first tag;
    texts shorter than MIN_SECRET are left out."""
    if not isinstance(value, str) or len(value) < MIN_SECRET:
        return []
    found = {}

    def add(tag, text):
        if len(text) >= MIN_SECRET and text not in found:
            found[text] = tag

    # The text forms, of the value and of its UTF-8 bytes read as latin-1 (a header sent as UTF-8 and read back
    # by http.client, then echoed in a JSON body or logged with %r).
    for base, prefix in ((value, ''), (value.encode('utf-8').decode('latin-1'), 'utf8-as-latin1')):
        add(prefix, base)
        prefix = prefix and prefix + '-'
        for levels in itertools.chain.from_iterable(itertools.product((False, True), repeat=n)
                                                    for n in range(1, JSON_LEVELS + 1)):
            text = base
            for ascii_only in levels:
                text = _json(text, ascii_only)
            add(prefix + '-in-'.join('json-ascii' if a else 'json' for a in levels), text)
        add(prefix + 'json-ascii-upper', re.sub(r'\\u([0-9a-f]{4})', lambda m: '\\u' + m.group(1).upper(),
                                                _json(base, True)))
        add(prefix + 'repr', repr(base)[1:-1])
        add(prefix + 'ascii', ascii(base)[1:-1])
    for charset, suffix in CHARSETS:
        try:
            raw = value.encode(charset)
        except UnicodeEncodeError:
            continue
        for tag, text in (('url', quote(raw, safe='')), ('url-path', quote(raw, safe='/')),
                          ('url-plus', quote_plus(raw, safe='')), ('url-js', quote(raw, safe="!'()*"))):
            add(tag + suffix, text)
            add(tag + suffix + '-lower', _lower_hex(text))
        add('bytes' + suffix, repr(raw)[2:-1])
        b64 = base64.b64encode(raw).decode('ascii')
        add('base64' + suffix, b64)
        add('base64-nopad' + suffix, b64.rstrip('='))
        add('base64url' + suffix, base64.urlsafe_b64encode(raw).decode('ascii').rstrip('='))
        for n, user in enumerate(users):
            basic = base64.b64encode(user.encode('utf-8') + b':' + raw).decode('ascii')
            add('basic%s%s' % (n or '', suffix), basic)
        for tag, text in _base64_parts(raw):
            add(tag + suffix, text)
    return [(tag, text) for text, tag in found.items()]


def _hex_any_case(data):
    return ''.join('%%[%s%s][%s%s]' % (h[0], h[0].lower(), h[1], h[1].lower())
                   for h in ('%02X' % b for b in data))


def _char_pattern(c):
    """Every way one character of a secret is written by the encodings ``encoded_forms`` lists."""
    alts = {re.escape(c), re.escape(_json(c, True)), re.escape(_json(c, True).upper().replace('\\U', '\\u')),
            re.escape(_json(c, False)), re.escape(repr(c)[1:-1]), re.escape(ascii(c)[1:-1])}
    for charset, _ in CHARSETS:
        try:
            alts.add(_hex_any_case(c.encode(charset)))
        except UnicodeEncodeError:
            pass
    if c == ' ':
        alts.add(r'\+')
    return '(?:%s)' % '|'.join(sorted(alts, key=len, reverse=True))


def mixed_pattern(value):
    """A regular expression for ``value`` written with each character in any one of the single-level encodings,
    mixed: what an encoder with other safe characters (``quote(v, safe='"')``) or escapes makes."""
    return re.compile(''.join(_char_pattern(c) for c in value))


class SecretRule(object):
    """Which values are secret, as the host's ``secrets`` says: ``fields`` (the connector's password fields) and
    ``secretKey`` / ``userKey``, regular expressions on key names, compiled as they come. Without one (a ping, a
    reload, a test that sets none) nothing is secret by name."""

    def __init__(self, spec=None):
        spec = spec if isinstance(spec, dict) else {}
        self.fields = frozenset(str(f) for f in spec.get('fields') or () if isinstance(f, str))
        self._secret_key = re.compile(spec['secretKey']) if spec.get('secretKey') else None
        self._user_key = re.compile(spec['userKey']) if spec.get('userKey') else None

    def is_secret(self, key):
        """A password field's name, or a key named like a secret."""
        key = str(key)
        return key in self.fields or bool(self._secret_key and self._secret_key.search(key))

    def is_user(self, key):
        return bool(self._user_key and self._user_key.search(str(key)))


def _placeholder(field, tag):
    return '<scrubbed:%s%s>' % (field, ':' + tag if tag else '')


def _mask(field, tag):
    return MASK


class Scrubber(object):
    """Replaces every known secret, in every form, with ``mark(field, tag)``: by default the placeholder
    ``<scrubbed:FIELD[:TAG]>`` that ``restore`` turns back into that exact form; ``MASK`` for logs."""

    def __init__(self, rule=None, mark=_placeholder):
        self.rule = rule or SecretRule()
        self.secrets = {}  # value -> field
        self.users = []
        self.mark = mark
        self._forms = None
        self._patterns = {}

    # ---- what is secret

    def add(self, field, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or len(value) < MIN_SECRET or value in self.secrets:
            return
        if any(value == text for text, _, _ in self.forms()):
            return  # a known secret in one of its forms (a vendor echoing it): it is scrubbed as that form already
        taken = set(self.secrets.values())
        name, n = field, 2
        while name in taken:  # a placeholder names exactly one value, or restore could not tell them apart
            name, n = '%s-%d' % (field, n), n + 1
        self.secrets[value] = name
        self._forms = None

    def add_named(self, data, users=True):
        """Values the rule calls secret (a password field's, a secret-named key's), anywhere in a JSON-like value;
        with ``users``, the values of user-like keys are kept as the user half of Basic auth (from the
        configuration only: a replay, which sees no live response, must scrub its requests exactly as the
        recording did)."""
        if isinstance(data, dict):
            for k, v in data.items():
                if isinstance(v, (dict, list)):
                    self.add_named(v, users)
                elif self.rule.is_secret(k):
                    self.add(str(k), v)
                elif users and self.rule.is_user(k) and isinstance(v, str) and 0 < len(v) <= 256 \
                        and v not in self.users:
                    self.users.append(v)
                    self._forms = None
        elif isinstance(data, list):
            for v in data:
                self.add_named(v, users)

    def forms(self):
        """``(text, field, tag)`` of every secret, longest text first, so a secret inside another is not half
        replaced."""
        if self._forms is None:
            forms = [(text, field, tag) for value, field in self.secrets.items()
                     for tag, text in encoded_forms(value, self.users)]
            self._forms = sorted(forms, key=lambda f: -len(f[0]))
        return self._forms

    def form_texts(self):
        return [text for text, _, _ in self.forms()]

    # ---- scrubbing

    def text(self, s, depth=0):
        """``s`` with every secret replaced, what was scrubbed before left as it is."""
        if not s or not self.secrets or not isinstance(s, str):
            return s
        tag = 'parsed' if depth else None  # found by decoding: restore cannot rebuild its exact encoding
        pieces = DONE.split(s)
        for i in range(0, len(pieces), 2):
            for text, field, form_tag in self.forms() if pieces[i] else ():
                if text in pieces[i]:
                    pieces[i] = pieces[i].replace(text, self.mark(field, tag or form_tag))
        s = ''.join(pieces)
        for value, field in self.secrets.items():
            s = self._mixed(value).sub(lambda m, f=field: self.mark(f, 'parsed'), s)
        if depth >= MAX_DEPTH:
            return s
        # What the list missed, looked at as a parser would. Placeholders decode to no secret, so these passes
        # may run over them.
        s = B64_TOKEN.sub(lambda m: self._base64_token(m.group(0), depth), s)
        if '%' in s:
            s = PERCENT_RUN.sub(lambda m: self._percent_run(m.group(0), depth), s)
        stripped = s.strip()
        if stripped[:1] in ('{', '[') and stripped[-1:] in ('}', ']'):
            s = self._json_document(s, depth)
        return s

    def _mixed(self, value):
        if value not in self._patterns:
            self._patterns[value] = mixed_pattern(value)
        return self._patterns[value]

    def _has_secret(self, text):
        return any(value in text for value in self.secrets)

    def _base64_token(self, token, depth):
        """A secret inside a base64 value that no listed form matched (a short secret's Basic auth)."""
        alt = b'-_' if re.search('[-_]', token) else None
        try:
            raw = base64.b64decode(token + '=' * (-len(token) % 4), altchars=alt, validate=True)
        except (binascii.Error, ValueError):
            return token
        for charset, _ in CHARSETS:
            try:
                decoded = raw.decode(charset)
            except UnicodeDecodeError:
                continue
            if not self._has_secret(decoded):
                continue
            cleaned = self.text(decoded, depth + 1).encode(charset, 'replace')
            encoded = base64.b64encode(cleaned, altchars=alt).decode('ascii')
            return encoded if token.endswith('=') else encoded.rstrip('=')
        return token

    def _percent_run(self, run, depth):
        """A secret URL-encoded in a way the list does not have (other safe characters, a JSON value as a form
        field): decoded, scrubbed, encoded again."""
        for plus in ((True, False) if '+' in run else (False,)):
            raw = unquote_to_bytes(run.replace('+', ' ') if plus else run)
            try:
                decoded, charset = raw.decode('utf-8'), 'utf-8'
            except UnicodeDecodeError:
                decoded, charset = raw.decode('latin-1'), 'latin-1'
            cleaned = self.text(decoded, depth + 1)
            if cleaned != decoded:
                encode = quote_plus if plus else quote
                return encode(cleaned.encode(charset, 'replace'), safe="/:@,;$<>*")
        return run

    def _json_document(self, s, depth):
        """A JSON body or a JSON string inside JSON whose secret is escaped in a way the list does not have
        (``\\u0043`` for ``C``). Percent-encoded and base64 values inside it were already seen in the text."""
        try:
            doc = json.loads(s)
        except ValueError:
            return s
        # Walked only when a secret or a nested document may be in it: a large clean body costs two C calls.
        canonical = json.dumps(doc, ensure_ascii=False)
        if '"{' not in canonical and '"[' not in canonical and \
                not any(_json(value, False) in canonical for value in self.secrets):
            return s
        cleaned = self._json_strings(doc, depth + 1)
        return s if cleaned == doc else json.dumps(cleaned, ensure_ascii=False)

    def _json_strings(self, data, depth):
        if isinstance(data, str):
            if self._has_secret(data):
                return self.text(data, depth)
            stripped = data.strip()
            if depth < MAX_DEPTH and stripped[:1] in ('{', '[') and stripped[-1:] in ('}', ']'):
                return self._json_document(data, depth)
            return data
        if isinstance(data, dict):
            return {self._json_strings(k, depth): self._json_strings(v, depth) for k, v in data.items()}
        if isinstance(data, list):
            return [self._json_strings(v, depth) for v in data]
        return data

    def value(self, data, depth=0):
        """A JSON-like value with every string (keys too) scrubbed, at any depth."""
        if isinstance(data, str):
            return self.text(data, depth)
        if isinstance(data, dict):
            return {self.text(k, depth) if isinstance(k, str) else k: self.value(v, depth) for k, v in data.items()}
        if isinstance(data, list):
            return [self.value(v, depth) for v in data]
        return data

    def found_in(self, text):
        """The forms of a known secret still in ``text`` (a last check before anything is written)."""
        return [form for form, _, _ in self.forms() if form in text]

    # ---- replay

    def restore(self, s):
        """Placeholders back to the exact form they replaced (a replayed response that echoed a secret). One
        found by decoding (tag ``parsed``) stays a placeholder: its original encoding is not known."""
        if not s or '<scrubbed:' not in s:
            return s
        exact = {(field, tag): text for text, field, tag in self.forms()}
        return PLACEHOLDER.sub(lambda m: exact.get((m.group(1), m.group(2) or ''), m.group(0)), s)


def log_scrubber(request):
    """The masking of one call's logs, output and message: the values the host's rule (``secrets``) calls secret
    in the configuration the call was given (health, execute) or its hook's arguments."""
    scrub = Scrubber(SecretRule(request.get('secrets')), mark=_mask)
    for config in [request.get('config')] + list(request.get('args') or []):
        if isinstance(config, dict):
            scrub.add_named(config)
    return scrub
