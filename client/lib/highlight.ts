/**
 * Cuts a sentence into pieces at the edges of the marks laid over it (findings, annotated spans),
 * so the row can render each piece once with every mark that covers it. Marks may overlap; a
 * piece lists all marks covering it, in the order they were given.
 */

/** A mark over `[start, end)` of a sentence's text (offsets into the sentence, UTF-16 units). */
export interface Mark<T> {
  start: number
  end: number
  value: T
}

/** A run of text covered by the same set of marks; `text` is empty for a zero-width mark. */
export interface Piece<T> {
  text: string
  start: number
  end: number
  marks: T[]
}

/**
 * Splits `text` at every mark edge. Offsets outside the text are clamped; a zero-width mark gives
 * an empty piece at its position (the page shows it as an insertion point). Edges that would cut a
 * surrogate pair in two are moved to the start of the pair, so an emoji is never broken.
 *
 * @example
 * pieces('Taliban* said', [{ start: 7, end: 8, value: 'marker' }])
 * // [{text:'Taliban',marks:[]}, {text:'*',marks:['marker']}, {text:' said',marks:[]}]
 */
export function pieces<T>(text: string, marks: readonly Mark<T>[]): Piece<T>[] {
  const fix = (offset: number) => {
    let at = Math.max(0, Math.min(text.length, Math.trunc(Number.isFinite(offset) ? offset : 0)))
    const code = text.charCodeAt(at)
    if (at > 0 && code >= 0xdc00 && code <= 0xdfff) {
      const before = text.charCodeAt(at - 1)
      if (before >= 0xd800 && before <= 0xdbff) at--
    }
    return at
  }
  const spans = marks.map((m) => {
    const start = fix(m.start)
    return { start, end: Math.max(start, fix(m.end)), value: m.value }
  })
  const edges = new Set<number>([0, text.length])
  for (const s of spans) edges.add(s.start).add(s.end)
  const cuts = [...edges].sort((a, b) => a - b)
  const out: Piece<T>[] = []
  for (let k = 0; k < cuts.length; k++) {
    const at = cuts[k]
    const points = spans.filter((s) => s.start === at && s.end === at)
    if (points.length) out.push({ text: '', start: at, end: at, marks: points.map((s) => s.value) })
    if (k + 1 === cuts.length) break
    const next = cuts[k + 1]
    const covering = spans.filter((s) => s.start <= at && s.end >= next && s.end > s.start)
    out.push({ text: text.slice(at, next), start: at, end: next, marks: covering.map((s) => s.value) })
  }
  return out
}
