import type { Child } from 'hono/jsx';
import type { Caller } from '@kd/domain';
import { Layout } from '../layout';
import { campaignStyles } from './styles';

/** The common frame plus the campaign pages' own styles. */
export function Page(props: { title: string; caller?: Caller | undefined; children?: Child }) {
  return (
    <Layout title={props.title} caller={props.caller}>
      <style>{campaignStyles}</style>
      {props.children}
    </Layout>
  );
}
