// Buyer messages leave through the outbox like every side effect. The demo's transport files each
// message as an .eml under the data directory (like the demo printer); a real one would send it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BuyerMessage {
  to: string;
  subject: string;
  body: string;
  ref: string;
}

export interface MailTransport {
  name: string;
  /** `idempotencyKey` is the job id: a real transport sends it as the Message-ID (`<job id@firstscan>`). */
  send(m: BuyerMessage, idempotencyKey: string): Promise<{ id: string }>;
}

export function fileMail(dir: string): MailTransport {
  return {
    name: `demo mailbox (${dir})`,
    async send(m, key) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // The job id names the file: a retried job rewrites the same message, never a second one.
      const file = join(dir, `${key}.eml`);
      // The Message-ID is the job id too: a receiver (or a mail relay) sees a second copy as the same message.
      writeFileSync(file, `Message-ID: <${key}@firstscan>\nTo: ${m.to}\nSubject: ${m.subject}\nX-Firstscan-Ref: ${m.ref}\n\n${m.body}\n`, { mode: 0o600 });
      return { id: file };
    },
  };
}
