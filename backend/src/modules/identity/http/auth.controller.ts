import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';

import { Public } from '../../../platform/access';
import { LoginDto, LogoutDto, RefreshDto, TokenPairDto } from '../dto/auth.dto';
import { RegisterResidentDto, ResidentDto } from '../dto/resident.dto';
import { AuthService } from '../services/auth.service';
import { ResidentsService } from '../services/residents.service';

@ApiTags('auth')
@Controller('v1/auth')
@Public()
@UseGuards(ThrottlerGuard)
@ApiTooManyRequestsResponse({
  description: 'Rate limit per client address (AUTH_RATE_LIMIT per AUTH_RATE_WINDOW_SECONDS).',
})
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly residents: ResidentsService,
  ) {}

  @Post('register')
  @ApiOkResponse({
    type: ResidentDto,
    description:
      'A resident registers with a phone number; a community worker verifies them before they can support needs.',
  })
  register(@Body() dto: RegisterResidentDto, @Ip() ip: string): Promise<ResidentDto> {
    return this.residents.register(dto, ip);
  }

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairDto,
    description: '401 wrong credentials; 423 locked (with lockedUntil); 403 disabled.',
  })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(dto.username, dto.password, { ip });
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairDto,
    description: 'The presented refresh token is spent; reusing it revokes the session.',
  })
  refresh(@Body() dto: RefreshDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.refresh(dto.refreshToken, { ip });
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  logout(@Body() dto: LogoutDto, @Ip() ip: string): Promise<void> {
    return this.auth.logout(dto.refreshToken, { ip });
  }
}
