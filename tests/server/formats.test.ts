import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { DivergenceReport } from '../../alignment/types.ts'
import { toHtml } from '../../server/formats/html.ts'
import { exportPairs, pairsToImport } from '../../server/formats/pairs.ts'
import { parseTmx, toTmx } from '../../server/formats/tmx.ts'
import { parseTsv, toTsv } from '../../server/formats/tsv.ts'
import { parse as parseCsv } from 'csv-parse/sync'
import type { AnnotationRecord } from '../../server/store/store.ts'

const SRC = 'Hello <b>world</b> & "friends".\nSecond line\twith tab.\nOnly here.'
const TGT = 'Merhaba dünya.\nİkinci satır.'

function sentencesOf(text: string) {
  let at = 0
  return text.split('\n').map((t, i) => {
    const s = { text: t, start: at, end: at + t.length, paragraph: i }
    at += t.length + 1
    return s
  })
}

const REPORT: DivergenceReport = {
  src: { lang: 'en', sentences: sentencesOf(SRC) },
  tgt: { lang: 'tr', sentences: sentencesOf(TGT) },
  mode: 'translation',
  beads: [
    { src: [0], tgt: [0], confidence: 0.9, findings: [] },
    { src: [1], tgt: [1], confidence: 0.8, manual: true, findings: [] },
    {
      src: [2],
      tgt: [],
      confidence: 0.7,
      findings: [
        { kind: 'omission', side: 'src', text: 'Only here.', start: 0, end: 10, sentence: 2, sentenceStart: 0, sentenceEnd: 10, severity: 'major', message: 'Not <translated>' },
      ],
    },
  ],
  summary: {
    mode: 'translation',
    counts: { omission: 1 } as DivergenceReport['summary']['counts'],
    coverage: { src: 0.8, tgt: 1 },
    beads: 3,
  },
}

const ANNOTATION: AnnotationRecord = {
  id: 'a1',
  comparisonId: 'c1',
  version: 1,
  target: { bead: 0 },
  tag: 'mistranslation',
  tags: ['quote'],
  note: '<script>alert(1)</script> & more',
  author: 'Ana',
  keyId: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
}

/** Checks a document against the element structure of the TMX 1.4 DTD; returns the problems. */
function tmx14Problems(xml: string): string[] {
  const problems: string[] = []
  if (XMLValidator.validate(xml) !== true) return ['not well-formed']
  type Node = Record<string, unknown> & { ':@'?: Record<string, string> }
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as Node[]
  const name = (n: Node) => Object.keys(n).find((k) => k !== ':@')!
  const kids = (n: Node) => ((n[name(n)] as Node[]) ?? []).filter((k) => name(k) !== '#text')
  const root = doc.find((n) => name(n) === 'tmx')
  if (!root) return ['no <tmx> root']
  if (root[':@']?.version !== '1.4') problems.push('tmx version is not 1.4')
  const [header, body, ...rest] = kids(root)
  if (name(header) !== 'header' || name(body) !== 'body' || rest.length) problems.push('tmx must hold header then body')
  for (const attr of ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype']) {
    if (!header[':@']?.[attr]) problems.push(`header lacks ${attr}`)
  }
  if (!['block', 'paragraph', 'sentence', 'phrase'].includes(header[':@']?.segtype ?? '')) problems.push('bad segtype')
  if (!/^\d{8}T\d{6}Z$/.test(header[':@']?.creationdate ?? '')) problems.push('bad creationdate')
  for (const tu of kids(body)) {
    if (name(tu) !== 'tu') problems.push(`body holds <${name(tu)}>`)
    const names = kids(tu).map(name)
    const firstTuv = names.indexOf('tuv')
    if (firstTuv === -1) problems.push('tu without tuv')
    if (names.slice(0, firstTuv).some((n) => n !== 'note' && n !== 'prop')) problems.push('tu: only note/prop before tuv')
    if (names.slice(firstTuv).some((n) => n !== 'tuv')) problems.push('tu: nothing after the tuvs')
    for (const tuv of kids(tu).filter((k) => name(k) === 'tuv')) {
      if (!tuv[':@']?.['xml:lang']) problems.push('tuv lacks xml:lang')
      const inner = kids(tuv).map(name)
      if (inner[inner.length - 1] !== 'seg' || inner.filter((n) => n === 'seg').length !== 1) problems.push('tuv must end in one seg')
    }
  }
  return problems
}

