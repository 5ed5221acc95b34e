import { describe, expect, it } from 'vitest';
import { keys, parseKey, decodeRecord } from '@kd/data';
import { marshall } from '@aws-sdk/util-dynamodb';

describe('parseKey reads back what keys builds', () => {
  it.each([
    ['a tenant', keys.tenantMeta('t-1'), { item: 'tenant', tenant: 't-1' }],
    ['a unit', keys.unit('t1', 'c-1'), { item: 'unit', tenant: 't1', unitId: 'c-1' }],
    ['a member', keys.member('t1', 'M#7'), { item: 'member', tenant: 't1', memberId: 'M#7' }],
    ['a campaign', keys.campaign('t1', 2025), { item: 'campaign', tenant: 't1', year: 2025 }],
    ['a dossier', keys.dossier('t1', 'c1', 2021), { item: 'dossier', tenant: 't1', unitId: 'c1', year: 2021 }],
    ['a result row', keys.resultRow('t1', 'c1', 2021, 12, 'M002'), { item: 'resultRow', tenant: 't1', unitId: 'c1', year: 2021, version: 12, memberId: 'M002' }],
  ])('%s', (_, key, parsed) => {
    expect(parseKey(key)).toEqual(parsed);
  });

  it('names nothing for items the readers do not follow', () => {
    expect(parseKey(keys.collectiveReview('t1', 'c1', 2021))).toBeNull();
    expect(parseKey(keys.unitEvent('t1', 'c1', 2021, 'groupMeetingHeld'))).toBeNull();
    expect(parseKey(keys.rollupOwn('t1', 2021, 'c1'))).toBeNull();
    expect(parseKey(keys.unitHistory('t1', 'c1', '2021-12-01T00:00:00Z', '1'))).toBeNull();
  });
});

describe('decodeRecord', () => {
  const record = (key: { pk: string; sk: string }, images: { OldImage?: object; NewImage?: object } = {}) => ({
    dynamodb: {
      SequenceNumber: '1',
      Keys: marshall(key),
      ...(images.OldImage ? { OldImage: marshall({ ...key, ...images.OldImage }) } : {}),
      ...(images.NewImage ? { NewImage: marshall({ ...key, ...images.NewImage }) } : {}),
    },
  });

  it('turns a result row into the version it belongs to', () => {
    expect(decodeRecord(record(keys.resultRow('t1', 'c1', 2021, 3, 'M1')))).toEqual({ kind: 'row', tenant: 't1', unitId: 'c1', year: 2021, version: 3 });
  });

  it('names both units of a member who moved', () => {
    expect(decodeRecord(record(keys.member('t1', 'M1'), { OldImage: { unitId: 'c1' }, NewImage: { unitId: 'c2' } }))).toEqual({ kind: 'member', tenant: 't1', unitIds: ['c1', 'c2'] });
  });

  it('tells a change of the campaign settings from one of its milestones', () => {
    const key = keys.campaign('t1', 2021);
    expect(decodeRecord(record(key, { OldImage: { rulebookId: 'a', milestones: [] }, NewImage: { rulebookId: 'a', milestones: [1] } }))).toMatchObject({ settingsChanged: false });
    expect(decodeRecord(record(key, { OldImage: { rulebookId: 'a' }, NewImage: { rulebookId: 'b' } }))).toMatchObject({ kind: 'campaign', year: 2021, settingsChanged: true });
  });
});
