import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';

import QueueBoardPage, { navigateTo } from './queue-board.page';

describe('QueueBoardPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [QueueBoardPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => jest.restoreAllMocks());

  it('lists the queues, and opens the board only once its cookie is set', () => {
    const assign = jest.spyOn(navigateTo, 'assign').mockImplementation(() => undefined);
    const fixture = TestBed.createComponent(QueueBoardPage);
    fixture.detectChanges();
    http.expectOne('/api/v1/queues').flush([
      { name: 'procurement', counts: { failed: 2, waiting: 0, delayed: 5, active: 0, completed: 9 } },
      { name: 'audit', counts: { failed: 0, waiting: 0, delayed: 1, active: 0, completed: 3 } },
    ]);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const rows = [...el.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-testid'));
    expect(rows).toEqual(['queue-audit', 'queue-procurement']);

    (el.querySelector('[data-testid="open-queue-board"]') as HTMLButtonElement).click();
    expect(assign).not.toHaveBeenCalled();
    const post = http.expectOne('/api/v1/queues/board-session');
    expect(post.request.method).toBe('POST');
    post.flush({ url: '/api/v1/queues/board', expiresIn: 600 });
    expect(assign).toHaveBeenCalledWith('/api/v1/queues/board');
  });

  it('says so when the board cannot be opened', () => {
    const assign = jest.spyOn(navigateTo, 'assign').mockImplementation(() => undefined);
    const fixture = TestBed.createComponent(QueueBoardPage);
    fixture.detectChanges();
    http.expectOne('/api/v1/queues').flush([]);
    (fixture.nativeElement.querySelector('[data-testid="open-queue-board"]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/queues/board-session').flush({}, { status: 403, statusText: 'Forbidden' });
    fixture.detectChanges();
    expect(assign).not.toHaveBeenCalled();
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')).not.toBeNull();
  });
});
