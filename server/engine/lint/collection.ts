// What only a set of versions can show: two versions of one rule set in force on the same days,
// and links (`continues`) to a rule set or node that is not there. `chiso lint <dir>` runs it over
// the files of a folder; a single file has nothing to compare with.
import { error, type Finding } from '../finding';
import type { Node, RuleSetVersion } from '../schemaTypes';
import { nodeId } from '../tree';
import { shareADay } from '../period';

export interface Located {
  /** Where the version was read from (a file name), to report findings on. */
  where: string;
  version: RuleSetVersion;
}

export interface LocatedFinding extends Finding {
  where: string;
}

const period = (v: RuleSetVersion) => `${v.effective.from} → ${v.effective.to ?? '…'}`;

function overlaps(all: readonly Located[]): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const byRuleSet = new Map<string, Located[]>();
  for (const l of all) byRuleSet.set(l.version.ruleSet, [...(byRuleSet.get(l.version.ruleSet) ?? []), l]);
  for (const versions of byRuleSet.values()) {
    const sorted = [...versions].sort((a, b) => (a.version.effective.from < b.version.effective.from ? -1 : 1));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [sorted[i], sorted[j]];
        if (!shareADay(a.version.effective, b.version.effective)) continue;
        out.push({
          where: b.where,
          ...error('/effective', 'effective-overlap', {
            vi: `Thời gian hiệu lực ${period(b.version)} trùng với phiên bản ${a.version.version} (${a.where}, ${period(a.version)}): đặt ngày hết hiệu lực (effective.to) cho phiên bản trước.`,
            en: `In force ${period(b.version)}, overlapping version ${a.version.version} (${a.where}, ${period(a.version)}): give the earlier version an end date (effective.to).`,
          }),
        });
      }
  }
  return out;
}

function* placed(nodes: readonly Node[], at: string): Generator<{ node: Node; path: string }> {
  for (const [i, node] of nodes.entries()) {
    const path = `${at}/${i}`;
    yield { node, path };
    if (node.children) yield* placed(node.children, `${path}/children`);
  }
}

function links(all: readonly Located[]): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  const nodeIds = new Map(all.map((l) => [l.version, new Set([...placed(l.version.criteria, '/criteria')].map((p) => nodeId(p.node)))]));
  for (const l of all)
    for (const { node, path } of placed(l.version.criteria, '/criteria')) {
      const link = node.continues;
      if (!link) continue;
      const targets = all.filter(
        (o) => o.version.ruleSet === link.ruleSet && (link.version === undefined || o.version.version === link.version),
      );
      // A rule set none of the files belongs to is elsewhere (a database, another folder): nothing to check.
      if (!all.some((o) => o.version.ruleSet === link.ruleSet)) continue;
      const what = `${link.ruleSet}${link.version ? ` ${link.version}` : ''}`;
      if (!targets.length)
        out.push({
          where: l.where,
          ...error(`${path}/continues/version`, 'continues-unknown-version', {
            vi: `Liên kết tới phiên bản ${what} không có trong các tệp đã kiểm tra.`,
            en: `Links to version ${what}, which none of the files checked is.`,
          }),
        });
      else if (!targets.some((t) => nodeIds.get(t.version)!.has(link.node)))
        out.push({
          where: l.where,
          ...error(`${path}/continues/node`, 'continues-unknown-node', {
            vi: `Liên kết tới mục «${link.node}» không có trong ${what}.`,
            en: `Links to node "${link.node}", which ${what} does not have.`,
          }),
        });
    }
  return out;
}

/** Findings across schema-valid versions, each on the file it belongs to. */
export function lintCollection(all: readonly Located[]): LocatedFinding[] {
  return [...overlaps(all), ...links(all)];
}
