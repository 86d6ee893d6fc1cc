import { describe, expect, it } from 'vitest'
import { VersionContext } from '../../../alignment/divergence/context.ts'
import { WordIndex } from '../../../alignment/divergence/evidence.ts'
import { inconsistentNames } from '../../../alignment/divergence/names.ts'
import { sentenceWords } from '../../../alignment/divergence/text.ts'
import { version } from './helpers.ts'

const words = (text: string, lang: string) => sentenceWords({ text, start: 0, end: text.length, paragraph: 0 }, lang)
const index = (text: string, lang: string) => new WordIndex(words(text, lang), lang)
const word = (text: string, lang: string) => words(`x ${text}`, lang)[1]

describe('WordIndex.hasName: a name and its standard renderings', () => {
  it.each([
    ['Mujahid', 'en', 'isyancıların sözcüsü Mücahid dedi', 'tr'],
    ['Mujahid', 'en', 'المتحدث ذبيح الله مجاهد', 'ar'],
    ['Kabul', 'en', "Kabil, İran'la ticaret yapıyor", 'tr'],
    ['Dushanbe', 'en', "Duşanbe'ye yardımcı olmak", 'tr'],
    ['Qala', 'en', 'İslam Kala limanı', 'tr'],
    ['Taliban', 'en', 'سيطرت طالبان على', 'ar'],
    ['Afghanistan', 'en', 'Afgan hükümeti', 'tr'],
    ['Russian', 'en', 'Rusya Dışişleri Bakanlığı', 'tr'],
    ['Germany', 'en', 'Almanya ve Fransa', 'tr'],
    ['Putin', 'en', 'الرئيس الروسي فلاديمير بوتين', 'ar'],
    ['Zakharova', 'en', 'قالت زاخاروفا', 'ar'],
    ['Kangchendzönga', 'de', 'Quant au Kanchenjunga', 'fr'],
    ['US', 'en', 'ABD Başkanı', 'tr'],
  ])('%s (%s) is found in "%s"', (name, lang, other, otherLang) => {
    expect(index(other, otherLang).hasName(word(name, lang), lang)).toBe(true)
  })

  it('does not find a different name', () => {
    expect(index('Bakan Mehmet Demir açıkladı', 'tr').hasName(word('Yilmaz', 'en'), 'en')).toBe(false)
    expect(index('Moskova ve Duşanbe', 'tr').hasName(word('Kabul', 'en'), 'en')).toBe(false)
  })
})

describe('NameContext and inconsistentNames', () => {
  it('tells names from capitalised common words, titles and sentence starts', () => {
    const ctx = new VersionContext(
      'src',
      version('en', [
        'Russian Foreign Ministry spokeswoman Maria Zakharova said the Taliban controls the border.',
        'Border guards of the CSTO were alerted, the ministry said.',
        '#Taliban Controls Two-Thirds Of The Border',
      ]),
    )
    // `Russian` opens the sentence and is capitalised nowhere else: it may be an ordinary word.
    expect(ctx.names.mentions(0).map((m) => m.text)).toEqual(['Maria Zakharova', 'Taliban'])
    expect(ctx.names.mentions(1).map((m) => m.text)).toEqual(['CSTO'])
    expect(ctx.names.mentions(2)).toEqual([])
  })

  it('finds a name spelled two ways, not a name with an ending', () => {
    const ctx = new VersionContext(
      'tgt',
      version('tr', [
        'Zabihullah Mücahid, "İslam Kala limanı kontrolümüzde" dedi.',
        "İslam Qala, ülkedeki en önemli giriş limanlarından biridir; Kabil, İran'la ticaret için kullanıyor.",
        "Taliban'ın Afganistan'daki ilerleyişi Afgan hükümetini zorluyor.",
      ]),
    )
    const found = inconsistentNames(ctx.names)
    expect(found.map((g) => g.spellings)).toEqual([['İslam Kala', 'İslam Qala']])
    expect(found[0].mentions[0].sentence).toBe(0)
  })
})
