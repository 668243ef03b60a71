/** debugpy's frames, scopes, variables and evaluations as the app's models, with the configuration's secrets masked. */
import path from 'node:path';
import type { DebugProtocol } from '@vscode/debugprotocol';
import type { DebugEvaluateResult, DebugScope, DebugStackFrame, DebugVariable } from '../../../shared/models/debug';
import type { Scrubber } from '../runtime/result-checks';
import { isBelow } from '../workspace/safe-path';
import { relPathIn } from './session-paths';

/** A frame in connector code (path relative to the project), in resources/python ('framework'), or a 'library'. */
export function toFrame(f: DebugProtocol.StackFrame, roots: readonly string[], pythonDir: string, scrub: Scrubber): DebugStackFrame {
  const file = f.source?.path;
  const rel = file ? relPathIn(roots, file) : undefined;
  const origin = rel ? 'connector' : file && isBelow(pythonDir, file) ? 'framework' : 'library';
  return {
    id: f.id,
    name: scrub(f.name),
    ...(rel ? { path: rel } : {}),
    ...(file ? { fileName: path.basename(file) } : {}),
    line: f.line,
    column: f.column,
    ...(f.endLine ? { endLine: f.endLine } : {}),
    ...(f.endColumn ? { endColumn: f.endColumn } : {}),
    origin,
  };
}

export function toScope(s: DebugProtocol.Scope): DebugScope {
  return {
    name: s.name,
    variablesReference: s.variablesReference,
    expensive: s.expensive,
    ...(s.namedVariables !== undefined ? { namedVariables: s.namedVariables } : {}),
    ...(s.indexedVariables !== undefined ? { indexedVariables: s.indexedVariables } : {}),
  };
}

export function toVariable(v: DebugProtocol.Variable, scrub: Scrubber): DebugVariable {
  const value = scrub(v.value);
  return {
    name: scrub(v.name),
    value,
    variablesReference: v.variablesReference,
    ...(v.type ? { type: v.type } : {}),
    ...(v.namedVariables !== undefined ? { namedVariables: v.namedVariables } : {}),
    ...(v.indexedVariables !== undefined ? { indexedVariables: v.indexedVariables } : {}),
    ...(v.evaluateName ? { evaluateName: v.evaluateName } : {}),
    ...(value !== v.value ? { masked: true } : {}),
  };
}

export function toEvaluateResult(body: DebugProtocol.EvaluateResponse['body'], scrub: Scrubber): DebugEvaluateResult {
  const result = scrub(body.result);
  return {
    result,
    variablesReference: body.variablesReference,
    ...(body.type ? { type: body.type } : {}),
    ...(body.namedVariables !== undefined ? { namedVariables: body.namedVariables } : {}),
    ...(body.indexedVariables !== undefined ? { indexedVariables: body.indexedVariables } : {}),
    ...(result !== body.result ? { masked: true } : {}),
  };
}

/** An expression debugpy could not evaluate: its message is the result, marked as an error. */
export function toEvaluateError(message: string, scrub: Scrubber): DebugEvaluateResult {
  const result = scrub(message);
  return { result, variablesReference: 0, error: true, ...(result !== message ? { masked: true } : {}) };
}