describe('formats/tmx', () => {
  const xml = toTmx({ title: 'A & B', srcLang: 'en', tgtLang: 'tr', pairs: exportPairs(REPORT, [ANNOTATION]), created: new Date(0), toolVersion: '0.1.0' })

  it('writes the TMX 1.4 structure', () => {
    expect(tmx14Problems(xml)).toEqual([])
    expect(xml).toContain('<note>mistranslation, quote: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more (Ana)</note>')
    expect(xml).toContain('creationdate="19700101T000000Z"')
  })

  it('reads back the pairs it wrote, one-sided beads included', () => {
    const doc = parseTmx(xml)
    expect([doc.srcLang, doc.tgtLang, doc.title]).toEqual(['en', 'tr', 'A & B'])
    expect(doc.pairs.map(({ src, tgt }) => ({ src, tgt }))).toEqual(exportPairs(REPORT).map(({ src, tgt }) => ({ src, tgt })))
    expect(doc.pairs.map((p) => p.notes)).toEqual([
      [{ tag: 'mistranslation', tags: ['quote'], note: '<script>alert(1)</script> & more', author: 'Ana' }],
      undefined,
      undefined,
    ])
  })

  it('keeps the fields and the marked text of every annotation beside its note', () => {
    const span: AnnotationRecord = { ...ANNOTATION, id: 'a2', target: { side: 'src', start: 6, end: 18 }, tag: 'name', tags: [], note: 'Odd (really)', author: '' }
    const out = toTmx({ title: 't', srcLang: 'en', tgtLang: 'tr', pairs: exportPairs(REPORT, [ANNOTATION, span]), created: new Date(0), toolVersion: '0' })
    expect(tmx14Problems(out)).toEqual([])
    expect(out).toContain('<note>name: Odd (really)</note>')
    expect(parseTmx(out).pairs[0].notes?.map((n) => `${n.tag}|${n.note}|${n.author}|${n.span?.side ?? '-'}:${n.span?.quote ?? '-'}`)).toEqual([
      'mistranslation|<script>alert(1)</script> & more|Ana|-:-',
      'name|Odd (really)||src:<b>world</b>',
    ])
  })

  it('reads notes without their fields: from Parallax line by line, from other tools as `other`', () => {
    const tmx = (tool: string, tu: string) =>
      `<tmx version="1.4"><header srclang="en" creationtool="${tool}"/><body><tu>${tu}<tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="tr"><seg>B.</seg></tuv></tu></body></tmx>`
    const notes = (tool: string, tu: string) =>
      parseTmx(tmx(tool, tu)).pairs[0].notes?.map((n) => `${n.tag}|${n.tags.join(',')}|${n.note}|${n.author}`)
    // An export written before the fields were kept beside each note.
    expect(notes('Parallax', '<note>omission, headline: Not translated. (Ayşe)</note><note>number (Ana)</note><note>just a remark, no tags</note>')).toEqual([
      'omission|headline|Not translated.|Ayşe',
      'number|||Ana',
      'other||just a remark, no tags|',
    ])
    expect(notes('Okapi Rainbow', '<note>omission: looks like ours (but is not)</note>')).toEqual(['other||omission: looks like ours (but is not)|'])
    // A note another tool added beside ours is kept as it is; ours is not read twice.
    const ours = '<note>omission: x (Ana)</note><prop type="x-parallax-annotation">{"tag":"omission","tags":[],"note":"x","author":"Ana"}</prop>'
    expect(notes('Parallax', ours + '<note>Reviewed.</note>')).toEqual(['omission||x|Ana', 'other||Reviewed.|'])
    // Broken fields leave the note as it reads; oversized ones are cut to what an annotation holds.
    expect(notes('Parallax', '<note>omission: x (Ana)</note><prop type="x-parallax-annotation">{not json</prop>')).toEqual(['other||omission: x (Ana)|'])
    const long = `<note>n</note><prop type="x-parallax-annotation">${JSON.stringify({ tag: 't'.repeat(99), tags: ['t'.repeat(99), 'a', 'a'], note: 'n', author: '' })}</prop>`
    expect(notes('Parallax', long)?.[0]).toBe(`${'t'.repeat(64)}|a|n|`)
  })

  it('puts imported notes on their bead, or on the text they marked when it is found', () => {
    const imported = pairsToImport([
      { src: 'One.', tgt: 'Bir.' },
      {
        src: 'Two  words.',
        tgt: '',
        notes: [
          { tag: 'name', tags: [], note: '', author: '', span: { side: 'src', quote: 'words' } },
          { tag: 'name', tags: [], note: '', author: '', span: { side: 'tgt', quote: 'gone' } },
          { tag: 'other', tags: [], note: 'whole', author: '' },
        ],
      },
    ])
    expect(imported.notes.map((n) => ('bead' in n.target ? `bead ${n.target.bead}` : `${n.target.side} ${imported.srcText.slice(n.target.start, n.target.end)}`))).toEqual([
      'src words',
      'bead 1',
      'bead 1',
    ])
    expect(imported.notes[2].anchor).toEqual({ src: [1], tgt: [] })
  })

  it('reads TMX from other tools: inline codes dropped, sides by language', () => {
    const doc = parseTmx(
      '<tmx version="1.4"><header srclang="en-US"/><body><tu><tuv xml:lang="de-DE"><seg>Hier <hi>klicken</hi></seg></tuv>' +
        '<tuv xml:lang="en-US"><seg>Click <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept> &amp; go</seg></tuv></tu></body></tmx>',
    )
    expect(doc).toMatchObject({ srcLang: 'en-US', tgtLang: 'de-DE', pairs: [{ src: 'Click here & go', tgt: 'Hier klicken' }] })
  })

  it('refuses malformed XML, non-TMX and entity declarations', () => {
    expect(() => parseTmx('<tmx><body>')).toThrow(/not well-formed/)
    expect(() => parseTmx('<html></html>')).toThrow(/root element is not <tmx>/)
    expect(() => parseTmx('<!DOCTYPE x [<!ENTITY a "aaaa">]><tmx/>')).toThrow(/entity declarations/)
  })

  it('replaces characters XML cannot carry', () => {
    const pairs = [{ bead: 0, src: 'a\u0001b', tgt: 'c', findings: [], annotations: [] }]
    const out = toTmx({ title: 't', srcLang: 'en', tgtLang: 'en', pairs, created: new Date(0), toolVersion: '0' })
    expect(tmx14Problems(out)).toEqual([])
    expect(parseTmx(out).pairs).toEqual([{ src: 'a\uFFFDb', tgt: 'c' }])
  })
})

