import type { OrganisationAction } from '../../../api';
import type { OrgKey } from '../i18n/organisations-i18n';

export interface DecisionSpec {
  /** A reason is required (returned, suspended, blacklisted) or an optional note. */
  reason: 'required' | 'optional';
  /** Blacklisting also asks for its last day. */
  until: boolean;
  danger: boolean;
  icon: string;
  label: OrgKey;
  done: OrgKey;
}

export const DECISIONS: Readonly<Record<Exclude<OrganisationAction, 'RESUBMIT' | 'BLACKLIST_EXPIRE'>, DecisionSpec>> = {
  APPROVE: {
    reason: 'optional',
    until: false,
    danger: false,
    icon: 'check',
    label: 'organisations.action.APPROVE',
    done: 'organisations.done.APPROVE',
  },
  RETURN: {
    reason: 'required',
    until: false,
    danger: false,
    icon: 'rollback',
    label: 'organisations.action.RETURN',
    done: 'organisations.done.RETURN',
  },
  SUSPEND: {
    reason: 'required',
    until: false,
    danger: true,
    icon: 'pause-circle',
    label: 'organisations.action.SUSPEND',
    done: 'organisations.done.SUSPEND',
  },
  REINSTATE: {
    reason: 'optional',
    until: false,
    danger: false,
    icon: 'reload',
    label: 'organisations.action.REINSTATE',
    done: 'organisations.done.REINSTATE',
  },
  BLACKLIST: {
    reason: 'required',
    until: true,
    danger: true,
    icon: 'stop',
    label: 'organisations.action.BLACKLIST',
    done: 'organisations.done.BLACKLIST',
  },
};

export type OfficerAction = keyof typeof DECISIONS;

export function isOfficerAction(action: OrganisationAction): action is OfficerAction {
  return Object.prototype.hasOwnProperty.call(DECISIONS, action);
}

/** The officers' decisions offered on the detail page, in the order of the buttons. */
export const OFFICER_ACTIONS: readonly OfficerAction[] = ['APPROVE', 'RETURN', 'SUSPEND', 'REINSTATE', 'BLACKLIST'];
