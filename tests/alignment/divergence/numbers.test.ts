import { describe, expect, it } from 'vitest'
import { describeNumber, extractNumbers, matchNumbers, parseDigits, sameQuantity } from '../../../alignment/divergence/numbers.ts'

/** `text=kind:value` for each number found. */
const render = (text: string, lang: string) =>
  extractNumbers(text, lang)
    .map((n) => `${n.text}=${n.kind}:${Math.round(n.value * 1000) / 1000}`)
    .join(' ')

describe('extractNumbers', () => {
  it('reads digits, percentages, scale words, fractions, dates and times in English', () => {
    expect(render('About 70% of 1,000 men, 1.5 million dollars, 2/3 of it, on 31 August at 10:30, the 21st', 'en')).toBe(
      '70%=percent:70 1,000=number:1000 1.5 million=number:1500000 2/3=fraction:0.667 31=number:31 August=month:8 10:30=time:630 21st=ordinal:21',
    )
    expect(render('two-thirds, a third, three quarters, half of them, two hundred and five, twenty-one', 'en')).toBe(
      'two-thirds=fraction:0.667 a third=fraction:0.333 three quarters=fraction:0.75 half=fraction:0.5 two hundred and five=number:205 twenty-one=number:21',
    )
  })

  it('does not take articles, pronouns and verbs for numbers', () => {
    expect(render('One of them may go; a man said he would march on.', 'en')).toBe('')
    expect(render('Bir adam onu gördü ve altında bir kutu buldu.', 'tr')).toBe('')
  })

  it('reads Turkish forms: %70, yüzde, üçte iki, suffixed dates, 1.000 and 1,5', () => {
    expect(render("sınırın %70'ini, yüzde yetmiş, üçte ikisini, 31 Ağustos'ta, 1.000 asker, 1,5 milyon, yirmi bir, pazartesi günü", 'tr')).toBe(
      "%70=percent:70 yüzde yetmiş=percent:70 üçte ikisini=fraction:0.667 31=number:31 Ağustos=month:8 1.000=number:1000 1,5 milyon=number:1500000 yirmi bir=number:21 pazartesi=weekday:1",
    )
  })

  it('reads Arabic-Indic digits and Arabic words', () => {
    expect(render('ثلثي الحدود و٧٠٪ منها في ٣١ أغسطس، ١٬٠٠٠ جندي، 70 في المئة، خمسة وعشرين، ثلاثة آلاف، يوم الاثنين', 'ar')).toBe(
      'ثلثي=fraction:0.667 ٧٠٪=percent:70 ٣١=number:31 أغسطس=month:8 ١٬٠٠٠=number:1000 70 في المئة=percent:70 خمسة وعشرين=number:25 ثلاثة آلاف=number:3000 الاثنين=weekday:1',
    )
  })

  it('gives offsets into the text', () => {
    const text = 'It took over 70% of the border.'
    const [n] = extractNumbers(text, 'en')
    expect(text.slice(n.start, n.end)).toBe('70%')
  })
})

describe('parseDigits', () => {
  it('reads separators by the language, keeping the other reading as an alternative', () => {
    expect(parseDigits('1,000', 'en')).toEqual([1000, 1])
    expect(parseDigits('1.000', 'tr')).toEqual([1000, 1])
    expect(parseDigits('1,5', 'tr')).toEqual([1.5])
    expect(parseDigits('1.234,5', 'de')).toEqual([1234.5])
    expect(parseDigits('1,234,567', 'en')).toEqual([1234567])
    expect(parseDigits('1\u00a0000', 'fr')).toEqual([1000])
  })
})

describe('matchNumbers and sameQuantity', () => {
  const en = (t: string) => extractNumbers(t, 'en')
  const tr = (t: string) => extractNumbers(t, 'tr')
  it('pairs equal quantities across formats and leaves the rest', () => {
    expect(matchNumbers(en('70% on 31 August, 1,000 men, two-thirds'), tr("%70, 31 Ağustos'ta 1.000 asker, üçte ikisi"))).toEqual({ a: [], b: [] })
    const left = matchNumbers(en('70% of 1,500 men'), tr("%60'ı, 1.500 asker"))
    expect([left.a.map(describeNumber), left.b.map(describeNumber)]).toEqual([['70%'], ['60%']])
  })
  it('equates a fraction with the matching percentage, and a month with a numeric date', () => {
    const [twoThirds] = en('two-thirds')
    const [pct] = en('67%')
    expect(sameQuantity(twoThirds, pct)).toBe(true)
    const [, month] = en('9 July')
    const parts = en('9/7/2021')
    expect(parts.some((p) => sameQuantity(month, p))).toBe(true)
  })
})
