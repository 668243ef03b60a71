import { Icon } from './Icon';

// Small coloured glyphs per file type, in the spirit of VS Code's Seti theme.
const GLYPHS: Record<string, { text: string; cls: string }> = {
  py: { text: 'py', cls: 'fi-py' },
  json: { text: '{}', cls: 'fi-json' },
  md: { text: 'M↓', cls: 'fi-md' },
  txt: { text: '≡', cls: 'fi-txt' },
  png: { text: '▣', cls: 'fi-img' },
  jpg: { text: '▣', cls: 'fi-img' },
  jpeg: { text: '▣', cls: 'fi-img' },
  gif: { text: '▣', cls: 'fi-img' },
  svg: { text: '◇', cls: 'fi-img' },
  yml: { text: 'y', cls: 'fi-yml' },
  yaml: { text: 'y', cls: 'fi-yml' },
  html: { text: '<>', cls: 'fi-html' },
};

export function FileIcon({ name, dir, open }: { name: string; dir?: boolean; open?: boolean }) {
  if (dir) return <Icon name={open ? 'folderOpen' : 'folder'} size={15} className="fi-dir" />;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const g = GLYPHS[ext] ?? (name.startsWith('.git') ? { text: '◆', cls: 'fi-git' } : null);
  if (!g) return <Icon name="file" size={15} className="fi-default" />;
  return <span className={`file-glyph ${g.cls}`} aria-hidden="true">{g.text}</span>;
}
