import type { NotificationPreferences } from '../../../api';
import {
  settingsFormValue,
  settingsProblems,
  settingsWarnings,
  toContactRequest,
  toPreferencesRequest,
} from './notification-settings';

const saved: NotificationPreferences = {
  emailEnabled: true,
  smsEnabled: false,
  muted: ['SMS:procurement'],
  email: 'zhang@example.com',
  phone: null,
  inbox: true,
  topics: ['needs', 'procurement', 'contracts', 'evaluation', 'organisations', 'other'],
};

describe('通知设置: the preferences form', () => {
  it('shows a muted topic unchecked and every other one checked', () => {
    const v = settingsFormValue(saved);
    expect(v.topics['SMS:procurement']).toBe(false);
    expect(v.topics['EMAIL:procurement']).toBe(true);
    expect(v.topics['SMS:needs']).toBe(true);
    expect(v.email).toBe('zhang@example.com');
    expect(v.phone).toBe('');
  });

  it('sends back what it showed unchanged, and unchecked topics as muted pairs', () => {
    const v = settingsFormValue(saved);
    expect(toPreferencesRequest(v)).toEqual({ emailEnabled: true, smsEnabled: false, muted: ['SMS:procurement'] });
    v.topics['EMAIL:contracts'] = false;
    v.topics['SMS:procurement'] = true;
    v.smsEnabled = true;
    expect(toPreferencesRequest(v)).toEqual({ emailEnabled: true, smsEnabled: true, muted: ['EMAIL:contracts'] });
  });

  it('sends only the addresses that changed, a cleared one as null', () => {
    const v = settingsFormValue(saved);
    expect(toContactRequest(v, saved)).toBeNull();
    expect(toContactRequest({ ...v, phone: ' 13800000000 ' }, saved)).toEqual({ phone: '13800000000' });
    expect(toContactRequest({ ...v, email: '' }, saved)).toEqual({ email: null });
  });

  it('refuses an address that is not one before sending', () => {
    const v = settingsFormValue(saved);
    expect(settingsProblems(v)).toEqual([]);
    expect(settingsProblems({ ...v, email: 'zhang@' })).toEqual(['notifySettings.problem.email']);
    expect(settingsProblems({ ...v, phone: '12ab' })).toEqual(['notifySettings.problem.phone']);
  });

  it('warns when a channel is on without its address', () => {
    const v = settingsFormValue(saved);
    expect(settingsWarnings(v)).toEqual([]);
    expect(settingsWarnings({ ...v, smsEnabled: true })).toEqual(['notifySettings.warning.noPhone']);
    expect(settingsWarnings({ ...v, email: ' ' })).toEqual(['notifySettings.warning.noEmail']);
  });
});
