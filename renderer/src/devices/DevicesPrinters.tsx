import type { EventType } from '../../../electron/contract/channels';
import { useState } from 'react';
import { call, ApiFailure } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { ActionButton, RoleNote } from '../operators/OperatorsAllowed';
import { useMay } from '../operators/roles';
import { startsWith } from '../ui/event-family';

const refreshOn = (t: EventType) =>
  startsWith(t, 'printer.') ||
  startsWith(t, 'print.') ||
  startsWith(t, 'job.') ||
  t === 'label.printed' ||
  startsWith(t, 'parcel.') ||
  startsWith(t, 'selftest.');

type Setup = Output<'printers.setup'>;

function PrinterCard({ printer, all }: { printer: Output<'printers.list'>[number]; all: Output<'printers.list'> }) {
  const health = useChannel('printers.health', { printerId: printer.id }, refreshOn);
  const jobs = useChannel('print.jobs', { printerId: printer.id, limit: 6 }, refreshOn);
  const setup = useChannel('printers.setup', { printerId: printer.id }, (t) => t === 'printer.configured');
  const [moveTo, setMoveTo] = useState('');
  const setupWhy = useMay()('printers.configure');
  const [failure, setFailure] = useState<string | null>(null);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      setFailure(null);
    } catch (e) {
      setFailure(e instanceof ApiFailure ? e.message : String(e));
    }
    void health.reload();
    void jobs.reload();
  };
  const h = health.data;
  const s = setup.data;
  const save = (patch: Partial<Setup>) =>
    s && void act(async () => (await call('printers.configure', { printerId: printer.id, setup: { ...s, ...patch } }), setup.reload()));
  const others = all.filter((p) => p.id !== printer.id);
  return (
    <li className={`printer-card level-${h?.level ?? 'ok'}`} data-testid="device-printer" data-id={printer.id}>
      <div className="printer-main">
        <b>{printer.name}</b>
        <span className="muted">{printer.language.toUpperCase()}</span>
        {h && (
          <span className={h.level === 'ok' ? 'ok' : h.level === 'warn' ? 'warn' : 'bad-text'} data-testid="device-printer-health">
            {h.message}
          </span>
        )}
      </div>
      <div className="row-actions">
        {h?.paused ? (
          <button className="small-btn" onClick={() => void act(() => call('printers.resume', { printerId: printer.id }))}>
            Resume
          </button>
        ) : (
          <button className="small-btn" onClick={() => void act(() => call('printers.pause', { printerId: printer.id }))}>
            Pause
          </button>
        )}
        <button className="small-btn" onClick={() => void act(() => call('printers.check', { printerId: printer.id }))}>
          Check now
        </button>
        {others.length > 0 && (
          <>
            <select aria-label={`Move labels of ${printer.name} to`} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
              <option value="">Move waiting labels to…</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
            <ActionButton
              channel="printers.move"
              className="small-btn"
              disabled={!moveTo}
              onClick={() => void act(() => call('printers.move', { from: printer.id, to: moveTo }))}
            >
              Move
            </ActionButton>
          </>
        )}
      </div>
      {s && (
        <div className="setup-row">
          <label>
            Size{' '}
            <select disabled={!!setupWhy} value={s.size} onChange={(e) => save({ size: e.target.value as Setup['size'] })}>
              <option value="4x6">4×6 in</option>
              <option value="4x4">4×4 in</option>
            </select>
          </label>
          <label>
            Resolution{' '}
            <select disabled={!!setupWhy} value={s.dpi} onChange={(e) => save({ dpi: Number(e.target.value) as Setup['dpi'] })}>
              <option value={203}>203 dpi</option>
              <option value={300}>300 dpi</option>
            </select>
          </label>
          <label>
            Via{' '}
            <select
              disabled={!!setupWhy}
              value={s.transport}
              onChange={(e) => save({ transport: e.target.value as Setup['transport'], queue: s.queue ?? printer.name })}
            >
              <option value="tcp9100">Network 9100</option>
              <option value="cups">CUPS raw queue</option>
              <option value="windows-raw">Windows RAW</option>
              <option value="system-pdf">System print (PDF)</option>
            </select>
          </label>
          <label>
            If down, print on{' '}
            <select disabled={!!setupWhy} value={s.fallbackPrinterId ?? ''} onChange={(e) => save({ fallbackPrinterId: e.target.value || null })}>
              <option value="">nothing (wait)</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <RoleNote channel="printers.configure" />
        </div>
      )}
      {failure && (
        <div className="form-error" role="alert">
          {failure}
        </div>
      )}
      <table className="job-table">
        <tbody>
          {(jobs.data ?? []).map((j) => (
            <tr key={j.id} data-testid="print-job" data-status={j.status}>
              <td>
                <span
                  className={`pill pill-${j.status === 'printed' ? 'done' : j.status === 'dead' || j.status === 'failed' || j.status === 'printed?' ? 'dead' : 'queued'}`}
                >
                  {j.status}
                </span>
              </td>
              <td className="mono">{j.kind === 'print.testsheet' ? 'test sheet' : j.tracking}</td>
              <td className="muted small">{j.reason ?? (j.printedOn && j.printedOn !== printer.id ? `printed on ${j.printedOn}` : '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

/** Printers: health, pause/resume, move, size/resolution/transport/fallback, recent label jobs with their status. */
export function DevicesPrinters() {
  const printers = useChannel('printers.list', {}, (t) => t === 'printer.saved');
  return (
    <section className="card" aria-labelledby="dp-h" data-testid="devices-printers">
      <h2 id="dp-h">Printers</h2>
      {printers.error && <div className="form-error">{printers.error}</div>}
      <ul className="device-list">
        {(printers.data ?? []).map((p) => (
          <PrinterCard key={p.id} printer={p} all={printers.data!} />
        ))}
      </ul>
    </section>
  );
}
