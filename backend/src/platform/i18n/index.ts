export * from './beijing-time';
export * from './labels';
export * from './locale';
export * from './money-text';
export * from './render';
export * from './template';
export { MESSAGE_CATALOGUES, MESSAGE_TEMPLATES } from './messages';
export { AcceptLanguage } from './accept-language.decorator';
