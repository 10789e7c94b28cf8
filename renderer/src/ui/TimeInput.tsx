import { useEffect, useState } from 'react';
import { fmtWall, parseWallTime } from './time';

/**
 * A wall time typed in the site's style ("16:00", or "4:00 PM" on a 12-hour site), never the browser's
 * own time picker (its AM/PM follows the PC's locale). The value is always "HH:MM" (24-hour).
 */
export function TimeInput({
  value,
  onChange,
  disabled,
  ...rest
}: {
  value: string;
  onChange: (hhmm: string) => void;
  disabled?: boolean;
  'aria-label': string;
  'data-testid'?: string;
}) {
  const [text, setText] = useState(value ? fmtWall(value) : '');
  const [bad, setBad] = useState(false);
  useEffect(() => {
    if (parseWallTime(text) !== value) setText(value ? fmtWall(value) : '');
    setBad(false);
  }, [value]);
  const commit = () => {
    if (!text.trim()) return onChange('');
    const t = parseWallTime(text);
    setBad(!t);
    if (t) {
      setText(fmtWall(t));
      if (t !== value) onChange(t);
    }
  };
  return (
    <input
      {...rest}
      type="text"
      className={`time-input${bad ? ' bad' : ''}`}
      inputMode="numeric"
      autoComplete="off"
      placeholder={fmtWall('17:30')}
      title={bad ? 'Type a time like 17:30' : undefined}
      aria-invalid={bad || undefined}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        const t = parseWallTime(e.target.value);
        if (t) (setBad(false), t !== value && onChange(t));
      }}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}
