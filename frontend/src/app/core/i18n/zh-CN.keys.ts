import type { zhCN } from './zh-CN';

/** Every translatable text of the app, named by the keys of the primary (zh-CN) dictionary. */
export type TranslationKey = keyof typeof zhCN;
