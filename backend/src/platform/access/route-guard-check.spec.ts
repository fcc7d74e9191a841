import { Controller, Get } from '@nestjs/common';
import { MetadataScanner, Reflector } from '@nestjs/core';

import { Public, RequirePermission } from './decorators';
import { PERMISSIONS } from './permissions';
import { findUndeclaredRoutes } from './route-guard-check';

@Controller('x')
class Mixed {
  @Get('a') @Public() a(): void {}
  @Get('b') @RequirePermission(PERMISSIONS.USERS_READ) b(): void {}
  @Get('c') c(): void {}
  helper(): void {}
}

@Controller('y')
@Public()
class AllPublic {
  @Get() list(): void {}
}

const wrap = (c: new () => unknown) => ({ name: c.name, prototype: c.prototype as object, classRef: c });

describe('findUndeclaredRoutes', () => {
  it('reports only route handlers without an access decision', () => {
    expect(findUndeclaredRoutes([wrap(Mixed), wrap(AllPublic)], new Reflector(), new MetadataScanner())).toEqual([
      'Mixed.c',
    ]);
  });
});
