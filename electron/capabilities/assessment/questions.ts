// Table 5 of the domain article (docs/domain/partner-questions.md): the questions a merchant asks its
// warehouse partner, and what a good answer looks like. Facts, not code: kept here word for word.

export const QUESTIONS = [
  { n: 1, question: 'At what step do you generate the tracking number — at pick or at dispatch?', good: 'At pick (closes gap #1)' },
  {
    n: 2,
    question: 'How does the tracking number get into my Shopify order — real-time webhook or batch upload?',
    good: 'Real-time webhook within 5 minutes (closes gap #2)',
  },
  {
    n: 3,
    question: 'What is your observed first-scan window on your private line to the US? On low-cost postal?',
    good: 'Specific ranges given, not “within 24 hours” or “industry standard”',
  },
  {
    n: 4,
    question: 'How do you handle the day-of-week effect on Friday-Saturday fulfillment cut-offs?',
    good: 'They have a SOP that shifts cut-off for low-cost postal SKUs',
  },
  {
    n: 5,
    question: 'When a parcel hits a “no scan in N days” threshold, what happens automatically?',
    good: 'Auto-flagged into ops queue, partner notified before customer asks',
  },
  {
    n: 6,
    question: 'What is your lost-parcel SOP — reshipment timing and re-cost coverage?',
    good: 'Re-ship immediately on 15+ day no-update, do not wait for claim outcome',
  },
  {
    n: 7,
    question: 'Can you integrate with my AfterShip / 17TRACK / ParcelPanel page, or do you require yours?',
    good: 'Can integrate with either; doesn’t lock you in',
  },
  {
    n: 8,
    question: 'If I’m at 100 orders/day today and grow to 500, what changes in your tracking workflow?',
    good: 'Specific answer about exception SLA shifting, dedicated ops contact, multi-carrier balancing',
  },
] as const;

/** The article's step 5 thresholds: no first scan after 72 h on a private line, 5 days on low-cost postal; lost at 15 days. */
export const ARTICLE = { privateFirstScanHours: 72, postalFirstScanHours: 120, lostDays: 15, shopifyMinutes: 5 };
