import { agencyConflict, evaluatorConflict } from './assignment';

const SUNSHINE = 7;
const TODAY = '2027-06-15';

describe('conflicts of interest at assignment (the committee rule)', () => {
  it('excludes the provider itself as the agency', () => {
    expect(agencyConflict(7, SUNSHINE, '阳光养老')).toMatchObject({ code: 'AGENCY_IS_PROVIDER' });
    expect(agencyConflict(3, SUNSHINE, '阳光养老')).toBeNull();
  });

  it('excludes an evaluator who works for the provider now', () => {
    const c = evaluatorConflict(
      [{ kind: 'EMPLOYMENT', organisationId: SUNSHINE, endedOn: null }],
      SUNSHINE,
      '阳光养老',
      TODAY,
    );
    expect(c).toMatchObject({ code: 'CURRENT_EMPLOYMENT', endedOn: null });
    expect(c?.reason).toContain('阳光养老');
  });

  it('excludes an evaluator who left within 3 years, and not one who left earlier', () => {
    const within = evaluatorConflict(
      [{ kind: 'EMPLOYMENT', organisationId: SUNSHINE, endedOn: '2024-06-15' }],
      SUNSHINE,
      '阳光养老',
      TODAY,
    );
    expect(within).toMatchObject({ code: 'PAST_EMPLOYMENT', endedOn: '2024-06-15' });
    expect(
      evaluatorConflict(
        [{ kind: 'EMPLOYMENT', organisationId: SUNSHINE, endedOn: '2024-06-14' }],
        SUNSHINE,
        '阳光养老',
        TODAY,
      ),
    ).toBeNull();
  });

  it('excludes a declared relationship, whatever its dates', () => {
    expect(
      evaluatorConflict(
        [{ kind: 'DECLARED', organisationId: SUNSHINE, endedOn: '2001-01-01' }],
        SUNSHINE,
        '阳光养老',
        TODAY,
      ),
    ).toMatchObject({ code: 'DECLARED_RELATIONSHIP' });
  });

  it('ignores relationships with other organisations', () => {
    expect(
      evaluatorConflict(
        [
          { kind: 'EMPLOYMENT', organisationId: 8, endedOn: null },
          { kind: 'DECLARED', organisationId: 9, endedOn: null },
        ],
        SUNSHINE,
        '阳光养老',
        TODAY,
      ),
    ).toBeNull();
  });
});
