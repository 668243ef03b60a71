"""FortiSOAR's playbook expressions: Jinja2 templates over ``vars`` with the filters and globals the server adds.

Jinja2 comes from the IDE's tools environment (tools_path.py), arrow from the connector's environment (FortiSOAR
pre-installs it), jmespath for ``json_query``. The server's rendering rules followed here:
  - a value that is one ``{{ expression }}`` keeps the expression's type (a list stays a list);
  - other text is rendered, and text that reads as a literal (JSON, or a Python literal such as the
    ``{'Red': ...}`` maps of the corpus) becomes that value, as the server converts step outputs;
  - a dict key is looked up before an attribute of the same name (``vars.item.items`` is the field, not dict.items).
A filter the server has and this module does not is an error naming it (UnknownFilter), never a silent pass.
"""
import ast
import base64
import hashlib
import ipaddress
import json
import re
import uuid

import jinja2
import jinja2.sandbox

# An expression that ends in toJSON asks for text: its JSON is not read back into a value.
ENDS_IN_TEXT_FILTER = re.compile(r'\|\s*(toJSON|tojson|string)\s*(\([^()]*\))?\s*$')
SINGLE_EXPRESSION = re.compile(r'^\s*\{\{(?P<expr>(?:(?!\{\{|\}\}).)*)\}\}\s*$', re.S)
PICKLIST_NAMESPACE = uuid.UUID('6f1d9e8e-3c47-4d7e-9a1b-5e0f7c2a4b11')


class UnknownFilter(Exception):
    """A template uses a filter (or test) this simulation does not provide."""

    def __init__(self, name, where):
        self.name = name
        super(UnknownFilter, self).__init__(
            'The expression in %s uses the filter "%s", which Connector Studio does not simulate yet; the known '
            'filters are Jinja2\'s and %s' % (where, name, ', '.join(sorted(FORTISOAR_FILTERS))))


class ExpressionError(Exception):
    """A template that does not parse or fails while rendering; says where."""


def picklist_iri(list_name, item):
    """A stable IRI per picklist item: the server's are uuids of its database; here the same name gives the same IRI
    in every run, so records created in two pulls compare equal."""
    return '/api/3/picklists/%s' % uuid.uuid5(PICKLIST_NAMESPACE, '%s\n%s' % (list_name, item))


def _literal(text):
    """Text that reads as JSON or a Python literal becomes that value; other text stays text."""
    if not isinstance(text, str):
        return text
    stripped = text.strip()
    if not stripped:
        return text
    if stripped[0] in '[{' or stripped in ('True', 'False', 'None', 'true', 'false', 'null') or \
            re.match(r'^-?\d+(\.\d+)?$', stripped):
        for parse in (json.loads, ast.literal_eval):
            try:
                return parse(stripped)
            except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                continue
    return text


def to_json(value, indent=None):
    return json.dumps(value, default=str, indent=indent)


def from_json(value):
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def resolve_range(value, mapping):
    """FortiSOAR's resolveRange: the map's value for ``value``; keys may be ranges ``"low-high"`` of numbers
    (``"0-3": Low``). The map may come as text (a Set Variable that was not converted)."""
    if isinstance(mapping, str):
        mapping = _literal(mapping)
    if not isinstance(mapping, dict):
        return None
    if value in mapping:
        return mapping[value]
    if str(value) in mapping:
        return mapping[str(value)]
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    for key, mapped in mapping.items():
        found = re.match(r'^\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*$', str(key))
        if found and float(found.group(1)) <= number <= float(found.group(2)):
            return mapped
    return None


def json_query(value, expression):
    import jmespath
    return jmespath.search(expression, value)


def picklist(list_name, item, *args):
    """The picklist item as the server's filter gives it: a record (rendered into text it reads back as a dict)."""
    return {'@id': picklist_iri(list_name, item), '@type': 'Picklist', 'itemValue': item, 'listName': list_name}


def ipaddr(value, query=''):
    """Ansible's ipaddr as the corpus uses it: the value when it is an IP address (or network), else False."""
    try:
        return str(ipaddress.ip_interface(str(value)).ip) if query in ('', 'address') else str(value)
    except ValueError:
        return False


def b64encode(value):
    data = value.encode('utf-8') if isinstance(value, str) else bytes(value)
    return base64.b64encode(data).decode('ascii')


