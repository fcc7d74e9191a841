import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import sharp from 'sharp';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { makeThumbnail, MAX_EVIDENCE_BYTES, sniffEvidence, Thumbnail, THUMBNAIL_MAX_SIDE } from '../../contracts';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import {
  CLOCK_SKEW_MS,
  evaluationFileAllowed,
  interviewText,
  MAX_EVIDENCE_PER_TASK,
  safeFileName,
} from '../domain/evidence-rules';
import { exifTakenAt } from '../domain/exif';
import { IndicatorTree, leavesOf } from '../domain/indicator-tree';
import { AddInterviewDto, TaskEvidenceDto, UploadTaskEvidenceDto } from '../dto/scoring.dto';
import { EvaluationEvidenceEntity, EvaluationEvidenceLeafEntity } from '../entities/evidence.entities';
import { evidenceDto, ScoringService } from './scoring.service';

export interface TaskEvidenceFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

function invalid(field: string, message: string): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.EVIDENCE_INVALID, message, { errors: [{ field, message }] });
}

function notFound(id: number): EvaluationError {
  return new EvaluationError(EvaluationErrorCode.EVIDENCE_NOT_FOUND, `Evidence ${id} not found.`);
}

/**
 * The evaluator's evidence of a task: documents and site-visit photos (typed by content, never by name; SHA-256;
 * photos thumbnailed on the server, with the time and place the evaluator typed and the camera's EXIF time) and
 * interview notes, each linked to leaves of the task's tree. Added and deleted by the task's evaluator while the
 * task is being scored (adding the first one starts an ASSIGNED or RETURNED task, as a score does); read by whoever
 * may read the task.
 */
