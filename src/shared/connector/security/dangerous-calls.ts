/** Calls that run or load arbitrary code: eval/exec, shell commands, pickle and unsafe YAML loads. Playbook
 * parameters reach these calls from records anyone can create, so each is a remote code execution risk. */
import { textOf, type PyModule } from '../python/ast';
import { isTrue, type CallSite } from './py-calls';
import { defineSecurityRule, type ModuleFacts, type SecurityIssue } from './rule';

const EVAL = new Set(['eval', 'exec', 'builtins.eval', 'builtins.exec']);
/** Always run through a shell. */
const SHELL_ALWAYS = new Set(['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput']);
const PICKLE = new Set([
  'pickle.load',
  'pickle.loads',
  'cPickle.load',
  'cPickle.loads',
  '_pickle.load',
  '_pickle.loads',
  'dill.load',
  'dill.loads',
  'jsonpickle.decode',
  'pandas.read_pickle',
]);
const YAML_UNSAFE = new Set(['yaml.unsafe_load', 'yaml.unsafe_load_all']);
const YAML_LOAD = new Set(['yaml.load', 'yaml.load_all']);
const SAFE_LOADER = /(^|\.)C?(Safe|Base)Loader$/;

function* evalCalls({ calls }: ModuleFacts): Generator<SecurityIssue> {
  for (const c of calls)
    if (c.name !== undefined && EVAL.has(c.name))
      yield {
        node: c.node,
        message: `${c.name}() runs any Python code it is given.`,
        fix: 'Parse data with json.loads or ast.literal_eval, or dispatch on known names with a dict.',
      };
}

function* shellCalls({ module: m, calls }: ModuleFacts): Generator<SecurityIssue> {
  const fix = 'Call subprocess.run([...args], shell=False) with an argument list, and never build commands from parameters.';
  for (const c of calls) {
    if (c.name === undefined) continue;
    if (SHELL_ALWAYS.has(c.name)) yield { node: c.node, message: `${c.name}() runs its command through the shell: parameters can inject commands.`, fix };
    else if (c.name.startsWith('subprocess.') && isTrue(m, c.args.keywords.get('shell')))
      yield { node: c.args.keywords.get('shell')!, message: `${c.name}(..., shell=True) runs the command through the shell: parameters can inject commands.`, fix };
  }
}

function yamlLoader(m: PyModule, c: CallSite): string {
  const loader = c.args.keywords.get('Loader') ?? c.args.positional[1];
  return loader ? textOf(m, loader) : '';
}

function* deserialization({ module: m, calls }: ModuleFacts): Generator<SecurityIssue> {
  for (const c of calls) {
    if (c.name === undefined) continue;
    if (PICKLE.has(c.name))
      yield { node: c.node, message: `${c.name}() can run code hidden in the data it loads.`, fix: 'Exchange data as JSON (json.loads) instead of pickles.' };
    const unsafeYaml = YAML_UNSAFE.has(c.name) || (YAML_LOAD.has(c.name) && !SAFE_LOADER.test(yamlLoader(m, c)));
    if (unsafeYaml)
      yield { node: c.node, message: `${c.name}() without SafeLoader can build arbitrary Python objects from the document.`, fix: 'Use yaml.safe_load() (or Loader=yaml.SafeLoader).' };
  }
}

export const evalRule = defineSecurityRule({
  id: 'eval-exec',
  severity: 'error',
  title: 'No eval or exec',
  description: 'eval() and exec() run whatever text reaches them; with playbook input that is remote code execution.',
  check: (facts, report) => {
    for (const i of evalCalls(facts)) report(i);
  },
});

export const shellRule = defineSecurityRule({
  id: 'shell-command',
  severity: 'error',
  title: 'No shell commands (shell=True, os.system)',
  description: 'A command line built from parameters and run through a shell lets anyone who can run a playbook run commands on the server.',
  check: (facts, report) => {
    for (const i of shellCalls(facts)) report(i);
  },
});

export const deserializationRule = defineSecurityRule({
  id: 'unsafe-deserialization',
  severity: 'error',
  title: 'No pickle or unsafe YAML loads',
  description: 'pickle and yaml.load (without SafeLoader) execute code embedded in the data, which often comes from a vendor API or a file.',
  check: (facts, report) => {
    for (const i of deserialization(facts)) report(i);
  },
});
