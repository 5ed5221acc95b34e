import { describe, expect, it } from 'vitest';
import { addMonthsClamped, Member, memberStatus, Unit, canContain, isCell } from '@kd/domain';
import { COMMITTEE_THRESHOLD, DEMO_AS_OF, DemoIdentity, DemoRecipients, demoRoles, formatDemoSummary, generateDemo, story2025, summariseDemo, type DemoTenant } from '@kd/local';

const data = generateDemo();
const tenant = (id: string): DemoTenant => {
  const t = data.tenants.find((x) => x.tenantId === id);
  if (!t) throw new Error(`no tenant ${id}`);
  return t;
};
const traVinh = tenant('tra-vinh');
const vinhLong = tenant('vinh-long');
/** Units the 2025 story founds: identities of the reorganised tree sign in there once it has run. */
const kindIn2025 = new Map(story2025.flatMap((s) => (s.op === 'found' ? [[s.id, s.kind] as const] : [])));
const foundedIn2025 = new Set(kindIn2025.keys());

const membersOf = (t: DemoTenant, unitId: string): Member[] => t.members.filter((m) => m.unitId === unitId);
const votingOfficials = (ms: readonly Member[]): number => ms.filter((m) => memberStatus(m) === 'official' && !m.exempt && !m.suspended).length;
const subtreeMembers = (t: DemoTenant, unit: Unit): number => {
  const inside = new Set(t.units.filter((u) => u.path.includes(unit.id)).map((u) => u.id));
  return t.members.filter((m) => inside.has(m.unitId)).length;
};

