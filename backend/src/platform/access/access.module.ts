import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { RouteGuardCheck } from './route-guard-check';

/**
 * Boot-time check that every endpoint declares its access. The global {@link AccessGuard} itself is
 * registered as APP_GUARD in the HTTP app module, next to the identity context that resolves actors.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [RouteGuardCheck],
})
export class AccessModule {}
