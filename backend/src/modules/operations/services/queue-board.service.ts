import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type {
  AppControllerRoute,
  AppViewRoute,
  BullBoardQueues,
  ControllerHandlerReturnType,
  IServerAdapter,
  UIConfig,
} from '@bull-board/api/dist/types';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Application, NextFunction, Request, RequestHandler, Response } from 'express';

import { Env } from '../../../config/env';
import {
  AccessError,
  Actor,
  ACTOR_RESOLVER,
  ActorResolver,
  hasPermission,
  PERMISSIONS,
} from '../../../platform/access';
import { DomainError } from '../../../platform/http/domain-error';
import { ProblemDetailsFilter } from '../../../platform/http/problem-details.filter';
import { Deadlines } from '../../../platform/queue';
import { AuditService } from '../../audit';
import {
  BOARD_AUDIENCE,
  BOARD_BASE,
  BOARD_COOKIE,
  boardAccess,
  BoardAccess,
  boardAssetCacheControl,
  isCrossSite,
  readCookie,
} from '../domain/board-routes';

/** What a queue is for, shown under its name on the board. */
const QUEUE_DESCRIPTIONS: Record<string, string> = {
  audit: '审计链检查点 (audit checkpoints)',
  identity: '账户解锁、个人数据清除 (unlocks, purges)',
  needs: '需求征集期限 (campaign deadlines)',
  organisations: '等级有效期、黑名单期限 (grades, exclusions)',
  procurement: '开标、质疑期、中标公示 (openings, objection windows, award notices)',
  contracts: '签约、验收、付款期限 (signing, acceptance, payment deadlines)',
  evaluation: '评估任务、异议期、满意度调查 (evaluation clocks, objection windows, surveys)',
};

class BoardProblem extends DomainError {}

/**
 * A Bull Board server adapter that does not build a router of its own: it keeps the board's routes so that
 * {@link QueueBoard.mount} can register each one on the application's Express router (where the access matrix sees
 * it), behind the board's access check.
 */
class CollectingAdapter implements IServerAdapter {
  queues: BullBoardQueues = new Map();
  viewsPath = '';
  staticRoute = '/static';
  staticPath = '';
  entry: AppViewRoute | null = null;
  api: AppControllerRoute[] = [];
  uiConfig: UIConfig = {};
  errorHandler: (error: Error) => ControllerHandlerReturnType = () => ({ status: 500, body: {} });

  setQueues(queues: BullBoardQueues): this {
    this.queues = queues;
    return this;
  }
  setViewsPath(path: string): this {
    this.viewsPath = path;
    return this;
  }
  setStaticPath(route: string, path: string): this {
    this.staticRoute = route;
    this.staticPath = path;
    return this;
  }
  setEntryRoute(route: AppViewRoute): this {
    this.entry = route;
    return this;
  }
  setErrorHandler(handler: (error: Error) => ControllerHandlerReturnType): this {
    this.errorHandler = handler;
    return this;
  }
  setApiRoutes(routes: AppControllerRoute[]): this {
    this.api = routes;
    return this;
  }
  setUIConfig(config: UIConfig): this {
    this.uiConfig = config;
    return this;
  }
}

type BoardRequest = Request & { actor?: Actor };

/**
 * The queue board (Bull Board) at {@link BOARD_BASE}: every registered queue with its deadline jobs, failed jobs
 * retriable. Every request of it — page, files, JSON — passes {@link guard}: a bearer token, or the board's cookie
 * (`POST /api/v1/queues/board-session`), of a live session of an active user holding `queues.read`, and
 * `queues.manage` for a retry; the board's other write actions are refused (see board-routes.ts).
 */
@Injectable()
export class QueueBoard {
  private readonly logger = new Logger(QueueBoard.name);
  private readonly problems = new ProblemDetailsFilter();
  private readonly adapter = new CollectingAdapter();
  private readonly board: ReturnType<typeof createBullBoard>;
  private shown: Queue[] = [];
  private page: string | null = null;

  constructor(
    private readonly deadlines: Deadlines,
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
    private readonly audit: AuditService,
    private readonly env: Env,
  ) {
    this.board = createBullBoard({
      queues: [],
      serverAdapter: this.adapter,
      options: {
        uiConfig: {
          boardTitle: '点单 · 队列看板',
          locale: { lng: 'zh-CN' },
          hideDocsLink: true,
          // back to the application (the board opens in the same tab)
          miscLinks: [{ text: '返回点单 / Back to Diandan', url: '/admin/queue-board' }],
        },
      },
    });
  }

