import type { LineData } from '../../../db/event-types';
import { badInput } from '../../core/errors';
import { carrierName, type NumberFormat } from '../numbers/formats';
import { recognize } from '../numbers/recognize';
import type { ServiceContext } from '../../core/context';

export type RelinkSource = { kind: 'pool' } | { kind: 'manual'; format: string };

const refuse = (message: string, issue: string) => badInput(message, [{ path: 'number', message: issue }]);

/** The format a line's numbers have (its ranges or its pool); undefined when it has none yet. */
function lineFormat(ctx: ServiceContext, line: LineData): string | undefined {
  if (line.numberSource === 'pool') return ctx.store.read.lines.nextPoolNumber(line.id)?.format;
  return ctx.store.read.lines.ranges(line.id)[0]?.params.format;
}

/**
 * A number typed (or scanned) for a re-link, e.g. the one the carrier's own label carries: it must
 * be a valid number of the line's carrier and never have been given to another parcel.
 */
export function checkManualNumber(ctx: ServiceContext, line: LineData, raw: string): { number: string; source: RelinkSource } {
  const r = recognize(raw);
  if (!r.ok) throw refuse(`${r.reason}.`, r.reason);
  const expected = lineFormat(ctx, line);
  if (expected && r.format !== expected)
    throw refuse(
      `${r.normalized} is a ${r.carrier} number, but ${line.name} uses ${carrierName[expected as NumberFormat] ?? expected} numbers. Type a number of this line, or pick the line the number belongs to.`,
      'wrong carrier for the line',
    );
  const owner = ctx.store.read.parcels.byTracking(r.normalized);
  if (owner)
    throw refuse(`${r.normalized} is already the number of parcel ${owner.id} (order ${owner.orderName}). A number goes on one parcel only.`, 'already used');
  const numbers = ctx.store.read.relinkNumbers;
  const away = numbers.relinkedAwayFrom(r.normalized);
  if (away)
    throw refuse(
      `${r.normalized} was taken off parcel ${away} by an earlier re-link and may still be in the carrier's system. Use another number.`,
      'used before',
    );
  const pool = numbers.poolEntry(r.normalized);
  if (pool && pool.lineId !== line.id)
    throw refuse(`${r.normalized} belongs to the number pool of another line (${pool.lineId}). Pick that line or another number.`, "another line's pool");
  if (pool?.parcelId) throw refuse(`${r.normalized} was already issued from the pool to parcel ${pool.parcelId}. Use another number.`, 'already used');
  return { number: r.normalized, source: pool ? { kind: 'pool' } : { kind: 'manual', format: r.format } };
}
