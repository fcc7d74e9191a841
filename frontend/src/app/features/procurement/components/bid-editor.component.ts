import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

import { newIdempotencyKey } from '../../../api';
import { silentErrors } from '../../../core/http/http-context';
import { TranslationService } from '../../../core/i18n/translation.service';
import { ConfirmSummaryComponent, SummaryRow } from '../../../shared/confirm-summary.component';
import { formatDeadline } from '../../../shared/dates';
import { formatMoney, moneyToFen, parseMoney } from '../../../shared/money';
import { MoneyPipe } from '../../../shared/money.pipe';
import { sealSummary } from '../data/confirm-summary';
import { inlineProblem } from '../data/errors';
import { BID_DOCUMENT_ACCEPT, bidFileProblem, fileToBase64, formatBytes, MAX_BID_DOCUMENTS } from '../data/files';
import { Bid, BidDocumentInput, BidReceipt, SubmitBidRequest, Tender } from '../data/procurement.types';
import { TendersApi } from '../data/tenders.api';
import { InlineProblem, ProcTranslatePipe, ProcurementI18n } from '../i18n/procurement-i18n';
import { BidReceiptComponent } from './bid-receipt.component';
import { ProcStatusTagComponent } from './proc-status-tag.component';

/** A file chosen for the bid, already read as base64. */
export interface ChosenFile extends BidDocumentInput {
  size: number;
}

/** The price of a bid: an amount above zero, at most the maximum price. */
export function bidPriceProblem(price: string, maxPrice: string): 'invalid' | 'aboveMax' | null {
  const money = parseMoney(price);
  const fen = moneyToFen(money);
  if (!money || fen === null || fen === '0') return 'invalid';
  const max = moneyToFen(maxPrice);
  return max !== null && BigInt(fen) > BigInt(max) ? 'aboveMax' : null;
}

/**
 * 投标文件 (organisation member): price, a response per technical criterion and documents (PDF,
 * PNG, JPEG; read into base64 in the browser), sealed by the server, which answers with a receipt
 * (server time + SHA-256). Before the deadline the bid can be replaced or withdrawn; after an
 * amendment that moved the deadline it must be re-confirmed.
 */
@Component({
  selector: 'dd-bid-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ConfirmSummaryComponent,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    MoneyPipe,
    BidReceiptComponent,
    ProcStatusTagComponent,
    ProcTranslatePipe,
  ],
  templateUrl: './bid-editor.component.html',
  styleUrl: './bid-editor.component.css',
})
export class BidEditorComponent {
  private readonly api = inject(TendersApi);
  private readonly message = inject(NzMessageService);
  private readonly base = inject(TranslationService);
  private readonly i18n = inject(ProcurementI18n);
  private readonly destroyRef = inject(DestroyRef);

  readonly tender = input.required<Tender>();
  /** The bid was sealed, replaced, withdrawn or re-confirmed. */
  readonly changed = output<Bid | null>();

  protected readonly accept = BID_DOCUMENT_ACCEPT;
  protected readonly maxFiles = MAX_BID_DOCUMENTS;
  protected readonly bid = signal<Bid | null>(null);
  protected readonly loaded = signal(false);
  protected readonly receipt = signal<BidReceipt | null>(null);
  protected readonly files = signal<ChosenFile[]>([]);
  protected readonly reading = signal(false);
  protected readonly busy = signal(false);
  protected readonly editing = signal(false);
  protected readonly checked = signal(false);
  protected readonly problem = signal<InlineProblem | null>(null);
  protected readonly fileErrors = signal<string[]>([]);
  protected price = '';
  protected technical: Record<string, string> = {};

  protected readonly open = computed(
    () => this.tender().status === 'PUBLISHED' && new Date(this.tender().bidDeadline).getTime() > Date.now(),
  );
  protected readonly eligible = computed(() => (this.tender().ineligibleReasons ?? []).length === 0);
  protected readonly live = computed(() => this.bid()?.status === 'SUBMITTED');
  /** The receipt shown: the last one the server gave, or the live bid's. */
  protected readonly shownReceipt = computed<BidReceipt | null>(() => {
    const bid = this.bid();
    const last = this.receipt();
    if (last && (!bid || last.bidId === bid.id || last.version >= bid.version)) return last;
    return bid
      ? {
          bidId: bid.id,
          tenderId: bid.tenderId,
          version: bid.version,
          submittedAt: bid.submittedAt,
          sha256: bid.sha256,
        }
      : null;
  });
  protected readonly showForm = computed(() => this.open() && this.eligible() && (!this.live() || this.editing()));

  constructor() {
    effect(() => {
      const id = this.tender().id;
      untracked(() => this.load(id));
    });
  }

