/** Names and prose from vendors' descriptions: snake_case identifiers that are valid and unique, and descriptions
 * without the Markdown and HTML that FortiSOAR's forms show as raw characters. */

const PY_RESERVED = new Set(('false none true and as assert async await break class continue def del elif else except finally for ' +
  'from global if import in is lambda nonlocal not or pass raise return try while with yield ' +
  'check_health health_check operations logger apiclient pick require_params connectorerror get_logger json ' +
  'base_url expand_path vendor_message parse_response parse_json name default').split(' '));

/** `List_users_in_group`, `getUserById`, `GET /users/{id}` -> list_users_in_group, get_user_by_id, get_users_id. */
export function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** A valid Python identifier in snake_case, never a keyword or a name the generated module already defines. */
export function identifier(text: string, fallback: string): string {
  let name = snakeCase(text).slice(0, 60).replace(/_+$/, '');
  if (!name) name = fallback;
  if (/^[0-9]/.test(name)) name = `${fallback}_${name}`;
  if (PY_RESERVED.has(name)) name = `${name}_${fallback}`;
  return name;
}

/** Hands out names once: a second `list_users` becomes `list_users_2`. */
export class UniqueNames {
  private readonly used = new Set<string>();
  constructor(taken: Iterable<string> = []) {
    for (const t of taken) this.used.add(t);
  }
  take(name: string): string {
    let candidate = name;
    for (let n = 2; this.used.has(candidate); n++) candidate = `${name}_${n}`;
    this.used.add(candidate);
    return candidate;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text from Markdown or HTML: links keep their words, code keeps its text, markup goes. */
export function plainText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|li|ul|ol|h\d|table|tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\s)[*_]([^*_\s][^*_]*)[*_](?=\s|$|[.,;:])/g, '$1$2')
    .replace(/^#{1,6}\s*/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/\*{2,}/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
    .trim();
}

/** The first sentence, for titles and tooltips; at most `max` characters, cut at a word. */
export function firstSentence(text: string, max = 200): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  const s = (m?.[1] ?? text).trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).replace(/[\s,;:]+$/, '')}...`;
}

const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const ACRONYMS = new Set(['id', 'ip', 'url', 'uri', 'api', 'dns', 'cve', 'ssl', 'tls', 'http', 'https', 'json', 'xml', 'csv', 'md5', 'sha1', 'sha256', 'uuid', 'os', 'mttr', 'ioc', 'ips', 'ids', 'saml', 'sso', 'mfa', 'vpn', 'html', 'pdf']);

/** `asset_group_id` -> "Asset Group ID"; `List users in group` -> "List Users in Group". */
export function titleCase(text: string): string {
  const words = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-.]+/g, ' ').split(/\s+/).filter(Boolean);
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (ACRONYMS.has(lower)) return lower === 'ids' || lower === 'ips' ? `${lower.slice(0, -1).toUpperCase()}s` : lower.toUpperCase();
      if (i > 0 && SMALL.has(lower)) return lower;
      return /[A-Z]/.test(w.slice(1)) ? w.charAt(0).toUpperCase() + w.slice(1) : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

/** Prose acronyms in upper case (Fortinet's CI flags "ip", "json" in descriptions). */
export function upperAcronyms(text: string): string {
  return text.replace(/\b(ip|url|api|json|xml|csv|dns|cve|ssl|tls|uuid|md5|sha1|sha256|html)\b/g, (w) => w.toUpperCase());
}
