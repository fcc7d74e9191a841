/**
 * Uploaded files are typed by their content (magic bytes), never by their name or the client's
 * claim. Used by every context that accepts documents (needs attachments, organisation documents).
 */
export type SniffedType = 'image/jpeg' | 'image/png' | 'application/pdf';

export function sniff(content: Buffer): SniffedType | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (
    content.length >= 8 &&
    content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}
