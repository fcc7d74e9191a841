import { boardAccess, boardAssetCacheControl, boardCookie, isCrossSite, readCookie } from './board-routes';

describe('the queue board route policy', () => {
  it('lets reads through and only the two retries among writes', () => {
    expect(boardAccess('GET', '/api/queues')).toEqual({ kind: 'read' });
    expect(boardAccess('get', '/api/queues/:queueName/:jobId/logs')).toEqual({ kind: 'read' });
    expect(boardAccess('PUT', '/api/queues/:queueName/:jobId/retry')).toEqual({ kind: 'retry-job' });
    expect(boardAccess('put', '/api/queues/:queueName/retry/:queueStatus')).toEqual({ kind: 'retry-failed' });
  });

  it.each([
    ['put', '/api/queues/pause'],
    ['put', '/api/queues/resume'],
    ['put', '/api/queues/:queueName/pause'],
    ['put', '/api/queues/:queueName/empty'],
    ['put', '/api/queues/:queueName/obliterate'],
    ['put', '/api/queues/:queueName/clean/:queueStatus'],
    ['put', '/api/queues/:queueName/:jobId/clean'],
    ['put', '/api/queues/:queueName/:jobId/promote'],
    ['put', '/api/queues/:queueName/promote'],
    ['post', '/api/queues/:queueName/add'],
    ['patch', '/api/queues/:queueName/:jobId/update-data'],
    ['patch', '/api/queues/:queueName/:jobId/delay'],
    ['put', '/api/queues/:queueName/concurrency'],
    ['put', '/api/queues/:queueName/job-schedulers/:schedulerId/run'],
    ['post', '/api/some/route/of/a/later/version'],
  ])('refuses %s %s to everyone', (method, route) => {
    expect(boardAccess(method, route).kind).toBe('refused');
  });

  it('reads its cookie among others', () => {
    expect(readCookie('a=1; diandan_board=tok.en.x; b=2', 'diandan_board')).toBe('tok.en.x');
    expect(readCookie('diandan_boardx=1', 'diandan_board')).toBeNull();
    expect(readCookie(undefined, 'diandan_board')).toBeNull();
    expect(readCookie('diandan_board=', 'diandan_board')).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Strict cookie scoped to the board', () => {
    expect(boardCookie('t', 600, true)).toBe(
      'diandan_board=t; Path=/api/v1/queues/board; Max-Age=600; HttpOnly; SameSite=Strict; Secure',
    );
    expect(boardCookie('t', 600, false)).not.toContain('Secure');
  });

  it('refuses writes a browser marks as coming from another site', () => {
    expect(isCrossSite({ host: 'a.example', origin: 'https://a.example' })).toBe(false);
    expect(isCrossSite({ host: 'a.example' })).toBe(false);
    expect(isCrossSite({ host: 'a.example', origin: 'https://evil.example' })).toBe(true);
    expect(isCrossSite({ host: 'a.example', origin: 'null' })).toBe(true);
    expect(isCrossSite({ host: 'a.example', 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(isCrossSite({ host: 'a.example', 'sec-fetch-site': 'same-origin' })).toBe(false);
  });

  it('caches only content-hashed files', () => {
    expect(boardAssetCacheControl('js/main.f10757109b.js')).toBe('private, max-age=31536000, immutable');
    expect(boardAssetCacheControl('locales/zh-CN/messages.json')).toBe('private, no-cache');
    expect(boardAssetCacheControl('images/logo.svg')).toBe('private, no-cache');
  });
});
