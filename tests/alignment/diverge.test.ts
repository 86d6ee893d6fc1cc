import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseBeads } from '../../alignment/bead-format.ts'
import { compare, diverge, formatReport } from '../../alignment/diverge.ts'
import { segment } from '../../alignment/segment.ts'
import { CONTENT_KINDS, FINDING_KINDS, type DivergenceReport, type Finding } from '../../alignment/types.ts'

const seed = (name: string) => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8')
const EN = seed('001_ca6b3e2cd13aa704.txt')
const TR = seed('000_195cf53558b12275.txt')
/** The seed pair's gold sentences and alignment (a copy of the bench's, see tests/fixtures/README.md). */
const GOLD = new URL('../fixtures/seeds-en-tr/', import.meta.url)

const all = (r: DivergenceReport) => r.beads.flatMap((b) => b.findings.map((f) => ({ f, bead: b })))
const sentenceOf = (r: DivergenceReport, side: 'src' | 'tgt', text: string) => r[side].sentences.findIndex((s) => s.text.includes(text))
const inBeadOf = (r: DivergenceReport, i: number) => r.beads.filter((b) => b.src.includes(i)).flatMap((b) => b.findings)

describe('compare: the raw seed pair (English 001 → Turkish 000)', () => {
  const r = compare(EN, TR)
  const kindsAt = (side: 'src' | 'tgt', text: string) => {
    const i = sentenceOf(r, side, text)
    expect(i, text).toBeGreaterThanOrEqual(0)
    return all(r)
      .map(({ f }) => f)
      .filter((f: Finding) => f.side === side && f.sentence === i)
      .map((f) => f.kind)
  }

  it('detects the languages and treats the pair as a translation', () => {
    expect([r.src.lang, r.tgt.lang, r.mode]).toEqual(['en', 'tr', 'translation'])
  })

  it('reports every finding the bench README lists, with the right kind', () => {
    const taliban = all(r).find(({ f }) => f.kind === 'annotation-marker')!.f
    expect([taliban.side, taliban.text, EN.slice(taliban.start, taliban.end)]).toEqual(['src', 'Taliban*', 'Taliban*'])
    const headings = r.src.sentences.map((s, i) => ({ s, i })).filter(({ s }) => s.text.startsWith('As Taliban') || s.text.startsWith('Taliban Controls'))
    expect(headings).toHaveLength(3)
    for (const { i } of headings) expect(all(r).some(({ f }) => f.kind === 'omission' && f.side === 'src' && f.sentence === i)).toBe(true)
    expect(kindsAt('src', 'Previous Post Next Post')).toEqual(['boilerplate'])
    expect(kindsAt('tgt', 'Editör: TE Bilisim')).toEqual(['boilerplate'])
    const partial = all(r).filter(({ f }) => f.kind === 'partial-omission').map(({ f }) => f)
    expect(partial.length).toBeGreaterThanOrEqual(1)
    const en17 = sentenceOf(r, 'src', 'If necessary, additional measures')
    expect(partial.every((f) => f.sentence === en17)).toBe(true)
    expect(partial.map((f) => f.text).join(' | ')).toMatch(/If necessary, additional measures will be taken with all determination/)
  })

  it('reports no number mismatch: 31 August, 70%, two-thirds, 11 September all agree', () => {
    expect(r.summary.counts['number-mismatch']).toBe(0)
  })

  it('puts at most two content findings on beads the README does not list', () => {
    // The README's beads, by sentence text (the segmenter, not the gold file, numbers them here).
    const listedSrc = ['As Taliban', 'A Taliban*', '"The port of Islam Qala', 'Taliban Controls Two-Thirds', '"We note a sharp', 'The Taliban movement quickly', 'Moscow and Dushanbe', 'Previous Post']
    const listedTgt = ['Taliban sözcüsü', 'AFP\'nin aktardığına', 'Rusya Dışişleri Bakanlığı sözcüsü', 'Taliban hareketi sınır', 'Moskova ve Duşanbe', 'Editör']
    const listed = (side: 'src' | 'tgt', i: number) =>
      (side === 'src' ? listedSrc : listedTgt).some((p) => r[side].sentences[i].text.startsWith(p))
    const outside = all(r).filter(
      ({ f, bead }) =>
        (CONTENT_KINDS as readonly string[]).includes(f.kind) &&
        !bead.src.some((i) => listed('src', i)) &&
        !bead.tgt.some((j) => listed('tgt', j)),
    )
    expect(outside.map(({ f }) => `${f.kind} ${f.side}${f.sentence} ${f.text}`).length).toBeLessThanOrEqual(2)
  })

  it('covers every sentence exactly once, with every kind counted', () => {
    expect(r.beads.flatMap((b) => b.src).sort((a, b) => a - b)).toEqual(r.src.sentences.map((_, i) => i))
    expect(r.beads.flatMap((b) => b.tgt).sort((a, b) => a - b)).toEqual(r.tgt.sentences.map((_, i) => i))
    expect(Object.keys(r.summary.counts).sort()).toEqual([...FINDING_KINDS].sort())
    expect(r.summary.coverage.src).toBeGreaterThan(0.8)
    expect(r.summary.coverage.src).toBeLessThan(0.95)
    expect(r.summary.coverage.tgt).toBeGreaterThan(0.95)
  })

  it('locates every finding to the character', () => {
    for (const { f } of all(r)) {
      const side = f.side === 'tgt' ? r.tgt : r.src
      const text = f.side === 'tgt' ? TR : EN
      const s = side.sentences[f.sentence]
      expect(text.slice(f.start, f.end)).toBe(f.text)
      expect(s.text.slice(f.sentenceStart, f.sentenceEnd)).toBe(f.text)
      expect(f.message.length).toBeGreaterThan(20)
    }
  })
})

