import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { contractEnUS } from './contract.en-US';
import { contractZhCN } from './contract.zh-CN';

/**
 * The texts of the contract pages. They live in this lazy feature (not in the global dictionaries, which are part of
 * the initial bundle) and follow the app's language signal. Menu labels and problem codes stay global.
 */
export type ContractKey = keyof typeof contractZhCN;

@Injectable({ providedIn: 'root' })
export class ContractI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<ContractKey, string>> {
    return this.base.lang() === 'en-US' ? contractEnUS : contractZhCN;
  }

  t(key: ContractKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`contractStatus.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : code;
  }
}

/** `{{ 'contract.list.title' | ct }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'ct', pure: false })
export class ContractTranslatePipe implements PipeTransform {
  private readonly i18n = inject(ContractI18n);

  transform(key: ContractKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ c.status | cc: 'contractStatus.' }}` for codes coming from data. */
@Pipe({ name: 'cc', pure: false })
export class ContractCodePipe implements PipeTransform {
  private readonly i18n = inject(ContractI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
