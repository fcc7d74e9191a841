import { afterRenderEffect, DestroyRef, Directive, ElementRef, inject, input } from '@angular/core';

/**
 * Gives the text field inside an ng-zorro control (nz-select, nz-tree-select, nz-date-picker…) an
 * accessible name, where the control has no visible <label for> of its own (a filter bar, a table cell):
 * `<nz-select [ddName]="'funds.filter.year' | t">`. ng-zorro renders that field itself and, in
 * multiple mode, re-creates it, so the name is set again whenever the control's content changes.
 * An nz-switch in a table cell is named the same way (its button). Controls with a visible label use `nzId` +
 * `<nz-form-label nzFor>` instead.
 */
@Directive({ selector: '[ddName]' })
export class AccessibleNameDirective {
  /** The name; empty until the binding has a value (ng-zorro may render its field before that). */
  readonly ddName = input('');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    afterRenderEffect(() => this.apply(this.ddName()));
    if (typeof MutationObserver !== 'undefined') {
      const observer = new MutationObserver(() => this.apply(this.ddName()));
      observer.observe(this.host.nativeElement, { childList: true, subtree: true });
      inject(DestroyRef).onDestroy(() => observer.disconnect());
    }
  }

  private apply(name: string): void {
    if (name === '') return;
    const el = this.host.nativeElement;
    // the text field of a select or picker, or the button an nz-switch renders
    const selector = 'input, textarea, button.ant-switch';
    const fields = el.matches(selector) ? [el] : Array.from(el.querySelectorAll(selector));
    for (const field of fields) if (field.getAttribute('aria-label') !== name) field.setAttribute('aria-label', name);
  }
}
