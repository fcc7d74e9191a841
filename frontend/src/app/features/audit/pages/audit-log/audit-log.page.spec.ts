import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import localeZh from '@angular/common/locales/zh';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { provideNzIconsTesting } from 'ng-zorro-antd/icon/testing';

import type { AuditChainState, AuditEvent, AuditVerifyResult, Me } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TokenStore } from '../../../../core/auth/token-store';
import AuditLogPage from './audit-log.page';

const AUDITOR: Me = {
  id: 9,
  username: 'auditor',
  displayName: '市监督员',
  phone: null,
  roles: ['AUDITOR'],
  permissions: [PERMISSIONS.AUDIT_READ, PERMISSIONS.AUDIT_VERIFY],
  region: { id: 1, code: '320100000000', name: '南京市', level: 'CITY', path: '/1/' },
  organisation: null,
};

const event = (seq: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  seq,
  occurredAt: '2026-12-11T16:00:00.000Z',
  actorId: 3,
  actorUsername: 'officer',
  actorDisplayName: '鼓楼采购专员',
  actorRoles: ['PROCUREMENT_OFFICER'],
  ip: '10.0.0.8',
  action: 'procurement.tender.published',
  entityType: 'tender',
  entityId: '5',
  regionPath: '/1/2/',
  before: { status: 'DRAFT', title: '助餐服务' },
  after: { status: 'PUBLISHED', title: '助餐服务' },
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  ...over,
});

const STATE: AuditChainState = {
  headSeq: 120,
  headHash: 'a'.repeat(64),
  checkpointsEnabled: true,
  lastCheckpoint: { id: 4, seq: 118, at: '2026-12-11T15:30:00.000Z' },
  unanchoredEvents: 2,
  lastVerification: null,
};

const BROKEN: AuditVerifyResult = {
  ok: false,
  checked: 120,
  headSeq: 120,
  firstBrokenSeq: 7,
  reason: 'HASH_MISMATCH',
  breaks: [
    { seq: 7, reason: 'HASH_MISMATCH' },
    { seq: 118, reason: 'CHECKPOINT_MISMATCH', checkpointId: 4 },
  ],
  breakCount: 2,
  breaksTruncated: false,
  checkpoints: { verified: true, checked: 4, published: 4, latest: STATE.lastCheckpoint, keyId: 'abcd' },
};

describe('AuditLogPage', () => {
  let http: HttpTestingController;

  beforeAll(() => registerLocaleData(localeZh, 'zh-CN'));

  async function open(items: AuditEvent[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIconsTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(TokenStore).save({ accessToken: 'a', refreshToken: 'r' });
    TestBed.inject(AuthService).loadMe().subscribe();
    http.expectOne('/api/v1/me').flush(AUDITOR);
    const fixture = TestBed.createComponent(AuditLogPage);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/v1/audit').flush({ items, total: items.length, page: 1, pageSize: 20 });
    http.expectOne('/api/v1/audit/state').flush(STATE);
    await fixture.whenStable();
    return { el: fixture.nativeElement as HTMLElement, whenStable: () => fixture.whenStable() };
  }

  const text = (el: Element | null): string => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The changed fields shown for an event: one `field | before | after` line per row. */
  const diffRows = (el: HTMLElement, seq: number): string[] =>
    Array.from(el.querySelectorAll(`[data-testid^="audit-diff-${seq}-"]`), (row) =>
      Array.from(row.children, (cell) => text(cell)).join(' | '),
    );

  it('shows actions in words, operators by name, and times in Beijing time', async () => {
    const { el } = await open([event(12)]);
    expect(text(el.querySelector('[data-testid="audit-action-12"]'))).toBe('发布采购公告 procurement.tender.published');
    expect(text(el.querySelector('[data-testid="audit-actor-12"]'))).toBe('鼓楼采购专员 officer');
    expect(text(el.querySelector('[data-testid="audit-row-12"]'))).toContain('2026-12-12 00:00:00');
  });

  it('shows the chain state with the latest checkpoint', async () => {
    const { el } = await open([]);
    expect(text(el.querySelector('[data-testid="audit-state-checkpoint"]'))).toBe('#4：第 118 条，2026-12-11 23:30:00');
    expect(text(el.querySelector('[data-testid="audit-state-unanchored"]'))).toBe('2');
  });

  it('opens an event on what changed only, old → new', async () => {
    const { el, whenStable } = await open([event(12)]);
    (el.querySelector('[data-testid="audit-row-12"] td') as HTMLElement).click();
    await whenStable();
    expect(diffRows(el, 12)).toEqual(['status | DRAFT | PUBLISHED']);
  });

  it('lists every broken link after verification, each leading to its event', async () => {
    const { el, whenStable } = await open([event(12)]);
    (el.querySelector('[data-testid="audit-verify"]') as HTMLElement).click();
    http.expectOne('/api/v1/audit/verify').flush(BROKEN);
    http.expectOne('/api/v1/audit/state').flush({ ...STATE, lastVerification: null });
    await whenStable();
    const result = el.querySelector('[data-testid="audit-verify-result"]') as HTMLElement;
    expect(result.getAttribute('data-ok')).toBe('false');
    expect(text(result)).toContain('发现 2 处问题（共校验 120 条记录）');
    expect(text(el.querySelector('[data-testid="audit-break-7"]'))).toBe(
      '第 7 条 — 记录内容与其哈希不符（记录被改动）',
    );
    expect(text(el.querySelector('[data-testid="audit-break-118"]'))).toContain('检查点 #4');

    (el.querySelector('[data-testid="audit-break-link-7"]') as HTMLElement).click();
    const narrowed = http.expectOne((r) => r.url === '/api/v1/audit' && r.params.get('seq') === '7');
    narrowed.flush({
      items: [event(7, { after: { status: 'PUBLISHED', title: '改过的' } })],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    await whenStable();
    expect(TestBed.inject(Router).url).toBe('/?seq=7');
    // the event of the broken link is open at once
    expect(diffRows(el, 7)).toEqual(['status | DRAFT | PUBLISHED', 'title | 助餐服务 | 改过的']);
  });
});
