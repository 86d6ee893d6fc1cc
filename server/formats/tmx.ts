import { XMLParser, XMLValidator } from 'fast-xml-parser'
import {
  annotationLine,
  cleanNote,
  oneLine,
  parseAnnotationLine,
  type ExportAnnotation,
  type ExportPair,
  type Pair,
  type PairNote,
} from './pairs.ts'
import { hasLoneSurrogate } from '../text.ts'
import { decodeXmlText, escapeXml, XmlCharError } from './xml.ts'

/**
 * TMX 1.4 (the Translation Memory eXchange format of LISA/GALA): one `<tu>` per bead, one `<tuv>`
 * per side that has text, annotations as `<note>`s. A bead without counterpart (an omission or
 * addition) is a `<tu>` with a single `<tuv>`, which the 1.4 DTD allows (`tuv+`).
 *
 * A `<note>` is free text, so beside each one Parallax writes the annotation's fields as JSON in
 * a `<prop type="x-parallax-annotation">` (`{tag, tags, note, author}`, and `side` and `quote`
 * for a span): its own import reads them back exactly, other tools show the note and keep or
 * drop the property. Notes without such a property are read as {@link parseAnnotationLine}
 * says in files of earlier Parallax versions (which wrote none), and as notes tagged `other`
 * anywhere else.
 */

/** What {@link toTmx} writes. */
export interface TmxInput {
  title: string
  srcLang: string
  tgtLang: string
  pairs: ExportPair[]
  created: Date
  toolVersion: string
}

// TMX dates are "YYYYMMDDThhmmssZ" (ISO 8601 basic format, UTC).
const tmxDate = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')

/** Writes a TMX 1.4 document. */
export function toTmx(input: TmxInput): string {
  const a = (s: string) => escapeXml(s)
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="Parallax" creationtoolversion="${a(input.toolVersion)}" datatype="plaintext"` +
      ` segtype="sentence" adminlang="en" srclang="${a(input.srcLang)}" o-tmf="Parallax"` +
      ` creationdate="${tmxDate(input.created)}">`,
    `    <prop type="x-parallax-title">${a(oneLine(input.title))}</prop>`,
    '  </header>',
    '  <body>',
  ]
  for (const p of input.pairs) {
    out.push(`    <tu tuid="${p.bead + 1}">`)
    for (const ann of p.annotations) {
      out.push(`      <note>${a(annotationLine(ann))}</note>`)
      out.push(`      <prop type="${ANNOTATION_PROP}">${a(JSON.stringify(noteFields(ann)))}</prop>`)
    }
    out.push(`      <prop type="x-parallax-bead">${p.bead}</prop>`)
    if (p.findings.length) out.push(`      <prop type="x-parallax-findings">${a(p.findings.join(' '))}</prop>`)
    const tuv = (side: 'src' | 'tgt', lang: string, text: string) =>
      `      <tuv xml:lang="${a(lang)}"><prop type="x-parallax-side">${side}</prop><seg>${a(text)}</seg></tuv>`
    if (p.src) out.push(tuv('src', input.srcLang, p.src))
    if (p.tgt) out.push(tuv('tgt', input.tgtLang, p.tgt))
    out.push('    </tu>')
  }
  out.push('  </body>', '</tmx>', '')
  return out.join('\n')
}

/** The property that carries an annotation's fields beside its `<note>`. */
export const ANNOTATION_PROP = 'x-parallax-annotation'

/** The fields of an annotation that a file keeps. */
function noteFields(ann: ExportAnnotation): Record<string, unknown> {
  const span = 'side' in ann.target && ann.quote ? { side: ann.target.side, quote: ann.quote } : {}
  return { tag: ann.tag, tags: ann.tags, note: ann.note, author: ann.author, ...span }
}

/**
 * The note a `x-parallax-annotation` property holds, or undefined when it holds none.
 *
 * @throws TmxError when a string in it holds what no text may (NUL, half a surrogate pair)
 */
function readNoteProp(json: string): PairNote | undefined {
  let v: unknown
  try {
    v = JSON.parse(json)
  } catch {
    return undefined
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined
  const o = v as Record<string, unknown>
  const str = (x: unknown) => {
    if (typeof x !== 'string') return ''
    // JSON escapes can spell what XML cannot carry: \u0000, or \ud800 alone.
    if (x.includes('\u0000')) throw new TmxError('an annotation property (x-parallax-annotation) holds a NUL character')
    if (hasLoneSurrogate(x)) throw new TmxError('an annotation property (x-parallax-annotation) holds a lone surrogate, half of a character')
    return x
  }
  if (!str(o.tag)) return undefined
  const note: PairNote = {
    tag: str(o.tag),
    tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === 'string').map(str) : [],
    note: str(o.note),
    author: str(o.author),
  }
  if ((o.side === 'src' || o.side === 'tgt') && str(o.quote)) note.span = { side: o.side, quote: str(o.quote) }
  return note
}

/**
 * The annotations of one `<tu>`: every note property, then every note none of them accounts for
 * (a note another tool added, or one whose property was dropped on the way).
 */
function tuNotes(tu: XmlNode, lineNotes: boolean): PairNote[] {
  const fromProps = asArray(tu.prop as XmlNode[])
    .filter((p) => p['@type'] === ANNOTATION_PROP)
    .map((p) => readNoteProp(text(p)))
    .filter((n): n is PairNote => !!n)
  // The notes the properties were written beside, by their text; each accounts for one note.
  const covered = new Map<string, number>()
  for (const n of fromProps) {
    const line = oneLine(annotationLine(n))
    covered.set(line, (covered.get(line) ?? 0) + 1)
  }
  const fromNotes: PairNote[] = []
  for (const raw of asArray(tu.note as unknown[])) {
    const line = oneLine(text(raw))
    if (!line) continue
    const left = covered.get(line) ?? 0
    if (left > 0) {
      covered.set(line, left - 1)
      continue
    }
    fromNotes.push(lineNotes ? parseAnnotationLine(line) : { tag: 'other', tags: [], note: line, author: '' })
  }
  return [...fromProps, ...fromNotes].map(cleanNote)
}

/** What {@link parseTmx} reads. */
export interface TmxDocument {
  srcLang: string | null
  tgtLang: string | null
  title: string | null
  pairs: Pair[]
}

/** A TMX document that cannot be read; the message says why. */
export class TmxError extends Error {}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

interface XmlNode {
  [key: string]: unknown
}

/** The text of a node or attribute as the document spells it, references not yet decoded. */
const rawText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v && typeof v === 'object' ? rawText((v as XmlNode)['#text']) : ''

/** The text of a node or attribute: entities and character references decoded (`O&#39;Brien`). */
const text = (v: unknown): string => decodeXmlText(rawText(v))

// Inline codes of TMX: bpt/ept/it/ph/ut carry native markup (dropped), hi/sub carry text (kept).
function segText(raw: string): string {
  const noCode = raw
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, c: string) => c.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!))
    .replace(/<(bpt|ept|it|ph|ut)\b[^>]*\/>/g, '')
    .replace(/<(bpt|ept|it|ph|ut)\b[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]*>/g, '')
  return oneLine(decodeXmlText(noCode))
}

