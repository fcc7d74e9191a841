import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import sharp from 'sharp';
import { DataSource } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { ContractsError, ContractsErrorCode } from '../domain/contracts.errors';
import { makeThumbnail, sniffEvidence, Thumbnail, THUMBNAIL_MAX_SIDE } from '../domain/evidence-files';
import { EvidenceMime, evidenceTypeAllowed, MAX_EVIDENCE_BYTES } from '../domain/milestone-rules';
import { LIVE_CONTRACT_STATUSES } from '../domain/state-machines';
import { EvidenceDto, UploadEvidenceDto } from '../dto/reports.dto';
import { EvidenceEntity } from '../entities/reports.entities';
import { actsForOrganisation, evidenceDto, MilestonesService } from './milestones.service';

export interface EvidenceFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

/** At most this many files per milestone (every version's evidence together). */
export const MAX_EVIDENCE_PER_MILESTONE = 200;

function invalid(field: string, message: string): ContractsError {
  return new ContractsError(ContractsErrorCode.REPORT_INVALID, message, { errors: [{ field, message }] });
}

/** A file name as given, without a path and without control characters or quotes. */
function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'evidence' : cleaned;
}

/**
 * Evidence of a milestone: photos and attendance sheets uploaded one by one by a member of the supplier (from a phone,
 * each request small), typed by content, hashed (SHA-256), photos thumbnailed on the server; then cited by the report.
 * Served to the parties and the officers of the contract's region only.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly milestones: MilestonesService,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, contractId: number, milestoneId: number, dto: UploadEvidenceDto): Promise<EvidenceDto> {
    const content = Buffer.from(dto.contentBase64, 'base64');
    if (content.length === 0) throw invalid('contentBase64', 'The file is empty.');
    if (content.length > MAX_EVIDENCE_BYTES) throw invalid('contentBase64', 'An evidence file is at most 5 MB.');
    const mime = sniffEvidence(content);
    if (!evidenceTypeAllowed(dto.kind, mime))
      throw invalid(
        'contentBase64',
        dto.kind === 'PHOTO'
          ? 'A photo is a JPEG, PNG or WebP image (checked by its content, not its name).'
          : 'An attendance sheet is a PDF, JPEG, PNG or WebP file (checked by its content, not its name).',
      );
    const thumb = dto.kind === 'PHOTO' ? await this.thumbnail(content, mime) : null;
    return inTransaction(this.dataSource, async (em) => {
      if (!actsForOrganisation(actor))
        throw new ContractsError(ContractsErrorCode.CONTRACT_NOT_FOUND, `Contract ${contractId} not found.`);
      const { contract, milestone } = await this.milestones.milestone(actor, contractId, milestoneId, em, true);
      if (!LIVE_CONTRACT_STATUSES.includes(contract.status))
        throw new ContractsError(
          ContractsErrorCode.MILESTONE_ILLEGAL_TRANSITION,
          `Evidence is reported while the contract is signed or active (it is ${contract.status}).`,
        );
      if (milestone.status === 'ACCEPTED' || milestone.status === 'SUBMITTED')
        throw new ContractsError(
          ContractsErrorCode.MILESTONE_ILLEGAL_TRANSITION,
          `Evidence is added while the milestone waits for its report (it is ${milestone.status}).`,
          { from: milestone.status },
        );
      if ((await em.countBy(EvidenceEntity, { milestoneId })) >= MAX_EVIDENCE_PER_MILESTONE)
        throw invalid('contentBase64', `A milestone keeps at most ${MAX_EVIDENCE_PER_MILESTONE} evidence files.`);
      const e = em.create(EvidenceEntity, {
        contractId,
        milestoneId,
        kind: dto.kind,
        fileName: safeFileName(dto.fileName),
        mime,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        thumbMime: thumb?.mime ?? null,
        thumbContent: thumb?.content ?? null,
        uploadedBy: actor.userId,
        createdAt: await dbNow(em),
      });
      await em.insert(EvidenceEntity, e);
      await this.audit.record(em, actor, {
        action: 'contracts.evidence.uploaded',
        entityType: 'contract_milestone',
        entityId: milestoneId,
        regionPath: contract.regionPath,
        after: { evidenceId: e.id, kind: e.kind, fileName: e.fileName, mime, size: e.size, sha256: e.sha256 },
      });
      return evidenceDto(e, true);
    });
  }

  /**
   * A JPEG of at most THUMBNAIL_MAX_SIDE px, turned upright by its EXIF orientation (sharp); if sharp cannot read the
   * picture, what Node alone can make (a scaled PNG, a camera JPEG's EXIF thumbnail), else none.
   */
  private async thumbnail(content: Buffer, mime: EvidenceMime): Promise<Thumbnail | null> {
    try {
      const out = await sharp(content, { limitInputPixels: 40_000_000 })
        .rotate()
        .resize(THUMBNAIL_MAX_SIDE, THUMBNAIL_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 75 })
        .toBuffer();
      return { mime: 'image/jpeg', content: out };
    } catch (err) {
      this.logger.warn({ err: String(err), mime }, 'sharp could not thumbnail an evidence photo; falling back');
      return makeThumbnail(content, mime);
    }
  }

  /** The file, or its thumbnail (the original when none could be made), to the parties and the region's staff. */
  async file(actor: Actor, contractId: number, evidenceId: number, thumbnail: boolean): Promise<EvidenceFile> {
    await this.milestones.visible(actor, contractId);
    const e = await this.dataSource
      .getRepository(EvidenceEntity)
      .createQueryBuilder('e')
      .addSelect(thumbnail ? ['e.content', 'e.thumbContent'] : ['e.content'])
      .where('e.id = :evidenceId AND e.contract_id = :contractId', { evidenceId, contractId })
      .getOne();
    if (e === null) throw new ContractsError(ContractsErrorCode.REPORT_NOT_FOUND, `Evidence ${evidenceId} not found.`);
    if (thumbnail && e.thumbMime !== null && e.thumbContent !== null)
      return { fileName: `thumb-${e.fileName}`, mime: e.thumbMime, content: e.thumbContent };
    return { fileName: e.fileName, mime: e.mime, content: e.content };
  }
}
