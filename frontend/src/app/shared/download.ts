/**
 * Files behind the API need the bearer token, so a plain `<a href>` cannot fetch them: they are
 * downloaded with HttpClient as a Blob and handed to the browser through a temporary `<a download>`.
 */

/** The file name of a `Content-Disposition` header (RFC 6266, `filename*=UTF-8''…` preferred), or `fallback`. */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* malformed: try the plain parameter */
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || fallback;
}

/** Saves `blob` as `filename` through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of an error body that arrived as a Blob (downloads ask for blobs, problems are JSON). */
export async function blobText(body: unknown): Promise<unknown> {
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    try {
      if (typeof body.text === 'function') return await body.text();
      return await new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsText(body);
      });
    } catch {
      return null;
    }
  }
  return body;
}
