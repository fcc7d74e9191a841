import { toOrganisationQuery } from './organisation-query';

describe('organisation list query', () => {
  it('leaves empty filters out and puts the newest registrations first in the review queue', () => {
    expect(toOrganisationQuery({ status: null, kind: null, q: '  ' }, 1, 20)).toEqual({
      page: 1,
      pageSize: 20,
      status: undefined,
      kind: undefined,
      q: undefined,
      sort: undefined,
    });
    expect(toOrganisationQuery({ status: 'PENDING_REVIEW', kind: 'SOCIAL_ORGANISATION', q: ' 阳光 ' }, 2, 50)).toEqual({
      page: 2,
      pageSize: 50,
      status: 'PENDING_REVIEW',
      kind: 'SOCIAL_ORGANISATION',
      q: '阳光',
      sort: '-createdAt',
    });
  });
});
