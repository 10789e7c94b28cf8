import type { UpdateState } from '../app/desktop-shell';
import type { Log } from '../core/log';

/**
 * Updates from a feed the site hosts itself (electron-updater's generic provider: a folder with
 * latest.yml / latest-linux.yml and the installers, on any web server). Checked once at start and
 * downloaded in the background; installed when the station quits, so never mid-shift. The feed's
 * address: FIRSTSCAN_UPDATE_URL, or the first line of <data folder>/update-url.
 */
export function startUpdates(o: { packaged: boolean; feed: string | undefined; log: Log; appImageOrInstaller: boolean }): () => UpdateState {
  let state: UpdateState = { state: 'off', version: null, message: 'Updates are checked in an installed station only.' };
  if (!o.packaged || !o.appImageOrInstaller) return () => state;
  if (!o.feed) {
    state = { state: 'off', version: null, message: 'No update feed is set: write the site\u2019s feed address into the file update-url in the data folder.' };
    return () => state;
  }
  state = { state: 'checking', version: null, message: 'Looking for an update…' };
  void (async () => {
    try {
      const { autoUpdater } = (await import('electron-updater')).default ?? (await import('electron-updater'));
      autoUpdater.autoDownload = true;
      autoUpdater.autoInstallOnAppQuit = true;
      autoUpdater.logger = {
        info: (m: unknown) => o.log.info(`update: ${m}`),
        warn: (m: unknown) => o.log.info(`update: ${m}`),
        error: (m: unknown) => o.log.error(`update: ${m}`),
        debug: () => undefined,
      };
      autoUpdater.setFeedURL({ provider: 'generic', url: o.feed });
      autoUpdater.on('update-not-available', () => (state = { state: 'none', version: null, message: 'This is the newest version.' }));
      autoUpdater.on(
        'download-progress',
        (p: { percent: number }) => (state = { state: 'downloading', version: null, message: `Downloading an update (${Math.round(p.percent)}%).` }),
      );
      autoUpdater.on('update-downloaded', (i: { version: string }) => {
        state = { state: 'ready', version: i.version, message: `Version ${i.version} is ready: it is installed when Firstscan is next closed.` };
        o.log.info(`update ${i.version} downloaded; installed at the next restart`);
      });
      autoUpdater.on(
        'error',
        (e: Error) => (state = { state: 'error', version: null, message: `The update check failed (${e.message}); the station works as it is.` }),
      );
      await autoUpdater.checkForUpdates();
    } catch (e) {
      state = { state: 'error', version: null, message: `The update check failed (${(e as Error).message}); the station works as it is.` };
      o.log.error('update check', e);
    }
  })();
  return () => state;
}
