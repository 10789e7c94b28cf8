import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettableClock } from '../../../../electron/core/clock';
import { api, demoApp } from '../../../support/app';
import { ACTIVITY_START, generateActivity } from '../../../support/activity';
import { runtimeOf } from '../../../../electron/capabilities/monitor/runtime';
import type { ChannelName, Input } from '../../../../electron/contract/channels';
import { pdfStrings } from '../../../support/pdf-text';

let app: Awaited<ReturnType<typeof demoApp>>;
let clock: SettableClock;
beforeAll(async () => {
  clock = new SettableClock(ACTIVITY_START);
  app = await demoApp({ runJobs: false, testClock: clock, demoOrders: 140, demoShopify: true });
  let real = 0;
  runtimeOf(app.ctx).realNowMs = () => (real += 60_000);
  const drain = async () => {
    for (let i = 0; i < 200; i++) {
      const started = app.runner.pass();
      await app.runner.idle();
      if (!started) break;
    }
  };
  await generateActivity({
    call: <T>(channel: string, input: unknown = {}) => api(app, channel as ChannelName, input as Input<ChannelName>) as Promise<T>,
    setClock: async (ms) => clock.set(ms),
    settle: drain,
  });
  clock.set(ACTIVITY_START + 14 * 24 * 3_600_000);
}, 300_000);
afterAll(async () => app?.dispose());

describe('partner self-assessment (Table 5) on two weeks of the demo site', () => {
  it('answers all eight questions, each with figures and a source, and marks it against the article’s good answer', async () => {
    const r = await api(app, 'assessment.report', { from: '2026-11-23', to: '2026-12-06' });
    expect(r.answers.map((a) => a.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.parcels).toBeGreaterThan(60);
    for (const a of r.answers) {
      expect(a.figures.length).toBeGreaterThan(0);
      for (const f of a.figures) expect(f.value).not.toBe('');
      expect(a.source.length).toBeGreaterThan(10);
      expect(a.good.length).toBeGreaterThan(5);
      expect(a.answer).toMatch(/\d/);
    }
    const [q1, q2, q3, q4, q5] = r.answers;
    expect(q1).toMatchObject({ mark: 'pass' });
    expect(q1.figures[0].value).toBe(`${r.parcels} (100.0 %)`);
    // The frozen test clock syncs each pick to Shopify in the same instant.
    expect(q2.figures[0].value).toMatch(/\(100\.0 %\)$/);
    expect(q2.mark).toBe('pass');
    // First-scan windows per route, by weekday: express within hours, postal in days.
    const postal = q3.figures.find((f) => f.label.startsWith('postal'))!.value;
    const express = q3.figures.find((f) => f.label.startsWith('express'))!.value;
    expect(postal).toMatch(/^\d+(\.\d)? (h|d) \/ /);
    expect(express).toMatch(/^\d+(\.\d)? h \/ /);
    expect(q3.figures.at(-1)!.value).toMatch(/Mon \d/);
    // The demo's postal line runs no Thursday shift: that needs attention.
    expect(q4.mark).toBe('attention');
    // Parcels that never scanned were flagged automatically.
    expect(Number(q5.figures[1].value)).toBeGreaterThan(0);
  });

  it('renders the same report as a PDF a 3PL can send: the questions, the good answers, the figures and the sources', async () => {
    const { fileName, pdfBase64 } = await api(app, 'assessment.pdf', { from: '2026-11-23', to: '2026-12-06' });
    expect(fileName).toBe('tracking-self-assessment-2026-11-23-2026-12-06.pdf');
    const pdf = Buffer.from(pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfStrings(pdf).join('\n');
    expect(text).toContain('Tracking-stack self-assessment');
    for (let n = 1; n <= 8; n++) expect(text).toMatch(new RegExp(`^${n}\\. `, 'm'));
    expect(text).toContain('Good answer: At pick (closes gap #1)');
    expect(text.match(/Source: /g)).toHaveLength(8);
    // Every page carries its footer, and there is no page beyond the count (an empty page drawn for a footer).
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length;
    const footers = text.match(/page (\d+) of (\d+)/g)!;
    expect(footers).toHaveLength(pages);
    expect(footers.at(-1)).toBe(`page ${pages} of ${pages}`);
  });

  // Page images for a person to look at (ASSESSMENT_PDF_PNG=<prefix>); needs poppler's pdftoppm.
  it.skipIf(!process.env.ASSESSMENT_PDF_PNG || !hasPdftoppm())('renders its pages to PNG for a look', async () => {
    const { pdfBase64 } = await api(app, 'assessment.pdf', { from: '2026-11-23', to: '2026-12-06' });
    const dir = mkdtempSync(join(tmpdir(), 'fs-pdf-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), Buffer.from(pdfBase64, 'base64'));
      execFileSync('pdftoppm', ['-r', '80', '-png', join(dir, 'a.pdf'), process.env.ASSESSMENT_PDF_PNG!]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
