import { useCallback, useState } from 'react';

/** UI preferences such as panel sizes live in localStorage; file contents never do. */
export function usePersistentNumber(key: string, initial: number): [number, (v: number) => void] {
  const [value, setValue] = useState(() => {
    const stored = Number(localStorage.getItem(key));
    return Number.isFinite(stored) && stored > 0 ? stored : initial;
  });
  const set = useCallback(
    (v: number) => {
      setValue(v);
      localStorage.setItem(key, String(Math.round(v)));
    },
    [key],
  );
  return [value, set];
}
