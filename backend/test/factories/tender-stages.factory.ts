import { TendersService } from '../../src/modules/procurement/services/tenders.service';
import { bearer, TestApp } from '../support/test-app';
import { approvedProject, bidBody, deadlinePassed, publishedTender, tenderBody } from './procurement.factory';

/**
 * Tenders brought to a given stage through the API, for tests that need a real record in that state. Only the passing
 * of the bid deadline is a shortcut (the deadline moved to now, then the same tick the worker runs).
 */

/** A DRAFT tender (created, not published) of a new approved project. */
export async function draftTender(t: TestApp, title: string): Promise<{ tenderId: number; projectId: number }> {
  const officer = await bearer(t, 'officer');
  const projectId = await approvedProject(t, title);
  const c = await t.http().post('/api/v1/tenders').set('Authorization', officer).send(tenderBody(projectId));
  if (c.status !== 201) throw new Error(`tender: ${c.status} ${JSON.stringify(c.body)}`);
  return { tenderId: c.body.id as number, projectId };
}

async function bidAs(t: TestApp, username: string, tenderId: number, price: string): Promise<string> {
  const res = await t
    .http()
    .put(`/api/v1/tenders/${tenderId}/my-bid`)
    .set('Authorization', await bearer(t, username))
    .send(bidBody(price));
  if (res.status !== 200) throw new Error(`bid ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.bidId as string;
}

async function passDeadline(t: TestApp, tenderId: number): Promise<void> {
  await deadlinePassed(t, tenderId);
  await t.app.get(TendersService).deadlineTick(tenderId);
}

/** A published tender whose deadline passed with two bids: 流标, status FAILED. */
export async function failedTender(t: TestApp, title: string): Promise<number> {
  const id = await publishedTender(t, title);
  await bidAs(t, 'orgmember', id, '9000.00');
  await bidAs(t, 'orgmember2', id, '9100.00');
  await passDeadline(t, id);
  return id;
}

/** A tender opened with three bids (status OPENED), with the bid ids by bidder. */
export async function openedTender(
  t: TestApp,
  title: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; bidIds: Record<string, string> }> {
  const id = await publishedTender(t, title, overrides);
  const bidIds: Record<string, string> = {};
  for (const [user, price] of [
    ['orgmember', '9000.00'],
    ['orgmember2', '8500.00'],
    ['orgmember3', '9500.00'],
  ])
    bidIds[user] = await bidAs(t, user, id, price);
  await passDeadline(t, id);
  return { id, bidIds };
}

/** An opened tender qualified and its committee drawn (status EVALUATING): nobody has scored yet. */
export async function drawnTender(
  t: TestApp,
  title: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; bidIds: Record<string, string>; experts: string[] }> {
  const officer = await bearer(t, 'officer');
  const { id, bidIds } = await openedTender(t, title, overrides);
  const q = await t
    .http()
    .post(`/api/v1/tenders/${id}/qualification`)
    .set('Authorization', officer)
    .send({ decisions: Object.values(bidIds).map((bidId) => ({ bidId, qualified: true })) });
  if (q.status !== 204) throw new Error(`qualification: ${q.status} ${JSON.stringify(q.body)}`);
  const c = await t.http().post(`/api/v1/tenders/${id}/committee/draw`).set('Authorization', officer).send({});
  if (c.status !== 200) throw new Error(`draw: ${c.status} ${JSON.stringify(c.body)}`);
  const experts = (
    (await t.ds.query(
      'SELECT u.username FROM committee_members c JOIN users u ON u.id = c.expert_id WHERE c.tender_id = ? ORDER BY u.id',
      [id],
    )) as Array<{ username: string }>
  ).map((r) => r.username);
  return { id, bidIds, experts };
}

/** A drawn tender every member of whose committee has scored: status RECOMMENDED. */
export async function recommendedTender(
  t: TestApp,
  title: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; bidIds: Record<string, string>; experts: string[] }> {
  const drawn = await drawnTender(t, title, overrides);
  const sheets = Object.values(drawn.bidIds).map((bidId) => ({ bidId, scores: { PLAN: '30', TEAM: '20' } }));
  for (const username of drawn.experts) {
    const s = await t
      .http()
      .put(`/api/v1/tenders/${drawn.id}/my-scores`)
      .set('Authorization', await bearer(t, username))
      .send({ sheets });
    if (s.status !== 200) throw new Error(`scores ${username}: ${s.status} ${JSON.stringify(s.body)}`);
  }
  return drawn;
}

/** A recommended tender whose award the officer confirmed: status AWARD_NOTICE (the objection window is open). */
export async function awardedTender(
  t: TestApp,
  title: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; bidIds: Record<string, string> }> {
  const { id, bidIds } = await recommendedTender(t, title, overrides);
  const a = await t
    .http()
    .post(`/api/v1/tenders/${id}/award`)
    .set('Authorization', await bearer(t, 'officer'))
    .send({});
  if (a.status !== 200) throw new Error(`award: ${a.status} ${JSON.stringify(a.body)}`);
  return { id, bidIds };
}