  /** Registers every route of the board on `app` (before the application's own routes). Returns `METHOD /path`s. */
  mount(app: Application): string[] {
    const keys: string[] = [];
    const add = (method: 'get' | 'put' | 'post' | 'patch' | 'delete', path: string, handler: RequestHandler) => {
      const access = method === 'get' ? ({ kind: 'read' } as BoardAccess) : boardAccess(method, path);
      app[method](this.url(path), this.guard(access), handler);
      keys.push(`${method.toUpperCase()} ${this.url(path)}`);
    };
    const entry = this.adapter.entry;
    if (entry === null) throw new Error('Bull Board did not declare its page');
    for (const path of Array.isArray(entry.route) ? entry.route : [entry.route])
      add('get', path, (req, res) => this.sendPage(req, res));
    add('get', `${this.adapter.staticRoute}/*file`, (req, res) => this.sendFile(req, res));
    for (const route of this.adapter.api) {
      for (const method of Array.isArray(route.method) ? route.method : [route.method])
        for (const path of Array.isArray(route.route) ? route.route : [route.route]) {
          const access = boardAccess(method, path);
          app[method](this.url(path), this.guard(access), async (req: BoardRequest, res: Response) => {
            try {
              await this.callApi(route, access, req, res);
            } catch (err) {
              this.fail(req, res, err);
            }
          });
          keys.push(`${method.toUpperCase()} ${this.url(path)}`);
        }
    }
    return keys;
  }

  private url(path: string): string {
    return path === '/' ? BOARD_BASE : `${BOARD_BASE}${path}`;
  }

  /** The access check in front of every route of the board. */
  private guard(access: BoardAccess): RequestHandler {
    return (req: BoardRequest, res: Response, next: NextFunction) => {
      this.admit(req, access).then(
        () => next(),
        (err: unknown) => this.fail(req, res, err),
      );
    };
  }

