import { isRegistrableRegionLevel, memberRoleOf, safeFileName } from './registry-rules';

describe('registry rules', () => {
  it('registers organisations at a district or a street', () => {
    expect(['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'].filter(isRegistrableRegionLevel)).toEqual([
      'DISTRICT',
      'STREET',
    ]);
  });

  it('gives members of a social organisation ORG_MEMBER and of an evaluation agency EVALUATOR', () => {
    expect(memberRoleOf('SOCIAL_ORGANISATION')).toBe('ORG_MEMBER');
    expect(memberRoleOf('EVALUATION_AGENCY')).toBe('EVALUATOR');
  });

  it('keeps only a harmless base name of an uploaded file', () => {
    expect(safeFileName('C:\\scans\\登记证书.pdf')).toBe('登记证书.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a"b\r\nc.png')).toBe('a_b__c.png');
    expect(safeFileName('..')).toBe('document');
    expect(safeFileName('x'.repeat(300))).toHaveLength(200);
  });
});
