import type { ConflictRow } from '../../../db/site/reader';
import { ApiError } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';

export function settleConflict(ctx: ServiceContext, input: { conflictId: string; resolution: string; note: string }): ConflictRow {
  const site = ctx.store.read.site;
  const c = site.conflict(input.conflictId);
  if (!c) throw new ApiError('NOT_FOUND', `No conflict ${input.conflictId}. Reload the list: another station may have settled it.`);
  if (c.status === 'settled') throw new ApiError('CONFLICT', `Already settled by ${c.settledBy}: ${c.resolution}.`);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'site.conflict_settled', subject: c.subject, payload: { conflictId: c.id, resolution: input.resolution, note: input.note } }),
  );
  return site.conflict(c.id)!;
}
