import type { Capability } from '../capability';
import { assess } from '../../services/assessment/report';
import { assessmentPdf } from '../../services/assessment/pdf';

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
