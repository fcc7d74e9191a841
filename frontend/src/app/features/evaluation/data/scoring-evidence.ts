import type { MeasureView } from './scoring.api';

/** At most 5 MB per file, as the server checks (it types the file by its content, this is the first check). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_NAMES = /\.(jpe?g|png|webp|heic)$/i;
const DOCUMENT_TYPES = [...PHOTO_TYPES, 'application/pdf'];
const DOCUMENT_NAMES = /\.(jpe?g|png|webp|pdf)$/i;

export type EvidenceFileProblem = 'type' | 'size' | 'empty';

/** Why a chosen file cannot be evidence of this kind, or null. */
export function evidenceFileProblem(
  kind: 'PHOTO' | 'DOCUMENT',
  file: { name: string; type: string; size: number },
): EvidenceFileProblem | null {
  const types = kind === 'PHOTO' ? PHOTO_TYPES : DOCUMENT_TYPES;
  const names = kind === 'PHOTO' ? PHOTO_NAMES : DOCUMENT_NAMES;
  if (!types.includes(file.type) && !names.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_EVIDENCE_BYTES) return 'size';
  return null;
}

/** A measure's value as shown: fen as yuan with 2 decimals (BigInt, never a float), anything else as it is. */
export function measureAmount(m: Pick<MeasureView, 'unit'>, value: string): string {
  if (m.unit !== 'FEN') return value;
  const fen = BigInt(value.split('.')[0] || '0');
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}
