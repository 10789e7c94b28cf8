import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { FormError, fmtTime, useAction } from '../ui/Field';
import { STATE_WORDS } from './sync-format';
import { ShopifyTrackingPage } from './ShopifyTrackingPage';
import { ActionButton } from '../operators/OperatorsAllowed';
import { useMay } from '../operators/roles';

type Store = Output<'shopify.status'>['stores'][number];

function StoreRow({ s, reload }: { s: Store; reload: () => void }) {
  const notifyWhy = useMay()('shopify.notifyAt');
  const { busy, failure, run } = useAction();
  const intake = s.intake?.running
    ? `Importing… ${s.intake.seen} seen, ${s.intake.imported} new (page ${s.intake.pages})`
    : s.lastIntake
      ? `Last intake ${fmtTime(s.lastIntakeAt)}: ${s.lastIntake.imported} new, ${s.lastIntake.changed} changed`
      : 'No intake yet';
  return (
    <li className={`store store-${s.state}`} data-testid="store-row" data-id={s.id} data-state={s.state}>
      <div className="store-main">
        <b>{s.shopName}</b>
        {s.emulated && <span className="badge">EMULATED</span>}
        <span className={`pill pill-link-${s.state}`} data-testid="store-state">
          {STATE_WORDS[s.state]}
        </span>
        <span className={s.queued ? 'warn' : 'muted'}>{s.queued} queued</span>
        <ActionButton
          channel="shopify.intake"
          className="small-btn"
          disabled={busy || !!s.intake?.running}
          onClick={() => void run(() => call('shopify.intake', { storeId: s.id })).then((r) => r && reload())}
        >
          {busy ? 'Importing…' : 'Import orders'}
        </ActionButton>
      </div>
      <label className="small-note store-notify">
        E-mail the buyer at{' '}
        <select
          data-testid="store-notify-at"
          value={s.notifyAt}
          disabled={busy || !!notifyWhy}
          title={notifyWhy ?? undefined}
          onChange={(e) =>
            void run(() => call('shopify.notifyAt', { storeId: s.id, notifyAt: e.target.value as Store['notifyAt'] })).then((r) => r && reload())
          }
        >
          <option value="handover">handover (the carrier has the parcel)</option>
          <option value="pick">pick (with the tracking number)</option>
        </select>
      </label>
      <ShopifyTrackingPage storeId={s.id} />
      <div className="muted small-note">
        {s.shopDomain} · {s.locationName ?? 'all locations'} · {intake}
        {s.throttle ? ` · bucket ${s.throttle.currentlyAvailable}/${s.throttle.maximumAvailable}, ${s.throttle.restoreRate}/s` : ''}
      </div>
      {s.state === 'offline' && (
        <div className="job-error" role="alert">
          Shopify unreachable since {fmtTime(s.stateSince)} ({s.lastError}). Parcels keep queueing here and are sent when the network returns; check this
          PC&apos;s network.
        </div>
      )}
      {s.state === 'unauthorized' && (
        <div className="job-error" role="alert">
          {s.lastError}
        </div>
      )}
      {s.missingScopes.length > 0 && <div className="warn">Missing scopes: {s.missingScopes.join(', ')}. Add them to the app in Shopify and reconnect.</div>}
      <FormError failure={failure} />
    </li>
  );
}

export function SyncStores({ stores, reload }: { stores: Store[]; reload: () => void }) {
  return (
    <ul className="stores" data-testid="sync-stores">
      {stores.map((s) => (
        <StoreRow key={s.id} s={s} reload={reload} />
      ))}
      {stores.length === 0 && <li className="muted">No store connected. Connect one below.</li>}
    </ul>
  );
}
