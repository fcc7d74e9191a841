import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { AccessibleNameDirective } from './accessible-name.directive';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AccessibleNameDirective, NzSelectModule, FormsModule],
  template: `
    <nz-select [ddName]="name()" nzMode="multiple" [(ngModel)]="value" nzPlaceHolder="状态">
      <nz-option nzValue="A" nzLabel="甲" />
      <nz-option nzValue="B" nzLabel="乙" />
    </nz-select>
  `,
})
class Host {
  readonly name = signal('需求状态');
  value: string[] = [];
}

describe('AccessibleNameDirective', () => {
  it('names the field ng-zorro renders inside the control, and follows a change of name', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const field = (): HTMLInputElement => fixture.nativeElement.querySelector('input') as HTMLInputElement;
    expect(field().getAttribute('aria-label')).toBe('需求状态');
    fixture.componentInstance.name.set('Status');
    await fixture.whenStable();
    expect(field().getAttribute('aria-label')).toBe('Status');
  });
});
