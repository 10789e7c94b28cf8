import { useRef, useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { Field, FormError, described, issueAt, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

type Printers = Output<'printers.list'>;
type Form = { id: string; name: string; host: string; port: string; language: 'zpl' | 'pdf' };
const blank: Form = { id: '', name: '', host: '', port: '9100', language: 'zpl' };

/** Printers with their queues and failures, and the add/edit form. */
export function SetupPrinters({ printers, error, reload }: { printers: Printers | null; error: string | null; reload: () => void }) {
  const [form, setForm] = useState<Form>(blank);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, failure, setFailure, run } = useAction();
  const firstField = useRef<HTMLInputElement>(null);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => (setForm((f) => ({ ...f, [k]: v })), setSaved(null));
  const err = (p: string) => issueAt(failure, p);

  const edit = (p: Printers[number]) => {
    setForm({ id: p.id, name: p.name, host: p.host, port: String(p.port), language: p.language });
    setEditing(p.id);
    setFailure(null);
    setSaved(null);
    setTimeout(() => firstField.current?.focus(), 0);
  };

  return (
    <section className="card" aria-labelledby="pr-h" data-testid="setup-printers">
      <h2 id="pr-h">Printers</h2>
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <ul className="printer-list">
        {(printers ?? []).map((p) => (
          <li key={p.id} data-testid="printer-row" data-id={p.id} className={p.failing ? 'failing' : ''}>
            <div className="printer-main">
              <b>{p.name}</b>
              <span className="mono">
                {p.host}:{p.port}
              </span>
              <span className="muted">{p.language.toUpperCase()}</span>
              <span className={p.queued ? 'warn' : 'muted'}>{p.queued} queued</span>
              <button className="small-btn" onClick={() => edit(p)} aria-label={`Edit printer ${p.name}`}>
                Edit
              </button>
            </div>
            {p.failing && (
              <div className="printer-failing" role="alert">
                Not printing: {p.failing}. Check power, labels and the network cable, and that {p.host}:{p.port} is right. Queued labels print when it answers.
              </div>
            )}
          </li>
        ))}
        {printers && printers.length === 0 && <li className="muted">No printers yet. Add one below.</li>}
      </ul>

      <h3>{editing ? `Edit printer ${editing}` : 'Add a printer'}</h3>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() =>
            call('printers.save', {
              id: form.id.trim(),
              name: form.name,
              transport: 'tcp9100',
              host: form.host.trim(),
              port: Number(form.port.trim() || Number.NaN),
              language: form.language,
            }),
          ).then((r) => {
            if (!r) return;
            setSaved(`Saved printer ${r.name}.`);
            setForm(blank);
            setEditing(null);
            reload();
          });
        }}
      >
        <Field id="pr-id" label="Printer id" error={err('id')} hint={editing ? 'The id cannot change.' : 'Short, e.g. zebra-2'}>
          <input
            ref={firstField}
            {...described('pr-id', err('id'), true)}
            value={form.id}
            onChange={(e) => set('id', e.target.value)}
            readOnly={!!editing}
            autoComplete="off"
          />
        </Field>
        <Field id="pr-name" label="Name" error={err('name')}>
          <input {...described('pr-name', err('name'))} value={form.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        </Field>
        <Field id="pr-host" label="Host (IP or name)" error={err('host')}>
          <input {...described('pr-host', err('host'))} className="mono" value={form.host} onChange={(e) => set('host', e.target.value)} autoComplete="off" />
        </Field>
        <Field id="pr-port" label="Port" error={err('port')}>
          <input
            {...described('pr-port', err('port'))}
            inputMode="numeric"
            value={form.port}
            onChange={(e) => set('port', e.target.value)}
            autoComplete="off"
          />
        </Field>
        <Field id="pr-lang" label="Language" error={err('language')}>
          <select {...described('pr-lang', err('language'))} value={form.language} onChange={(e) => set('language', e.target.value as Form['language'])}>
            <option value="zpl">ZPL (Zebra)</option>
            <option value="pdf">PDF</option>
          </select>
        </Field>
        <div className="row-actions">
          <ActionButton channel="printers.save" type="submit" className="primary" disabled={busy} data-testid="printer-save">
            {busy ? 'Saving…' : editing ? 'Save printer' : 'Add printer'}
          </ActionButton>
          {editing && (
            <button type="button" onClick={() => (setForm(blank), setEditing(null), setFailure(null))}>
              Cancel
            </button>
          )}
        </div>
        {saved && (
          <div className="ok wide" role="status">
            {saved}
          </div>
        )}
        <div className="wide">
          <FormError failure={failure} fieldPaths={['id', 'name', 'host', 'port', 'language']} testId="printer-error" />
        </div>
      </form>
    </section>
  );
}
