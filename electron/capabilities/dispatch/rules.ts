import type { LineData } from '../../../db/event-types';
import type { LineRulesData } from '../../../db/dispatch/events';
import { badInput, notFound } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';

/** Until a lead sets rules, a line takes its own service, has no limits, no bags, no weights, pickup at 17:00. */
export const DEFAULT_PICKUP = '17:00';

export function defaultRules(line: LineData): LineRulesData {
  return {
    lineId: line.id,
    services: [line.service],
    maxParcels: null,
    maxWeightGrams: null,
    bags: 'none',
    weight: 'off',
    expectedPickup: DEFAULT_PICKUP,
    acceptance: 'scan',
  };
}

export function requireLine(ctx: ServiceContext, lineId: string): LineData {
  const line = ctx.store.read.lines.get(lineId);
  if (!line) throw notFound(`Carrier line "${lineId}"`, 'Pick a line from the Dispatch screen.');
  return line;
}

export function rulesFor(ctx: ServiceContext, line: LineData): LineRulesData {
  return ctx.store.read.dispatch.rules(line.id) ?? defaultRules(line);
}

export function saveRules(ctx: ServiceContext, input: Omit<LineRulesData, 'services'> & { services?: string[] }): LineRulesData {
  const line = requireLine(ctx, input.lineId);
  const services = [...new Set([line.service, ...(input.services ?? [])].map((s) => s.trim()).filter(Boolean))];
  const known = new Set(
    ctx.store.read.lines
      .all()
      .filter((l) => l.carrier === line.carrier)
      .map((l) => l.service),
  );
  const strange = services.filter((s) => !known.has(s));
  if (strange.length)
    throw badInput(
      `${line.carrier} has no line with service ${strange.map((s) => `"${s}"`).join(', ')}: a pickup only takes services of lines of its own carrier.`,
      [{ path: 'services', message: `unknown for ${line.carrier}: ${strange.join(', ')}` }],
    );
  const rules: LineRulesData = { ...input, services };
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'dispatch.rules_saved', subject: line.id, payload: { rules } }));
  return rulesFor(ctx, line);
}
