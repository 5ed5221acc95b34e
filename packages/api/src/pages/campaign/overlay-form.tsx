import { ratingLabels, type RuleEdit, type RuleInForce } from '@kd/domain';
import { paramChoices, paramLabels, severityLabels } from './rule-labels';
import { PostForm } from '../post-form';

/**
 * The province board's form over its overlay: per rule, on or off, its severity, its parameters
 * (inputs by the shape of the value: numbers, yes/no, fixed choices, lists, score bands) and the
 * system's reading. Field names carry the rule key: `e:` enabled, `s:` severity, `p:` a parameter
 * (`p:key:bands:0:minScore` for a field of a list of records), `i:` the reading.
 */
export function OverlayForm(props: { action: string; rules: readonly RuleInForce[]; version: number; source: string }) {
  return (
    <PostForm action={props.action} class="overlay-form" testid="overlay-form">
      <input type="hidden" name="expectedVersion" value={String(props.version)} />
      <p>
        <label>
          Văn bản của tỉnh làm căn cứ (số, ngày, cơ quan ban hành){' '}
          <input type="text" name="source" required maxlength={500} size={60} value={props.source} data-testid="overlay-source" />
        </label>
      </p>
      {props.rules.map(({ key, rule }) => (
        <fieldset data-rule={key}>
          <legend>{key}</legend>
          <input type="hidden" name={`k:${key}`} value="1" />
          <label>
            <input type="checkbox" name={`e:${key}`} value="on" checked={rule.enabled} data-testid={`enabled-${key}`} /> Áp dụng
          </label>{' '}
          <label>
            Mức độ{' '}
            <select name={`s:${key}`} data-testid={`severity-${key}`}>
              {(['blocking', 'warning'] as const).map((s) => <option value={s} selected={rule.severity === s}>{severityLabels[s]}</option>)}
            </select>
          </label>
          {Object.entries(rule.params).map(([name, value]) => <ParamInput field={`p:${key}:${name}`} name={name} value={value} testId={`param-${key}-${name}`} />)}
          <label class="block">
            Cách hiểu (để trống nếu văn bản của tỉnh đã quy định rõ){' '}
            <textarea name={`i:${key}`} rows={2} maxlength={2000} data-testid={`interpretation-${key}`}>{rule.interpretation ?? ''}</textarea>
          </label>
        </fieldset>
      ))}
      <button type="submit" data-testid="overlay-preview">Xem trước thay đổi và hồ sơ bị ảnh hưởng</button>
    </PostForm>
  );
}

function ParamInput(props: { field: string; name: string; value: unknown; testId: string }) {
  const { field, name, value } = props;
  const label = paramLabels[name] ?? name;
  if (typeof value === 'number') return <label>{label} <input type="number" step="any" name={field} value={String(value)} data-testid={props.testId} /></label>;
  if (typeof value === 'boolean') {
    return (
      <label>
        {label}{' '}
        <select name={field} data-testid={props.testId}>
          <option value="true" selected={value}>Có</option>
          <option value="false" selected={!value}>Không</option>
        </select>
      </label>
    );
  }
  if (typeof value === 'string' && paramChoices[name]) {
    return (
      <label>
        {label}{' '}
        <select name={field} data-testid={props.testId}>
          {paramChoices[name]!.map((c) => <option value={c.value} selected={c.value === value}>{c.label}</option>)}
        </select>
      </label>
    );
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) {
    return (
      <div class="bands">
        {label}:
        {(value as Record<string, unknown>[]).map((record, i) => (
          <div>
            {Object.entries(record).map(([k, v]) => <ParamInput field={`${field}:${i}:${k}`} name={k} value={v} testId={`${props.testId}-${i}-${k}`} />)}
          </div>
        ))}
      </div>
    );
  }
  const text = Array.isArray(value) ? value.join(', ') : String(value ?? '');
  return <label>{label} <input type="text" name={field} value={text} size={40} data-testid={props.testId} /></label>;
}

/** A value typed like `like` from the form's text; what cannot be read stays text, for the rulebook's check to refuse. */
function typedLike(like: unknown, raw: string): unknown {
  const text = raw.normalize('NFC').trim();
  if (typeof like === 'number') {
    const n = Number(text.replace(',', '.'));
    return text !== '' && Number.isFinite(n) ? n : text;
  }
  if (typeof like === 'boolean') return text === 'true' || text === 'on';
  if (Array.isArray(like)) return text === '' ? [] : text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
  return text;
}

/** The form back into one edit per rule (the rulebook's own checks validate what the form cannot). */
export function editsFromForm(form: Record<string, unknown>, rules: readonly RuleInForce[]): RuleEdit[] {
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  return rules.map(({ key, rule }) => {
    // A rule the form did not carry keeps what it is.
    if (text(`k:${key}`) !== '1') return { key, enabled: rule.enabled, severity: rule.severity, params: { ...rule.params }, interpretation: rule.interpretation ?? null };
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(rule.params)) {
      const field = `p:${key}:${name}`;
      if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)) {
        params[name] = (value as Record<string, unknown>[]).map((record, i) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(record)) {
            const raw = form[`${field}:${i}:${k}`];
            if (typeof raw !== 'string') out[k] = v;
            else if (raw.trim() !== '' || typeof v !== 'number') out[k] = typedLike(v, raw);
          }
          return out;
        });
      } else if (typeof form[field] === 'string') {
        params[name] = typedLike(value, text(field));
      } else {
        params[name] = value;
      }
    }
    const interpretation = text(`i:${key}`).trim();
    return {
      key,
      enabled: text(`e:${key}`) === 'on',
      severity: text(`s:${key}`) === 'warning' ? 'warning' : text(`s:${key}`) === 'blocking' ? 'blocking' : rule.severity,
      params,
      interpretation: interpretation === '' ? null : interpretation,
    };
  });
}

export const levelLabel = (r: string | undefined) => (r ? (ratingLabels[r as keyof typeof ratingLabels] ?? r) : '');
