import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { ACTION_LABELS, actionLabel } from './action-labels';

const BACKEND = join(__dirname, '../../../../../../backend/src');
const CONTEXTS = [
  'access',
  'identity',
  'regions',
  'organisations',
  'catalogue',
  'needs',
  'funds',
  'procurement',
  'contracts',
  'evaluation',
  'notifications',
  'queues',
  'system',
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `export const NAME = ['A', 'B'] as const` in the backend, as lower-case codes. */
function statusList(name: string): string[] {
  for (const file of sources(join(BACKEND, 'modules'))) {
    const m = new RegExp(`export const ${name} = \\[([^\\]]*)\\]`).exec(readFileSync(file, 'utf8'));
    if (m) return [...m[1].matchAll(/'([A-Z_]+)'/g)].map((x) => x[1].toLowerCase());
  }
  throw new Error(`${name} not found in the backend`);
}

/** Actions built from a state: the list the state comes from. */
const DYNAMIC: Record<string, () => string[]> = {
  'procurement.tender.': () => statusList('TENDER_STATUSES'),
  'procurement.project.': () => statusList('PROJECT_STATUSES'),
  'procurement.bid.': () => statusList('BID_STATUSES'),
  'procurement.objection.': () => statusList('OBJECTION_STATUSES'),
  'needs.campaign.': () => statusList('CAMPAIGN_STATUSES'),
  'needs.need.': () => statusList('NEED_STATUSES'),
  'contracts.contract.signed_by_': () => ['purchaser', 'supplier'],
  'contracts.milestone.': () => statusList('MILESTONE_STATUSES'),
  'funds.ledger.': () => [...statusList('OPERATIONS'), 'reverse'],
  // deposits and bonds: the account's states and the custody ledger's operations
  'funds.custody.': () => statusList('CUSTODY_STATUSES'),
  'funds.custody.ledger.': () => statusList('CUSTODY_OPERATIONS'),
  // the sealed-bid journal (procurement), copied into the chain at opening with this prefix
  'procurement.': () => [],
};

/**
 * The keys of the backend's message templates (inbox, timeline and record texts, `platform/i18n/messages`): codes of
 * the same shape as actions, but texts, not audit events — unless an `action:` also writes one.
 */
function messageTemplateKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(join(BACKEND, 'platform/i18n/messages'))) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/^\s*'([a-z_]+(?:\.[a-z_]+)+)': \{/gm)) keys.add(key);
  }
  return keys;
}

/** Every action code the backend can write, read from its sources (`action: …` expressions). */
function backendActions(): { codes: Set<string>; unknownTemplates: string[] } {
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  const threeSegments = new RegExp(`'((?:${CONTEXTS.join('|')})\\.[a-z_]+\\.[a-z_]+)'`, 'g');
  const templates = messageTemplateKeys();
  for (const file of sources(join(BACKEND, 'modules'))) {
    const text = readFileSync(file, 'utf8');
    // codes kept in constants (e.g. organisation-lifecycle.service.ts) as well as those written in place; a message
    // template's key is not an action (the `action:` expressions below still add one that is both)
    for (const [, code] of text.matchAll(threeSegments)) if (!templates.has(code)) codes.add(code);
    for (const [, expr] of text.matchAll(/\baction: ([^,\n]+)/g)) {
      const template = /^`([a-z_.]+)\$\{/.exec(expr);
      if (template) {
        const list = DYNAMIC[template[1]];
        if (!list) unknownTemplates.push(`${template[1]}… in ${file}`);
        else for (const state of list()) codes.add(template[1] + state);
        continue;
      }
      for (const [, literal] of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) {
        codes.add(CONTEXTS.includes(literal.split('.')[0]) ? literal : `procurement.${literal}`);
      }
    }
  }
  return { codes, unknownTemplates };
}

describe('audit action labels', () => {
  it('has words for every action code the backend writes', () => {
    const { codes, unknownTemplates } = backendActions();
    expect(unknownTemplates).toEqual([]);
    expect(codes.size).toBeGreaterThan(80);
    expect(messageTemplateKeys().size).toBeGreaterThan(30); // the catalogue was read: its keys are left out
    expect([...codes].filter((code) => !(code in ACTION_LABELS)).sort()).toEqual([]);
  });

  it('reads a code in the reader’s language', () => {
    expect(actionLabel('identity.login.succeeded', 'zh-CN')).toBe('登录成功');
    expect(actionLabel('identity.login.succeeded', 'en-US')).toBe('Signed in');
    expect(actionLabel('procurement.tender.award_notice', 'en-US')).toBe('Award notice published');
  });

  it('shows an unknown code as the code itself', () => {
    expect(actionLabel('evaluation.task.unheard_of', 'zh-CN')).toBe('evaluation.task.unheard_of');
  });

  it('has both languages for every label', () => {
    for (const [code, [zh, en]] of Object.entries(ACTION_LABELS)) {
      expect([code, zh.length > 0, en.length > 0]).toEqual([code, true, true]);
    }
  });
});
