"""A FortiSOAR playbook interpreter for the step types the ingestion playbooks of the corpus use (issue 19).

Steps, by their step type's uuid (playbooks.json names only the IRI): Start, Set Variable, Connector action
(``for_each``, ``when``, ``step_variables``), the Utilities step of ``cyops_utilities`` (``make_cyops_request`` on
the dynamic-variable API and ``updatemacro``: the global variables, kept in the simulated platform's
``dynamic_variables`` module), Decision, Create Record and its bulk form (``__bulk``, ``batch_size``) into
``/api/3/<module>``, ``/api/3/upsert/<module>`` and ``/api/ingest-feeds/<module>`` (both deduplicate as the server
does), and Reference a playbook (``workflowReference``). A step type or operation not listed stops the run with its
name (UnsupportedStep): nothing is skipped silently.

What the server keeps in ``vars``: ``input`` (``params``, ``records``), ``request`` (``env_setup`` is true when
the Data Ingestion wizard asks for sample data), ``audit_info.cyops_playbook_iri``, ``steps.<Step_Name>`` (each
step's result, spaces as underscores) and ``result`` (the last step's). A connector step's result is the action's
envelope ``{operation, status, message, data}`` (a list of them under ``for_each``); a Set Variable's, its values;
a Reference's, the referenced playbook's last result.
"""
import copy
import json

from playbook_expressions import Evaluator

START = 'start'
SET_VARIABLE = 'set_variable'
CONNECTOR = 'connector'
UTILITIES = 'utilities'
DECISION = 'decision'
CREATE_RECORD = 'create_record'
REFERENCE = 'reference'

STEP_TYPES = {
    'b348f017-9a94-471f-87f8-ce88b6a7ad62': START,  # Start (on demand / referenced)
    'f414d039-bb0d-4e59-9c39-a8f1e880b18a': START,  # Start (manual trigger on a module)
    'ea155646-3821-4542-9702-b246da430a8d': START,  # Start (referenced playbook)
    '04d0cf46-b6a8-42c4-8683-60a7eaa69e8f': SET_VARIABLE,
    '0bfed618-0316-11e7-93ae-92361f002671': CONNECTOR,
    '0109f35d-090b-4a2b-bd8a-94cbc3508562': UTILITIES,
    '12254cf5-5db7-4b1a-8cb1-3af081924b28': DECISION,
    '7b221880-716b-4726-a2ca-5e568d330b3e': CREATE_RECORD,  # Create Record (ingest feeds)
    '2597053c-e718-44b4-8394-4d40fe26d357': CREATE_RECORD,  # Create Record (upsert)
    '74932bdc-b8b6-4d24-88c4-1a4dfbc524f3': REFERENCE,
}

# The field a deduplicating collection matches an existing record on, per module; FortiSOAR's feeds are unique by
# value, alerts and incidents by the vendor's id. Other modules: sourceId, else value, else the whole record.
DEDUP_FIELDS = {'threat_intel_feeds': 'value', 'indicators': 'value', 'alerts': 'sourceId', 'incidents': 'sourceId',
                'events': 'sourceId'}
GLOBALS_MODULE = 'dynamic_variables'
MAX_STEPS = 5000


class PlaybookError(Exception):
    """A playbook that cannot go on: which playbook, which step, why."""


class UnsupportedStep(PlaybookError):
    """A step type or operation the interpreter does not simulate, named."""


def step_key(name):
    return str(name).replace(' ', '_')


def uuid_of(iri):
    return str(iri or '').rstrip('/').split('/')[-1]


class Playbooks(object):
    """playbooks.json's workflows, by uuid and by name."""

    def __init__(self, document):
        self.workflows = []
        collections = document.get('data') if isinstance(document, dict) else None
        for collection in collections or []:
            for workflow in collection.get('workflows') or []:
                self.workflows.append(workflow)
        self.by_uuid = {w.get('uuid'): w for w in self.workflows}

    @classmethod
    def load(cls, path):
        with open(path, encoding='utf-8') as f:
            return cls(json.load(f))

    def find(self, reference):
        """A workflow by IRI (/api/3/workflows/<uuid>), uuid or name."""
        found = self.by_uuid.get(uuid_of(reference))
        if found is None:
            found = next((w for w in self.workflows if w.get('name') == reference), None)
        if found is None:
            raise PlaybookError('No playbook %s in playbooks.json (it has: %s)'
                                % (reference, ', '.join(w.get('name', '?') for w in self.workflows)))
        return found

    def tagged(self, *tags):
        return [w for w in self.workflows if all(t in (w.get('recordTags') or []) for t in tags)]


