import {
  BidToScore,
  centsToPoints,
  pointsToCents,
  priceScoreCents,
  schemeProblem,
  scoreBids,
  sheetProblem,
  technicalScoreCents,
} from './comprehensive-scoring';

/** expert id → { criterion: points } written in points, stored in hundredths. */
function sheets(...perExpert: Array<Record<string, number>>): Map<number, Map<string, number>> {
  return new Map(
    perExpert.map((s, i) => [i + 1, new Map(Object.entries(s).map(([k, v]) => [k, Math.round(v * 100)]))]),
  );
}
const yuan = (y: number) => BigInt(y) * 100n;

describe('综合评分法 oracle: price weight 30 %, criteria A (40) and B (30), two experts', () => {
  // Hand-computed (lowest valid price 90 000 yuan):
  // bid | price   | price score            | expert 1 | expert 2 | technical | total | rank
  // b1  | 100 000 | 90/100 × 30   = 27.00  | 35+25=60 | 33+26=59 | 59.50     | 86.50 | 3
  // b2  |  90 000 | 90/90  × 30   = 30.00  | 30+20=50 | 32+22=54 | 52.00     | 82.00 | 6
  // b3  |  95 000 | 90/95  × 30   = 28.42  | 36+27=63 | 34+25=59 | 61.00     | 89.42 | 2
  // b4  | 120 000 | 90/120 × 30   = 22.50  | 40+30=70 | 39+29=68 | 69.00     | 91.50 | 1
  // b5  | 100 000 | 27.00                  | 35+25=60 | 33+26=59 | 59.50     | 86.50 | 3 (tied with b1 on everything)
  // b6  | 112 500 | 90/112.5 × 30 = 24.00  | 36+27=63 | 35+27=62 | 62.50     | 86.50 | 5 (same total as b1; higher price)
  const bids: BidToScore[] = [
    { bidId: 'b1', priceFen: yuan(100_000), scores: sheets({ A: 35, B: 25 }, { A: 33, B: 26 }) },
    { bidId: 'b2', priceFen: yuan(90_000), scores: sheets({ A: 30, B: 20 }, { A: 32, B: 22 }) },
    { bidId: 'b3', priceFen: yuan(95_000), scores: sheets({ A: 36, B: 27 }, { A: 34, B: 25 }) },
    { bidId: 'b4', priceFen: yuan(120_000), scores: sheets({ A: 40, B: 30 }, { A: 39, B: 29 }) },
    { bidId: 'b5', priceFen: yuan(100_000), scores: sheets({ A: 35, B: 25 }, { A: 33, B: 26 }) },
    { bidId: 'b6', priceFen: yuan(112_500), scores: sheets({ A: 36, B: 27 }, { A: 35, B: 27 }) },
  ];
  const expected = [
    ['b4', '22.50', '69.00', '91.50', 1],
    ['b3', '28.42', '61.00', '89.42', 2],
    ['b1', '27.00', '59.50', '86.50', 3],
    ['b5', '27.00', '59.50', '86.50', 3],
    ['b6', '24.00', '62.50', '86.50', 5],
    ['b2', '30.00', '52.00', '82.00', 6],
  ];

  it('gives the hand-computed price, technical and total scores and the ranking with its tie-breaks', () => {
    const got = scoreBids('COMPREHENSIVE', 30, bids).map((s) => [
      s.bidId,
      centsToPoints(s.priceScoreCents),
      centsToPoints(s.technicalScoreCents),
      centsToPoints(s.totalCents),
      s.rank,
    ]);
    expect(got).toEqual(expected);
  });

  it('does not depend on the order the bids come in', () => {
    const got = scoreBids('COMPREHENSIVE', 30, [...bids].reverse()).map((s) => [s.bidId, s.rank]);
    expect(got).toEqual(expected.map((e) => [e[0], e[4]]));
  });
});

describe('最低评标价法', () => {
  it('ranks by price only; equal prices share a rank', () => {
    const got = scoreBids('LOWEST_PRICE', 0, [
      { bidId: 'x', priceFen: 500n, scores: new Map() },
      { bidId: 'y', priceFen: 300n, scores: new Map() },
      { bidId: 'z', priceFen: 500n, scores: new Map() },
    ]).map((s) => [s.bidId, s.rank, s.totalCents]);
    expect(got).toEqual([
      ['y', 1, null],
      ['x', 2, null],
      ['z', 2, null],
    ]);
  });
});

describe('rounding and checks', () => {
  it('rounds the price score half up to hundredths', () => {
    expect(priceScoreCents(1n, 8n, 1)).toBe(13); // 12.5 hundredths
    expect(priceScoreCents(9_000_000n, 9_500_000n, 30)).toBe(2842); // 28.421…
    expect(priceScoreCents(2n, 3n, 10)).toBe(667); // 6.666…
  });

  it('reads and writes points as exact hundredths', () => {
    expect(pointsToCents('35.5')).toBe(3550);
    expect(pointsToCents('0.07')).toBe(7);
    expect(pointsToCents('40')).toBe(4000);
    expect(centsToPoints(3550)).toBe('35.50');
    expect(() => pointsToCents('1.234')).toThrow(RangeError);
  });

  it('averages the experts exactly and rounds half up', () => {
    expect(technicalScoreCents(sheets({ A: 10.01 }, { A: 10 }))).toBe(1001); // 1000.5 → 1001
    expect(technicalScoreCents(sheets({ A: 1 }, { A: 1 }, { A: 2 }))).toBe(133); // 1.333…
  });

  it('requires a price weight of at least 10 % and technical maxima that make 100 with it', () => {
    expect(
      schemeProblem('COMPREHENSIVE', 30, [
        { code: 'A', maxCents: 4000 },
        { code: 'B', maxCents: 3000 },
      ]),
    ).toBeNull();
    expect(schemeProblem('COMPREHENSIVE', 9, [{ code: 'A', maxCents: 9100 }])).toMatch(/10/);
    expect(schemeProblem('COMPREHENSIVE', 30, [{ code: 'A', maxCents: 6000 }])).toMatch(/100/);
    expect(
      schemeProblem('COMPREHENSIVE', 30, [
        { code: 'A', maxCents: 3500 },
        { code: 'A', maxCents: 3500 },
      ]),
    ).toMatch(/unique/);
    expect(schemeProblem('LOWEST_PRICE', 0, [])).toBeNull();
  });

  it('rejects a score sheet that misses a criterion, exceeds a maximum or invents one', () => {
    const criteria = [
      { code: 'A', maxCents: 4000 },
      { code: 'B', maxCents: 3000 },
    ];
    expect(
      sheetProblem(
        criteria,
        new Map([
          ['A', 4000],
          ['B', 0],
        ]),
      ),
    ).toBeNull();
    expect(sheetProblem(criteria, new Map([['A', 4000]]))).toMatch(/B/);
    expect(
      sheetProblem(
        criteria,
        new Map([
          ['A', 4001],
          ['B', 1],
        ]),
      ),
    ).toMatch(/0 to 40/);
    expect(
      sheetProblem(
        criteria,
        new Map([
          ['A', 1],
          ['B', 1],
          ['C', 1],
        ]),
      ),
    ).toMatch(/no criterion C/);
  });
});
