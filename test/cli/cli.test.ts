// The real `chiso` command, run as a user would run it: exit codes, problems listed with their
// paths, and the figures `evaluate` prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chiso, type Run } from '../support/cli';
import { sonLa2021, withWrongExpectation } from '../support/fixtures';
import { deepConditionText, withDeepCondition } from '../support/deep';
import { formatNumber } from '../../server/engine';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'test/fixtures/minimal-version.json');
const submissions = path.join(root, 'test/fixtures/minimal-submissions.json');
const version = JSON.parse(readFileSync(fixture, 'utf8'));

/** No stack trace: every failure must be a message, never an uncaught exception. */
const expectNoCrash = (run: Run) => {
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(run.stderr).not.toMatch(/Unhandled|TypeError|ReferenceError/);
};

let dir: string;
const write = (name: string, value: unknown): string => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'chiso-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chiso lint', () => {
  it('passes a valid version (exit 0)', async () => {
    const run = await chiso('lint', fixture);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 tệp: 0 lỗi, 0 cảnh báo / 1 file: 0 errors, 0 warnings');
  });

  it('lists every schema error of a broken file with its path (exit 1)', async () => {
    const broken = structuredClone(version);
    delete broken.criteria[0].children[0].max;
    broken.criteria[0].children[1].scoring.method = 'casess';
    broken.effective.from = '2024-02-30';
    broken.facts[0].unknown = true;
    const file = write('broken.json', broken);
    const run = await chiso('lint', file);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('[error]')).map((l) => l.split(': ')[1])).toEqual([
      '/effective/from',
      '/facts/0/unknown',
      '/criteria/0/children/0/max',
      '/criteria/0/children/1/scoring/method',
    ]);
    expect(run.stdout).toContain(
      `${file}: /criteria/0/children/0/max: [error] Thiếu trường bắt buộc "max" / Missing required property "max"`,
    );
    expect(run.stdout).toContain('4 lỗi');
    // The same findings as one JSON document, for scripts and CI.
    const json = await chiso('lint', file, '--format', 'json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ files: 1, errors: 4, warnings: 0 });
    expect(report.findings.map((f: any) => [f.file, f.path, f.severity])).toContainEqual([file, '/criteria/0/children/0/max', 'error']);
    expect(report.findings[0].message).toEqual({ vi: expect.any(String), en: expect.any(String) });
  });

  it('reports lint errors (exit 1) and lets warnings pass (exit 0)', async () => {
    const wrongMax = structuredClone(version);
    wrongMax.cohorts[0].maxScore = 65;
    const failing = await chiso('lint', write('wrong-max.json', wrongMax));
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/: \/cohorts\/0\/maxScore: \[error\] Khối Cơ quan cấp tỉnh: .* \/ Cohort Provincial agencies: /);

    const unused = structuredClone(version);
    unused.facts.push({ id: 'thua', type: 'number', label: { vi: 'Thừa' } });
    const passing = await chiso('lint', write('unused.json', unused));
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain('/facts/11: [warning]');
  });

  it('rejects malformed JSON with exit 1 and a missing file or argument with exit 2', async () => {
    const malformed = await chiso('lint', write('malformed.json', '{"schemaVersion": 1,'));
    expectNoCrash(malformed);
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toContain('không phải JSON hợp lệ');

    const missing = await chiso('lint', path.join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('không tìm thấy tệp / file not found');

    expect((await chiso('lint')).code).toBe(2);
    expect((await chiso('lint', fixture, '--bogus')).code).toBe(2);
  });

  it('checks cohort rules against --agencies', async () => {
    const agencies = write('agencies-list.json', [
      { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'department' },
      { id: 'xa-chieng-an', name: 'UBND xã Chiềng An', kind: 'commune' },
    ]);
    const run = await chiso('lint', fixture, '--agencies', agencies);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(': /cohorts: [error] Cơ quan UBND xã Chiềng An (xa-chieng-an, commune) không thuộc khối nào');
  });

  it('lints a rules folder: versions only, with the agency lists of their rule set', async () => {
    const rules = path.join(dir, 'rules');
    write('rules/mau/2024.json', version);
    const other = { ...structuredClone(version), ruleSet: 'khac' };
    write('rules/khac/2024.json', other);
    write('rules/agencies/mau.json', { ruleSets: ['mau-kiem-tra'], agencies: [{ id: 'ban-a', name: 'Ban A', kind: 'board' }] });
    write('rules/agencies/khac.json', { ruleSets: ['khac'], agencies: [{ id: 'so-b', name: 'Sở B', kind: 'department' }] });
    write('rules/demo/submissions.json', [{ agency: { id: 'x' }, facts: {} }]);
    write('rules/notes.json', { note: 'not a version' });
    const run = await chiso('lint', rules);
    expect(run.code).toBe(1);
    const errors = run.stdout.split('\n').filter((l) => l.includes('[error]'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${path.join(rules, 'mau/2024.json')}: /cohorts: [error] Cơ quan Ban A (ban-a, board)`);
    expect(run.stdout).toContain('2 tệp: 1 lỗi');
  });

  it.runIf(existsSync(path.join(root, 'rules/dti/2022.json')))('passes the shipped rule sets (exit 0)', async () => {
    const run = await chiso('lint', 'rules/');
    expect(run.stdout).not.toContain('[error]');
    expect(run.code).toBe(0);
  });
});

describe('chiso evaluate', () => {
  it('prints one JSON object per submission, in input order, after the averages', async () => {
    const run = await chiso('evaluate', '--rules', fixture, '--submissions', submissions, '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      ruleSet: 'mau-kiem-tra',
      version: '2024.1',
      year: 2024,
      averageOf: 'meanOfCohortMeans',
      engineVersion: '2.0.0',
    });
    expect(out.provisional.map((p: any) => p.code)).toEqual(['1.2']);
    // Provincial (54.7 + 27.5 + 8.5) ÷ 3 = 30.23; district 68; the mean of the two means 49.12 (not 39.68 over four units).
    expect(out.cohorts.map((c: any) => [c.cohort, c.units, c.max, c.average])).toEqual([
      ['tinh', 3, 60, 30.23],
      ['huyen', 1, 70, 68],
    ]);
    expect(out.average).toBe(49.12);
    const rows = out.evaluations;
    expect(rows[0]).not.toHaveProperty('nodes');
    expect(rows.map((r: any) => [r.agencyId, r.cohort, r.total, r.max, r.percentage, r.band, r.bandLabel, r.rank, r.results])).toEqual([
      ['so-noi-vu', 'tinh', 54.7, 60, 91.17, 'tot', 'Tốt', 1, { chi_so: 0.547 }],
      ['so-tu-phap', 'tinh', 27.5, 60, 45.83, 'yeu', 'Yếu', 2, { chi_so: 0.275 }],
      ['van-phong', 'tinh', 8.5, 60, 14.17, 'yeu', 'Yếu', 3, { chi_so: 0.085 }],
      ['moc-chau', 'huyen', 68, 70, 97.14, 'tot', 'Tốt', 1, { chi_so: 0.68 }],
    ]);
    expect(rows[0].agencyName).toBe('Sở Nội vụ');
    expect(rows[0].hashes.version).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].hashes.input).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].hashes.result).toMatch(/^[0-9a-f]{64}$/);
  });

  it('averages over units when the version says so, and adds points per node with --detail', async () => {
    const overUnits = { ...structuredClone(version), ranking: { ...version.ranking, average: 'meanOfUnits' } };
    const run = await chiso(
      'evaluate',
      '--rules',
      write('over-units.json', overUnits),
      '--submissions',
      submissions,
      '--format',
      'json',
      '--detail',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect([out.averageOf, out.average]).toEqual(['meanOfUnits', 39.68]);
    const nodes = out.evaluations[0].nodes;
    expect(nodes[0]).toMatchObject({ code: '1', max: 30 });
    expect(nodes.map((n: any) => n.code)).toContain('1.1');
    // The points of the main indices add up to the total.
    const top = new Set(version.criteria.map((c: any) => c.code));
    expect(nodes.filter((n: any) => top.has(n.code)).reduce((a: number, n: any) => a + n.points, 0)).toBeCloseTo(
      out.evaluations[0].total,
      6,
    );
    const table = await chiso('evaluate', '--rules', write('over-units.json', overUnits), '--submissions', submissions);
    expect(table.stdout).toContain('Điểm trung bình chung (trung bình các cơ quan, đơn vị): 39,68');
  });

  it('takes the assessed year for dates relative to it, and refuses a year that is not one', async () => {
    const dated = structuredClone(version);
    dated.facts.find((f: any) => f.id === 'ngay_ban_hanh').required = true;
    dated.criteria[0].children[0].scoring = {
      method: 'yesNo',
      when: { all: [{ fact: 'ngay_ban_hanh', operator: 'dateOnOrBefore', value: { periodDate: '03-31' } }] },
    };
    const subs = JSON.parse(readFileSync(submissions, 'utf8'));
    for (const s of subs) s.facts.ngay_ban_hanh = '2025-03-20';
    const rules = write('dated.json', dated);
    const file = write('dated-submissions.json', subs);
    const points = async (...extra: string[]) => {
      const run = await chiso('evaluate', '--rules', rules, '--submissions', file, '--format', 'json', '--detail', ...extra);
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout);
      return [out.year, out.evaluations[0].nodes.find((n: any) => n.code === '1.1').points];
    };
    expect(await points()).toEqual([2024, 0]); // 20/03/2025 is after 31/03/2024
    expect(await points('--year', '2025')).toEqual([2025, 10]);
    const bad = await chiso('evaluate', '--rules', rules, '--submissions', file, '--year', 'năm nay');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('năm bốn chữ số');
  });

  it('prints a table per cohort sorted by rank, with Vietnamese headers', async () => {
    const run = await chiso('evaluate', '--rules', fixture, '--submissions', submissions);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Khối: Cơ quan cấp tỉnh (tối đa 60 điểm; trung bình 30,23)');
    expect(lines[1]).toMatch(/^Hạng\s+Cơ quan\s+Điểm\s+Tối đa\s+Tỷ lệ \(%\)\s+Xếp loại\s+Chỉ số$/);
    expect(lines[3]).toMatch(/^\s+1\s+Sở Nội vụ\s+54,70\s+60\s+91,17\s+Tốt\s+0,5470$/);
    expect(lines[5]).toMatch(/^\s+3\s+Văn phòng UBND tỉnh\s+8,50/);
    expect(run.stdout).toContain('Khối: UBND cấp huyện');
  });

  it('lists every problem of the submissions with its path (exit 1)', async () => {
    const subs = JSON.parse(readFileSync(submissions, 'utf8'));
    subs[1].facts.so_cuoc_hop = 'bốn';
    delete subs[2].facts.tong_ho_so;
    subs[3].facts.x = 1;
    delete subs[3].facts.so_dich_vu_cong;
    subs.push(42);
    const file = write('bad-submissions.json', subs);
    const run = await chiso('evaluate', '--rules', fixture, '--submissions', file, '--format', 'json');
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const paths = run.stderr
      .trim()
      .split('\n')
      .map((l) => l.split(': ')[1]);
    expect(paths).toEqual([
      'submissions[1]/facts/so_cuoc_hop',
      'submissions[2]/facts/tong_ho_so',
      'submissions[3]/facts/so_dich_vu_cong',
      'submissions[3]/facts/x',
      'submissions[4]',
    ]);
    expect(run.stderr).toContain('"Số cuộc họp" (so_cuoc_hop): Phải là số nguyên');
  });

  it('refuses an invalid rule set before reading submissions (exit 1) and bad options (exit 2)', async () => {
    const broken = structuredClone(version);
    broken.bands.levels[3].min = 5;
    const run = await chiso('evaluate', '--rules', write('bad-bands.json', broken), '--submissions', submissions);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('/bands/levels/3/min: [error]');
    expect((await chiso('evaluate', '--rules', fixture)).code).toBe(2);
    expect((await chiso('evaluate', '--rules', fixture, '--submissions', submissions, '--format', 'xml')).code).toBe(2);
  });

  it.runIf(existsSync(path.join(root, 'rules/dti/2022.json')))('reproduces Đà Nẵng 2022: 800.175 points, DTI 0.8002', async () => {
    const dti = JSON.parse(readFileSync(path.join(root, 'rules/dti/2022.json'), 'utf8'));
    const daNang = dti.tests.find((t: any) => /Đà Nẵng/.test(t.name));
    const file = write('da-nang.json', [{ agency: daNang.agency, facts: daNang.facts }]);
    const run = await chiso('evaluate', '--rules', 'rules/dti/2022.json', '--submissions', file, '--format', 'json');
    expect(run.code).toBe(0);
    const [row] = JSON.parse(run.stdout).evaluations;
    expect(row.total).toBe(800.175);
    expect(row.results.dti).toBe(0.8002);
    expect(row.rank).toBe(1);
  });
});

describe('chiso test', () => {
  it('runs the embedded cases of every version in a folder (exit 0), and names each failing value (exit 1)', async () => {
    const passing = await chiso('test', 'rules/');
    expect(passing.code, passing.stdout).toBe(0);
    expect(passing.stdout).toMatch(/rules\/son-la\/2021\.json: \/tests\/0: \[đạt \/ pass\] /);
    expect(passing.stdout).toMatch(/\d+ ca đạt, 0 ca không đạt/);

    const wrong = withWrongExpectation(sonLa2021());
    const file = write('wrong-case.json', wrong);
    const failing = await chiso('test', file);
    expect(failing.code).toBe(1);
    const expected = wrong.tests![0].expect.total!;
    expect(failing.stdout).toContain(
      `${file}: /tests/0: [error] Ca kiểm thử «${wrong.tests![0].name}» không đạt: tổng điểm: kỳ vọng ${formatNumber(expected, 'vi')}, thực tế ${formatNumber(expected - 1, 'vi')}`,
    );
    expect(failing.stdout).toContain(`total: expected ${formatNumber(expected, 'en')}, got ${formatNumber(expected - 1, 'en')}`);
    expect(failing.stdout).toMatch(/ca đạt, 1 ca không đạt/);
  });

  it('is run by lint too: a version whose own case fails does not lint clean', async () => {
    const file = write('lint-wrong-case.json', withWrongExpectation(sonLa2021()));
    const run = await chiso('lint', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(': /tests/0: [error] Ca kiểm thử «');
  });

  it('lint of a folder reports periods in force that overlap, and links to nodes that are not there', async () => {
    const folder = path.join(dir, 'overlap');
    const first = { ...structuredClone(version), version: '2024.1' };
    const second = { ...structuredClone(version), version: '2024.2', effective: { from: '2024-07-01' } };
    second.criteria[0].continues = { ruleSet: 'mau-kiem-tra', version: '2024.1', node: '9' };
    write('overlap/a.json', first);
    write('overlap/b.json', second);
    const run = await chiso('lint', folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${path.join(folder, 'b.json')}: /effective: [error] Thời gian hiệu lực 2024-07-01 → … trùng với phiên bản 2024.1`,
    );
    expect(run.stdout).toContain(
      `${path.join(folder, 'b.json')}: /criteria/0/continues/node: [error] Liên kết tới mục «9» không có trong mau-kiem-tra 2024.1`,
    );
    // Ended the day before, and linked to a node that exists: clean.
    first.effective = { from: '2024-01-01', to: '2024-06-30' };
    second.criteria[0].continues.node = '1';
    write('overlap/a.json', first);
    write('overlap/b.json', second);
    const clean = await chiso('lint', folder);
    expect(clean.stdout).not.toContain('[error]');
    expect(clean.code).toBe(0);
  });
});

