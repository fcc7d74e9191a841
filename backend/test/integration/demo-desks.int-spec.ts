import { DataSource } from 'typeorm';

import { dropDatabase, migrate, openDataSource } from '../../src/cli/db';
import { seedDemo, seedDemoDesks } from '../../src/cli/seed-demo';
import { loadEnv } from '../../src/config/env';
import { ledgerConsistency } from '../../src/modules/funds';
import { bearer, createTestApp, TestApp } from '../support/test-app';

interface Item {
  kind: string;
  dueAt: string | null;
  dueRule: string | null;
  since: string | null;
  title: string | null;
}

/**
 * What `npm start` shows: the demo seed plus the desks' demo work, on a schema of its own (the suite's shared
 * schema keeps the base seed only, which other tests count on). Every demo role finds work on its desk.
 */
describe('demo data for the desks (npm start)', () => {
  const env = loadEnv();
  const database = `${env.DB_NAME}_desks`;
  let ds: DataSource;
  let t: TestApp;
  let first: Record<string, number>;
  let second: Record<string, number>;

  beforeAll(async () => {
    await migrate(env, database);
    ds = await openDataSource(env, database);
    await seedDemo(ds);
    first = { ...(await seedDemoDesks(ds)) };
    second = { ...(await seedDemoDesks(ds)) };
    t = await createTestApp({ DB_NAME: database });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await ds?.destroy();
    await dropDatabase(env, database);
  });

  const desk = async (username: string): Promise<Item[]> => {
    const res = await t
      .http()
      .get('/api/v1/desk')
      .set('Authorization', await bearer(t, username));
    expect(res.status).toBe(200);
    return res.body.items as Item[];
  };

  it('is idempotent and keeps the ledger and the balances equal', async () => {
    expect(first).toEqual({ needs: 4, projects: 3, tenders: 2, gradeExpiry: 1 });
    expect(second).toEqual({ needs: 0, projects: 0, tenders: 0, gradeExpiry: 0 });
    expect((await ledgerConsistency(ds)).ok).toBe(true);
  });

  it('gives every demo role pending work with a due date (or, without a rule for one, the time it started)', async () => {
    const kinds = async (username: string) =>
      (await desk(username)).map((i) => [i.kind, i.dueRule ?? (i.since ? 'since' : null)]);
    expect(await kinds('worker')).toEqual(
      expect.arrayContaining([
        ['needs.moderate', 'CAMPAIGN_CLOSES'],
        ['needs.campaign_closing', 'CAMPAIGN_CLOSES'],
        ['identity.residents_verify', 'since'],
      ]),
    );
    expect(await kinds('officer')).toEqual(
      expect.arrayContaining([
        ['procurement.project_draft', 'BUDGET_YEAR_END'],
        ['procurement.question_answer', 'BID_DEADLINE'],
      ]),
    );
    expect(await kinds('finance')).toEqual(expect.arrayContaining([['funds.line_approve', 'BUDGET_YEAR_END']]));
    for (const member of ['orgmember', 'orgmember2', 'orgmember3'])
      expect(await kinds(member)).toEqual(expect.arrayContaining([['procurement.call_open', 'BID_DEADLINE']]));
    expect(await kinds('xw_orgmember')).toEqual([]);
    for (const expert of ['expert', 'expert2', 'expert3'])
      expect(await kinds(expert)).toEqual([['procurement.scoring', 'since']]);
    expect(await kinds('evaluator')).toEqual([['organisations.grade_expiry', 'GRADE_EXPIRES']]);
    expect(await kinds('auditor')).toEqual([['audit.chain', 'since']]);
    expect(await desk('resident')).toEqual([]);
  });

  it('puts the demo call on the organisations’ desks with its real bid deadline, 25 days on', async () => {
    const [call] = (await ds.query(
      "SELECT id, bid_deadline, published_at FROM tenders WHERE title = '颐和路社区四点半课堂服务采购'",
    )) as Array<{ id: number; bid_deadline: Date; published_at: Date }>;
    const item = (await desk('orgmember')).find((i) => i.kind === 'procurement.call_open');
    expect(item).toMatchObject({ dueAt: call.bid_deadline.toISOString(), title: '颐和路社区四点半课堂服务采购' });
    // an open tender keeps its legal minimum period of 20 days
    expect(call.bid_deadline.getTime() - call.published_at.getTime()).toBeGreaterThan(20 * 86_400_000);
  });
});