@Injectable()
export class TaskEvidenceService {
  private readonly logger = new Logger(TaskEvidenceService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, taskId: number, dto: UploadTaskEvidenceDto): Promise<TaskEvidenceDto> {
    const content = Buffer.from(dto.contentBase64, 'base64');
    if (content.length === 0) throw invalid('contentBase64', 'The file is empty.');
    if (content.length > MAX_EVIDENCE_BYTES) throw invalid('contentBase64', 'An evidence file is at most 5 MB.');
    const mime = sniffEvidence(content);
    if (!evaluationFileAllowed(dto.kind, mime))
      throw invalid(
        'contentBase64',
        dto.kind === 'PHOTO'
          ? 'A photo is a JPEG, PNG or WebP image (checked by its content, not its name).'
          : 'A document is a PDF, JPEG, PNG or WebP file (checked by its content, not its name).',
      );
    if (dto.kind === 'PHOTO' && (!dto.takenAt || !dto.place))
      throw invalid(dto.takenAt ? 'place' : 'takenAt', 'A site-visit photo says when and where it was taken.');
    const takenAt = dto.takenAt ? new Date(dto.takenAt) : null;
    const exif = mime === 'image/jpeg' ? exifTakenAt(content) : null;
    const thumb = dto.kind === 'PHOTO' || mime !== 'application/pdf' ? await this.thumbnail(content, mime) : null;
    return inTransaction(this.dataSource, async (em) => {
      const { task, tree, now } = await this.scoring.lockForScoring(em, actor, taskId);
      const leafKeys = checkLeaves(tree, dto.leafKeys);
      if (takenAt && takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
        throw invalid('takenAt', 'The time a photo was taken is not in the future.');
      await this.assertRoom(em, taskId);
      const e = em.create(EvaluationEvidenceEntity, {
        taskId,
        kind: dto.kind,
        fileName: safeFileName(dto.fileName),
        mime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        thumbMime: thumb?.mime ?? null,
        thumbContent: thumb?.content ?? null,
        takenAt,
        place: dto.place ?? null,
        exifTakenAt: exif,
        interviewee: null,
        summary: null,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await em.insert(EvaluationEvidenceEntity, e);
      await this.link(em, taskId, e.id, leafKeys);
      await this.audit.record(em, actor, {
        action: 'evaluation.evidence.added',
        entityType: 'evaluation_task',
        entityId: taskId,
        regionPath: task.regionPath,
        after: {
          evidenceId: e.id,
          kind: e.kind,
          leafKeys,
          fileName: e.fileName,
          mime,
          size: e.size,
          sha256: e.sha256,
          takenAt: takenAt?.toISOString() ?? null,
          place: e.place,
          exifTakenAt: exif?.toISOString() ?? null,
        },
      });
      return evidenceDto(e, leafKeys, 'EVALUATOR');
    });
  }

  async addInterview(actor: Actor, taskId: number, dto: AddInterviewDto): Promise<TaskEvidenceDto> {
    return inTransaction(this.dataSource, async (em) => {
      const { task, tree, now } = await this.scoring.lockForScoring(em, actor, taskId);
      const leafKeys = checkLeaves(tree, dto.leafKeys);
      const interviewedAt = new Date(dto.interviewedAt);
      if (interviewedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
        throw invalid('interviewedAt', 'An interview is noted once it has taken place.');
      await this.assertRoom(em, taskId);
      const note = { interviewee: dto.interviewee, interviewedAt, place: dto.place ?? null, summary: dto.summary };
      const e = em.create(EvaluationEvidenceEntity, {
        taskId,
        kind: 'INTERVIEW',
        fileName: null,
        mime: null,
        size: null,
        sha256: createHash('sha256').update(interviewText(note), 'utf8').digest('hex'),
        content: null,
        thumbMime: null,
        thumbContent: null,
        takenAt: interviewedAt,
        place: note.place,
        exifTakenAt: null,
        interviewee: note.interviewee,
        summary: note.summary,
        uploadedBy: actor.userId,
        createdAt: now,
      });
      await em.insert(EvaluationEvidenceEntity, e);
      await this.link(em, taskId, e.id, leafKeys);
      await this.audit.record(em, actor, {
        action: 'evaluation.evidence.added',
        entityType: 'evaluation_task',
        entityId: taskId,
        regionPath: task.regionPath,
        after: {
          evidenceId: e.id,
          kind: 'INTERVIEW',
          leafKeys,
          interviewedAt: interviewedAt.toISOString(),
          place: e.place,
          sha256: e.sha256,
        },
      });
      return evidenceDto(e, leafKeys, 'EVALUATOR');
    });
  }

  async list(actor: Actor, taskId: number): Promise<TaskEvidenceDto[]> {
    const sheet = await this.scoring.scoresheet(actor, taskId);
    return sheet.evidence;
  }

  async remove(actor: Actor, taskId: number, evidenceId: number): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const { task } = await this.scoring.lockForScoring(em, actor, taskId);
      const e = await em.findOne(EvaluationEvidenceEntity, { where: { id: evidenceId, taskId } });
      if (!e) throw notFound(evidenceId);
      const links = await em.find(EvaluationEvidenceLeafEntity, { where: { evidenceId } });
      await em.delete(EvaluationEvidenceEntity, { id: evidenceId });
      await this.audit.record(em, actor, {
        action: 'evaluation.evidence.deleted',
        entityType: 'evaluation_task',
        entityId: task.id,
        regionPath: task.regionPath,
        before: {
          evidenceId,
          kind: e.kind,
          leafKeys: links.map((l) => l.leafKey),
          fileName: e.fileName,
          sha256: e.sha256,
        },
      });
    });
  }

  /** The file, or its thumbnail (the original when none could be made), to whoever may read the task. */
  async file(actor: Actor, taskId: number, evidenceId: number, thumbnail: boolean): Promise<TaskEvidenceFile> {
    await this.scoring.readable(actor, taskId);
    const e = await this.dataSource
      .getRepository(EvaluationEvidenceEntity)
      .createQueryBuilder('e')
      .addSelect(thumbnail ? ['e.content', 'e.thumbContent'] : ['e.content'])
      .where('e.id = :evidenceId AND e.task_id = :taskId', { evidenceId, taskId })
      .getOne();
    if (e === null || e.content === null || e.mime === null) throw notFound(evidenceId);
    if (thumbnail && e.thumbMime !== null && e.thumbContent !== null)
      return { fileName: `thumb-${e.fileName ?? 'evidence'}`, mime: e.thumbMime, content: e.thumbContent };
    return { fileName: e.fileName ?? 'evidence', mime: e.mime, content: e.content };
  }

  private async assertRoom(em: EntityManager, taskId: number): Promise<void> {
    if ((await em.countBy(EvaluationEvidenceEntity, { taskId })) >= MAX_EVIDENCE_PER_TASK)
      throw invalid('leafKeys', `A task keeps at most ${MAX_EVIDENCE_PER_TASK} pieces of evidence.`);
  }

  private async link(em: EntityManager, taskId: number, evidenceId: number, leafKeys: string[]): Promise<void> {
    await em.insert(
      EvaluationEvidenceLeafEntity,
      leafKeys.map((leafKey) => ({ evidenceId, leafKey, taskId })),
    );
  }

  /** A JPEG of at most THUMBNAIL_MAX_SIDE px, upright by its EXIF orientation (sharp); else what Node can make. */
  private async thumbnail(content: Buffer, mime: string | null): Promise<Thumbnail | null> {
    if (mime === null || mime === 'application/pdf') return null;
    try {
      const out = await sharp(content, { limitInputPixels: 40_000_000 })
        .rotate()
        .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 75 })
        .toBuffer();
      return { mime: 'image/jpeg', content: out };
    } catch (err) {
      this.logger.warn({ err: String(err), mime }, 'sharp could not thumbnail an evaluation photo; falling back');
      return makeThumbnail(content, mime as 'image/jpeg' | 'image/png' | 'image/webp');
    }
  }
}

/** The given keys, each a leaf of the task's tree (422 naming the others), without repeats. */
function checkLeaves(tree: IndicatorTree, keys: string[]): string[] {
  const leaves = new Set(leavesOf(tree).map((l) => l.node.key));
  const unique = [...new Set(keys)];
  const unknown = unique.filter((k) => !leaves.has(k));
  if (unknown.length > 0) throw invalid('leafKeys', `Not leaves of this task’s indicator tree: ${unknown.join(', ')}.`);
  return unique;
}
