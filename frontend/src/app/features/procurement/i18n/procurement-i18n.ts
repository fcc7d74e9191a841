import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { procurementEnUS } from './procurement.en-US';
import { procurementZhCN } from './procurement.zh-CN';

/**
 * The texts of the procurement pages. They live in this lazy feature (not in the global
 * dictionaries, which are part of the initial bundle) and follow the app's language signal.
 */
export type ProcKey = keyof typeof procurementZhCN;

@Injectable({ providedIn: 'root' })
export class ProcurementI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<ProcKey, string>> {
    return this.base.lang() === 'en-US' ? procurementEnUS : procurementZhCN;
  }

  t(key: ProcKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`tenderStatus.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : code;
  }

  /** A problem code's text: this feature's first, then the app's, else null. */
  problem(key: string): string | null {
    const dict: Readonly<Record<string, string>> = this.dictionary();
    if (Object.prototype.hasOwnProperty.call(dict, key)) return dict[key];
    return this.base.dynamic(key, '') || null;
  }

  lang(): string {
    return this.base.lang();
  }
}

/** `{{ 'proc.projects.title' | pt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'pt', pure: false })
export class ProcTranslatePipe implements PipeTransform {
  private readonly i18n = inject(ProcurementI18n);

  transform(key: ProcKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ tender.method | pc: 'method.' }}` for codes coming from data. */
@Pipe({ name: 'pc', pure: false })
export class ProcCodePipe implements PipeTransform {
  private readonly i18n = inject(ProcurementI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}

/** A failed request as text for an inline alert, procurement problem codes translated here first. */
export interface InlineProblem {
  detail: string;
  fieldErrors: string[];
  /** The raw problem body (extra members such as `earliest`). */
  body: Readonly<Record<string, unknown>> | null;
  code: string | null;
  status: number;
}
