{{header}}
import ipaddress
import json
import re

from connectors.core.connector import ConnectorError, get_logger

from .constants import {{constant_imports}}

logger = get_logger(LOGGER_NAME)

URL_PATTERN = re.compile(r'\b(?:https?|ftp)://[^\s<>"\'\]\[)(]+', re.IGNORECASE)
EMAIL_PATTERN = re.compile(r'\b[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}\b')
DOMAIN_PATTERN = re.compile(r'\b(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}\b')
IPV4_PATTERN = re.compile(r'\b(?:\d{1,3}\.){3}\d{1,3}\b')
HASH_PATTERNS = (
    ('md5', re.compile(r'\b[a-fA-F0-9]{32}\b')),
    ('sha1', re.compile(r'\b[a-fA-F0-9]{40}\b')),
    ('sha256', re.compile(r'\b[a-fA-F0-9]{64}\b')),
)
# Defanged forms seen in reports: hxxp://, [.], (.), [dot], [:], [@].
REFANG_RULES = (
    (re.compile(r'\bhxxp', re.IGNORECASE), 'http'),
    (re.compile(r'\[\.\]|\(\.\)|\[dot\]', re.IGNORECASE), '.'),
    (re.compile(r'\[:\]'), ':'),
    (re.compile(r'\[@\]|\[at\]', re.IGNORECASE), '@'),
)


def text_param(params, name):
    value = params.get(name)
    if value is None or value == '':
        raise ConnectorError('Missing required parameter: {0}'.format(name))
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_TEXT_LENGTH:
        raise ConnectorError('Parameter {0} is longer than {1} characters.'.format(name, MAX_TEXT_LENGTH))
    return text


def parse_json(name, value):
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        raise ConnectorError('Parameter {0} is not valid JSON.'.format(name))


def refang(text):
    for pattern, replacement in REFANG_RULES:
        text = pattern.sub(replacement, text)
    return text


def unique(items):
    seen = set()
    return [item for item in items if not (item in seen or seen.add(item))]


def is_ipv4(value):
    try:
        ipaddress.IPv4Address(value)
        return True
    except ValueError:
        return False


def find_indicators(text):
    plain = refang(text)
    emails = unique(EMAIL_PATTERN.findall(plain))
    email_domains = set(email.split('@', 1)[1] for email in emails)
    found = {
        'ipv4': unique(ip for ip in IPV4_PATTERN.findall(plain) if is_ipv4(ip)),
        'domains': unique(d for d in DOMAIN_PATTERN.findall(plain) if not is_ipv4(d) and d not in email_domains),
        'urls': unique(URL_PATTERN.findall(plain)),
        'emails': emails,
    }
    for name, pattern in HASH_PATTERNS:
        found[name] = unique(match.lower() for match in pattern.findall(plain))
    return found


def cell(value):
    """Nested lists and objects go into one CSV cell as JSON."""
    return json.dumps(value, sort_keys=True) if isinstance(value, (dict, list)) else value


def defang(text):
    plain = refang(text)
    plain = re.sub(r'\bhttp', 'hxxp', plain, flags=re.IGNORECASE)
    return DOMAIN_PATTERN.sub(lambda m: m.group(0).replace('.', '[.]'),
                              IPV4_PATTERN.sub(lambda m: m.group(0).replace('.', '[.]'), plain))
