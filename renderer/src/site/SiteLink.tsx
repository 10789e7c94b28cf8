import type { Output } from '../../../electron/contract/channels';
import { DUTY_WORDS, fmtLag, fmtWhen } from './site-format';

type Status = Output<'site.status'>;
type Lines = Output<'lines.list'>;

/** "postal-s10 (pool)", "ups range 1Z…": which line a leased range belongs to. */
function rangeName(rangeId: string, lines: Lines | null): string {
  if (rangeId.startsWith('pool:')) {
    const id = rangeId.slice('pool:'.length);
    return `${lines?.find((l) => l.id === id)?.name ?? id} (number pool)`;
  }
  const line = lines?.find((l) => l.ranges.some((r) => r.id === rangeId));
  return line ? `${line.name} (range ${rangeId})` : rangeId;
}

/** This station's link to the site server, what it has not pushed yet, and what it can do alone. */
export function SiteLink({ s, zone, lines }: { s: Status; zone: string; lines: Lines | null }) {
  const inHand = s.blocks.reduce((n, b) => n + b.remaining, 0);
  return (
    <section
      className={`card site-link ${s.connected ? 'is-up' : 'is-down'}`}
      data-testid="site-link"
      data-connected={s.connected}
      aria-label="This station’s link"
    >
      <div className="site-link-head">
        <h2>This station</h2>
        <span className={`pill ${s.connected ? 'pill-link-online' : 'pill-link-offline'}`} data-testid="site-link-state">
          {s.connected ? 'Connected' : 'Not connected'}
        </span>
      </div>
      {!s.connected && (
        <div className="site-down" role="alert" data-testid="site-link-error">
          <div>{s.error ?? (s.lastPullAt ? 'The site server stopped answering.' : 'Connecting to the site server…')}</div>
          <div className="site-next">
            Check the network cable and the site server. Picking continues on the numbers in hand ({inHand.toLocaleString()} left); this station catches up by
            itself when the link is back.
          </div>
        </div>
      )}
      {s.connected && s.error && (
        <div className="site-down" role="alert" data-testid="site-link-error">
          {s.error}
        </div>
      )}
      <dl className="kv site-kv">
        <dt>Last push</dt>
        <dd data-testid="site-last-push">{fmtWhen(s.lastPushAt, s.now, zone)}</dd>
        <dt>Last pull</dt>
        <dd data-testid="site-last-pull">{fmtWhen(s.lastPullAt, s.now, zone)}</dd>
        <dt>Lag</dt>
        <dd>{fmtLag(s.lagMs)}</dd>
        <dt>Unpushed</dt>
        <dd className={s.unpushed > 0 ? 'warn' : ''} data-testid="site-unpushed">
          {s.unpushed.toLocaleString()} event{s.unpushed === 1 ? '' : 's'}
        </dd>
        <dt>Duties</dt>
        <dd data-testid="site-duties">
          {s.duties.length ? s.duties.map((d) => DUTY_WORDS[d] ?? d).join(', ') : <span className="muted">none (another station holds them)</span>}
        </dd>
      </dl>
      <h3>Numbers in hand</h3>
      {s.blocks.length === 0 ? (
        <div className="warn" data-testid="site-no-blocks">
          No number blocks leased: this station cannot issue tracking numbers while the server is away.
        </div>
      ) : (
        <ul className="site-blocks" data-testid="site-blocks">
          {s.blocks.map((b) => (
            <li key={b.rangeId} data-range={b.rangeId}>
              <span className="site-block-name">{rangeName(b.rangeId, lines)}</span>
              <b className={b.remaining === 0 ? 'bad-text' : ''}>{b.remaining.toLocaleString()}</b>
              <span className="muted">
                {' '}
                in {b.blocks} block{b.blocks === 1 ? '' : 's'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="muted site-id">
        Station <span className="mono">{s.station}</span>
        {s.siteId && (
          <>
            {' '}
            · site <span className="mono">{s.siteId}</span>
          </>
        )}
      </div>
    </section>
  );
}
