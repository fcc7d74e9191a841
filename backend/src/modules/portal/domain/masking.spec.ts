import { maskName } from './masking';

describe('maskName', () => {
  it('keeps the first character and two asterisks, whatever the length', () => {
    expect(maskName('张大爷')).toBe('张**');
    expect(maskName('李四')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName(' 王奶奶 ')).toBe('王**');
    expect(maskName('赵先生（颐和路社区）')).toBe('赵**');
  });

  it('keeps a character outside the BMP whole', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });

  it('shows nothing for no name, or for a phone number typed as one', () => {
    expect(maskName(null)).toBeNull();
    expect(maskName(undefined)).toBeNull();
    expect(maskName('  ')).toBeNull();
    expect(maskName('13800000001')).toBeNull();
    expect(maskName('+8613800000001')).toBeNull();
  });
});
