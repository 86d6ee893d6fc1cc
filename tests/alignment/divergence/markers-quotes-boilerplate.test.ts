import { describe, expect, it } from 'vitest'
import { boilerplate } from '../../../alignment/divergence/boilerplate.ts'
import { findMarkers, isFootnoteLine } from '../../../alignment/divergence/markers.ts'
import { ELISION, findQuotes } from '../../../alignment/divergence/quotes.ts'

describe('findMarkers', () => {
  it('finds asterisks, daggers, footnote numbers and editorial notes', () => {
    const text = 'A Taliban* spokesman, the ISIS† group (banned in Russia), a report¹ [sic] and [3].'
    expect(findMarkers(text).map((m) => `${m.type}:${m.text}`)).toEqual([
      'asterisk:Taliban*',
      'dagger:ISIS†',
      'note:(banned in Russia)',
      'footnote:¹',
      'note:[sic]',
    ])
  })
  it('ignores emphasis, arithmetic and ordinary brackets', () => {
    expect(findMarkers('This is *very* important: 5 * 3 (three) [a list].')).toEqual([])
  })
  it('recognises a footnote printed apart', () => {
    expect(isFootnoteLine('* The Taliban is banned in Russia')).toBe(true)
    expect(isFootnoteLine('(designated a terrorist organisation in Russia)')).toBe(true)
    expect(isFootnoteLine('The Taliban is banned in Russia.')).toBe(false)
  })
})

describe('findQuotes', () => {
  const spans = (text: string) => findQuotes(text).map((q) => text.slice(q.start, q.end))
  it('follows quotations over sentences, in every convention', () => {
    expect(spans('"We note a rise. It is sharp," she said. «Oui», dit-il. „Ja“, sagte er. “Curly” too.')).toEqual([
      'We note a rise. It is sharp,',
      'Oui',
      'Ja',
      'Curly',
    ])
  })
  it('closes a mixed pair (Turkish “…" ) and stops a stray mark at the paragraph or line', () => {
    expect(spans('“CSTO müttefikimiz. Moskova ve, "dedi.')).toEqual(['CSTO müttefikimiz. Moskova ve, '])
    expect(spans('He said "never\n\nNext paragraph "here" ok')).toEqual(['never', 'here'])
  })
  it('knows an elision', () => {
    expect(['a … b', 'a ... b', 'a […] b', 'a (...) b'].map((t) => ELISION.test(t))).toEqual([true, true, true, true])
    expect(ELISION.test('a. b')).toBe(false)
  })
})

describe('boilerplate', () => {
  it.each([
    ['Previous Post Next Post', 'en', 'navigation'],
    ['Back to top button', 'en', 'navigation'],
    ['Leave a Reply', 'en', 'comments'],
    ['Your email address will not be published. Required fields are marked *', 'en', 'comments'],
    ['Related Articles', 'en', 'related'],
    ['Reporting by John Smith; Editing by Jane Doe', 'en', 'credit'],
    ['Friday, April 19, 2024', 'en', 'dateline'],
    ['July 9, 2021', 'en', 'dateline'],
    ['world news', 'en', 'section'],
    ['Editör: TE Bilisim', 'tr', 'credit'],
    ['Önceki Haber Sonraki Haber', 'tr', 'navigation'],
    ['Tüm hakları saklıdır.', 'tr', 'copyright'],
    ['اقرأ أيضا', 'ar', 'related'],
    ['التعليقات مغلقة.', 'ar', 'comments'],
    ['https://example.com/news/123', 'en', 'link'],
  ])('"%s" is %s furniture', (text, lang, category) => {
    expect(boilerplate(text, lang)?.category).toBe(category)
  })
  it.each([
    ['Earlier, Taliban militants raised their flag on the bridge.', 'en'],
    ['Taliban confirmed', 'en'],
    ['The editor of the newspaper was arrested on 9 July 2021.', 'en'],
    ['Editör, gazeteciyi savundu.', 'tr'],
  ])('"%s" is content', (text, lang) => {
    expect(boilerplate(text, lang)).toBeUndefined()
  })
})
