import { useRef } from 'react';
import { Icon } from '../../components/Icon';
import { useReviewerStore } from '../../store/review';
import { openPackageForReview } from './reviewer-commands';
import './review.css';

/** Home's "Open .tgz for review": a real file input, so tests (and assistive tech) can reach it. */
export function OpenPackageButton() {
  const input = useRef<HTMLInputElement>(null);
  const busy = useReviewerStore((s) => s.busy);
  return (
    <>
      <input ref={input} type="file" accept=".tgz,.tar.gz,application/gzip,application/x-gzip" hidden tabIndex={-1} aria-hidden="true"
        data-testid="review-package-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openPackageForReview(file);
        }} />
      <button className="button secondary" disabled={busy} onClick={() => input.current?.click()} data-testid="open-package-review"
        title="Open an exported connector package read-only and see its review report">
        <Icon name="review" /> {busy ? 'Opening…' : 'Open .tgz for Review…'}
      </button>
    </>
  );
}
