import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

import { Env } from '../../../config/env';
import { TokenService } from './token.service';

describe('TokenService: access tokens and scoped tokens never stand in for each other', () => {
  const jwt = new JwtService({
    secret: createSecretKey(Buffer.from('x'.repeat(31) + 'y', 'utf8')),
    signOptions: { algorithm: 'HS256', issuer: 'diandan' },
    verifyOptions: { issuer: 'diandan', algorithms: ['HS256'] },
  });
  const tokens = new TokenService(
    jwt,
    Object.assign(Object.create(Env.prototype) as Env, { ACCESS_TOKEN_TTL_SECONDS: 900 }),
  );
  const claims = { sub: 7, sid: '00000000-0000-4000-8000-000000000001' };

  it('verifies a scoped token for its audience only', async () => {
    const board = await tokens.issueScoped(claims, 'queue-board', 60);
    expect(await tokens.verifyScoped(board, 'queue-board')).toEqual(claims);
    expect(await tokens.verifyScoped(board, 'something-else')).toBeNull();
    expect(await tokens.verifyScoped(`${board}x`, 'queue-board')).toBeNull();
  });

  it('never takes a scoped token as an access token, nor an access token as a scoped one', async () => {
    const board = await tokens.issueScoped(claims, 'queue-board', 60);
    expect(await tokens.verifyAccess(board)).toBeNull();
    const access = await jwt.signAsync(claims, { expiresIn: 900 });
    expect(await tokens.verifyAccess(access)).toEqual(claims);
    expect(await tokens.verifyScoped(access, 'queue-board')).toBeNull();
  });

  it('lets a scoped token expire', async () => {
    const expired = await jwt.signAsync(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 1 },
      { audience: 'queue-board' },
    );
    expect(await tokens.verifyScoped(expired, 'queue-board')).toBeNull();
  });
});
