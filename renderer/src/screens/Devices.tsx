import { useChannel } from '../hooks/useApi';
import { DevicesPrinters } from '../components/DevicesPrinters';
import { DevicesScanners } from '../components/DevicesScanners';
import { SelfTest } from '../components/SelfTest';
import { DevicesDesktop } from '../components/DevicesDesktop';
import { DevicesDatabase } from '../components/DevicesDatabase';

/** Printers and scanners of this station, and the scanner self-test. */
export function DevicesScreen() {
  const station = useChannel('station.get', {}, (t) => t === 'station.configured');
  return (
    <div className="devices">
      <div className="devices-col">
        <SelfTest settings={station.data?.scanner} />
        <DevicesScanners station={station.data} reloadStation={() => void station.reload()} />
      </div>
      <div className="devices-col">
        <DevicesPrinters />
        <DevicesDesktop />
        <DevicesDatabase />
      </div>
    </div>
  );
}
