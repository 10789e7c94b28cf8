import { useCallback, useState, type ReactNode } from 'react';
import { ApiFailure } from '../api/client';

export type Issue = { path: string; message: string };
export type Failure = { message: string; issues: Issue[] };

/** Any thrown thing as something the screen can show: ApiFailure keeps its message and per-field issues. */
export function failureOf(e: unknown): Failure {
  if (e instanceof ApiFailure) return { message: e.message, issues: e.issues ?? [] };
  return { message: `${(e as Error)?.message ?? String(e)}. Try again; if it repeats, call a supervisor.`, issues: [] };
}

/** The issue messages for a field path ("name", "scanner.minLength", "params.prefix"), exact or nested below it. */
export function issueAt(f: Failure | null, path: string): string | undefined {
  if (!f) return undefined;
  const hits = f.issues.filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  return hits.length ? hits.map((i) => i.message).join('; ') : undefined;
}

/** Issues that no field on the form claims: shown in the form-level error box. */
export function unclaimed(f: Failure | null, paths: string[]): Issue[] {
  if (!f) return [];
  return f.issues.filter((i) => !paths.some((p) => i.path === p || i.path.startsWith(`${p}.`)));
}

/** A labelled control with its hint and its error right next to it. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
  wide,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert" data-testid={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}

/** The form-level error: the API's message (it says what to do next) and any issue no field showed. */
export function FormError({ failure, fieldPaths = [], testId }: { failure: Failure | null; fieldPaths?: string[]; testId?: string }) {
  if (!failure) return null;
  const rest = unclaimed(failure, fieldPaths);
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      <div>{failure.message}</div>
      {rest.length > 0 && (
        <ul>
          {rest.map((i, n) => (
            <li key={n}>
              <b>{i.path}</b>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Run an API action with busy/failure state. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(null);
    try {
      return await fn();
    } catch (e) {
      setFailure(failureOf(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failure, setFailure, run };
}

/** Props that tie an input to its error/hint for screen readers. */
export function described(id: string, error?: string, hint?: boolean) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/** Warehouse date-time for a floor screen (the one time format, renderer/src/ui/time.ts). */
export { fmtWhen as fmtTime } from './time';

/** Machine words ("handed_over", "print.label") in plain words. */
export function words(s: string): string {
  return s.replace(/[._]+/g, ' ');
}