class Counts(object):
    """What one pull did to the platform's records."""

    def __init__(self):
        self.fetched = 0
        self.created = 0
        self.duplicates = 0
        self.records = []

    def as_dict(self):
        return {'fetched': self.fetched, 'created': self.created, 'duplicates': self.duplicates,
                'records': self.records[:1000]}


class Platform(object):
    """The simulated platform as the interpreter needs it; ``request(method, iri, body)`` returns the answer."""

    def __init__(self, request):
        self.request = request

    def get_global(self, name):
        answer = self.request('GET', '/api/3/%s?name=%s&$limit=1' % (GLOBALS_MODULE, _quote(name)), None)
        members = (answer or {}).get('hydra:member') or []
        return members[0] if members else None

    def set_global(self, name, value):
        found = self.get_global(name)
        body = {'name': name, 'value': value if isinstance(value, str) else json.dumps(value, default=str)}
        if found:
            return self.request('PUT', found['@id'], body)
        return self.request('POST', '/api/3/%s' % GLOBALS_MODULE, body)

    def find_by(self, module, field, value):
        answer = self.request('GET', '/api/3/%s?%s=%s&$limit=1' % (module, _quote(field), _quote(value)), None)
        members = (answer or {}).get('hydra:member') or []
        return members[0] if members else None


def _quote(value):
    from urllib.parse import quote
    return quote(str(value), safe='')


def _collection_target(collection):
    """(module, deduplicating) of a Create Record step's collection IRI."""
    parts = [p for p in str(collection or '').split('?')[0].split('/') if p]
    if parts[:3] == ['api', '3', 'upsert'] and len(parts) == 4:
        return parts[3], True
    if parts[:2] == ['api', 'ingest-feeds'] and len(parts) == 3:
        return parts[2], True
    if parts[:2] == ['api', '3'] and len(parts) == 3:
        return parts[2], False
    raise UnsupportedStep('Create Record into %r is not simulated: use /api/3/<module>, /api/3/upsert/<module> or '
                          '/api/ingest-feeds/<module>' % collection)


