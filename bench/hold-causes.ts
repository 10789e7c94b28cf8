/**
 * Which work held the event loop: a CPU profile of this process (node:inspector, sampled every
 * 0.5 ms) taken while a loop probe runs, read back for each long hold. A hold's samples are grouped
 * by the outermost and innermost frames of this repository (not node_modules, not node's own), so a
 * hold reads as "monitor/handler.ts ask … db/monitor/reader.ts knownScans 61 ms", not a SQLite call.
 */
import { Session } from 'node:inspector/promises';
import type { Hold } from './start.bench';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling this process; `stop()` returns the profile. */
export async function profileSelf(intervalUs = 500): Promise<{ stop(): Promise<CpuProfile> }> {
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await s.post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await s.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      s.disconnect();
      return profile;
    },
  };
}

const ROOT = new URL('..', import.meta.url).pathname;

/** A frame of this repository, as "monitor/ingest.ts ingestScans" (capability-relative where it can). */
function ours(n: ProfileNode): string | null {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  if (!url.startsWith(ROOT) || url.includes('/node_modules/')) return null;
  const rel = url
    .slice(ROOT.length)
    .replace(/^electron\/capabilities\//, '')
    .replace(/^electron\//, '');
  return `${rel} ${n.callFrame.functionName || '(anonymous)'}`;
}

export interface HoldCause {
  hold: Hold;
  /** The leading causes: the outermost and innermost frames of ours, with the ms sampled under them. */
  causes: Array<{ label: string; ms: number }>;
}

/** For each hold, what ran during it (by the profile's clock, the one `Hold.hrUs` is on). */
export function holdCauses(profile: CpuProfile, holds: Hold[], top = 3): HoldCause[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labelOf = new Map<number, string>();
  const label = (id: number): string => {
    const known = labelOf.get(id);
    if (known !== undefined) return known;
    const mine: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const o = ours(byId.get(at)!);
      if (o && !mine.includes(o)) mine.push(o);
    }
    const self = byId.get(id)!.callFrame.functionName;
    // Who started the work (the outermost frame of ours) and where it spent it (the innermost).
    const l = !mine.length ? `(${self || 'native'})` : mine.length === 1 ? mine[0] : `${mine[mine.length - 1]} … ${mine[0]}`;
    labelOf.set(id, l);
    return l;
  };
  // Sample end times on the profile's clock.
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  return holds.map((hold) => {
    const from = hold.hrUs - (hold.ms + 5) * 1000;
    const ms = new Map<string, number>();
    for (let i = 1; i < profile.samples.length; i++) {
      if (times[i] < from || times[i] > hold.hrUs) continue;
      const name = byId.get(profile.samples[i])!.callFrame.functionName;
      if (name === '(idle)') continue;
      // Outside any JavaScript (a native wait such as an fsync, or the engine itself).
      const l = name === '(program)' ? '(program: outside JavaScript)' : label(profile.samples[i]);
      ms.set(l, (ms.get(l) ?? 0) + (times[i] - times[i - 1]) / 1000);
    }
    const causes = [...ms]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([l, v]) => ({ label: l, ms: Math.round(v) }));
    return { hold, causes };
  });
}