def b64decode(value):
    return base64.b64decode(value).decode('utf-8', 'replace')


def to_dict(value):
    return _literal(value) if isinstance(value, str) else dict(value)


def unique(value):
    seen, out = set(), []
    for item in value or []:
        key = json.dumps(item, sort_keys=True, default=str)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def flatten(value):
    out = []
    for item in value or []:
        out.extend(flatten(item) if isinstance(item, list) else [item])
    return out


def md5(value):
    return hashlib.md5(str(value).encode('utf-8')).hexdigest()


def sha256(value):
    return hashlib.sha256(str(value).encode('utf-8')).hexdigest()


def regex_search(value, pattern, *groups):
    found = re.search(pattern, str(value))
    return found.group(0) if found else None


def regex_replace(value, pattern, replacement=''):
    return re.sub(pattern, replacement, str(value))


FORTISOAR_FILTERS = {
    'toJSON': to_json, 'tojson': to_json, 'fromJSON': from_json, 'json_query': json_query,
    'resolveRange': resolve_range, 'picklist': picklist, 'ipaddr': ipaddr, 'b64encode': b64encode,
    'b64decode': b64decode, 'toDict': to_dict, 'unique': unique, 'flatten': flatten, 'md5': md5,
    'sha256': sha256, 'regex_search': regex_search, 'regex_replace': regex_replace,
}


class FortiSoarEnvironment(jinja2.sandbox.SandboxedEnvironment):
    """Sandboxed (a playbook's template cannot reach Python internals); a dict's key wins over its methods."""

    def getattr(self, obj, attribute):
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        return super(FortiSoarEnvironment, self).getattr(obj, attribute)


def make_environment():
    env = FortiSoarEnvironment(undefined=jinja2.ChainableUndefined,
                               extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols'])
    env.filters.update(FORTISOAR_FILTERS)
    try:
        import arrow
    except ImportError:
        arrow = None
    env.globals.update({'arrow': arrow, 'range': range, 'len': len, 'str': str, 'int': int, 'float': float})
    return env


class Evaluator(object):
    """Evaluates a step's arguments against ``vars``."""

    def __init__(self):
        self.env = make_environment()

    def _failure(self, error, where):
        found = re.search(r"No (?:filter|test) named '([^']+)'", str(error))
        if found:
            return UnknownFilter(found.group(1), where)
        if isinstance(error, jinja2.TemplateSyntaxError):
            return ExpressionError('The expression in %s does not parse: %s' % (where, error))
        return ExpressionError('The expression in %s failed: %s: %s' % (where, type(error).__name__, error))

    def text(self, template, variables, where):
        """One string: the typed value of a single expression, else the rendered text (converted when literal)."""
        if '{{' not in template and '{%' not in template:
            return _literal(template)
        if self.env.globals.get('arrow') is None and 'arrow' in template:
            raise ExpressionError('The expression in %s uses arrow, which is not installed in the connector\'s '
                                  'environment (FortiSOAR pre-installs it: create the platform default '
                                  'environment, or add arrow to requirements.txt)' % where)
        context = {'vars': variables}
        single = SINGLE_EXPRESSION.match(template)
        try:
            if single:
                expression = single.group('expr').strip()
                compiled = self.env.compile_expression(expression, undefined_to_none=True)
                value = compiled(**context)
                keep_text = ENDS_IN_TEXT_FILTER.search(expression)
                return _literal(value) if isinstance(value, str) and not keep_text else value
            compiled_template = self.env.from_string(template)
        except Exception as e:
            raise self._failure(e, where)
        try:
            return _literal(compiled_template.render(**context))
        except Exception as e:
            raise self._failure(e, where)

    def value(self, value, variables, where):
        """Any argument: strings evaluated, dicts and lists walked."""
        if isinstance(value, str):
            return self.text(value, variables, where)
        if isinstance(value, dict):
            return {k: self.value(v, variables, '%s.%s' % (where, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v, variables, '%s[%d]' % (where, i)) for i, v in enumerate(value)]
        return value

    def condition(self, template, variables, where):
        """A Decision's or a ``when``'s condition: true unless it renders falsy (False, "False", "", 0, None)."""
        result = self.text(template, variables, where) if isinstance(template, str) else template
        if isinstance(result, str):
            return result.strip().lower() not in ('', 'false', 'none', '0')
        return bool(result)
