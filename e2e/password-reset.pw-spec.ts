import { Browser } from 'playwright-core';

import { BASE_URL, launch, newPage, shot, signIn } from './browser';

/** The API as the admin, to set the scene (a user of our own: demo accounts stay as they are for the other tests). */
async function api<T>(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${BASE_URL}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe('an admin resets a password; the user must change it before anything else (Chromium)', () => {
  let browser: Browser;
  const username = `pw_reset_${Date.now().toString(36)}`;
  const displayName = '重置测试财务';
  const newPassword = '春天的社区服务点单';

  beforeAll(async () => {
    browser = await launch();
    const { accessToken } = await api<{ accessToken: string }>('/v1/auth/login', {
      method: 'POST',
      body: { username: 'admin', password: 'Diandan@2026' },
    });
    const tree = await api<Array<{ id: number; code: string; children: unknown[] }>>('/v1/regions/tree', {
      token: accessToken,
    });
    const find = (nodes: Array<{ id: number; code: string; children: unknown[] }>): number | null => {
      for (const n of nodes) {
        if (n.code === '320106000000') return n.id;
        const inner = find(n.children as typeof nodes);
        if (inner !== null) return inner;
      }
      return null;
    };
    await api('/v1/users', {
      method: 'POST',
      token: accessToken,
      body: { username, displayName, password: 'Diandan@2026', roles: ['FINANCE_OFFICER'], regionId: find(tree) },
    });
  });
  afterAll(() => browser?.close());

  it('reset → the temporary password shown once → forced change → signs in with the new password', async () => {
    // the user is signed in somewhere when the reset happens
    const { context: userContext, page: userPage } = await newPage(browser);
    await signIn(userPage, username);
    await userPage.getByTestId('header-user').getByText(displayName).waitFor();

    const { context, page } = await newPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-filter-q').fill(username);
    await page.getByTestId('users-search').click();
    const row = page.getByTestId(`user-row-${username}`);
    await row.waitFor();
    // the admin's own row offers no reset (they change their password instead)
    await row.getByTestId('user-reset-password').click();
    await page.locator('.ant-popover-buttons button, .ant-popconfirm-buttons button').last().click();
    const temporary = page.getByTestId('temporary-password');
    await temporary.waitFor();
    const password = (await temporary.innerText()).trim();
    expect(password).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    await shot(page, 'admin-temporary-password');
    await page.getByTestId('temporary-password-done').click();
    await temporary.waitFor({ state: 'detached' });
    await context.close();

    // the user's old session is over: the next request sends them to sign in
    await userPage.reload();
    await userPage.waitForURL(/\/login/);
    await userContext.close();

    // signing in with the temporary password opens the password page only
    const { context: second, page: user } = await newPage(browser);
    await signIn(user, username, password);
    await user.waitForURL(`${BASE_URL}/password`);
    await user.getByTestId('password-forced').waitFor();
    await shot(user, 'forced-password-change');
    await user.goto(`${BASE_URL}/funds/lines`);
    await user.waitForURL(`${BASE_URL}/password`);

    // a refused attempt keeps what was typed and says why
    await user.getByTestId('password-current').fill(password);
    await user.getByTestId('password-new').fill(newPassword);
    await user.getByTestId('password-confirm').fill(`${newPassword}!`);
    await user.getByTestId('password-submit').click();
    await user.getByTestId('password-error').getByText('两次输入的新密码不一致').waitFor();
    expect(await user.getByTestId('password-new').inputValue()).toBe(newPassword);

    await user.getByTestId('password-confirm').fill(newPassword);
    await user.getByTestId('password-submit').click();
    await user.waitForURL(`${BASE_URL}/`);
    await user.getByTestId('header-user').getByText(displayName).waitFor();
    await second.close();

    // the temporary password is spent; the new one signs in
    const { context: third, page: again } = await newPage(browser);
    await again.goto(`${BASE_URL}/login`);
    await again.getByTestId('login-username').fill(username);
    await again.getByTestId('login-password').fill(password);
    await again.getByTestId('login-submit').click();
    await again.getByTestId('login-error').waitFor();
    await signIn(again, username, newPassword);
    await again.getByTestId('header-user').getByText(displayName).waitFor();
    // and the user menu offers the ordinary change
    await again.getByTestId('change-password').click();
    await again.waitForURL(`${BASE_URL}/password`);
    expect(await again.getByTestId('password-forced').count()).toBe(0);
    await again.getByTestId('password-back').waitFor();
    await third.close();
  });
});
