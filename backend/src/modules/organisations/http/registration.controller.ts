import { Body, Controller, Get, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';

import { Public } from '../../../platform/access';
import { AuthRateGuard } from '../../identity';
import { RegionOptionDto, RegisterOrganisationDto, RegistrationResultDto } from '../dto/organisation.dto';
import { RegistrationService } from '../services/registration.service';

/** Public: an organisation registers itself and its first member account; an officer reviews it. */
@ApiTags('organisations')
@Controller('v1/organisations/register')
@Public()
export class RegistrationController {
  constructor(private readonly registration: RegistrationService) {}

  @Post()
  @UseGuards(AuthRateGuard)
  @ApiTooManyRequestsResponse({
    description:
      'Requests per client address (AUTH_RATE_LIMIT per AUTH_RATE_WINDOW_SECONDS, shared by every API process), with Retry-After.',
  })
  @ApiCreatedResponse({
    type: RegistrationResultDto,
    description:
      'PENDING_REVIEW; the member can sign in at once. 400 bad input (e.g. a wrong credit-code check character, naming the field); 409 credit code or username taken; 422 region or password rules.',
  })
  register(@Body() dto: RegisterOrganisationDto, @Ip() ip: string): Promise<RegistrationResultDto> {
    return this.registration.register(dto, ip);
  }

  @Get('regions')
  @ApiOkResponse({
    type: [RegionOptionDto],
    description: 'The region tree for the form (register at a district or a street)',
  })
  regions(): Promise<RegionOptionDto[]> {
    return this.registration.regionOptions();
  }
}
