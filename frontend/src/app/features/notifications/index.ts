/** What other features (and the shell) may use from the notifications context. */
export { InboxBadgeComponent } from './components/inbox-badge.component';
export { InboxState } from './data/inbox-state';
