/**
 * From one province's measured ratios to 34 provinces and 5.6 M members on AWS: the peak day, the
 * hottest keys against their partitions' limits, 10× the load, and the cost per member-year.
 * Pure arithmetic: every figure of docs/capacity.md is printed from here.
 */
import { DAY_SHARES } from './december';

/** What the simulator measured, per committed result row unless said otherwise. */
export interface Measured {
  members: number;
  committedRows: number;
  /** Service-side (API) write and read units, as DynamoDB Local reported them (table + GSIs). */
  apiWcuPerRow: number;
  apiRcuPerRow: number;
  /** The stream consumer's write and read units. */
  consumerWcuPerRow: number;
  consumerRcuPerRow: number;
  /** Items written by the consumer per item written by the services (roll-up write amplification). */
  rollupItemsPerRow: number;
  /** Write units on the province's ROLLUP item and on the tenant-year GSI2 key, per committed row. */
  provinceKeyUnitsPerRow: number;
  gsi2KeyUnitsPerRow: number;
  /** API requests (service calls) per member in the month, and their mean duration (ms). */
  apiCallsPerMember: number;
  apiMsPerCall: number;
  /** Stream: batches per committed row and consumer ms per batch. */
  batchesPerRow: number;
  consumerMsPerBatch: number;
  /** Stored bytes per member at the month's end (table items incl. GSI copies). */
  bytesPerMember: number;
}

/** The national picture's assumptions (docs/capacity.md says where each comes from). */
export const NATION = {
  provinces: 34,
  members: 5_600_000,
  largestProvince: 366_000,
  /** The heaviest working day's share of the month (DAY_SHARES), and the heaviest hour's share of that day. */
  peakDayShare: Math.max(...DAY_SHARES) / 100,
  peakHourShare: 0.2,
  /** Within the heaviest hour, the heaviest second runs at this multiple of the hour's mean. */
  burst: 3,
  /** Requests a person makes around each service call (pages, lists, assets through the API). */
  requestsPerCall: 8,
  /** Officials who sign in: a secretary per cell, committees, boards (≈ 6 % of members), in the months of the review. */
  officialsShare: 0.06,
  officialMonths: 3,
  /** Limits met first: Lambda's regional concurrency quota (default) and what a new on-demand table serves at once. */
  lambdaConcurrencyQuota: 1000,
  onDemandInitialWcu: 4000,
  onDemandInitialRcu: 12000,
  /** Reports by e-mail: one a working day to each base organisation and board in December (~60,000 recipients). */
  emailsPerMonth: 60_000 * 21,
  /** Spreadsheets and documents kept in S3 per member (uploads, Biểu files, minutes), in bytes. */
  s3BytesPerMember: 40_000,
  /** Months of activity outside December, at this share of December's load in total. */
  restOfYearShare: 0.3,
} as const;

/**
 * List prices, ap-southeast-1 (Singapore), in USD, as published on the pages named: the latest
 * changes known to this note are DynamoDB on-demand's −50 % of 01/11/2024 and Cognito's feature
 * plans of 22/11/2024. Not re-read from this machine (no traffic off it): check before quoting.
 */
export const PRICES = {
  source: {
    dynamodb: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    lambda: 'https://aws.amazon.com/lambda/pricing/',
    apiGateway: 'https://aws.amazon.com/api-gateway/pricing/',
    ses: 'https://aws.amazon.com/ses/pricing/',
    cognito: 'https://aws.amazon.com/cognito/pricing/',
    s3: 'https://aws.amazon.com/s3/pricing/',
  },
  asOf: '01/12/2026 (list prices last changed 01/11/2024 and 22/11/2024)',
  dynamoWritePerMillion: 0.7115,
  dynamoReadPerMillion: 0.1423,
  dynamoStoragePerGbMonth: 0.285,
  /** Lambda on Graviton (the functions are ARM_64). Stream reads by Lambda are free. */
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerMillionRequests: 0.2,
  httpApiPerMillion: 1.2,
  sesPerThousand: 0.1,
  /** The user pool's Plus plan (infra/constructs/auth.ts) per MAU; Essentials beside it. */
  cognitoPlusPerMau: 0.02,
  cognitoEssentialsPerMau: 0.015,
  s3PerGbMonth: 0.025,
  s3PutPerThousand: 0.005,
} as const;

export const PARTITION_WCU = 1000;
export const PARTITION_RCU = 3000;