  private async admit(req: BoardRequest, access: BoardAccess): Promise<void> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
    const cookie = bearer ? null : readCookie(req.header('cookie'), BOARD_COOKIE);
    const ip = req.ip ?? null;
    const actor = bearer
      ? await this.resolver.resolve(bearer[1], ip)
      : cookie
        ? await this.resolver.resolveScoped(cookie, BOARD_AUDIENCE, ip)
        : null;
    if (!actor) throw AccessError.unauthenticated();
    // as on every route of the API: a reset password is changed before anything else (the cookie is never issued then)
    if (bearer && this.resolver.mustChangePassword(actor))
      throw new BoardProblem(
        'IDENTITY_PASSWORD_CHANGE_REQUIRED',
        403,
        'Your password was reset: choose a new password before anything else.',
      );
    req.actor = actor;
    if (access.kind === 'refused') {
      await this.resolver.recordDenied(actor, 'queue board: not offered', req.method, req.originalUrl);
      throw new BoardProblem('FORBIDDEN', 403, access.reason, { permission: 'none' });
    }
    const permission = access.kind === 'read' ? PERMISSIONS.QUEUES_READ : PERMISSIONS.QUEUES_MANAGE;
    if (!hasPermission(actor.roles, permission)) {
      await this.resolver.recordDenied(actor, permission, req.method, req.originalUrl);
      throw AccessError.forbidden(permission);
    }
    if (access.kind !== 'read' && cookie !== null && isCrossSite(req.headers as Record<string, string>)) {
      await this.resolver.recordDenied(actor, 'queue board: cross-site write', req.method, req.originalUrl);
      throw new BoardProblem('FORBIDDEN', 403, 'A write on the queue board must come from the board itself.', {
        permission,
      });
    }
  }

  /** The queues shown: every queue the contexts registered (read at each request: they register at start-up). */
  private syncQueues(): void {
    const queues = this.deadlines.registeredQueues();
    if (queues.length === this.shown.length && queues.every((q, i) => q === this.shown[i])) return;
    this.board.replaceQueues(
      queues.map(
        (q) =>
          new BullMQAdapter(q, {
            allowRetries: true,
            allowCompletedRetries: false,
            description: QUEUE_DESCRIPTIONS[q.name] ?? '',
          } as ConstructorParameters<typeof BullMQAdapter>[1]),
      ),
    );
    this.shown = queues;
  }

  private async callApi(
    route: AppControllerRoute,
    access: BoardAccess,
    req: BoardRequest,
    res: Response,
  ): Promise<void> {
    this.syncQueues();
    const params = req.params as Record<string, string>;
    let before: { state: string; name: string; attemptsMade: number; failedReason: string } | null = null;
    if (access.kind === 'retry-failed' && params.queueStatus !== 'failed')
      throw new BoardProblem('QUEUE_BOARD_NOT_FAILED', 400, 'Only failed jobs can be retried here.');
    if (access.kind === 'retry-job') {
      const queue = this.deadlines.registeredQueues().find((q) => q.name === params.queueName);
      const job = queue ? await queue.getJob(params.jobId) : undefined;
      if (job) {
        const state = await job.getState();
        if (state !== 'failed')
          throw new BoardProblem(
            'QUEUE_BOARD_NOT_FAILED',
            400,
            `Only failed jobs can be retried here (this one is ${state}).`,
          );
        before = { state, name: job.name, attemptsMade: job.attemptsMade, failedReason: job.failedReason };
      }
    }
    const answer = await route.handler({
      queues: this.adapter.queues,
      uiConfig: this.adapter.uiConfig,
      query: req.query as Record<string, unknown>,
      params,
      // The board's API is never given a body: the routes it may write (the retries) take none.
      body: {},
      headers: req.headers as Record<string, string | undefined>,
    });
    const status = answer.status ?? 200;
    if (status < 300 && req.actor && (access.kind === 'retry-job' || access.kind === 'retry-failed')) {
      const retried = access.kind === 'retry-failed' ? (answer.body as { retried?: number }) : null;
      await this.audit.recordAlone(req.actor, {
        action: access.kind === 'retry-job' ? 'queues.job.retried' : 'queues.failed.retried',
        entityType: access.kind === 'retry-job' ? 'queue_job' : 'queue',
        entityId: (access.kind === 'retry-job' ? `${params.queueName}:${params.jobId}` : params.queueName).slice(0, 64),
        before: before ?? undefined,
        after: retried ? { retried: retried.retried ?? 0 } : { state: 'waiting' },
      });
    }
    if (status === 204) res.status(204).end();
    else res.status(status).json(answer.body);
  }

  private sendPage(req: BoardRequest, res: Response): void {
    try {
      const entry = this.adapter.entry as AppViewRoute;
      const view = entry.handler({ basePath: `${BOARD_BASE}/`, uiConfig: this.adapter.uiConfig });
      this.page ??= readFileSync(join(this.adapter.viewsPath, view.name), 'utf8');
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(renderPage(this.page, view.params));
    } catch (err) {
      this.fail(req, res, err);
    }
  }

  private sendFile(req: BoardRequest, res: Response): void {
    const file = (req.params as { file?: string[] | string }).file;
    const path = Array.isArray(file) ? file.join('/') : String(file ?? '');
    res.sendFile(
      path,
      { root: this.adapter.staticPath, dotfiles: 'deny', headers: { 'Cache-Control': boardAssetCacheControl(path) } },
      (err) => {
        if (err && !res.headersSent)
          this.fail(req, res, new BoardProblem('NOT_FOUND', 404, 'No such file of the queue board.'));
      },
    );
  }

  private fail(req: BoardRequest, res: Response, err: unknown): void {
    const problem = this.problems.toProblem(err);
    problem.instance = req.originalUrl.split('?')[0];
    const id: unknown = (req as { id?: unknown }).id;
    problem.requestId = typeof id === 'string' ? id : undefined;
    if (problem.status >= 500) this.logger.error({ err, requestId: problem.requestId }, 'queue board request failed');
    if (res.headersSent) return;
    res.status(problem.status).type('application/problem+json').json(problem);
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Bull Board's page template (`index.ejs`) holds only `<%= name %>` (escaped) and `<%- name %>` (raw: the JSON of the
 * UI configuration, escaped by the board) tags; anything else in a later version is an error, not a silent page.
 * The web-font stylesheet it links from fonts.googleapis.com is dropped: the CSP allows no third-party style, and an
 * administration page should not call a third party.
 */
export function renderPage(template: string, params: Record<string, string>): string {
  const html = template
    .replace(/<link[^>]+fonts\.googleapis\.com[^>]*>\s*/g, '')
    .replace(/<%([=-])\s*(\w+)\s*%>/g, (_, kind: string, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`queue board page: no value for ${name}`);
      return kind === '-' ? value : value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
    });
  if (html.includes('<%')) throw new Error('queue board page: unexpected template tag');
  return html;
}
