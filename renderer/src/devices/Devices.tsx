import { useChannel } from '../hooks/useApi';
import { DevicesPrinters } from './DevicesPrinters';
import { DevicesScanners } from './DevicesScanners';
import { SelfTest } from './SelfTest';
import { DevicesDesktop } from './DevicesDesktop';
import { DevicesDatabase } from './DevicesDatabase';
import { DevicesScale } from './DevicesScale';
import { BackupPanel } from '../backup/BackupPanel';

/** Printers, scanners and the scale of this station, the scanner self-test, and the station's backups. */
export function DevicesScreen() {
  const station = useChannel('station.get', {}, (t) => t === 'station.configured');
  return (
    <div className="devices">
      <div className="devices-col">
        <SelfTest settings={station.data?.scanner} />
        <DevicesScanners station={station.data} reloadStation={() => void station.reload()} />
        <DevicesScale />
        <DevicesDatabase />
      </div>
      <div className="devices-col">
        <BackupPanel />
        <DevicesPrinters />
        <DevicesDesktop />
      </div>
    </div>
  );
}
