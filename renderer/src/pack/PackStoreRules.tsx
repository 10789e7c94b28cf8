import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { described, Field, FormError, issueAt, unclaimed, useAction } from '../ui/Field';

type Rules = Output<'pack.rules'>[number];
type Draft = { store: string; verify: boolean; needsWeight: boolean; needsCustoms: boolean; itemsPerParcel: string };

const BLANK: Draft = { store: '', verify: false, needsWeight: false, needsCustoms: false, itemsPerParcel: '' };
const checks = (r: Rules) =>
  [r.verify && 'scan items', r.needsWeight && 'weight', r.needsCustoms && 'customs', r.itemsPerParcel && `1 parcel per ${r.itemsPerParcel} items`]
    .filter(Boolean)
    .join(' · ') || 'bench only (split or ship part)';

/**
 * Pack rules per store: every order of the store goes to the bench, with what the bench asks for
 * (a line's own rule wins). List, add, edit, remove; errors say what to fix.
 */
export function PackStoreRules() {
  const rules = useChannel('pack.rules', {}, (t) => t === 'pack.rules_saved' || t === 'pack.rules_removed');
  const stores = useChannel('pick.stores', {}, (t) => t === 'orders.imported' || t === 'shopify.store_connected');
  const { busy, failure, run } = useAction();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [localError, setLocalError] = useState<{ store?: string; ipp?: string } | null>(null);
  const storeRules = (rules.data ?? []).filter((r) => r.scope.startsWith('store:'));
  const nameOf = (store: string) => stores.data?.find((s) => s.store === store)?.name ?? store;
  const free = (stores.data ?? []).filter((s) => s.store === editing || !storeRules.some((r) => r.scope === `store:${s.store}`));

  const save = (d: Draft) => {
    const text = d.itemsPerParcel.trim();
    const local = {
      ...(d.store ? {} : { store: 'Choose a store from the list.' }),
      ...(text && !/^\d+$/.test(text) ? { ipp: 'Type a whole number of items (for example 3), or leave it empty for one parcel.' } : {}),
    };
    if (local.store || local.ipp) return setLocalError(local);
    setLocalError(null);
    void run(async () => {
      await call('pack.rulesSave', {
        scope: `store:${d.store}`,
        verify: d.verify,
        needsWeight: d.needsWeight,
        needsCustoms: d.needsCustoms,
        itemsPerParcel: text ? Number(text) : null,
      });
      setDone(`Saved: orders of ${nameOf(d.store)} go to the pack bench.`);
      setDraft(null);
      setEditing(null);
    });
  };
  const ippError = localError ? localError.ipp : issueAt(failure, 'itemsPerParcel');
  const storeError = localError ? localError.store : issueAt(failure, 'scope');
  // The fields show their own errors; the box only what no field shows.
  const formFailure = localError || (failure && failure.issues.length > 0 && unclaimed(failure, ['itemsPerParcel', 'scope']).length === 0) ? null : failure;

  return (
    <section className="card" aria-labelledby="pack-store-h" data-testid="pack-store-rules">
      <h2 id="pack-store-h">Pack bench rules per store</h2>
      <p className="muted small">Every order of a store with a rule goes to the bench. A line&apos;s own rule wins over its store&apos;s.</p>
      {storeRules.length === 0 ? (
        <p className="muted" data-testid="store-rules-empty">
          No store rules: stores use their lines&apos; rules.
        </p>
      ) : (
        <ul className="store-rules" data-testid="store-rules-list">
          {storeRules.map((r) => {
            const store = r.scope.slice('store:'.length);
            return (
              <li key={r.scope} data-testid="store-rule" data-store={store}>
                <b>{nameOf(store)}</b> <span className="muted">{checks(r)}</span>
                {removing === r.scope ? (
                  <span className="row-actions">
                    Remove this rule?{' '}
                    <button
                      className="danger"
                      disabled={busy}
                      onClick={() =>
                        void run(async () => {
                          const out = await call('pack.rulesRemove', { scope: r.scope });
                          setDone(out.message);
                          setRemoving(null);
                        })
                      }
                    >
                      Yes, remove
                    </button>
                    <button onClick={() => setRemoving(null)}>Keep it</button>
                  </span>
                ) : (
                  <span className="row-actions">
                    <button
                      onClick={() => (
                        setEditing(store),
                        setDone(null),
                        setDraft({
                          store,
                          verify: r.verify,
                          needsWeight: r.needsWeight,
                          needsCustoms: r.needsCustoms,
                          itemsPerParcel: r.itemsPerParcel ? String(r.itemsPerParcel) : '',
                        })
                      )}
                    >
                      Edit
                    </button>
                    <button onClick={() => (setRemoving(r.scope), setDone(null))}>Remove</button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {draft ? (
        <form
          className="store-rule-form"
          data-testid="store-rule-form"
          onSubmit={(e) => {
            e.preventDefault();
            save(draft);
          }}
        >
          <Field id="store-rule-store" label="Store" error={storeError} hint="Stores with orders here or connected under Sync.">
            <select
              {...described('store-rule-store', storeError, true)}
              value={draft.store}
              disabled={editing !== null}
              onChange={(e) => setDraft({ ...draft, store: e.target.value })}
            >
              <option value="">Choose a store…</option>
              {free.map((s) => (
                <option key={s.store} value={s.store}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <div className="store-rule-checks">
            <label>
              <input type="checkbox" checked={draft.verify} onChange={(e) => setDraft({ ...draft, verify: e.target.checked })} /> Scan every item
            </label>
            <label>
              <input type="checkbox" checked={draft.needsWeight} onChange={(e) => setDraft({ ...draft, needsWeight: e.target.checked })} /> Needs a weight
            </label>
            <label>
              <input type="checkbox" checked={draft.needsCustoms} onChange={(e) => setDraft({ ...draft, needsCustoms: e.target.checked })} /> Needs customs
            </label>
          </div>
          <Field id="store-rule-ipp" label="One parcel per N items" error={ippError} hint="Empty: one parcel, unless the picker adds one.">
            <input
              {...described('store-rule-ipp', ippError, true)}
              className="pack-qty"
              inputMode="numeric"
              value={draft.itemsPerParcel}
              onChange={(e) => setDraft({ ...draft, itemsPerParcel: e.target.value })}
            />
          </Field>
          <div className="row-actions">
            <button type="submit" className="primary" disabled={busy}>
              {editing ? 'Save changes' : 'Add rule'}
            </button>
            <button type="button" onClick={() => (setDraft(null), setEditing(null), setLocalError(null))}>
              Cancel
            </button>
          </div>
          <FormError failure={formFailure} fieldPaths={['itemsPerParcel', 'scope']} testId="store-rule-error" />
        </form>
      ) : (
        <button data-testid="store-rule-add" onClick={() => (setDraft(BLANK), setEditing(null), setDone(null))}>
          Add a store rule
        </button>
      )}
      {!draft && <FormError failure={failure} />}
      {done && (
        <div className="ok-text" data-testid="store-rule-done">
          {done}
        </div>
      )}
    </section>
  );
}
