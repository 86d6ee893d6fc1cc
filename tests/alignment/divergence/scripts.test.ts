import { describe, expect, it } from 'vitest'
import { compare } from '../../../alignment/diverge.ts'

const kinds = (src: string, tgt: string, srcLang: string, tgtLang: string) =>
  compare(src, tgt, { srcLang, tgtLang, mode: 'translation' }).beads.flatMap((b) => b.findings.map((f) => f.kind))

describe('divergences across scripts', () => {
  it('reports no missing names against a version whose script has no romanisation (Chinese)', () => {
    const en = 'And Adam knew Eve his wife. And Cain talked with Abel his brother.'
    const zh = '有一日，那人和他妻子夏娃同房。该隐与他兄弟亚伯说话。'
    expect(kinds(en, zh, 'en', 'zh')).not.toContain('name-mismatch')
  })

  it('still reports a missing name against a version in a romanisable script (Arabic)', () => {
    const en = 'Zabihullah Mujahid said the crossing was under control. The ministry spokeswoman Maria Zakharova said Moscow was concerned.'
    const ar = 'قال ذبيح الله مجاهد إن المعبر تحت السيطرة. وقالت المتحدثة باسم الوزارة إن موسكو قلقة.'
    expect(kinds(en, ar, 'en', 'ar')).toContain('name-mismatch')
  })

  it('keeps a lone one-word name left out as a low-confidence candidate, below the default threshold', () => {
    const en = 'Zabihullah Mujahid said the crossing was under control. Maria Zakharova said Moscow was concerned.'
    const ar = 'قال ذبيح الله مجاهد إن المعبر تحت السيطرة. وقالت المتحدثة إن موسكو قلقة.'
    expect(kinds(en, ar, 'en', 'ar')).not.toContain('name-mismatch')
    const all = compare(en, ar, { srcLang: 'en', tgtLang: 'ar', mode: 'translation', minConfidence: 0 }).beads.flatMap((b) => b.findings)
    const name = all.find((f) => f.kind === 'name-mismatch')!
    expect([name.text, name.confidence! < 0.5]).toEqual(['Zakharova', true])
  })
})

describe('numbers grouped differently', () => {
  it('are the same number: phone numbers, times, date ranges', () => {
    const de = 'Telefon 031/433611. Aufstieg in 1 Std. 30 Min. zur Hütte. Am 9. und 10. September 1988.'
    const fr = 'Téléphone 031/43 36 11. Montée en 1 h 30 au refuge. Les 9/10 septembre 1988.'
    expect(kinds(de, fr, 'de', 'fr')).not.toContain('number-mismatch')
  })

  it('while a changed number is still reported', () => {
    const de = 'Telefon 031/433611. Aufstieg in 2 Std. zur Hütte.'
    const fr = 'Téléphone 031/43 36 12. Montée en 3 h au refuge.'
    expect(kinds(de, fr, 'de', 'fr').filter((k) => k === 'number-mismatch').length).toBeGreaterThan(0)
  })
})
