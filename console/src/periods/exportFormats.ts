// The ranking exports the period's menu offers, each with the query the export route takes
// (GET /api/periods/:id/export) and its label key in the i18n messages (chiso.periodFiles.*).
// Two CSV flavours: Excel on Vietnamese Windows splits on semicolons and reads decimal commas;
// other programs (and Excel elsewhere) expect commas and decimal points. Both are UTF-8 with a BOM.
export const RANKING_EXPORTS = [
  { id: 'xlsx', query: 'format=xlsx', extension: 'xlsx', testId: 'export-xlsx' },
  { id: 'csvSemicolon', query: 'format=csv&delimiter=semicolon', extension: 'csv', testId: 'export-csv-semicolon' },
  { id: 'csvComma', query: 'format=csv', extension: 'csv', testId: 'export-csv' },
  { id: 'pdf', query: 'format=pdf', extension: 'pdf', testId: 'export-pdf' },
] as const;
