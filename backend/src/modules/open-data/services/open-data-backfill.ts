import { DataSource } from 'typeorm';

import { dbNow } from '../../../platform/database/db-clock';
import { backfillTags } from '../domain/backfill-tags';
import { OpenDataReleases } from './open-data-releases.service';

/**
 * Publishes the processes that became public before the open data existed (or were written by the demo seed, which
 * bypasses the services): every project approved or with a published tender that has no release yet gets one
 * catch-up release of its current state, tagged with every stage it reached and dated now (the database time of the
 * publication: the earlier changes were never recorded as releases). Idempotent — a project with a release is left
 * alone, so a second run writes nothing.
 */
export async function backfillOpenData(ds: DataSource, releases: OpenDataReleases): Promise<{ written: number }> {
  const rows = (await ds.query(
    `SELECT p.id,
            p.decided_at IS NOT NULL AND p.status NOT IN ('DRAFT', 'SUBMITTED') AS approved,
            t.id AS tender_id, t.status AS tender_status, t.award_notice_at IS NOT NULL AS award_notice,
            c.signed_at IS NOT NULL AS signed, c.status AS contract_status,
            EXISTS (SELECT 1 FROM payment_requests r WHERE r.contract_id = c.id AND r.status = 'PAID')
              OR EXISTS (SELECT 1 FROM contract_milestones m WHERE m.contract_id = c.id AND m.status = 'ACCEPTED')
              AS implementation
       FROM projects p
       LEFT JOIN tenders t ON t.id = (SELECT MAX(x.id) FROM tenders x WHERE x.project_id = p.id AND x.published_at IS NOT NULL)
       LEFT JOIN contracts c ON c.tender_id = t.id
      WHERE NOT EXISTS (SELECT 1 FROM ocds_releases o WHERE o.project_id = p.id)
      ORDER BY p.id`,
  )) as Array<Record<string, unknown>>;
  let written = 0;
  for (const r of rows) {
    const tags = backfillTags({
      approved: Number(r.approved) === 1,
      tenderPublished: r.tender_id !== null,
      tenderStatus: r.tender_status === null ? null : String(r.tender_status),
      awardNotice: Number(r.award_notice) === 1,
      contractSigned: Number(r.signed) === 1,
      contractTerminated: Number(r.signed) === 1 && r.contract_status === 'TERMINATED',
      implementation: Number(r.implementation) === 1,
    });
    if (tags.length === 0) continue;
    const id = Number(r.id);
    const done = await ds.transaction('READ COMMITTED', async (em) => {
      // re-checked in the writing transaction: a release written meanwhile (the API, another backfill) wins
      const [{ n }] = (await em.query('SELECT COUNT(*) AS n FROM ocds_releases WHERE project_id = ?', [id])) as Array<{
        n: string | number;
      }>;
      if (Number(n) > 0) return false;
      await releases.record(em, id, tags, await dbNow(em));
      return true;
    });
    if (done) written++;
  }
  return { written };
}
