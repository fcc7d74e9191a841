import type { Activity, Indicator, OutputActual, ServiceHours, SubmitReportRequest } from './milestones.api';

/** Photos and attendance sheets: at most 5 MB each (the server checks the content again). */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const SHEET_TYPES = [...PHOTO_TYPES, 'application/pdf'];
const DECIMAL = /^(0|[1-9]\d{0,13})(\.\d{1,4})?$/;

export type FileProblem = 'type' | 'empty' | 'size';

/** Why a chosen file cannot be evidence of this kind, or null (a first check: the server types it by content). */
export function evidenceFileProblem(
  kind: 'PHOTO' | 'ATTENDANCE',
  file: { name: string; type: string; size: number },
): FileProblem | null {
  const types = kind === 'PHOTO' ? PHOTO_TYPES : SHEET_TYPES;
  const ext = kind === 'PHOTO' ? /\.(jpe?g|png|webp)$/i : /\.(jpe?g|png|webp|pdf)$/i;
  if (!types.includes(file.type) && !ext.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_EVIDENCE_BYTES) return 'size';
  return null;
}

export interface ReportDraft {
  summary: string;
  activities: Array<{ date: string; place: string; content: string; participants: number | null }>;
  serviceHours: Array<{ beneficiary: string; hours: string }>;
  outputs: Record<string, string>;
  photoIds: number[];
  sheetIds: number[];
}

export type DraftProblem =
  'activities' | 'activityFields' | 'photo' | 'hoursRequired' | 'hoursInvalid' | 'outputMissing' | 'outputInvalid';

/** What is still wrong with the draft before it can be sent (the server checks the same and more). */
export function draftProblems(d: ReportDraft, indicators: Indicator[], countedInHours: boolean): DraftProblem[] {
  const out: DraftProblem[] = [];
  if (d.activities.length === 0) out.push('activities');
  else if (
    d.activities.some(
      (a) => !a.date || !a.place.trim() || !a.content.trim() || a.participants === null || a.participants < 0,
    )
  )
    out.push('activityFields');
  if (d.photoIds.length === 0) out.push('photo');
  const hours = d.serviceHours.filter((h) => h.beneficiary.trim() || h.hours.trim());
  if (countedInHours && hours.length === 0) out.push('hoursRequired');
  if (hours.some((h) => !h.beneficiary.trim() || !DECIMAL.test(h.hours.trim()) || Number(h.hours) <= 0))
    out.push('hoursInvalid');
  const values = indicators.map((i) => (d.outputs[i.code] ?? '').trim());
  if (values.some((v) => v === '')) out.push('outputMissing');
  else if (values.some((v) => !DECIMAL.test(v))) out.push('outputInvalid');
  return out;
}

export function toRequest(d: ReportDraft, indicators: Indicator[]): SubmitReportRequest {
  const activities: Activity[] = d.activities.map((a) => ({
    date: a.date,
    place: a.place.trim(),
    content: a.content.trim(),
    participants: a.participants ?? 0,
  }));
  const serviceHours: ServiceHours[] = d.serviceHours
    .filter((h) => h.beneficiary.trim() || h.hours.trim())
    .map((h) => ({ beneficiary: h.beneficiary.trim(), hours: h.hours.trim() }));
  const outputs: OutputActual[] = indicators.map((i) => ({ code: i.code, actual: (d.outputs[i.code] ?? '').trim() }));
  return {
    ...(d.summary.trim() ? { summary: d.summary.trim() } : {}),
    activities,
    serviceHours,
    outputs,
    evidenceIds: [...d.photoIds, ...d.sheetIds],
  };
}
