import type { PackRulesData } from '../../../db/pack/events';
import { badInput, notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';
import { pickSlipStores } from '../pick/stores';

/**
 * The rules an order packs by: its line's, else its store's; none (the plain one-scan pick) when
 * neither has any. A saved rule, even with every check off, sends the line's orders to the bench
 * (where the picker can split them into parcels or ship part).
 */
export function rulesFor(ctx: ServiceContext, store: string, lineId: string | null): PackRulesData | null {
  const r = ctx.store.read.pack;
  if (!r.anyRules()) return null;
  return (lineId ? r.rules(`line:${lineId}`) : undefined) ?? r.rules(`store:${store}`) ?? null;
}

export function saveRules(ctx: ServiceContext, rules: PackRulesData): PackRulesData {
  const [kind, id] = [rules.scope.slice(0, rules.scope.indexOf(':')), rules.scope.slice(rules.scope.indexOf(':') + 1)];
  if (kind === 'line' && !ctx.store.read.lines.get(id)) throw notFound(`Line "${id}"`, 'Choose a line from the list.');
  if (kind === 'store' && !knownStore(ctx, id))
    throw notFound(`Store "${id}"`, 'Choose a store from the list: a store is known once it has orders here or is connected under Sync.');
  if (kind !== 'line' && kind !== 'store') throw badInput('A pack rule is for a line ("line:<id>") or a store ("store:<id>").');
  if (rules.itemsPerParcel !== null && (!Number.isInteger(rules.itemsPerParcel) || rules.itemsPerParcel < 1))
    throw badInput('"One parcel per N items" needs a whole number of at least 1, or nothing.', [
      { path: 'itemsPerParcel', message: 'a whole number from 1 to 999, or leave it empty for one parcel' },
    ]);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'pack.rules_saved', subject: rules.scope, payload: rules }));
  return rules;
}

const knownStore = (ctx: ServiceContext, store: string) => !!ctx.store.read.shopify.store(store) || pickSlipStores(ctx).some((s) => s.store === store);

/** Remove the rules of a line or a store: its orders go back to the one-scan pick (a store's line rule still applies). */
export function removeRules(ctx: ServiceContext, scope: string): { scope: string; message: string } {
  if (!ctx.store.read.pack.rules(scope)) throw notFound(`A pack rule for ${scope.replace(':', ' ')}`, 'Nothing was removed: reload the list.');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'pack.rules_removed', subject: scope, payload: { scope } }));
  return { scope, message: `The pack rule of ${scope.replace(':', ' ')} is removed: its orders take the one-scan pick again (unless their line has a rule).` };
}
