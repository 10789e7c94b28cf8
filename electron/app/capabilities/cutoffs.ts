import type { Capability } from '../capability';
import { saveSettings, settingsView, undoSettings } from '../../services/cutoffs/settings';
import { previewDraft, whatIf } from '../../services/cutoffs/whatifView';
import { thisWeek } from '../../services/cutoffs/week';
import { matrix } from '../../services/cutoffs/matrixView';
import { seedDemoCutoffs } from '../../services/cutoffs/demo';

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
