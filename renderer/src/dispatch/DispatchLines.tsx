import { fmtLocalDate } from '../ui/time';
import type { Output } from '../../../electron/contract/channels';
import { words } from '../ui/Field';

type Board = Output<'dispatch.board'>;

/** Left column: each line with its waiting parcels, next pickup and manifests; pick one to work on. */
export function DispatchLines({
  board,
  selected,
  onSelect,
  onOpen,
  busy,
}: {
  board: Board;
  selected: string | null;
  onSelect: (id: string) => void;
  onOpen: (lineId: string) => void;
  busy: boolean;
}) {
  return (
    <section className="dsp-lines" aria-label="Lines and manifests">
      {board.lines.map((l) => {
        const mine = board.manifests.filter((m) => m.lineId === l.lineId);
        return (
          <div key={l.lineId} className="dsp-line" data-testid="dispatch-line" data-line={l.lineId}>
            <div className="dsp-line-head">
              <b>{l.lineName}</b>
              <span className="muted small">
                {l.waiting} waiting · pickup {l.nextPickupLocal}
              </span>
            </div>
            {mine.map((m) => (
              <button
                key={m.id}
                className={`dsp-manifest${m.id === selected ? ' active' : ''}${m.overdue ? ' overdue' : ''}`}
                data-testid="manifest-button"
                data-status={m.status}
                onClick={() => onSelect(m.id)}
                aria-pressed={m.id === selected}
              >
                <span className="mono">{m.number ?? `open · pickup ${fmtLocalDate(m.pickupDate)}`}</span>
                <span className={`pill pill-m-${m.status}`}>{words(m.status)}</span>
                <b data-testid="manifest-count">{m.parcels}</b>
              </button>
            ))}
            {!mine.some((m) => m.status === 'open') && (
              <button className="small-btn" data-testid="open-manifest" disabled={busy} onClick={() => onOpen(l.lineId)}>
                Open manifest
              </button>
            )}
          </div>
        );
      })}
    </section>
  );
}
