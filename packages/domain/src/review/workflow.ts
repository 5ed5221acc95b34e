import { z } from 'zod';
import type { Action } from '../access/permissions';
import { DomainError } from '../errors/index';

/**
 * The workflow of a unit's dossier for a year (QĐ 132-QĐ/TW Điều 8; HD 43-HD/BTCTW mục 3): the unit
 * submits; the upper level approves (possibly with adjustments) or returns it with a reason; a
 * returned dossier is corrected and submitted again; an approved one is locked. This file is the
 * one place that names the states, says which of them the unit may still edit, which transition
 * leaves which state and who may make it. Storage only stores what it decided.
 */
export const dossierStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export const DossierState = z.enum(dossierStates);
export type DossierState = z.infer<typeof DossierState>;

export const dossierStateLabels: Record<DossierState, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi cấp trên, chờ thẩm định',
  returned: 'Bị trả lại',
  approved: 'Đã thẩm định, khóa',
};

/** The unit may change its results, reviews and collective rating only in these states. */
export const editableStates: readonly DossierState[] = ['draft', 'returned'];

export function isEditable(state: DossierState): boolean {
  return editableStates.includes(state);
}

/** 409 UNIT_LOCKED, worded for the state that locks the dossier. */
export function lockedError(state: DossierState): DomainError {
  return new DomainError(
    'UNIT_LOCKED',
    state === 'approved' ? 'Hồ sơ của đơn vị đã được thẩm định và khóa; không thể sửa.' : 'Hồ sơ đã gửi cấp trên; chờ cấp trên thẩm định hoặc trả lại trước khi sửa.',
    { state },
  );
}

/** Throws 409 UNIT_LOCKED unless the unit may still edit its dossier. */
export function assertEditable(dossier: { state: DossierState }): void {
  if (!isEditable(dossier.state)) throw lockedError(dossier.state);
}

export const workflowActions = ['submit', 'approve', 'return'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

interface Transition {
  from: readonly DossierState[];
  to: DossierState;
  /** Done by a unit strictly above the dossier's unit (appraisal), or by the unit itself. */
  byUpperLevel: boolean;
  /** The permission the caller's role needs (packages/domain/src/access/permissions.ts). */
  permission: Action;
}

export const transitions: Record<WorkflowAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', byUpperLevel: false, permission: 'review.submit' },
  approve: { from: ['submitted'], to: 'approved', byUpperLevel: true, permission: 'review.appraise' },
  return: { from: ['submitted'], to: 'returned', byUpperLevel: true, permission: 'review.appraise' },
};

export const workflowActionLabels: Record<WorkflowAction, string> = {
  submit: 'Gửi hồ sơ lên cấp trên',
  approve: 'Thẩm định, duyệt',
  return: 'Trả lại',
};

/** The state a transition leads to; 409 (UNIT_LOCKED from an approved dossier, else INVALID_STATE) when it cannot leave `state`. */
export function nextState(state: DossierState, action: WorkflowAction): DossierState {
  const t = transitions[action];
  if (!t.from.includes(state)) {
    throw new DomainError(
      state === 'approved' ? 'UNIT_LOCKED' : 'INVALID_STATE',
      `Không thể “${workflowActionLabels[action].toLocaleLowerCase('vi')}” khi hồ sơ đang ở trạng thái “${dossierStateLabels[state]}”.`,
      { state, action },
    );
  }
  return t.to;
}

/** Actions available from a state (pages show only these buttons). */
export function availableActions(state: DossierState): WorkflowAction[] {
  return workflowActions.filter((a) => transitions[a].from.includes(state));
}
