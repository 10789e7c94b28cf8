import { PackStoreRules } from '../pack/PackStoreRules';
import { useState } from 'react';
import { call } from '../api/client';
import type { Output } from '../../../electron/contract/channels';
import { useChannel } from '../hooks/useApi';
import { Field, FormError, described, issueAt, useAction } from '../ui/Field';
import { SetupStation } from './SetupStation';
import { SetupPrinters } from '../devices/SetupPrinters';
import { SetupLines } from '../lines/SetupLines';
import { SecretsWhere } from '../devices/DevicesDesktop';
import { SetupPickSlips, SetupSite } from './SetupSite';
import { SetupRetention } from './SetupRetention';
import { SetupImport } from '../orders/SetupImport';
import { PackBatch, PackCustoms, PackRules } from '../pack/PackSetup';
import { OperatorsSetup } from '../operators/OperatorsSetup';
import { startsWith } from '../ui/event-family';

type Validation = Output<'tracking.validate'>;

function ValidateTracking() {
  const [number, setNumber] = useState('');
  const [result, setResult] = useState<Validation | null>(null);
  const { busy, failure, run } = useAction();
  const err = issueAt(failure, 'number');
  return (
    <section className="card" aria-labelledby="vt-h" data-testid="setup-validate">
      <h2 id="vt-h">Validate a tracking number</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setResult(null);
          void run(() => call('tracking.validate', { number })).then((r) => r && setResult(r));
        }}
      >
        <Field id="vt-number" label="Tracking number" error={err}>
          <input
            {...described('vt-number', err)}
            className="mono"
            data-testid="validate-input"
            value={number}
            onChange={(e) => (setNumber(e.target.value), setResult(null))}
            autoComplete="off"
            maxLength={60}
          />
        </Field>
        <button type="submit" className="primary" disabled={busy} data-testid="validate-submit">
          Check
        </button>
      </form>
      <FormError failure={failure} fieldPaths={['number']} />
      {result && (
        <div className={`validate-result ${result.valid ? 'valid' : 'invalid'}`} data-testid="validate-result" data-valid={result.valid} role="status">
          <div className="verdict">{result.valid ? '✓ Valid' : '✗ Not valid'}</div>
          {(result.carrier || result.format) && (
            <div>
              {result.carrier ?? 'Unknown carrier'}
              {result.format ? ` · ${result.format}` : ''}
              {result.normalized ? <span className="mono"> · {result.normalized}</span> : null}
            </div>
          )}
          <div>{result.message}</div>
        </div>
      )}
    </section>
  );
}

export function SetupScreen() {
  const printers = useChannel('printers.list', {}, (t) => t === 'printer.saved' || startsWith(t, 'job.') || t === 'label.printed' || startsWith(t, 'parcel.'));
  const lines = useChannel('lines.list', {}, (t) => t === 'line.saved' || t === 'range.added' || t === 'pool.imported' || t === 'parcel.picked');
  return (
    <div className="setup" data-testid="setup">
      <div className="setup-col">
        <SetupStation printers={printers.data} />
        <SecretsWhere />
        <ValidateTracking />
        <SetupPrinters printers={printers.data} error={printers.error} reload={() => void printers.reload()} />
        <SetupSite />
        <SetupRetention />
        <SetupPickSlips />
      </div>
      <div className="setup-col">
        <OperatorsSetup />
        <SetupImport />
        <SetupLines lines={lines.data} error={lines.error} reload={() => void lines.reload()} />
        <PackRules />
        <PackStoreRules />
        <PackCustoms />
        <PackBatch />
      </div>
    </div>
  );
}
