/** The rule engine on the live info.json text: pure and fast (well under a millisecond on the largest corpus
 * file), so it runs on keystrokes; a throttle keeps a burst of typing to one run per interval. */
import { runEngine } from '../../../../shared/connector/engine';
import type { Finding } from '../../../../shared/connector/findings';
import { parseJsonText } from '../../../../shared/form/json-text';
import { DISPATCH_RULES, LIVE_RULES } from './merge';

/** `python`: the connector's .py sources (connector-relative), to check the dispatch against the live text. */
export function liveFindings(text: string, folderName: string, python?: Readonly<Record<string, string>>): Finding[] {
  const snapshot = { folderName, files: { ...python, 'info.json': text }, images: {}, metadataOnly: !python };
  const { findings } = runEngine(snapshot, { rules: python ? [...LIVE_RULES, ...DISPATCH_RULES] : LIVE_RULES });
  return findings.map((f) => (f.rule === 'info-json-parse' && f.line === undefined ? withPosition(text, f) : f));
}

/** Newer JavaScript engines say where JSON.parse failed only in words; the tolerant parser gives the place. */
function withPosition(text: string, f: Finding): Finding {
  const at = parseJsonText(text).errors[0];
  return at ? { ...f, line: at.line, column: at.column } : f;
}

type Timer = (fn: () => void, ms: number) => unknown;

/**
 * Runs at once, in the caller's turn, after a quiet spell (a single keystroke shows its diagnostics before
 * the form and the editor repaint), and at most once per `interval` while changes keep coming; the last
 * change is always covered by a run.
 */
export function createThrottle(run: () => void, interval: number, now: () => number = () => performance.now(), timer: Timer = setTimeout) {
  let last = -Infinity;
  let pending = false;
  const go = () => {
    pending = false;
    last = now();
    run();
  };
  return () => {
    if (pending) return;
    const wait = last + interval - now();
    if (wait <= 0) return go();
    pending = true;
    timer(go, wait);
  };
}
