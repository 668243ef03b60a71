/** requirements.txt rules. */
import { defineRule, type Rule } from '../rule';
import { REQUIREMENTS_TXT } from '../snapshot';

export const requirementRules: Rule[] = [
  defineRule({
    id: 'requirements-pinned',
    severity: 'warning',
    family: 'requirements',
    title: 'requirements.txt does not pin exact versions',
    description: 'The Engine inspector flags == pins: they clash with the libraries the platform and other connectors install.',
    check({ snapshot }, report) {
      const text = snapshot.files[REQUIREMENTS_TXT];
      if (text === undefined) return;
      text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.replace(/(^|\s)#.*$/, '');
        const at = line.indexOf('==');
        if (at === -1 || line.trimStart().startsWith('-')) return;
        const pkg = line.slice(0, at).trim();
        report({
          path: REQUIREMENTS_TXT,
          line: i + 1,
          column: at + 1,
          message: `'${line.trim()}' pins an exact version: use a lower bound such as '${pkg}>=${line.slice(at).replace(/^=+/, '').trim()}' unless a newer release is known to break.`,
        });
      });
    },
  }),
];
