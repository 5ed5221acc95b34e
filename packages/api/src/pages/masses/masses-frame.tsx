import type { Child } from 'hono/jsx';
import type { Caller } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import { Page } from '../campaign/page';

export type Flash = { error?: string | undefined; ok?: string | undefined };

/** The frame of the committee's masses pages: crumbs to the unit and the year's masses page, the flash. */
export function MassesFrame(props: { caller: Caller; unit: StoredUnit; year: number; title: string; flash?: Flash; here?: string; children?: Child }) {
  const { unit, year } = props;
  return (
    <Page title={props.title} caller={props.caller}>
      <div class="crumbs">
        <a href={`/units/${unit.id}`}>{unit.name}</a> › <a href={`/campaigns/${year}/units/${unit.id}/masses`}>Tự phê bình trước quần chúng năm {year}</a>
        {props.here ? <> › {props.here}</> : null}
      </div>
      <h1>{props.title}</h1>
      {props.flash?.error ? <p class="error" data-testid="flash-error">{props.flash.error}</p> : null}
      {props.flash?.ok ? <p class="ok" data-testid="flash-ok">{props.flash.ok}</p> : null}
      {props.children}
    </Page>
  );
}
