/** Turning wizard text into Python source safely: user text only ever lands inside escaped literals and
 * docstrings, never as code. */
import { CI_COPYRIGHT_HOLDER, ciCopyrightBlock } from '../../../shared/connector/certification/ci-lists';
import { isCertified, type LicenceChoice, type WizardAnswers } from '../../../shared/connector/wizard';

/** A single-quoted Python string literal. */
export function pyStr(s: string): string {
  // eslint-disable-next-line no-control-regex
  const body = s.replace(/[\\'\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === "'") return "\\'";
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${hex}`;
  });
  return `'${body}'`;
}

export function pyLiteral(v: string | number | boolean): string {
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** Text safe inside a """docstring""": one line, no backslashes or quote runs that could end it. */
export function docText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\\/g, '/').replace(/"/g, "'").trim();
}

/** The first sentence, kept short, for a function docstring. */
export function firstSentence(s: string, max = 100): string {
  const text = docText(s);
  const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return sentence.length <= max ? sentence : sentence.slice(0, max - 3).trimEnd() + '...';
}

/** Python class name from the API identifier: `acme-threat_intel` -> `AcmeThreatIntel`. */
export function className(name: string): string {
  const pascal = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  const safe = /^[A-Za-z]/.test(pascal) ? pascal : `Connector${pascal}`;
  return safe.endsWith('Connector') ? safe : `${safe}Connector`;
}

const LICENCE_LINE: Record<LicenceChoice, string> = {
  MIT: 'MIT License',
  'Apache-2.0': 'Licensed under the Apache License, Version 2.0',
  proprietary: 'All rights reserved',
};

/** Fortinet's CI looks for this block at the top of every .py file. */
export function copyrightHeader(publisher: string, licence: LicenceChoice, year: number): string {
  return ['"""', 'Copyright start', LICENCE_LINE[licence], `Copyright (c) ${year} ${docText(publisher)}`, 'Copyright end', '"""'].join('\n');
}

/** The header of every generated .py file: the partner's own, or, for a connector submitted to Fortinet,
 * exactly the block its CI requires (MIT, Fortinet Inc, this year). */
export function headerFor(a: Pick<WizardAnswers, 'publisher' | 'licence' | 'publishTarget'>, year: number): string {
  return isCertified(a) ? ciCopyrightBlock(year) : copyrightHeader(a.publisher, a.licence, year);
}

/** Whose copyright the LICENSE file states: Fortinet's repositories carry Fortinet Inc's MIT licence. */
export const copyrightHolder = (a: Pick<WizardAnswers, 'publisher' | 'publishTarget'>): string => (isCertified(a) ? CI_COPYRIGHT_HOLDER : a.publisher.trim());

/** Replaces `{{key}}` placeholders; a placeholder left over is a template bug, so it throws. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  const out = text.replace(/\{\{([a-z_]+)\}\}/g, (m, key: string) => values[key] ?? m);
  const left = /\{\{[a-z_]+\}\}/.exec(out);
  if (left) throw new Error(`Template placeholder ${left[0]} has no value`);
  return out;
}

/** Top-level `def x(`, `class X(` and `X = ` names of a module, for computing import lists. */
export function topLevelNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^(?:def|class)\s+([A-Za-z_]\w*)|^([A-Za-z_]\w*)\s*=/gm)) {
    const name = m[1] ?? m[2];
    if (name) names.add(name);
  }
  return [...names];
}

/** Names from `candidates` that `code` uses as whole words outside strings and comments, sorted. */
export function usedNames(code: string, candidates: readonly string[]): string[] {
  const bare = codeOnly(code);
  return candidates.filter((n) => new RegExp(`\\b${n}\\b`).test(bare)).sort();
}

/** Source with string literals and comments blanked, so a word in a docstring does not count as a use. */
export function codeOnly(src: string): string {
  return src.replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|#[^\n]*/g, "''");
}

/** `from .x import a, b`, wrapped the way black would when it grows past 100 columns. */
export function importLine(module: string, names: readonly string[]): string {
  if (names.length === 0) return '';
  const line = `from ${module} import ${names.join(', ')}`;
  if (line.length <= 100) return line;
  return `from ${module} import (\n${names.map((n) => `    ${n},`).join('\n')}\n)`;
}
