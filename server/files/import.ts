// Import of a filled template (or any sheet whose header row names our facts, or a CSV) into
// submissions. All or nothing: either every row is good and every submission comes back, or
// nothing does and every problem is listed with its sheet, row and column.
import type ExcelJS from 'exceljs';
import {
  type Agency,
  assignCohort,
  type CompiledVersion,
  type Fact,
  type FactValue,
  pointerTokens as tokens,
  type SubmissionInput,
  validateSubmission,
} from '../engine';
import { convertCell, readCell, type RawCell } from './cellValue';
import { AGENCY_ID, AGENCY_NAME, factHeader, headerMatcher, normalizeHeader, type HeaderMeaning } from './factColumns';
import { columnLetter, problem, sortProblems, type FileProblem } from './problem';
import { INSTRUCTIONS_SHEET, META_SHEET, readMeta } from './templateMeta';
import { loadWorkbook } from './workbook';

export interface ImportLimits {
  /** Largest upload accepted. */
  maxBytes: number;
  /** Most bytes an XLSX may unpack to. */
  maxUncompressed: number;
  /** Most data rows in one file. */
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxUncompressed: 50 * 1024 * 1024,
  maxRows: 2000,
};

export interface ImportOptions extends ImportLimits {
  /**
   * Columns of evaluator-entered facts (manual scores, appraisal data): 'accept' for the CLI's
   * submissions files; 'refuse' for the API, where they come in through appraisals only.
   */
  evaluatorFacts: 'accept' | 'refuse';
}

export type ImportResult =
  | {
      submissions: SubmissionInput[];
      /** Where each submission came from, in the same order. */
      rows: { sheet: string; row: number }[];
    }
  | { problems: FileProblem[] };

/** Rows above the header that may hold titles. */
const HEADER_SEARCH_ROWS = 10;

interface SheetLayout {
  sheet: ExcelJS.Worksheet;
  /** Name shown in problems: the sheet name, or the file name for a CSV. */
  name: string;
  headerRow: number;
  agencyIdColumn?: number;
  agencyNameColumn?: number;
  factColumns: { column: number; fact: Fact }[];
}

const text = (cell: ExcelJS.Cell): string => {
  const raw = readCell(cell);
  return raw.kind === 'string' ? raw.value : raw.kind === 'number' ? String(raw.value) : '';
};

