import type { CustomsSettingsData } from '../../../../db/devices/events';
import { badInput, notFound } from '../../../core/errors';
import { actorOf, type ServiceContext } from '../../../core/context';

export function lineCustoms(ctx: ServiceContext, lineId: string): CustomsSettingsData | null {
  if (!ctx.store.read.lines.get(lineId)) throw notFound(`Line "${lineId}"`, 'Choose a line from the list.');
  return ctx.store.read.devices.lineCustoms(lineId) ?? null;
}

/** Turn the CN22 block on or off for a line (postal lines to destinations that need a declaration). */
export function saveLineCustoms(ctx: ServiceContext, lineId: string, customs: CustomsSettingsData | null): CustomsSettingsData | null {
  if (!ctx.store.read.lines.get(lineId)) throw notFound(`Line "${lineId}"`, 'Choose a line from the list.');
  if (customs && !/^[A-Z]{2}$/i.test(customs.originCountry)) throw badInput('Origin country must be a two-letter code such as CN.');
  for (const [sku, item] of Object.entries(customs?.items ?? {}))
    if (item.hsCode && !/^\d{6,10}$/.test(item.hsCode)) throw badInput(`HS code of ${sku} must be 6 to 10 digits (leave it empty if unknown).`);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'line.customs_set', subject: lineId, payload: { lineId, customs } }));
  return customs;
}
