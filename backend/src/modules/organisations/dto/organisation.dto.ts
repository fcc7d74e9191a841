import { ApiProperty } from '@nestjs/swagger';

export class OrganisationDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['SOCIAL_ORGANISATION', 'EVALUATION_AGENCY'] }) kind!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty() regionId!: number;
}
