import { bootstrapApplication } from '@angular/platform-browser';

import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  // Nothing else can report a failed bootstrap: show it in place of the app.
  document.body.textContent = `点单无法启动 / Diandan failed to start: ${String(error)}`;
});
