"""The secret rule as the runtime receives it with a call (``secrets``), for the tests. Its key-name expressions
come from secret_rule.json, which src/shared/connector/secret-fields.test.ts checks is the host's one rule
(src/shared/connector/secret-fields.ts) as it is sent: no test here spells a rule of its own."""
import json
import os

from secret_forms import SecretRule

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'secret_rule.json'), encoding='utf-8') as fh:
    SENT = json.load(fh)


def wire(fields=()):
    """The ``secrets`` of a call to a connector whose password fields are ``fields``."""
    return dict(SENT, fields=list(fields))


def rule(fields=()):
    return SecretRule(wire(fields))
