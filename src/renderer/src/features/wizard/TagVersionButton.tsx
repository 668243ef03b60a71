import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { reportInBackground, toastError, toastSuccess } from '../../store/app/store';

type TagState = 'checking' | 'absent' | 'present' | 'tagging' | 'unavailable';

/** Offers to tag the exported version `v<version>` in the project's git, so this archive can be found again
 * (and diffed against) later; says so when the tag is already there. */
export function TagVersionButton({ projectId, version }: { projectId: string; version: string }) {
  const name = `v${version}`;
  const [state, setState] = useState<TagState>('checking');
  useEffect(() => {
    let live = true;
    call('git.tags', { projectId })
      .then((tags) => live && setState(tags.some((t) => t.name === name) ? 'present' : 'absent'))
      .catch((e: unknown) => {
        reportInBackground('Reading the tags')(e);
        if (live) setState('unavailable');
      });
    return () => void (live = false);
  }, [projectId, name]);

  const tag = async () => {
    setState('tagging');
    try {
      await call('git.createTag', { projectId, name, message: `Version ${version}` });
      setState('present');
      toastSuccess(`Tagged ${name}.`);
    } catch (e) {
      setState('absent');
      toastError(e);
    }
  };

  if (state === 'unavailable' || state === 'checking') return null;
  if (state === 'present') return <span className="muted small" data-testid="export-tagged">Tagged {name}</span>;
  return (
    <button className="button secondary" onClick={() => void tag()} disabled={state === 'tagging'} data-testid="export-tag"
      title={`Create the git tag ${name} on the current commit`}>
      Tag {name}
    </button>
  );
}
