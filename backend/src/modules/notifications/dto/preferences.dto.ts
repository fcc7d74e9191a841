import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn } from 'class-validator';

import { CHANNELS, TOPICS, type MutedPair } from '../domain/delivery-rules';

const MUTED_PAIRS: string[] = CHANNELS.flatMap((c) => TOPICS.map((t) => `${c}:${t}`));

/** My channels: the inbox always; e-mail and SMS on or off; topics muted on one channel. */
export class NotificationPreferencesDto {
  @ApiProperty({ description: 'E-mail notifications (to my e-mail address)' }) emailEnabled!: boolean;
  @ApiProperty({ description: 'SMS notifications (to my phone)' }) smsEnabled!: boolean;
  @ApiProperty({
    type: [String],
    example: ['SMS:procurement'],
    description: `Topics muted on one channel, \`CHANNEL:topic\`; topics: ${TOPICS.join(', ')}`,
  })
  muted!: MutedPair[];
  @ApiProperty({ nullable: true, type: String, description: 'Where e-mails go (null: none — set it in the profile)' })
  email!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Where SMS go (null: none)' })
  phone!: string | null;
  @ApiProperty({ description: 'The inbox always receives every message' }) inbox!: true;
  @ApiProperty({ type: [String], enum: TOPICS, description: 'The topics, for the settings page' }) topics!: string[];
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ example: true })
  @IsBoolean()
  emailEnabled!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  smsEnabled!: boolean;

  @ApiProperty({
    type: [String],
    example: ['SMS:procurement'],
    description: '`CHANNEL:topic` pairs, at most all of them',
  })
  @IsArray()
  @ArrayMaxSize(MUTED_PAIRS.length)
  @ArrayUnique()
  @IsIn(MUTED_PAIRS, { each: true, message: `each value in muted must be one of ${MUTED_PAIRS.join(', ')}` })
  muted!: MutedPair[];
}
