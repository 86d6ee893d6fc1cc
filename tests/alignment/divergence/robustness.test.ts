import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare, diverge } from '../../../alignment/diverge.ts'
import { AR, EN, TR } from './fixtures.ts'
import { diagonal, version } from './helpers.ts'

const covered = (r: ReturnType<typeof compare>) =>
  r.beads.flatMap((b) => b.src).sort((a, b) => a - b).join() === r.src.sentences.map((_, i) => i).join() &&
  r.beads.flatMap((b) => b.tgt).sort((a, b) => a - b).join() === r.tgt.sentences.map((_, i) => i).join()

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.constantFrom('"', '“', '”', '«', '»', '„', '*', '†', '¹', '…', '(', ')', '[', ']', '%', '٪', '٣', '1,000', '1.000', ' ', '\n', '\n\n', 'İ', 'ı', 'Taliban*', 'two-thirds', 'üçte', 'ثلثي', '\u202e', '\u0000', '\ud800', 'Previous Post'), { maxLength: 200 }).map((a) => a.join('')),
)

describe('diverge and compare never throw on odd text', () => {
  it('compare: any two strings, every mode', () => {
    fc.assert(
      fc.property(hostile, hostile, fc.constantFrom('auto', 'translation', 'comparable') as fc.Arbitrary<'auto' | 'translation' | 'comparable'>, fc.boolean(), (a, b, mode, presplit) => {
        const r = compare(a, b, { mode, presplit })
        expect(covered(r)).toBe(true)
        for (const bead of r.beads) for (const f of bead.findings) expect(f.end).toBeGreaterThanOrEqual(f.start)
      }),
      { numRuns: 150 },
    )
  })

  it('compare: a sentence of thousands of numbers, none matching', () => {
    const a = Array.from({ length: 3000 }, (_, i) => String(i * 7)).join(' ')
    const b = Array.from({ length: 3000 }, (_, i) => String(i * 11 + 1)).join(' ')
    const r = diverge(version('en', [`Numbers ${a}.`]), version('tr', [`Sayılar ${b}.`]), diagonal(1))
    const messages = r.beads[0].findings.map((f) => f.message)
    expect(messages.length).toBeGreaterThan(1000)
    expect(Math.max(...messages.map((m) => m.length))).toBeLessThan(300)
  })

  it('compare: empty and one-sided texts', () => {
    for (const [a, b] of [
      ['', ''],
      ['Hello there.', ''],
      ['', 'Merhaba.'],
      ['   \n\n  ', '\u00a0'],
    ]) {
      const r = compare(a, b)
      expect(covered(r)).toBe(true)
    }
  })

  it('diverge: a clear TypeError for malformed input', () => {
    const v = version('en', EN)
    expect(() => diverge(v, v, [{ src: [0], tgt: [9], confidence: 1 }])).toThrow(/target sentence 9, but there are 6/)
    expect(() => diverge(v, v, [{ src: [0], tgt: [0], confidence: 1 }, { src: [0], tgt: [1], confidence: 1 }])).toThrow(/source sentence 0 is in more than one bead/)
    expect(() => diverge({ ...v, sentences: [{ text: 'x', start: 5, end: 999, paragraph: 0 }] }, v, [])).toThrow(/outside the text/)
    expect(() => diverge(null as never, v, [])).toThrow(TypeError)
    expect(() => diverge(v, v, 'nope' as never)).toThrow(/beads must be an array/)
  })

  it('diverge: sentences left out of the beads are added in place', () => {
    const r = diverge(version('en', EN), version('tr', TR), [{ src: [0], tgt: [0], confidence: 1 }, { src: [2], tgt: [2], confidence: 1 }])
    expect(r.beads.map((b) => `${b.src}:${b.tgt}`)).toEqual(['0:0', '1:', ':1', '2:2', '3:', '4:', '5:', ':3', ':4', ':5'])
  })
})

describe('diverge stays fast', () => {
  it('5,100 beads of a long English–Turkish and English–Arabic document', () => {
    for (const [lang, lines] of [
      ['tr', TR],
      ['ar', AR],
    ] as const) {
      const en: string[] = []
      const tgt: string[] = []
      for (let k = 0; k < 850; k++) {
        en.push(...EN.map((s) => s.replace('1,500', String(1000 + k))))
        tgt.push(...lines.map((s) => s.replace('1.500', String(1000 + k)).replace('١٬٥٠٠', String(1000 + k))))
      }
      const src = version('en', en)
      const t = version(lang, tgt)
      diverge(version('en', EN), version(lang, [...lines]), diagonal(6)) // warm up
      // Its speed is measured by npm run bench; here, that it comes through whole.
      const r = diverge(src, t, diagonal(en.length))
      expect(r.beads).toHaveLength(5100)
    }
  })

  it('comparable matching of two long texts is not quadratic', () => {
    const a: string[] = []
    const b: string[] = []
    for (let k = 0; k < 3000; k++) {
      a.push(`Report ${k}: the mayor of Town${k} opened ${k * 7 + 11} new schools in district D${k}.`)
      b.push(`In district D${(k * 37) % 3000}, officials counted ${k * 13 + 5} voters for candidate Person${k}.`)
    }
    const start = process.cpuUsage()
    const r = compare(a.join('\n\n'), b.join('\n\n'), { mode: 'comparable', srcLang: 'en', tgtLang: 'en' })
    const used = process.cpuUsage(start)
    expect(r.mode).toBe('comparable')
    // Segmentation included; a quadratic matcher would take minutes.
    expect((used.user + used.system) / 1000).toBeLessThan(5000)
  })
})
