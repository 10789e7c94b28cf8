import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { backupScope } from '../../../db/backup/projector';
import { actorOf, type ServiceContext } from '../../core/context';
import { badInput } from '../../core/errors';

export interface BackupSettings {
  /** '' until the site chooses one: a network share or a USB disk, never the data folder itself. */
  folder: string;
  everyHours: number;
  keep: number;
}

export const DEFAULT_SETTINGS: BackupSettings = { folder: '', everyHours: 4, keep: 14 };

export function backupSettings(ctx: ServiceContext): BackupSettings {
  return { ...DEFAULT_SETTINGS, ...(ctx.store.read.settings.get<BackupSettings>(backupScope(ctx.stationId), 'settings') ?? {}) };
}

/** A folder this station can write into, said in words the supervisor can act on. */
export function checkFolder(folder: string, dataDir: string): void {
  if (!isAbsolute(folder))
    throw badInput(`"${folder}" is not a full path. Give the whole path of the share or disk, e.g. /media/backup or \\\\server\\share\\firstscan.`);
  if (folder === dataDir || folder.startsWith(`${dataDir}/`))
    throw badInput('That folder is inside the station’s own data folder: a dead disk would take the backups with it. Choose a network share or a USB disk.');
  try {
    mkdirSync(folder, { recursive: true });
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch (err) {
    throw badInput(
      `This station cannot write to ${folder} (${(err as Error).message}). Check the share is mounted or the disk plugged in, and that this user may write there.`,
    );
  }
}

export function saveBackupSettings(ctx: ServiceContext, dataDir: string, s: BackupSettings): BackupSettings {
  checkFolder(s.folder, dataDir);
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'backup.settings_saved', subject: null, payload: { stationId: ctx.stationId, ...s } }));
  return backupSettings(ctx);
}
