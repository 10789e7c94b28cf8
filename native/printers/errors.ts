export type PrinterErrorCode = 'REFUSED' | 'TIMEOUT' | 'RESET' | 'UNREACHABLE';

/** A raw-printer transport failure, with a message written for the operator at the station. */
export class PrinterError extends Error {
  override name = 'PrinterError';
  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    /** Every byte was handed to the network before the failure: the label may still print. */
    readonly sent = false,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export function printerErrorFor(code: PrinterErrorCode, where: string, sent: boolean, cause?: unknown): PrinterError {
  const queued = 'the label will wait in the queue';
  const text: Record<PrinterErrorCode, string> = {
    REFUSED: `Printer ${where} refused the connection — check it is on and online (not paused, no other program holding it), ${queued}`,
    TIMEOUT: sent
      ? `Printer ${where} took the label but did not confirm it — check whether it printed before reprinting; it will be retried from the queue`
      : `Printer ${where} did not answer in time — check its network cable and that it is switched on, ${queued}`,
    RESET: `Printer ${where} dropped the connection mid-label — check for paper/ribbon errors on its display, ${queued}`,
    UNREACHABLE: `Printer ${where} cannot be reached on the network — check the IP address in settings and the network cable, ${queued}`,
  };
  return new PrinterError(code, text[code], sent, cause);
}

/** Map a Node socket error code to a printer error code. */
export function codeForSocketError(errno: string | undefined): PrinterErrorCode {
  switch (errno) {
    case 'ECONNREFUSED':
      return 'REFUSED';
    case 'ETIMEDOUT':
      return 'TIMEOUT';
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ECONNABORTED':
      return 'RESET';
    default:
      return 'UNREACHABLE'; // EHOSTUNREACH, ENETUNREACH, ENOTFOUND, EAI_AGAIN, EADDRNOTAVAIL, ...
  }
}
