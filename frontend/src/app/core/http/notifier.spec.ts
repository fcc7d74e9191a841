import { escapeHtml } from './notifier';

describe('escapeHtml', () => {
  it('neutralises markup in server texts (nz-message renders HTML)', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)"> & \'q\'')).toBe(
      '&#60;img src=x onerror=&#34;alert(1)&#34;&#62; &#38; &#39;q&#39;',
    );
  });
});
