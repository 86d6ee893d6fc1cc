import { describe, expect, it } from 'vitest'
import { diverge } from '../../../alignment/diverge.ts'
import { CONTENT_KINDS } from '../../../alignment/types.ts'
import { AR, EN, TR } from './fixtures.ts'
import { beads, diagonal, findings, kinds, version } from './helpers.ts'

const edit = (lines: string[], i: number, to: string) => lines.map((l, k) => (k === i ? to : l))
const content = (r: ReturnType<typeof diverge>) => kinds(r).filter((k) => (CONTENT_KINDS as readonly string[]).includes(k))

describe('faithful translations come out clean', () => {
  for (const [lang, lines] of [
    ['tr', TR],
    ['ar', AR],
    ['en', EN],
  ] as const) {
    it(`en–${lang}`, () => {
      const r = diverge(version('en', EN), version(lang, lines), diagonal(6))
      expect(kinds(r)).toEqual([])
      expect(r.summary.coverage).toEqual({ src: 1, tgt: 1 })
    })
  }
})

describe.each([
  ['tr', TR],
  ['ar', AR],
] as const)('en–%s: one divergence of each kind', (lang, T) => {
  const run = (src: string[], tgt: string[], b = diagonal(src.length)) => diverge(version('en', src), version(lang, tgt), b)

  it('omission and addition: a sentence with no counterpart', () => {
    const r = run(EN, [...T.slice(0, 2), ...T.slice(3)], beads('0:0 1:1 2:- 3:2 4:3 5:4'))
    expect(findings(r)).toEqual([`omission src2 "${EN[2]}"`])
    const added = lang === 'tr' ? 'Olay yerine çok sayıda gazeteci geldi.' : 'ووصل عدد كبير من الصحفيين إلى المكان.'
    const r2 = run(EN, [...T.slice(0, 3), added, ...T.slice(3)], beads('0:0 1:1 2:2 -:3 3:4 4:5 5:6'))
    expect(findings(r2)).toEqual([`addition tgt3 "${added}"`])
  })

  it('number-mismatch: a changed figure, formats normalised', () => {
    const changed = lang === 'tr' ? T[2].replace('%70', '%60') : T[2].replace('٧٠٪', '٦٠٪')
    const r = run(EN, edit([...T], 2, changed))
    expect(findings(r, ['number-mismatch']).map((f) => f.split(' "')[0])).toEqual(['number-mismatch src2', 'number-mismatch tgt2'])
    expect(content(r)).toEqual(['number-mismatch', 'number-mismatch'])
  })

  it('name-mismatch: a name with no rendering', () => {
    const other = lang === 'tr' ? T[1].replace('Ahmet Yılmaz', 'Mehmet Demir') : T[1].replace('أحمد يلماز', 'محمد')
    const r = run(EN, edit([...T], 1, other))
    // Turkish: a swap, reported once on both sides; Arabic (no capitals to tell the new name): the name dropped.
    expect(findings(r, ['name-mismatch'])[0]).toBe(`name-mismatch ${lang === 'tr' ? 'both' : 'src'}1 "Ahmet Yilmaz"`)
  })

  it('annotation-marker: an asterisk or editorial note on one side only', () => {
    const r = run(edit(EN, 4, 'The opposition* criticised the plan and called for a debate in parliament.'), [...T])
    expect(findings(r)).toEqual(['annotation-marker src4 "opposition*"'])
    const r2 = run(edit(EN, 4, 'The opposition (banned in Russia) criticised the plan and called for a debate in parliament.'), [...T])
    expect(findings(r2)).toEqual(['annotation-marker src4 "(banned in Russia)"'])
  })

  it('quote-change: a quotation turned into reported speech', () => {
    const reported = lang === 'tr' ? 'Bakan gazetecilere vatandaşlarını ne pahasına olursa olsun koruyacaklarını söyledi.' : 'وقال الوزير للصحفيين إنهم سيحمون مواطنيهم مهما كان الثمن.'
    // Translators do this as a matter of style: a candidate below the default threshold.
    expect(content(run(EN, edit([...T], 3, reported)))).toEqual([])
    const r = diverge(version('en', EN), version(lang, edit([...T], 3, reported)), diagonal(EN.length), { minConfidence: 0 })
    expect(content(r)).toEqual(['quote-change'])
    expect(findings(r)[0]).toBe('quote-change src3 "We will protect our citizens at any cost,"')
    expect(r.beads[3].findings[0].confidence).toBeLessThan(0.5)
  })

  it('partial-omission: a clause left out is located', () => {
    const longer = edit(EN, 4, 'The opposition criticised the plan, which it described as reckless and dangerous for thousands of families living in the mountains, and called for a debate in parliament.')
    const r = run(longer, [...T])
    const f = findings(r, ['partial-omission'])
    expect(f.length).toBeGreaterThanOrEqual(1)
    expect(f.join(' ')).toMatch(/reckless and dangerous/)
    expect(content(r).every((k) => k === 'partial-omission')).toBe(true)
  })

  it('partial-addition: a clause added in the target is located', () => {
    const extra =
      lang === 'tr'
        ? 'Muhalefet, binlerce aileyi tehlikeye atacağını ve dağlık köylerde yaşayanların sesini duymadığını öne sürdüğü planı eleştirdi ve mecliste bir tartışma yapılması çağrısında bulundu.'
        : 'وانتقدت المعارضة الخطة التي قالت إنها متهورة وتعرض آلاف العائلات التي تعيش في القرى الجبلية للخطر، ودعت إلى نقاش في البرلمان.'
    const r = run(EN, edit([...T], 4, extra))
    const f = findings(r, ['partial-addition'])
    expect(f.length).toBeGreaterThanOrEqual(1)
    expect(content(r).every((k) => k === 'partial-addition')).toBe(true)
  })

  it('boilerplate: page furniture is not an omission', () => {
    const furniture = lang === 'tr' ? 'Editör: Haber Merkezi' : 'اقرأ أيضا'
    // Unaligned furniture on both sides, and furniture the aligner paired with each other.
    for (const spec of ['0:0 1:1 2:2 3:3 4:4 5:5 6:- -:6', '0:0 1:1 2:2 3:3 4:4 5:5 6:6', '0:0 1:1 2:2 3:3 4:4 5-6:5-6']) {
      const r = run([...EN, 'Previous Post Next Post'], [...T, furniture], beads(spec))
      expect(findings(r)).toEqual(['boilerplate src6 "Previous Post Next Post"', `boilerplate tgt6 "${furniture}"`])
    }
  })

  it('merge and low-confidence: structure is reported, not content', () => {
    const merged = [...T.slice(0, 4), T[4].replace(/\.$/, '') + (lang === 'tr' ? '; ' : '، ') + T[5]]
    const r = run(EN, merged, beads('0:0 1:1 2:2 3:3 4-5:4'))
    expect(kinds(r)).toEqual(['merge'])
    const doubtful = diagonal(6).map((b, i) => (i === 5 ? { ...b, confidence: 0.1 } : b))
    expect(kinds(run(EN, [...T], doubtful))).toEqual(['low-confidence'])
  })
})

