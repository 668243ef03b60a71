import { useMemo } from 'react';
import type { Finding } from '../../../../shared/connector/findings';
import { Icon } from '../../components/Icon';
import { fixOffersFor, type FixOffer } from '../../store/connector/quick-fix';
import { useConnectorStore } from '../../store/connector/store';
import { useProblemsStore } from '../../store/problems/store';
import { useTestingStore } from '../../store/testing/store';

const apply = (offer: FixOffer) => useConnectorStore.getState().applyFixEdit(offer.edit);

function FixLine({ finding, offers, pick }: { finding: Finding; offers: readonly FixOffer[]; pick: boolean }) {
  const certain = offers.find((o) => o.kind === 'fix');
  const choices = pick ? offers.filter((o) => o.kind === 'choice') : [];
  if (!certain && choices.length === 0) return null;
  return (
    <div className={`ff-fix sev-${finding.severity}`} data-testid="form-fix" data-rule={finding.rule}>
      <Icon name={finding.severity} size={12} />
      <span className="ff-fix-message" title={finding.message}>{finding.message}</span>
      {certain && (
        <button type="button" className="button secondary small" onClick={() => apply(certain)} data-testid="form-fix-apply" title="Apply the quick fix (undo with Ctrl+Z)">
          Fix: {certain.title}
        </button>
      )}
      {choices.length > 0 && (
        <select className="select" value="" aria-label={`Pick a value for ${finding.pointer ?? finding.rule}`} data-testid="form-fix-pick"
          onChange={(e) => {
            const picked = choices[Number(e.target.value)];
            if (picked) apply(picked);
          }}>
          <option value="" disabled>Pick…</option>
          {choices.map((c, i) => <option key={c.title} value={i}>{String(c.edit.value)}</option>)}
        </select>
      )}
    </div>
  );
}

/** Under a field of the form: what the checks found at it that a quick fix can settle, with the same fixes as
 * the Problems panel and Ctrl+. (a finding without a fix stays in the panel, the form does not repeat it).
 * `pick: false` for a field that is itself a list of the values to pick from. */
export function RowFixes({ pointer, pick = true }: { pointer: string; pick?: boolean }) {
  const merged = useProblemsStore((s) => s.merged);
  const info = useConnectorStore((s) => (s.syntaxError ? null : s.info));
  const runs = useTestingStore((s) => s.runs);
  const fixable = useMemo(() => {
    void runs; // a new run's output can fix an output_schema finding: the offers are read again then
    if (!info) return [];
    return merged.filter((f) => f.path === 'info.json' && f.pointer === pointer).map((f) => ({ f, offers: fixOffersFor(info, f) })).filter((x) => x.offers.length > 0);
  }, [merged, info, pointer, runs]);
  if (fixable.length === 0) return null;
  return (
    <div className="ff-fixes">
      {fixable.map(({ f, offers }) => <FixLine key={`${f.rule}|${f.message}`} finding={f} offers={offers} pick={pick} />)}
    </div>
  );
}
