import type { AppraisalStanding } from '@kd/domain';

/**
 * What every approve or return form asks besides its own fields: the province's reason for taking
 * over a dossier the plan gives to a lower level (required, audited), and, before a lock, the
 * confirmation that the dossier will be locked.
 */
export function TakeOverField(props: { standing: AppraisalStanding; testid: string }) {
  if (props.standing !== 'takeOver') return null;
  return (
    <label class="takeover">
      Lý do cấp tỉnh tiếp nhận thẩm định (hồ sơ này do cấp dưới thẩm định theo kế hoạch)
      <input type="text" name="takeOverReason" required minlength={3} maxlength={2000} size={40} data-testid={props.testid} />
    </label>
  );
}

export function ConfirmLockField(props: { testid: string }) {
  return (
    <label class="confirm">
      <input type="checkbox" name="confirm" value="yes" required data-testid={props.testid} /> Tôi đã xem hồ sơ và xác nhận duyệt; sau khi duyệt, hồ sơ bị khóa, đơn vị không sửa được nữa.
    </label>
  );
}

export const standingLabels: Record<AppraisalStanding, string> = {
  appraiser: 'Cấp mình thẩm định',
  takeOver: 'Cấp dưới thẩm định (tỉnh chỉ tiếp nhận khi có lý do)',
  outside: 'Cấp khác thẩm định',
};
