import type { OrgKey } from '../i18n/organisations-i18n';

/** The API's limits on documents: PDF, PNG or JPEG (recognised by content), at most 5 MB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

/** Why a chosen file cannot be uploaded (a translation key), or null. A first check only. */
export function checkDocument(file: { name: string; type: string; size: number }): OrgKey | null {
  if (!TYPES.includes(file.type) && !EXTENSIONS.test(file.name)) return 'organisations.documents.fileType';
  if (file.size > MAX_DOCUMENT_BYTES) return 'organisations.documents.fileTooLarge';
  if (file.size === 0) return 'organisations.documents.fileEmpty';
  return null;
}

/** The base64 of a `data:` URL (what FileReader.readAsDataURL gives). */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** Reads a chosen file as base64 (the API takes documents as JSON). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result)));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** `1.2 MB`, `350 KB`. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
