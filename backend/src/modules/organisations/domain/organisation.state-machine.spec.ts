import { PERMISSIONS } from '../../../platform/access/permissions';
import {
  availableActions,
  isOperational,
  ORGANISATION_ACTIONS,
  ORGANISATION_STATUSES,
  transitionFor,
} from './organisation.state-machine';

describe('organisation state machine', () => {
  it('takes a registration to ACTIVE on approval, or back to the member on return, who resubmits it', () => {
    expect(transitionFor('APPROVE', 'PENDING_REVIEW')?.to).toBe('ACTIVE');
    expect(transitionFor('RETURN', 'PENDING_REVIEW')?.to).toBe('RETURNED');
    expect(transitionFor('RESUBMIT', 'RETURNED')?.to).toBe('PENDING_REVIEW');
    expect(transitionFor('RETURN', 'PENDING_REVIEW')?.reason).toBe('REQUIRED');
  });

  it('suspends and reinstates an active organisation', () => {
    expect(transitionFor('SUSPEND', 'ACTIVE')?.to).toBe('SUSPENDED');
    expect(transitionFor('REINSTATE', 'SUSPENDED')?.to).toBe('ACTIVE');
  });

  it('blacklists an active or suspended organisation; only the expiry (the system) ends it', () => {
    expect(transitionFor('BLACKLIST', 'ACTIVE')?.to).toBe('BLACKLISTED');
    expect(transitionFor('BLACKLIST', 'SUSPENDED')?.to).toBe('BLACKLISTED');
    expect(transitionFor('BLACKLIST_EXPIRE', 'BLACKLISTED')).toMatchObject({ to: 'ACTIVE', by: 'SYSTEM' });
    expect(transitionFor('REINSTATE', 'BLACKLISTED')).toBeNull();
    expect(transitionFor('APPROVE', 'BLACKLISTED')).toBeNull();
  });

  it('refuses every other move', () => {
    const legal = new Set([
      'APPROVE PENDING_REVIEW',
      'RETURN PENDING_REVIEW',
      'RESUBMIT RETURNED',
      'SUSPEND ACTIVE',
      'REINSTATE SUSPENDED',
      'BLACKLIST ACTIVE',
      'BLACKLIST SUSPENDED',
      'BLACKLIST_EXPIRE BLACKLISTED',
    ]);
    for (const action of ORGANISATION_ACTIONS) {
      for (const status of ORGANISATION_STATUSES) {
        expect({ action, status, legal: transitionFor(action, status) !== null }).toEqual({
          action,
          status,
          legal: legal.has(`${action} ${status}`),
        });
      }
    }
  });

  it('offers officers and members only their own actions', () => {
    expect(availableActions('PENDING_REVIEW', PERMISSIONS.ORGANISATIONS_REVIEW)).toEqual(['APPROVE', 'RETURN']);
    expect(availableActions('ACTIVE', PERMISSIONS.ORGANISATIONS_REVIEW)).toEqual(['SUSPEND', 'BLACKLIST']);
    expect(availableActions('SUSPENDED', PERMISSIONS.ORGANISATIONS_REVIEW)).toEqual(['REINSTATE', 'BLACKLIST']);
    expect(availableActions('BLACKLISTED', PERMISSIONS.ORGANISATIONS_REVIEW)).toEqual([]);
    expect(availableActions('RETURNED', PERMISSIONS.ORGANISATIONS_SELF)).toEqual(['RESUBMIT']);
    expect(availableActions('PENDING_REVIEW', PERMISSIONS.ORGANISATIONS_SELF)).toEqual([]);
  });

  it('lets only an active organisation take part in procurement', () => {
    expect(ORGANISATION_STATUSES.filter(isOperational)).toEqual(['ACTIVE']);
  });
});
