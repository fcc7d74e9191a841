import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';

import { PageQuery } from '../../../platform/http/pagination';
import { IsOptionalNotNull } from '../../../platform/http/validation';
import { CHANNELS, DELIVERY_STATUSES, type Channel, type DeliveryStatus } from '../domain/delivery-rules';

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, default: 'FAILED' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class DeliveryIdParam {
  @Transform(({ value }: { value: string }) => value)
  @Matches(/^\d{1,18}$/, { message: 'id must be a number' })
  id!: string;
}

export class RetryFailedDto {
  @ApiPropertyOptional({ enum: CHANNELS, description: 'Only this channel (omit it for both)' })
  @IsOptionalNotNull()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class DeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty() notificationId!: string;
  @ApiProperty({ enum: CHANNELS }) channel!: Channel;
  @ApiProperty({ description: 'The address it went to' }) address!: string;
  @ApiProperty() userId!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'need.status_changed' }) kind!: string;
  @ApiProperty({ description: "The message's title in the reader's language" }) title!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty({ description: 'Attempts made, all rounds together' }) attempts!: number;
  @ApiProperty({ description: '0, then +1 for each retry by an administrator' }) round!: number;
  @ApiProperty({ nullable: true, type: String, description: 'What the server or gateway answered last' })
  lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) sentAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) failedAt!: string | null;
  @ApiProperty({ description: 'When the next attempt is due (PENDING)' }) nextAttemptAt!: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items!: DeliveryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RetriedDto {
  @ApiProperty({ description: 'Deliveries put back to PENDING for a new round of attempts' }) retried!: number;
}
