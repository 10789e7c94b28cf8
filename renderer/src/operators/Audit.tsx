import { useEffect, useState } from 'react';
import { OperatorsAudit } from './OperatorsAudit';
import { OperatorsFigures } from './OperatorsFigures';
import { AUDIT_OPEN_EVENT, takeAuditRef } from './roles';

/** F11 Audit (supervisor): who did what, and each picker's day. */
export function AuditScreen() {
  const [tab, setTab] = useState<'log' | 'figures'>('log');
  const [ref, setRef] = useState(takeAuditRef);
  useEffect(() => {
    const on = (e: Event) => (setRef((e as CustomEvent<string>).detail), setTab('log'));
    window.addEventListener(AUDIT_OPEN_EVENT, on);
    return () => window.removeEventListener(AUDIT_OPEN_EVENT, on);
  }, []);
  return (
    <div className="audit-screen" data-testid="audit-screen">
      <div className="subtabs">
        <button className={tab === 'log' ? 'tab active' : 'tab'} onClick={() => setTab('log')} data-testid="audit-tab-log">
          Who did what
        </button>
        <button className={tab === 'figures' ? 'tab active' : 'tab'} onClick={() => setTab('figures')} data-testid="audit-tab-figures">
          Figures per picker
        </button>
      </div>
      {tab === 'log' ? <OperatorsAudit key={ref} initialRef={ref} /> : <OperatorsFigures />}
    </div>
  );
}
