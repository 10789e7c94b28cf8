import { createHash, randomBytes } from 'node:crypto';
import { actorOf, type ServiceContext } from '../../core/context';
import { newId } from '../../core/ids';
import { notFound } from '../../core/errors';
import type { Role } from '../../../db/operators/events';
import { reader } from './manage';

/**
 * Integrators' API tokens: one per integrator, with a role, listed and revocable from Setup. The
 * token is shown once; only its SHA-256 is kept (a token is 32 random bytes: no KDF needed). The
 * per-install token stays the local console's own.
 */
export function createToken(ctx: ServiceContext, input: { name: string; role: Role }): { id: string; name: string; role: Role; token: string } {
  const token = `fst_${randomBytes(32).toString('base64url')}`;
  const id = newId('tok', ctx.clock.now());
  const hash = createHash('sha256').update(token).digest('hex');
  ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) =>
    emit({ type: 'token.created', subject: id, payload: { tokenId: id, name: input.name, role: input.role, hash } }),
  );
  return { id, name: input.name, role: input.role, token };
}

export function revokeToken(ctx: ServiceContext, id: string) {
  const t = reader(ctx).token(id);
  if (!t) throw notFound(`API token ${id}`, 'Pick one from the list.');
  if (!t.revokedAt) ctx.store.write(actorOf(ctx), ctx.clock.now(), (emit) => emit({ type: 'token.revoked', subject: id, payload: { tokenId: id } }));
  return reader(ctx).token(id)!;
}
