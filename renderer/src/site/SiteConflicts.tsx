import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { fmtZoned } from '../ui/ZonedTime';
import { KIND_WORDS } from './site-format';
import { SiteSettle } from './SiteSettle';

type Conflict = Output<'site.conflicts'>[number];

/** Conflicts only a partition can cause: pick one with the arrow keys, Enter to settle it. */
export function SiteConflicts({
  rows,
  error,
  zone,
  showSettled,
  setShowSettled,
  onSettled,
}: {
  rows: Conflict[] | null;
  error: string | null;
  zone: string;
  showSettled: boolean;
  setShowSettled: (v: boolean) => void;
  onSettled: (c: Conflict) => void;
}) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const list = rows ?? [];
  const selected = list.find((c) => c.id === selectedId) ?? list[0] ?? null;
  const index = selected ? list.indexOf(selected) : -1;

  // Keep the selected row in view when the arrows move it.
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected?.id]);

  const onListKey = (e: KeyboardEvent) => {
    if (!list.length) return;
    const go = (i: number) => setSelectedId(list[Math.max(0, Math.min(list.length - 1, i))].id);
    if (e.key === 'ArrowDown') go(index + 1);
    else if (e.key === 'ArrowUp') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(list.length - 1);
    else if (e.key === 'Enter' && selected?.status === 'open') inputRef.current?.focus();
    else return;
    e.preventDefault();
  };
  const onPaneKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      listRef.current?.focus();
    }
  };
  const open = list.filter((c) => c.status === 'open').length;

  return (
    <section className="card site-conflicts" aria-label="Conflicts">
      <div className="site-conflicts-head">
        <h2>
          Conflicts <span className={open ? 'warn' : 'ok'}>{open} open</span>
        </h2>
        <span className="muted site-keys">↑↓ choose · Enter settle · Esc back</span>
        <label className="check">
          <input type="checkbox" data-testid="site-show-settled" checked={showSettled} onChange={(e) => setShowSettled(e.target.checked)} /> Show settled
        </label>
      </div>
      {error && (
        <div className="form-error" role="alert">
          {error} Try again in a moment; if it repeats, restart the console.
        </div>
      )}
      <div className="site-conflicts-body">
        <div
          className="site-conflict-list"
          ref={listRef}
          role="listbox"
          tabIndex={0}
          aria-label="Conflicts (arrow keys to choose, Enter to settle)"
          aria-activedescendant={selected ? `conflict-${selected.id}` : undefined}
          onKeyDown={onListKey}
          data-testid="site-conflict-list"
        >
          {list.map((c) => (
            <div
              key={c.id}
              id={`conflict-${c.id}`}
              role="option"
              aria-selected={c.id === selected?.id}
              className={`site-conflict${c.id === selected?.id ? ' selected' : ''} site-conflict-${c.status}`}
              data-testid="site-conflict-row"
              data-id={c.id}
              data-status={c.status}
              onClick={() => {
                setSelectedId(c.id);
                listRef.current?.focus();
              }}
            >
              <div className="site-conflict-main">
                <span className={`pill ${c.status === 'open' ? 'pill-conflict' : 'pill-done'}`}>{KIND_WORDS[c.kind] ?? c.kind}</span>
                <b className="mono">{c.subject}</b>
                <span className="muted">{c.stations.join(', ')}</span>
                <span className="site-conflict-at">{fmtZoned(c.openedAt, zone)}</span>
              </div>
              <div className="site-conflict-detail">{c.status === 'settled' ? `Settled: ${c.resolution}` : c.detail}</div>
            </div>
          ))}
          {rows && list.length === 0 && (
            <div className="empty" data-testid="site-no-conflicts">
              {showSettled
                ? 'No conflict yet.'
                : 'No open conflict. An order picked at two stations or a parcel loaded on two manifests while the network was down shows up here.'}
            </div>
          )}
        </div>
        <div className="site-settle-pane" onKeyDown={onPaneKey}>
          {selected ? (
            <SiteSettle key={selected.id} c={selected} zone={zone} inputRef={inputRef} onSettled={onSettled} />
          ) : (
            <div className="muted pad">Choose a conflict to see what to do.</div>
          )}
        </div>
      </div>
    </section>
  );
}
