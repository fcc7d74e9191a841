import { Body, Controller, HttpCode, Ip, Post, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';

import { Public } from '../../../platform/access';
import { LoginDto, LogoutDto, RefreshDto, TokenPairDto } from '../dto/auth.dto';
import { RegisterResidentDto, ResidentDto } from '../dto/resident.dto';
import { AuthService } from '../services/auth.service';
import { ResidentsService } from '../services/residents.service';
import { AuthRateGuard, SignInLimitInterceptor } from './sign-in-limits';

@ApiTags('auth')
@Controller('v1/auth')
@Public()
@UseGuards(AuthRateGuard)
@ApiTooManyRequestsResponse({
  description:
    'With Retry-After: requests per client address (AUTH_RATE_LIMIT per AUTH_RATE_WINDOW_SECONDS); on login also failed sign-ins per account and per address (LOGIN_FAILURES_*), shared by every API process.',
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
  @UseInterceptors(SignInLimitInterceptor)
  @ApiOkResponse({
    type: TokenPairDto,
    description:
      '401 wrong password, unknown or locked account (one answer for the three); 403 disabled (right password); 429 too many failures (Retry-After).',
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
