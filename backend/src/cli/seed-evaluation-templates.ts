import { EntityManager } from 'typeorm';

import type {
  ComputedIndicator,
  GuideLevel,
  IndicatorNode,
  IndicatorTree,
} from '../modules/evaluation/domain/indicator-tree';

/**
 * The demo indicator templates (指标体系, issue #11): project evaluation trees in zh-CN on the usual 决策 / 过程 / 产出 /
 * 效益 frame of 财政支出绩效评价 (100 points), one for each of 居家养老 (养老服务), 儿童关爱 and 社区治理, and a general one
 * for the catalogue's other categories. Each uses the computed indicators where the service has the data for them
 * (服务时长 only where the service is counted in hours: not for 社区治理, whose outputs are meetings and projects) and
 * manual leaves with a 3–4 level scoring guide for the rest. Every item of the seeded catalogue points at its
 * category's template.
 */

type Level = [label: string, description: string];

/** Cents of points as the tree writes them: 240 → "2.4". */
function points(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `${whole}` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * A guide of 3 or 4 levels over a leaf's points: 4 levels at 80 % / 60 % / 30 %, 3 levels at 80 % / 50 % (each level
 * ends 0.01 below the next one's start).
 */
function guide(total: string, levels: readonly Level[]): GuideLevel[] {
  const max = Math.round(Number(total) * 100);
  const cuts = levels.length === 4 ? [80, 60, 30] : [80, 50];
  const starts = [...cuts.map((c) => Math.round((max * c) / 100)), 0];
  return levels.map(([label, description], i) => ({
    label,
    from: points(starts[i]),
    to: points(i === 0 ? max : starts[i - 1] - 1),
    description,
  }));
}

const manual = (
  key: string,
  name: string,
  p: string,
  levels: readonly Level[],
  evidenceHint: string,
): IndicatorNode => ({
  key,
  name,
  points: p,
  kind: 'MANUAL',
  guide: guide(p, levels),
  evidenceHint,
});

/** What each computed indicator measures, and how the evaluator scores it when the data are insufficient. */
const COMPUTED_GUIDES: Record<ComputedIndicator, { levels: Level[]; hint: string }> = {
  BENEFICIARIES_SERVED: {
    levels: [
      ['达标', '实际服务对象数达到计划数的 80% 以上，名单真实可核'],
      ['基本达标', '达到计划数的 50%–80%，或名单存在少量重复、缺漏'],
      ['未达标', '不足计划数的 50%，或名单无法核实'],
    ],
    hint: '系统按已验收报告中的服务对象数 ÷ 项目计划受益人数计算；数据不足时核对服务对象名单与签到表后人工评分',
  },
  SERVICE_HOURS: {
    levels: [
      ['达标', '实际服务时长达到计划时长的 80% 以上，服务记录完整'],
      ['基本达标', '达到计划时长的 50%–80%，或部分记录缺少服务对象签字'],
      ['未达标', '不足计划时长的 50%，或服务记录不可信'],
    ],
    hint: '系统按已验收报告中的服务时长合计 ÷ 计划服务时长计算；数据不足时抽查服务工单与签字记录后人工评分',
  },
  MILESTONES_ON_TIME: {
    levels: [
      ['按时', '全部或绝大多数里程碑在约定日期前通过验收'],
      ['略有延误', '个别里程碑延期，但未影响项目整体进度'],
      ['严重延误', '多数里程碑延期验收，项目进度明显滞后'],
    ],
    hint: '系统按约定日期前通过验收的里程碑数 ÷ 合同全部里程碑数计算',
  },
  FUNDS_PAID: {
    levels: [
      ['到位', '合同资金按约定节点足额拨付'],
      ['基本到位', '个别款项延迟拨付，未影响服务开展'],
      ['未到位', '资金拨付明显滞后或不足，影响服务开展'],
    ],
    hint: '系统按已支付金额 ÷ 合同承诺金额（资金到位率）计算',
  },
  SATISFACTION: {
    levels: [
      ['满意', '满意和非常满意的答卷占 90% 以上'],
      ['基本满意', '满意率 70%–90%'],
      ['不满意', '满意率不足 70%，或有集中投诉'],
    ],
    hint: '系统按满意度调查中“满意”“非常满意”的答卷数 ÷ 有效答卷数计算；答卷不足最低数量时，评估员入户访谈后人工评分并说明理由',
  },
};

const computed = (key: string, name: string, p: string, c: ComputedIndicator): IndicatorNode => ({
  key,
  name,
  points: p,
  kind: 'COMPUTED',
  computed: c,
  guide: guide(p, COMPUTED_GUIDES[c].levels),
  evidenceHint: COMPUTED_GUIDES[c].hint,
});

const group = (key: string, name: string, p: string, children: IndicatorNode[]): IndicatorNode => ({
  key,
  name,
  points: p,
  children,
});

// Guides shared by every template (决策 and the money part of 过程 read the same everywhere).
const G = {
  basis: [
    ['充分', '立项前开展了需求调研，需求来源于居民点单且有记录，立项依据充分'],
    ['较充分', '有需求调研，但样本或记录不够完整'],
    ['一般', '需求依据主要来自经验判断，调研记录零散'],
    ['不充分', '无需求调研，立项依据缺失'],
  ] as Level[],
  goals: [
    ['明确', '绩效目标具体、可衡量，数量、质量、时效、成本指标齐全并与预算匹配'],
    ['较明确', '目标基本可衡量，个别指标缺少量化标准'],
    ['一般', '目标笼统，多数指标无法衡量'],
    ['不明确', '未设定绩效目标'],
  ] as Level[],
  budget: [
    ['科学', '预算编制依据充分，单价不超过目录最高限价，测算过程清楚'],
    ['较科学', '预算基本合理，个别科目测算依据不足'],
    ['不科学', '预算与服务内容明显不匹配或测算依据缺失'],
  ] as Level[],
  compliance: [
    ['合规', '专账核算，支出符合合同约定和财务制度，票据齐全'],
    ['基本合规', '存在个别票据不规范等轻微问题，已整改'],
    ['不合规', '存在挤占、挪用或无依据支出'],
  ] as Level[],
  cost: [
    ['节约', '单位服务成本低于合同单价，无超支'],
    ['合理', '单位服务成本与合同单价持平'],
    ['偏高', '存在超支或单位成本明显偏高且理由不充分'],
  ] as Level[],
};

const decision = (targetingName: string, targeting: Level[], targetingHint: string): IndicatorNode =>
  group('A', '决策', '15', [
    group('A1', '项目立项', '6', [
      manual('A11', '立项依据充分性', '3', G.basis, '需求征集记录、居民点单与附议清单、需求评估报告'),
      manual('A12', targetingName, '3', targeting, targetingHint),
    ]),
    group('A2', '绩效目标', '5', [manual('A21', '绩效目标明确性', '5', G.goals, '项目实施方案中的绩效目标表')]),
    group('A3', '资金投入', '4', [
      manual('A31', '预算编制科学性', '4', G.budget, '项目预算明细、报价单与目录限价对照'),
    ]),
  ]);

const money = (compliance = '资金使用合规性'): IndicatorNode =>
  group('B1', '资金管理', '10', [
    computed('B11', '资金到位率', '5', 'FUNDS_PAID'),
    manual('B12', compliance, '5', G.compliance, '项目专账、记账凭证与发票，抽查不少于 20% 的支出'),
  ]);

const onTime = (): IndicatorNode =>
  group('C3', '产出时效', '8', [computed('C31', '里程碑按时完成率', '8', 'MILESTONES_ON_TIME')]);

const cost = (hint: string): IndicatorNode =>
  group('C4', '产出成本', '4', [manual('C41', '成本控制', '4', G.cost, hint)]);

const satisfaction = (name: string): IndicatorNode =>
  group('D3', '服务对象满意度', '12', [computed('D31', name, '12', 'SATISFACTION')]);

export interface SeedTemplate {
  code: string;
  name: string;
  description: string;
  /** The top-level catalogue categories whose items point at it (null: every other category). */
  categories: string[] | null;
  tree: IndicatorTree;
}

export const ELDERLY_TEMPLATE: SeedTemplate = {
  code: 'XM-JJYL',
  name: '居家养老服务项目绩效评价指标体系',
  description: '适用于助餐、助浴、保洁、康复护理、日间照料、健康管理等养老服务项目。',
  categories: ['A'],
  tree: {
    total: '100',
    nodes: [
      decision(
        '服务对象识别精准性',
        [
          ['精准', '服务对象均经入户评估，独居、高龄、失能老人优先，名单与需求评估表一致'],
          ['较精准', '多数服务对象经过评估，个别对象不符合条件'],
          ['一般', '评估记录不全，服务对象选择随意'],
          ['不精准', '无评估记录，服务对象明显偏离目标人群'],
        ],
        '老年人能力评估表、服务对象名单（与民政信息系统比对）',
      ),
      group('B', '过程', '20', [
        money(),
        group('B2', '组织实施', '10', [
          manual(
            'B21',
            '管理制度健全性',
            '3',
            [
              ['健全', '服务流程、应急预案、投诉处理、食品安全等制度齐全并上墙公示'],
              ['基本健全', '主要制度齐全，个别制度缺失或未公示'],
              ['不健全', '缺少服务流程或应急预案等关键制度'],
            ],
            '制度汇编、公示照片',
          ),
          manual(
            'B22',
            '服务人员资质',
            '4',
            [
              ['符合', '护理员全部持养老护理员证或健康证上岗，康复师持证，岗前培训有记录'],
              ['基本符合', '90% 以上人员持证，个别证件过期已补办'],
              ['部分符合', '持证率 70%–90%'],
              ['不符合', '持证率不足 70% 或康复服务由无证人员提供'],
            ],
            '人员花名册、资格证书复印件、培训签到表',
          ),
          manual(
            'B23',
            '服务档案与台账',
            '3',
            [
              ['完整', '一人一档，服务工单有老人或家属签字，台账与报告数据一致'],
              ['基本完整', '个别工单缺签字或信息不全'],
              ['不完整', '档案缺失，台账与报告数据不符'],
            ],
            '服务对象档案、服务工单（抽查不少于 30 份）',
          ),
        ]),
      ]),
      group('C', '产出', '40', [
        group('C1', '产出数量', '16', [
          computed('C11', '服务对象覆盖率', '8', 'BENEFICIARIES_SERVED'),
          computed('C12', '服务时长完成率', '8', 'SERVICE_HOURS'),
        ]),
        group('C2', '产出质量', '12', [
          manual(
            'C21',
            '服务规范达标率',
            '6',
            [
              ['优', '现场抽查的服务全部符合目录服务标准（助餐一荤两素一汤、送餐 30 分钟内送达、助浴两人上门等）'],
              ['良', '抽查达标率 90% 以上'],
              ['中', '抽查达标率 70%–90%'],
              ['差', '抽查达标率不足 70%'],
            ],
            '现场查看与跟访照片（带时间地点）、服务标准对照表',
          ),
          manual(
            'C22',
            '安全与投诉处理',
            '6',
            [
              ['好', '服务期间无安全责任事故，投诉在 48 小时内回应并办结'],
              ['一般', '无安全责任事故，个别投诉处理超时'],
              ['差', '发生安全责任事故，或投诉长期未处理'],
            ],
            '安全检查记录、投诉登记与回访记录',
          ),
        ]),
        onTime(),
        cost('单位服务成本测算表（实际支出 ÷ 服务人次）与合同单价对照'),
      ]),
      group('D', '效益', '25', [
        group('D1', '社会效益', '8', [
          manual(
            'D11',
            '老年人生活质量改善',
            '8',
            [
              ['显著', '老人饮食、个人卫生、居家环境明显改善，家属照护负担减轻，有案例佐证'],
              ['较好', '多数服务对象状况有改善'],
              ['一般', '改善不明显'],
              ['无', '看不到改善或出现负面影响'],
            ],
            '入户访谈记录（不少于 10 户）、典型案例、前后对比评估',
          ),
        ]),
        group('D2', '可持续影响', '5', [
          manual(
            'D21',
            '长效机制建设',
            '5',
            [
              ['好', '培育了邻里互助或志愿者队伍，开展家属照护培训，形成可复制做法'],
              ['一般', '有志愿者参与，但尚未形成稳定机制'],
              ['差', '服务完全依赖项目资金，结束即中断'],
            ],
            '志愿者名册、家属培训记录、经验总结',
          ),
        ]),
        satisfaction('老年人及家属满意率'),
      ]),
    ],
  },
};

export const CHILDREN_TEMPLATE: SeedTemplate = {
  code: 'XM-ETGA',
  name: '儿童关爱服务项目绩效评价指标体系',
  description: '适用于四点半课堂、作业辅导、困境儿童个案帮扶、儿童心理辅导与安全教育等项目。',
  categories: ['B'],
  tree: {
    total: '100',
    nodes: [
      decision(
        '儿童保护与风险评估',
        [
          ['完善', '制定了儿童保护政策，开展了服务风险评估，家长知情同意书齐全'],
          ['较完善', '有儿童保护措施，风险评估或知情同意书不够完整'],
          ['一般', '仅有口头约定，书面材料缺失较多'],
          ['缺失', '未考虑儿童保护和服务风险'],
        ],
        '儿童保护政策、风险评估表、家长知情同意书',
      ),
      group('B', '过程', '20', [
        money(),
        group('B2', '组织实施', '10', [
          manual(
            'B21',
            '儿童安全保护制度',
            '4',
            [
              ['健全', '接送交接、场地安全、突发事件处置、隐私保护制度齐全并执行'],
              ['较健全', '主要制度齐全，个别执行记录缺失'],
              ['一般', '制度不全，执行随意'],
              ['缺失', '无接送交接或安全制度'],
            ],
            '安全制度、接送交接登记、场地安全检查记录',
          ),
          manual(
            'B22',
            '服务人员资质与背景审查',
            '3',
            [
              ['符合', '辅导人员具有教师资格或社工证，心理咨询师持证，全部人员经无犯罪记录查询'],
              ['基本符合', '个别志愿者资质材料不全'],
              ['不符合', '有人员未经背景审查即接触儿童'],
            ],
            '人员资质证书、无犯罪记录证明、志愿者登记表',
          ),
          manual(
            'B23',
            '个案与活动档案',
            '3',
            [
              ['完整', '个案一案一档（评估、计划、记录、结案），活动有签到与照片'],
              ['基本完整', '个别个案记录不连续'],
              ['不完整', '档案缺失，无法反映服务过程'],
            ],
            '个案档案（抽查不少于 5 份）、活动签到表与照片',
          ),
        ]),
      ]),
      group('C', '产出', '40', [
        group('C1', '产出数量', '16', [
          computed('C11', '受益儿童覆盖率', '8', 'BENEFICIARIES_SERVED'),
          computed('C12', '服务时数完成率', '8', 'SERVICE_HOURS'),
        ]),
        group('C2', '产出质量', '12', [
          manual(
            'C21',
            '课业辅导与活动质量',
            '6',
            [
              ['优', '师生比不低于 1:15，辅导内容有计划，活动形式适合儿童年龄'],
              ['良', '基本符合服务标准，个别时段师生比超标'],
              ['中', '服务内容随意，缺少计划'],
              ['差', '看护为主，无实质辅导或活动'],
            ],
            '课程与活动计划、现场观察记录、学生作业抽查',
          ),
          manual(
            'C22',
            '个案服务目标达成',
            '6',
            [
              ['好', '80% 以上的个案达成服务计划目标并规范结案'],
              ['一般', '50%–80% 的个案达成目标'],
              ['差', '多数个案未达成目标或无服务计划'],
            ],
            '个案评估前后对比、结案报告',
          ),
        ]),
        onTime(),
        cost('单位服务成本测算表（实际支出 ÷ 服务人次或课时）与合同单价对照'),
      ]),
      group('D', '效益', '25', [
        group('D1', '社会效益', '8', [
          manual(
            'D11',
            '儿童成长改善',
            '8',
            [
              ['显著', '儿童学业、行为习惯或心理状况有明显改善，家长和学校反馈积极'],
              ['较好', '多数儿童有改善'],
              ['一般', '改善不明显'],
              ['无', '无改善或出现负面事件'],
            ],
            '家长、教师访谈记录，儿童成长记录或量表前后测',
          ),
        ]),
        group('D2', '可持续影响', '5', [
          manual(
            'D21',
            '家校社协同机制',
            '5',
            [
              ['好', '与学校、社区、家长建立了固定的沟通与转介机制，家长参与志愿服务'],
              ['一般', '有联系，但不固定'],
              ['差', '项目单方面开展，未与学校、家长形成协同'],
            ],
            '合作协议、家长会记录、转介记录',
          ),
        ]),
        satisfaction('儿童及家长满意率'),
      ]),
    ],
  },
};

export const GOVERNANCE_TEMPLATE: SeedTemplate = {
  code: 'XM-SQZL',
  name: '社区治理服务项目绩效评价指标体系',
  description: '适用于居民议事协商、社区公共空间营造、邻里节等社区治理项目（按场次、项目计，不计服务时长）。',
  categories: ['D'],
  tree: {
    total: '100',
    nodes: [
      decision(
        '居民参与设计',
        [
          ['充分', '议题由居民提出，方案经居民议事会讨论并公示'],
          ['较充分', '居民参与了方案讨论，但范围有限'],
          ['一般', '仅征求了少数居民意见'],
          ['无', '方案由机构单方面制定'],
        ],
        '议题征集记录、议事会会议纪要、方案公示照片',
      ),
      group('B', '过程', '20', [
        money('资金使用合规与公示'),
        group('B2', '组织实施', '10', [
          manual(
            'B21',
            '议事规则与程序规范',
            '4',
            [
              ['规范', '有成文的议事规则，会前征集议题、会中表决、会后决议公示，程序完整'],
              ['较规范', '程序基本完整，个别环节缺记录'],
              ['一般', '议事随意，表决或公示缺失'],
              ['不规范', '无议事规则，决定由少数人作出'],
            ],
            '议事规则、会议通知、表决记录、决议公示',
          ),
          manual(
            'B22',
            '多方协同',
            '3',
            [
              ['好', '居委会、物业、业委会、驻区单位共同参与并分工明确'],
              ['一般', '有部分主体参与'],
              ['差', '仅项目执行机构参与'],
            ],
            '联席会议记录、合作协议',
          ),
          manual(
            'B23',
            '过程记录与公开',
            '3',
            [
              ['完整', '活动、议事、资金使用均有记录并在社区公开'],
              ['基本完整', '记录基本完整，公开不及时'],
              ['不完整', '记录缺失，未公开'],
            ],
            '活动记录、公开栏照片、社区群公告截图',
          ),
        ]),
      ]),
      group('C', '产出', '40', [
        group('C1', '产出数量', '14', [
          computed('C11', '居民参与覆盖率', '8', 'BENEFICIARIES_SERVED'),
          manual(
            'C12',
            '议事与活动场次完成',
            '6',
            [
              ['完成', '议事会、活动场次全部按计划完成，每场参与人数达到要求'],
              ['基本完成', '完成计划场次的 80% 以上'],
              ['部分完成', '完成计划场次的 50%–80%'],
              ['未完成', '完成不足 50%'],
            ],
            '活动计划与实际场次对照、签到表',
          ),
        ]),
        group('C2', '产出质量', '14', [
          manual(
            'C21',
            '议事决议形成与落实',
            '8',
            [
              ['好', '议事形成了书面决议，80% 以上的决议已落实或有落实计划'],
              ['较好', '形成决议，落实率 50%–80%'],
              ['一般', '决议落实率不足 50%'],
              ['差', '议而不决，无书面决议'],
            ],
            '决议文本、落实情况跟踪表、现场查看',
          ),
          manual(
            'C22',
            '公共空间营造成效',
            '6',
            [
              ['好', '营造的空间投入使用，居民使用频繁，有管护约定'],
              ['一般', '空间建成但使用率不高'],
              ['差', '未建成或建成后闲置'],
            ],
            '改造前后照片、使用记录、管护公约',
          ),
        ]),
        onTime(),
        cost('项目决算表、主要采购比价记录'),
      ]),
      group('D', '效益', '25', [
        group('D1', '社会效益', '8', [
          manual(
            'D11',
            '社区问题解决与邻里关系改善',
            '8',
            [
              ['显著', '议题所指的社区问题得到解决，邻里互动明显增加，有居民反馈佐证'],
              ['较好', '问题部分解决，邻里关系有改善'],
              ['一般', '改善不明显'],
              ['无', '问题未解决或引发新的矛盾'],
            ],
            '居民访谈记录、12345 投诉数据前后对比',
          ),
        ]),
        group('D2', '可持续影响', '5', [
          manual(
            'D21',
            '居民自治组织培育',
            '5',
            [
              ['好', '培育了能自主运转的居民自治组织或骨干队伍，项目结束后仍在活动'],
              ['一般', '形成了骨干队伍，但依赖项目支持'],
              ['差', '未培育任何居民组织'],
            ],
            '自治组织名册、章程、项目结束后的活动记录',
          ),
        ]),
        satisfaction('居民满意率'),
      ]),
    ],
  },
};

export const GENERAL_TEMPLATE: SeedTemplate = {
  code: 'XM-TY',
  name: '政府购买社区服务项目通用绩效评价指标体系',
  description: '适用于残疾人服务、社会救助、心理健康、志愿服务、文体服务等没有专门指标体系的项目。',
  categories: null,
  tree: {
    total: '100',
    nodes: [
      decision(
        '立项程序规范性',
        [
          ['规范', '项目经需求征集、审议、公示等程序立项，材料齐全'],
          ['较规范', '程序基本完整，个别材料缺失'],
          ['一般', '程序不完整'],
          ['不规范', '未履行立项程序'],
        ],
        '立项审批材料、公示记录',
      ),
      group('B', '过程', '20', [
        money(),
        group('B2', '组织实施', '10', [
          manual(
            'B21',
            '管理制度健全性',
            '3',
            [
              ['健全', '项目管理、服务流程、安全与档案制度齐全'],
              ['基本健全', '主要制度齐全，个别缺失'],
              ['不健全', '缺少关键制度'],
            ],
            '制度汇编',
          ),
          manual(
            'B22',
            '制度执行有效性',
            '4',
            [
              ['有效', '制度得到执行，有完整的执行记录'],
              ['较有效', '多数制度执行到位'],
              ['一般', '执行记录零散'],
              ['无效', '制度流于形式'],
            ],
            '执行记录、会议纪要、检查记录',
          ),
          manual(
            'B23',
            '人员配备与资质',
            '3',
            [
              ['符合', '人员数量与资质符合合同和目录服务标准'],
              ['基本符合', '个别岗位资质不符或人员不足'],
              ['不符合', '关键岗位人员缺失或无资质'],
            ],
            '人员花名册、资质证书',
          ),
        ]),
      ]),
      group('C', '产出', '40', [
        group('C1', '产出数量', '16', [
          computed('C11', '服务对象覆盖率', '8', 'BENEFICIARIES_SERVED'),
          computed('C12', '服务时长完成率', '8', 'SERVICE_HOURS'),
        ]),
        group('C2', '产出质量', '12', [
          manual(
            'C21',
            '服务标准执行',
            '6',
            [
              ['优', '现场抽查的服务全部符合目录服务标准'],
              ['良', '抽查达标率 90% 以上'],
              ['中', '抽查达标率 70%–90%'],
              ['差', '抽查达标率不足 70%'],
            ],
            '现场查看与照片（带时间地点）、服务标准对照表',
          ),
          manual(
            'C22',
            '服务记录完整性',
            '6',
            [
              ['完整', '服务记录完整，有服务对象签字，与报告数据一致'],
              ['基本完整', '个别记录缺签字或信息'],
              ['不完整', '记录缺失或与报告数据不符'],
            ],
            '服务记录、签到表（抽查不少于 30 份）',
          ),
        ]),
        onTime(),
        cost('单位服务成本测算表与合同单价对照'),
      ]),
      group('D', '效益', '25', [
        group('D1', '社会效益', '8', [
          manual(
            'D11',
            '服务对象状况改善',
            '8',
            [
              ['显著', '服务对象的困难得到明显缓解，有案例和数据佐证'],
              ['较好', '多数服务对象状况有改善'],
              ['一般', '改善不明显'],
              ['无', '服务对象状况没有改善'],
            ],
            '服务对象访谈记录、典型案例',
          ),
        ]),
        group('D2', '可持续影响', '5', [
          manual(
            'D21',
            '可持续发展能力',
            '5',
            [
              ['强', '形成了可复制的服务模式，链接了其他资源'],
              ['一般', '有一定经验积累'],
              ['弱', '服务完全依赖本项目资金'],
            ],
            '经验总结、资源链接记录',
          ),
        ]),
        satisfaction('服务对象满意率'),
      ]),
    ],
  },
};

export const SEED_TEMPLATES: readonly SeedTemplate[] = [
  ELDERLY_TEMPLATE,
  CHILDREN_TEMPLATE,
  GOVERNANCE_TEMPLATE,
  GENERAL_TEMPLATE,
];

export interface TemplateSeedReport {
  evaluationTemplates: number;
  catalogueItemsLinked: number;
}

/**
 * Idempotent: a template is inserted when its code has no version yet (ACTIVE, version 1); the items of the year's
 * seeded catalogue version that have no default template get their category's. Nothing else is touched, so a second
 * run changes nothing. Runs inside the demo seed's transaction, whose `system.seed.applied` event records the run (a
 * second audit writer in that transaction would race it for the chain head).
 */
export async function seedEvaluationTemplates(em: EntityManager, now: Date): Promise<TemplateSeedReport> {
  const report: TemplateSeedReport = { evaluationTemplates: 0, catalogueItemsLinked: 0 };
  const ids = new Map<string, number>();
  for (const t of SEED_TEMPLATES) {
    const [existing] = (await em.query('SELECT id FROM evaluation_templates WHERE code = ? ORDER BY version LIMIT 1', [
      t.code,
    ])) as Array<{ id: number }>;
    if (existing) {
      ids.set(t.code, existing.id);
      continue;
    }
    const res = (await em.query(
      `INSERT INTO evaluation_templates (code, version, name, purpose, status, total_points, tree, description, frozen_at,
         created_by, created_at, updated_at)
       VALUES (?, 1, ?, 'PROJECT', 'ACTIVE', ?, ?, ?, NULL, NULL, ?, ?)`,
      [t.code, t.name, t.tree.total, JSON.stringify(t.tree), t.description, now, now],
    )) as { insertId: number };
    ids.set(t.code, res.insertId);
    report.evaluationTemplates++;
  }

  // the catalogue version the demo seed made for this year (seed-demo.ts: the year's first version)
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const [version] = (await em.query('SELECT id FROM catalogue_versions WHERE year = ? ORDER BY version LIMIT 1', [
    year,
  ])) as Array<{ id: number }>;
  if (version) {
    const items = (await em.query(
      `SELECT i.id, COALESCE(p.code, c.code) AS root FROM catalogue_items i
         JOIN catalogue_categories c ON c.id = i.category_id
         LEFT JOIN catalogue_categories p ON p.id = c.parent_id
        WHERE i.version_id = ? AND i.default_template_id IS NULL`,
      [version.id],
    )) as Array<{ id: number; root: string }>;
    const general = SEED_TEMPLATES.find((t) => t.categories === null) as SeedTemplate;
    for (const item of items) {
      const t = SEED_TEMPLATES.find((x) => x.categories?.includes(item.root)) ?? general;
      await em.query('UPDATE catalogue_items SET default_template_id = ? WHERE id = ?', [ids.get(t.code), item.id]);
      report.catalogueItemsLinked++;
    }
  }

  return report;
}
