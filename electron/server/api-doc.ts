import { z } from 'zod';
import { channels, pushes } from '../contract/channels';

/** GET /api: every channel with JSON Schemas of its input and output, generated from the zod table. */
export function apiDocument() {
  const schema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any' });
  return {
    name: 'Firstscan console API',
    call: 'POST /api/<channel> with a JSON body; answers JSON. Errors: {"error":{"code","message","issues"}} with HTTP 4xx/5xx.',
    auth: 'Authorization: Bearer <token> (the token printed by `npm start` / `cli serve`), or the cookie the console sets.',
    pushes: 'WebSocket /ws sends {"push": name, "data": ...}',
    channels: Object.entries(channels).map(([name, c]) => ({
      name,
      summary: c.summary,
      role: c.role,
      input: schema(c.input, 'input'),
      output: schema(c.output, 'output'),
    })),
    pushTypes: Object.entries(pushes).map(([name, s]) => ({ name, data: schema(s, 'output') })),
  };
}
