import { useEffect, useState } from 'react';
import type { Output } from '../../../electron/contract/channels';
import { call } from '../api/client';
import { useChannel } from '../hooks/useApi';
import { FormError, issueAt, useAction, words } from '../ui/Field';
import { ActionButton } from '../operators/OperatorsAllowed';

type View = Output<'monitor.rules.get'>;
type Rules = View['rules'];

/** The exception rules: the article's defaults per route type, per-line overrides, on/off per rule. */
export function MonitorRules({ onSaved }: { onSaved: () => void }) {
  const v = useChannel('monitor.rules.get', {}, (t) => t === 'monitor.rules_saved');
  const [rules, setRules] = useState<Rules | null>(null);
  const [reason, setReason] = useState('');
  const save = useAction();
  useEffect(() => {
    if (v.data) setRules(v.data.rules);
  }, [v.data]);
  if (!v.data || !rules) return <div className="empty">Loading rules…</div>;
  const num = (x: string) => (x === '' ? undefined : Number(x));
  const setLine = (id: string, k: 'noFirstScanHours' | 'noUpdateDays' | 'lostDays', value: string) => {
    const o = { ...(rules.lines[id] ?? {}), [k]: num(value) };
    if (o[k] === undefined) delete o[k];
    const lines = { ...rules.lines, [id]: o };
    if (!Object.keys(o).length) delete lines[id];
    setRules({ ...rules, lines });
  };
  const toggles: Array<[keyof Rules, string]> = [
    ['noFirstScan', 'No first scan after handover'],
    ['noUpdate', `No update for ${rules.noUpdate.days} days in transit`],
    ['failedDelivery', 'Failed delivery'],
    ['notHandedOver', `Not handed over by its pickup (+${rules.notHandedOver.graceHours} h)`],
    ['lost', `Lost after ${rules.lost.days} days (proposes a reship)`],
  ];
  return (
    <form
      className="rules card"
      data-testid="rules"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(() => call('monitor.rules.save', { rules, reason })).then((r) => r && (setReason(''), onSaved()));
      }}
    >
      <h2>Exception rules</h2>
      <div className="rule-toggles">
        {toggles.map(([k, label]) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={(rules[k] as { enabled: boolean }).enabled}
              onChange={(e) => setRules({ ...rules, [k]: { ...(rules[k] as object), enabled: e.target.checked } })}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <table className="shares">
        <thead>
          <tr>
            <th>Line</th>
            <th>No first scan (h)</th>
            <th>No update (days)</th>
            <th>Lost (days)</th>
          </tr>
        </thead>
        <tbody>
          {v.data.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.name} <span className="muted small">{words(l.routeType)}</span>
              </td>
              {(['noFirstScanHours', 'noUpdateDays', 'lostDays'] as const).map((k) => (
                <td key={k}>
                  <input
                    aria-label={`${l.name} ${k}`}
                    data-testid={`rule-${l.id}-${k}`}
                    inputMode="decimal"
                    className="rule-input"
                    placeholder={String(
                      k === 'noFirstScanHours' ? rules.noFirstScan.hoursByRoute[l.routeType] : k === 'noUpdateDays' ? rules.noUpdate.days : rules.lost.days,
                    )}
                    value={rules.lines[l.id]?.[k] ?? ''}
                    onChange={(e) => setLine(l.id, k, e.target.value)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="rules-reason">Why the change</label>
          <input id="rules-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. carrier now scans at pickup" />
          {issueAt(save.failure, 'reason') && <div className="field-error">{issueAt(save.failure, 'reason')}</div>}
        </div>
        <ActionButton channel="monitor.rules.save" type="submit" className="primary" disabled={save.busy}>
          Save rules
        </ActionButton>
      </div>
      <FormError failure={save.failure} fieldPaths={['reason']} />
      <div className="muted small">Empty cells take the default of the line’s route type (article: 72 h private, 5 days postal, 15 days = lost).</div>
    </form>
  );
}