describe('nesting beyond the documented depth', () => {
  it('gets one error with its path from every command, never a stack trace', async () => {
    const deep = write('deep.json', withDeepCondition(version));
    const deepSubs = write(
      'deep-submissions.json',
      `[{"agency":{"id":"a","name":"A","kind":"department"},"facts":{"x":${deepConditionText(10_000)}}}]`,
    );
    const tooDeep =
      /: \/criteria\/0\/children\/0\/scoring\/when(\/all\/0)+(\/all)?: \[error\] Tài liệu lồng quá 64 cấp; không xử lý được \/ The document nests more than 64 levels/;
    const runs = {
      lint: await chiso('lint', deep),
      test: await chiso('test', deep),
      hash: await chiso('hash', deep),
      diff: await chiso('diff', fixture, deep),
      evaluate: await chiso('evaluate', '--rules', deep, '--submissions', submissions),
    };
    for (const [command, run] of Object.entries(runs)) {
      expectNoCrash(run);
      expect(run.code, command).toBe(1);
      const lines = (run.stdout + run.stderr).split('\n').filter((l) => l.includes('[error]'));
      expect(lines, command).toHaveLength(1);
      expect(lines[0], command).toMatch(tooDeep);
    }
    const subs = await chiso('evaluate', '--rules', fixture, '--submissions', deepSubs);
    expectNoCrash(subs);
    expect(subs.code).toBe(1);
    expect(subs.stderr).toMatch(/submissions\[0\]\/facts\/x(\/all\/0)+(\/all)?: \[error\] Tài liệu lồng quá 64 cấp/);
  });
});

