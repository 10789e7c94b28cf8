import type { Capability } from '../../app/capability';
import { lineStatus } from './status';
import { addRange, importPool, saveLine } from './save';
import { validateTracking } from '../numbers/validate-view';
import { lineCustoms, saveLineCustoms } from './customs/line-settings';

export const linesCapability: Capability = {
  name: 'lines',
  handlers: ({ ctx }) => ({
    'lines.list': () => ctx.store.read.lines.all().map((l) => lineStatus(ctx, l)),
    'lines.save': (line) => saveLine(ctx, line),
    'ranges.add': (input) => addRange(ctx, input),
    'pool.import': (input) => importPool(ctx, input),
    'tracking.validate': ({ number }) => validateTracking(number),
    'lines.customs': ({ lineId }) => lineCustoms(ctx, lineId),
    'lines.customs.save': ({ lineId, customs }) => saveLineCustoms(ctx, lineId, customs),
  }),
};
