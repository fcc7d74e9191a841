import { TestBed } from '@angular/core/testing';

import { TranslationService } from '../i18n/translation.service';
import { AccessibleNamesService } from './accessible-names.service';

describe('AccessibleNamesService', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('names the controls ng-zorro renders without a name, in the reader’s language, and leaves named ones alone', () => {
    document.body.innerHTML = `
      <div class="ant-pagination-options-size-changer"><input id="size" /></div>
      <div class="ant-pagination-options-quick-jumper"><input id="jump" aria-label="mine" /></div>
      <nz-tree><div><input id="stray" /></div></nz-tree>`;
    localStorage.clear();
    const service = TestBed.inject(AccessibleNamesService);
    service.apply();
    const attr = (id: string, name: string) => document.getElementById(id)?.getAttribute(name);
    expect(attr('size', 'aria-label')).toBe('每页条数');
    expect(attr('jump', 'aria-label')).toBe('mine');
    expect(attr('stray', 'tabindex')).toBe('-1');
    expect(attr('stray', 'aria-hidden')).toBe('true');

    TestBed.inject(TranslationService).use('en-US');
    service.apply();
    expect(attr('size', 'aria-label')).toBe('Rows per page');
    localStorage.clear();
  });
});