describe('generateDemo', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateDemo(2021)).toEqual(data);
    const other = generateDemo(7);
    expect(other.tenants.map((t) => t.units.map((u) => u.id))).toEqual(data.tenants.map((t) => t.units.map((u) => u.id)));
    expect(other.tenants[0]?.members.map((m) => m.fullName)).not.toEqual(traVinh.members.map((m) => m.fullName));
  });

  it('builds about 3,000 members: Trà Vinh nearly all, Vĩnh Long about 100', () => {
    const total = data.tenants.reduce((n, t) => n + t.members.length, 0);
    expect(total).toBeGreaterThanOrEqual(2900);
    expect(total).toBeLessThanOrEqual(3100);
    expect(vinhLong.members.length).toBeGreaterThanOrEqual(80);
    expect(vinhLong.members.length).toBeLessThanOrEqual(130);
    expect(vinhLong.units.filter((u) => isCell(u.kind))).toHaveLength(4);
  });

  it('produces units and members the zod schemas accept unchanged', () => {
    for (const t of data.tenants) {
      for (const u of t.units) expect(Unit.parse(u)).toEqual(u);
      for (const m of t.members) expect(Member.parse(m)).toEqual(m);
      for (const i of t.identities) expect(DemoIdentity.parse(i)).toEqual(i);
      for (const r of t.recipients) expect(DemoRecipients.parse(r)).toEqual(r);
    }
  });

  it('gives every unit a readable id and a path from the province to itself', () => {
    for (const t of data.tenants) {
      const root = t.units[0];
      expect(root?.kind).toBe('province');
      const byId = new Map(t.units.map((u) => [u.id, u]));
      expect(byId.size).toBe(t.units.length);
      for (const u of t.units) {
        expect(u.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(u.path.at(-1)).toBe(u.id);
        expect(u.path[0]).toBe(root?.id);
        expect(u.closedOn).toBeNull();
        expect(u.foundedOn).not.toBeNull();
        if (u.parentId === null) {
          expect(u).toBe(root);
          continue;
        }
        const parent = byId.get(u.parentId);
        expect(parent, u.id).toBeDefined();
        expect(u.path).toEqual([...(parent?.path ?? []), u.id]);
        expect(canContain(parent!.kind, u.kind), `${parent?.kind} > ${u.kind}`).toBe(true);
        expect(u.foundedOn! >= parent!.foundedOn!, u.id).toBe(true);
        if (u.kind !== 'bloc') expect(u.sector, u.id).not.toBeNull();
      }
    }
    expect(traVinh.units.every((u) => u.id.startsWith('tv'))).toBe(true);
    expect(vinhLong.units.every((u) => u.id.startsWith('vl'))).toBe(true);
  });

  it('sizes organisations as the statute does: base committees ≥ 30, base cells 3–29, cells 10–60', () => {
    for (const t of data.tenants) {
      for (const u of t.units) {
        const direct = membersOf(t, u.id).length;
        if (u.kind === 'baseCommittee') expect(subtreeMembers(t, u), u.id).toBeGreaterThanOrEqual(30);
        if (u.kind === 'baseCell') {
          expect(direct, u.id).toBeGreaterThanOrEqual(3);
          expect(direct, u.id).toBeLessThanOrEqual(29);
        }
        if (u.kind === 'cell') {
          expect(direct, u.id).toBeGreaterThanOrEqual(10);
          expect(direct, u.id).toBeLessThanOrEqual(60);
        }
        if (isCell(u.kind)) expect(votingOfficials(membersOf(t, u.id)), u.id).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('puts members in cells only, in a tổ đảng wherever the cell has groups', () => {
    for (const t of data.tenants) {
      const byId = new Map(t.units.map((u) => [u.id, u]));
      const cellsWithGroups = new Set(t.units.filter((u) => u.kind === 'group').map((u) => u.parentId));
      for (const m of t.members) {
        const unit = byId.get(m.unitId);
        expect(unit && isCell(unit.kind), m.unitId).toBe(true);
        if (cellsWithGroups.has(m.unitId)) {
          const group = byId.get(m.groupId ?? '');
          expect(group?.kind).toBe('group');
          expect(group?.parentId).toBe(m.unitId);
        } else {
          expect(m.groupId).toBeNull();
        }
      }
    }
  });

  it('gives every cell one secretary, at most one deputy, and a chi ủy only with ≥ 9 official members', () => {
    for (const t of data.tenants) {
      for (const cell of t.units.filter((u) => isCell(u.kind))) {
        const ms = membersOf(t, cell.id);
        const count = (p: string) => ms.filter((m) => m.partyPosition === p).length;
        expect(count('secretary'), cell.id).toBe(1);
        expect(count('deputySecretary'), cell.id).toBeLessThanOrEqual(1);
        expect(count('standingCommitteeMember')).toBe(0);
        const officials = ms.filter((m) => memberStatus(m) === 'official').length;
        if (count('committeeMember') > 0) expect(officials, cell.id).toBeGreaterThanOrEqual(COMMITTEE_THRESHOLD);
        if (votingOfficials(ms) >= COMMITTEE_THRESHOLD) {
          expect(count('deputySecretary'), cell.id).toBe(1);
          expect(count('committeeMember'), cell.id).toBeGreaterThanOrEqual(1);
        }
        for (const m of ms.filter((x) => x.partyPosition !== null)) {
          expect(memberStatus(m), m.id).toBe('official');
          expect(m.exempt || m.suspended, m.id).toBe(false);
        }
      }
    }
    const small = traVinh.units.filter((u) => isCell(u.kind) && votingOfficials(membersOf(traVinh, u.id)) < COMMITTEE_THRESHOLD);
    expect(small.length).toBeGreaterThan(0);
  });

  it('gives members party-card-like ids unique within the tenant', () => {
    for (const [t, prefix] of [[traVinh, '84'], [vinhLong, '86']] as const) {
      const ids = t.members.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(new RegExp(`^${prefix}\\.\\d{6}$`));
    }
  });

  it('writes Vietnamese names in NFC, with family, middle and given names', () => {
    for (const t of data.tenants) {
      for (const u of t.units) expect(u.name).toBe(u.name.normalize('NFC'));
      for (const m of t.members) {
        expect(m.fullName).toBe(m.fullName.normalize('NFC'));
        expect(m.fullName.split(' ').length).toBeGreaterThanOrEqual(2);
      }
    }
    const families = new Set(traVinh.members.map((m) => m.fullName.split(' ')[0]));
    for (const f of ['Nguyễn', 'Trần', 'Lê', 'Thạch', 'Sơn']) expect(families.has(f), f).toBe(true);
  });

  it('keeps dates consistent: admitted at 18 or older, official a year after admission unless probationary', () => {
    const probationarySince = addMonthsClamped(DEMO_AS_OF, -12);
    for (const t of data.tenants) {
      for (const m of t.members) {
        expect(m.birthDate).not.toBeNull();
        expect(addMonthsClamped(m.birthDate!, 18 * 12) <= m.admittedOn, m.id).toBe(true);
        expect(m.admittedOn <= DEMO_AS_OF).toBe(true);
        if (m.admittedOn > probationarySince) expect(m.officialOn, m.id).toBeNull();
        else expect(m.officialOn, m.id).toBe(addMonthsClamped(m.admittedOn, 12));
        if (m.transferredInOn) expect(m.transferredInOn.startsWith('2021-')).toBe(true);
      }
    }
  });

  it('holds the seed chain: Tỉnh ủy → Đảng ủy Khối → Đảng ủy Sở Y tế → Chi bộ Bệnh viện Phổi led by Lê Hồng Vũ', () => {
    const names = (ids: string[]) => ids.map((id) => traVinh.units.find((u) => u.id === id)?.name);
    const bvp = traVinh.units.find((u) => u.id === 'tv-duk-syt-bvp');
    expect(bvp?.path).toEqual(['tv', 'tv-duk', 'tv-duk-syt', 'tv-duk-syt-bvp']);
    expect(names(bvp!.path)).toEqual(['Tỉnh ủy Trà Vinh', 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', 'Đảng ủy Sở Y tế', 'Chi bộ Bệnh viện Phổi']);
    expect(bvp?.kind).toBe('cell');
    const groups = traVinh.units.filter((u) => u.parentId === 'tv-duk-syt-bvp');
    expect(groups.map((g) => g.name)).toEqual(['Tổ đảng Khoa Nội', 'Tổ đảng Khoa Ngoại – Cận lâm sàng', 'Tổ đảng Hành chính']);
    const ms = membersOf(traVinh, 'tv-duk-syt-bvp');
    expect(ms.length).toBeGreaterThanOrEqual(22);
    expect(ms.length).toBeLessThanOrEqual(28);
    for (const g of groups) expect(ms.filter((m) => m.groupId === g.id).length).toBeGreaterThanOrEqual(5);
    const secretaries = ms.filter((m) => m.partyPosition === 'secretary');
    expect(secretaries.map((m) => m.fullName)).toEqual(['Lê Hồng Vũ']);
    expect(ms.some((m) => m.partyPosition === 'committeeMember')).toBe(true);
    expect(traVinh.members.filter((m) => m.fullName === 'Lê Hồng Vũ')).toHaveLength(1);
  });

  it('shows the 2021 special cases: a unit founded < 6 months, new members, exempt, suspended, transfers, one temporary attachment', () => {
    const sixMonthsBefore = addMonthsClamped(DEMO_AS_OF, -6);
    const young = traVinh.units.filter((u) => u.foundedOn! > sixMonthsBefore);
    expect(young.map((u) => [u.foundedOn, u.kind])).toEqual([['2021-08-15', 'baseCell']]);
    const bvpNew = membersOf(traVinh, 'tv-duk-syt-bvp').filter((m) => m.admittedOn > sixMonthsBefore);
    expect(bvpNew.length).toBeGreaterThanOrEqual(1);
    const cellsWithNew = new Set(traVinh.members.filter((m) => m.admittedOn > sixMonthsBefore).map((m) => m.unitId));
    expect(cellsWithNew.size).toBeGreaterThan(50);
    const ms = traVinh.members;
    expect(ms.filter((m) => m.exempt).length).toBeGreaterThanOrEqual(2);
    for (const m of ms.filter((x) => x.exempt)) expect(m.birthDate! <= '1946-12-31').toBe(true);
    expect(ms.filter((m) => m.suspended).length).toBeGreaterThanOrEqual(1);
    expect(ms.filter((m) => m.suspended).length).toBeLessThanOrEqual(2);
    expect(ms.filter((m) => m.transferredInOn).length).toBeGreaterThanOrEqual(3);
    expect(ms.filter((m) => m.temporaryAttachmentAt)).toHaveLength(1);
  });

  it('marks most public-sector members as civil servants and no enterprise member', () => {
    const sectorOf = new Map(traVinh.units.map((u) => [u.id, u.sector]));
    const publicMembers = traVinh.members.filter((m) => ['agency', 'publicService'].includes(sectorOf.get(m.unitId) ?? ''));
    expect(publicMembers.filter((m) => m.civilServant).length / publicMembers.length).toBeGreaterThan(0.9);
    expect(traVinh.members.filter((m) => sectorOf.get(m.unitId) === 'enterprise' && m.civilServant)).toHaveLength(0);
    expect(traVinh.members.every((m) => m.version === 1)).toBe(true);
  });

  it('offers a demo login for every role, each at a unit of its own tenant', () => {
    const all = data.tenants.flatMap((t) => t.identities);
    expect(new Set(all.map((i) => i.sub)).size).toBe(all.length);
    for (const role of demoRoles) expect(traVinh.identities.some((i) => i.role === role), role).toBe(true);
    for (const t of data.tenants) {
      expect(t.identities.length).toBeGreaterThan(0);
      for (const i of t.identities) {
        expect(i.tenant).toBe(t.tenantId);
        expect(t.units.some((u) => u.id === i.unit) || foundedIn2025.has(i.unit), i.sub).toBe(true);
      }
    }
    const kindOf = (id: string) => traVinh.units.find((u) => u.id === id)?.kind;
    expect(traVinh.identities.filter((i) => i.role === 'province_board').map((i) => kindOf(i.unit))).toEqual(['province']);
    expect(traVinh.identities.filter((i) => i.role === 'bloc_board').every((i) => kindOf(i.unit) === 'bloc')).toBe(true);
    expect(traVinh.identities.find((i) => i.role === 'base_committee')?.unit).toBe('tv-duk-syt');
    expect(traVinh.identities.find((i) => i.role === 'cell_secretary')).toMatchObject({ unit: 'tv-duk-syt-bvp', name: 'Lê Hồng Vũ' });
  });

  it('sends reports of the province and the blocs to example.vn organising boards', () => {
    for (const t of data.tenants) {
      const kinds = t.recipients.map((r) => t.units.find((u) => u.id === r.unitId)?.kind ?? kindIn2025.get(r.unitId));
      expect(kinds).toContain('province');
      expect(kinds.every((k) => k === 'province' || k === 'bloc')).toBe(true);
      for (const e of t.recipients.flatMap((r) => r.emails)) expect(e).toMatch(/^[a-z.]+@[a-z]+\.example\.vn$/);
    }
  });

  it('summarises counts per tenant', () => {
    const [tv, vl] = summariseDemo(data);
    expect(tv).toMatchObject({ tenantId: 'tra-vinh', members: traVinh.members.length, units: traVinh.units.length });
    expect(tv!.official + tv!.probationary).toBe(tv!.members);
    expect(tv!.unitsByKind.group).toBe(traVinh.units.filter((u) => u.kind === 'group').length);
    expect(vl?.tenantId).toBe('vinh-long');
    expect(formatDemoSummary([tv!, vl!])).toMatch(/^tra-vinh \(Tỉnh ủy Trà Vinh\): \d+ đơn vị .*\nvinh-long/);
  });
});