describe('diverge: the seed pair on its gold sentences and alignment', () => {
  const lines = (name: string) => readFileSync(new URL(name, GOLD), 'utf8')
  const en = lines('en.sent')
  const tr = lines('tr.sent')
  const r = diverge(
    { text: en, lang: 'en', sentences: segment(en, { presplit: true }) },
    { text: tr, lang: 'tr', sentences: segment(tr, { presplit: true }) },
    parseBeads(lines('gold.txt')),
  )
  const at = (kind: string) => all(r).filter(({ f }) => f.kind === kind).map(({ f }) => `${f.side}${f.sentence}`)

  it('finds the README findings on the README beads', () => {
    expect(at('omission')).toEqual(['src0', 'src1', 'src11'])
    expect(at('annotation-marker')).toEqual(['src3'])
    expect(at('boilerplate')).toEqual(['src22', 'tgt19'])
    expect(new Set(at('partial-omission'))).toEqual(new Set(['src17']))
    expect(at('number-mismatch')).toEqual([])
    // İslam Kala (tr 2) and İslam Qala (tr 4): one name spelled two ways.
    expect(all(r).some(({ f }) => f.kind === 'name-mismatch' && f.side === 'tgt' && f.sentence === 2 && f.text === 'İslam Kala')).toBe(true)
  })

  it('does not call the attribution moved across en 13/14 ↔ tr 10/11 an omission', () => {
    for (const i of [13, 14]) expect(inBeadOf(r, i).filter((f) => f.kind.startsWith('partial'))).toEqual([])
  })
})

describe('compare: comparable mode', () => {
  it('pairs the sentences of English 001 and 004 that report the same fact, the rest unique', () => {
    const r = compare(EN, seed('004_bb8713d49bac3b23.txt'))
    expect(r.mode).toBe('comparable')
    const pairs = r.beads.filter((b) => b.src.length && b.tgt.length).map((b) => [r.src.sentences[b.src[0]].text, r.tgt.sentences[b.tgt[0]].text])
    const paired = (a: string, b: string) => pairs.some(([x, y]) => x.includes(a) && y.includes(b))
    expect(paired('Islam Qala is one of', 'the Islam Qala border crossing with Iran')).toBe(true)
    expect(paired('Russia and its CSTO security bloc', 'said on Thursday it was ready to use all its resources')).toBe(true)
    expect(pairs.length).toBeLessThan(10)
    const b = r.beads.find((x) => x.src.length && x.tgt.length) as { evidence?: unknown[] }
    expect(b.evidence?.length).toBeGreaterThan(0)
    expect(r.summary.counts.omission).toBeGreaterThan(10)
    expect(r.summary.counts.addition).toBeGreaterThan(5)
    expect(r.beads.flatMap((x) => x.tgt).sort((a, c) => a - c)).toEqual(r.tgt.sentences.map((_, i) => i))
  })

  it('takes --mode comparable even for a translation, and --mode translation for comparable texts', () => {
    expect(compare(EN, TR, { mode: 'comparable' }).mode).toBe('comparable')
    expect(compare(EN, seed('004_bb8713d49bac3b23.txt'), { mode: 'translation' }).mode).toBe('translation')
  })

  it('detects English–Arabic comparable texts', () => {
    expect(compare(EN, seed('002_fbd60fafe6e1c24f.txt')).mode).toBe('comparable')
  })
})

describe('formatReport', () => {
  it('puts omissions first, each with its text and why, then a summary', () => {
    const text = formatReport(compare(EN, TR))
    const order = ['OMISSIONS', 'NUMBERS AND NAMES', 'ANNOTATIONS AND QUOTATIONS', 'PAGE FURNITURE', 'SUMMARY'].map((h) => text.indexOf(h))
    expect(order.every((x, i) => x >= 0 && (i === 0 || x > order[i - 1]))).toBe(true)
    expect(text).toContain('"Taliban*"')
    expect(text).toMatch(/coverage: \d+(\.\d)?% of the English and \d+(\.\d)?% of the Turkish/)
  })
})
