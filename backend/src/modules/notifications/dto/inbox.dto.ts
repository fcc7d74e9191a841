import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

import { PageQuery } from '../../../platform/http/pagination';

export class InboxQuery extends PageQuery {}

export class NotificationIdParam {
  @Transform(({ value }: { value: string }) => value)
  @Matches(/^\d{1,18}$/, { message: 'id must be a number' })
  id!: string;
}

export class NotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'need.status_changed' }) kind!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'need.step',
    description: 'Template the text was written from (null: a message from before templates)',
  })
  template!: string | null;
  @ApiProperty({ description: "In the reader's language; times in Beijing time" }) title!: string;
  @ApiProperty({ description: "In the reader's language; times in Beijing time" }) body!: string;
  @ApiProperty({ nullable: true, type: Number }) needId!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '/s/3f9c2a7e5b1d4c6f8a0e2b4d6f8a1c3e',
    description: 'A page of the app the message asks the reader to open (a survey to answer), or null',
  })
  link!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ description: 'Unread messages in the whole inbox' }) unread!: number;
}
