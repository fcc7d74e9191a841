/**
 * Files the API takes as base64 in JSON (need attachments, organisation documents, bid documents):
 * PDF, PNG or JPEG — recognised by the server from the content; this is the first check in the form.
 */
const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const UPLOAD_EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

export type UploadProblem = 'type' | 'empty' | 'size';

/** Why a chosen file cannot be uploaded, or null. */
export function uploadProblem(
  file: { name: string; type: string; size: number },
  maxBytes: number,
): UploadProblem | null {
  if (!UPLOAD_TYPES.includes(file.type) && !UPLOAD_EXTENSIONS.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return null;
}

/** The base64 of a `data:` URL (what FileReader.readAsDataURL gives). */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** Reads a chosen file as base64, without the `data:` prefix. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(typeof reader.result === 'string' ? reader.result : ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** `1.2 MB`, `350 KB`. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
