/**
 * Annotation markers: an asterisk or dagger after a word (`Taliban*`, which Russian media use for
 * organisations banned in Russia), a footnote number (`¹`, `[3]`), or a bracketed editorial note
 * (`(banned in Russia)`, `[sic]`, `(Ed.)`). A marker on one side only is a divergence a reader of
 * the other version cannot see.
 */

export type MarkerType = 'asterisk' | 'dagger' | 'footnote' | 'note'

/** A marker found in a text; offsets are into the text given. */
export interface Marker {
  type: MarkerType
  /** The marker with the word it is attached to (`Taliban*`), or the whole note. */
  text: string
  start: number
  end: number
  /** The marker characters alone (`*`, `¹`, `(banned in Russia)`). */
  mark: string
}

// Words that make a bracketed aside an editorial note rather than ordinary parenthetical content.
const NOTE_WORDS = new RegExp(
  [
    String.raw`\b(?:banned|prohibited|outlawed|proscribed|designated|recogni[sz]ed as|terrorist|extremist|liquidated|foreign agent|undesirable)\b`,
    String.raw`\b(?:sic|ed\.|eds\.|editor'?s? note|translator'?s? note|note|update[ds]?|correction|clarification)\b`,
    String.raw`(?:yasakl[ıi]|yasaklanm[ıi]ş|terör örgütü|editörün notu|çevirmenin notu|ed\.n\.|ç\.n\.|sic)`,
    String.raw`(?:محظور|المحظور|ارهابي|إرهابي|المحرر|المترجم|ملاحظة)`,
    String.raw`(?:запрещ|террорист|экстремист|иноагент|иностранн\S* агент)`,
  ].join('|'),
  'iu',
)

const SUPERSCRIPT = '¹²³⁴⁵⁶⁷⁸⁹⁰'
const FOOTNOTE = new RegExp(`([\\p{L}\\p{N}.,;:)"”’])([${SUPERSCRIPT}]+|\\[\\d{1,3}\\]|\\^\\d{1,3})`, 'gu')
const FOOTNOTE_HINT = new RegExp(`[${SUPERSCRIPT}^]|\\[\\d`, 'u')

/**
 * The annotation markers of `text`.
 *
 * @example findMarkers('A Taliban* spokesman said')[0] // { type: 'asterisk', text: 'Taliban*', … }
 */
export function findMarkers(text: string): Marker[] {
  const out: Marker[] = []
  // Most sentences have none of the characters a marker needs.
  if (!/[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰[^(]/u.test(text)) return out
  // `*word*` pairs are emphasis, not annotations: skip asterisks when the text has such a pair.
  const asterisk = text.includes('*')
  const emphasis = asterisk && /(?:^|[\s(])\*[\p{L}\p{N}][^*]*\*(?![\p{L}\p{N}])/u.test(text)
  if (asterisk && !emphasis) {
    for (const m of text.matchAll(/([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)([)\]"'’»”]?)(\*{1,3})(?![\p{L}\p{N}*])/gu)) {
      const start = m.index
      out.push({ type: 'asterisk', text: m[0], start, end: start + m[0].length, mark: m[3] })
    }
  }
  if (/[†‡]/.test(text)) for (const m of text.matchAll(/([\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*)([)\]"'’»”]?)([†‡]{1,3})/gu)) {
    out.push({ type: 'dagger', text: m[0], start: m.index, end: m.index + m[0].length, mark: m[3] })
  }
  if (FOOTNOTE_HINT.test(text)) for (const m of text.matchAll(FOOTNOTE)) {
    // `[3]` after a space is a reference too, but after a letter it can also be an index: both are
    // footnote-like enough; a bare `[2021]` is not (4 digits excluded above).
    const start = m.index + m[1].length
    out.push({ type: 'footnote', text: m[2], start, end: start + m[2].length, mark: m[2] })
  }
  if (/[([]/.test(text)) for (const m of text.matchAll(/[([]([^()[\]]{2,120})[)\]]/gu)) {
    if (!NOTE_WORDS.test(m[1])) continue
    out.push({ type: 'note', text: m[0], start: m.index, end: m.index + m[0].length, mark: m[0] })
  }
  return out.sort((a, b) => a.start - b.start)
}

/**
 * Whether a whole sentence is the explanation of a marker, printed apart (`* The Taliban is banned
 * in Russia`, `¹ Source: …`): such a line without counterpart is an annotation, not content.
 */
export function isFootnoteLine(text: string): boolean {
  const t = text.trim()
  if (/^(?:\*{1,3}|[†‡]{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])\s*\S/u.test(t)) return true
  return /^\(.*\)$/u.test(t) && NOTE_WORDS.test(t)
}

/** How a reader would name a marker type in a message. */
export function describeMarker(type: MarkerType): string {
  switch (type) {
    case 'asterisk':
      return 'an asterisk annotation'
    case 'dagger':
      return 'a dagger annotation'
    case 'footnote':
      return 'a footnote reference'
    case 'note':
      return 'a bracketed editorial note'
  }
}
