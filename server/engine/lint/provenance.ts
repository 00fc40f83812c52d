// The shipped rule sets must say, per criterion, whether it encodes the regulation or a sample
// (the customer brief asks for it): a provisional item needs a note saying where it comes from.
import type { Finding } from '../finding';
import { about, bi, nodeName, warning, type LintContext } from './context';

export function provenance(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { node, path } of ctx.nodes) {
    if (node.provisional === true && !node.source?.trim())
      out.push(
        warning(
          `${path}/provisional`,
          'provisional-without-source',
          about(
            nodeName(node),
            bi(
              'mục tạm tính (provisional) cần ghi chú nguồn ("source"): lấy từ đâu, vì sao chưa có trong văn bản',
              'a provisional item needs a "source" note: where it comes from and why it is not read from the regulation',
            ),
          ),
        ),
      );
  }
  return out;
}