describe('formats/tsv', () => {
  it('writes a header and one line per bead, numbered from 1 as the page numbers rows, and reads the pairs back', () => {
    const tsv = toTsv({ srcLang: 'en', tgtLang: 'tr', pairs: exportPairs(REPORT, [ANNOTATION]) })
    const lines = tsv.split('\r\n')
    expect(lines[0]).toBe('bead\ten\ttr\tfindings\tannotations')
    expect(lines[1]).toMatch(/^1\t"Hello <b>world<\/b> & ""friends""\."\t/)
    expect(lines[2]).toBe('2\tSecond line with tab.\tİkinci satır.\t\t')
    expect(lines[3]).toBe('3\tOnly here.\t\tOmission\t')
    const doc = parseTsv(tsv)
    expect([doc.srcLang, doc.tgtLang]).toEqual(['en', 'tr'])
    expect(doc.pairs).toEqual(exportPairs(REPORT).map(({ src, tgt }) => ({ src, tgt })))
  })

  it('quotes as RFC 4180 does, so that a CSV reader gets every row and field back as written', () => {
    const texts = ['"Quoted," he said.', 'A tab\there, "inner" quotes', '"', 'plain', '""', 'ends with a quote"']
    const pairs = texts.map((src, i) => ({ bead: i, src, tgt: texts[texts.length - 1 - i], findings: [], annotations: [] }))
    const tsv = toTsv({ srcLang: 'en', tgtLang: 'tr', pairs })
    const rows: string[][] = parseCsv(tsv, { delimiter: '\t' })
    expect(rows[0]).toEqual(['bead', 'en', 'tr', 'findings', 'annotations'])
    // The tab inside a cell becomes a space (cells are single lines); nothing else changes.
    const oneLine = (s: string) => s.replace(/\s+/g, ' ')
    expect(rows.slice(1)).toEqual(pairs.map((p) => [String(p.bead + 1), oneLine(p.src), oneLine(p.tgt), '', '']))
    // And the import reads its own export back the same way.
    expect(parseTsv(tsv).pairs).toEqual(pairs.map((p) => ({ src: oneLine(p.src), tgt: oneLine(p.tgt) })))
  })

  it('reads quoted fields that hold tabs and line breaks, and old unquoted files with a stray quote', () => {
    expect(parseTsv('"a\tb"\t"c\r\nd ""e"""\n').pairs).toEqual([{ src: 'a b', tgt: 'c d "e"' }])
    expect(parseTsv('"Quoted," he said.\tDedi.\nx\ty').pairs).toEqual([
      { src: '"Quoted," he said.', tgt: 'Dedi.' },
      { src: 'x', tgt: 'y' },
    ])
  })

  it('reads plain two-column files and refuses one-column rows', () => {
    expect(parseTsv('a\tb\r\nc\t\n').pairs).toEqual([{ src: 'a', tgt: 'b' }, { src: 'c', tgt: '' }])
    expect(() => parseTsv('a\tb\nno tab here')).toThrow('row 2 has 1 column(s)')
    expect(() => parseTsv('\n\n')).toThrow('empty')
  })
})

