import { useState } from 'react';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, useAction } from '../ui/Field';
import { fmtDateTime } from '../ui/time';
import { ActionButton } from '../operators/OperatorsAllowed';

function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}

/** Supervisor → Self-assessment: the article's eight questions answered from this site's figures, for a period, and as a PDF for merchants. */
export function AssessmentReport() {
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const report = useChannel('assessment.report', period, () => false);
  const pdf = useAction();
  const [link, setLink] = useState<{ url: string; name: string } | null>(null);
  const r = report.data;
  return (
    <section className="card assessment" aria-labelledby="as-h" data-testid="assessment">
      <div className="assessment-head">
        <h2 id="as-h">Tracking-stack self-assessment</h2>
        <form
          className="backup-row"
          onSubmit={(e) => {
            e.preventDefault();
            setLink(null);
            setPeriod({ from: draft.from || undefined, to: draft.to || undefined });
          }}
        >
          <label>
            From{' '}
            <input
              type="date"
              value={draft.from || r?.from || ''}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              data-testid="assessment-from"
            />
          </label>
          <label>
            to <input type="date" value={draft.to || r?.to || ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} data-testid="assessment-to" />
          </label>
          <button type="submit">Show</button>
        </form>
        <ActionButton
          channel="assessment.pdf"
          type="button"
          className="primary"
          data-testid="assessment-pdf"
          disabled={pdf.busy || !r}
          onClick={() => void pdf.run(() => call('assessment.pdf', period)).then((x) => x && setLink({ url: pdfUrl(x.pdfBase64), name: x.fileName }))}
        >
          PDF for merchants
        </ActionButton>
        {link && (
          <a href={link.url} download={link.name} target="_blank" rel="noreferrer" data-testid="assessment-pdf-link">
            Open {link.name}
          </a>
        )}
      </div>
      <FormError failure={pdf.failure} />
      {report.error && (
        <p className="form-error" role="alert">
          {report.error}
        </p>
      )}
      {r && (
        <>
          <p className="muted" data-testid="assessment-summary">
            {r.site}, {r.from} to {r.to}: {r.parcels} parcels picked. {r.answers.filter((a) => a.mark === 'pass').length} of {r.answers.length} answers meet the
            article’s good answer (Table 5 of the domain article). Made {fmtDateTime(r.generatedAt)}.
          </p>
          <div className="assessment-list">
            {r.answers.map((a) => (
              <article key={a.n} className="card assessment-q" data-testid="assessment-answer" data-mark={a.mark}>
                <span className={`mark mark-${a.mark}`}>{a.mark === 'pass' ? 'PASS' : 'ATTENTION'}</span>
                <h3>
                  {a.n}. {a.question}
                </h3>
                <p className="good">Good answer: {a.good}</p>
                <p>{a.answer}</p>
                <dl>
                  {a.figures.map((f) => (
                    <div key={f.label} style={{ display: 'contents' }}>
                      <dt>{f.label}</dt>
                      <dd>{f.value}</dd>
                    </div>
                  ))}
                </dl>
                <p className="muted small">Source: {a.source}</p>
              </article>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
