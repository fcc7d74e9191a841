import type { AttributeDef, CreateNeedRequest } from '../../../api';
import { toAttributeValues } from '../../catalogue';

/** The need form as it holds its values (tree-select keys are strings). */
export interface NeedFormValue {
  campaignId: number | null;
  categoryId: string;
  communityId: string;
  title: string;
  description: string;
  location: string;
  offlineName: string;
  offlinePhone: string;
}

/** The API's limits (backend SubmitNeedDto). */
export const NEED_TITLE_MIN = 2;
export const NEED_TITLE_MAX = 100;
export const NEED_DESCRIPTION_MAX = 2000;
export const NEED_LOCATION_MAX = 200;
export const OFFLINE_NAME_MAX = 64;
export const OFFLINE_PHONE_PATTERN = /^\+?[0-9]{6,19}$/;

/**
 * The body of `POST /needs`. `proxy`: a community worker enters it for an offline resident (代录),
 * sending the resident's name and phone, and their community when the campaign covers a street.
 */
export function toNeedRequest(
  v: NeedFormValue,
  attributes: readonly AttributeDef[],
  attributeValues: Readonly<Record<string, unknown>>,
  proxy: boolean,
): CreateNeedRequest {
  return {
    campaignId: Number(v.campaignId),
    categoryId: Number(v.categoryId),
    title: v.title.trim(),
    description: v.description.trim(),
    attributes: toAttributeValues(attributes, attributeValues),
    location: v.location.trim(),
    ...(proxy ? { offlineName: v.offlineName.trim(), offlinePhone: v.offlinePhone.trim() } : {}),
    ...(proxy && v.communityId ? { communityId: Number(v.communityId) } : {}),
  };
}