/**
 * Reads the aligned pairs of a TMX document (1.4, or 1.1-1.3, which share this structure).
 * Sides are told apart by Parallax's `x-parallax-side` property, else by `xml:lang` against the
 * header's `srclang`, else by order. Entity declarations are refused outright. Entities and
 * character references are decoded here, in text and attributes alike, not by the parser
 * (which leaves numeric references such as our own `&#39;` as they are).
 *
 * @throws TmxError when the XML is malformed, nested too deeply, refers to a surrogate, or is not TMX
 */
export function parseTmx(xml: string): TmxDocument {
  try {
    return readTmx(xml)
  } catch (err) {
    if (err instanceof TmxError) throw err
    if (err instanceof XmlCharError) throw new TmxError(err.message)
    // The parser's own limits (elements nested too deeply, and the like) are the file's fault.
    if (err instanceof Error) throw new TmxError(`the XML cannot be parsed: ${err.message}`)
    throw err
  }
}

function readTmx(xml: string): TmxDocument {
  if (/<!ENTITY/i.test(xml)) throw new TmxError('TMX with entity declarations is not accepted')
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    throw new TmxError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`)
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    stopNodes: ['tmx.body.tu.tuv.seg'],
    isArray: (name) => ['tu', 'tuv', 'prop', 'note'].includes(name),
  })
  const doc = parser.parse(xml) as XmlNode
  const tmx = doc.tmx as XmlNode | undefined
  if (!tmx || typeof tmx !== 'object') throw new TmxError('the root element is not <tmx>')
  const header = (tmx.header ?? {}) as XmlNode
  const body = tmx.body as XmlNode | undefined
  if (!body || typeof body !== 'object') throw new TmxError('the document has no <body>')
  const rawSrcLang = text(header['@srclang']) || null
  const srcLang = rawSrcLang && rawSrcLang !== '*all*' ? rawSrcLang : null
  const titleProp = asArray(header.prop as XmlNode[]).find((p) => p['@type'] === 'x-parallax-title')
  // Written by a Parallax that kept no fields beside its notes: they read as `tags: note (author)`.
  // Where it kept them, a note without them was added by someone else.
  const lineNotes = text(header['@creationtool']) === 'Parallax' && !xml.includes(ANNOTATION_PROP)
  let tgtLang: string | null = null
  let firstLang: string | null = srcLang
  const pairs: Pair[] = []
  for (const [k, tu] of asArray(body.tu as XmlNode[]).entries()) {
    const tuvs = asArray(tu.tuv as XmlNode[])
    if (!tuvs.length) throw new TmxError(`<tu> number ${k + 1} has no <tuv>`)
    const pair: Pair = { src: '', tgt: '' }
    const langs = tuvs.map((tuv) => (text(tuv['@xml:lang']) || text(tuv['@lang']) || '').toLowerCase())
    // One language throughout the unit (or none given): only the order tells the sides apart.
    const byOrder = new Set(langs).size < 2 && tuvs.length > 1
    tuvs.forEach((tuv, i) => {
      const lang = text(tuv['@xml:lang']) || text(tuv['@lang']) || null
      const sideProp = asArray(tuv.prop as XmlNode[]).find((p) => p['@type'] === 'x-parallax-side')
      firstLang ??= lang
      let side: 'src' | 'tgt'
      const declared = text(sideProp)
      if (declared === 'src' || declared === 'tgt') side = declared
      else if (!byOrder && lang && firstLang) side = lang.toLowerCase() === firstLang.toLowerCase() ? 'src' : 'tgt'
      else side = i === 0 ? 'src' : 'tgt'
      if (side === 'tgt' && lang) tgtLang ??= lang
      const seg = tuv.seg
      if (seg === undefined) throw new TmxError(`<tuv> ${i + 1} of <tu> number ${k + 1} has no <seg>`)
      const value = segText(rawText(seg))
      pair[side] = pair[side] ? `${pair[side]} ${value}` : value
    })
    const notes = tuNotes(tu, lineNotes)
    if (notes.length) pair.notes = notes
    pairs.push(pair)
  }
  return { srcLang: srcLang ?? firstLang, tgtLang, title: titleProp ? oneLine(text(titleProp)) : null, pairs }
}
