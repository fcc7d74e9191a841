import { publishedTender } from '../factories/procurement.factory';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * Lists open on what is active and can be searched: `?q=` (part of the title or name, wildcards taken
 * literally, at most 50 characters) and `?status=A,B` on the lists people work through.
 */
describe('list search: keyword and several statuses', () => {
  let t: TestApp;
  const as: Record<string, string> = {};
  const tag = `检索${Date.now().toString(36)}`;
  let tender = 0;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['officer', 'worker', 'finance', 'orgmember']) as[u] = await bearer(t, u);
    tender = await publishedTender(t, `${tag}助餐项目`, { title: `${tag}助餐服务采购` });
  });
  afterAll(() => t.close());

  const get = (path: string, who: string) => t.http().get(`/api/v1${path}`).set('Authorization', as[who]);
  const titles = (res: { body: { items: Array<{ title: string }> } }) => res.body.items.map((i) => i.title);

  it('tenders: a keyword finds the call by part of its title, for the officer and for organisations', async () => {
    for (const who of ['officer', 'orgmember']) {
      const found = await get(`/tenders?q=${encodeURIComponent(tag)}`, who);
      expect(found.status).toBe(200);
      expect(found.body.items.map((i: { id: number }) => i.id)).toEqual([tender]);
    }
    expect((await get('/tenders?q=没有这样的公告', 'officer')).body.total).toBe(0);
  });

  it('tenders: several statuses at once (what is still active), and an unknown status is a 400', async () => {
    const active = await get(`/tenders?status=DRAFT,PUBLISHED,OPENED&q=${encodeURIComponent(tag)}`, 'officer');
    expect(active.body.items.map((i: { id: number }) => i.id)).toEqual([tender]);
    const done = await get(`/tenders?status=AWARDED,FAILED,CANCELLED&q=${encodeURIComponent(tag)}`, 'officer');
    expect(done.body.total).toBe(0);
    const bad = await get('/tenders?status=PUBLISHED,NOPE', 'officer');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('status');
  });

  it('projects and the public portal search by title too', async () => {
    const projects = await get(`/projects?q=${encodeURIComponent(tag)}&status=APPROVED,TENDERING`, 'officer');
    expect(titles(projects)).toEqual([`${tag}助餐项目`]);
    const pub = await t.http().get(`/api/v1/public/tenders?kind=OPEN&q=${encodeURIComponent(tag)}`);
    expect(pub.status).toBe(200);
    expect(titles(pub)).toEqual([`${tag}助餐服务采购`]);
  });

  it('takes % and _ literally, trims the keyword, and refuses one longer than 50 characters', async () => {
    expect((await get('/tenders?q=%25', 'officer')).body.total).toBe(0);
    expect((await get('/tenders?q=_', 'officer')).body.total).toBe(0);
    const spaced = await get(`/tenders?q=${encodeURIComponent(`  ${tag}  `)}`, 'officer');
    expect(spaced.body.total).toBe(1);
    const long = await get(`/tenders?q=${'长'.repeat(51)}`, 'officer');
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e: { field: string }) => e.field)).toContain('q');
  });

  it('campaigns, budget lines and residents: by title or name, within the caller’s scope', async () => {
    const campaigns = await get(`/campaigns?q=${encodeURIComponent('年度需求')}&status=DRAFT,OPEN,CLOSED`, 'worker');
    expect(titles(campaigns)).toContain('山西路社区年度需求征集');
    expect((await get('/campaigns?q=不存在的征集', 'worker')).body.total).toBe(0);

    const lines = await get(`/funds/lines?q=${encodeURIComponent('福彩')}`, 'finance');
    expect(titles(lines).length).toBeGreaterThan(0);
    expect(titles(lines).every((title) => title.includes('福彩'))).toBe(true);

    const residents = await get(`/residents?q=${encodeURIComponent('孙女士')}`, 'worker');
    expect(residents.status).toBe(200);
    expect(residents.body.items.map((r: { displayName: string }) => r.displayName)).toEqual(['孙女士（待认证）']);
    expect((await get('/residents?q=张大爷&verified=false', 'worker')).body.total).toBe(0);
  });
});