export async function parseImport(
  buffer: Buffer,
  fileName: string,
  compiled: CompiledVersion,
  agencies: Agency[],
  options: Partial<ImportOptions> = {},
): Promise<ImportResult> {
  const { version, hash: versionHash } = compiled;
  const limits: ImportOptions = { ...DEFAULT_IMPORT_LIMITS, evaluatorFacts: 'accept', ...options };
  const loaded = await loadWorkbook(buffer, fileName, limits);
  if (!loaded.ok) return { problems: [loaded.problem] };
  const { workbook, kind } = loaded;
  const sheetName = (sheet: ExcelJS.Worksheet) => (kind === 'csv' ? fileName : sheet.name);

  const meta = kind === 'xlsx' ? readMeta(workbook) : null;
  if (meta && (meta.ruleSet !== version.ruleSet || meta.version !== version.version || meta.versionHash !== versionHash)) {
    return {
      problems: [
        problem(
          META_SHEET,
          null,
          null,
          `Tệp mẫu này được tạo cho bộ chỉ số «${meta.ruleSet}» phiên bản ${meta.version} (mã ${meta.versionHash.slice(0, 12)}…), ` +
            `nhưng kỳ đánh giá dùng phiên bản ${version.version} (mã ${versionHash.slice(0, 12)}…). Hãy tải mẫu mới của kỳ đánh giá này và nhập lại số liệu.`,
          `This template was made for rule set "${meta.ruleSet}" version ${meta.version} (hash ${meta.versionHash.slice(0, 12)}…), ` +
            `but the period uses version ${version.version} (hash ${versionHash.slice(0, 12)}…). Download this period's template and enter the data again.`,
        ),
      ],
    };
  }

  // Which sheets to read: the template's data sheet, else every visible sheet with a recognisable header row.
  const candidates = workbook.worksheets.filter(
    (s) => s.name !== META_SHEET && s.name !== INSTRUCTIONS_SHEET && (s.state ?? 'visible') === 'visible',
  );
  const preferred = meta ? candidates.filter((s) => s.name === meta.dataSheet) : [];
  const matcher = headerMatcher(version);
  const problems: FileProblem[] = [];
  const layouts: SheetLayout[] = [];
  for (const sheet of preferred.length ? preferred : candidates) {
    const layout = findHeader(sheet, sheetName(sheet), matcher, problems, limits.evaluatorFacts);
    if (layout) layouts.push(layout);
  }
  if (!layouts.length) {
    return {
      problems: [
        problem(
          candidates[0] ? sheetName(candidates[0]) : null,
          null,
          null,
          `Không tìm thấy dòng tiêu đề: cần cột «${AGENCY_ID.vi}» (hoặc «${AGENCY_NAME.vi}») và ít nhất một cột chỉ tiêu của phiên bản ${version.version}, ví dụ «${version.facts[0] ? factHeader(version.facts[0]) : ''}».`,
          `No header row found: it needs a column "${AGENCY_ID.vi}" (agency id) or "${AGENCY_NAME.vi}" (agency name) and at least one fact column of version ${version.version}.`,
        ),
      ],
    };
  }

  const byId = new Map(agencies.map((a) => [a.id.toLowerCase(), a]));
  const byName = new Map<string, Agency>();
  for (const a of agencies) for (const n of [a.name, a.nameEn]) if (n) byName.set(normalizeHeader(n), a);
  const seen = new Map<string, { sheet: string; row: number }>();
  const submissions: SubmissionInput[] = [];
  const origins: { sheet: string; row: number }[] = [];

  // Rows nobody filled in (the template lists every agency) are skipped, not refused.
  const dataRows = layouts.flatMap((layout) => {
    const rows: { layout: SheetLayout; row: ExcelJS.Row; cells: { column: number; fact: Fact; raw: RawCell }[] }[] = [];
    layout.sheet.eachRow((row, r) => {
      if (r <= layout.headerRow) return;
      const cells = layout.factColumns.map(({ column, fact }) => ({ column, fact, raw: readCell(row.getCell(column)) }));
      if (cells.some((c) => c.raw.kind !== 'empty')) rows.push({ layout, row, cells });
    });
    return rows;
  });
  if (dataRows.length > limits.maxRows) {
    const first = dataRows[limits.maxRows];
    return {
      problems: [
        problem(
          first.layout.name,
          first.row.number,
          null,
          `Tệp có quá ${limits.maxRows} dòng số liệu; hãy tách thành nhiều tệp.`,
          `The file has more than ${limits.maxRows} data rows; split it into several files.`,
        ),
      ],
    };
  }

  for (const { layout, row, cells } of dataRows) {
    const { name } = layout;
    const r = row.number;
    const agency = findAgency(layout, row, byId, byName, problems);
    if (!agency) continue;
    const earlier = seen.get(agency.id);
    if (earlier) {
      problems.push(
        problem(
          name,
          r,
          columnLetter(layout.agencyIdColumn ?? layout.agencyNameColumn!),
          `Cơ quan «${agency.name}» có số liệu hai lần (trước đó ở trang «${earlier.sheet}», dòng ${earlier.row}).`,
          `Agency "${agency.name}" appears twice (first on sheet "${earlier.sheet}", row ${earlier.row}).`,
        ),
      );
      continue;
    }
    seen.set(agency.id, { sheet: name, row: r });

    const cohort = assignCohort(compiled, agency).cohort;
    const facts: Record<string, FactValue> = {};
    const rowProblems: FileProblem[] = [];
    for (const { column, fact, raw } of cells) {
      if (raw.kind === 'empty') continue;
      const letter = columnLetter(column);
      if (fact.cohorts && (cohort === null || !fact.cohorts.includes(cohort))) {
        rowProblems.push(
          problem(
            name,
            r,
            letter,
            `«${fact.label.vi}» không áp dụng cho khối của «${agency.name}»; hãy để trống ô này.`,
            `"${fact.label.en ?? fact.label.vi}" does not apply to the cohort of "${agency.name}"; leave this cell empty.`,
          ),
        );
        continue;
      }
      const converted = convertCell(fact, raw);
      if (converted.ok) facts[fact.id] = converted.value;
      else rowProblems.push({ sheet: name, row: r, column: letter, message: converted.message });
    }
    // The version's rules on what was read; a cell already refused is not reported twice.
    const refused = new Set(rowProblems.map((p) => p.column));
    const columnOf = new Map(layout.factColumns.map((c) => [c.fact.id, columnLetter(c.column)]));
    for (const finding of validateSubmission(version, { agency, facts }, { cohort })) {
      if (finding.severity !== 'error') continue;
      const [top, factId] = tokens(finding.path);
      const column =
        top === 'facts' && factId !== undefined
          ? (columnOf.get(factId) ?? null)
          : top === 'agency'
            ? columnLetter(layout.agencyIdColumn ?? layout.agencyNameColumn!)
            : null;
      if (column !== null && refused.has(column)) continue;
      const missing = top === 'facts' && factId !== undefined && !columnOf.has(factId);
      const fact = version.facts.find((f) => f.id === factId);
      rowProblems.push(
        problem(
          name,
          r,
          column,
          missing && fact ? `${finding.message.vi} (tệp không có cột «${factHeader(fact)}»)` : finding.message.vi,
          missing && fact ? `${finding.message.en} (the file has no column "${factHeader(fact, 'en')}")` : finding.message.en,
        ),
      );
    }
    problems.push(...rowProblems);
    submissions.push({ agency, facts });
    origins.push({ sheet: name, row: r });
  }

  if (!problems.length && !submissions.length) {
    problems.push(
      problem(
        layouts[0].name,
        null,
        null,
        'Tệp không có dòng số liệu nào: mọi ô chỉ tiêu đều trống.',
        'The file has no data rows: every fact cell is empty.',
      ),
    );
  }
  if (problems.length)
    return {
      problems: sortProblems(
        problems,
        layouts.map((l) => l.name),
      ),
    };
  return { submissions, rows: origins };
}

