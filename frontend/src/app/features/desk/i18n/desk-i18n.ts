import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { deskEnUS } from './desk.en-US';
import { deskZhCN } from './desk.zh-CN';

export type DeskKey = keyof typeof deskZhCN;

/**
 * The desk's texts. They live in this lazy feature (not in the global dictionaries, part of the initial
 * bundle) and follow the app's language signal.
 */
@Injectable({ providedIn: 'root' })
export class DeskI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<string, string>> {
    return this.base.lang() === 'en-US' ? deskEnUS : deskZhCN;
  }

  t(key: DeskKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built from the server's codes; `fallback` (the code) when there is no text for it. */
  code(key: string, fallback: string, params?: TranslationParams): string {
    const dict = this.dictionary();
    return Object.prototype.hasOwnProperty.call(dict, key) ? interpolate(dict[key], params) : fallback;
  }
}

/** `{{ 'desk.title' | dt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'dt', pure: false })
export class DeskTranslatePipe implements PipeTransform {
  private readonly i18n = inject(DeskI18n);

  transform(key: DeskKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
