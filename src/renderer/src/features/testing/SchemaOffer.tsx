import { useState } from 'react';
import { schemaFromOutput } from '../../../../shared/connector/output-schema';
import { writeOutputSchema } from '../../store/testing/output-schema';
import { useTestingStore } from '../../store/testing/store';
import { declaresNothing } from './schema-verdict';

/** Under a successful run whose data and output_schema disagree (or that declares none): write output_schema from the
 * real data. Gone once info.json's schema is exactly what this output gives. The verdict itself is RunView's one line. */
export function SchemaOffer({ operation, data, differs }: { operation: string; data: unknown; differs: boolean }) {
  const current = useTestingStore((s) => s.info?.operations.find((o) => o.operation === operation)?.outputSchema);
  const [busy, setBusy] = useState(false);
  if (data === undefined || data === null || (!differs && !declaresNothing(current))) return null;
  if (JSON.stringify(current) === JSON.stringify(schemaFromOutput(data))) return null;
  const write = async () => {
    setBusy(true);
    try {
      await writeOutputSchema(operation, data);
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="tc-schema-offer" data-testid="schema-offer">
      <button type="button" className="button secondary small" disabled={busy} onClick={() => void write()} data-testid="schema-write">
        {busy ? 'Writing…' : 'Write output_schema from this output'}
      </button>
    </p>
  );
}
