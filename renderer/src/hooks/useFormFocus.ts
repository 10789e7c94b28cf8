import { useEffect, useRef } from 'react';

/** A form opened from a button: its field takes focus on open, the button gets it back on close. */
export function useFormFocus(open: boolean) {
  const input = useRef<HTMLInputElement>(null);
  const openBtn = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) openBtn.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { input, openBtn };
}
