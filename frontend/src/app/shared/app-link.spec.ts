import { appLink } from './app-link';

describe('appLink', () => {
  it('follows a page of the app, and nothing else', () => {
    expect(appLink('/s/0123456789abcdef0123456789abcdef')).toBe('/s/0123456789abcdef0123456789abcdef');
    expect(appLink('/my/surveys')).toBe('/my/surveys');
    for (const bad of [
      null,
      undefined,
      '',
      'https://evil.example/x',
      '//evil.example',
      'javascript:alert(1)',
      '/s/<x>',
      's/x',
    ])
      expect(appLink(bad)).toBeNull();
  });
});
