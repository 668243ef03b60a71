import { isApiError, messageOf } from '../../api/api-error';

export interface PresentedError {
  readonly message: string;
  /** What to do about it (details.hint of a publish failure). */
  readonly hint?: string;
  readonly kind?: string;
  readonly status?: number;
}

/** A publish failure for people: the message without its hint (the service appends it), and the hint apart. */
export function presentError(e: unknown): PresentedError {
  const message = messageOf(e);
  const d = isApiError(e) && e.details && typeof e.details === 'object' ? (e.details as { hint?: unknown; kind?: unknown; status?: unknown }) : {};
  const hint = typeof d.hint === 'string' && d.hint ? d.hint : undefined;
  const what = hint && message.endsWith(hint) ? message.slice(0, -hint.length).trim() : message;
  return {
    message: what,
    ...(hint ? { hint } : {}),
    ...(typeof d.kind === 'string' ? { kind: d.kind } : {}),
    ...(typeof d.status === 'number' ? { status: d.status } : {}),
  };
}
