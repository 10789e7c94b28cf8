import { useState, type FormEvent, type RefObject } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { described, Field, FormError, issueAt, useAction } from '../ui/Field';
import { fmtZoned } from '../ui/ZonedTime';
import { KIND_WORDS } from './site-format';

type Conflict = Output<'site.conflicts'>[number];

/** One conflict: what happened and what to do (the detail), and the form that says it was done. */
export function SiteSettle({
  c,
  zone,
  inputRef,
  onSettled,
}: {
  c: Conflict;
  zone: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onSettled: (c: Conflict) => void;
}) {
  const [resolution, setResolution] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const act = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!resolution.trim()) {
      setMissing(true);
      inputRef.current?.focus();
      return;
    }
    void act.run(() => call('site.settle', { conflictId: c.id, resolution: resolution.trim(), note: note.trim() })).then((r) => r && onSettled(r));
  };
  const resErr = issueAt(act.failure, 'resolution') ?? (missing ? 'Say what was done first, e.g. “voided the second parcel”.' : undefined);
  return (
    <section className="card site-settle" data-testid="site-settle" data-id={c.id} aria-label={`Conflict ${c.subject}`}>
      <h2>
        {KIND_WORDS[c.kind] ?? c.kind}: <span className="mono">{c.subject}</span>
      </h2>
      <p className="site-detail" data-testid="site-detail">
        {c.detail}
      </p>
      {c.status === 'settled' ? (
        <div className="site-settled" data-testid="site-settled">
          Settled {c.settledAt ? fmtZoned(c.settledAt, zone) : ''} by {c.settledBy ?? '?'}: {c.resolution}
        </div>
      ) : (
        <form className="site-settle-form" onSubmit={submit} noValidate>
          <Field id="site-resolution" label="What was done (required)" error={resErr}>
            <input
              {...described('site-resolution', resErr)}
              ref={inputRef}
              data-testid="site-resolution"
              value={resolution}
              maxLength={200}
              onChange={(e) => (setResolution(e.target.value), setMissing(false))}
              autoComplete="off"
            />
          </Field>
          <div className="inline-form">
            <Field id="site-note" label="Note" error={issueAt(act.failure, 'note')}>
              <input id="site-note" data-testid="site-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
            </Field>
            <button
              type="submit"
              className="primary"
              disabled={act.busy}
              data-testid="site-settle-button"
              title="Enter in either field; Esc goes back to the list"
            >
              Settle <kbd>Enter</kbd>
            </button>
          </div>
          <FormError failure={act.failure} fieldPaths={['resolution', 'note']} testId="site-settle-error" />
        </form>
      )}
    </section>
  );
}
