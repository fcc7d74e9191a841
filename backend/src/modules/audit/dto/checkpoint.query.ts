import { PageQuery } from '../../../platform/http/pagination';

/** `GET /public/audit/checkpoints`: oldest first, so that a download can resume at the next page. */
export class CheckpointPageQuery extends PageQuery {}
