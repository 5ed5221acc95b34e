import { z } from 'zod';
import { formatVietnameseDate, LocalDate } from '../local-date';
import { FullName } from '../member';
import { SelfCriticismBody } from '../masses/self-criticism';
import { SIGN_HINT } from './labels';
import { paragraph, text, toNfc, type Block, type DocumentModel, type SignatureBlock } from './model';
import { PARTY_NAME, placeAndDate } from './party-header';
import { selfCriticismIdentityLabels as L, selfCriticismSections, selfCriticismTexts as T } from './self-criticism-sections';
import { blankPlaceAndDate, textLines, writtenText } from './written-text';

const nfc = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));
const Name = nfc.pipe(z.string().min(1).max(200)).nullish();

export const SelfCriticismDocumentInput = z.object({
  place: nfc.pipe(z.string().min(1).max(100)),
  /** Null: the date is left blank to fill by hand, as on the printed form. */
  date: LocalDate.nullish(),
  year: z.number().int().min(2000).max(2100),
  /** The committee that comments (with-position form): the base committee and the cell, as the tree names them. */
  committee: z.object({ upperName: Name, unitName: Name, signer: FullName.nullish() }).default({}),
  selfCriticism: SelfCriticismBody,
});
export type SelfCriticismDocumentInput = z.input<typeof SelfCriticismDocumentInput>;

const FILL = 3;
const DOTS = '……………';

/**
 * A member's self-criticism before the masses, laid out like the forms of Kế hoạch 03-KH/ĐUK: the
 * party's name and the date on the right, the title, the identity lines of the form, part I under
 * five headings with what each asks for, part II with the causes, part III, and the signature of
 * the member — beside the committee's comment block on the form for members with a position.
 * @example renderDocx(buildSelfCriticism({ place: 'Trà Vinh', year: 2020, selfCriticism: { form: 'withoutPosition', identity: { fullName: 'Nguyễn Văn An' } } }))
 */
export function buildSelfCriticism(raw: SelfCriticismDocumentInput): DocumentModel {
  const input = SelfCriticismDocumentInput.parse(raw);
  const { year } = input;
  const sc = input.selfCriticism;
  const form = sc.form;
  const blocks: Block[] = [
    {
      kind: 'partyHeader',
      left: [text('')],
      right: [text(PARTY_NAME, { bold: true, underline: true }), text(''), text(input.date ? placeAndDate(input.place, input.date) : blankPlaceAndDate(input.place, year), { italic: true })],
    },
    { kind: 'title', lines: [text(T.title, { bold: true }), text(T.subtitle(year), { bold: true }), text(T.audience[form], { italic: true })] },
    ...identity(sc.identity, form),
    paragraph(T.intro[form], { indent: true, align: 'justify' }),
    { kind: 'heading', level: 1, text: T.strengths },
    ...selfCriticismSections(form, year).flatMap((s, i): Block[] => [
      { kind: 'heading', level: 2, number: String(i + 1), text: s.heading },
      ...s.guidance.map((g) => paragraph([text(`- ${g}`, { italic: true })], { indent: true, align: 'justify' })),
      ...writtenText(sc.strengths[s.key], FILL),
    ]),
    { kind: 'heading', level: 1, text: T.shortcomings },
    paragraph([text(T.shortcomingsGuidance, { italic: true })], { indent: true, align: 'justify' }),
    ...writtenText(sc.shortcomings, FILL),
    paragraph([text(T.causesGuidance, { italic: true })], { indent: true, align: 'justify' }),
    ...writtenText(sc.causes, FILL),
    { kind: 'heading', level: 1, text: T.remedies },
    paragraph([text(T.remediesGuidance, { italic: true })], { indent: true, align: 'justify' }),
    ...writtenText(sc.remedies, FILL),
  ];
  const author: SignatureBlock = { title: T.author, hint: SIGN_HINT, name: sc.identity.fullName };
  if (form === 'withPosition') {
    const c = input.committee;
    const committee: SignatureBlock = {
      title: T.committeeComment,
      body: textLines(sc.committeeComment),
      fillLines: 4,
      signer: [c.upperName ? c.upperName.toLocaleUpperCase('vi') : `ĐẢNG BỘ ${DOTS}`, c.unitName ? c.unitName.toLocaleUpperCase('vi') : `CHI BỘ ${DOTS}`],
      ...(c.signer ? { name: c.signer } : {}),
    };
    blocks.push({ kind: 'signatures', blocks: [committee, author] });
  } else {
    blocks.push({ kind: 'signatures', blocks: [author] });
  }
  return toNfc({ title: `${T.title} ${T.subtitle(year)} — ${sc.identity.fullName}`, blocks });
}

type Identity = z.infer<typeof SelfCriticismBody>['identity'];

function identity(id: Identity, form: z.infer<typeof SelfCriticismBody>['form']): Block[] {
  const line = (label: string, value: string | null | undefined): Block =>
    value ? paragraph([text(`${label}: `), text(value)], { indent: true }) : { kind: 'fillLines', count: 1, lead: [text(`${label}: `)] };
  const nameLine: Block = id.birthDate
    ? paragraph([text(`${L.fullName}: `), text(id.fullName, { bold: true }), text(`, ${L.birthDate}: ${formatVietnameseDate(id.birthDate)}`)], { indent: true })
    : { kind: 'fillLines', count: 1, lead: [text(`${L.fullName}: `), text(id.fullName, { bold: true }), text(`, ${L.birthDate}: `)] };
  if (form === 'withPosition') {
    return [nameLine, line(L.partyPosition, id.partyPosition), line(L.governmentPosition, id.governmentPosition), line(L.workplace, id.workplace), line(L.cellName, id.cellName)];
  }
  return [nameLine, line(L.workplace, id.workplace), line(L.cellName, id.cellName), line(L.duties, id.duties)];
}
