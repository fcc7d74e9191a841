import { readAsBase64, UploadProblem, uploadProblem } from '../../../shared/files';
import type { BidDocumentInput } from './procurement.types';

/** A bid takes at most 10 documents of 5 MB each: PDF, PNG or JPEG. */
export const MAX_BID_DOCUMENTS = 10;
export const MAX_BID_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const BID_DOCUMENT_ACCEPT = 'application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg';
export type FileProblem = UploadProblem;

/** Why a chosen file cannot go into a bid, or null. */
export function bidFileProblem(file: { name: string; size: number; type: string }): FileProblem | null {
  return uploadProblem(file, MAX_BID_DOCUMENT_BYTES);
}

/** The content of a file as base64 (no `data:` prefix). */
export const fileToBase64 = readAsBase64;

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
