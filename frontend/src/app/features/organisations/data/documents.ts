import { base64OfDataUrl, fileSize, readAsBase64, uploadProblem } from '../../../shared/files';
import type { OrgKey } from '../i18n/organisations-i18n';

export { base64OfDataUrl, fileSize, readAsBase64 };

/** The API's limits on documents: PDF, PNG or JPEG (recognised by content), at most 5 MB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Why a chosen file cannot be uploaded (a translation key), or null. A first check only. */
export function checkDocument(file: { name: string; type: string; size: number }): OrgKey | null {
  const problem = uploadProblem(file, MAX_DOCUMENT_BYTES);
  if (problem === 'type') return 'organisations.documents.fileType';
  if (problem === 'size') return 'organisations.documents.fileTooLarge';
  if (problem === 'empty') return 'organisations.documents.fileEmpty';
  return null;
}
