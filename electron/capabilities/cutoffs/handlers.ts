import type { Capability } from '../../app/capability';
import { saveSettings, settingsView, undoSettings } from './settings';
import { previewDraft, whatIf } from './whatif-view';
import { thisWeek } from './week';
import { matrix } from './matrix-view';
import { seedDemoCutoffs } from './demo';

export const cutoffsCapability: Capability = {
  name: 'cutoffs',
  handlers: ({ ctx }) => ({
    'cutoffs.get': ({ lineId }) => settingsView(ctx, lineId),
    'cutoffs.save': (input) => saveSettings(ctx, input),
    'cutoffs.undo': (input) => undoSettings(ctx, input),
    'cutoffs.preview': (input) => previewDraft(ctx, input),
    'cutoffs.whatif': (input) => whatIf(ctx, input),
    'cutoffs.week': () => thisWeek(ctx),
    'cutoffs.matrix': (input) => matrix(ctx, input),
  }),
  start: ({ ctx, fresh, demo }) => {
    if (fresh && demo) seedDemoCutoffs(ctx);
  },
};
