/**
 * The key layout of the single table, in one place. Every key starts with the tenant (`T#<tenant>`),
 * so no query can cross tenants. See docs/data-model.md for the access patterns.
 */
const t = (tenant: string) => `T#${tenant}`;

export const keys = {
  unit: (tenant: string, unitId: string) => ({ pk: `${t(tenant)}#UNIT#${unitId}`, sk: 'UNIT' }),
  /** GSI1 of a unit: its parent's children list. */
  unitChildren: (tenant: string, parentId: string) => `${t(tenant)}#CHILDREN#${parentId}`,
  unitChildSort: (unitId: string) => `UNIT#${unitId}`,
  /** GSI2 of a unit: the tenant's tree ordered by materialised path, for subtree range queries. */
  tenantTree: (tenant: string) => `${t(tenant)}#TREE`,
  treePath: (path: readonly string[]) => `${path.join('/')}/`,
  unitHistory: (tenant: string, unitId: string, at: string, seq: string) => ({
    pk: `${t(tenant)}#UNIT#${unitId}`,
    sk: `HIST#${at}#${seq}`,
  }),
  /**
   * The tenant's tree pointer (docs/tree-history.md): the tree generation readers see, the job that
   * holds the tree while it rewrites it, and during a job's settling the subtrees it moved.
   */
  treePointer: (tenant: string) => ({ pk: `${t(tenant)}#TREEPOINTER`, sk: 'POINTER' }),
  /** A tree job (a large move, a merge, a split): its record, and its planned unit changes in steps. */
  treeJob: (tenant: string, jobId: string) => ({ pk: `${t(tenant)}#TREEJOB#${jobId}`, sk: 'JOB' }),
  treeJobStep: (tenant: string, jobId: string, step: number) => ({ pk: `${t(tenant)}#TREEJOB#${jobId}`, sk: `STEP#${String(step).padStart(6, '0')}` }),
  treeJobStepPrefix: 'STEP#',
  /** GSI2 of a running tree job, across tenants: what the resumer (and `npm start`) picks up. */
  runningTreeJobs: 'TREEJOBS_RUNNING',
  runningTreeJobSort: (tenant: string, jobId: string) => `${tenant}#${jobId}`,
  /** A province merge: its record (cursor per former province) under the successor. */
  provinceMerge: (tenant: string, mergeId: string) => ({ pk: `${t(tenant)}#PROVINCEMERGE#${mergeId}`, sk: 'JOB' }),
  /** A former province's grant: `grantee`'s users may read its archived campaigns. */
  archiveGrant: (tenant: string, grantee: string) => ({ pk: `${t(tenant)}#GRANT#${grantee}`, sk: 'GRANT' }),
  member: (tenant: string, memberId: string) => ({ pk: `${t(tenant)}#MEMBER#${memberId}`, sk: 'MEMBER' }),
  /** GSI1 of a member: the unit's member list. */
  unitMembers: (tenant: string, unitId: string) => `${t(tenant)}#MEMBERS#${unitId}`,
  unitMemberSort: (memberId: string) => `MEMBER#${memberId}`,
  /**
   * GSI2 of a member: the tenant's members in Vietnamese name order (sort key: the name's collation
   * key, then the id), read by the member search with a filter on the folded name.
   */
  memberNames: (tenant: string) => `${t(tenant)}#MEMBERNAMES`,
  memberNameSort: (collationKey: string, memberId: string) => `${collationKey}#${memberId}`,
  tenantMeta: (tenant: string) => ({ pk: `${t(tenant)}#TENANT`, sk: 'TENANT' }),
  /** A unit's year: its dossier (workflow state, current results version) and everything under it. */
  unitYear: (tenant: string, unitId: string, year: number) => `${t(tenant)}#UNIT#${unitId}#Y#${year}`,
  dossier: (tenant: string, unitId: string, year: number) => ({ pk: keys.unitYear(tenant, unitId, year), sk: 'DOSSIER' }),
  /** Rows of one results version; only the version the dossier names is current. */
  resultVersionPrefix: (version: number) => `RES#v${String(version).padStart(6, '0')}#`,
  resultRow: (tenant: string, unitId: string, year: number, version: number, memberId: string) => ({
    pk: keys.unitYear(tenant, unitId, year),
    sk: `${keys.resultVersionPrefix(version)}M#${memberId}`,
  }),
  /**
   * GSI1 of a result row: every row of one member, whatever the unit and year (`Y#<year>#U#<unit>#v<version>`),
   * for the ratings of a member over the years (rewards). Only rows of a dossier's current version count.
   */
  memberResults: (tenant: string, memberId: string) => `${t(tenant)}#MEMBERRESULTS#${memberId}`,
  memberResultSort: (year: number, unitId: string, version: number) => `Y#${year}#U#${unitId}#v${String(version).padStart(6, '0')}`,
  /** Imports of earlier years' results, newest last: what was imported, when and by whom. */
  historyImport: (tenant: string, at: string, id: string) => ({ pk: `${t(tenant)}#HISTORY`, sk: `IMPORT#${at}#${id}` }),
  historyPartition: (tenant: string) => `${t(tenant)}#HISTORY`,
  /** A member's identity record (card number, keyed hash and last four digits of the national id). */
  memberIdentity: (tenant: string, memberId: string) => ({ pk: `${t(tenant)}#MEMBER#${memberId}`, sk: 'IDENTITY' }),
  /** GSI1 of identity records: every one of the tenant's, for matching a whole export at once. */
  identities: (tenant: string) => `${t(tenant)}#IDENTITIES`,
  /** Reconciliation with the central database: the province's header and cell mappings. */
  reconciliationSettings: (tenant: string, what: 'HEADERS' | 'CELLS') => ({ pk: `${t(tenant)}#RECON`, sk: what }),
  /** A reconciliation run: its summary, and one item per entry (`E#<n>`) to decide. */
  reconciliationRun: (tenant: string, runId: string) => `${t(tenant)}#RECONRUN#${runId}`,
  reconciliationEntrySort: (n: number) => `E#${String(n).padStart(6, '0')}`,
  /** GSI1 of a run's summary: the runs posted for a unit, newest last. */
  reconciliationRuns: (tenant: string, unitId: string) => `${t(tenant)}#RECONRUNS#${unitId}`,
  /** The tenant's campaign of a year (plans, milestones, rulebook). */
  campaign: (tenant: string, year: number) => ({ pk: `${t(tenant)}#CAMPAIGN`, sk: `Y#${year}` }),
  campaignPrefix: (tenant: string) => `${t(tenant)}#CAMPAIGN`,
  /** A member's own review record of a year (Mẫu 2A texts, checklist), in the unit's year. */
  memberReview: (tenant: string, unitId: string, year: number, memberId: string) => ({ pk: keys.unitYear(tenant, unitId, year), sk: `REVIEW#M#${memberId}` }),
  /** The collective review of a unit's year (Mẫu 1A texts). */
  collectiveReview: (tenant: string, unitId: string, year: number) => ({ pk: keys.unitYear(tenant, unitId, year), sk: 'REVIEW#COLLECTIVE' }),
  /** The upper level's written review prompts to the unit or one of its members, with the answers. */
  reviewPrompt: (tenant: string, unitId: string, year: number, promptId: string) => ({ pk: keys.unitYear(tenant, unitId, year), sk: `PROMPT#${promptId}` }),
  reviewPromptPrefix: 'PROMPT#',
  /** A scoring sheet of a unit's year: a member's (Mẫu 2A/2B/2C) or the collective's (Mẫu 01). */
  scoreSheet: (tenant: string, unitId: string, year: number, subject: string | null) => ({ pk: keys.unitYear(tenant, unitId, year), sk: subject === null ? 'SHEET#COLLECTIVE' : `SHEET#M#${subject}` }),
  scoreSheetPrefix: 'SHEET#',
  /** The points per criterion a province or a bloc set for one framework (Phụ lục) and year. */
  scoringScheme: (tenant: string, unitId: string, year: number, appendix: number) => ({ pk: `${t(tenant)}#SCORING#${unitId}`, sk: `Y#${year}#PL#${appendix}` }),
  /** Every version of a campaign's local overlay (the campaign item holds the one in force). */
  overlayVersion: (tenant: string, year: number, version: number) => ({ pk: `${t(tenant)}#OVERLAY#Y#${year}`, sk: `V#${String(version).padStart(6, '0')}` }),
  overlayVersions: (tenant: string, year: number) => `${t(tenant)}#OVERLAY#Y#${year}`,
  /** A milestone event a unit recorded for a year (group meeting held, report sent, cell meeting). */
  unitEvent: (tenant: string, unitId: string, year: number, event: string) => ({ pk: keys.unitYear(tenant, unitId, year), sk: `EVENT#${event}` }),
  unitEventPrefix: 'EVENT#',
  /** A level's plan for the campaign of a year (its own milestone dates inside its parent's). */
  unitPlan: (tenant: string, unitId: string, year: number) => ({ pk: keys.unitYear(tenant, unitId, year), sk: 'PLAN' }),
  /** Deadline reports (report-repository.ts): a board's settings, tick claims, reports, deliveries. */
  reportBoard: (tenant: string, unitId: string) => ({ pk: `${t(tenant)}#BOARD#${unitId}`, sk: 'BOARD' }),
  /** GSI1 of every board's settings, across tenants: only the scheduled job reads it. */
  reportBoardsIndex: 'REPORT_BOARDS',
  reportBoardSort: (tenant: string, unitId: string) => `${tenant}#${unitId}`,
  /** Written with attribute_not_exists before anything is sent: one report per board per tick. */
  reportTick: (tenant: string, tickId: string, unitId: string) => ({ pk: `${t(tenant)}#TICK#${tickId}`, sk: `BOARD#${unitId}` }),
  report: (tenant: string, reportId: string) => ({ pk: `${t(tenant)}#REPORT#${reportId}`, sk: 'REPORT' }),
  /** GSI1 of a report: the board's report history, by `asOf`. */
  boardReports: (tenant: string, unitId: string) => `${t(tenant)}#BOARDREPORTS#${unitId}`,
  reminder: (tenant: string, reminderId: string) => ({ pk: `${t(tenant)}#REMINDER#${reminderId}`, sk: 'REMINDER' }),
  /** One recipient of a report or reminder, under the message's partition. */
  delivery: (messagePk: string, recipient: string) => ({ pk: messagePk, sk: `DELIVERY#${recipient}` }),
  /** GSI1 of a delivery: the tenant's outbox, by creation time. */
  outbox: (tenant: string) => `${t(tenant)}#OUTBOX`,
  /** GSI2 of a delivery while it may still be (re)tried; removed once sent or given up. */
  openDeliveries: (tenant: string) => `${t(tenant)}#OPEN_DELIVERIES`,
  /**
   * Roll-ups of a campaign year (docs/rollups.md): per unit an OWN item (its own contribution and
   * its placement in that campaign's tree) and a ROLLUP item (the sum over its subtree).
   */
  rollupPartition: (tenant: string, year: number, unitId: string) => `${t(tenant)}#ROLLUP#Y#${year}#U#${unitId}`,
  rollupOwn: (tenant: string, year: number, unitId: string) => ({ pk: keys.rollupPartition(tenant, year, unitId), sk: 'OWN' }),
  rollupTotal: (tenant: string, year: number, unitId: string) => ({ pk: keys.rollupPartition(tenant, year, unitId), sk: 'ROLLUP' }),
  /**
   * GSI1 of a unit's roll-up view: its OWN item (sort key `!OWN`, first) and its children's ROLLUP
   * items (a ROLLUP item is listed under its parent) — a roll-up read is this one Query.
   */
  rollupChildren: (tenant: string, year: number, parentId: string) => `${t(tenant)}#ROLLUPCHILDREN#Y#${year}#${parentId}`,
  rollupChildSort: (unitId: string) => `UNIT#${unitId}`,
  rollupOwnSort: '!OWN',
  /** GSI2 of OWN and ROLLUP items: every roll-up item of a campaign year, for the reconcile. */
  rollupYear: (tenant: string, year: number) => `${t(tenant)}#ROLLUPS#Y#${year}`,
  rollupYearSort: (unitId: string, sk: 'OWN' | 'ROLLUP') => `${unitId}#${sk}`,
  /**
   * Self-criticism before the masses (docs/data-model.md, "Masses"): the tenant's settings (the
   * provincial rule turned on) and each year's review in one small partition.
   */
  massesTenant: (tenant: string) => `${t(tenant)}#MASSES`,
  massesSettings: (tenant: string) => ({ pk: keys.massesTenant(tenant), sk: 'SETTINGS' }),
  massesReview: (tenant: string, year: number) => ({ pk: keys.massesTenant(tenant), sk: `Y#${year}` }),
  /** A unit's masses items of a year sit in its year partition, under `MASSES#` (one Query reads them all). */
  massesPrefix: 'MASSES#',
  workplace: (tenant: string, unitId: string, year: number) => ({ pk: keys.unitYear(tenant, unitId, year), sk: 'MASSES#WORKPLACE' }),
  massesSession: (tenant: string, unitId: string, year: number, sessionId: string) => ({ pk: keys.unitYear(tenant, unitId, year), sk: `MASSES#SESSION#${sessionId}` }),
  massesSessionPrefix: 'MASSES#SESSION#',
  /** A comment's id is random (v4): its key says nothing about when it came. */
  massesComment: (tenant: string, unitId: string, year: number, sessionId: string, commentId: string) => ({
    pk: keys.unitYear(tenant, unitId, year),
    sk: `MASSES#COMMENT#${sessionId}#${commentId}`,
  }),
  massesCommentPrefix: (sessionId?: string) => (sessionId ? `MASSES#COMMENT#${sessionId}#` : 'MASSES#COMMENT#'),
  remediationItem: (tenant: string, unitId: string, year: number, itemId: string) => ({ pk: keys.unitYear(tenant, unitId, year), sk: `MASSES#REMEDY#${itemId}` }),
  remediationPrefix: 'MASSES#REMEDY#',
  /** A member's written self-criticism of the year (the forms of Kế hoạch 03-KH/ĐUK). */
  selfCriticism: (tenant: string, unitId: string, year: number, memberId: string) => ({ pk: keys.unitYear(tenant, unitId, year), sk: `MASSES#SELF#${memberId}` }),
  selfCriticismPrefix: 'MASSES#SELF#',
  /**
   * A session's single-use codes: only keyed hashes, each spent once by a conditional write, and
   * the session's place (unit, year) so that the public comment form finds it from its id.
   */
  massesCodes: (tenant: string, sessionId: string) => `${t(tenant)}#MCODES#${sessionId}`,
  massesSessionRef: (tenant: string, sessionId: string) => ({ pk: keys.massesCodes(tenant, sessionId), sk: 'SESSION' }),
  massesCode: (tenant: string, sessionId: string, hash: string) => ({ pk: keys.massesCodes(tenant, sessionId), sk: `CODE#${hash}` }),
  massesCodePrefix: 'CODE#',
  /** Biểu 5's roll-up items, laid out like the ratings' (OWN and ROLLUP per unit, GSI1 view, GSI2 year list). */
  massesRollupPartition: (tenant: string, year: number, unitId: string) => `${t(tenant)}#MROLLUP#Y#${year}#U#${unitId}`,
  massesRollupOwn: (tenant: string, year: number, unitId: string) => ({ pk: keys.massesRollupPartition(tenant, year, unitId), sk: 'OWN' }),
  massesRollupTotal: (tenant: string, year: number, unitId: string) => ({ pk: keys.massesRollupPartition(tenant, year, unitId), sk: 'ROLLUP' }),
  massesRollupChildren: (tenant: string, year: number, parentId: string) => `${t(tenant)}#MROLLUPCHILDREN#Y#${year}#${parentId}`,
  massesRollupYear: (tenant: string, year: number) => `${t(tenant)}#MROLLUPS#Y#${year}`,
} as const;

export const indexNames = { byParent: 'gsi1', byPath: 'gsi2' } as const;
