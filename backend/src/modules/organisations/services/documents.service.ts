import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { sniff } from '../../../platform/util/file-type';
import { AuditService } from '../../audit';
import { OrganisationsError, OrganisationsErrorCode } from '../domain/organisations.errors';
import {
  DocumentKind,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENTS_PER_ORGANISATION,
  safeFileName,
} from '../domain/registry-rules';
import { DocumentDto, UploadDocumentDto } from '../dto/organisation.dto';
import { OrganisationDocumentEntity } from '../entities/organisation.entity';
import { LoadedOrganisation, OrganisationsService } from './organisations.service';

export interface DocumentFile {
  fileName: string;
  mime: string;
  content: Buffer;
}

function documentDto(d: OrganisationDocumentEntity): DocumentDto {
  return {
    id: d.id,
    kind: d.kind,
    fileName: d.fileName,
    mime: d.mime,
    size: d.size,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * Qualification documents: members upload to their own organisation (PDF, PNG or JPEG, recognised
 * by content, at most 5 MB); members and staff who may read the organisation list and download them.
 * A document of another organisation answers 404.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async upload(actor: Actor, dto: UploadDocumentDto): Promise<DocumentDto> {
    const file = this.checked(dto);
    return inTransaction(this.dataSource, async (em) => {
      const loaded = await this.organisations.loadMine(actor, em, true);
      return documentDto(await this.store(em, actor, loaded, dto.kind, file));
    });
  }

  /**
   * Stores a document of `loaded` (locked by the caller) uploaded by `actor` — a member, or an officer attaching the
   * decision document of a grade (GradeDecisions) — in the caller's transaction, audited. The same checks as an
   * upload: PDF, PNG or JPEG by content, at most 5 MB, at most 30 documents per organisation.
   */
  async attach(
    em: EntityManager,
    actor: Actor,
    loaded: LoadedOrganisation,
    input: { kind: DocumentKind; fileName: string; contentBase64: string },
  ): Promise<OrganisationDocumentEntity> {
    return this.store(em, actor, loaded, input.kind, this.checked(input));
  }

  private checked(input: { fileName: string; contentBase64: string }): {
    fileName: string;
    mime: string;
    content: Buffer;
  } {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw this.rejected('The file is empty.');
    if (content.length > MAX_DOCUMENT_BYTES) throw this.rejected('Documents may be at most 5 MB.');
    const mime = sniff(content);
    if (mime === null) throw this.rejected('Only PDF, PNG and JPEG files are accepted (checked by their content).');
    return { fileName: input.fileName, mime, content };
  }

  private async store(
    em: EntityManager,
    actor: Actor,
    { org, regionPath }: LoadedOrganisation,
    kind: DocumentKind,
    file: { fileName: string; mime: string; content: Buffer },
  ): Promise<OrganisationDocumentEntity> {
    if ((await em.countBy(OrganisationDocumentEntity, { organisationId: org.id })) >= MAX_DOCUMENTS_PER_ORGANISATION) {
      throw this.rejected(`An organisation keeps at most ${MAX_DOCUMENTS_PER_ORGANISATION} documents.`);
    }
    const { mime, content } = file;
    const doc = em.create(OrganisationDocumentEntity, {
      organisationId: org.id,
      kind,
      fileName: safeFileName(file.fileName),
      mime,
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: actor.userId,
      createdAt: await dbNow(em),
    });
    await em.insert(OrganisationDocumentEntity, doc);
    await this.audit.record(em, actor, {
      action: 'organisations.document.uploaded',
      entityType: 'organisation',
      entityId: org.id,
      regionPath,
      after: { documentId: doc.id, kind: doc.kind, fileName: doc.fileName, mime, size: doc.size, sha256: doc.sha256 },
    });
    return doc;
  }

  async listMine(actor: Actor): Promise<DocumentDto[]> {
    const { org } = await this.organisations.loadMine(actor, this.dataSource.manager);
    return this.listOf(org.id);
  }

  async downloadMine(actor: Actor, documentId: number): Promise<DocumentFile> {
    const { org } = await this.organisations.loadMine(actor, this.dataSource.manager);
    return this.fileOf(org.id, documentId);
  }

  async list(actor: Actor, organisationId: number): Promise<DocumentDto[]> {
    await this.organisations.loadReadable(actor, organisationId, this.dataSource.manager);
    return this.listOf(organisationId);
  }

  async download(actor: Actor, organisationId: number, documentId: number): Promise<DocumentFile> {
    await this.organisations.loadReadable(actor, organisationId, this.dataSource.manager);
    return this.fileOf(organisationId, documentId);
  }

  private async listOf(organisationId: number): Promise<DocumentDto[]> {
    return (
      await this.dataSource
        .getRepository(OrganisationDocumentEntity)
        .find({ where: { organisationId }, order: { id: 'DESC' } })
    ).map(documentDto);
  }

  private async fileOf(organisationId: number, documentId: number): Promise<DocumentFile> {
    const d = await this.dataSource
      .getRepository(OrganisationDocumentEntity)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :documentId AND d.organisation_id = :organisationId', { documentId, organisationId })
      .getOne();
    if (d === null)
      throw new OrganisationsError(OrganisationsErrorCode.DOCUMENT_NOT_FOUND, `Document ${documentId} not found.`);
    return { fileName: d.fileName, mime: d.mime, content: d.content };
  }

  private rejected(message: string): OrganisationsError {
    return new OrganisationsError(OrganisationsErrorCode.DOCUMENT_REJECTED, message, {
      errors: [{ field: 'contentBase64', message }],
    });
  }
}
