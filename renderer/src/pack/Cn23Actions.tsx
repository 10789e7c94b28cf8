import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';

/**
 * A parcel's CN23 (the A4 customs form of parcels above the CN22 limit): print it again on the
 * document printer, or save the PDF. Nothing shows for a parcel that needs no CN23.
 */
export function Cn23Actions({ parcelId, label }: { parcelId: string; label?: string }) {
  const form = useChannel('pack.customsForm', { parcelId }, (t, subject) => t === 'customs.form_queued' && subject === parcelId);
  const { busy, failure, run } = useAction();
  const [done, setDone] = useState<string | null>(null);
  if (form.data?.form !== 'CN23') return null;
  const f = form.data;
  return (
    <div className="cn23-actions" data-testid="cn23-actions" data-parcel={parcelId}>
      <span>
        <b>CN23</b> {label ? `${label}: ` : ''}
        {f.items.reduce((n, i) => n + i.quantity, 0)} items, {f.currency} {f.value.toFixed(2)}
      </span>
      <button
        disabled={busy}
        data-testid="cn23-print"
        onClick={() => void run(async () => setDone((await call('pack.customsFormPrint', { parcelId, reason: 'printed again' })).message))}
      >
        Print CN23 again
      </button>
      <button
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const pdf = await call('pack.customsFormPdf', { parcelId });
            const a = document.createElement('a');
            a.href = `data:application/pdf;base64,${pdf.pdfBase64}`;
            a.download = pdf.fileName;
            a.click();
          })
        }
      >
        Save PDF
      </button>
      {done && <span className="ok-text">{done}</span>}
      <FormError failure={failure} />
    </div>
  );
}
