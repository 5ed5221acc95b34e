import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { traVinhMassesSettings, type MassesSettings } from '@kd/domain';
import { massesSettingsItem, type Store } from '@kd/data';

/** Turns the masses rule on for a tenant with seed 002's parameters (as the demo's Trà Vinh has it). */
export async function enableMasses(store: Store, tenant: string, settings: MassesSettings = traVinhMassesSettings): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: massesSettingsItem(tenant, settings) }));
}

/** A session record body for the fixture's cell c1 (members M001…M003), on 10/11/2020. */
export function recordBody(overrides: Record<string, unknown> = {}) {
  return {
    startsAt: '2020-11-10T08:00',
    endsAt: '2020-11-10T11:30',
    place: 'Hội trường Bệnh viện Phổi',
    chair: 'Lê Hồng Vũ',
    clerk: 'Trần Thị Ánh',
    committeeRepresentative: 'Nguyễn Văn An',
    massesPresent: 12,
    members: [
      { memberId: 'M001', present: true, duties: 'Giám đốc bệnh viện', summary: 'Lãnh đạo hoàn thành tốt nhiệm vụ; còn chậm giải quyết kiến nghị.' },
      { memberId: 'M002', present: true, duties: 'Trưởng khoa Nội', summary: 'Chuyên môn vững; tác phong đôi lúc nóng vội.' },
      { memberId: 'M003', present: false, absenceReason: 'Đi công tác theo quyết định của Sở Y tế' },
    ],
    ...overrides,
  };
}