/** The header row (within the first rows) and what each column holds; unknown columns are problems. */
function findHeader(
  sheet: ExcelJS.Worksheet,
  name: string,
  matcher: (header: string) => HeaderMeaning | undefined,
  problems: FileProblem[],
  evaluatorFacts: ImportOptions['evaluatorFacts'],
): SheetLayout | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const layout: SheetLayout = { sheet, name, headerRow: r, factColumns: [] };
    const unknown: { column: number; header: string }[] = [];
    const duplicate: { column: number; header: string }[] = [];
    const factSeen = new Set<string>();
    for (let c = 1; c <= row.cellCount; c++) {
      const header = text(row.getCell(c));
      if (!header) continue;
      const meaning = matcher(header);
      if (!meaning) unknown.push({ column: c, header });
      else if (meaning.kind === 'agencyId') layout.agencyIdColumn ??= c;
      else if (meaning.kind === 'agencyName') layout.agencyNameColumn ??= c;
      else if (meaning.kind === 'fact') {
        if (factSeen.has(meaning.fact.id)) duplicate.push({ column: c, header });
        else {
          factSeen.add(meaning.fact.id);
          layout.factColumns.push({ column: c, fact: meaning.fact });
        }
      }
    }
    if (!layout.factColumns.length || (layout.agencyIdColumn === undefined && layout.agencyNameColumn === undefined)) continue;
    for (const { column, header } of unknown)
      problems.push(
        problem(
          name,
          r,
          columnLetter(column),
          `Không nhận ra cột «${header}»: không phải chỉ tiêu của phiên bản này. Hãy dùng đúng tên cột trong mẫu, hoặc xóa cột (cột «Ghi chú» được bỏ qua).`,
          `Unknown column "${header}": not a fact of this version. Use the template's column names, or delete the column ("Ghi chú"/"Note" columns are ignored).`,
        ),
      );
    for (const { column, fact } of layout.factColumns.filter((c) => evaluatorFacts === 'refuse' && c.fact.enteredBy === 'evaluator'))
      problems.push(
        problem(
          name,
          r,
          columnLetter(column),
          `Cột «${factHeader(fact)}» do cán bộ thẩm định nhập khi thẩm định, không nhập qua tệp; hãy xóa cột này.`,
          `Column "${factHeader(fact, 'en')}" is entered by the evaluator during appraisal, not imported; delete the column.`,
        ),
      );
    for (const { column, header } of duplicate)
      problems.push(problem(name, r, columnLetter(column), `Cột «${header}» bị lặp lại.`, `Column "${header}" appears twice.`));
    return layout;
  }
  return null;
}

function findAgency(
  layout: SheetLayout,
  row: ExcelJS.Row,
  byId: Map<string, Agency>,
  byName: Map<string, Agency>,
  problems: FileProblem[],
): Agency | null {
  const id = layout.agencyIdColumn !== undefined ? text(row.getCell(layout.agencyIdColumn)) : '';
  const name = layout.agencyNameColumn !== undefined ? text(row.getCell(layout.agencyNameColumn)) : '';
  const column = columnLetter(layout.agencyIdColumn ?? layout.agencyNameColumn!);
  if (id) {
    const agency = byId.get(id.trim().toLowerCase());
    if (agency) return agency;
    problems.push(problem(layout.name, row.number, column, `Không có cơ quan nào mang mã «${id}».`, `No agency has the id "${id}".`));
    return null;
  }
  if (name) {
    const agency = byName.get(normalizeHeader(name));
    if (agency) return agency;
    problems.push(
      problem(
        layout.name,
        row.number,
        columnLetter(layout.agencyNameColumn!),
        `Không có cơ quan nào tên «${name}»; hãy ghi mã cơ quan.`,
        `No agency is named "${name}"; give the agency id.`,
      ),
    );
    return null;
  }
  problems.push(
    problem(
      layout.name,
      row.number,
      column,
      'Dòng có số liệu nhưng không ghi mã hoặc tên cơ quan.',
      'The row has data but no agency id or name.',
    ),
  );
  return null;
}
