// Public results without signing in: the published rankings, one per cohort, its files, an agency's
// years; nothing of drafts, submissions, reported figures, evidence, appraisals, users or unpublished
// evaluations in any answer; and the per-address limit answering 429 with Retry-After.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/db';
import { startTestApp, type TestApp } from '../support/app';
import { approvingDecision, demoFacts, openPeriod, publishSonLa, submitDemo } from '../support/assessment';

const SECRET_REASON = 'Lý do thẩm định nội bộ 7319';
const SECRET_URL = 'https://noi-bo.example.gov.vn/minh-chung-7319';
const PUBLISHED = ['so-tttt', 'so-y-te', 'moc-chau'];

describe.each(backends)('public results API on $name', (backend) => {
  let app: TestApp;
  let published: any;
  let later: any;
  let changed: any;
  let unpublishedYear: number;

  const publishPeriod = async (versionId: string, agencies: string[], prepare?: (periodId: string) => Promise<void>) => {
    const period = await openPeriod(app, versionId);
    const submitted = [];
    for (const agency of agencies) submitted.push(await submitDemo(app, period.id, agency));
    await prepare?.(period.id);
    for (const to of ['appraisal', 'closed']) {
      const moved = await app.request('POST', `/api/periods/${period.id}/transition`, { as: 'evaluator', body: { to } });
      expect(moved.status, moved.text).toBe(200);
    }
    const res = await app.request('POST', `/api/periods/${period.id}/ranking/publish`, {
      as: 'evaluator',
      body: { decision: approvingDecision(period.year) },
    });
    expect(res.status, res.text).toBe(201);
    return { ranking: res.body, submitted };
  };

  beforeAll(async () => {
    app = await startTestApp(backend);
    const versionId = (await publishSonLa(app, '2021')).id;
    published = (
      await publishPeriod(versionId, PUBLISHED, async (periodId) => {
        // What stays inside: an appraisal with its reason.
        const subs = await app.request('GET', `/api/submissions?filter=${encodeURIComponent(JSON.stringify({ periodId }))}`, {
          as: 'evaluator',
        });
        const first = subs.body.find((s: any) => s.agencyId === 'so-tttt');
        const appraisal = await app.request('POST', `/api/submissions/${first.id}/appraisals`, {
          as: 'evaluator',
          body: { fact: 'late_reports', value: 0, reason: SECRET_REASON },
        });
        expect(appraisal.status, appraisal.text).toBe(201);
      })
    ).ranking;
    // A later year under a version with the same criteria, comparable with the first; Sở Y tế's
    // submission stays a draft with a piece of evidence.
    later = (
      await publishPeriod((await publishSonLa(app, '2021-lap-lai')).id, ['so-tttt'], async (periodId) => {
        const draft = await app.request('POST', '/api/submissions', {
          as: 'evaluator',
          body: { periodId, agencyId: 'so-y-te', facts: demoFacts('so-y-te').reported },
        });
        expect(draft.status, draft.text).toBe(201);
        const link = await app.request('POST', `/api/submissions/${draft.body.id}/evidence`, {
          as: 'evaluator',
          body: { key: 'portal_qa', kind: 'link', url: SECRET_URL },
        });
        expect(link.status, link.text).toBe(201);
      })
    ).ranking;
    // A year whose fifth main index is another item (a new id, nothing links it to the old one).
    const renewed = await publishSonLa(app, '2021-chi-so-moi', (doc) => {
      const last = doc.criteria[doc.criteria.length - 1];
      last.id = 'the-che-moi';
      last.title = { vi: 'Thể chế số mới', en: 'New digital institutions' };
    });
    changed = (await publishPeriod(renewed.id, ['so-tttt'])).ranking;
    // Evaluated but never published: not public.
    const open = await openPeriod(app, versionId);
    unpublishedYear = open.year;
    await submitDemo(app, open.id, 'moc-chau');
    const evaluated = await app.request('POST', `/api/periods/${open.id}/evaluate`, { as: 'evaluator', body: {} });
    expect(evaluated.status, evaluated.text).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the published rankings without a session, by rule set and year', async () => {
    const res = await app.request('GET', '/api/public/rankings', { as: null });
    expect(res.status, res.text).toBe(200);
    expect(res.body.map((r: any) => r.id)).toEqual([changed.id, later.id, published.id]);
    expect(res.body[2]).toMatchObject({ ruleSet: 'son-la', year: published.year, versionLabel: '2021' });
    expect(res.body[2].decision).toEqual(approvingDecision(published.year));
    expect(res.body[2].ruleSetTitle.vi).toBeTruthy();
    // The later ranking is Sở TT&TT's alone: Sở Y tế's draft is not in it.
    const laterRanking = await app.request('GET', `/api/public/rankings/${later.id}`, { as: null });
    expect(laterRanking.body.cohorts.flatMap((c: any) => c.entries.map((e: any) => e.agencyId))).toEqual(['so-tttt']);
    expect(res.body.some((r: any) => r.year === unpublishedYear)).toBe(false);
    const one = await app.request(
      'GET',
      `/api/public/rankings?filter=${encodeURIComponent(JSON.stringify({ year: String(published.year) }))}`,
      {
        as: null,
      },
    );
    expect(one.body.map((r: any) => r.id)).toEqual([published.id]);
    const none = await app.request('GET', `/api/public/rankings?filter=${encodeURIComponent(JSON.stringify({ ruleSet: 'khac' }))}`, {
      as: null,
    });
    expect(none.body).toEqual([]);
  });

  it('gives one published ranking per cohort: rank, agency, points per main index, total, band', async () => {
    const res = await app.request('GET', `/api/public/rankings/${published.id}`, { as: null });
    expect(res.status, res.text).toBe(200);
    const names = res.body.cohorts.flatMap((c: any) => c.entries.map((e: any) => e.agencyId)).sort();
    expect(names).toEqual([...PUBLISHED].sort());
    const frozen = published.ranking.cohorts.flatMap((c: any) => c.entries);
    for (const cohort of res.body.cohorts) {
      expect(cohort.name.vi).toBeTruthy();
      expect(cohort.indices.length).toBeGreaterThan(1);
      for (const entry of cohort.entries) {
        const same = frozen.find((e: any) => e.agencyId === entry.agencyId);
        expect(entry).toMatchObject({ rank: same.rank, total: same.total, agencyName: same.agencyName });
        expect(entry.band.label.vi).toBe(same.band.label.vi);
        expect(entry.points).toHaveLength(cohort.indices.length);
        // The main indices add up to the total.
        const sum = entry.points.reduce((a: number, p: number | null) => a + (p ?? 0), 0);
        expect(Math.abs(sum - entry.total)).toBeLessThan(0.05);
      }
    }
    const missing = await app.request('GET', '/api/public/rankings/00000000-0000-4000-8000-000000000000', { as: null });
    expect(missing.status).toBe(404);
  });

  it('sends a published ranking as XLSX, CSV and PDF, and refuses another format', async () => {
    const xlsx = await app.request('GET', `/api/public/rankings/${published.id}/export?format=xlsx`, { as: null });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const csv = await app.request('GET', `/api/public/rankings/${published.id}/export?format=csv`, { as: null });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('Sở Thông tin và Truyền thông');
    const pdf = await app.request('GET', `/api/public/rankings/${published.id}/export?format=pdf`, { as: null });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers.get('content-disposition')).toMatch(/attachment; filename="ket-qua-son-la-\d{4}\.pdf"/);
    const bad = await app.request('GET', `/api/public/rankings/${published.id}/export?format=doc`, { as: null });
    expect(bad.status).toBe(400);
  });

  it("gives an agency's published results year by year, comparable when the criteria are the same", async () => {
    const res = await app.request('GET', '/api/public/agencies/so-tttt', { as: null });
    expect(res.status, res.text).toBe(200);
    expect(res.body.agencyName).toBe('Sở Thông tin và Truyền thông');
    expect(res.body.years.map((y: any) => y.rankingId)).toEqual([published.id, later.id, changed.id]);
    expect(res.body.years[0].comparable).toBeNull();
    expect(res.body.years[1].comparable).toBe(true);
    expect(res.body.years[1].indices.every((i: any) => i.comparable === true)).toBe(true);
    expect(res.body.years[1].cohort.agencies).toBe(1);
    // The third year's fifth index is not the one before: that index, and the year, do not compare.
    const third = res.body.years[2];
    expect(third.comparable).toBe(false);
    expect(third.indices.map((i: any) => i.comparable)).toEqual([true, true, true, true, false]);
    // Only published years: not the draft of the later year, not the evaluated, unpublished one.
    const health = await app.request('GET', '/api/public/agencies/so-y-te', { as: null });
    expect(health.body.years.map((y: any) => y.rankingId)).toEqual([published.id]);
    const district = await app.request('GET', '/api/public/agencies/moc-chau', { as: null });
    expect(district.body.years.map((y: any) => y.year)).toEqual([published.year]);
    const unknown = await app.request('GET', '/api/public/agencies/khong-co', { as: null });
    expect(unknown.status).toBe(404);
  });

  it('shows nothing of drafts, submissions, reported figures, evidence, appraisals, users or unpublished evaluations', async () => {
    const answers = [
      await app.request('GET', '/api/public/rankings', { as: null }),
      await app.request('GET', `/api/public/rankings/${published.id}`, { as: null }),
      await app.request('GET', `/api/public/rankings/${later.id}`, { as: null }),
      await app.request('GET', '/api/public/agencies/so-tttt', { as: null }),
      await app.request('GET', '/api/public/agencies/so-y-te', { as: null }),
      await app.request('GET', '/api/public/agencies/moc-chau', { as: null }),
      await app.request('GET', `/api/public/rankings/${published.id}/export?format=csv`, { as: null }),
    ];
    const FORBIDDEN_KEYS = [
      'facts',
      'evidence',
      'explanation',
      'trace',
      'values',
      'reason',
      'appraisals',
      'submissionId',
      'evaluationIds',
      'batchId',
      'publishedBy',
      'createdBy',
      'username',
      'auditAnchor',
      'nodes',
      'status',
    ];
    const keys = new Set<string>();
    const numbers = new Set<number>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
      else if (typeof v === 'number') numbers.add(v);
    };
    for (const a of answers.slice(0, 6)) walk(a.body);
    for (const k of FORBIDDEN_KEYS) expect(keys.has(k), k).toBe(false);
    // Figures that agencies reported (counts of applications and documents) appear nowhere.
    const figures = PUBLISHED.flatMap((a) => Object.values(demoFacts(a).reported)).filter(
      (v): v is number => typeof v === 'number' && v > 200,
    );
    expect(figures.length).toBeGreaterThan(5);
    for (const f of figures) expect(numbers.has(f), String(f)).toBe(false);
    const text = answers.map((a) => a.text).join('\n');
    for (const secret of [SECRET_REASON, SECRET_URL, 'evaluator', 'admin']) {
      expect(text.includes(secret), secret).toBe(false);
    }
    for (const f of figures) expect(answers[6].text.split(/[,\r\n]/).includes(String(f)), String(f)).toBe(false);
    // The workbook has the cohort sheets only: the criteria sheet's explanations quote the figures.
    const xlsx = await app.request('GET', `/api/public/rankings/${published.id}/export?format=xlsx`, { as: null });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).not.toContain('Chi tiết theo tiêu chí');
    expect(book.worksheets.length).toBe(published.ranking.cohorts.length);
  });
});

describe.each(backends)('public results rate limit on $name', (backend) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(backend, { config: { publicRequests: 3 } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers 429 problem+json with Retry-After once an address asks too often', async () => {
    for (let i = 0; i < 3; i++) expect((await app.request('GET', '/api/public/rankings', { as: null })).status).toBe(200);
    const res = await app.request('GET', '/api/public/rankings', { as: null });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('too-many-requests');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Signed-in work is not counted against the public limit.
    expect((await app.request('GET', '/api/published-rankings', { as: 'auditor' })).status).toBe(200);
  });
});
