import { describe, expect, it } from 'vitest'
import { alignToPivot, pivotRows, type PivotRow } from '../../alignment/pivot.ts'
import { parseBeads } from '../../alignment/bead-format.ts'

const render = (rows: PivotRow[]) =>
  rows.map((r) => [r.pivot, ...r.versions].map((x) => x.join(',') || '-').join('|')).join(' ')

describe('pivot', () => {
  it('merges rows where one version merges pivot sentences', () => {
    const a = parseBeads('[0]:[0]\n[1,2]:[1]\n[3]:[2]')
    const b = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]')
    expect(render(pivotRows(4, [a, b]))).toBe('0|0|0 1,2|1|1,2 3|2|-')
  })

  it('gives additions rows of their own, in order', () => {
    const a = parseBeads('[]:[0]\n[0]:[1]\n[]:[2]\n[1]:[3]')
    const b = parseBeads('[0]:[0]\n[1]:[1]\n[]:[2]')
    expect(render(pivotRows(2, [a, b]))).toBe('-|0|- 0|1|0 -|2|- 1|3|1 -|-|2')
  })

  it('aligns several versions against one pivot', () => {
    const en = ['The border is closed.', 'Trade stopped on 9 July.', 'Talks resume in Moscow.']
    const tr = ['Sınır kapalı.', 'Ticaret 9 Temmuz\'da durdu.', 'Görüşmeler Moskova\'da yeniden başlıyor.']
    const de = ['Die Grenze ist geschlossen.', 'Der Handel stoppte am 9. Juli.', 'Die Gespräche in Moskau gehen weiter.']
    const { rows } = alignToPivot(en, [tr, de], { pivotLang: 'en', langs: ['tr', 'de'] })
    expect(render(rows)).toBe('0|0|0 1|1|1 2|2|2')
  })
})
