// What Decree 30/2020/NĐ-CP gives every administrative document, as pdfmake content: the issuing
// body beside the national name and motto, the "Kèm theo Quyết định" line of an annex, and the
// signature block. Who signs and the decision's symbol follow from the version's issuer.
import type { Content, ContentStack } from 'pdfmake/interfaces';
import type { RuleSetVersion } from '../engine';
import type { ExportInput } from './exportXlsx';
import { textWidth } from './pdfRender';

export type ApprovingDecision = NonNullable<ExportInput['decision']>;

export interface Authority {
  /** The issuing body, one printed line each: ["ỦY BAN NHÂN DÂN", "TỈNH SƠN LA"]. */
  body: string[];
  /** Who issues the decision: "Chủ tịch Ủy ban nhân dân tỉnh Sơn La". */
  head: string;
  /** The symbol of its decisions: "QĐ-UBND". */
  symbol: string;
  /** The head's title as signed, and a deputy's, who signs "KT." (on the head's behalf). */
  title: string;
  deputyTitle: string;
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/**
 * Reads "Ủy ban nhân dân tỉnh Sơn La" (or "UBND tỉnh Sơn La"), "Bộ …", "Sở …"; any other body signs
 * as its head. The issuer of the approving decision, when recorded, is read in place of the version's.
 */
export function authorityOf(version: RuleSetVersion, issuedBy?: string): Authority {
  const issuer = (issuedBy ?? version.legalBasis.issuer).normalize('NFC').trim().replace(/\s+/g, ' ');
  const declared = /^[^/]+\/(QĐ-[^\s/]+)$/.exec(version.legalBasis.decision.trim())?.[1];
  const committee = /^(?:[ỦU]y ban nhân dân|Uỷ ban nhân dân|UBND)\s+(.+)$/iu.exec(issuer);
  if (committee) {
    const place = committee[1];
    return {
      body: ['ỦY BAN NHÂN DÂN', upper(place)],
      head: `Chủ tịch Ủy ban nhân dân ${place}`,
      symbol: declared ?? 'QĐ-UBND',
      title: 'CHỦ TỊCH',
      deputyTitle: 'PHÓ CHỦ TỊCH',
    };
  }
  const [, kind] = /^(Bộ|Sở)\s/u.exec(issuer) ?? [];
  if (kind === 'Bộ' || kind === 'Sở') {
    const [head, deputy] = kind === 'Bộ' ? ['Bộ trưởng', 'Thứ trưởng'] : ['Giám đốc', 'Phó Giám đốc'];
    return { body: [upper(issuer)], head: `${head} ${issuer}`, symbol: declared ?? 'QĐ', title: upper(head), deputyTitle: upper(deputy) };
  }
  return { body: [upper(issuer)], head: issuer, symbol: declared ?? 'QĐ', title: 'THỦ TRƯỞNG CƠ QUAN', deputyTitle: 'CẤP PHÓ' };
}

/** "ngày 05 tháng 01 năm 2022": the decree writes a leading zero for days below 10 and for January and February. */
function viLongDay(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO day: ${iso}`);
  const month = Number(m[2]);
  return `ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
}

/** "(Kèm theo Quyết định số 15/QĐ-UBND ngày … của Chủ tịch …)", with dotted blanks to fill by hand before a decision is recorded. */
export function attachedTo(authority: Authority, decision?: ApprovingDecision): string {
  if (!decision) return `(Kèm theo Quyết định số ……/${authority.symbol} ngày …… tháng …… năm …… của ${authority.head})`;
  const number = decision.number.includes('/') ? decision.number : `${decision.number}/${authority.symbol}`;
  return `(Kèm theo Quyết định số ${number} ${viLongDay(decision.date)} của ${authority.head})`;
}

/** A rule centred in a column of `width`: the decree underlines the body and the motto with a solid line. */
const rule = (width: number, length: number): Content => ({
  canvas: [{ type: 'line', x1: (width - length) / 2, y1: 0, x2: (width + length) / 2, y2: 0, lineWidth: 0.6 }],
  margin: [0, 3, 0, 0],
});

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The issuing body (left) and the national name and motto (right), across `width` points. */
export function nationalHeader(authority: Authority, width: number): Content {
  const left = Math.round(width * 0.4);
  const right = Math.round(width * 0.55);
  const bodyWidth = Math.max(...authority.body.map((line) => textWidth(line, { fontSize: 12, bold: true })));
  return {
    columns: [
      {
        width: left,
        stack: [
          ...authority.body.map((line): Content => ({ text: line, bold: true, fontSize: 12, alignment: 'center' })),
          rule(left, Math.round(bodyWidth * 0.4)),
        ],
      },
      { width: '*', text: '' },
      {
        width: right,
        stack: [
          { text: NATION, bold: true, fontSize: 12, alignment: 'center' },
          { text: MOTTO, bold: true, fontSize: 13, alignment: 'center' },
          rule(right, textWidth(MOTTO, { fontSize: 13, bold: true })),
        ],
      },
    ],
    margin: [0, 0, 0, 16],
  };
}

/**
 * The signer's title (with "KT." when a deputy signs), room for the signature and seal, and the name
 * when known. A title as recorded ("KT. Chủ tịch – Phó Chủ tịch") prints as written, one line per
 * part, in capitals.
 */
export function signatureBlock(authority: Authority, signer?: ApprovingDecision['signer']): ContentStack {
  const titles = signer?.title
    ? signer.title.split(/\s+[–—-]\s+/u).map(upper)
    : signer?.deputy
      ? [`KT. ${authority.title}`, authority.deputyTitle]
      : [authority.title];
  return {
    stack: [
      ...titles.map((text): Content => ({ text, bold: true, fontSize: 13, alignment: 'center' })),
      { text: signer?.name ?? ' ', bold: true, fontSize: 13, alignment: 'center', margin: [0, 64, 0, 0] },
    ],
  };
}
