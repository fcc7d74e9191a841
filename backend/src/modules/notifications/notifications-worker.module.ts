import { Module, OnApplicationShutdown } from '@nestjs/common';

import { Env, mailDir } from '../../config/env';
import { DeliveryJob } from './jobs/delivery.job';
import { NotificationsProcessor } from './jobs/notifications.processor';
import { NotificationsModule } from './notifications.module';
import { FileEmailSender, SmtpEmailSender } from './senders/email-senders';
import { EmailSender, SmsSender } from './senders/senders';
import { HttpSmsSender, LogSmsSender } from './senders/sms-senders';

/** The senders the configuration asks for: SMTP or files for e-mail, the HTTP gateway or the log for SMS. */
export const SENDER_PROVIDERS = [
  {
    provide: EmailSender,
    inject: [Env],
    useFactory: (env: Env): EmailSender =>
      env.SMTP_URL
        ? new SmtpEmailSender(env.SMTP_URL, env.MAIL_FROM, env.NOTIFY_SEND_TIMEOUT_MS)
        : new FileEmailSender(mailDir(env), env.MAIL_FROM),
  },
  {
    provide: SmsSender,
    inject: [Env],
    useFactory: (env: Env): SmsSender =>
      env.SMS_GATEWAY_URL
        ? new HttpSmsSender(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_TOKEN, env.NOTIFY_SEND_TIMEOUT_MS)
        : new LogSmsSender(),
  },
];

/** Worker-only: the consumer of the notifications queue and the senders. */
@Module({
  imports: [NotificationsModule],
  providers: [...SENDER_PROVIDERS, DeliveryJob, NotificationsProcessor],
})
export class NotificationsWorkerModule implements OnApplicationShutdown {
  constructor(private readonly email: EmailSender) {}

  async onApplicationShutdown(): Promise<void> {
    await this.email.close();
  }
}
