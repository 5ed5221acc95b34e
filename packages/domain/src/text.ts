import { z } from 'zod';
import { DomainError } from './errors/domain-error';

/**
 * C0 controls but tab, line feed and carriage return; DEL; C1 controls. None of them is text a
 * person typed: stored, they break exports, documents and the pages that show them.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** The first control character of `text` (tab and line breaks are text), or undefined. */
export function controlCharacterIn(text: string): string | undefined {
  return CONTROL.exec(text)?.[0];
}

/** `U+0007`: how a message names a character that cannot be shown. */
export function codePointOf(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where the first control character sits in a parsed JSON body or form (a dotted path), if any. */
export function findControlCharacter(value: unknown, path = ''): { path: string; codePoint: string } | undefined {
  if (typeof value === 'string') {
    const ch = controlCharacterIn(value);
    return ch === undefined ? undefined : { path, codePoint: codePointOf(ch) };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControlCharacter(item, path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      const found = findControlCharacter(key, at) ?? findControlCharacter(item, at);
      if (found) return found;
    }
  }
  return undefined;
}

/** 400 CONTROL_CHARACTER for a JSON body or form holding a control character anywhere. */
export function assertNoControlCharacters(value: unknown): void {
  const found = findControlCharacter(value);
  if (found) {
    throw new DomainError('CONTROL_CHARACTER', `Nội dung gửi lên có ký tự điều khiển ${found.codePoint}${found.path ? ` ở trường “${found.path}”` : ''}; hãy gõ lại đoạn văn bản đó.`, found);
  }
}

/** Free text as it is stored: NFC, trimmed, at most `max` characters (line breaks kept). */
export const nfcText = (max: number) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(max));

/** One line of text as it is stored: NFC, trimmed, runs of white space (tabs, line breaks) as one space. */
export const nfcLine = (max: number) => z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ')).pipe(z.string().max(max));
