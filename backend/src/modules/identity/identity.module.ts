import { createSecretKey } from 'node:crypto';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { Queue } from 'bullmq';

import { Env } from '../../config/env';
import { ACTOR_RESOLVER } from '../../platform/access';
import { Deadlines, QUEUES } from '../../platform/queue';
import { RegionsModule } from '../regions';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { PasswordChangeRequiredInterceptor } from './http/password-change-required';
import { ResidentsController } from './http/residents.controller';
import { AuthRateGuard, SignInLimitInterceptor } from './http/sign-in-limits';
import { UsersController } from './http/users.controller';
import { AccountUnlockJob } from './jobs/account-unlock.job';
import { IdentityPurgeJob } from './jobs/purge.job';
import { IdentityActorResolver } from './services/actor-resolver.service';
import { AuthService } from './services/auth.service';
import { IdentityDeskProvider } from './services/identity-desk.provider';
import { PasswordChangeGate } from './services/password-change-gate';
import { PasswordHasher } from './services/password-hasher';
import { PasswordsService } from './services/passwords.service';
import { PeopleDirectory } from './services/people-directory.service';
import { ResidentsService } from './services/residents.service';
import { SignInLimiter } from './services/sign-in-limiter';
import { TokenService } from './services/token.service';
import { UserPreferences } from './services/user-preferences.service';
import { UsersService } from './services/users.service';

@Module({
  imports: [
    RegionsModule,
    BullModule.registerQueue({ name: QUEUES.IDENTITY }),
    JwtModule.registerAsync({
      inject: [Env],
      // A ready secret KeyObject: given a string, jsonwebtoken first tries (and fails) to read it as a
      // public key on every verification — about a fifth of a request's CPU (bench/README.md).
      useFactory: (env: Env) => ({
        secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: 'diandan' },
        verifyOptions: { issuer: 'diandan', algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, MeController, UsersController, ResidentsController],
  providers: [
    AuthService,
    UsersService,
    ResidentsService,
    TokenService,
    PasswordHasher,
    PeopleDirectory,
    AccountUnlockJob,
    UserPreferences,
    IdentityPurgeJob,
    IdentityActorResolver,
    SignInLimiter,
    AuthRateGuard,
    PasswordsService,
    PasswordChangeGate,
    { provide: APP_INTERCEPTOR, useClass: PasswordChangeRequiredInterceptor },
    SignInLimitInterceptor,
    IdentityDeskProvider,
    { provide: ACTOR_RESOLVER, useExisting: IdentityActorResolver },
  ],
  exports: [
    ACTOR_RESOLVER,
    UsersService,
    ResidentsService,
    PasswordHasher,
    PeopleDirectory,
    AccountUnlockJob,
    UserPreferences,
    IdentityPurgeJob,
    SignInLimiter,
    AuthRateGuard,
  ],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly unlock: AccountUnlockJob,
    private readonly purge: IdentityPurgeJob,
    @InjectQueue(QUEUES.IDENTITY) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.unlock.source());
    this.deadlines.registerSource(this.purge.source());
  }
}
