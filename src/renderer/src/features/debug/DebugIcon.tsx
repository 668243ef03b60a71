import type { ReactElement } from 'react';

// The debugger's stroke icons, in the style of Lucide (ISC licence) like components/Icon.tsx, shaped after VS Code's
// debug codicons so its users find each button where they expect it.
const PATHS = {
  continue: <><path d="M5 4v16" /><path d="M9 4.5v15a.5.5 0 0 0 .76.43l11-7.5a.5.5 0 0 0 0-.86l-11-7.5A.5.5 0 0 0 9 4.5z" /></>,
  start: <path d="M6 3.5v17a.5.5 0 0 0 .76.43l13-8.5a.5.5 0 0 0 0-.86l-13-8.5A.5.5 0 0 0 6 3.5z" />,
  pause: <><rect x="14" y="4" width="4" height="16" rx="1" /><rect x="6" y="4" width="4" height="16" rx="1" /></>,
  stepOver: <><path d="M4 13a8 8 0 0 1 15-4" /><path d="M20 4v5h-5" /><circle cx="12" cy="19" r="2" /></>,
  stepInto: <><path d="M12 3v11" /><path d="m8 10 4 4 4-4" /><circle cx="12" cy="20" r="2" /></>,
  stepOut: <><path d="M12 15V4" /><path d="m8 8 4-4 4 4" /><circle cx="12" cy="20" r="2" /></>,
  restart: <><path d="M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8" /><path d="M3 3v5h5" /></>,
  stop: <rect width="14" height="14" x="5" y="5" rx="2" />,
  breakpoint: <circle cx="12" cy="12" r="6" />,
  eye: <><path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" /><circle cx="12" cy="12" r="3" /></>,
  edit: <><path d="M12 20h9" /><path d="M16.4 3.6a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" /></>,
  toggleAll: <><circle cx="8" cy="12" r="5" /><path d="M16 7a5 5 0 0 1 0 10" /></>,
} satisfies Record<string, ReactElement>;

export type DebugIconName = keyof typeof PATHS;

export function DebugIcon({ name, size = 16 }: { name: DebugIconName; size?: number }) {
  return (
    <svg className={`icon debug-icon debug-icon-${name}`} width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {PATHS[name]}
    </svg>
  );
}
