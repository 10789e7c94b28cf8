import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { backupOffThread, inspectCopy, type ArchiveFacts, type CopyFacts } from '../../../db/backup/copy';
import { actorOf, type ServiceContext } from '../../core/context';
import { conflict } from '../../core/errors';
import { archiveOfBackup, backupName, listBackups, partialName, partialsIn } from './files';
import { backupSettings, checkFolder } from './settings';

export type Trigger = 'schedule' | 'console' | 'cli';

export interface BackupProgress {
  startedAt: string;
  trigger: Trigger;
  phase: 'copying' | 'checking';
  /** 0..1 of the pages copied */
  done: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  events: number;
  parcels: number;
  ms: number;
  pruned: string[];
  /** rows of the archive file copied beside it, or null (the station had none) */
  archiveRows: number | null;
}

/** Pages per step of the copy on its worker thread (1 MB): progress for the bar, nothing the picks wait for. */
const PAGES_PER_STEP = 256;

function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is durable enough there.
  }
}

/**
 * One station's backups: one at a time, written to `<name>.partial`, opened again and checked, and
 * only then renamed to its name; the oldest good copies beyond `keep` are removed after that. A kill
 * at any point leaves every earlier good copy as it was.
 */
export class BackupRunner {
  current: BackupProgress | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly dataDir: string,
    /** Tests: fewer pages per step, and a look at every step. */
    private readonly opts: { pagesPerStep?: number; onStep?: (done: number) => void } = {},
  ) {}

  /** Throws what stops a backup from starting now, in words for the screen. */
  ready(folderOverride?: string): string {
    if (this.current) throw conflict('A backup is already running: watch its progress bar, it finishes by itself.');
    const folder = folderOverride ?? backupSettings(this.ctx).folder;
    if (!folder) throw conflict('No backup folder is set. Choose one on Devices → Backup (a network share or a USB disk), then back up.');
    checkFolder(folder, this.dataDir);
    return folder;
  }

  async run(trigger: Trigger, folderOverride?: string): Promise<BackupResult> {
    const folder = this.ready(folderOverride);
    const settings = backupSettings(this.ctx);
    const started = this.ctx.clock.now();
    this.current = { startedAt: started.toISOString(), trigger, phase: 'copying', done: 0 };
    try {
      const result = await this.copyAndCheck(folder, started, settings.keep);
      this.ctx.store.write(actorOf(this.ctx), this.ctx.clock.now(), (emit) =>
        emit({
          type: 'backup.completed',
          subject: null,
          payload: {
            stationId: this.ctx.stationId,
            folder,
            file: result.file,
            bytes: result.bytes,
            events: result.events,
            parcels: result.parcels,
            startedAt: started.toISOString(),
            ms: result.ms,
            trigger,
            pruned: result.pruned,
          },
        }),
      );
      return result;
    } catch (err) {
      const reason = (err as Error).message;
      try {
        this.ctx.store.write(actorOf(this.ctx), this.ctx.clock.now(), (emit) =>
          emit({ type: 'backup.failed', subject: null, payload: { stationId: this.ctx.stationId, folder, reason, startedAt: started.toISOString(), trigger } }),
        );
      } catch {
        // a full disk: the failure is still thrown to the caller
      }
      throw err;
    } finally {
      this.current = null;
    }
  }

  private async copyAndCheck(folder: string, started: Date, keep: number): Promise<BackupResult> {
    for (const stale of partialsIn(folder, this.ctx.stationId)) rmSync(stale, { force: true });
    const t0 = performance.now();
    const name = backupName(this.ctx.stationId, started);
    const partial = join(folder, partialName(name));
    const live = this.ctx.store.read.backup;
    const progress = (done: number) => {
      if (this.current) this.current.done = done;
      this.opts.onStep?.(done);
    };
    const fraction = (p: { totalPages: number; remainingPages: number }) => (p.totalPages ? 1 - p.remainingPages / p.totalPages : 0);
    const checking = () => this.current && Object.assign(this.current, { phase: 'checking', done: 1 });
    let facts: CopyFacts;
    let expected: number;
    // The archive beside the database (old parcels' scans) goes with it: `<name>-archive.db`.
    const archiveLive = live.archiveFile();
    const archivePartial = archiveLive && existsSync(archiveLive) ? partialName(archiveOfBackup(join(folder, name))) : null;
    let archive: ArchiveFacts | null = null;
    if (live.sharedFile()) {
      ({ facts, expected, archive } = await backupOffThread(
        live.file(),
        partial,
        this.opts.pagesPerStep ?? PAGES_PER_STEP,
        { progress: (p) => progress(fraction(p)), checking },
        archivePartial ? { source: archiveLive!, dest: archivePartial } : null,
      ));
    } else {
      // Only this connection may read the file (a full disk): copy between scans on the main thread.
      await live.copy(partial, this.opts.pagesPerStep ?? 64, (p) => progress(fraction(p)));
      // Counted in the same turn the copy finished (writes made meanwhile went into it).
      expected = live.liveCounts().events;
      checking();
      facts = inspectCopy(partial);
      fsyncPath(partial);
      if (archivePartial) {
        archive = await live.copyArchive(archivePartial);
        fsyncPath(archivePartial);
      }
    }
    if (archive && archive.integrity !== 'ok')
      throw new Error(`the copy of the archive failed SQLite's integrity check (${archive.integrity.slice(0, 200)}); the previous backups are kept`);
    if (facts.integrity !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${facts.integrity.slice(0, 200)}); the previous backups are kept`);
    if (facts.events !== expected || facts.stationId !== this.ctx.stationId)
      throw new Error(`the copy holds ${facts.events} events where the station had ${expected}; the previous backups are kept`);
    // The archive first: a good copy's name always has its archive beside it.
    if (archivePartial && archive) renameSync(archivePartial, archiveOfBackup(join(folder, name)));
    renameSync(partial, join(folder, name));
    fsyncPath(folder);
    const pruned = listBackups(folder, this.ctx.stationId)
      .slice(Math.max(1, keep))
      .map((b) => {
        rmSync(b.path, { force: true });
        rmSync(archiveOfBackup(b.path), { force: true });
        return b.name;
      });
    return {
      file: name,
      bytes: statSync(join(folder, name)).size,
      events: facts.events,
      parcels: facts.parcels,
      ms: Math.round(performance.now() - t0),
      pruned,
      archiveRows: archive?.rows ?? null,
    };
  }
}
