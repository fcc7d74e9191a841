import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

import { Locale, LOCALES } from '../../../platform/i18n/locale';

export class UpdatePreferencesDto {
  @ApiProperty({ enum: LOCALES, description: 'The language server texts (inbox, timeline) are written in for me' })
  @IsIn(LOCALES)
  locale!: Locale;
}

export class PreferencesDto {
  @ApiProperty({ enum: LOCALES, nullable: true, description: 'null: not chosen (Accept-Language, then zh-CN)' })
  locale!: Locale | null;
}
