import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { Env } from '../../../config/env';
import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { BoardSessionService } from '../services/board-session.service';

export class BoardSessionDto {
  @ApiProperty({ example: '/api/v1/queues/board', description: 'Where the board is; the cookie is valid there only.' })
  url!: string;

  @ApiProperty({ example: 600, description: 'Seconds until the cookie expires (QUEUE_BOARD_SESSION_SECONDS).' })
  expiresIn!: number;
}

@ApiTags('queues')
@Controller('v1/queues')
export class BoardSessionController {
  constructor(
    private readonly sessions: BoardSessionService,
    private readonly env: Env,
  ) {}

  /**
   * Opens the queue board for the signed-in administrator: sets a short-lived, HttpOnly, SameSite=Strict cookie
   * scoped to the board's path, holding a token bound to this session (a browser tab opening the board sends no
   * bearer header). Takes no body.
   */
  @Post('board-session')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.QUEUES_READ)
  @ApiOkResponse({ type: BoardSessionDto, description: 'The cookie is set (`Set-Cookie`); open `url`.' })
  async open(
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BoardSessionDto> {
    const { cookie, url } = await this.sessions.open(actor, req.secure);
    res.setHeader('Set-Cookie', cookie);
    return { url, expiresIn: this.env.QUEUE_BOARD_SESSION_SECONDS };
  }
}
