import { useState } from 'react';
import { useChannel } from '../hooks/useApi';
import { CutoffWeek } from './CutoffWeek';
import { CutoffCalendar } from './CutoffCalendar';
import { CutoffWhatIf } from './CutoffWhatIf';
import { useSiteZone } from '../ui/ZonedTime';
import { StationFaults } from '../station/StationFaults';
import { AssessmentReport } from '../assessment/AssessmentReport';

const VIEWS = [
  { id: 'week', label: 'This week' },
  { id: 'calendar', label: 'Calendars' },
  { id: 'whatif', label: 'What-if' },
  { id: 'assessment', label: 'Self-assessment' },
] as const;

/** Cut-offs for the supervisor: this week's pickups, each line's calendar, what a rule would do; and the partner self-assessment. */
export function SupervisorScreen() {
  const [view, setView] = useState<(typeof VIEWS)[number]['id']>('week');
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved');
  const zone = useSiteZone();
  const active = (lines.data ?? []).filter((l) => l.active).map((l) => ({ id: l.id, name: l.name, routeType: l.routeType }));
  return (
    <div className="supervisor">
      <StationFaults />
      <div className="subtabs" role="tablist">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            role="tab"
            aria-selected={view === v.id}
            className={view === v.id ? 'tab active' : 'tab'}
            onClick={() => setView(v.id)}
            data-testid={`sup-${v.id}`}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div className="sup-body">
        {view === 'week' && <CutoffWeek />}
        {view === 'calendar' && zone && active.length > 0 && <CutoffCalendar lines={active} zone={zone} />}
        {view === 'whatif' && active.length > 0 && <CutoffWhatIf lines={active} />}
        {view === 'assessment' && <AssessmentReport />}
      </div>
    </div>
  );
}
