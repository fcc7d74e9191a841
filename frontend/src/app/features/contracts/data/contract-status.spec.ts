import { contractStatusColor, sharesTotalBp } from './contract-status';

describe('contract status and shares', () => {
  it('sums percent shares exactly in basis points', () => {
    expect(sharesTotalBp(['33.33', '33.33', '33.34'])).toBe(10_000);
    expect(sharesTotalBp(['30', '40', '30.00'])).toBe(10_000);
    expect(sharesTotalBp(['33.33', '33.33', '33.33'])).toBe(9_999);
    expect(sharesTotalBp(['50.5', '49.5'])).toBe(10_000);
  });

  it('refuses what is not a percentage with at most two decimals', () => {
    expect(sharesTotalBp(['33.333'])).toBeNull();
    expect(sharesTotalBp(['-1'])).toBeNull();
    expect(sharesTotalBp([''])).toBeNull();
  });

  it('colours each status, unknown ones as default', () => {
    expect(contractStatusColor('ACTIVE')).toBe('green');
    expect(contractStatusColor('TERMINATED')).toBe('red');
    expect(contractStatusColor('???')).toBe('default');
  });
});
