import { ApiProperty } from '@nestjs/swagger';

export class AuditEventDto {
  @ApiProperty() seq!: number;
  @ApiProperty({ description: 'UTC instant' }) occurredAt!: string;
  @ApiProperty({ nullable: true, type: Number }) actorId!: number | null;
  @ApiProperty() actorUsername!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty({ example: 'identity.user.created' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ nullable: true, type: String }) regionPath!: string | null;
  @ApiProperty({ nullable: true, type: Object }) before!: unknown;
  @ApiProperty({ nullable: true, type: Object }) after!: unknown;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ChainVerificationDto {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ description: 'Links checked before the first break (or all).' }) checked!: number;
  @ApiProperty({ nullable: true, type: Number }) firstBrokenSeq!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['SEQUENCE_GAP', 'PREVIOUS_HASH_MISMATCH', 'HASH_MISMATCH', 'HEAD_MISMATCH'],
  })
  reason!: string | null;
}
