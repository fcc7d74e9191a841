import { FormControl, FormGroup } from '@angular/forms';

import type { RegionNode } from '../../../api';
import { creditCodeValidator, passwordsMatch, registrableRegionNodes, toRegisterRequest } from './registration-form';

const node = (id: number, level: RegionNode['level'], children: RegionNode[] = []): RegionNode => ({
  id,
  code: String(id).padStart(12, '0'),
  name: `r${id}`,
  level,
  path: `/${id}/`,
  parentId: null,
  children,
});

describe('registration form', () => {
  it('flags a wrong check character and leaves empty fields to `required`', () => {
    expect(creditCodeValidator(new FormControl('91350100M000100Y44'))).toEqual({ creditCode: 'checkCharacter' });
    expect(creditCodeValidator(new FormControl('91350100m000100y43'))).toBeNull();
    expect(creditCodeValidator(new FormControl(''))).toBeNull();
  });

  it('notices two different passwords', () => {
    const group = new FormGroup({
      password: new FormControl('Abcdefgh1'),
      confirmPassword: new FormControl('Abcdefgh2'),
    });
    expect(passwordsMatch(group)).toEqual({ passwordsDiffer: true });
    group.controls.confirmPassword.setValue('Abcdefgh1');
    expect(passwordsMatch(group)).toBeNull();
  });

  it('builds the request: trimmed, the code normalised, ids as numbers', () => {
    expect(
      toRegisterRequest({
        kind: 'SOCIAL_ORGANISATION',
        orgType: 'FOUNDATION',
        name: ' 乐善基金会 ',
        creditCode: '9135 0100m000100y43',
        regionId: '2',
        legalRepresentative: ' 周明 ',
        contactPhone: '025-83000000',
        serviceRegionIds: ['2', '10', '2'],
        username: 'lexin',
        displayName: '周明',
        password: 'Lexin@2026-reg',
        confirmPassword: 'Lexin@2026-reg',
      }),
    ).toEqual({
      kind: 'SOCIAL_ORGANISATION',
      orgType: 'FOUNDATION',
      name: '乐善基金会',
      creditCode: '91350100M000100Y43',
      regionId: 2,
      legalRepresentative: '周明',
      contactPhone: '025-83000000',
      serviceRegionIds: [2, 10],
      username: 'lexin',
      displayName: '周明',
      password: 'Lexin@2026-reg',
    });
  });

  it('lets only districts and streets be chosen as the place of registration', () => {
    const tree = [node(1, 'CITY', [node(2, 'DISTRICT', [node(3, 'STREET', [node(4, 'COMMUNITY')])])])];
    const [city] = registrableRegionNodes(tree);
    const district = city.children?.[0];
    const street = district?.children?.[0];
    expect([city.disabled, district?.disabled, street?.disabled]).toEqual([true, false, false]);
    expect(street?.children).toEqual([]);
    expect(street?.isLeaf).toBe(true);
  });
});
