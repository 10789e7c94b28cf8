import type { LineData } from '../../../db/event-types';
import { badInput, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { numberFromSerial, rangeParamsSchema, serialWidth, type RangeParams } from '../numbers/issue';
import { overlaps, serialOf, spanOf } from '../numbers/overlap';
import { parsePoolCsv } from '../numbers/pool';
import { actorOf, type ServiceContext } from '../../core/context';
import { lineStatus } from './status';

export function saveLine(ctx: ServiceContext, line: LineData) {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'line.saved', subject: line.id, payload: { line } }));
  return lineStatus(ctx, ctx.store.read.lines.get(line.id)!);
}

function requireLine(ctx: ServiceContext, lineId: string): LineData {
  const line = ctx.store.read.lines.get(lineId);
  if (!line) throw notFound(`Carrier line "${lineId}"`, 'Pick a line from the list in Setup.');
  return line;
}

export function addRange(ctx: ServiceContext, input: { lineId: string; params: Record<string, unknown>; first: number; last: number }) {
  const line = requireLine(ctx, input.lineId);
  const parsed = rangeParamsSchema.safeParse(input.params);
  if (!parsed.success)
    throw badInput(
      'The range settings are not valid: fix the marked fields.',
      parsed.error.issues.map((i) => ({ path: `params.${i.path.join('.')}`, message: i.message })),
    );
  if (input.last < input.first) throw badInput('The last serial is before the first one: swap them or correct the range.');
  const width = serialWidth(parsed.data);
  if (String(input.last).length > width) throw badInput(`Serials on this format have at most ${width} digits; ${input.last} is too long.`);
  // Prove the parameters build valid numbers before anything is saved.
  numberFromSerial(parsed.data, input.first);
  numberFromSerial(parsed.data, input.last);
  refuseOverlap(ctx, parsed.data, input.first, input.last);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({
      type: 'range.added',
      subject: line.id,
      payload: { range: { id: newId('rng', ctx.clock.now()), lineId: line.id, params: parsed.data, first: input.first, last: input.last } },
    }),
  );
  return lineStatus(ctx, line);
}

/**
 * Numbers are unique across the station (and, since every station has every line, across the site):
 * a range that would issue a number another line's range or pool already holds is refused, naming
 * the line that owns it.
 */
function refuseOverlap(ctx: ServiceContext, params: RangeParams, first: number, last: number): void {
  const span = spanOf(params, first, last);
  for (const other of ctx.store.read.lines.all())
    for (const r of ctx.store.read.lines.ranges(other.id)) {
      if (!overlaps(span, spanOf(r.params as RangeParams, r.first, r.last))) continue;
      throw badInput(
        `This range overlaps range ${r.first}–${r.last} of line ${other.name}: the same tracking numbers would be issued twice. Check the carrier's allocation and enter only the new serials.`,
      );
    }
  for (const p of ctx.store.read.lines.poolNumbers()) {
    const serial = serialOf(params, p.number);
    if (serial !== null && serial >= first && serial <= last)
      throw badInput(
        `Number ${p.number} of this range is already in the pool of line ${ctx.store.read.lines.get(p.lineId)?.name ?? p.lineId}: the same tracking number would be issued twice. Enter a range that leaves it out.`,
      );
  }
}

/** The line whose range issues `number`, if any. */
function rangeOwner(ctx: ServiceContext, number: string): { line: string; first: number; last: number } | null {
  for (const line of ctx.store.read.lines.all())
    for (const r of ctx.store.read.lines.ranges(line.id)) {
      const serial = serialOf(r.params as RangeParams, number);
      if (serial !== null && serial >= r.first && serial <= r.last) return { line: line.name, first: r.first, last: r.last };
    }
  return null;
}

export function importPool(ctx: ServiceContext, input: { lineId: string; csv: string }) {
  const line = requireLine(ctx, input.lineId);
  const { numbers, rejected } = parsePoolCsv(input.csv);
  const known = ctx.store.read.lines.poolOwners(numbers.map((n) => n.number));
  const allRejected: Array<{ line: number; value: string; reason: string }> = [...rejected];
  const fresh = numbers.filter((n) => {
    const owner = known.get(n.number);
    const parcel = ctx.store.read.parcels.byTracking(n.number);
    const range = owner || parcel ? null : rangeOwner(ctx, n.number);
    const reason = owner
      ? owner === line.id
        ? 'already in this line’s pool'
        : `already in the pool of line ${ctx.store.read.lines.get(owner)?.name ?? owner}`
      : parcel
        ? 'already issued to a parcel'
        : range
          ? `inside range ${range.first}–${range.last} of line ${range.line}: it would be issued twice`
          : null;
    if (reason) allRejected.push({ line: 0, value: n.number, reason });
    return !reason;
  });
  if (fresh.length)
    ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'pool.imported', subject: line.id, payload: { lineId: line.id, numbers: fresh } }));
  return { imported: fresh.length, rejected: allRejected };
}
