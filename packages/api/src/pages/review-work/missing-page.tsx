import type { Caller } from '@kd/domain';
import { Page as Layout } from '../campaign/page';

/** A record the user asked for does not exist yet: say so in Vietnamese and where to make it (never raw JSON). */
export function MissingRecordPage(props: { caller: Caller; title: string; message: string; next: { href: string; label: string } }) {
  return (
    <Layout title={props.title} caller={props.caller}>
      <h1>{props.title}</h1>
      <p class="error" data-testid="missing-record">{props.message}</p>
      <p>
        <a href={props.next.href} data-testid="missing-next">{props.next.label}</a>
      </p>
    </Layout>
  );
}
