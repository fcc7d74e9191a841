import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../../core/i18n/translation.service';
import { milestonesEnUS } from './milestones.en-US';
import { milestonesZhCN } from './milestones.zh-CN';

/** The texts of the milestone pages, in this lazy feature, following the app's language signal. */
export type MilestonesKey = keyof typeof milestonesZhCN;

@Injectable({ providedIn: 'root' })
export class MilestonesI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<MilestonesKey, string>> {
    return this.base.lang() === 'en-US' ? milestonesEnUS : milestonesZhCN;
  }

  t(key: MilestonesKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`msStatus.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    return Object.prototype.hasOwnProperty.call(dict, prefix + code) ? dict[prefix + code] : code;
  }
}

/** `{{ 'ms.title' | mt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'mt', pure: false })
export class MilestonesTranslatePipe implements PipeTransform {
  private readonly i18n = inject(MilestonesI18n);

  transform(key: MilestonesKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ m.status | mc: 'msStatus.' }}` for codes from data. */
@Pipe({ name: 'mc', pure: false })
export class MilestonesCodePipe implements PipeTransform {
  private readonly i18n = inject(MilestonesI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
