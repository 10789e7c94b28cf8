import type { z } from 'zod';
import type { Station } from '../../contract/schemas';
import { notFound } from '../../core/errors';
import { actorOf, stationSettings, type ServiceContext } from '../../core/context';

export function getStation(ctx: ServiceContext): z.output<typeof Station> {
  return { id: ctx.stationId, ...stationSettings(ctx) };
}

export function saveStation(ctx: ServiceContext, input: Omit<z.output<typeof Station>, 'id'>) {
  if (input.printerId && !ctx.store.read.settings.printer(input.printerId))
    throw notFound(`Printer "${input.printerId}"`, 'Add the printer first, or choose one from the list.');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'station.configured', subject: ctx.stationId, payload: { stationId: ctx.stationId, settings: input } }),
  );
  return getStation(ctx);
}
