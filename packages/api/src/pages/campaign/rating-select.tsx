import { ratingLabels, ratings, type Rating } from '@kd/domain';

/** A select of the four levels (and "not set"), in the order of the regulation. */
export function RatingSelect(props: { name: string; value: Rating | null | undefined; label: string; empty?: string }) {
  return (
    <label>
      {props.label}{' '}
      <select name={props.name} data-testid={props.name}>
        <option value="" selected={!props.value}>
          {props.empty ?? '— chưa có —'}
        </option>
        {ratings.map((r) => (
          <option value={r} selected={props.value === r}>
            {ratingLabels[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
