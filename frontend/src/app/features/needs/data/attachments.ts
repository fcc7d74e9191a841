import type { TranslationKey } from '../../../core/i18n/translation.service';

/** The API's limits on attachments (docs/domain/needs.md): JPEG, PNG or PDF, 5 MB each, 5 per need. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

/**
 * Why a chosen file cannot be uploaded (a translation key taking `{name}`), or null. A first check
 * only: the API recognises the type by the file's content.
 */
export function checkAttachment(file: { name: string; type: string; size: number }, alreadyAttached: number): TranslationKey | null {
  if (alreadyAttached >= MAX_ATTACHMENTS) return 'needForm.tooManyFiles';
  if (!TYPES.includes(file.type) && !EXTENSIONS.test(file.name)) return 'needForm.fileType';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'needForm.fileTooLarge';
  return null;
}

/** `1.2 MB`, `350 KB`. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
