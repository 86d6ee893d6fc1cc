import { describe, expect, it } from 'vitest'
import { crossScriptKey } from '../../alignment/align/features.ts'

describe('crossScriptKey', () => {
  it.each([
    ['والأمريكيين', 'American'],
    ['ترامب', 'Trump'],
    ['برايتون', 'Brighton'],
    ['أفغانستان', 'Afghanistan'],
  ])('%s and %s share a key', (ar, en) => {
    expect(crossScriptKey(ar, 'ar')).toBe(crossScriptKey(en, 'en'))
  })

  it('keeps a short word whole rather than take its first letters for clitics', () => {
    expect(crossScriptKey('بالو', 'ar')).toBe(crossScriptKey('Palu', 'en'))
  })
})
