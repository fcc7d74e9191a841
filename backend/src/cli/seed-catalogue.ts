/** The demo guidance catalogue (政府购买服务指导性目录): 8 top categories, 30 items, in zh-CN. */
type Field = {
  key: string;
  label: string;
  type: 'enum' | 'int' | 'text' | 'timeWindow';
  required: boolean;
  options?: string[];
  min?: number;
  max?: number;
};
type Item = [code: string, name: string, unit: string, priceCap: string, minGrade: number, standard: string];
type Cat = { code: string; name: string; schema?: Field[]; children?: Cat[]; items?: Item[] };

const headcount: Field = { key: 'headcount', label: '预计服务人数', type: 'int', required: true, min: 1, max: 5000 };
const frequency: Field = {
  key: 'frequency',
  label: '服务频次',
  type: 'enum',
  required: false,
  options: ['每天', '每周', '每月', '一次性'],
};
const timeWindow: Field = { key: 'timeWindow', label: '服务时段', type: 'timeWindow', required: false };
const place: Field = { key: 'place', label: '服务场所', type: 'text', required: false };
const group = (options: string[]): Field => ({
  key: 'targetGroup',
  label: '服务对象',
  type: 'enum',
  required: true,
  options,
});

export const DEMO_SCHEDULE = [
  { label: '预付款', percent: 30 },
  { label: '中期款', percent: 40 },
  { label: '尾款（评估后支付）', percent: 30 },
];

export const DEMO_CATALOGUE: Cat[] = [
  {
    code: 'A',
    name: '养老服务',
    schema: [group(['独居老人', '高龄老人', '失能半失能老人', '一般老年人']), headcount, frequency, timeWindow],
    children: [
      {
        code: 'A01',
        name: '居家养老',
        items: [
          [
            'A0101',
            '老年助餐（堂食/送餐）',
            '人次',
            '15.00',
            2,
            '每餐一荤两素一汤，符合《老年人营养配餐指南》，送餐30分钟内送达',
          ],
          ['A0102', '上门助浴', '人次', '80.00', 3, '两名护理员上门，配备防滑、测温设备，单次不少于45分钟'],
          ['A0103', '居家保洁', '人次', '60.00', 2, '单次2小时，含厨房、卫生间清洁'],
          ['A0104', '上门康复护理', '人次', '150.00', 3, '持证康复治疗师上门，制定个案计划'],
        ],
      },
      {
        code: 'A02',
        name: '社区日间照料',
        items: [
          ['A0201', '日间照料', '人天', '120.00', 3, '提供午餐、午休、文娱与健康监测，8:00-17:00'],
          ['A0202', '认知症照护小组', '小时', '200.00', 4, '专业社工带领，6-10人小组'],
        ],
      },
      {
        code: 'A03',
        name: '健康管理',
        items: [
          ['A0301', '慢病随访', '人次', '30.00', 2, '血压血糖测量并建档，异常情况转介'],
          ['A0302', '健康讲座', '场', '1500.00', 2, '执业医师主讲，每场不少于60分钟'],
        ],
      },
    ],
  },
  {
    code: 'B',
    name: '儿童关爱',
    schema: [group(['学龄前儿童', '小学生', '初中生', '困境儿童']), headcount, frequency, timeWindow],
    children: [
      {
        code: 'B01',
        name: '四点半课堂',
        items: [
          ['B0101', '课后托管', '人次', '25.00', 2, '放学后至18:00，师生比不低于1:15'],
          ['B0102', '作业辅导', '小时', '60.00', 2, '有教师资格的志愿者或社工辅导'],
        ],
      },
      {
        code: 'B02',
        name: '困境儿童关爱',
        items: [
          ['B0201', '困境儿童个案帮扶', '个案', '3000.00', 3, '一案一策，服务周期不少于6个月'],
          ['B0202', '儿童心理辅导', '小时', '300.00', 4, '持证心理咨询师'],
          ['B0203', '儿童安全教育', '场', '1500.00', 2, '防溺水、防拐、交通安全等主题'],
        ],
      },
    ],
  },
  {
    code: 'C',
    name: '残疾人服务',
    schema: [group(['肢体残疾', '视力残疾', '听力言语残疾', '智力精神残疾']), headcount, frequency],
    children: [
      {
        code: 'C01',
        name: '康复服务',
        items: [
          ['C0101', '社区康复训练', '人次', '100.00', 3, '康复师一对一或小组训练'],
          ['C0102', '辅具适配', '件', '500.00', 3, '评估、适配与使用培训'],
        ],
      },
      { code: 'C02', name: '就业支持', items: [['C0201', '职业技能培训', '人次', '300.00', 3, '培训后提供就业推荐']] },
    ],
  },
  {
    code: 'D',
    name: '社区治理',
    schema: [headcount, place],
    children: [
      {
        code: 'D01',
        name: '议事协商',
        items: [['D0101', '居民议事会组织', '场', '2000.00', 2, '会前征集议题，会后形成决议并公示']],
      },
      {
        code: 'D02',
        name: '社区营造',
        items: [
          ['D0201', '社区公共空间营造', '项', '50000.00', 3, '居民参与设计，项目周期不超过1年'],
          ['D0202', '邻里节活动', '场', '8000.00', 2, '参与居民不少于200人次'],
        ],
      },
    ],
  },
  {
    code: 'E',
    name: '社会救助',
    schema: [headcount, frequency],
    children: [
      {
        code: 'E01',
        name: '困难群众帮扶',
        items: [
          ['E0101', '低保家庭走访', '户次', '50.00', 2, '建立走访台账'],
          ['E0102', '临时救助评估', '户', '200.00', 3, '入户评估并出具报告'],
          ['E0103', '就业援助', '人次', '200.00', 3, '岗位推荐与跟踪'],
        ],
      },
    ],
  },
  {
    code: 'F',
    name: '心理健康',
    schema: [headcount, timeWindow],
    children: [
      {
        code: 'F01',
        name: '心理咨询',
        items: [
          ['F0101', '个体心理咨询', '小时', '300.00', 4, '持证心理咨询师，保护隐私'],
          ['F0102', '团体心理辅导', '场', '2500.00', 4, '8-15人，不少于90分钟'],
        ],
      },
    ],
  },
  {
    code: 'G',
    name: '志愿服务',
    schema: [headcount],
    children: [
      {
        code: 'G01',
        name: '志愿者培育',
        items: [
          ['G0101', '志愿者培训', '人次', '80.00', 2, '培训后在志愿服务信息系统登记时长'],
          ['G0102', '志愿服务项目运营', '项', '30000.00', 3, '项目周期1年，月度报告'],
        ],
      },
    ],
  },
  {
    code: 'H',
    name: '文体服务',
    schema: [headcount, frequency, place],
    children: [
      {
        code: 'H01',
        name: '文体活动',
        items: [
          ['H0101', '社区文艺活动', '场', '5000.00', 2, '节目不少于8个'],
          ['H0102', '全民健身指导', '小时', '150.00', 2, '社会体育指导员'],
          ['H0103', '老年大学课程', '课时', '200.00', 2, '每期不少于12课时'],
          ['H0104', '社区读书会', '场', '1000.00', 1, '每场不少于15人'],
        ],
      },
    ],
  },
];