describe('en–en: revisions in the same language', () => {
  const run = (tgt: string[], b = diagonal(EN.length)) => diverge(version('en', EN), version('en', tgt), b)

  it('word-change: the exact words, with their counterpart', () => {
    const r = run(edit(EN, 4, 'The opposition welcomed the plan and called for a debate in parliament.'))
    expect(findings(r)).toEqual(['word-change both4 "criticised"'])
    const f = r.beads[4].findings[0] as { counterpart?: { text: string } }
    expect(f.counterpart?.text).toBe('welcomed')
  })

  it('partial-omission and partial-addition: runs of words deleted or inserted', () => {
    const r = run(edit(EN, 4, 'The opposition criticised the plan.'))
    expect(findings(r)).toEqual(['partial-omission src4 "and called for a debate in parliament"'])
    const r2 = run(edit(EN, 5, 'Prices of food and fuel have risen sharply in the past two weeks, the statistics office said on Friday.'))
    expect(kinds(r2)).toEqual(['partial-addition'])
  })

  it('number-mismatch and name-mismatch win over a plain word change', () => {
    const r = run(edit(edit(EN, 0, EN[0].replace('1,500', '2,000')), 1, EN[1].replace('Ankara', 'Istanbul')))
    expect(findings(r)).toEqual(['number-mismatch src0 "1,500"', 'number-mismatch tgt0 "2,000"', 'name-mismatch both1 "Ankara"'])
    const swap = r.beads.flatMap((b) => b.findings).find((f) => f.kind === 'name-mismatch')!
    expect(swap.counterpart?.text).toBe('Istanbul')
  })

  it('annotation-marker, quote-change, omission', () => {
    const r = run(edit(edit(EN, 1, EN[1].replace('Yilmaz', 'Yilmaz*')), 3, 'The minister told reporters that they would protect citizens at any cost.'))
    // The rewritten sentence also differs word for word.
    expect(kinds(r)).toEqual(['annotation-marker', 'quote-change', 'word-change'])
    expect(findings(r).slice(0, 2)).toEqual(['annotation-marker tgt1 "Yilmaz*"', 'quote-change src3 "We will protect our citizens at any cost,"'])
    const r2 = run(EN.slice(0, 5), beads('0:0 1:1 2:2 3:3 4:4 5:-'))
    expect(findings(r2)).toEqual([`omission src5 "${EN[5]}"`])
  })

  it('a name spelled two ways in one version', () => {
    const tgt = [...EN, 'Later, Prime Minister Ahmed Yilmaz left Ankara.']
    const r = run(tgt, beads('0:0 1:1 2:2 3:3 4:4 5:5 -:6'))
    expect(findings(r, ['name-mismatch'])).toEqual(['name-mismatch tgt1 "Ahmet Yilmaz"'])
  })
})

