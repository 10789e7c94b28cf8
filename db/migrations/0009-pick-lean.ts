// The pick commit writes one page per index of the tables it touches: indexes no query uses go.
export const name = 'pick-lean';

export const up = `
-- jobs_due (next_at of queued jobs) has had no reader since the runner walks lane heads in creation
-- order through jobs_queued_order (0003); every pick still paid a page for it.
DROP INDEX IF EXISTS jobs_due;
`;
