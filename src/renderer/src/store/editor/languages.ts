const BY_EXT: Record<string, string> = {
  py: 'python', json: 'json', md: 'markdown', markdown: 'markdown', txt: 'plaintext', html: 'html', htm: 'html',
  css: 'css', js: 'javascript', mjs: 'javascript', ts: 'typescript', yml: 'yaml', yaml: 'yaml', xml: 'xml',
  svg: 'xml', sh: 'shell', ini: 'ini', cfg: 'ini', toml: 'ini', sql: 'sql',
};
const BY_NAME: Record<string, string> = { 'requirements.txt': 'plaintext', Dockerfile: 'dockerfile', '.gitignore': 'plaintext' };
const LABELS: Record<string, string> = {
  python: 'Python', json: 'JSON', markdown: 'Markdown', plaintext: 'Plain Text', html: 'HTML', css: 'CSS',
  javascript: 'JavaScript', typescript: 'TypeScript', yaml: 'YAML', xml: 'XML', shell: 'Shell Script', ini: 'Ini',
  sql: 'SQL', dockerfile: 'Dockerfile', image: 'Image', binary: 'Binary',
};
const IMAGE_MIME: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', ico: 'image/x-icon',
};

const extOf = (relPath: string) => {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
};

/** Monaco language id for a file. */
export function languageFor(relPath: string): string {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  return BY_NAME[name] ?? BY_EXT[extOf(relPath)] ?? 'plaintext';
}

export const languageLabel = (id: string) => LABELS[id] ?? id;

/** MIME type for images the preview can show (SVG opens as text). */
export const imageMimeOf = (relPath: string): string | null => IMAGE_MIME[extOf(relPath)] ?? null;
