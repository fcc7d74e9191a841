import { StreamableFile } from '@nestjs/common';

import type { DocumentFile } from '../services/documents.service';

/** A stored document as a download (its name UTF-8 encoded in Content-Disposition). */
export function fileResponse(file: DocumentFile): StreamableFile {
  return new StreamableFile(file.content, {
    type: file.mime,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
