import type { LineData } from '../../../db/event-types';
import { badInput, notFound } from '../../core/errors';
import { newId } from '../../core/ids';
import { numberFromSerial, rangeParamsSchema, serialWidth } from '../numbers/issue';
import { parsePoolCsv } from '../numbers/pool';
import { actorOf, type ServiceContext } from '../site/context';
import { lineStatus } from './status';

export function saveLine(ctx: ServiceContext, line: LineData) {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'line.saved', subject: line.id, payload: { line } }));
  return lineStatus(ctx, ctx.store.lines.get(line.id)!);
}

function requireLine(ctx: ServiceContext, lineId: string): LineData {
  const line = ctx.store.lines.get(lineId);
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
  const mine = ctx.store.lines.ranges(line.id);
  const clash = mine.find((r) => JSON.stringify(r.params) === JSON.stringify(parsed.data) && input.first <= r.last && input.last >= r.first);
  if (clash) throw badInput(`This range overlaps range ${clash.first}–${clash.last} already on the line: numbers would be issued twice.`);
  // Prove the parameters build valid numbers before anything is saved.
  numberFromSerial(parsed.data, input.first);
  numberFromSerial(parsed.data, input.last);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({
      type: 'range.added',
      subject: line.id,
      payload: { range: { id: newId('rng', ctx.clock.now()), lineId: line.id, params: parsed.data, first: input.first, last: input.last } },
    }),
  );
  return lineStatus(ctx, line);
}

export function importPool(ctx: ServiceContext, input: { lineId: string; csv: string }) {
  const line = requireLine(ctx, input.lineId);
  const { numbers, rejected } = parsePoolCsv(input.csv);
  const known = ctx.store.lines.poolContains(numbers.map((n) => n.number));
  const fresh = numbers.filter((n) => !known.has(n.number) && !ctx.store.parcels.byTracking(n.number));
  const dupes = numbers.filter((n) => !fresh.includes(n));
  const allRejected = [...rejected, ...dupes.map((n) => ({ line: 0, value: n.number, reason: 'already imported or issued' }))];
  if (fresh.length)
    ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
      emit({ type: 'pool.imported', subject: line.id, payload: { lineId: line.id, numbers: fresh } }),
    );
  return { imported: fresh.length, rejected: allRejected };
}
