import { isMac } from '../../hooks/platform';
import { findCommand } from '../../store/palette/commands';
import { formatShortcut } from '../../store/palette/shortcuts';
import './welcome.css';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** The palette command the step's button runs: the page adds no door of its own. */
  readonly command: string;
  readonly button: string;
}

/** The loop a connector is built in, in the order a newcomer meets it. */
const STEPS: readonly Step[] = [
  { id: 'edit', title: 'Edit', command: 'connector.form', button: 'Open info.json in the form',
    text: "Describe the connector in info.json's form: its configuration fields and its actions with their parameters. Write each action's code in operations.py; the Problems panel checks both as you type." },
  { id: 'health', title: 'Check Health', command: 'test.configuration', button: 'Add a configuration',
    text: 'Add a configuration (server address, API key) in the Test view and press Check Health: it runs the connector\'s check() as FortiSOAR does.' },
  { id: 'run', title: 'Run', command: 'test.actions', button: 'Open Test Actions',
    text: 'Pick an action, fill its parameters and Run it against the configuration. The result, logs and any traceback show in the Output panel.' },
  { id: 'save-test', title: 'Save as test', command: 'test.actions', button: 'Record a run',
    text: 'Record a run (Cassette: Record), then choose Save as test under its result. The Tests view replays it without the vendor, so a later change that breaks it shows at once.' },
  { id: 'export', title: 'Export', command: 'package.export', button: 'Export .tgz',
    text: 'Export the connector as the .tgz FortiSOAR imports. It is validated first; errors stop the export and say how to fix them.' },
  { id: 'publish', title: 'Publish', command: 'publish.show', button: 'Open Publish',
    text: 'Install the package on a FortiSOAR server (or a local sandbox) from the Publish view, and run a health check there.' },
];

const run = (id: string) => void findCommand(id)?.run();

/** A short walkthrough, as VS Code's Getting Started: what to do next, each step one button away. */
export function GettingStarted() {
  const mac = isMac();
  return (
    <article className="welcome" data-testid="getting-started">
      <h1>Getting Started</h1>
      <p className="muted">Building a connector is one loop: edit, check, run, keep what works as a test, then ship it.</p>
      <ol className="welcome-steps">
        {STEPS.map((s) => (
          <li key={s.id} className="welcome-step" data-testid={`welcome-step-${s.id}`}>
            <h2>{s.title}</h2>
            <p>{s.text}</p>
            <button type="button" className="button secondary small" onClick={() => run(s.command)} data-testid={`welcome-run-${s.id}`}>{s.button}</button>
          </li>
        ))}
      </ol>
      <p className="muted small">
        Every command is in the Command Palette ({formatShortcut('Mod+Shift+P', mac)}); this page comes back with “Help: Getting Started”, and
        “Help: Keyboard Shortcuts” lists every key.
      </p>
    </article>
  );
}