describe('formats/pairs', () => {
  it('rebuilds one-sentence-per-line texts and beads from pairs', () => {
    const { srcText, tgtText, beads } = pairsToImport([
      { src: 'A  b', tgt: 'x' },
      { src: 'C', tgt: '' },
      { src: '', tgt: '' },
      { src: '', tgt: 'y' },
    ])
    expect([srcText, tgtText]).toEqual(['A b\nC', 'x\ny'])
    expect(beads.map((b) => `${b.src.join('-') || '-'}:${b.tgt.join('-') || '-'}`).join(' ')).toBe('0:0 1:- -:1')
  })
})

describe('formats/html', () => {
  const html = toHtml({
    title: '<img src=x onerror=alert(1)>',
    src: { label: 'English', lang: 'en' },
    tgt: { label: 'Arabic <i>', lang: 'ar' },
    report: REPORT,
    annotations: [ANNOTATION],
    created: new Date(0),
  })

  it('escapes every piece of user text', () => {
    expect(html).not.toMatch(/<script|<img|<b>world|<i>/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('Hello &lt;b&gt;world&lt;/b&gt; &amp; &quot;friends&quot;.')
  })

  it('is self-contained, sets the direction of each side and highlights findings', () => {
    expect(html).not.toMatch(/<script|<link|src="http|href="http/)
    expect(html).toContain('<th lang="ar" dir="rtl">')
    expect(html).toContain('<mark class="k-omission" title="Omission: Not &lt;translated&gt;">Only here.</mark>')
    expect(html).toContain('<span class="k-omission">Omission</span> <b>1</b>')
    expect(html).toContain('coverage <b>80%</b>')
  })

  it('numbers rows from 1 and names kinds of findings as the page does ("Name", not name-mismatch)', () => {
    const finding = { kind: 'name-mismatch', side: 'src', text: 'world', start: 9, end: 14, sentence: 0, sentenceStart: 9, sentenceEnd: 14, severity: 'minor', message: 'A name differs' } as const
    const report: DivergenceReport = {
      ...REPORT,
      beads: REPORT.beads.map((b, i) => (i === 0 ? { ...b, findings: [finding] } : b)),
      summary: { ...REPORT.summary, counts: { omission: 1, 'name-mismatch': 1 } as DivergenceReport['summary']['counts'] },
    }
    const out = toHtml({ title: 't', src: { label: 'A', lang: 'en' }, tgt: { label: 'B', lang: 'tr' }, report, annotations: [], created: new Date(0) })
    // What a reader sees: the text between tags and the tooltips.
    const body = out.replace(/<style>[\s\S]*?<\/style>/, '')
    const seen = [body.replace(/<[^>]*>/g, ' '), ...[...body.matchAll(/title="([^"]*)"/g)].map((m) => m[1])].join(' ')
    expect(seen).not.toMatch(/name-mismatch|omission/)
    expect(seen).toMatch(/\bName\b.*\b1\b/)
    expect(out).toContain('title="Name: A name differs"')
    expect(out).toContain('<span class="tag k-name-mismatch">Name</span> A name differs')
    expect(out).toContain('· 3 rows ·')
    expect([...out.matchAll(/<td class="n">(\d+)<\/td>/g)].map((m) => m[1])).toEqual(['1', '2', '3'])
  })
})
