import { createSecretKey } from 'node:crypto';
import { BullModule, InjectQueue } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { Queue } from 'bullmq';

import { Env } from '../../config/env';
import { ACTOR_RESOLVER } from '../../platform/access';
import { Deadlines, QUEUES } from '../../platform/queue';
import { RegionsModule } from '../regions';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { ResidentsController } from './http/residents.controller';
import { UsersController } from './http/users.controller';
import { AccountUnlockJob } from './jobs/account-unlock.job';
import { IdentityActorResolver } from './services/actor-resolver.service';
import { AuthService } from './services/auth.service';
import { IdentityDeskProvider } from './services/identity-desk.provider';
import { PasswordHasher } from './services/password-hasher';
import { PeopleDirectory } from './services/people-directory.service';
import { ResidentsService } from './services/residents.service';
import { TokenService } from './services/token.service';
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
    ThrottlerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => [
        { name: 'auth', ttl: env.AUTH_RATE_WINDOW_SECONDS * 1000, limit: env.AUTH_RATE_LIMIT },
      ],
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
    IdentityActorResolver,
    IdentityDeskProvider,
    { provide: ACTOR_RESOLVER, useExisting: IdentityActorResolver },
  ],
  exports: [ACTOR_RESOLVER, UsersService, ResidentsService, PasswordHasher, PeopleDirectory, AccountUnlockJob],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly deadlines: Deadlines,
    private readonly unlock: AccountUnlockJob,
    @InjectQueue(QUEUES.IDENTITY) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.deadlines.registerQueue(this.queue);
    this.deadlines.registerSource(this.unlock.source());
  }
}
