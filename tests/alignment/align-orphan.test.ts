import { describe, expect, it } from 'vitest'
import { align, ALIGN_DEFAULTS } from '../../alignment/align.ts'
import type { Bead } from '../../alignment/types.ts'

const render = (beads: readonly Bead[]) => beads.map((b) => `${b.src.join(',') || '-'}:${b.tgt.join(',') || '-'}`).join(' ')

describe('align: a sentence left out is left alone', () => {
  // The Turkish leaves out a short sentence; its names (Dittert, Namche) are nowhere in the Turkish.
  const src = [
    'The expedition left Kathmandu on 12 March 1956 with forty porters.',
    'Dittert joined them in Namche.',
    'Bad weather stopped them at 6,400 metres for nine days.',
    'On 20 May, Schmied and Marmet reached the summit of Everest.',
  ]
  const tgt = [
    "Keşif ekibi 12 Mart 1956 tarihinde kırk hamalla Katmandu'dan ayrıldı.",
    'Kötü hava onları dokuz gün boyunca 6.400 metrede durdurdu.',
    "20 Mayıs'ta Schmied ve Marmet Everest'in zirvesine ulaştı.",
  ]

  it('rather than absorbed into its neighbour’s bead', () => {
    expect(render(align(src, tgt, { srcLang: 'en', tgtLang: 'tr' }))).toBe('0:0 1:- 2:1 3:2')
  })

  it('which the length model alone would do (the orphan cost is what keeps it out)', () => {
    const tuning = { ...ALIGN_DEFAULTS, cost: { ...ALIGN_DEFAULTS.cost, orphan: 0, orphanLost: 0 } }
    expect(render(align(src, tgt, { srcLang: 'en', tgtLang: 'tr' }, tuning))).toBe('0,1:0 2:1 3:2')
  })
})
