import { moveSelfDeclaredGrades } from '../../../migrations/1764000510400-organisations-grades-are-decisions';
import { AuditService } from '../../src/modules/audit';
import { OrganisationsService } from '../../src/modules/organisations';
import { creditCodeCheckChar } from '../../src/modules/organisations/domain/credit-code';
import { TendersService } from '../../src/modules/procurement';
import { SYSTEM_ACTOR } from '../../src/platform/access';
import { parseParams, renderMessage } from '../../src/platform/i18n';
import { bearer, count, createTestApp, login, regionId, TestApp } from '../support/test-app';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let serial = 0;

/** A fresh, valid unified social credit code (52 = social organisation, 320106 = 鼓楼区). */
function newCreditCode(): string {
  serial++;
  const tail = `${Date.now().toString(36).toUpperCase()}${serial}`
    .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
    .slice(-7)
    .padStart(7, '0');
  const first17 = `52320106MJ${tail}`;
  return first17 + creditCodeCheckChar(first17);
}

function withWrongCheckChar(code: string): string {
  const right = code[17];
  return code.slice(0, 17) + ALPHABET[(ALPHABET.indexOf(right) + 1) % ALPHABET.length];
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

describe('organisation registry: registration, review, members, documents', () => {
  let t: TestApp;
  let officer: string;
  let xwOfficer: string;
  let gulou: number;
  let xuanwu: number;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await bearer(t, 'officer');
    xwOfficer = await bearer(t, 'xw_officer');
    gulou = await regionId(t.ds, '320106000000');
    xuanwu = await regionId(t.ds, '320102000000');
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    Promise.all(
      ['organisations', 'users', 'user_roles', 'organisation_service_areas', 'audit_events'].map((x) => count(t.ds, x)),
    );

  function registration(overrides: Record<string, unknown> = {}) {
    serial++;
    return {
      name: `南京市鼓楼区测试社会工作服务中心${serial}`,
      kind: 'SOCIAL_ORGANISATION',
      orgType: 'SOCIAL_SERVICE_AGENCY',
      creditCode: newCreditCode(),
      regionId: gulou,
      legalRepresentative: '周明',
      contactPhone: '025-83000000',
      serviceRegionIds: [gulou],
      username: `org_${Date.now().toString(36)}_${serial}`,
      displayName: '周明',
      password: 'Lexin@2026-reg',
      ...overrides,
    };
  }

  async function register(overrides: Record<string, unknown> = {}) {
    const body = registration(overrides);
    const res = await t.http().post('/api/v1/organisations/register').send(body);
    expect(res.status).toBe(201);
    return { id: res.body.organisationId as number, username: body.username, password: body.password };
  }

  async function memberToken(username: string, password: string): Promise<string> {
    return `Bearer ${(await login(t, username, password)).accessToken}`;
  }

  describe('registration', () => {
    it('refuses a credit code with a wrong check character with 400 naming the field, and writes nothing', async () => {
      const before = await snapshot();
      const res = await t
        .http()
        .post('/api/v1/organisations/register')
        .send(registration({ creditCode: withWrongCheckChar(newCreditCode()) }));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field: 'creditCode', message: expect.stringContaining('check character') }]);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a credit code already registered with 409, and writes nothing', async () => {
      const [{ credit_code }] = await t.ds.query(
        "SELECT credit_code FROM organisations WHERE name = '南京市鼓楼区阳光养老服务中心'",
      );
      const before = await snapshot();
      const res = await t
        .http()
        .post('/api/v1/organisations/register')
        .send(registration({ creditCode: credit_code }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'ORGANISATIONS_CREDIT_CODE_TAKEN', errors: [{ field: 'creditCode' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a username already taken with 409, and leaves no organisation behind', async () => {
      const before = await snapshot();
      const res = await t
        .http()
        .post('/api/v1/organisations/register')
        .send(registration({ username: 'orgmember' }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('IDENTITY_USERNAME_TAKEN');
      expect(await snapshot()).toEqual(before);
    });

    it('registers at a district or a street only, with the password policy of identity (422 naming the field)', async () => {
      const before = await snapshot();
      const community = await t
        .http()
        .post('/api/v1/organisations/register')
        .send(registration({ regionId: await regionId(t.ds, '320106002001') }));
      expect(community.status).toBe(422);
      expect(community.body.errors).toEqual([{ field: 'regionId', message: expect.any(String) }]);
      const weak = await t
        .http()
        .post('/api/v1/organisations/register')
        .send(registration({ password: 'password' }));
      expect(weak.status).toBe(422);
      expect(weak.body).toMatchObject({ code: 'IDENTITY_PASSWORD_POLICY', errors: [{ field: 'password' }] });
      const unknownArea = await t
        .http()
        .post('/api/v1/organisations/register')
        .send(registration({ serviceRegionIds: [999999] }));
      expect(unknownArea.status).toBe(422);
      expect(unknownArea.body.errors[0].field).toBe('serviceRegionIds');
      expect(await snapshot()).toEqual(before);
    });

    it('creates a PENDING_REVIEW organisation and its member, who signs in at once and sees the status', async () => {
      const body = registration({ creditCode: newCreditCode().toLowerCase() });
      const res = await t.http().post('/api/v1/organisations/register').send(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        organisationId: expect.any(Number),
        status: 'PENDING_REVIEW',
        username: body.username,
      });
      const member = await memberToken(body.username, body.password);
      const me = await t.http().get('/api/v1/me').set('Authorization', member);
      expect(me.body.roles).toEqual(['ORG_MEMBER']);
      expect(me.body.organisation).toEqual({
        id: res.body.organisationId,
        name: body.name,
        kind: 'SOCIAL_ORGANISATION',
        status: 'PENDING_REVIEW',
      });
      const mine = await t.http().get('/api/v1/my/organisation').set('Authorization', member);
      expect(mine.body).toMatchObject({
        status: 'PENDING_REVIEW',
        creditCode: body.creditCode.toUpperCase(),
        orgType: 'SOCIAL_SERVICE_AGENCY',
        serviceAreas: [{ id: gulou, name: '鼓楼区' }],
        actions: [],
      });
      const [ev] = await t.ds.query(
        "SELECT actor_username FROM audit_events WHERE action = 'organisations.organisation.registered' AND entity_id = ?",
        [String(res.body.organisationId)],
      );
      expect(ev.actor_username).toBe(body.username);
    });

    it('gives the first member of an evaluation agency the EVALUATOR role', async () => {
      const body = registration({ kind: 'EVALUATION_AGENCY' });
      expect((await t.http().post('/api/v1/organisations/register').send(body)).status).toBe(201);
      const me = await t
        .http()
        .get('/api/v1/me')
        .set('Authorization', await memberToken(body.username, body.password));
      expect(me.body.roles).toEqual(['EVALUATOR']);
    });

    it('serves the region tree to the public form', async () => {
      const res = await t.http().get('/api/v1/organisations/register/regions');
      expect(res.status).toBe(200);
      expect(res.body[0]).toMatchObject({ name: '南京市', level: 'CITY' });
      expect((res.body[0].children as Array<{ name: string }>).map((c) => c.name)).toEqual(
        expect.arrayContaining(['鼓楼区', '玄武区']),
      );
    });
  });

  describe('review by the officer of the region', () => {
    it('returns with reasons, the member edits and resubmits, the officer approves; each step audited', async () => {
      const body = registration();
      const { organisationId: id } = (await t.http().post('/api/v1/organisations/register').send(body)).body as {
        organisationId: number;
      };
      const member = await memberToken(body.username, body.password);

      const queue = await t
        .http()
        .get('/api/v1/organisations?status=PENDING_REVIEW&pageSize=100')
        .set('Authorization', officer);
      expect(queue.status).toBe(200);
      expect((queue.body.items as Array<{ id: number }>).map((o) => o.id)).toContain(id);
      const detail = await t.http().get(`/api/v1/organisations/${id}`).set('Authorization', officer);
      expect(detail.body.actions).toEqual(['APPROVE', 'RETURN']);

      const returned = await t
        .http()
        .post(`/api/v1/organisations/${id}/return`)
        .set('Authorization', officer)
        .send({ reason: '请上传登记证书' });
      expect(returned.status).toBe(200);
      expect(returned.body).toMatchObject({ status: 'RETURNED', statusReason: '请上传登记证书' });
      expect((await t.http().get('/api/v1/my/organisation').set('Authorization', member)).body).toMatchObject({
        status: 'RETURNED',
        statusReason: '请上传登记证书',
        actions: ['RESUBMIT'],
      });

      const edited = await t
        .http()
        .patch('/api/v1/my/organisation')
        .set('Authorization', member)
        .send({ name: `${body.name}（更正）`, legalRepresentative: '周明明' });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ name: `${body.name}（更正）`, legalRepresentative: '周明明' });
      const resubmitted = await t.http().post('/api/v1/my/organisation/resubmit').set('Authorization', member);
      expect(resubmitted.body.status).toBe('PENDING_REVIEW');

      const approved = await t
        .http()
        .post(`/api/v1/organisations/${id}/approve`)
        .set('Authorization', officer)
        .send({});
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'ACTIVE', statusReason: null, actions: ['SUSPEND', 'BLACKLIST'] });
      const again = await t.http().post(`/api/v1/organisations/${id}/approve`).set('Authorization', officer).send({});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ORGANISATION_ILLEGAL_TRANSITION');

      const actions = (await t.ds.query(
        "SELECT action FROM audit_events WHERE entity_type = 'organisation' AND entity_id = ? ORDER BY seq",
        [String(id)],
      )) as Array<{ action: string }>;
      expect(actions.map((a) => a.action)).toEqual([
        'organisations.organisation.registered',
        'organisations.organisation.returned',
        'organisations.organisation.updated',
        'organisations.organisation.resubmitted',
        'organisations.organisation.approved',
      ]);
      const record = await t.http().get(`/api/v1/organisations/${id}/record`).set('Authorization', officer);
      expect(record.body).toMatchObject({ total: 1, items: [{ kind: 'APPROVAL' }] });
      expect((await t.http().get('/api/v1/my/organisation/record').set('Authorization', member)).body.total).toBe(1);
    });

    it("hides a Gulou registration from Xuanwu's officer (404, as a missing one) until it is ACTIVE, and never lets them decide on it", async () => {
      const { id } = await register();
      for (const path of [
        `/api/v1/organisations/${id}`,
        `/api/v1/organisations/${id}/record`,
        `/api/v1/organisations/${id}/documents`,
      ]) {
        const res = await t.http().get(path).set('Authorization', xwOfficer);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      const missing = await t
        .http()
        .post('/api/v1/organisations/999999/approve')
        .set('Authorization', xwOfficer)
        .send({});
      const foreign = await t
        .http()
        .post(`/api/v1/organisations/${id}/approve`)
        .set('Authorization', xwOfficer)
        .send({});
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe(missing.body.code);
      const list = await t
        .http()
        .get('/api/v1/organisations?pageSize=100&sort=-createdAt')
        .set('Authorization', xwOfficer);
      expect((list.body.items as Array<{ id: number }>).map((o) => o.id)).not.toContain(id);

      await t.http().post(`/api/v1/organisations/${id}/approve`).set('Authorization', officer).send({}).expect(200);
      // an ACTIVE organisation is readable by every officer, but decisions stay with its own region
      expect((await t.http().get(`/api/v1/organisations/${id}`).set('Authorization', xwOfficer)).body).toMatchObject({
        status: 'ACTIVE',
        actions: [],
      });
      expect(
        (
          await t
            .http()
            .post(`/api/v1/organisations/${id}/suspend`)
            .set('Authorization', xwOfficer)
            .send({ reason: '跨区测试理由' })
        ).status,
      ).toBe(404);
      expect((await t.ds.query('SELECT status FROM organisations WHERE id = ?', [id]))[0].status).toBe('ACTIVE');
    });

    it('lists a Xuanwu registration to its officer and not to Gulou', async () => {
      const { id } = await register({ regionId: xuanwu, serviceRegionIds: [xuanwu] });
      const ids = async (token: string) =>
        (
          (await t.http().get('/api/v1/organisations?status=PENDING_REVIEW&pageSize=100').set('Authorization', token))
            .body.items as Array<{ id: number }>
        ).map((o) => o.id);
      expect(await ids(xwOfficer)).toContain(id);
      expect(await ids(officer)).not.toContain(id);
    });

    it('suspends and reinstates; blacklists for 1 to 3 years only, and a blacklisting is never lifted early', async () => {
      const { id } = await register();
      await t.http().post(`/api/v1/organisations/${id}/approve`).set('Authorization', officer).send({}).expect(200);
      expect(
        (
          await t
            .http()
            .post(`/api/v1/organisations/${id}/suspend`)
            .set('Authorization', officer)
            .send({ reason: '服务质量投诉调查中' })
        ).body,
      ).toMatchObject({ status: 'SUSPENDED', statusReason: '服务质量投诉调查中' });
      expect(
        (await t.http().post(`/api/v1/organisations/${id}/reinstate`).set('Authorization', officer).send({})).body
          .status,
      ).toBe('ACTIVE');

      const [{ today }] = await t.ds.query(
        "SELECT DATE_FORMAT(CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', '+08:00'), '%Y-%m-%d') AS today",
      );
      const year = Number(String(today).slice(0, 4));
      const tooShort = await t
        .http()
        .post(`/api/v1/organisations/${id}/blacklist`)
        .set('Authorization', officer)
        .send({ reason: '虚假材料', until: `${year}-12-31` });
      expect(tooShort.status).toBe(422);
      expect(tooShort.body.errors).toEqual([{ field: 'until', message: expect.stringContaining('years') }]);
      const tooLong = await t
        .http()
        .post(`/api/v1/organisations/${id}/blacklist`)
        .set('Authorization', officer)
        .send({ reason: '虚假材料', until: `${year + 4}-01-01` });
      expect(tooLong.status).toBe(422);

      const until = `${year + 2}-06-30`;
      const blacklisted = await t
        .http()
        .post(`/api/v1/organisations/${id}/blacklist`)
        .set('Authorization', officer)
        .send({ reason: '提供虚假材料', until });
      expect(blacklisted.status).toBe(200);
      // the blacklisting ends at 24:00 Asia/Shanghai of its last day
      expect(blacklisted.body).toMatchObject({
        status: 'BLACKLISTED',
        statusReason: '提供虚假材料',
        blacklistedUntil: `${until}T16:00:00.000Z`,
        actions: [],
      });
      const reinstate = await t
        .http()
        .post(`/api/v1/organisations/${id}/reinstate`)
        .set('Authorization', officer)
        .send({});
      expect(reinstate.status).toBe(409);
      expect(reinstate.body.code).toBe('ORGANISATION_ILLEGAL_TRANSITION');
      const record = await t.http().get(`/api/v1/organisations/${id}/record`).set('Authorization', officer);
      expect((record.body.items as Array<{ kind: string }>).map((r) => r.kind)).toEqual([
        'BLACKLIST',
        'REINSTATEMENT',
        'SUSPENSION',
        'APPROVAL',
      ]);
      expect(record.body.items[0].summary).toContain(until);
    });
  });

  describe('members see and change only their own organisation', () => {
    it('keeps org A out of org B: documents of B answer 404, the staff routes 403', async () => {
      const a = await bearer(t, 'orgmember');
      const b = await bearer(t, 'orgmember2');
      const uploaded = await t
        .http()
        .post('/api/v1/my/organisation/documents')
        .set('Authorization', a)
        .send({ kind: 'REGISTRATION_CERTIFICATE', fileName: '登记证书.pdf', contentBase64: PDF.toString('base64') });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body).toMatchObject({
        kind: 'REGISTRATION_CERTIFICATE',
        fileName: '登记证书.pdf',
        mime: 'application/pdf',
        size: PDF.length,
      });

      const own = await t
        .http()
        .get(`/api/v1/my/organisation/documents/${uploaded.body.id}`)
        .set('Authorization', a)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(own.status).toBe(200);
      expect(own.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(own.body as Buffer, PDF)).toBe(0);

      const foreign = await t
        .http()
        .get(`/api/v1/my/organisation/documents/${uploaded.body.id}`)
        .set('Authorization', b);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('ORGANISATIONS_DOCUMENT_NOT_FOUND');
      expect(
        (
          (await t.http().get('/api/v1/my/organisation/documents').set('Authorization', b)).body as Array<{
            id: number;
          }>
        ).map((d) => d.id),
      ).not.toContain(uploaded.body.id);

      const [{ organisation_id: orgA }] = await t.ds.query(
        "SELECT organisation_id FROM users WHERE username = 'orgmember'",
      );
      for (const path of [
        `/api/v1/organisations/${orgA}`,
        `/api/v1/organisations/${orgA}/documents`,
        `/api/v1/organisations/${orgA}/record`,
      ]) {
        expect((await t.http().get(path).set('Authorization', b)).status).toBe(403);
      }
      expect(
        (await t.http().post(`/api/v1/organisations/${orgA}/suspend`).set('Authorization', b).send({ reason: 'x' }))
          .status,
      ).toBe(403);
      // what B edits is B's own organisation
      expect((await t.http().get('/api/v1/my/organisation').set('Authorization', b)).body.name).toBe(
        '南京市鼓楼区邻里互助服务社',
      );

      // the officer of the region reads the document
      const list = await t.http().get(`/api/v1/organisations/${orgA}/documents`).set('Authorization', officer);
      expect((list.body as Array<{ id: number }>).map((d) => d.id)).toContain(uploaded.body.id);
      expect(
        (
          await t
            .http()
            .get(`/api/v1/organisations/${orgA}/documents/${uploaded.body.id}`)
            .set('Authorization', officer)
        ).status,
      ).toBe(200);
    });

    it('refuses a document that is not PDF, PNG or JPEG by its content, whatever its name', async () => {
      const a = await bearer(t, 'orgmember');
      const before = await count(t.ds, 'organisation_documents');
      const res = await t
        .http()
        .post('/api/v1/my/organisation/documents')
        .set('Authorization', a)
        .send({
          kind: 'OTHER',
          fileName: 'scan.pdf',
          contentBase64: Buffer.from('<html><script>alert(1)</script>').toString('base64'),
        });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('ORGANISATIONS_DOCUMENT_REJECTED');
      expect(await count(t.ds, 'organisation_documents')).toBe(before);
    });

    it('takes a document of up to 5 MB as base64 JSON, and refuses a larger one with 422 (not a 413)', async () => {
      const org = await register();
      const member = await memberToken(org.username, org.password);
      const big = Buffer.concat([PDF, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
      const ok = await t
        .http()
        .post('/api/v1/my/organisation/documents')
        .set('Authorization', member)
        .send({ kind: 'QUALIFICATION', fileName: 'big.pdf', contentBase64: big.toString('base64') });
      expect(ok.status).toBe(201);
      expect(ok.body.size).toBe(big.length);
      const tooBig = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
      const refused = await t
        .http()
        .post('/api/v1/my/organisation/documents')
        .set('Authorization', member)
        .send({ kind: 'QUALIFICATION', fileName: 'huge.pdf', contentBase64: tooBig.toString('base64') });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('ORGANISATIONS_DOCUMENT_REJECTED');
    });

    it('lets a member add a colleague to their own organisation, who signs in as a member of it', async () => {
      const org = await register();
      const member = await memberToken(org.username, org.password);
      const username = `${org.username}_2`;
      const added = await t
        .http()
        .post('/api/v1/my/organisation/members')
        .set('Authorization', member)
        .send({ username, displayName: '同事', password: 'Colleague@2026' });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ username, roles: ['ORG_MEMBER'], status: 'ACTIVE' });
      const members = await t.http().get('/api/v1/my/organisation/members').set('Authorization', member);
      expect((members.body as Array<{ username: string }>).map((m) => m.username)).toEqual(
        [org.username, username].sort(),
      );
      const me = await t
        .http()
        .get('/api/v1/me')
        .set('Authorization', await memberToken(username, 'Colleague@2026'));
      expect(me.body.organisation.id).toBe(org.id);
      expect(
        (
          await t
            .http()
            .post('/api/v1/my/organisation/members')
            .set('Authorization', member)
            .send({ username: 'orgmember', displayName: 'x', password: 'Colleague@2026' })
        ).status,
      ).toBe(409);
    });

    it('keeps the registration data fixed once active; the grade is not the members’ to set', async () => {
      const org = await register();
      const member = await memberToken(org.username, org.password);
      await t.http().post(`/api/v1/organisations/${org.id}/approve`).set('Authorization', officer).send({}).expect(200);
      const rename = await t
        .http()
        .patch('/api/v1/my/organisation')
        .set('Authorization', member)
        .send({ name: '另一个名称' });
      expect(rename.status).toBe(422);
      expect(rename.body.errors[0].field).toBe('name');

      // issue #9 A6: a member who sets its own grade to 5A is refused, and nothing is written
      const before = await snapshot();
      const self = await t
        .http()
        .patch('/api/v1/my/organisation')
        .set('Authorization', member)
        .send({ grade: 5, gradeExpiresOn: '2030-12-31', bankName: '中国工商银行南京鼓楼支行' });
      expect(self.status).toBe(400);
      expect((self.body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(
        expect.arrayContaining(['grade', 'gradeExpiresOn']),
      );
      expect(await snapshot()).toEqual(before);
      expect((await t.http().get('/api/v1/my/organisation').set('Authorization', member)).body).toMatchObject({
        grade: null,
        gradeValid: false,
      });
      // …and whoever writes the table directly cannot change a grade without a decision (trigger)
      await expect(t.ds.query('UPDATE organisations SET grade = 5 WHERE id = ?', [org.id])).rejects.toThrow(/decision/);

      const profile = await t
        .http()
        .patch('/api/v1/my/organisation')
        .set('Authorization', member)
        .send({
          bankName: '中国工商银行南京鼓楼支行',
          bankAccountName: '测试机构',
          bankAccountNo: '4301010109100999999',
          serviceRegionIds: [gulou, xuanwu],
        });
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({
        bankAccountNo: '4301010109100999999',
        serviceAreas: [{ id: gulou }, { id: xuanwu }],
      });
    });
  });

  describe('grades are proposed by members and decided by the officer of the region', () => {
    async function activeOrganisation() {
      const org = await register();
      await t.http().post(`/api/v1/organisations/${org.id}/approve`).set('Authorization', officer).send({}).expect(200);
      return { ...org, member: await memberToken(org.username, org.password) };
    }

    async function upload(member: string, kind = 'GRADE_CERTIFICATE'): Promise<number> {
      const res = await t
        .http()
        .post('/api/v1/my/organisation/documents')
        .set('Authorization', member)
        .send({ kind, fileName: '评估等级证书.pdf', contentBase64: PDF.toString('base64') });
      expect(res.status).toBe(201);
      return res.body.id as number;
    }

    const propose = (member: string, body: object) =>
      t.http().post('/api/v1/my/organisation/grade-proposals').set('Authorization', member).send(body);

    /** What tender eligibility says about a 鼓楼区 tender asking for `minGrade` (the real caller, not a copy). */
    async function ineligibility(organisationId: number, minGrade: number): Promise<string[]> {
      const [{ path }] = await t.ds.query('SELECT path FROM regions WHERE id = ?', [gulou]);
      const tenders = t.app.get(TendersService);
      return t.ds.transaction(async (em) =>
        tenders.ineligibility(
          em,
          organisationId,
          { regionPath: path, minGrade, designatedOrganisationId: null },
          new Date(),
        ),
      );
    }

    /** The user's messages of a kind as they read them (stored as templates, rendered in zh-CN here). */
    const inbox = async (userIdOf: string, kind: string) =>
      (
        (await t.ds.query(
          'SELECT n.template, n.params FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = ? AND n.kind = ? ORDER BY n.id',
          [userIdOf, kind],
        )) as Array<{ template: string; params: string }>
      ).map((n) => renderMessage(n.template, parseParams(n.params), 'zh-CN'));

    it('a member proposes 4A with its certificate; it counts for tenders only once the officer approves it', async () => {
      const org = await activeOrganisation();
      const doc = await upload(org.member);
      expect((await ineligibility(org.id, 4)).join()).toMatch(/评估等级/);

      const proposed = await propose(org.member, {
        grade: 4,
        expiresOn: '2030-12-31',
        documentId: doc,
        note: '2025 年度评估',
      });
      expect(proposed.status).toBe(201);
      expect(proposed.body).toMatchObject({ grade: 4, expiresOn: '2030-12-31', documentId: doc, status: 'PENDING' });
      const proposalId = proposed.body.id as number;
      // a pending proposal changes nothing for eligibility
      expect((await ineligibility(org.id, 4)).join()).toMatch(/评估等级/);
      expect((await t.http().get('/api/v1/my/organisation').set('Authorization', org.member)).body).toMatchObject({
        grade: null,
        pendingGradeProposal: { id: proposalId, status: 'PENDING' },
        gradeProposalActions: ['WITHDRAW'],
        canProposeGrade: false,
      });
      // one at a time
      const second = await propose(org.member, { grade: 5, expiresOn: '2030-12-31', documentId: doc });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('ORGANISATIONS_GRADE_PROPOSAL_PENDING');
      // the officers of the region are told
      expect((await inbox('officer', 'ORGANISATION_GRADE_PROPOSED')).map((n) => n.title).join()).toContain('4A');
      expect(await inbox('xw_officer', 'ORGANISATION_GRADE_PROPOSED')).toEqual([]);

      // the member cannot decide (no review permission); the Xuanwu officer sees a Gulou organisation but cannot decide
      const approvePath = `/api/v1/organisations/${org.id}/grade-proposals/${proposalId}/approve`;
      expect((await t.http().post(approvePath).set('Authorization', org.member).send({})).status).toBe(403);
      const foreign = await t.http().post(approvePath).set('Authorization', xwOfficer).send({});
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('ORGANISATION_NOT_FOUND');

      const detail = await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer);
      expect(detail.body).toMatchObject({
        pendingGradeProposal: { id: proposalId, documentName: '评估等级证书.pdf' },
        gradeProposalActions: ['APPROVE', 'REJECT'],
        canProposeGrade: false,
      });

      const approved = await t.http().post(approvePath).set('Authorization', officer).send({ note: '证书核验无误' });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'APPROVED', decidedByName: expect.any(String) });
      const after = await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer);
      expect(after.body).toMatchObject({
        grade: 4,
        gradeExpiresOn: '2030-12-31',
        gradeValid: true,
        gradeDocumentId: doc,
        gradeDecidedByName: expect.any(String),
        pendingGradeProposal: null,
        gradeProposalActions: [],
      });
      expect(await ineligibility(org.id, 4)).toEqual([]);
      expect((await ineligibility(org.id, 5)).join()).toMatch(/5A/);
      // decided once: approving again is a 409
      expect((await t.http().post(approvePath).set('Authorization', officer).send({})).status).toBe(409);

      const events: Array<{ action: string; actor_username: string; after_json: string }> = await t.ds.query(
        "SELECT action, actor_username, after_json FROM audit_events WHERE entity_type = 'organisation' AND entity_id = ? AND action LIKE 'organisations.grade.%' ORDER BY seq",
        [String(org.id)],
      );
      expect(events.map((e) => [e.action, e.actor_username])).toEqual([
        ['organisations.grade.proposed', org.username],
        ['organisations.grade.approved', 'officer'],
      ]);
      expect(JSON.parse(events[1].after_json)).toMatchObject({
        grade: '4A',
        gradeExpiresOn: '2030-12-31',
        documentId: doc,
      });
      expect((await inbox(org.username, 'ORGANISATION_GRADE_APPROVED')).map((n) => n.title).join()).toContain('4A');

      // an expired grade no longer counts (computed, no job); expiry changes only with a decision stamp
      await t.ds.query(
        "UPDATE organisations SET grade_expires_on = '2020-01-01', grade_decided_at = UTC_TIMESTAMP(3) WHERE id = ?",
        [org.id],
      );
      expect((await t.http().get('/api/v1/my/organisation').set('Authorization', org.member)).body).toMatchObject({
        grade: 4,
        gradeValid: false,
      });
      expect((await ineligibility(org.id, 4)).join()).toMatch(/评估等级/);
    });

    it('the officer rejects with a reason the members read; the members withdraw a proposal of their own', async () => {
      const org = await activeOrganisation();
      const doc = await upload(org.member, 'QUALIFICATION');
      const first = await propose(org.member, { grade: 5, expiresOn: '2029-06-30', documentId: doc });
      expect(first.status).toBe(201);
      const rejectPath = `/api/v1/organisations/${org.id}/grade-proposals/${first.body.id}/reject`;
      const noReason = await t.http().post(rejectPath).set('Authorization', officer).send({});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const rejected = await t.http().post(rejectPath).set('Authorization', officer).send({ reason: '证书等级为 4A' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: '证书等级为 4A' });
      expect((await inbox(org.username, 'ORGANISATION_GRADE_REJECTED'))[0].body).toContain('证书等级为 4A');
      expect((await t.http().get('/api/v1/my/organisation').set('Authorization', org.member)).body).toMatchObject({
        grade: null,
        canProposeGrade: true,
      });

      const second = await propose(org.member, { grade: 4, expiresOn: '2029-06-30', documentId: doc });
      expect(second.status).toBe(201);
      const withdrawn = await t
        .http()
        .post(`/api/v1/my/organisation/grade-proposals/${second.body.id}/withdraw`)
        .set('Authorization', org.member)
        .send({});
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('WITHDRAWN');
      // another organisation's member cannot withdraw it, nor see it
      const other = await bearer(t, 'orgmember2');
      expect(
        (
          await t
            .http()
            .post(`/api/v1/my/organisation/grade-proposals/${first.body.id}/withdraw`)
            .set('Authorization', other)
            .send({})
        ).status,
      ).toBe(404);
      const history = await t.http().get('/api/v1/my/organisation/grade-proposals').set('Authorization', org.member);
      expect((history.body as Array<{ status: string }>).map((p) => p.status)).toEqual(['WITHDRAWN', 'REJECTED']);
      expect(
        (await t.http().get(`/api/v1/organisations/${org.id}/grade-proposals`).set('Authorization', officer)).body,
      ).toHaveLength(2);
    });

    it('needs a certificate of the organisation itself, of an evidence kind, valid today (422 naming the field)', async () => {
      const org = await activeOrganisation();
      const other = await bearer(t, 'orgmember');
      const othersDoc = await upload(other);
      const wrongKind = await upload(org.member, 'OTHER');
      const doc = await upload(org.member);
      const before = await count(t.ds, 'organisation_grade_proposals');
      for (const [body, field, status] of [
        [{ grade: 4, expiresOn: '2030-12-31', documentId: othersDoc }, 'documentId', 422],
        [{ grade: 4, expiresOn: '2030-12-31', documentId: wrongKind }, 'documentId', 422],
        [{ grade: 4, expiresOn: '2020-12-31', documentId: doc }, 'expiresOn', 422],
        // a day that does not exist is bad input (the one date rule of every DTO), not a business rule
        [{ grade: 4, expiresOn: '2030-02-30', documentId: doc }, 'expiresOn', 400],
      ] as const) {
        const res = await propose(org.member, body);
        expect({ body, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({ body, status, field });
      }
      expect(await count(t.ds, 'organisation_grade_proposals')).toBe(before);
    });

    it('upgrading: a grade a member set itself becomes a pending proposal without a document, which can only be rejected', async () => {
      const org = await activeOrganisation();
      // as the old PATCH /my/organisation left it: the grade written, and the member's grade_changed event
      await t.ds.query(
        "UPDATE organisations SET grade = 5, grade_expires_on = '2031-12-31', grade_decided_at = UTC_TIMESTAMP(3) WHERE id = ?",
        [org.id],
      );
      await t.ds.query('UPDATE organisations SET grade_decided_at = NULL WHERE id = ?', [org.id]);
      const [member] = await t.ds.query('SELECT id FROM users WHERE username = ?', [org.username]);
      await t.app.get(AuditService).recordAlone(
        { ...SYSTEM_ACTOR, userId: member.id, username: org.username, roles: ['ORG_MEMBER'], organisationId: org.id },
        {
          action: 'organisations.organisation.grade_changed',
          entityType: 'organisation',
          entityId: org.id,
          before: { grade: null, gradeExpiresOn: null },
          after: { grade: '5A', gradeExpiresOn: '2031-12-31' },
        },
      );
      const [{ id: sunshine }] = await t.ds.query(
        "SELECT id FROM organisations WHERE name = '南京市鼓楼区阳光养老服务中心'",
      );
      await t.ds.transaction((em) => moveSelfDeclaredGrades(em));

      const [row] = await t.ds.query('SELECT grade, grade_decided_at FROM organisations WHERE id = ?', [org.id]);
      expect(row).toEqual({ grade: null, grade_decided_at: null });
      const proposals = await t
        .http()
        .get(`/api/v1/organisations/${org.id}/grade-proposals`)
        .set('Authorization', officer);
      expect(proposals.body).toEqual([
        expect.objectContaining({ grade: 5, expiresOn: '2031-12-31', documentId: null, status: 'PENDING' }),
      ]);
      // the seeded 4A of 阳光养老 counts as decided by the system and is untouched
      expect(
        (await t.http().get(`/api/v1/organisations/${sunshine}`).set('Authorization', officer)).body,
      ).toMatchObject({ grade: 4, gradeDecidedAt: expect.any(String), gradeDecidedByName: null });
      const detail = await t.http().get(`/api/v1/organisations/${org.id}`).set('Authorization', officer);
      expect(detail.body.gradeProposalActions).toEqual(['REJECT']);
      const approve = await t
        .http()
        .post(`/api/v1/organisations/${org.id}/grade-proposals/${proposals.body[0].id}/approve`)
        .set('Authorization', officer)
        .send({});
      expect(approve.status).toBe(422);
      expect(approve.body.errors[0].field).toBe('documentId');
      // running the step again changes nothing
      await t.ds.transaction((em) => moveSelfDeclaredGrades(em));
      expect(await count(t.ds, 'organisation_grade_proposals')).toBeGreaterThan(0);
      expect(
        (await t.http().get(`/api/v1/organisations/${org.id}/grade-proposals`).set('Authorization', officer)).body,
      ).toHaveLength(1);
    });
  });

  describe('public API for other contexts', () => {
    it('reports eligibility facts with materialised region paths, and appends to the record, which cannot be edited', async () => {
      const org = await register({ serviceRegionIds: [gulou, xuanwu] });
      const service = t.app.get(OrganisationsService);
      const facts = await service.eligibility(t.ds.manager, [org.id, 999999]);
      const [gulouPath, xuanwuPath] = (
        await t.ds.query('SELECT path FROM regions WHERE id IN (?, ?) ORDER BY FIELD(id, ?, ?)', [
          gulou,
          xuanwu,
          gulou,
          xuanwu,
        ])
      ).map((r: { path: string }) => r.path);
      expect([...facts.keys()]).toEqual([org.id]);
      expect(facts.get(org.id)).toEqual({
        id: org.id,
        name: expect.any(String),
        kind: 'SOCIAL_ORGANISATION',
        status: 'PENDING_REVIEW',
        grade: null,
        gradeExpiresOn: null,
        regionId: gulou,
        regionPath: gulouPath,
        serviceRegionPaths: [gulouPath, xuanwuPath].sort(),
        blacklistedUntil: null,
        // no failed evaluation has barred it from bidding anywhere (issue #11)
        bars: [],
      });
      const [{ id: sunshine }] = await t.ds.query(
        "SELECT id FROM organisations WHERE name = '南京市鼓楼区阳光养老服务中心'",
      );
      expect((await service.eligibility(t.ds.manager, [sunshine])).get(sunshine)).toMatchObject({
        status: 'ACTIVE',
        grade: 4,
        gradeExpiresOn: '2028-12-31',
      });

      const rec = await t.ds.transaction((em) =>
        service.appendRecord(
          em,
          {
            organisationId: org.id,
            kind: 'AWARD',
            message: { template: 'organisations.record.awarded', params: { tenderTitle: '社区助餐服务' } },
            referenceType: 'tender',
            referenceId: 42,
            amountFen: 12_000_050n,
          },
          new Date(),
        ),
      );
      expect(rec).toMatchObject({ kind: 'AWARD', referenceId: '42', amount: '120000.50' });
      await expect(
        t.ds.query('UPDATE organisation_records SET params = ? WHERE id = ?', ['{}', rec.id]),
      ).rejects.toThrow(/append-only/);
      await expect(t.ds.query('DELETE FROM organisation_records WHERE id = ?', [rec.id])).rejects.toThrow(
        /append-only/,
      );
    });
  });

  describe('bad input', () => {
    const valid = () => ({
      name: '测试机构',
      kind: 'SOCIAL_ORGANISATION',
      orgType: 'FOUNDATION',
      creditCode: newCreditCode(),
      regionId: 2,
      legalRepresentative: '周明',
      contactPhone: '025-83000000',
      username: `bad_${serial}`,
      displayName: '周明',
      password: 'Lexin@2026-reg',
    });
    const cases: Array<{
      name: string;
      method: 'get' | 'post' | 'patch';
      path: string;
      body?: () => unknown;
      as: 'none' | 'officer' | 'orgmember';
      field: string;
    }> = [
      {
        name: 'registration with a 17-character code',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), creditCode: newCreditCode().slice(0, 17) }),
        as: 'none',
        field: 'creditCode',
      },
      {
        name: 'registration with a forbidden letter in the code',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), creditCode: 'I' + newCreditCode().slice(1) }),
        as: 'none',
        field: 'creditCode',
      },
      {
        name: 'registration with an unknown type',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), orgType: 'COMPANY' }),
        as: 'none',
        field: 'orgType',
      },
      {
        name: 'registration with an unknown kind',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), kind: 'GOVERNMENT' }),
        as: 'none',
        field: 'kind',
      },
      {
        name: 'registration with status smuggled in',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), status: 'ACTIVE' }),
        as: 'none',
        field: 'status',
      },
      {
        name: 'registration with regionId as a string',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), regionId: '2' }),
        as: 'none',
        field: 'regionId',
      },
      {
        name: 'registration with service areas as a string',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), serviceRegionIds: '2' }),
        as: 'none',
        field: 'serviceRegionIds',
      },
      {
        name: 'registration with a bad phone',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), contactPhone: 'call me' }),
        as: 'none',
        field: 'contactPhone',
      },
      {
        name: 'registration with a bad username',
        method: 'post',
        path: '/api/v1/organisations/register',
        body: () => ({ ...valid(), username: 'a b' }),
        as: 'none',
        field: 'username',
      },
      {
        name: 'list with an unknown status',
        method: 'get',
        path: '/api/v1/organisations?status=GONE',
        as: 'officer',
        field: 'status',
      },
      {
        name: 'list with pageSize 1000',
        method: 'get',
        path: '/api/v1/organisations?pageSize=1000',
        as: 'officer',
        field: 'pageSize',
      },
      {
        name: 'organisation with a non-numeric id',
        method: 'get',
        path: '/api/v1/organisations/abc',
        as: 'officer',
        field: 'id',
      },
      {
        name: 'return without reasons',
        method: 'post',
        path: '/api/v1/organisations/1/return',
        body: () => ({}),
        as: 'officer',
        field: 'reason',
      },
      {
        name: 'blacklist with a bad date',
        method: 'post',
        path: '/api/v1/organisations/1/blacklist',
        body: () => ({ reason: 'x', until: 'in two years' }),
        as: 'officer',
        field: 'until',
      },
      {
        name: 'blacklist without a reason',
        method: 'post',
        path: '/api/v1/organisations/1/blacklist',
        body: () => ({ until: '2028-01-01' }),
        as: 'officer',
        field: 'reason',
      },
      {
        name: 'profile setting its own grade',
        method: 'patch',
        path: '/api/v1/my/organisation',
        body: () => ({ grade: 5, gradeExpiresOn: '2030-01-01' }),
        as: 'orgmember',
        field: 'grade',
      },
      {
        name: 'grade proposal with grade 6',
        method: 'post',
        path: '/api/v1/my/organisation/grade-proposals',
        body: () => ({ grade: 6, expiresOn: '2030-01-01', documentId: 1 }),
        as: 'orgmember',
        field: 'grade',
      },
      {
        name: 'grade proposal with a bad expiry date',
        method: 'post',
        path: '/api/v1/my/organisation/grade-proposals',
        body: () => ({ grade: 3, expiresOn: '31/12/2030', documentId: 1 }),
        as: 'orgmember',
        field: 'expiresOn',
      },
      {
        name: 'grade proposal without its certificate',
        method: 'post',
        path: '/api/v1/my/organisation/grade-proposals',
        body: () => ({ grade: 3, expiresOn: '2030-12-31' }),
        as: 'orgmember',
        field: 'documentId',
      },
      {
        name: 'grade rejection without a reason',
        method: 'post',
        path: '/api/v1/organisations/1/grade-proposals/1/reject',
        body: () => ({}),
        as: 'officer',
        field: 'reason',
      },
      {
        name: 'profile with a bank account of letters',
        method: 'patch',
        path: '/api/v1/my/organisation',
        body: () => ({ bankAccountNo: 'ABC' }),
        as: 'orgmember',
        field: 'bankAccountNo',
      },
      {
        name: 'profile changing the credit code',
        method: 'patch',
        path: '/api/v1/my/organisation',
        body: () => ({ creditCode: newCreditCode() }),
        as: 'orgmember',
        field: 'creditCode',
      },
      {
        name: 'document of an unknown kind',
        method: 'post',
        path: '/api/v1/my/organisation/documents',
        body: () => ({ kind: 'SELFIE', fileName: 'a.pdf', contentBase64: PDF.toString('base64') }),
        as: 'orgmember',
        field: 'kind',
      },
      {
        name: 'document not in base64',
        method: 'post',
        path: '/api/v1/my/organisation/documents',
        body: () => ({ kind: 'OTHER', fileName: 'a.pdf', contentBase64: '%PDF-1.7 raw' }),
        as: 'orgmember',
        field: 'contentBase64',
      },
      {
        name: 'document with a non-numeric id',
        method: 'get',
        path: '/api/v1/my/organisation/documents/x1',
        as: 'orgmember',
        field: 'documentId',
      },
      {
        name: 'member with a bad username',
        method: 'post',
        path: '/api/v1/my/organisation/members',
        body: () => ({ username: '中文名', displayName: 'x', password: 'Colleague@2026' }),
        as: 'orgmember',
        field: 'username',
      },
    ];

    it.each(cases)('$name → 400 problem naming $field, nothing changed', async (c) => {
      const tokens = { none: '', officer, orgmember: await bearer(t, 'orgmember') };
      const tables = [
        'organisations',
        'users',
        'organisation_documents',
        'organisation_records',
        'organisation_grade_proposals',
        'audit_events',
      ];
      const before = await Promise.all(tables.map((x) => count(t.ds, x)));
      let req = t.http()[c.method](c.path);
      if (c.as !== 'none') req = req.set('Authorization', tokens[c.as]);
      const res = c.body === undefined ? await req : await req.send(c.body() as object);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(c.field);
      expect(await Promise.all(tables.map((x) => count(t.ds, x)))).toEqual(before);
    });
  });
});
