/**
 * A small incremental XML tokenizer for the SpreadsheetML parts of an .xlsx (worksheet, shared strings,
 * styles, workbook, relationships). It takes decoded text piece by piece, as the entry inflates, and reports
 * start tags, end tags and raw text; a tag cut at a chunk boundary waits for the next piece. It is not a
 * validating parser: namespaces are reduced to local names and DOCTYPEs are skipped.
 */

export interface XmlHandler {
  /** Set to true to stop the tokenizer at once (the rest of the piece is left unread). */
  stopped?: boolean;
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags, entities not yet decoded; may come in several pieces. */
  text(raw: string): void;
}

const LT = '<';
const QUOTE = 34;
const APOS = 39;
const GT = 62;

/** The index of the `>` closing the tag opened at `from`, skipping `>` inside quoted attribute values. */
const tagEnd = (s: string, from: number): number => {
  let quote = 0;
  for (let i = from; i < s.length; i += 1) {
    const ch = s.charCodeAt(i);
    if (quote) {
      if (ch === quote) quote = 0;
    } else if (ch === QUOTE || ch === APOS) quote = ch;
    else if (ch === GT) return i;
  }
  return -1;
};

/** `x:row` → `row`: writers differ in the prefix they give the SpreadsheetML namespace. */
const localName = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export class XmlTokenizer {
  private buf = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Feeds the next piece of decoded text; only an unfinished tag is kept for the next call. */
  write(piece: string): void {
    const h = this.handler;
    const s = this.buf ? this.buf + piece : piece;
    this.buf = '';
    let pos = 0;
    while (!h.stopped) {
      const lt = s.indexOf(LT, pos);
      if (lt < 0) {
        if (pos < s.length) h.text(s.slice(pos));
        return;
      }
      if (lt > pos) h.text(s.slice(pos, lt));
      const next = this.markup(s, lt);
      if (next < 0) {
        this.buf = s.slice(lt);
        return;
      }
      pos = next;
    }
  }

  /** Handles the markup starting at `lt`; returns where text resumes, or -1 when it is not complete yet. */
  private markup(s: string, lt: number): number {
    const h = this.handler;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      // Escaped so that the consumer's entity decoding gives the literal text back.
      h.text(escapeText(s.slice(lt + 9, end)));
      return end + 3;
    }
    const rest = s.slice(lt, lt + 9);
    if (rest.length < 9 && ('<![CDATA['.startsWith(rest) || '<!--'.startsWith(rest))) return -1;
    const gt = tagEnd(s, lt + 1);
    if (gt < 0) return -1;
    const first = s[lt + 1];
    if (first === '?' || first === '!') return gt + 1;
    if (first === '/') {
      h.close(localName(s.slice(lt + 2, gt).trim()));
      return gt + 1;
    }
    const selfClosing = s.charCodeAt(gt - 1) === 47; // '/'
    const inner = s.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const space = inner.search(/[\s/]/);
    const name = space < 0 ? inner : inner.slice(0, space);
    h.open(localName(name), space < 0 ? '' : inner.slice(space), selfClosing);
    return gt + 1;
  }
}

const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag by local name, values entity-decoded. */
export const parseAttrs = (attrs: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of attrs.matchAll(ATTR)) out[localName(m[1]!)] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const codePoint = (n: number, whole: string) => (n <= 0x10ffff ? String.fromCodePoint(n) : whole);

/** Decodes the five XML entities and numeric character references. */
export const decodeXml = (s: string): string =>
  s.indexOf('&') < 0
    ? s
    : s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
        hex ? codePoint(parseInt(hex, 16), whole) : dec ? codePoint(parseInt(dec, 10), whole) : NAMED[name!]!,
      );

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes SpreadsheetML's `_xHHHH_` escapes (Excel writes a carriage return as `_x000D_`, and a literal
 * `_x000D_` as `_x005F_x000D_`); one left-to-right pass gets both right.
 */
export const decodeOoxmlEscapes = (s: string): string =>
  s.indexOf('_x') < 0 ? s : s.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
