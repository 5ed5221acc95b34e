/** Said on every page of a closed campaign's year: nothing there can be changed any more. */
export function ClosedBanner(props: { year: number; closed: boolean }) {
  if (!props.closed) return null;
  return (
    <p class="closed" data-testid="campaign-closed">
      Đợt kiểm điểm năm {props.year} đã kết thúc: các trang chỉ để xem, không sửa được.
    </p>
  );
}
