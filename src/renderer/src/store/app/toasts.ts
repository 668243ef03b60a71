export type ToastKind = 'info' | 'success' | 'error' | 'warning';

export interface Toast {
  readonly id: number;
  readonly kind: ToastKind;
  readonly text: string;
}

export const MAX_TOASTS = 4;

/** Newest last; the oldest go when there are too many, and an identical message is not stacked twice. */
export function pushToast(toasts: readonly Toast[], toast: Toast): Toast[] {
  const without = toasts.filter((t) => !(t.text === toast.text && t.kind === toast.kind));
  return [...without, toast].slice(-MAX_TOASTS);
}

export const dropToast = (toasts: readonly Toast[], id: number): Toast[] => toasts.filter((t) => t.id !== id);
