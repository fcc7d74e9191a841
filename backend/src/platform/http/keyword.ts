import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Longest keyword a list accepts: enough for a name or a title, short enough to keep `LIKE` cheap. */
export const KEYWORD_MAX = 50;

/**
 * `?q=` on a list: part of a title or name, trimmed, at most KEYWORD_MAX characters (400 beyond). An
 * empty keyword is no filter. The lists that take it are bounded by the caller's scope and the page size.
 */
export function IsKeyword(description = 'Part of the title'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, maxLength: KEYWORD_MAX }),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      return trimmed === '' ? undefined : trimmed;
    }),
    IsOptional(),
    IsString(),
    MaxLength(KEYWORD_MAX),
  ) as PropertyDecorator;
}

/** A `LIKE` pattern matching `keyword` anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(keyword: string): string {
  return `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `?status=A,B` on a list: one status or several, comma-separated, each from `allowed` (so a list can
 * open on what is still active). Arrives as an array of distinct values.
 */
export function IsStatusList(allowed: readonly string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: 'One status, or several separated by commas',
      example: allowed.slice(0, 2).join(','),
    }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string'
        ? [
            ...new Set(
              value
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ]
        : value,
    ),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(allowed.length),
    IsIn(allowed, { each: true }),
  ) as PropertyDecorator;
}
