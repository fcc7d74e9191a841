import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeskRefDto {
  @ApiProperty({ example: 'tender' }) type!: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string' }] }) id!: number | string;
}

export class DeskItemDto {
  @ApiProperty({ example: 'procurement.award_confirm', description: '`<area>.<task>`: the UI renders it' })
  kind!: string;
  @ApiProperty({ description: 'How many records the item stands for' }) count!: number;
  @ApiProperty({ type: DeskRefDto, nullable: true }) ref!: DeskRefDto | null;
  @ApiProperty({ nullable: true, type: String, description: "The record's own name as entered" }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UTC instant by which it must be done' })
  dueAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'AWARD_CONFIRMATION',
    description: 'The rule that sets `dueAt` (see docs/domain/desk.md)',
  })
  dueRule!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'UTC instant since which it waits' }) since!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '/procurement/tenders/12', description: 'UI page' })
  route!: string | null;
  @ApiPropertyOptional({ type: Object }) query?: Record<string, string>;
  @ApiPropertyOptional({ type: Object, description: 'Codes, numbers and flags for the text' })
  params?: Record<string, string | number | boolean | null>;
}

export class DeskDto {
  @ApiProperty({ description: 'The database clock when the desk was read (UTC)' }) now!: string;
  @ApiProperty({ type: [DeskItemDto], description: 'Earliest due first; undated items after, longest waiting first' })
  items!: DeskItemDto[];
  @ApiProperty({ type: [String], description: 'Areas whose items could not be read this time (e.g. queues)' })
  unavailable!: string[];
}
