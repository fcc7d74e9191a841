import { seedDemo } from '../../src/cli/seed-demo';
import { adminDataSource, createTestApp, TestApp } from '../support/test-app';

describe('schema and seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has no drift between entities and migrations (migration:generate would produce nothing)', async () => {
    // as the schema's owner, like migration:generate: the runtime account does not see all of the schema
    const owner = await adminDataSource(t.env);
    const sql = await owner.driver
      .createSchemaBuilder()
      .log()
      .finally(() => owner.destroy());
    // Foreign keys are declared in migrations only (entities of one context never reference another's).
    const drift = sql.upQueries.map((q) => q.query).filter((q) => !/DROP FOREIGN KEY `?fk_/.test(q));
    expect(drift).toEqual([]);
  });

  it('re-running the demo seed changes nothing', async () => {
    expect(await seedDemo(t.ds)).toEqual({
      regions: 0,
      calendarDays: 0,
      organisations: 0,
      users: 0,
      catalogueItems: 0,
      campaigns: 0,
      needs: 0,
      budgetLines: 0,
    });
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok' });
    expect((await t.http().get('/api/health/ready')).body).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up' },
    });
    const doc = await t.http().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/users', '/api/v1/audit/verify']),
    );
    const res = await t.http().get('/api/health');
    expect(res.headers['x-request-id']).toMatch(/.+/);
    expect((await t.http().get('/api/health').set('X-Request-Id', 'trace-123')).headers['x-request-id']).toBe(
      'trace-123',
    );
  });
});
