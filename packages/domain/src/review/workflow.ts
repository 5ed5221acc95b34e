import { conflict } from '../errors';

/**
 * The workflow of a unit's dossier for a year (issue 3 §5): the unit submits; the upper level
 * approves (possibly with adjustments) or returns it with a reason; a returned dossier is corrected
 * and submitted again; an approved one is locked. The states are the dossier's (packages/data
 * dossier.ts); this table is the one place that says which transition leaves which state.
 */
export const workflowActions = ['submit', 'approve', 'return'] as const;
export type WorkflowAction = (typeof workflowActions)[number];
export type WorkflowState = 'draft' | 'submitted' | 'returned' | 'approved';

export const transitions: Record<WorkflowAction, { from: readonly WorkflowState[]; to: WorkflowState; byUpperLevel: boolean }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', byUpperLevel: false },
  approve: { from: ['submitted'], to: 'approved', byUpperLevel: true },
  return: { from: ['submitted'], to: 'returned', byUpperLevel: true },
};

export const workflowActionLabels: Record<WorkflowAction, string> = {
  submit: 'Gửi hồ sơ lên cấp trên',
  approve: 'Thẩm định, duyệt',
  return: 'Trả lại',
};

export const workflowStateLabels: Record<WorkflowState, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi cấp trên, chờ thẩm định',
  returned: 'Bị trả lại',
  approved: 'Đã thẩm định, khóa',
};

/** The state a transition leads to; 409 INVALID_STATE when it cannot leave `state`. */
export function nextState(state: WorkflowState, action: WorkflowAction): WorkflowState {
  const t = transitions[action];
  if (!t.from.includes(state)) {
    throw conflict(
      state === 'approved' ? 'UNIT_LOCKED' : 'INVALID_STATE',
      `Không thể “${workflowActionLabels[action].toLocaleLowerCase('vi')}” khi hồ sơ đang ở trạng thái “${workflowStateLabels[state]}”.`,
      { state, action },
    );
  }
  return t.to;
}

/** Actions available from a state (pages show only these buttons). */
export function availableActions(state: WorkflowState): WorkflowAction[] {
  return workflowActions.filter((a) => transitions[a].from.includes(state));
}
