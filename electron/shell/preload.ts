import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, pushes } from '../contract/channels';

/**
 * window.api is built from the contract table: one function per channel, nothing else reaches
 * the main process from the page.
 */
const api = {
  channels: channelNames,
  invoke: (channel: string, input: unknown) => {
    if (!(channelNames as string[]).includes(channel)) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `No channel ${channel}` } });
    return ipcRenderer.invoke(channel, input);
  },
  on: (listener: (name: string, data: unknown) => void) => {
    const wrapped = (_e: unknown, name: string, data: unknown) => {
      if (Object.hasOwn(pushes, name)) listener(name, data);
    };
    ipcRenderer.on('push', wrapped);
    return () => ipcRenderer.off('push', wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);

// A file dropped on the window opens nothing (the main process also refuses the navigation).
for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
