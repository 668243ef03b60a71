import { followDrag } from '../hooks/follow-drag';

interface ResizerProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange(value: number): void;
  testId?: string;
}

/** A vertical splitter: drag with the pointer, or focus it and use the arrow keys. */
export function Resizer({ label, value, min, max, onChange, testId = 'sidebar-resizer' }: ResizerProps) {
  const clamp = (v: number) => Math.min(max, Math.max(min, v));

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const start = value;
    followDrag(e, 'x', (dx) => onChange(clamp(start + dx)));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const step = e.shiftKey ? 40 : 10;
    if (e.key === 'ArrowLeft') onChange(clamp(value - step));
    else if (e.key === 'ArrowRight') onChange(clamp(value + step));
    else return;
    e.preventDefault();
  };

  return (
    <div className="resizer" role="separator" aria-orientation="vertical" aria-label={label} aria-valuenow={Math.round(value)}
      aria-valuemin={min} aria-valuemax={max} tabIndex={0} onPointerDown={onPointerDown} onKeyDown={onKeyDown} data-testid={testId} />
  );
}
