export type OrganisationKind = 'SOCIAL_ORGANISATION' | 'EVALUATION_AGENCY';

export interface Organisation {
  id: number;
  name: string;
  kind: OrganisationKind;
  /** 统一社会信用代码 */
  creditCode: string;
  regionId: number;
}