export interface NationalPicture {
  rows: [string, string][];
  peak: [string, string][];
  keys: [string, string][];
  limits: [string, string][];
  cost: [string, string][];
  perMemberYear: number;
  perMemberYearAllSignIn: number;
  hottestShare: number;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en');
const n2 = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const usd = (x: number) => `$${x.toLocaleString('en', { maximumFractionDigits: 0 })}`;

export function nationalPicture(m: Measured, scale = 1): NationalPicture {
  const rowsPerMember = m.committedRows / m.members;
  const monthRows = NATION.members * rowsPerMember * scale;
  const peakDayRows = monthRows * NATION.peakDayShare;
  const peakHourRows = peakDayRows * NATION.peakHourShare;
  const peakSecondRows = (peakHourRows / 3600) * NATION.burst;
  const largestShare = NATION.largestProvince / NATION.members;
  const wcuPerRow = m.apiWcuPerRow + m.consumerWcuPerRow;
  const rcuPerRow = m.apiRcuPerRow + m.consumerRcuPerRow;
  const provinceKey = peakSecondRows * largestShare * m.provinceKeyUnitsPerRow;
  const gsi2Key = peakSecondRows * largestShare * m.gsi2KeyUnitsPerRow;
  const hottest = Math.max(provinceKey, gsi2Key);
  const peakCalls = (NATION.members * m.apiCallsPerMember * scale * NATION.peakDayShare * NATION.peakHourShare * NATION.burst) / 3600;
  const concurrency = (peakCalls * m.apiMsPerCall) / 1000;
  const batchesPerSecond = peakSecondRows * m.batchesPerRow;

  // The year: December plus the rest of the year at its share.
  const year = 1 + NATION.restOfYearShare;
  const dynamoWrites = monthRows * wcuPerRow * year;
  const dynamoReads = monthRows * rcuPerRow * year;
  const calls = NATION.members * m.apiCallsPerMember * scale * year;
  const requests = calls * NATION.requestsPerCall;
  const storageGb = (NATION.members * m.bytesPerMember) / 1e9;
  const costs = {
    dynamoWrites: (dynamoWrites / 1e6) * PRICES.dynamoWritePerMillion,
    dynamoReads: (dynamoReads / 1e6) * PRICES.dynamoReadPerMillion,
    dynamoStorage: storageGb * PRICES.dynamoStoragePerGbMonth * 12,
    lambdaApi: ((requests * m.apiMsPerCall) / 1000) * 1 * PRICES.lambdaArmPerGbSecond + (requests / 1e6) * PRICES.lambdaPerMillionRequests,
    lambdaConsumer: ((monthRows * year * m.batchesPerRow * m.consumerMsPerBatch) / 1000) * 0.5 * PRICES.lambdaArmPerGbSecond + ((monthRows * year * m.batchesPerRow) / 1e6) * PRICES.lambdaPerMillionRequests,
    apiGateway: (requests / 1e6) * PRICES.httpApiPerMillion,
    ses: (NATION.emailsPerMonth * year / 1000) * PRICES.sesPerThousand,
    cognitoOfficials: NATION.members * NATION.officialsShare * PRICES.cognitoPlusPerMau * NATION.officialMonths,
    s3: ((NATION.members * NATION.s3BytesPerMember) / 1e9) * PRICES.s3PerGbMonth * 12 + ((m.committedRows / m.members) * NATION.members / 20 / 1000) * PRICES.s3PutPerThousand,
  };
  const total = Object.values(costs).reduce((a, b) => a + b, 0);
  // Every other member signing in once in December (self-review pages) on the Plus plan.
  const membersSigningIn = NATION.members * (1 - NATION.officialsShare) * PRICES.cognitoPlusPerMau;
  const peakWcu = peakSecondRows * wcuPerRow;
  const peakRcu = peakSecondRows * rcuPerRow;
  const instances = concurrency * NATION.requestsPerCall;
  const check = (v: number, limit: number) => `${n0(v)} of ${n0(limit)} (${((v / limit) * 100).toFixed(0)} %) ${v <= limit ? 'fits' : 'EXCEEDS'}`;
  return {
    perMemberYear: total / NATION.members,
    perMemberYearAllSignIn: (total + membersSigningIn) / NATION.members,
    limits: [
      ['API Lambda instances at the peak second vs the regional concurrency quota', check(instances, NATION.lambdaConcurrencyQuota)],
      ['table WCU/s at the peak second vs a new on-demand table at once', check(peakWcu, NATION.onDemandInitialWcu)],
      ['table RCU/s at the peak second vs a new on-demand table at once', check(peakRcu, NATION.onDemandInitialRcu)],
      ['hottest key (WCU/s) vs half its partition', check(hottest, PARTITION_WCU / 2)],
    ],
    hottestShare: hottest / PARTITION_WCU,
    rows: [
      ['result rows committed per member in the month (edits included)', n2(rowsPerMember)],
      ['write units per committed row: services + consumer', `${n2(m.apiWcuPerRow)} + ${n2(m.consumerWcuPerRow)} = ${n2(wcuPerRow)}`],
      ['read units per committed row: services + consumer', `${n2(m.apiRcuPerRow)} + ${n2(m.consumerRcuPerRow)} = ${n2(rcuPerRow)}`],
      ['roll-up items written per committed row (write amplification)', n2(m.rollupItemsPerRow)],
    ],
    peak: [
      [`rows in December, nationally${scale === 1 ? '' : ` (×${scale})`}`, n0(monthRows)],
      [`heaviest day (${(NATION.peakDayShare * 100).toFixed(0)} % of the month)`, `${n0(peakDayRows)} rows`],
      [`heaviest hour (${(NATION.peakHourShare * 100).toFixed(0)} % of that day), heaviest second (×${NATION.burst} the hour's mean)`, `${n0(peakHourRows)} rows · ${n2(peakSecondRows)} rows/s`],
      ['table write / read units per second at that second', `${n0(peakSecondRows * wcuPerRow)} WCU/s · ${n0(peakSecondRows * rcuPerRow)} RCU/s`],
      ['API calls per second at that second; Lambda concurrency', `${n0(peakCalls)} calls/s (${n0(peakCalls * NATION.requestsPerCall)} requests/s) · ${n0(concurrency * NATION.requestsPerCall)} instances`],
      ['stream batches per second (every shard together)', n2(batchesPerSecond)],
    ],
    keys: [
      [`province ROLLUP item of the largest province (${n0(NATION.largestProvince)} members)`, `${n2(provinceKey)} WCU/s of ${PARTITION_WCU} (${((provinceKey / PARTITION_WCU) * 100).toFixed(2)} %)`],
      ['its roll-up year key on GSI2 (every OWN and ROLLUP item of the province)', `${n2(gsi2Key)} WCU/s of ${PARTITION_WCU} (${((gsi2Key / PARTITION_WCU) * 100).toFixed(2)} %)`],
      ['hottest key ≤ half its partition (500 WCU/s)', hottest <= PARTITION_WCU / 2 ? 'yes' : 'NO'],
    ],
    cost: [
      ['DynamoDB writes (on-demand)', usd(costs.dynamoWrites)],
      ['DynamoDB reads (on-demand)', usd(costs.dynamoReads)],
      ['DynamoDB storage', usd(costs.dynamoStorage)],
      ['Lambda, API (1 GB, Arm)', usd(costs.lambdaApi)],
      ['Lambda, roll-up consumer (0.5 GB, Arm; stream reads free)', usd(costs.lambdaConsumer)],
      ['API Gateway (HTTP API)', usd(costs.apiGateway)],
      ['SES', usd(costs.ses)],
      [`Cognito Plus, officials only (${(NATION.officialsShare * 100).toFixed(0)} % of members, ${NATION.officialMonths} months)`, usd(costs.cognitoOfficials)],
      ['S3', usd(costs.s3)],
      ['total a year', usd(total)],
      ['per member-year', `$${(total / NATION.members).toFixed(4)}`],
      ['if every other member signs in once in December (Cognito Plus)', `+${usd(membersSigningIn)} → $${((total + membersSigningIn) / NATION.members).toFixed(4)} per member-year (Essentials: +${usd(NATION.members * (1 - NATION.officialsShare) * PRICES.cognitoEssentialsPerMau)})`],
    ],
  };
}

/** `npx tsx bench/capacity/national.ts '<measured JSON>'`: the tables again from a run's measured ratios. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const m = JSON.parse(process.argv[2] ?? '{}') as Measured;
  const print = (title: string, rows: [string, string][]) => {
    const w = Math.max(...rows.map(([k]) => k.length));
    console.log(`\n${title}`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
  };
  const one = nationalPicture(m);
  const ten = nationalPicture(m, 10);
  print('Measured ratios', one.rows);
  print('National December peak', one.peak);
  print('Hottest keys at the national peak', one.keys);
  print('Limits at the national peak', one.limits);
  print('At 10× the load', [...ten.peak.slice(3), ...ten.keys]);
  print('Limits at 10×', ten.limits);
  print(`Cost a year (prices ${PRICES.asOf})`, one.cost);
}
