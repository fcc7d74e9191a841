import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';

/** Lists every route handler that has neither `@Public()` nor `@RequirePermission()`. */
export function findUndeclaredRoutes(
  controllers: Array<{ name: string; prototype: object; classRef: object }>,
  reflector: Reflector,
  scanner: MetadataScanner,
): string[] {
  const out: string[] = [];
  for (const c of controllers) {
    for (const method of scanner.getAllMethodNames(c.prototype)) {
      const handler = (c.prototype as Record<string, unknown>)[method] as object;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const targets = [handler as (...a: unknown[]) => unknown, c.classRef as new () => unknown];
      const declared =
        reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true ||
        reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets) !== undefined;
      if (!declared) out.push(`${c.name}.${method}`);
    }
  }
  return out;
}

/** Boot-time check: the process refuses to start if any endpoint lacks an access decision. */
@Injectable()
export class RouteGuardCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const controllers = this.discovery
      .getControllers()
      .filter((w) => w.metatype && w.instance)
      .map((w) => ({
        name: w.name,
        prototype: Object.getPrototypeOf(w.instance) as object,
        classRef: w.metatype as object,
      }));
    const missing = findUndeclaredRoutes(controllers, this.reflector, this.scanner);
    if (missing.length > 0) {
      throw new Error(`Endpoints without @Public() or @RequirePermission(): ${missing.join(', ')}`);
    }
  }
}