class Interpreter(object):
    """Runs playbooks of one connector.

    ``call_connector(connector, operation, params, config_id, env)`` runs an action and returns its envelope;
    ``platform`` a Platform; ``counts`` collects what Create Record did during a pull."""

    def __init__(self, playbooks, call_connector, platform, log=None):
        self.playbooks = playbooks
        self.call_connector = call_connector
        self.platform = platform
        self.evaluator = Evaluator()
        self.counts = Counts()
        self.trace = []
        self.log = log or (lambda message: None)
        self.env_setup = False

    # ---- running

    def run(self, workflow, params=None, records=None, parent_vars=None):
        """Runs ``workflow`` (a dict, IRI, uuid or name) to its end; returns its vars."""
        if not isinstance(workflow, dict):
            workflow = self.playbooks.find(workflow)
        variables = copy.deepcopy(parent_vars) if parent_vars else {}
        variables.update({
            'input': {'params': dict(params or {}), 'records': list(records or [])},
            'request': {'env_setup': self.env_setup, 'data': {}},
            'audit_info': {'cyops_playbook_iri': '/api/3/workflows/%s' % workflow.get('uuid')},
            'steps': {},
            'result': None,
        })
        steps = {'/api/3/workflow_steps/%s' % s.get('uuid'): s for s in workflow.get('steps') or []}
        routes = {}
        for route in workflow.get('routes') or []:
            routes.setdefault(route.get('sourceStep'), []).append(route.get('targetStep'))
        current = workflow.get('triggerStep')
        if current not in steps:
            raise PlaybookError('Playbook "%s" has no trigger step (triggerStep %s is not among its steps)'
                                % (workflow.get('name'), current))
        count = 0
        while current:
            count += 1
            if count > MAX_STEPS:
                raise PlaybookError('Playbook "%s" ran %d steps without ending: a loop between its steps?'
                                    % (workflow.get('name'), MAX_STEPS))
            step = steps.get(current)
            if step is None:
                raise PlaybookError('Playbook "%s" routes to %s, which is not one of its steps'
                                    % (workflow.get('name'), current))
            chosen = self._step(workflow, step, variables)
            if chosen is not None:
                current = chosen
                continue
            following = routes.get(current) or []
            if len(following) > 1:
                raise UnsupportedStep('Step "%s" of playbook "%s" has %d routes out and is no Decision: parallel '
                                      'branches are not simulated' % (step.get('name'), workflow.get('name'),
                                                                      len(following)))
            current = following[0] if following else None
        return variables

    def _step(self, workflow, step, variables):
        """Runs one step; returns the step IRI a Decision chose, else None (follow the route)."""
        name = step.get('name') or '?'
        kind = STEP_TYPES.get(uuid_of(step.get('stepType')))
        where = 'step "%s" of playbook "%s"' % (name, workflow.get('name'))
        if kind is None:
            raise UnsupportedStep('The %s has the step type %s, which Connector Studio does not simulate (it '
                                  'simulates: Start, Set Variable, Connector action, Utilities, Decision, Create '
                                  'Record, Reference a playbook)' % (where, uuid_of(step.get('stepType'))))
        arguments = step.get('arguments') or {}
        self.trace.append({'playbook': workflow.get('name'), 'step': name, 'type': kind})
        self.log('%s: %s' % (workflow.get('name'), name))
        if kind == START:
            self._start(arguments, variables, where)
            return None
        if kind == DECISION:
            return self._decision(arguments, variables, where)
        if 'when' in arguments and arguments.get('when') not in (None, '') and \
                not self.evaluator.condition(arguments['when'], variables, where + ' (when)'):
            self._keep(name, None, variables)
            self.trace[-1]['skipped'] = True
            return None
        if kind == SET_VARIABLE:
            values = self.evaluator.value({k: v for k, v in arguments.items() if k not in ('step_variables',)},
                                          variables, where)
            variables.update(values)
            result = values
        elif kind in (CONNECTOR, UTILITIES):
            result = self._each(arguments, variables, where, lambda: self._action(arguments, variables, where))
        elif kind == CREATE_RECORD:
            result = self._create(arguments, variables, where)
        else:  # REFERENCE
            result = self._reference(arguments, variables, where)
        self._keep(name, result, variables)
        self._step_variables(arguments, variables, where)
        return None

    def _keep(self, name, result, variables):
        variables['steps'][step_key(name)] = result
        variables['result'] = result

    def _step_variables(self, arguments, variables, where):
        declared = arguments.get('step_variables')
        if isinstance(declared, dict) and declared:
            variables.update(self.evaluator.value(declared, variables, where + ' (step_variables)'))

    def _start(self, arguments, variables, where):
        declared = arguments.get('step_variables')
        if not isinstance(declared, dict):
            return
        values = self.evaluator.value(declared, variables, where)
        given = values.pop('input', None)
        if isinstance(given, dict):  # what the caller passed wins over the Start step's empty defaults
            for key, value in given.items():
                if key not in variables['input'] or variables['input'][key] in (None, [], {}):
                    if value not in (None, [], {}) or key not in variables['input']:
                        variables['input'][key] = value
        variables.update(values)

    def _decision(self, arguments, variables, where):
        conditions = arguments.get('conditions') or []
        default = None
        for condition in conditions:
            if condition.get('default'):
                default = condition
                continue
            if self.evaluator.condition(condition.get('condition'), variables,
                                        '%s (option "%s")' % (where, condition.get('option'))):
                self.trace[-1]['option'] = condition.get('option')
                return condition.get('step_iri')
        if default is None:
            raise PlaybookError('No option of the %s holds and it has no default option' % where)
        self.trace[-1]['option'] = default.get('option')
        return default.get('step_iri')

    def _each(self, arguments, variables, where, run_once):
        loop = arguments.get('for_each')
        if not isinstance(loop, dict) or not loop.get('item'):
            return run_once()
        items = self.evaluator.value(loop.get('item'), variables, where + ' (for_each)')
        if items in (None, ''):
            items = []
        if not isinstance(items, list):
            items = [items]
        results = []
        saved = variables.get('item')
        try:
            for item in items:
                variables['item'] = item
                condition = loop.get('condition')
                if condition and not self.evaluator.condition(condition, variables, where + ' (for_each condition)'):
                    continue
                results.append(run_once())
        finally:
            variables['item'] = saved
        return results

    # ---- connector actions and utilities

    def _action(self, arguments, variables, where):
        connector = arguments.get('connector')
        operation = arguments.get('operation')
        params = self.evaluator.value(arguments.get('params') or {}, variables, where + ' (params)')
        if not isinstance(params, dict):
            params = {}
        if connector == 'cyops_utilities':
            return self._utility(operation, params, where)
        envelope = self.call_connector(connector, operation, params, arguments.get('config'),
                                       {'request': variables.get('request'), 'audit_info': variables.get('audit_info')})
        if envelope.get('status') != 'Success':
            raise PlaybookError('The %s failed: %s %s: %s' % (where, connector, operation, envelope.get('message')))
        return envelope

    def _utility(self, operation, params, where):
        if operation == 'make_cyops_request':
            iri = str(params.get('iri') or '')
            method = str(params.get('method') or 'GET').upper()
            if iri.split('?')[0].rstrip('/').endswith('/api/wf/api/dynamic-variable'):
                data = self._dynamic_variables(iri, method, params.get('body'), where)
            else:
                body = params.get('body')
                data = self.platform.request(method, iri, body if body not in ('', None) else None)
            return {'operation': operation, 'status': 'Success', 'message': '', 'data': data}
        if operation == 'updatemacro':
            macro = params.get('macro')
            if not macro:
                raise PlaybookError('The %s updates a global variable without a name ("macro")' % where)
            self.platform.set_global(str(macro), params.get('value'))
            return {'operation': operation, 'status': 'Success', 'message': '',
                    'data': {'name': macro, 'value': params.get('value')}}
        raise UnsupportedStep('The %s calls cyops_utilities %s, which Connector Studio does not simulate (it '
                              'simulates make_cyops_request and updatemacro)' % (where, operation))

    def _dynamic_variables(self, iri, method, body, where):
        from urllib.parse import parse_qs, urlsplit
        if method != 'GET':
            raise UnsupportedStep('The %s sends %s to the dynamic-variable API; only GET (and updatemacro) is '
                                  'simulated' % (where, method))
        name = (parse_qs(urlsplit(iri).query).get('name') or [''])[0]
        found = self.platform.get_global(name) if name else None
        members = [{'name': found.get('name'), 'value': found.get('value'), 'id': found.get('id')}] if found else []
        return {'hydra:member': members, 'hydra:totalItems': len(members)}

    # ---- records

    def _create(self, arguments, variables, where):
        module, dedup = _collection_target(arguments.get('collection'))
        resource = arguments.get('resource') or {}
        # The bulk form (__bulk, batch_size) sends the records in batches; one at a time gives the same records.
        return self._each(arguments, variables, where,
                          lambda: self._one_record(module, dedup, resource, variables, where))

    def _one_record(self, module, dedup, resource, variables, where):
        body = self.evaluator.value(resource, variables, where + ' (resource)')
        body = {k: v for k, v in body.items() if not str(k).startswith('__') and v not in (None, 'None')}
        self.counts.fetched += 1
        if dedup:
            field = DEDUP_FIELDS.get(module) or ('sourceId' if body.get('sourceId') not in (None, '') else 'value')
            value = body.get(field)
            if value not in (None, ''):
                existing = self.platform.find_by(module, field, value)
                if existing:
                    self.counts.duplicates += 1
                    updated = self.platform.request('PUT', existing['@id'], body)
                    return updated
        created = self.platform.request('POST', '/api/3/%s' % module, body)
        self.counts.created += 1
        if isinstance(created, dict):
            self.counts.records.append({'iri': created.get('@id'), 'module': module})
        return created

    # ---- playbooks calling playbooks

    def _reference(self, arguments, variables, where):
        reference = arguments.get('workflowReference')
        params = self.evaluator.value(arguments.get('arguments') or {}, variables, where + ' (arguments)')
        if not isinstance(params, dict):
            params = {}
        parent = variables if arguments.get('pass_parent_env') else None
        child = self.run(reference, params=params, parent_vars=parent)
        return child.get('result')

    def ingest(self, records, playbook, dedup_field=None, batch_size=1000):
        """trigger_ingest_playbook: the records (deduplicated on ``dedup_field`` within the list, as the server
        does) go to ``playbook`` in batches of ``batch_size`` as ``vars.input.params.ingestedData``."""
        kept, seen = [], set()
        for record in records or []:
            if dedup_field and isinstance(record, dict) and dedup_field in record:
                key = json.dumps(record.get(dedup_field), sort_keys=True, default=str)
                if key in seen:
                    self.counts.duplicates += 1
                    continue
                seen.add(key)
            kept.append(record)
        size = max(int(batch_size or 1000), 1)
        for start in range(0, len(kept), size):
            batch = kept[start:start + size]
            self.run(playbook, params={'ingestedData': batch}, records=batch)
        return {'accepted': len(kept)}
