import { describe, expect, it } from 'vitest'
import { align, learnDictionary } from '../../alignment/align.ts'
import type { Bead } from '../../alignment/types.ts'

const render = (beads: readonly Bead[]) => beads.map((b) => `${b.src.join(',') || '-'}:${b.tgt.join(',') || '-'}`).join(' ')

describe('learnDictionary', () => {
  it('learns word pairs that recur together, as surface words, strongest first', () => {
    const entries = learnDictionary(
      [
        { src: ['The summit was cold.'], tgt: ['Le sommet était froid.'] },
        { src: ['We reached the summit.'], tgt: ['Nous avons atteint le sommet.'] },
        { src: ['The night was cold.'], tgt: ['La nuit était froide.'] },
        { src: ['The rope held.'], tgt: ['La corde a tenu.'] },
        { src: ['The rope broke.'], tgt: ['La corde a cassé.'] },
        { src: ['The guide left.'], tgt: ['Le guide est parti.'] },
      ],
      { srcLang: 'en', tgtLang: 'fr' },
    )
    const pairs = entries.map((e) => `${e.src}=${e.tgt}`)
    expect(pairs).toContain('summit=sommet')
    expect(pairs).toContain('rope=corde')
    expect(entries.every((e) => e.score! > 0 && e.score! <= 1)).toBe(true)
  })

  it('is empty without beads that pair anything', () => {
    expect(learnDictionary([])).toEqual([])
    expect(learnDictionary([{ src: ['Alone.'], tgt: [] }])).toEqual([])
  })
})

describe('align with a dictionary', () => {
  // Four sentences on each side of equal length: the length model cannot tell them apart, and the
  // languages share no cognates. The dictionary's entries (phrases included) pair them.
  const src = ['Wolves came down at night.', 'Bread was short in winter.', 'The old bridge fell down.', 'Snow closed every pass.']
  const tgt = ['Kış boyunca ekmek azdı.', 'Kurtlar geceleri indi.', 'Eski köprü çöktü.', 'Kar bütün geçitleri kapattı.']
  const dictionary = [
    { src: 'wolves', tgt: 'kurtlar' },
    { src: 'bread', tgt: 'ekmek' },
    { src: 'old bridge', tgt: 'eski köprü' },
    { src: 'snow', tgt: 'kar' },
  ]

  it('pairs sentences by its entries where nothing else tells them apart', () => {
    // The translator swapped two sentences. Without a dictionary they are paired in order; with
    // it, each is found on the other side, and the only monotone bead that keeps both pairs is 2-2.
    expect(render(align(src.slice(0, 2), tgt.slice(0, 2), { srcLang: 'en', tgtLang: 'tr' }))).toBe('0:0 1:1')
    expect(render(align(src.slice(0, 2), tgt.slice(0, 2), { srcLang: 'en', tgtLang: 'tr', dictionary }))).toBe('0,1:0,1')
  })

  it('changes nothing when no entry occurs in both versions', () => {
    const none = [{ src: 'avalanche', tgt: 'çığ' }]
    expect(render(align(src, tgt.slice(2), { srcLang: 'en', tgtLang: 'tr', dictionary: none }))).toBe(render(align(src, tgt.slice(2), { srcLang: 'en', tgtLang: 'tr' })))
  })
})
