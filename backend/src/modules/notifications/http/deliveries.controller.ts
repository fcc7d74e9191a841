import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { AcceptLanguage } from '../../../platform/i18n';
import {
  DeliveriesQuery,
  DeliveryDto,
  DeliveryIdParam,
  DeliveryPageDto,
  RetriedDto,
  RetryFailedDto,
} from '../dto/deliveries.dto';
import { DeliveriesService } from '../services/deliveries.service';

@ApiTags('notifications')
@Controller('v1/notifications/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.DELIVERIES_MANAGE)
  @ApiOkResponse({
    type: DeliveryPageDto,
    description: 'Deliveries to users of my subtree, FAILED unless `status` says',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() q: DeliveriesQuery,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<DeliveryPageDto> {
    return this.deliveries.list(actor, q, acceptLanguage);
  }

  @Post('retry-failed')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.DELIVERIES_MANAGE)
  @ApiOkResponse({ type: RetriedDto, description: `Every FAILED delivery of my subtree (at most 500 per call)` })
  retryFailed(@CurrentActor() actor: Actor, @Body() dto: RetryFailedDto): Promise<RetriedDto> {
    return this.deliveries.retryFailed(actor, dto.channel);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.DELIVERIES_MANAGE)
  @ApiOkResponse({ type: DeliveryDto, description: '409 NOTIFICATIONS_DELIVERY_ILLEGAL_TRANSITION unless FAILED' })
  retry(
    @CurrentActor() actor: Actor,
    @Param() p: DeliveryIdParam,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<DeliveryDto> {
    return this.deliveries.retry(actor, p.id, acceptLanguage);
  }
}
