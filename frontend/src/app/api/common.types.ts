/** `{ items, total, page, pageSize }`: the shape of every paginated list (docs/api.md, "Lists"). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
  sort?: string;
}

/** One entry of `errors[]` in a 400 problem. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details as rendered by the backend's global filter. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** `YYYY-MM-DD`, a calendar date in Asia/Shanghai. */
export type IsoDate = string;
/** ISO-8601 instant in UTC. */
export type IsoInstant = string;

/** Money in yuan as a decimal string with two decimals, e.g. `"12345.67"` (never a float). */
export type Money = string;
