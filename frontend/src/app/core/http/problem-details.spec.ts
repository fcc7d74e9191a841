import { interpolate } from '../i18n/translation.service';
import { zhCN } from '../i18n/zh-CN';
import { asProblemDetails, describeHttpError, Translate, TranslateDynamic } from './problem-details';

const t: Translate = (key, params) => interpolate(zhCN[key], params);
const tCode: TranslateDynamic = (key) => (zhCN as Record<string, string>)[key] ?? null;

const validationProblem = {
  type: 'https://diandan.gov.cn/problems/validation',
  title: 'Bad Request',
  status: 400,
  detail: 'The request body is invalid.',
  code: 'VALIDATION_FAILED',
  instance: '/api/v1/users',
  requestId: 'req-123',
  errors: [
    { field: 'roles[0]', message: 'each value in roles must be one of …' },
    { field: 'username', message: 'username must be longer than or equal to 3 characters' },
  ],
};

describe('describeHttpError', () => {
  it('says the server is unreachable for status 0', () => {
    const view = describeHttpError(0, new ProgressEvent('error'), t);
    expect(view.detail).toBe('无法连接服务器，请检查网络后重试');
    expect(view.fieldErrors).toEqual([]);
  });

  it('lists errors[] of a 400 as "field: message" lines, with the detail and request id', () => {
    const view = describeHttpError(400, validationProblem, t);
    expect(view.title).toBe('提交的数据有误');
    expect(view.detail).toBe('The request body is invalid.');
    expect(view.fieldErrors).toEqual([
      'roles[0]: each value in roles must be one of …',
      'username: username must be longer than or equal to 3 characters',
    ]);
    expect(view.requestId).toBe('req-123');
  });

  it('shows the detail of other problems, titled by their status', () => {
    const view = describeHttpError(409, { status: 409, title: 'Conflict', detail: '招标已开标，不能修改' }, t);
    expect(view.detail).toBe('招标已开标，不能修改');
    expect(view.title).toBe('操作冲突，请刷新后重试');
    expect(view.fieldErrors).toEqual([]);
  });

  it("speaks the user's language for problem codes it knows, keeping the server's specifics as lines", () => {
    const policy = {
      status: 422,
      code: 'IDENTITY_PASSWORD_POLICY',
      detail: 'The password must not contain the username.',
      errors: [{ field: 'password', message: 'The password must not contain the username.' }],
    };
    const view = describeHttpError(422, policy, t, tCode);
    expect(view.detail).toBe('密码不符合安全要求');
    expect(view.fieldErrors).toEqual(['password: The password must not contain the username.']);

    // Unknown code: the server's detail, and no line that only repeats it.
    const unknown = describeHttpError(422, { ...policy, code: 'SOMETHING_NEW' }, t, tCode);
    expect(unknown.detail).toBe('The password must not contain the username.');
    expect(unknown.fieldErrors).toEqual([]);
  });

  it('falls back to the title, then to a text for the status', () => {
    expect(describeHttpError(423, { status: 423, title: 'Locked' }, t).detail).toBe('Locked');
    expect(describeHttpError(404, null, t).detail).toBe('记录不存在或不在您的管辖范围内');
    expect(describeHttpError(502, '<html>Bad gateway</html>', t).detail).toBe('服务器内部错误');
    expect(describeHttpError(418, undefined, t).detail).toBe('发生未知错误（HTTP 418）');
  });

  it('reads a problem that arrived as a JSON string', () => {
    const view = describeHttpError(400, JSON.stringify(validationProblem), t);
    expect(view.fieldErrors).toHaveLength(2);
  });

  it('ignores malformed entries of errors[]', () => {
    const view = describeHttpError(
      400,
      { detail: 'bad', errors: [{ field: 'a' }, 'oops', { field: 'b', message: 'm' }] },
      t,
    );
    expect(view.fieldErrors).toEqual(['b: m']);
  });
});

describe('asProblemDetails', () => {
  it('keeps extension members such as lockedUntil', () => {
    const problem = asProblemDetails({
      status: 423,
      code: 'IDENTITY_ACCOUNT_LOCKED',
      lockedUntil: '2026-11-23T15:00:00.000Z',
    });
    expect(problem?.['lockedUntil']).toBe('2026-11-23T15:00:00.000Z');
  });

  it('returns null for bodies that are not problems', () => {
    expect(asProblemDetails('not json')).toBeNull();
    expect(asProblemDetails([1, 2])).toBeNull();
    expect(asProblemDetails({ foo: 'bar' })).toBeNull();
  });
});
