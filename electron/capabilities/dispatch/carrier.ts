import type { JobDraft } from '../../../db/event-types';
import type { ManifestSubmission } from '../../../db/dispatch/jobs';
import { newId } from '../../core/ids';
import { jobHandler, PermanentJobError, type AnyJobHandler } from '../../core/outbox/types';
import type { ServiceContext } from '../../core/context';
import { handOver } from './handover';

export type { ManifestSubmission };

/** What the carrier's system says it received, with its own reference for the manifest. */
export interface CarrierAcceptance {
  reference: string;
  accepted: string[];
}

/** A carrier that accepts manifests electronically. Submitting the same manifest twice must be harmless. */
export interface CarrierManifestApi {
  submit(m: ManifestSubmission): Promise<CarrierAcceptance>;
  /**
   * What the carrier's system holds for our manifest number, or null if it never got it: a carrier that
   * can be asked lets a retry (or a restored station) look before it sends again. Without it, a restored
   * station sets the manifest aside for a supervisor (backup/jobs.ts).
   */
  find?(m: ManifestSubmission): Promise<CarrierAcceptance | null>;
}

/**
 * The emulated line's fake API: accepts what it is sent, minus what its script says the driver did
 * not receive, plus numbers it says it picked up without their being on the manifest.
 */
export class EmulatedCarrierApi implements CarrierManifestApi {
  script: { notReceived: string[]; extra: string[]; fail: string | null } = { notReceived: [], extra: [], fail: null };
  readonly received: ManifestSubmission[] = [];

  async submit(m: ManifestSubmission): Promise<CarrierAcceptance> {
    if (this.script.fail) throw new Error(this.script.fail);
    this.received.push(m);
    const accepted = m.trackingNumbers.filter((n) => !this.script.notReceived.includes(n));
    return { reference: `EMU-${m.number}`, accepted: [...accepted, ...this.script.extra] };
  }

  async find(m: ManifestSubmission): Promise<CarrierAcceptance | null> {
    if (this.script.fail) throw new Error(this.script.fail);
    const got = this.received.find((r) => r.number === m.number && r.closedAt === m.closedAt);
    if (!got) return null;
    return { reference: `EMU-${got.number}`, accepted: [...got.trackingNumbers.filter((n) => !this.script.notReceived.includes(n)), ...this.script.extra] };
  }
}

export const emulatedCarrier = new EmulatedCarrierApi();
const apis = new Map<string, CarrierManifestApi>();

/** The API for a line with electronic acceptance (the emulated one unless a real adapter is registered). */
export function carrierApiFor(lineId: string): CarrierManifestApi {
  return apis.get(lineId) ?? emulatedCarrier;
}

/** Whether the line's carrier can be asked for a manifest it may already have (a restore's held jobs look first). */
export const carrierCanLook = (lineId: string): boolean => !!carrierApiFor(lineId).find;

export function registerCarrierApi(lineId: string, api: CarrierManifestApi): void {
  apis.set(lineId, api);
}

export const CARRIER_JOB = 'carrier.manifest';

export function planCarrierSubmit(s: ManifestSubmission, at: Date): JobDraft<typeof CARRIER_JOB> {
  return { id: newId('job', at), kind: CARRIER_JOB, target: `carrier:${s.lineId}`, ref: s.manifestId, payload: { ...s } };
}

/** Outbox handler: send the closed manifest, then record the carrier's acceptance as the handover. */
export function carrierJobHandler(ctx: ServiceContext): AnyJobHandler {
  return jobHandler({
    concurrency: 2,
    backoff: { baseMs: 2_000, maxMs: 300_000 },
    maxAttempts: Infinity,
    runs: {
      [CARRIER_JOB]: async (job) => {
        const s = job.payload;
        const m = ctx.store.read.dispatch.manifest(s.manifestId);
        if (!m) throw new PermanentJobError(`Manifest ${s.manifestId} does not exist.`);
        // Reopened (or voided) since this job was queued: the next close-out queues a fresh submission.
        if (m.status !== 'closed' || m.closedAt !== s.closedAt) return { result: { skipped: `manifest is ${m.status} since` } };
        const api = carrierApiFor(s.lineId);
        // An earlier attempt (or the PC before a restore) may have sent it: ask the carrier first where it can be asked.
        const found = job.attempts > 0 && api.find ? await api.find(s) : null;
        const acceptance = found ?? (await api.submit(s));
        const done = handOver(ctx, m.id, { via: 'carrier_api', driver: null, carrierRef: acceptance.reference, accepted: acceptance.accepted });
        return {
          result: { reference: acceptance.reference, accepted: acceptance.accepted.length, handedOver: done.manifest.status === 'handed_over', found: !!found },
        };
      },
    },
  });
}
