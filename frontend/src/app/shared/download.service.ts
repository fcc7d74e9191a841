import { HttpErrorResponse, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, Observable } from 'rxjs';

import { Notifier } from '../core/http/notifier';
import { describeHttpError } from '../core/http/problem-details';
import { TranslationService } from '../core/i18n/translation.service';
import { blobText, filenameFromDisposition, saveBlob } from './download';

/**
 * Runs a file download made with HttpClient (`observe: 'response', responseType: 'blob'`, usually
 * with silentErrors()): saves the body under the server's file name, or shows the problem, which
 * arrives as a Blob and is read first.
 */
@Injectable({ providedIn: 'root' })
export class Downloads {
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(TranslationService);

  /** Resolves true once the file has been handed to the browser, false when the request failed. */
  async save(request: Observable<HttpResponse<Blob>>, fallbackName: string): Promise<boolean> {
    try {
      const response = await firstValueFrom(request);
      if (!response.body) return false;
      saveBlob(response.body, filenameFromDisposition(response.headers.get('Content-Disposition'), fallbackName));
      return true;
    } catch (error: unknown) {
      if (!(error instanceof HttpErrorResponse)) throw error;
      const body = await blobText(error.error);
      await this.notifier.showError(
        describeHttpError(
          error.status,
          body,
          (key, params) => this.i18n.t(key, params),
          (key) => this.i18n.dynamic(key, '') || null,
        ),
      );
      return false;
    }
  }
}
