import { describe, expect, it } from 'vitest';
import { renderReviewHtml } from './html';
import { assembleReport } from './review-service';
import type { ReviewFinding } from './types';

const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';

const findings: ReviewFinding[] = [
  { rule: 'operation-description', source: 'rules', severity: 'warning', message: `Operation '${hostile}' has no "description".`, path: 'info.json', pointer: '/operations/0/description', fix: 'Say what it does & returns.' },
  { rule: 'shell-command', source: 'security', severity: 'error', message: 'subprocess.run(..., shell=True)', path: 'operations.py', line: 4, column: 12 },
];

describe('review HTML export', () => {
  const report = assembleReport(`acme${hostile}`, '1.0.0', findings, false);
  const html = renderReviewHtml(report);

  it('escapes connector text: a <script> in a description never becomes markup', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Say what it does &amp; returns.');
  });

  it('is self-contained: inline CSS, no scripts, no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|src="http|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('shows the verdict, the counts and every section with its findings', () => {
    expect(html).toContain('Needs changes: 1 error');
    expect(html).toContain('1 error, 1 warning, 0 infos.');
    for (const s of report.sections) expect(html).toContain(`<section id="${s.id}">`);
    expect(html).toContain('operations.py:4:12');
    expect(html).toContain('info.json#/operations/0/description');
  });
});
