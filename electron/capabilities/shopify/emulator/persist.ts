import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorSnapshot, EmulatorState } from './state';

/** Read a saved emulator state; undefined when there is none yet. */
export function loadSnapshot(file: string): EmulatorSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as EmulatorSnapshot;
}

/** Write whole or not at all: a crash mid-write leaves the previous file, never half of one. */
export function writeSnapshot(file: string, snap: EmulatorSnapshot): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snap), { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * Keeps an emulated store's state in a file: `changed()` after each write schedules one save
 * (debounced, so a drain of thousands of mutations writes a few times, not thousands); `flush()`
 * saves now (on close).
 */
export class StatePersister {
  private timer: NodeJS.Timeout | null = null;
  saves = 0;

  constructor(
    private readonly state: EmulatorState,
    readonly file: string,
    private readonly delayMs = 250,
  ) {}

  changed(): void {
    this.timer ??= setTimeout(() => this.flushOrRetry(), this.delayMs);
  }

  /** On the timer: a save that fails (a full disk) is tried again later, never thrown into the event loop. */
  private flushOrRetry(): void {
    try {
      this.flush();
    } catch (err) {
      console.error(`emulator state not saved (${(err as Error).message}); trying again in 5 s`);
      this.timer = setTimeout(() => this.flushOrRetry(), 5_000);
      this.timer.unref();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    writeSnapshot(this.file, this.state.snapshot());
    this.saves++;
  }

  /** Save now only if a change is waiting. */
  close(): void {
    if (this.timer) this.flush();
  }
}
