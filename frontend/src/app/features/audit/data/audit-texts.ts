import { interpolate, type Lang, type TranslationParams } from '../../../core/i18n/translation.service';

/**
 * The texts of the audit pages added with checkpoints and the readable difference (zh-CN first, en-US), kept
 * beside the feature: they are read only here.
 */
const TEXTS = {
  'reason.SEQUENCE_GAP': ['序号不连续（有记录被删除）', 'a gap in the sequence (an event was deleted)'],
  'reason.PREVIOUS_HASH_MISMATCH': ['与前一条记录的哈希不衔接', 'does not link to the previous event’s hash'],
  'reason.HASH_MISMATCH': ['记录内容与其哈希不符（记录被改动）', 'the event does not match its hash (it was altered)'],
  'reason.HEAD_MISMATCH': [
    '链头与最新记录不符（末尾记录被删除或替换）',
    'the chain head does not match the last event (events removed or replaced at the end)',
  ],
  'reason.CHECKPOINT_MISMATCH': [
    '与签名检查点不符：此前的记录被改写并重新计算了哈希',
    'differs from a signed checkpoint: events up to here were rewritten and re-hashed',
  ],
  'reason.CHECKPOINT_AHEAD_OF_CHAIN': [
    '签名检查点记录的位置已不在链中：末尾记录被删除（或整链被清空）',
    'a signed checkpoint lies beyond the chain: events were removed from the end (or all of them)',
  ],
  'reason.CHECKPOINT_SIGNATURE_INVALID': [
    '检查点签名无效（检查点被篡改）',
    'the checkpoint’s signature does not verify (it was altered)',
  ],
  'reason.CHECKPOINT_MISSING': ['已公布的检查点在数据库中缺失', 'a published checkpoint is missing from the database'],
  'reason.CHECKPOINT_CHAIN_BROKEN': ['检查点与前一个检查点不衔接', 'the checkpoint does not link to the one before'],
  'reason.CHECKPOINT_CONFLICT': [
    '同一检查点存在两个不同的签名版本',
    'two differently signed versions of one checkpoint exist',
  ],
  verifyOk: [
    '链完整：已校验 {checked} 条记录，并与 {checkpoints} 个签名检查点比对',
    'Chain intact: {checked} events verified against {checkpoints} signed checkpoints',
  ],
  verifyBroken: [
    '发现 {count} 处问题（共校验 {checked} 条记录）',
    '{count} problem(s) found ({checked} events checked)',
  ],
  verifyNoKey: [
    '未配置签名密钥：只校验了记录之间的链接，未与检查点比对',
    'No signing key configured: the links were checked, not compared with checkpoints',
  ],
  breakAt: ['第 {seq} 条', 'Event {seq}'],
  breakCheckpoint: ['检查点 #{id}', 'checkpoint #{id}'],
  moreBreaks: ['另有 {count} 处未列出', '{count} more not listed'],
  stateTitle: ['链状态', 'Chain state'],
  stateHead: ['最新记录', 'Latest event'],
  stateLastCheckpoint: ['最近检查点', 'Latest checkpoint'],
  stateCheckpoint: ['#{id}：第 {seq} 条，{at}', '#{id}: event {seq}, {at}'],
  stateNoCheckpoint: ['尚无检查点', 'None yet'],
  stateCheckpointsDisabled: ['未配置签名密钥', 'No signing key configured'],
  stateUnanchored: ['尚未锚定的记录', 'Events not yet anchored'],
  stateLastVerification: ['最近校验', 'Latest verification'],
  stateNever: ['尚未校验', 'Never'],
  stateVerified: ['{at} 由 {by} 校验：{result}', '{at} by {by}: {result}'],
  stateIntact: ['完整', 'intact'],
  stateProblems: ['{count} 处问题', '{count} problem(s)'],
  takeCheckpoint: ['立即生成检查点', 'Take a checkpoint now'],
  checkpointCreated: ['已生成检查点 #{id}（锚定第 {seq} 条）', 'Checkpoint #{id} taken (anchors event {seq})'],
  checkpointUnchanged: ['最新记录已由检查点 #{id} 锚定', 'The latest event is already anchored by checkpoint #{id}'],
  nothingToAnchor: ['尚无可锚定的记录', 'Nothing to anchor yet'],
  publicCheckpoints: ['公开的检查点', 'Published checkpoints'],
  publicKey: ['签名公钥', 'Signing public key'],
  timesInBeijing: ['时间均为北京时间', 'Times are Beijing time'],
  diffField: ['字段', 'Field'],
  diffNone: ['此记录没有变更内容', 'This event records no values'],
  seq: ['序号', 'Seq'],
} as const satisfies Record<string, readonly [string, string]>;

export type AuditTextKey = keyof typeof TEXTS;

export function auditText(lang: Lang, key: AuditTextKey, params?: TranslationParams): string {
  const [zh, en] = TEXTS[key];
  return interpolate(lang === 'zh-CN' ? zh : en, params);
}

/** For reasons coming from the API: an unknown one shows as the code. */
export function reasonText(lang: Lang, reason: string): string {
  const key = `reason.${reason}`;
  return key in TEXTS ? auditText(lang, key as AuditTextKey) : reason;
}
