import type { Child } from 'hono/jsx';
import type { Caller } from '@kd/domain';
import { Layout } from '../layout';

/** The campaign pages' frame (their styles are in the one stylesheet, ../styles.ts). */
export function Page(props: { title: string; caller?: Caller | undefined; children?: Child }) {
  return (
    <Layout title={props.title} caller={props.caller}>
      {props.children}
    </Layout>
  );
}
