import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Digits only become a number; anything else stays a string and fails validation (400). */
export const toIntParam = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

/** `:id` path parameter: a positive 32-bit integer. */
export class IdParam {
  @Transform(toIntParam)
  @IsInt()
  @Min(1)
  @Max(2147483647)
  id!: number;
}
