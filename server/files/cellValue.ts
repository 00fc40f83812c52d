// From what a person typed in a spreadsheet cell to a fact value: "82,5", "82%", "Có", "x",
// "15/09/2021", a formula's cached result. Every refusal says in words what was expected. Text we
// wrote neutralized (the engine's neutralizeText, against formula injection) is read back as it was.
import type ExcelJS from 'exceljs';
import { Exact, type Fact, type FactValue, isoOf, parseDay, restoreText } from '../engine';
import { BOOLEAN_OPTIONS, allowedValues, isPercent, normalizeHeader } from './factColumns';

export type RawCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percentFormat: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string }
  | { kind: 'formulaWithoutResult'; formula: string };

const EMPTY: RawCell = { kind: 'empty' };

/** What exceljs holds in a cell, flattened: formulas become their cached result, neutralized text its original. */
export function readCell(cell: ExcelJS.Cell): RawCell {
  return fromValue(cell.value, typeof cell.numFmt === 'string' && cell.numFmt.includes('%'));
}

function fromValue(value: unknown, percentFormat: boolean): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, percentFormat } : EMPTY;
  if (typeof value === 'string') {
    const text = restoreText(value).trim();
    return text === '' ? EMPTY : { kind: 'string', value: text };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', value };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null)
        return { kind: 'formulaWithoutResult', formula: String(v.formula ?? v.sharedFormula ?? '') };
      return fromValue(v.result, percentFormat);
    }
    if ('error' in v) return { kind: 'error', value: String(v.error) };
    if (Array.isArray(v.richText)) return fromValue((v.richText as { text?: string }[]).map((r) => r.text ?? '').join(''), percentFormat);
    if ('text' in v) return fromValue(v.text, percentFormat);
  }
  return EMPTY;
}

export type Converted = { ok: true; value: FactValue } | { ok: false; message: { vi: string; en: string } };

const fail = (vi: string, en: string): Converted => ({ ok: false, message: { vi, en } });

/**
 * A decimal number as people write it here: "82,5" (Vietnamese comma), "82.5", "1.234,5", "1,234.5",
 * with spaces and a trailing % allowed. Returns null when the text is not a number.
 */
function parseDecimal(text: string): { value: number; percent: boolean } | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '');
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  if (!/^[+-]?(\d[\d.,]*)$/.test(s)) return null;
  const commas = (s.match(/,/g) ?? []).length;
  const dots = (s.match(/\./g) ?? []).length;
  if (commas && dots) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if ((s.match(new RegExp(`\\${decimal}`, 'g')) ?? []).length > 1) return null;
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})*(\\${decimal}\\d+)?$`).test(s)) return null;
    s = s.split(group).join('').replace(decimal, '.');
  } else if (commas > 1 || dots > 1) {
    // "1.234.567" or "1,234,567": grouping only.
    const group = commas > 1 ? ',' : '.';
    if (!new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+$`).test(s)) return null;
    s = s.split(group).join('');
  } else {
    s = s.replace(',', '.');
  }
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return null;
  return { value: Exact.of(s).toNumber(), percent };
}

const TRUE_WORDS = new Set(['có', 'co', 'x', 'true', '1', 'yes', 'y', 'đúng', 'dung', 'đạt', 'dat']);
const FALSE_WORDS = new Set(['không', 'khong', 'false', '0', 'no', 'n', 'sai', 'chưa', 'chua']);

/** Turns one cell into the value of `fact`. Empty cells are handled by the caller (the fact is left out). */
export function convertCell(fact: Fact, raw: Exclude<RawCell, { kind: 'empty' }>): Converted {
  const expected = allowedValues(fact);
  const wrong = (shown: string) =>
    fail(`Giá trị «${shown}» không hợp lệ. Yêu cầu: ${expected.vi}.`, `Value "${shown}" is not valid. Expected: ${expected.en}.`);
  if (raw.kind === 'formulaWithoutResult')
    return fail(
      `Ô có công thức (=${raw.formula}) nhưng chưa có giá trị tính sẵn; hãy mở tệp bằng Excel, tính lại và lưu.`,
      `The cell has a formula (=${raw.formula}) without a cached value; open the file in Excel, recalculate and save.`,
    );
  if (raw.kind === 'error') return fail(`Ô có lỗi ${raw.value}.`, `The cell holds the error ${raw.value}.`);
  const shown = raw.kind === 'date' ? raw.value.toISOString().slice(0, 10) : raw.kind === 'boolean' ? String(raw.value) : String(raw.value);

  switch (fact.type) {
    case 'number':
    case 'integer': {
      let value: number;
      if (raw.kind === 'number') {
        // A cell formatted as percent holds 0.825 for 82,5%; the fact is in percent points.
        value = raw.percentFormat && isPercent(fact) ? Exact.of(raw.value).times(Exact.HUNDRED).toNumber() : raw.value;
      } else if (raw.kind === 'string') {
        const parsed = parseDecimal(raw.value);
        if (!parsed) return wrong(shown);
        if (parsed.percent && !isPercent(fact))
          return fail(
            `Giá trị «${shown}» có dấu %, nhưng chỉ tiêu này không tính bằng %.`,
            `Value "${shown}" has a % sign but this fact is not a percentage.`,
          );
        value = parsed.value;
      } else return wrong(shown);
      if (fact.type === 'integer' && !Number.isInteger(value))
        return fail(`Giá trị «${shown}» phải là số nguyên.`, `Value "${shown}" must be a whole number.`);
      return { ok: true, value };
    }
    case 'boolean': {
      if (raw.kind === 'boolean') return { ok: true, value: raw.value };
      if (raw.kind === 'number' && (raw.value === 0 || raw.value === 1)) return { ok: true, value: raw.value === 1 };
      if (raw.kind === 'string') {
        const word = normalizeHeader(raw.value);
        if (TRUE_WORDS.has(word)) return { ok: true, value: true };
        if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      }
      return fail(
        `Giá trị «${shown}» không hợp lệ: cần ${BOOLEAN_OPTIONS.yes} hoặc ${BOOLEAN_OPTIONS.no} (hoặc x, 1, 0).`,
        `Value "${shown}" is not valid: expected Có (yes) or Không (no), or x, 1, 0.`,
      );
    }
    case 'enum': {
      const text = normalizeHeader(String(raw.kind === 'date' ? shown : raw.value));
      const option = fact.options!.find((o) =>
        [o.value, o.label.vi, o.label.en].some((t) => t !== undefined && normalizeHeader(t) === text),
      );
      return option ? { ok: true, value: option.value } : wrong(shown);
    }
    case 'date': {
      if (raw.kind === 'date') {
        const d = raw.value;
        const value = isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        if (value) return { ok: true, value };
      }
      if (raw.kind === 'string') {
        const value = parseDay(raw.value);
        if (value) return { ok: true, value };
      }
      return wrong(shown);
    }
    case 'text': {
      const value = raw.kind === 'date' ? shown : String(raw.value);
      return value.length > 2000 ? fail('Văn bản dài quá 2000 ký tự.', 'Text longer than 2000 characters.') : { ok: true, value };
    }
  }
}
