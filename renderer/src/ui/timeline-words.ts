import type { EventMap, EventType } from '../../../electron/contract/channels';

/** What a timeline sentence may need beyond the payload: times in the screen's format, job kinds by id. */
export interface SentenceHelpers {
  time: (iso: string) => string;
  jobKind: (jobId: string) => string | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const words = (s: string) => s.replace(/[._]+/g, ' ');

const JOB_WORDS: Record<string, string> = {
  'print.label': 'label print',
  'print.testsheet': 'test sheet print',
  'shopify.fulfillment_create': 'tracking number to Shopify',
  'shopify.tracking_update': 'new tracking number to Shopify',
  'shopify.fulfillment_event': 'carrier milestone to Shopify',
  'shopify.buyer_notify': "buyer's shipping e-mail (through Shopify)",
  'shopify.request_answer': 'answer to a fulfillment request',
  'carrier.manifest': 'manifest to the carrier',
  'monitor.register': 'registration with the tracking source',
  'monitor.poll': 'tracking poll',
  'monitor.buyer_email': 'e-mail to the buyer',
};

const jobName = (h: SentenceHelpers, jobId: string) => {
  const kind = h.jobKind(jobId);
  return kind ? (JOB_WORDS[kind] ?? words(kind)) : 'a job';
};

const queued = (jobs: Array<{ kind: string }>) => {
  const names = [...new Set(jobs.map((j) => JOB_WORDS[j.kind] ?? words(j.kind)))];
  return names.length ? ` Queued: ${names.join(', ')}.` : '';
};

const numberFrom = (s: EventMap['parcel.picked']['source'] | { kind: 'manual'; format: string }) =>
  s.kind === 'range' ? `from the line's range (serial ${s.serial})` : s.kind === 'pool' ? "from the line's pool" : `typed by hand (${s.format})`;

const VIA: Record<string, string> = {
  driver_scan: 'the driver scanned the manifest',
  lead_confirm: 'the lead confirmed it',
  carrier_api: "the carrier's system accepted it",
};

const STATUS_WORDS: Record<string, string> = {
  info_received: 'carrier has the data, not the parcel',
  accepted: 'accepted by the carrier (first scan)',
  in_transit: 'in transit',
  out_for_delivery: 'out for delivery',
  delivered: 'delivered',
  failed_attempt: 'delivery attempt failed',
  exception: 'carrier exception',
  returned: 'returned to sender',
};

const ROLE: Record<string, string> = { picker: 'picker', dispatch: 'dispatch lead', supervisor: 'supervisor', admin: 'admin' };
const SIGN_OUT: Record<string, string> = {
  badge: 'scanned the badge again',
  button: 'signed out',
  idle: 'idle',
  switch: 'another operator signed in',
  disabled: 'disabled',
  override: 'their override at the bench was done',
};
const REFUSED: Record<string, string> = {
  wrong_pin: 'wrong PIN',
  locked: 'locked after wrong PINs',
  unknown_badge: 'unknown badge',
  disabled: 'operator disabled',
  pin_missing: 'no PIN set',
};

type Sentences = { [K in EventType]: (p: EventMap[K], h: SentenceHelpers) => string };

/**
 * One sentence per event type, for parcel and order timelines: what happened, in the warehouse's
 * words, never a dump of the payload. Typed over every event so a new event type needs its sentence.
 */
export const SENTENCES: Sentences = {
  'site.configured': (p) => `Site set up: ${p.name}, warehouse time ${p.zone}.`,
  'station.configured': (p) => `Station ${p.stationId} settings saved.`,
  'station.console_recovered': (p) =>
    `The console on station ${p.stationId} was reloaded after its page ${p.reason === 'unresponsive' ? 'stopped answering' : 'crashed'}.`,
  'station.fault': (p) => `The station kept running after an error in ${p.where}: ${p.message}`,
  'number.skipped': (p) => `Number ${p.number} skipped on line ${p.lineId}: it was already taken by ${p.takenBy}.`,
  'line.saved': (p) => `Carrier line ${p.line.name} saved.`,
  'range.added': (p) => `Range of ${plural(p.range.last - p.range.first + 1, 'number')} added to line ${p.range.lineId}.`,
  'pool.imported': (p) => `${plural(p.numbers.length, 'number')} imported into the pool of line ${p.lineId}.`,
  'printer.saved': (p) => `Printer ${p.printer.name} saved.`,
  'orders.imported': (p) =>
    p.orders.length === 1 ? `Order ${p.orders[0].name} taken in (${words(p.orders[0].source)}).` : `${plural(p.orders.length, 'order')} taken in.`,
  'order.status_changed': (p) => `Order is now ${words(p.status)}${p.note ? `: ${p.note}` : ''}.`,
  'parcel.picked': (p) =>
    `Picked (scanned ${p.scanned}): number ${p.trackingNumber} issued ${numberFrom(p.source)}, label ${p.printerId ? `to printer ${p.printerId}` : 'waiting: no printer set'}.${p.shipBy ? ` ${p.shipBy.label.replace(/^./, (c) => c.toUpperCase())}.` : ''}${queued(p.jobs)}`,
  'parcel.reprinted': (p) => `Label reprinted because: ${p.reason}.`,
  'parcel.relinked': (p) =>
    `New number ${p.newNumber} replaces ${p.oldNumber}${p.lineId !== p.oldLineId ? ` (line ${p.oldLineId} → ${p.lineId})` : ''}, ${numberFrom(p.source)}, because: ${p.reason}.${queued(p.jobs)}`,
  'scan.refused': (p) => `Scan of ${p.code} refused: ${p.reason}`,
  'label.printed': (p) => `Label printed on ${p.printerId}.`,
  'job.succeeded': (p, h) => `Done: ${jobName(h, p.jobId)}.`,
  'job.failed': (p, h) => `Attempt ${p.attempt} of the ${jobName(h, p.jobId)} failed (${p.error}); next try ${h.time(p.nextAt)}.`,
  'job.dead': (p, h) => `Gave up on the ${jobName(h, p.jobId)} after ${plural(p.attempt, 'attempt')}: ${p.error}`,
  'job.retried': (p, h) => `The ${jobName(h, p.jobId)} was sent again by hand.`,

  'shopify.store_connected': (p) => `Shopify store ${p.store.shopName} connected.`,
  'shopify.store_removed': (p) => `Shopify store ${p.storeId} disconnected.`,
  'shopify.orders_linked': (p) => `Linked to Shopify store ${p.storeId} (${plural(p.links.length, 'fulfillment order')}).`,
  'shopify.fo_changed': (p) => `Shopify changed the order: fulfillment order is ${words(p.foStatus.toLowerCase())}.`,
  'shopify.intake_done': (p) => `Shopify intake: ${p.imported} new, ${p.changed} changed of ${p.seen} seen.`,
  'shopify.fulfillment_created': (p) =>
    `Tracking ${p.trackingNumber} (${p.company}) is in Shopify${p.found ? ' (a retry found it already there)' : ''}; ${p.notifyCustomer === false ? 'no e-mail to the buyer yet: it goes at handover.' : 'Shopify e-mailed the buyer.'}`,
  'shopify.tracking_updated': (p) => `Shopify now holds the new number ${p.trackingNumber} (${p.company}).`,
  'shopify.event_sent': (p) => `Shopify told: ${words(p.status.toLowerCase())}${p.found ? ' (a retry found it already there)' : ''}.`,
  'shopify.request_answered': (p) => `Fulfillment request ${p.accepted ? 'accepted' : `rejected: ${p.message}`}.`,
  'shopify.request_queued': (p) => `Answer to the fulfillment request of ${p.request.orderName} queued (${p.accept ? 'accept' : 'reject'}).`,
  'shopify.job_replaced': (p) => `Dead Shopify job fixed and sent again: ${p.change}.`,
  'shopify.notify_set': (p) => `Store ${p.storeId} e-mails the buyer at ${p.notifyAt}.`,
  'shopify.buyer_notified': (p) =>
    `Buyer notified: Shopify e-mailed the buyer tracking ${p.trackingNumber} at handover${p.found ? ' (a retry found it already sent)' : ''}.`,

  'dispatch.rules_saved': (p) => `Dispatch rules of line ${p.rules.lineId} saved.`,
  'manifest.opened': (p) => `Manifest opened for line ${p.lineId}, pickup ${p.pickupDate}.`,
  'manifest.bag_opened': (p) => `Bag ${p.bag} opened.`,
  'parcel.loaded': (p) =>
    `Loaded on the manifest of its pickup${p.bag ? `, bag ${p.bag}` : ''}${p.weightGrams ? `, ${(p.weightGrams / 1000).toFixed(2)} kg` : ''}.`,
  'parcel.unloaded': (p) => `Taken off its manifest: ${p.reason}.`,
  'dispatch.scan_refused': (p) => `Dispatch scan of ${p.code} refused: ${p.reason}`,
  'manifest.closed': (p) => `Manifest ${p.number} closed with ${plural(p.parcels, 'parcel')}.`,
  'manifest.reopened': (p) => `Manifest reopened: ${p.reason}.`,
  'manifest.voided': (p) => `Manifest voided: ${p.reason}.`,
  'parcel.handed_over': (p, h) => `Handed over to the carrier at ${h.time(p.handedOverAt)} (${VIA[p.via] ?? words(p.via)}).${queued(p.jobs)}`,
  'parcel.missing': (p) => `Missing at handover: ${p.reason}.`,
  'parcel.voided': (p) => `Parcel voided: ${p.reason}.`,
  'manifest.handed_over': (p) => `Manifest handed over${p.driver ? ` to ${p.driver}` : ''}: ${plural(p.parcels, 'parcel')}.`,
  'dispatch.discrepancy_resolved': (p) => `Discrepancy settled: ${words(p.resolution)}${p.note ? ` (${p.note})` : ''}.`,

  'cutoffs.calendar_saved': (p) => `Cut-off calendar of line ${p.lineId} saved (version ${p.version}): ${p.reason}.`,
  'cutoffs.calendar_undone': (p) => `Cut-off calendar of line ${p.lineId} undone: ${p.reason}.`,

  'monitor.rules_saved': (p) => `Exception rules saved: ${p.reason}.`,
  'monitor.costs_saved': () => 'Ticket cost settings saved.',
  'monitor.polls_queued': (p) => `${plural(p.jobs.length, 'tracking poll')} queued at ${p.sourceId}.`,
  'monitor.registered': (p) => `Registered with tracking source ${p.sourceId}${p.rejected.length ? ` (${plural(p.rejected.length, 'refusal')})` : ''}.`,
  'monitor.scans_reported': (p, h) => {
    const last = p.scans[p.scans.length - 1];
    if (!last) return `Tracking source ${p.sourceId} reported nothing new.`;
    return `Carrier scan: ${STATUS_WORDS[last.status] ?? words(last.status)}${last.location ? ` at ${last.location}` : ''}, ${h.time(last.scannedAt)} (from ${p.sourceId}).`;
  },
  'monitor.exception_opened': (p, h) => `Exception opened: ${words(p.cause)}. ${p.detail} Due ${h.time(p.dueAt)}.`,
  'monitor.exception_changed': (p) => `Exception is now ${words(p.cause)}. ${p.detail}`,
  'monitor.exception_cleared': (p) => `Exception closed by itself: ${p.reason}.`,
  'monitor.exception_assigned': (p) => (p.owner ? `Exception assigned to ${p.owner}.` : 'Exception unassigned.'),
  'monitor.exception_resolved': (p) => `Exception resolved: ${p.reason}.`,
  'monitor.buyer_contacted': (p) => `Buyer e-mailed (${p.to}): "${p.subject}".`,
  'monitor.reship_created': (p) => `Reship: replacement order ${p.newOrderName} created because: ${p.reason}.`,
  'monitor.reship_opened': (p) => `Replacement for ${p.oldOrderName} (parcel ${p.oldTrackingNumber}).`,
  'monitor.reship_picked': (p) => `Replacement ${p.newOrderName} picked with number ${p.newTrackingNumber}.`,

  'printer.configured': (p) => `Printer ${p.printerId} configured.`,
  'printer.paused': (p) => `Printer ${p.printerId} paused${p.note ? `: ${p.note}` : ''}.`,
  'printer.resumed': (p) => `Printer ${p.printerId} resumed.`,
  'printer.health_changed': (p) => `Printer ${p.printerId}: ${p.health}${p.problems.length ? ` (${p.problems.join(', ')})` : ''}.`,
  'print.jobs_moved': (p) => `Labels moved from printer ${p.from} to ${p.to}.`,
  'print.unconfirmed': (p) => `Printer ${p.printerId} took the label but did not confirm it printed: ${p.error}`,
  'print.confirmed': (p) =>
    p.printed ? `Confirmed by hand: the label printed on ${p.printerId}.` : `Confirmed by hand: the label did not print on ${p.printerId}; sent again.`,
  'scanner.configured': (p) => `Scanner ${p.config.name ?? p.key} set to ${p.config.role}.`,
  'line.customs_set': (p) => `Customs of line ${p.lineId} ${p.customs?.enabled ? 'on' : 'off'}.`,
  'selftest.sheet_queued': (p) => `Test sheet queued on ${p.printerId}.`,

  'range.block_leased': (p) => `Numbers ${p.first}–${p.last} of range ${p.rangeId} leased to this station.`,
  'range.block_returned': (p) => `Numbers ${p.first}–${p.last} of range ${p.rangeId} given back.`,
  'site.conflict_settled': (p) => `Site conflict settled: ${words(p.resolution)}${p.note ? ` (${p.note})` : ''}.`,
  'pack.rules_saved': (p) =>
    `Pack rules of ${p.scope.replace(':', ' ')} saved: ${[p.verify ? 'scan every item' : null, p.itemsPerParcel ? `one parcel per ${p.itemsPerParcel} items` : null, p.needsWeight ? 'weight needed' : null, p.needsCustoms ? 'customs needed' : null].filter(Boolean).join(', ') || 'packed at the bench'}.`,
  'pack.rules_removed': (p) => `Pack rule of ${p.scope.replace(':', ' ')} removed.`,
  'pack.opened': (p) => `At the pack bench, in ${plural(p.parcels, 'parcel')}.`,
  'pack.item_counted': (p) => `Item ${p.sku} scanned into the parcel.`,
  'pack.item_refused': (p) =>
    p.reason === 'wrong'
      ? `Wrong item "${p.code}" refused${p.expected.length ? `; expected ${p.expected.join(', ')}` : ''}.`
      : `Extra ${p.sku ?? p.code} flagged: the order has no more of it.`,
  'pack.parcels_set': (p) => `The order goes in ${plural(p.parcels, 'parcel')}.`,
  'pack.weighed': (p) => `Weighed ${(p.grams / 1000).toFixed(3)} kg (${p.source === 'typed' ? 'typed' : `from the scale${p.device ? ` ${p.device}` : ''}`}).`,
  'pack.overridden': (p) =>
    `Supervisor ${p.supervisor} let the labels go ${p.waived?.includes('weight') && !p.short.length ? 'without a weight' : `with counts that do not match (${p.short.map((s) => `${s.sku} ${s.counted} of ${s.ordered}`).join(', ')})`}: ${p.reason}`,
  'pack.issued': (p) =>
    `${plural(p.parcelIds.length, 'label')} issued at the bench${
      p.partial
        ? `; shipped in part (${p.partial.reason}), ${plural(
            p.partial.remaining.reduce((n, r) => n + r.quantity, 0),
            'item',
          )} stay open`
        : ''
    }.`,
  'customs.form_queued': (p) => `${p.form} customs form sent to the document printer (${p.reason}).`,
  'customs.skus_imported': (p) => `Customs table: ${plural(p.rows.length, 'SKU')} imported (${p.source}).`,
  'pack.batch_started': (p) => `Batch "${p.label}" started with ${plural(p.orderIds.length, 'order')}.`,
  'pack.batch_order': (p) => `Batch: order ${p.outcome}${p.message ? ` (${p.message})` : ''}.`,
  'pack.batch_ended': (p) => `Batch ${p.status === 'done' ? 'finished' : 'stopped'}.`,
  'site.joined': (p) => `Station ${p.stationName} joined site ${p.siteId}.`,
  'site.own_events_back': (p) =>
    `After a restore, ${plural(p.events, 'event')} this station had sent the site server came back${p.labelsSetAside ? `; ${plural(p.labelsSetAside, 'label')} held for a person` : ''}.`,

  'backup.settings_saved': (p) => `Backups to ${p.folder} every ${p.everyHours} h, keeping ${p.keep}.`,
  'backup.completed': (p) =>
    `Backup ${p.file} written and checked: ${p.events} events, ${p.parcels} parcels, ${(p.bytes / 1048576).toFixed(1)} MB in ${(p.ms / 1000).toFixed(1)} s.`,
  'backup.failed': (p) => `Backup to ${p.folder} failed: ${p.reason}`,
  'backup.restored': (p) =>
    `Restored from ${p.file}; ${p.ranges.filter((r) => r.to > r.from).length} range(s) moved past numbers issued after the backup${p.gapConfirmed ? ' (gap confirmed)' : ''}.`,
  'retention.settings_saved': (p) => `Delivered parcels go to the archive after ${p.horizonDays} days.`,
  'retention.started': (p) => `Archive run started: parcels delivered before ${p.cutoff.slice(0, 10)} (${p.horizonDays}-day horizon) go to ${p.file}.`,
  'retention.archived': (p) =>
    `${plural(p.parcelIds.length, 'delivered parcel')} archived: ${p.rows.scans} carrier scans, ${p.rows.jobs} finished jobs moved to the archive file${p.exceptionsClosed ? `; ${plural(p.exceptionsClosed, 'exception')} closed` : ''}.`,
  'retention.finished': (p) =>
    `Archive run finished: ${plural(p.parcels, 'parcel')}, ${p.rows} rows, ${(p.bytes / 1048576).toFixed(1)} MB in ${p.batches} batches.`,
  'backup.jobs_held': (p) =>
    `Restored from ${p.file}: ${plural(p.lookFirst.length, 'job')} look first before running again, ${plural(p.setAside.length, 'print')} held for a person at the printer${p.askSupervisor?.length ? `, ${plural(p.askSupervisor.length, 'message')} (e-mails, webhook, manifests) set aside for a supervisor` : ''} (never sent twice unasked).`,
  'backup.job_answered': (p) =>
    `A supervisor answered a ${p.kind} set aside after a restore: ${p.decision === 'went' ? 'it went, not sent again' : 'send it again'}${p.note ? ` (${p.note})` : ''}.`,
  'backup.order_held': (p) =>
    `Order ${p.orderName} held: picked after the last backup (${[p.fulfilled ? 'fulfilled in Shopify' : '', p.seenIn.includes('labels') ? 'label printed' : ''].filter(Boolean).join(', ')}: ${p.numbers.join(', ')}). Check before re-picking.`,
  'backup.order_released': (p) =>
    `Order ${p.orderName} checked by a supervisor: ${p.decision === 'pick_again' ? 'pick it again' : 'it was shipped'}${p.note ? ` (${p.note})` : ''}.`,
  'shopify.tracking_page_set': (p) =>
    `Tracking page of store ${p.storeId}: ${p.template ?? 'the carrier’s'}${p.milestones ? '; milestones sent to Shopify' : ''}.`,
  'operator.created': (p) => `Operator ${p.name} (${ROLE[p.role]}) added, badge ${p.badge}${p.pinHash ? ', with a PIN' : ''}.`,
  'operator.role_changed': (p) => `Operator ${p.operatorId} changed from ${ROLE[p.from]} to ${ROLE[p.to]}.`,
  'operator.renamed': (p) => `Operator ${p.operatorId} renamed ${p.name}.`,
  'operator.pin_set': (p) => (p.pinHash ? `New PIN set for ${p.operatorId}.` : `PIN of ${p.operatorId} removed.`),
  'operator.disabled': (p) => `Operator ${p.operatorId} disabled: ${p.reason}.`,
  'operator.enabled': (p) => `Operator ${p.operatorId} enabled again.`,
  'operator.signed_in': (p) =>
    p.via === 'handback'
      ? 'Signed in again: the bench came back after a supervisor’s override.'
      : `Signed in with ${p.via === 'badge' ? 'the badge' : p.via === 'pin' ? 'id and PIN' : 'badge and PIN'}${p.replaced ? ` in place of ${p.replaced}` : ''}.`,
  'operator.signed_out': (p) => `${p.operatorId} signed out (${SIGN_OUT[p.reason]}).`,
  'operator.signin_refused': (p) => `Sign-in refused${p.operatorId ? ` for ${p.operatorId}` : ''}: ${REFUSED[p.reason]}.`,
  'operator.unlocked': (p) => `Operator ${p.operatorId} unlocked.`,
  'operators.settings_saved': (p) =>
    `Sign-in settings: idle sign-out ${p.settings.idleMinutes ? `after ${p.settings.idleMinutes} min` : 'never'}, lock after ${p.settings.maxFailures} wrong PINs for ${p.settings.lockMinutes} min.`,
  'token.created': (p) => `API token "${p.name}" made for an integrator, role ${ROLE[p.role]}.`,
  'token.revoked': (p) => `API token ${p.tokenId} revoked.`,
  'notify.settings_saved': (p) => `Notifications: webhook ${p.settings.webhookUrl ?? 'off'}, exceptions over ${p.settings.exceptionsOver}.`,
  'notify.raised': (p) => `Supervisor notified: ${p.title}.`,
};

/** The sentence of any stored event; an unknown type (a newer station's) still reads as words, never as a payload dump. */
export function eventSentence(type: string, payload: unknown, h: SentenceHelpers): string {
  const fn = (SENTENCES as Record<string, (p: unknown, h: SentenceHelpers) => string>)[type];
  if (!fn || !payload || typeof payload !== 'object') return `${words(type).replace(/^./, (c) => c.toUpperCase())}.`;
  try {
    return fn(payload, h);
  } catch {
    return `${words(type).replace(/^./, (c) => c.toUpperCase())}.`;
  }
}
