import { describe, expect, it } from 'vitest'
import { foldCase, romanize, skeleton, wordTokens } from '../../alignment/romanize.ts'

describe('romanize', () => {
  it('folds Turkish dotted and dotless i', () => {
    expect(foldCase('İSTANBUL ILIK', 'tr')).toBe('istanbul ılık')
    expect(foldCase('ISTANBUL', 'en')).toBe('istanbul')
  })

  it('strips diacritics and transliterates other scripts', () => {
    expect(romanize('Mücahid Duşanbe', 'tr')).toBe('mujahid dushanbe')
    expect(romanize('Захарова')).toBe('zakharova')
    expect(romanize('٧٠٪')).toBe('70٪')
  })

  it('gives names one skeleton across scripts and spellings', () => {
    const same = [
      ['طالبان', 'Taliban'],
      ['مجاهد', 'Mujahid'],
      ['Kabil', 'Kabul'],
      ['طاجيكستان', 'Tajikistan'],
    ]
    for (const [a, b] of same) expect(skeleton(a)).toBe(skeleton(b))
    expect(skeleton('Mücahid', 'tr')).toBe(skeleton('Mujahid'))
    expect(skeleton('Duşanbe', 'tr')).toBe(skeleton('Dushanbe'))
    expect(skeleton('Taliban')).not.toBe(skeleton('Tajikistan'))
  })

  it('tokenises words with offsets, ideographs one by one', () => {
    const render = (text: string) => wordTokens(text).map((t) => `${t.text}@${t.start}`).join(' ')
    expect(render("Taliban'ın %70'i")).toBe('Taliban@0 ın@8 70@12 i@15')
    expect(render('上帝 created')).toBe('上@0 帝@1 created@3')
  })
})