describe('the remaining kinds in each pair', () => {
  it('split: one source sentence rendered as two (en–tr)', () => {
    const tr = [...TR.slice(0, 5), 'Gıda ve yakıt fiyatları yükseldi.', 'Artış son iki haftada keskin oldu.']
    const r = diverge(version('en', EN), version('tr', tr), beads('0:0 1:1 2:2 3:3 4:4 5:5-6'))
    expect(findings(r, ['split'])).toEqual([`split both5 "${EN[5]}"`])
  })

  it('quote-change: a quotation attributed to someone else (en–en, en–tr)', () => {
    const src = ['"We will win this election," Maria Lopez told supporters in Madrid.']
    const r = diverge(version('en', src), version('en', ['"We will win this election," Carlos Ruiz told supporters in Madrid.']), diagonal(1))
    expect(findings(r, ['quote-change'])).toEqual(['quote-change both0 "Maria Lopez"'])
    const r2 = diverge(version('en', src), version('tr', ['Carlos Ruiz, Madrid\'deki destekçilerine "Bu seçimi kazanacağız" dedi.']), diagonal(1))
    expect(findings(r2, ['quote-change'])).toEqual(['quote-change both0 "Maria Lopez"'])
  })

  it('annotation-marker: a footnote printed as a line of its own', () => {
    const r = diverge(version('en', [...EN, '* The movement is banned in Russia']), version('tr', TR), beads('0:0 1:1 2:2 3:3 4:4 5:5 6:-'))
    expect(findings(r)).toEqual(['annotation-marker src6 "* The movement is banned in Russia"'])
  })

  it.each([
    ['tr', TR],
    ['ar', AR],
  ] as const)('reordering: comparable texts reporting facts in another order (en–%s)', (lang, lines) => {
    const tgt = [lines[2], lines[0], lines[1]]
    const r = diverge(version('en', EN.slice(0, 3)), version(lang, tgt), beads('0:1 1:2 2:0'), { mode: 'comparable' })
    expect(findings(r, ['reordering'])).toEqual([`reordering tgt0 "${lines[2]}"`])
    expect(r.beads.every((b) => (b as { evidence?: unknown[] }).evidence?.length)).toBe(true)
  })
})

describe('what moved or was grouped is not lost', () => {
  it('a heading the aligner grouped with the first sentence is still an omission', () => {
    const src = ['#Government Sends Troops To The Border', ...EN]
    const r = diverge(version('en', src), version('tr', TR), beads('0-1:0 2:1 3:2 4:3 5:4 6:5'))
    expect(findings(r).filter((f) => !f.startsWith('merge'))).toEqual(['omission src0 "Government Sends Troops To The Border"'])
  })

  it('a number or a clause moved to the neighbouring sentence is not missing', () => {
    const src = ['The minister spoke in Ankara on Monday.', 'He said that 1,500 soldiers would be sent to the border within a week.']
    const tgt = ['Bakan pazartesi günü Ankara\'da 1.500 askerin bir hafta içinde sınıra gönderileceğini söyledi.', 'Bu açıklamayı bir konuşmada yaptı.']
    const r = diverge(version('en', src), version('tr', tgt), diagonal(2))
    expect(findings(r, ['number-mismatch', 'partial-omission'])).toEqual([])
  })
})
