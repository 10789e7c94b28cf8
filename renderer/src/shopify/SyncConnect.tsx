import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { Field, FormError, described, issueAt, useAction } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

type Check = Output<'shopify.test'>;

/** Connect a store: domain, token, API version; Test shows the shop name and missing scopes. */
export function SyncConnect({ reload }: { reload: () => void }) {
  const [f, setF] = useState({ id: '', shopDomain: '', accessToken: '', apiVersion: '2026-07' });
  const [check, setCheck] = useState<Check | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { busy, failure, run } = useAction();
  const set = (k: keyof typeof f, v: string) => (setF((x) => ({ ...x, [k]: v })), setCheck(null), setDone(null));
  const err = (p: string) => issueAt(failure, p);
  return (
    <form className="grid-form sync-connect" onSubmit={(e) => e.preventDefault()} data-testid="sync-connect">
      <Field id="sc-id" label="Store name here" error={err('id')}>
        <input {...described('sc-id', err('id'))} value={f.id} onChange={(e) => set('id', e.target.value)} placeholder="my-store" autoComplete="off" />
      </Field>
      <Field id="sc-domain" label="Shop domain" error={err('shopDomain')}>
        <input
          {...described('sc-domain', err('shopDomain'))}
          value={f.shopDomain}
          onChange={(e) => set('shopDomain', e.target.value)}
          placeholder="my-store.myshopify.com"
          autoComplete="off"
        />
      </Field>
      <Field id="sc-token" label="Admin API access token" error={err('accessToken')}>
        <input
          {...described('sc-token', err('accessToken'))}
          type="password"
          value={f.accessToken}
          onChange={(e) => set('accessToken', e.target.value)}
          autoComplete="off"
        />
      </Field>
      <Field id="sc-version" label="API version" error={err('apiVersion')}>
        <input {...described('sc-version', err('apiVersion'))} value={f.apiVersion} onChange={(e) => set('apiVersion', e.target.value)} autoComplete="off" />
      </Field>
      <div className="row-actions wide">
        <ActionButton
          channel="shopify.test"
          type="button"
          disabled={busy}
          onClick={() =>
            void run(() => call('shopify.test', { shopDomain: f.shopDomain, accessToken: f.accessToken, apiVersion: f.apiVersion })).then(
              (r) => r && setCheck(r),
            )
          }
        >
          Test connection
        </ActionButton>
        <ActionButton
          channel="shopify.connect"
          type="button"
          className="primary"
          disabled={busy}
          onClick={() =>
            void run(() => call('shopify.connect', { id: f.id.trim(), shopDomain: f.shopDomain, accessToken: f.accessToken, apiVersion: f.apiVersion })).then(
              (r) => {
                if (!r) return;
                setDone(`Connected ${r.store.shopName}. Import its orders with "Import orders".`);
                setF((x) => ({ ...x, accessToken: '' }));
                reload();
              },
            )
          }
        >
          Connect
        </ActionButton>
        {check && (
          <span className={check.missingScopes.length ? 'warn' : 'ok'} role="status" data-testid="sync-check">
            {check.shopName} ({check.plan}) · {check.missingScopes.length ? `missing scopes: ${check.missingScopes.join(', ')}` : 'all required scopes granted'}
          </span>
        )}
        {done && (
          <span className="ok" role="status">
            {done}
          </span>
        )}
      </div>
      <div className="wide">
        <FormError failure={failure} fieldPaths={['id', 'shopDomain', 'accessToken', 'apiVersion']} />
      </div>
    </form>
  );
}
