/**
 * Direct quotations of a document: where they open and close, whatever the typographic convention
 * (`"…"`, `“…”`, `„…“`, `«…»`, `「…」`), including quotations that run over several sentences.
 *
 * Quotes are tracked over the whole document, not per sentence, because the sentence that closes a
 * quotation often has no opening mark (`…with Tajikistan," Zakharova said.`). A paragraph break
 * closes any quotation still open, so one stray mark cannot swallow the rest of the text.
 * Single quotes are ignored: they are also apostrophes (`Taliban'ın`, `Afghanistan's`).
 */

/** A quotation; offsets into the document, marks excluded. */
export interface QuoteSpan {
  start: number
  end: number
  /** False when the paragraph ended before a closing mark. */
  closed: boolean
}

const OPEN_ONLY = new Set(['“', '„', '«', '「', '『', '‹'])
const CLOSE_ONLY = new Set(['”', '»', '」', '』', '›'])

/**
 * The quotations of `text`.
 *
 * @example findQuotes('He said: "We are ready." Then he left.') // [{ start: 10, end: 23, closed: true }]
 */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = []
  let open = -1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n' && open >= 0 && (/\n[ \t]*\n/.test(text.slice(i, i + 4)) || !closesSoon(text, i))) {
      out.push({ start: open, end: i, closed: false })
      open = -1
      continue
    }
    const straight = ch === '"'
    if (open < 0) {
      if (OPEN_ONLY.has(ch) || (straight && /\S/.test(text[i + 1] ?? ''))) open = i + 1
      // A lone closing mark with no opening one is ignored.
    } else if (CLOSE_ONLY.has(ch) || straight || (ch === '“' && text[open - 1] === '„')) {
      out.push({ start: open, end: i, closed: true })
      open = -1
    }
  }
  if (open >= 0) out.push({ start: open, end: text.length, closed: false })
  return out.filter((q) => q.end > q.start)
}

/** How far past a line break a quotation may still be closed (a few sentences). */
const REACH = 1200

// Whether a closing mark follows within reach and before a blank line: else a quote open at a
// line break is a stray mark, or a quotation never closed, and ends with its line.
function closesSoon(text: string, from: number): boolean {
  const end = Math.min(text.length, from + REACH)
  for (let k = from + 1; k < end; k++) {
    const c = text[k]
    if (c === '"' || CLOSE_ONLY.has(c) || c === '“') return true
    if (c === '\n' && /^\n[ \t]*\n/.test(text.slice(k, k + 4))) return false
  }
  return false
}

/** The parts of quotations that fall inside `[start, end)`. */
export function quotedParts(spans: readonly QuoteSpan[], start: number, end: number): QuoteSpan[] {
  const out: QuoteSpan[] = []
  // Spans are sorted: a binary search finds the first that may overlap.
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid].end <= start) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < spans.length && spans[k].start < end; k++) {
    const s = spans[k]
    out.push({ start: Math.max(s.start, start), end: Math.min(s.end, end), closed: s.closed })
  }
  return out
}

/** An elision mark inside a quotation: `…`, `...`, `[…]`, `(...)`. */
export const ELISION = /\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|…|\.\.\.(?!\.)/u
