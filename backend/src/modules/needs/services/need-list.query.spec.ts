import { buildNeedListQuery } from './need-list.query';

describe('needs list query', () => {
  it('filters a district by its ancestor column, with status and category lists, newest first', () => {
    const q = buildNeedListQuery({
      region: { column: 'district_id', id: 2 },
      statuses: ['APPROVED', 'SHORTLISTED'],
      categoryIds: [5, 6],
      sort: '-createdAt',
      page: 3,
      pageSize: 20,
    });
    expect(q.sql).toBe(
      'SELECT n.id, n.title, n.status, n.support_count, n.category_id, n.region_id, n.campaign_id, n.channel, n.created_at FROM needs n ' +
        'JOIN (SELECT n.id FROM needs n WHERE n.district_id = ? AND n.status IN (?, ?) AND n.category_id IN (?, ?) ' +
        'ORDER BY n.created_at DESC, n.id DESC LIMIT ? OFFSET ?) k ON k.id = n.id ORDER BY n.created_at DESC, n.id DESC',
    );
    expect(q.params).toEqual([2, 'APPROVED', 'SHORTLISTED', 5, 6]);
    expect(q.pageParams).toEqual([20, 40]);
    expect(q.countSql).toBe(
      'SELECT COUNT(*) AS total FROM needs n WHERE n.district_id = ? AND n.status IN (?, ?) AND n.category_id IN (?, ?)',
    );
  });

  it("lets a resident see the community's visible needs plus their own", () => {
    const q = buildNeedListQuery({
      region: { column: 'region_id', id: 9 },
      statuses: ['ACCEPTED'],
      orSubmittedBy: 77,
      sort: '-supportCount',
      page: 1,
      pageSize: 10,
    });
    expect(q.sql).toContain(
      'WHERE n.region_id = ? AND (n.status IN (?) OR n.submitted_by = ?) ORDER BY n.support_count DESC, n.id DESC LIMIT ? OFFSET ?) k',
    );
    expect(q.params).toEqual([9, 'ACCEPTED', 77]);
  });

  it('escapes LIKE wildcards in the search text', () => {
    const q = buildNeedListQuery({
      region: { column: 'city_id', id: 1 },
      q: '50%_off',
      sort: 'createdAt',
      page: 1,
      pageSize: 10,
    });
    expect(q.params).toEqual([1, '%50\\%\\_off%']);
  });
});
