import { useEffect } from 'react';
import { useAppStore } from '../store/app/store';
import type { Toast } from '../store/app/toasts';
import { Icon } from './Icon';

const ICON = { info: 'info', success: 'check', warning: 'warning', error: 'error' } as const;
const LIFETIME_MS = { info: 6000, success: 4000, warning: 10000, error: 12000 };

function ToastItem({ toast }: { toast: Toast }) {
  const dismiss = useAppStore((s) => s.dismissToast);
  useEffect(() => {
    const t = setTimeout(() => dismiss(toast.id), LIFETIME_MS[toast.kind]);
    return () => clearTimeout(t);
  }, [toast, dismiss]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast" data-kind={toast.kind}>
      <Icon name={ICON[toast.kind]} className="toast-icon" />
      <span className="toast-text">{toast.text}</span>
      <button className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(toast.id)}>
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useAppStore((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => <ToastItem key={t.id} toast={t} />)}
    </div>
  );
}
