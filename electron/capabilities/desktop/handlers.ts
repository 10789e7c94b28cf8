import type { Capability, AppEnv } from '../../app/capability';
import type { DesktopSettings } from '../../app/desktop-shell';
import { secretStoreFor } from '../../core/secrets';
import { actorOf } from '../../core/context';

const defaultDesktopSettings: DesktopSettings = { kiosk: false, fullscreen: false, startAtLogin: false };

/** Kept as this station's `desktop` setting (a station.configured event), so a rebuild keeps it too. */
export function desktopSettings(env: AppEnv): DesktopSettings {
  const saved = env.ctx.store.read.settings.scope(env.ctx.stationId).desktop as Partial<DesktopSettings> | undefined;
  return { ...defaultDesktopSettings, ...(saved ?? {}) };
}

function status(env: AppEnv) {
  const secrets = secretStoreFor(env.dataDir);
  return {
    shell: env.mode,
    settings: desktopSettings(env),
    secrets: { kind: secrets.kind, where: secrets.describe() },
    dataDir: env.dataDir,
    logFile: env.shell?.logFile ?? null,
    update: env.shell?.update() ?? { state: 'off' as const, version: null, message: 'Updates come with the desktop app.' },
  };
}

export const desktopCapability: Capability = {
  name: 'desktop',
  start(env) {
    env.shell?.apply(desktopSettings(env));
  },
  handlers: (env) => ({
    'desktop.status': () => status(env),
    'desktop.settings': (input) => {
      const { ctx } = env;
      ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
        emit({ type: 'station.configured', subject: ctx.stationId, payload: { stationId: ctx.stationId, settings: { desktop: input } } }),
      );
      env.shell?.apply(input);
      return status(env);
    },
    'desktop.diagnostics': () => {
      if (!env.shell) return { opened: false, message: 'This console runs in a browser: use the browser\u2019s own developer tools (F12).' };
      env.shell.openDiagnostics();
      return { opened: true, message: 'Diagnostics opened in their own window. Close it when done.' };
    },
  }),
};

/** The shell reloaded a crashed or hung console page: kept in the event log for the supervisor. */
export function recordConsoleRecovered(env: AppEnv, reason: string, detail: string): void {
  const { ctx } = env;
  ctx.store.write('station', ctx.clock.now(), (emit) =>
    emit({ type: 'station.console_recovered', subject: ctx.stationId, payload: { stationId: ctx.stationId, reason, detail } }),
  );
}
