import type { TranslationKey } from '../../../core/i18n/translation.service';
import { fileSize, uploadProblem } from '../../../shared/files';

export { fileSize };

/** The API's limits on attachments (docs/domain/needs.md): JPEG, PNG or PDF, 5 MB each, 5 per need. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/**
 * Why a chosen file cannot be uploaded (a translation key taking `{name}`), or null. A first check
 * only: the API recognises the type by the file's content.
 */
export function checkAttachment(
  file: { name: string; type: string; size: number },
  alreadyAttached: number,
): TranslationKey | null {
  if (alreadyAttached >= MAX_ATTACHMENTS) return 'needForm.tooManyFiles';
  const problem = uploadProblem(file, MAX_ATTACHMENT_BYTES);
  if (problem === 'type') return 'needForm.fileType';
  if (problem === 'size') return 'needForm.fileTooLarge';
  return null;
}