describe('chiso diff', () => {
  it('prints the changes in words, and as JSON', async () => {
    const amended = structuredClone(version);
    amended.criteria[0].children[2].max = 8;
    amended.criteria[0].max = 28;
    amended.bands.levels[0].min = 45;
    const b = write('amended.json', amended);
    const text = await chiso('diff', fixture, b);
    expect(text.code).toBe(0);
    expect(text.stdout.trim().split('\n')).toEqual([
      '- Ngưỡng xếp loại Tốt: 50 → 45',
      '- Chỉ số 1: điểm tối đa 30 → 28',
      '- Tiêu chí 1.3: điểm tối đa 10 → 8',
    ]);
    // As git diff: --exit-code says by its exit status whether the versions differ.
    expect((await chiso('diff', fixture, b, '--exit-code')).code).toBe(1);
    expect((await chiso('diff', fixture, fixture, '--exit-code')).code).toBe(0);
    const english = await chiso('diff', fixture, b, '--lang', 'en');
    expect(english.stdout).toContain('- Criterion 1.3: maximum 10 → 8');
    const json = await chiso('diff', fixture, b, '--format', 'json');
    expect(JSON.parse(json.stdout).map((c: any) => [c.kind, c.code, c.before, c.after])).toEqual([
      ['bandsChanged', 'tot', 50, 45],
      ['maxChanged', '1', 30, 28],
      ['maxChanged', '1.3', 10, 8],
    ]);
  });

  it('refuses a document that is not a rule-set version (exit 1)', async () => {
    const run = await chiso('diff', fixture, submissions);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${submissions}: /: [error]`);
    expect((await chiso('diff', fixture)).code).toBe(2);
  });
});

describe('chiso itself', () => {
  it('prints its version and lists every command, without loading them', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const version = await chiso('--version');
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(new RegExp(`^chiso ${pkg.version.replace(/\./g, '\\.')} \\(engine \\d+\\.\\d+\\.\\d+\\)$`));
    const help = await chiso('--help');
    expect(help.code).toBe(0);
    for (const command of ['audit', 'diff', 'evaluate', 'export', 'hash', 'import', 'lint', 'serve', 'template', 'test', 'user'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    // A command's own help shows its options, loaded on demand.
    expect((await chiso('help', 'lint')).stdout).toContain('--format <format>');
    expect((await chiso('diff', '--help')).stdout).toContain('--exit-code');
  });

  it('writes no progress lines when stderr is not a terminal', async () => {
    const run = await chiso('evaluate', '--rules', fixture, '--submissions', submissions, '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
