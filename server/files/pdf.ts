// Printable reports: the results annex that goes with the decision publishing them (landscape, one
// table per cohort, in Decree 30's form) and an agency's report card (every criterion's points and why).
export { annexPdf } from './pdfAnnex';
export { reportCardPdf } from './pdfReportCard';
