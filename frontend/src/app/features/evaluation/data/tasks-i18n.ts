import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { tasksEnUS } from './tasks.en-US';
import { tasksZhCN } from './tasks.zh-CN';

/**
 * The texts of the evaluation task and sampling pages, in this lazy feature (not in the global dictionaries of
 * the initial bundle), following the app's language. Menu labels and problem codes stay global.
 */
export type TasksKey = keyof typeof tasksZhCN;

@Injectable({ providedIn: 'root' })
export class TasksI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<TasksKey, string>> {
    return this.base.lang() === 'en-US' ? tasksEnUS : tasksZhCN;
  }

  t(key: TasksKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`taskStatus.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined, params?: TranslationParams): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? interpolate(dict[key], params) : code;
  }
}

/** `{{ 'tasks.list.title' | tk }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'tk', pure: false })
export class TasksTranslatePipe implements PipeTransform {
  private readonly i18n = inject(TasksI18n);

  transform(key: TasksKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ t.status | tkc: 'taskStatus.' }}` for codes coming from data. */
@Pipe({ name: 'tkc', pure: false })
export class TasksCodePipe implements PipeTransform {
  private readonly i18n = inject(TasksI18n);

  transform(code: string | null | undefined, prefix: string, params?: TranslationParams): string {
    return this.i18n.code(prefix, code, params);
  }
}
