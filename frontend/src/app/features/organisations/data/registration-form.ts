import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { NzTreeNodeOptions } from 'ng-zorro-antd/core/tree';

import type { OrganisationKind, OrgType, RegionNode, RegisterOrganisationRequest } from '../../../api';
import { regionLabel } from '../../regions';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';

export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/;
export const PHONE_PATTERN = /^\+?[0-9][0-9-]{5,19}$/;
export const PASSWORD_MIN = 8;

/** `{ creditCode: 'length' | 'characters' | 'checkCharacter' }` when the code is not a valid GB 32100 code. */
export const creditCodeValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value !== 'string' || value.trim() === '') return null; // `required` speaks for empty fields
  const problem = creditCodeProblem(value);
  return problem === null ? null : { creditCode: problem };
};

/** On the form group: the two passwords differ. */
export const passwordsMatch: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const password: unknown = group.get('password')?.value;
  const confirm: unknown = group.get('confirmPassword')?.value;
  return confirm === '' || password === confirm ? null : { passwordsDiffer: true };
};

export interface RegistrationFormValue {
  kind: OrganisationKind;
  orgType: OrgType | null;
  name: string;
  creditCode: string;
  regionId: string | null;
  legalRepresentative: string;
  contactPhone: string;
  serviceRegionIds: string[];
  username: string;
  displayName: string;
  password: string;
  confirmPassword: string;
}

/** The request body: trimmed texts, the code in capitals without spaces, region ids as numbers. */
export function toRegisterRequest(v: RegistrationFormValue): RegisterOrganisationRequest {
  return {
    name: v.name.trim(),
    kind: v.kind,
    orgType: v.orgType ?? 'SOCIAL_SERVICE_AGENCY',
    creditCode: normaliseCreditCode(v.creditCode),
    regionId: Number(v.regionId),
    legalRepresentative: v.legalRepresentative.trim(),
    contactPhone: v.contactPhone.trim(),
    serviceRegionIds: [...new Set(v.serviceRegionIds.map(Number))],
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    password: v.password,
  };
}

/** Tree nodes for the registered region: only districts and streets can be chosen. */
export function registrableRegionNodes(regions: readonly RegionNode[]): NzTreeNodeOptions[] {
  return regions.map((region) => ({
    key: String(region.id),
    title: regionLabel(region),
    expanded: region.level === 'CITY',
    disabled: region.level !== 'DISTRICT' && region.level !== 'STREET',
    isLeaf: region.level === 'STREET' || (region.children ?? []).length === 0,
    region,
    // communities are not registration places: the street is the lowest
    children: region.level === 'STREET' ? [] : registrableRegionNodes(region.children ?? []),
  }));
}
