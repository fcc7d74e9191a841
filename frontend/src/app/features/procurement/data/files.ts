import type { BidDocumentInput } from './procurement.types';

/** A bid takes at most 10 documents of 5 MB each: PDF, PNG or JPEG. */
export const MAX_BID_DOCUMENTS = 10;
export const MAX_BID_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const BID_DOCUMENT_ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
const ALLOWED = /\.(pdf|png|jpe?g)$/i;
const ALLOWED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg']);

export type FileProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot go into a bid, or null. */
export function bidFileProblem(file: { name: string; size: number; type: string }): FileProblem | null {
  if (!ALLOWED.test(file.name) && !ALLOWED_TYPES.has(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_BID_DOCUMENT_BYTES) return 'size';
  return null;
}

/** The content of a file as base64 (no `data:` prefix), read by a FileReader. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** A chosen file as the API's `{ fileName, contentBase64 }`. */
export async function toBidDocument(file: File): Promise<BidDocumentInput> {
  return { fileName: file.name, contentBase64: await fileToBase64(file) };
}

/** `1536` → `1.5 KB`. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
