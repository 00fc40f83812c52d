// A replay that does not reproduce says where in words as well as by pointer: the agency, the
// khối, the item by its code and title, the field — in a record's tree and in a meaning's map.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileVersion, walkNodes } from '../../server/engine';
import { jsonDifferences, resultNamer } from '../../server/services/differences';

const compiled = compileVersion(JSON.parse(readFileSync('rules/son-la/2021.json', 'utf8')));
const [index, child] = (() => {
  const top = compiled.version.criteria[0];
  return [top, [...walkNodes(top.children ?? [])][0].node];
})();

describe('replay differences in words', () => {
  it('names the agency, the item by code and title and the field in a record', () => {
    const record = (points: string) => ({
      agencyName: 'Sở Y tế',
      total: 80,
      nodes: [{ code: index.code, points: '10', max: 20, children: [{ code: child.code, points, max: 5 }] }],
    });
    const [d] = jsonDifferences(record('4'), record('5'), 200, resultNamer(compiled));
    expect(d).toEqual({
      path: '/nodes/0/children/0/points',
      expected: '4',
      actual: '5',
      where: {
        vi: `Sở Y tế › ${index.code} «${index.title.vi}» › ${child.code} «${child.title.vi}» › điểm`,
        en: `Sở Y tế › ${index.code} "${index.title.en ?? index.title.vi}" › ${child.code} "${child.title.en ?? child.title.vi}" › points`,
      },
    });
  });

  it('names the item under a meaning by its code, and a ranking entry by its khối and agency', () => {
    const meaning = (status: string) => ({ total: 1, nodes: { [child.code]: { status, points: '1', max: 5 } } });
    expect(jsonDifferences(meaning('scored'), meaning('not-applicable'), 200, resultNamer(compiled))[0].where?.vi).toBe(
      `${child.code} «${child.title.vi}» › trạng thái`,
    );
    const ranking = (rank: number) => ({
      cohorts: [
        { cohort: 'so-nganh', name: { vi: 'Các sở, ban, ngành tỉnh', en: 'Departments' }, entries: [{ agencyName: 'Sở Y tế', rank }] },
      ],
    });
    expect(jsonDifferences(ranking(1), ranking(2), 200, resultNamer(compiled))[0].where).toEqual({
      vi: 'khối «Các sở, ban, ngành tỉnh» › Sở Y tế › thứ hạng',
      en: 'cohort "Departments" › Sở Y tế › rank',
    });
    // an item whose code is a number, under a meaning's map, and one missing there
    const top = (nodes: Record<string, unknown>) => ({ nodes });
    const [changed, missing] = jsonDifferences(
      top({ [index.code]: { status: 'scored', points: '9', max: 20 }, [child.code]: { status: 'scored', points: '1', max: 5 } }),
      top({ [index.code]: { status: 'scored', points: '8', max: 20 } }),
      200,
      resultNamer(compiled),
    );
    expect(changed.where?.vi).toBe(`${index.code} «${index.title.vi}» › điểm`);
    expect(missing).toMatchObject({ path: `/nodes/${child.code}`, actual: null, where: { vi: `${child.code} «${child.title.vi}»` } });
    // the fields passed through are said too
    expect(jsonDifferences({ band: { id: 'tot' } }, { band: { id: 'kha' } }, 200, resultNamer(compiled))[0].where?.vi).toBe(
      'xếp loại › id',
    );
    // without a namer, pointers only, as before
    expect(jsonDifferences(ranking(1), ranking(2))[0]).toEqual({ path: '/cohorts/0/entries/0/rank', expected: 1, actual: 2 });
  });
});
