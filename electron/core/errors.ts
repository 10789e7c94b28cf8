/**
 * Errors that cross the API. `message` is for the person at the screen and says what to do next.
 */
export type ErrorCode = 'BAD_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'UNAVAILABLE' | 'INTERNAL' | 'DISK_FULL';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Array<{ path: string; message: string }>,
    /** A refusal by role: the role the action needs and the caller's (FORBIDDEN only). */
    readonly roles?: { need: string; role?: string },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, next: string) => new ApiError('NOT_FOUND', `${what} not found. ${next}`);
export const badInput = (message: string, issues?: ApiError['issues']) => new ApiError('BAD_INPUT', message, issues);
export const conflict = (message: string) => new ApiError('CONFLICT', message);
/** The caller is signed in but the action (not just the channel) needs a higher role. */
export const forbidden = (message: string, need: string, role?: string) => new ApiError('FORBIDDEN', message, undefined, { need, role });
