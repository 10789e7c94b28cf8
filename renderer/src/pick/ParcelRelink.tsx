import { useState } from 'react';
import { useFormFocus } from '../hooks/useFormFocus';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { Field, FormError, described, issueAt, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

const SHOPIFY_WORDS = {
  tracking_update: 'Shopify: the fulfillment gets the new number (tracking update queued).',
  create_sends_new: 'Shopify: the fulfillment is not there yet; it is sent with the new number.',
} as const;

/**
 * Re-link: a new tracking number for a parcel whose number cannot be used (label unreadable at the
 * carrier, wrong line, number refused). Keyboard first: the reason field takes focus, Enter sends,
 * Esc cancels.
 */
export function ParcelRelink({ parcelId, lineId, status, onDone }: { parcelId: string; lineId: string; status: string; onDone: (msg: string) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [line, setLine] = useState(lineId);
  const [number, setNumber] = useState('');
  const { busy, failure, setFailure, run } = useAction();
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved');
  const { input, openBtn } = useFormFocus(open);
  if (status === 'handed_over' || status === 'voided') return null;
  if (!open)
    return (
      <ActionButton channel="parcel.relink" ref={openBtn} data-testid="relink-open" onClick={() => setOpen(true)}>
        Re-link number…
      </ActionButton>
    );
  const close = () => {
    setOpen(false);
    setFailure(null);
  };
  return (
    <form
      className="relink-form"
      data-testid="relink-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() =>
          call('parcel.relink', { parcelId, reason, ...(line !== lineId ? { lineId: line } : {}), ...(number.trim() ? { number: number.trim() } : {}) }),
        ).then((r) => {
          if (!r) return;
          setOpen(false);
          setReason('');
          setNumber('');
          onDone(
            `Re-linked: ${r.oldNumber} → ${r.newNumber}${r.line !== r.oldLine ? ` (${r.oldLine} → ${r.line})` : ''}. New label sent to the printer: stick it over the old one. ${r.shopify ? SHOPIFY_WORDS[r.shopify.action] : ''}`,
          );
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="relink-head">New tracking number for this parcel. The old number is never used again.</div>
      <Field
        id="relink-reason"
        label="Why does the number change?"
        error={issueAt(failure, 'reason')}
        hint="For example: label unreadable at the carrier, wrong line, number refused."
      >
        <input
          ref={input}
          {...described('relink-reason', issueAt(failure, 'reason'), true)}
          data-testid="relink-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoComplete="off"
          maxLength={200}
        />
      </Field>
      <div className="relink-row">
        <Field id="relink-line" label="Line" error={issueAt(failure, 'lineId')}>
          <select {...described('relink-line', issueAt(failure, 'lineId'))} data-testid="relink-line" value={line} onChange={(e) => setLine(e.target.value)}>
            {(lines.data ?? [])
              .filter((l) => l.active || l.id === lineId)
              .map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
          </select>
        </Field>
        <Field
          id="relink-number"
          label="Number (optional)"
          error={issueAt(failure, 'number')}
          hint="Empty: the line's next number. Or scan the carrier's own label."
        >
          <input
            {...described('relink-number', issueAt(failure, 'number'), true)}
            data-testid="relink-number"
            className="mono"
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            autoComplete="off"
            maxLength={40}
          />
        </Field>
      </div>
      <div className="row-actions">
        <button type="submit" className="primary" data-testid="relink-submit" disabled={busy}>
          {busy ? 'Re-linking…' : 'Re-link and print'}
        </button>
        <button type="button" onClick={close}>
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
      <FormError failure={failure} fieldPaths={['reason', 'lineId', 'number']} testId="relink-error" />
    </form>
  );
}