  private load(id: number): void {
    this.api
      .myBid(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (bid) => {
          this.bid.set(bid && bid.status !== 'WITHDRAWN' ? bid : null);
          this.loaded.set(true);
          if (bid && bid.status === 'SUBMITTED') {
            this.price = bid.price;
            this.technical = { ...bid.technical };
          }
        },
        error: (error: unknown) => {
          this.loaded.set(true);
          this.problem.set(inlineProblem(error, this.base, this.i18n));
        },
      });
  }

  protected deadline(): string {
    return formatDeadline(this.tender().bidDeadline);
  }

  protected priceProblem(): 'invalid' | 'aboveMax' | null {
    return bidPriceProblem(this.price, this.tender().maxPrice);
  }

  protected maxPrice(): string {
    return formatMoney(this.tender().maxPrice);
  }

  protected size(bytes: number): string {
    return formatBytes(bytes);
  }

  protected missing(code: string): boolean {
    const text: string | undefined = this.technical[code];
    return !text?.trim();
  }

  protected technicalMissing(): string[] {
    return this.tender()
      .criteria.filter((c) => !(this.technical[c.code] ?? '').trim())
      .map((c) => c.code);
  }

  /** Reads the chosen files into base64 right away (refusing wrong types, empty and too-large files). */
  async choose(event: Event): Promise<void> {
    const inputEl = event.target as HTMLInputElement;
    const chosen = Array.from(inputEl.files ?? []);
    inputEl.value = '';
    const errors: string[] = [];
    const room = MAX_BID_DOCUMENTS - this.files().length;
    if (chosen.length > room) errors.push(this.i18n.t('bid.tooManyFiles', { max: MAX_BID_DOCUMENTS }));
    this.reading.set(true);
    const read: ChosenFile[] = [];
    for (const file of chosen.slice(0, Math.max(room, 0))) {
      const problem = bidFileProblem(file);
      if (problem) {
        errors.push(this.i18n.t(`bid.file.${problem}`, { name: file.name }));
        continue;
      }
      try {
        read.push({ fileName: file.name, size: file.size, contentBase64: await fileToBase64(file) });
      } catch {
        errors.push(this.i18n.t('bid.file.unreadable', { name: file.name }));
      }
    }
    this.files.update((list) => [...list, ...read]);
    this.fileErrors.set(errors);
    this.reading.set(false);
  }

  protected removeFile(index: number): void {
    this.files.update((list) => list.filter((_f, i) => i !== index));
  }

  protected startReplace(): void {
    this.editing.set(true);
  }

  /** The request as sent (documents without their sizes). */
  request(): SubmitBidRequest {
    const codes = this.tender().criteria.map((c) => c.code);
    return {
      price: parseMoney(this.price) ?? this.price,
      technical: Object.fromEntries(codes.map((code) => [code, (this.technical[code] ?? '').trim()])),
      documents: this.files().map((f) => ({ fileName: f.fileName, contentBase64: f.contentBase64 })),
    };
  }

  /** The summary shown before sealing (null: the dialog is closed). */
  protected readonly sealing = signal<SummaryRow[] | null>(null);

  /** Checks the form, then shows what will be sealed: nothing is sent before the bidder confirms. */
  submit(): void {
    this.checked.set(true);
    if (this.priceProblem() || this.technicalMissing().length > 0 || this.reading()) return;
    const t = this.tender();
    const request = this.request();
    this.sealing.set(
      sealSummary(
        {
          tenderTitle: t.title,
          price: request.price,
          deadline: t.bidDeadline,
          answered: Object.values(request.technical).filter((text) => text !== '').length,
          criteria: t.criteria.length,
          files: this.files(),
          replacing: this.live(),
        },
        { t: (key, params) => this.i18n.t(key, params), code: (prefix, c) => this.i18n.code(prefix, c) },
      ),
    );
  }

  /** Seals the bid, once confirmed; one fresh Idempotency-Key per confirmation. */
  seal(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.submitBid(this.tender().id, this.request(), newIdempotencyKey(), silentErrors()).subscribe({
      next: (receipt) => {
        this.busy.set(false);
        this.sealing.set(null);
        this.receipt.set(receipt);
        this.editing.set(false);
        this.checked.set(false);
        this.files.set([]);
        this.message.success(this.i18n.t('bid.sealed'));
        this.reload();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.sealing.set(null);
        this.problem.set(inlineProblem(error, this.base, this.i18n));
      },
    });
  }

  protected withdraw(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.api.withdrawBid(this.tender().id).subscribe({
      next: () => {
        this.busy.set(false);
        this.receipt.set(null);
        this.bid.set(null);
        this.price = '';
        this.technical = {};
        this.message.success(this.i18n.t('bid.withdrawn'));
        this.changed.emit(null);
      },
      error: () => this.busy.set(false),
    });
  }

  protected reconfirm(): void {
    this.busy.set(true);
    this.api.reconfirmBid(this.tender().id, newIdempotencyKey()).subscribe({
      next: (receipt) => {
        this.busy.set(false);
        this.receipt.set(receipt);
        this.message.success(this.i18n.t('bid.reconfirmed'));
        this.reload();
      },
      error: () => this.busy.set(false),
    });
  }

  private reload(): void {
    this.api
      .myBid(this.tender().id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((bid) => {
        this.bid.set(bid);
        this.changed.emit(bid);
      });
  }
}
