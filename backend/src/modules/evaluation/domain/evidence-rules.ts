/**
 * The evaluator's evidence (issue #11 item 3): documents and site-visit photos (files typed by their content, with
 * their SHA-256) and interview notes (text: who, when, a summary), each linked to one or more leaves of the task's
 * indicator tree. Added, listed and deleted while the task is being scored; after submission it is part of the record.
 */
export const EVIDENCE_KINDS = ['PHOTO', 'DOCUMENT', 'INTERVIEW'] as const;
export type EvaluationEvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const FILE_EVIDENCE_KINDS = ['PHOTO', 'DOCUMENT'] as const;
export type FileEvidenceKind = (typeof FILE_EVIDENCE_KINDS)[number];

type Mime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
const PHOTO_TYPES: readonly Mime[] = ['image/jpeg', 'image/png', 'image/webp'];
const DOCUMENT_TYPES: readonly Mime[] = ['application/pdf', ...PHOTO_TYPES];

/** Whether a file of this (sniffed) type may be evidence of this kind: a photo is a picture, a document a PDF or a scan. */
export function evaluationFileAllowed(kind: FileEvidenceKind, mime: string | null): mime is Mime {
  return mime !== null && (kind === 'PHOTO' ? PHOTO_TYPES : DOCUMENT_TYPES).includes(mime as Mime);
}

/** At most this many pieces of evidence per task (files and notes together). */
export const MAX_EVIDENCE_PER_TASK = 300;
/** How far in the future a typed time may be (a tablet's clock a little ahead): 10 minutes. */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** A file name as given, without a path, control characters or quotes. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'evidence' : cleaned;
}

/** The canonical text of an interview note, hashed (SHA-256) like a file so that the record shows it did not change. */
export function interviewText(n: { interviewee: string; interviewedAt: Date; place: string | null; summary: string }) {
  return JSON.stringify({
    interviewee: n.interviewee,
    interviewedAt: n.interviewedAt.toISOString(),
    place: n.place,
    summary: n.summary,
  });
}
