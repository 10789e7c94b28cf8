// The monitor's editable settings: exception rules (site defaults + per-line overrides) and the
// figures behind Table 4's cost estimate. Defaults are the article's.
import type { CostSettingsData, ExceptionCause, LineRuleOverrides, MonitorRulesData } from '../../../db/monitor/events';
import type { LineData } from '../../../db/event-types';
import { badInput } from '../../core/errors';
import { actorOf, type ServiceContext } from '../../core/context';

export const DEFAULT_RULES: MonitorRulesData = {
  // "No first scan after 72 hours on private line or after 5 days on low-cost postal."
  noFirstScan: { enabled: true, hoursByRoute: { postal: 120, private: 72, express: 72, domestic: 72 } },
  noUpdate: { enabled: true, days: 5 },
  failedDelivery: { enabled: true },
  notHandedOver: { enabled: true, graceHours: 2, fallbackPickupHours: 24 },
  // "Lost parcels (15+ days no update) trigger immediate free re-shipment."
  lost: { enabled: true, days: 15 },
  dueHours: { lost: 4, failed_delivery: 8, not_handed_over: 2, no_first_scan: 12, no_update: 24 },
  lines: {},
};

export const DEFAULT_COSTS: CostSettingsData = {
  hourlyRate: 15,
  // Table 4: ~25 min for ~5 tickets a day, ~90 min for ~15-20.
  minutesPerTicket: 5,
  // Table 4 footnote: ~15-20 % of orders on low-cost postal, ~3-5 % on private lines.
  ticketRates: { postal: 0.175, private: 0.04, express: 0.04, domestic: 0.04 },
};

export function rulesOf(ctx: ServiceContext): MonitorRulesData {
  const saved = ctx.store.read.monitor.rules();
  return saved ? { ...DEFAULT_RULES, ...saved, dueHours: { ...DEFAULT_RULES.dueHours, ...saved.dueHours }, lines: saved.lines ?? {} } : DEFAULT_RULES;
}

export function costsOf(ctx: ServiceContext): CostSettingsData {
  const saved = ctx.store.read.monitor.costs();
  return saved ? { ...DEFAULT_COSTS, ...saved, ticketRates: { ...DEFAULT_COSTS.ticketRates, ...saved.ticketRates } } : DEFAULT_COSTS;
}

export interface LineThresholds {
  noFirstScanHours: number;
  noUpdateDays: number;
  lostDays: number;
}

/** A line's effective thresholds: its overrides, else the site default for its route type. */
export function thresholdsFor(rules: MonitorRulesData, line: Pick<LineData, 'id' | 'routeType'>): LineThresholds {
  const o: LineRuleOverrides = rules.lines[line.id] ?? {};
  return {
    noFirstScanHours: o.noFirstScanHours ?? rules.noFirstScan.hoursByRoute[line.routeType],
    noUpdateDays: o.noUpdateDays ?? rules.noUpdate.days,
    lostDays: o.lostDays ?? rules.lost.days,
  };
}

const CAUSES: ExceptionCause[] = ['not_handed_over', 'no_first_scan', 'no_update', 'failed_delivery', 'lost'];

function check(rules: MonitorRulesData, lineIds: Set<string>) {
  const issues: Array<{ path: string; message: string }> = [];
  const pos = (path: string, v: number) => {
    if (!(v > 0)) issues.push({ path, message: 'must be more than 0' });
  };
  for (const [k, v] of Object.entries(rules.noFirstScan.hoursByRoute)) pos(`noFirstScan.hoursByRoute.${k}`, v);
  pos('noUpdate.days', rules.noUpdate.days);
  pos('lost.days', rules.lost.days);
  if (rules.noUpdate.days >= rules.lost.days)
    issues.push({ path: 'noUpdate.days', message: `a parcel is lost after ${rules.lost.days} days: the no-update warning must come before` });
  for (const c of CAUSES) pos(`dueHours.${c}`, rules.dueHours[c]);
  for (const [lineId, o] of Object.entries(rules.lines)) {
    if (!lineIds.has(lineId)) issues.push({ path: `lines.${lineId}`, message: `there is no carrier line "${lineId}"` });
    for (const [k, v] of Object.entries(o)) if (v !== undefined) pos(`lines.${lineId}.${k}`, v as number);
  }
  return issues;
}

export function saveRules(ctx: ServiceContext, rules: MonitorRulesData, reason: string): MonitorRulesData {
  const issues = check(rules, new Set(ctx.store.read.lines.all().map((l) => l.id)));
  if (issues.length) throw badInput(`The rules were not saved: ${issues.map((i) => i.message).join('; ')}. Fix the marked fields and save again.`, issues);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'monitor.rules_saved', payload: { rules, reason } }));
  return rulesOf(ctx);
}

export function saveCosts(ctx: ServiceContext, costs: CostSettingsData): CostSettingsData {
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'monitor.costs_saved', payload: { costs } }));
  return costsOf(ctx);
}
