import { newId } from '../../core/ids';
import type { ServiceContext } from '../../core/context';
import { nextPickupDate, pickupInstant } from './pickup';
import { requireLine, rulesFor } from './rules';
import { manifestView, operator } from './view';

/** Open the manifest of a line's pickup; a second station asking for the same pickup gets the same manifest. */
export function openManifest(ctx: ServiceContext, lineId: string, pickupDate?: string) {
  const line = requireLine(ctx, lineId);
  const rules = rulesFor(ctx, line);
  const date = pickupDate ?? nextPickupDate(ctx, rules);
  const at = ctx.clock.now();
  const reader = ctx.store.read.dispatch;
  const id = ctx.store.write(operator(ctx), at, (emit) => {
    const open = reader.openFor(line.id, date);
    if (open) return open.id;
    const manifestId = newId('mft', at);
    emit({
      type: 'manifest.opened',
      subject: manifestId,
      payload: { manifestId, lineId: line.id, pickupDate: date, expectedPickupAt: pickupInstant(ctx, rules, date) },
    });
    return manifestId;
  });
  return manifestView(ctx, reader.manifest(id)!);
}
