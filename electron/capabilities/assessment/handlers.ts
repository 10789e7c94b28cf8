import type { Capability } from '../../app/capability';
import { assess } from './report';
import { assessmentPdf } from './pdf';

export const assessmentCapability: Capability = {
  name: 'assessment',
  handlers: ({ ctx }) => ({
    'assessment.report': ({ from, to }) => assess(ctx, from, to),
    'assessment.pdf': async ({ from, to }) => {
      const { fileName, pdf } = await assessmentPdf(assess(ctx, from, to));
      return { fileName, pdfBase64: pdf.toString('base64') };
    },
  }),
};
