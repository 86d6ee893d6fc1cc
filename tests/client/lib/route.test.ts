import { describe, expect, it } from 'vitest'
import { parseRoute, routePath } from '../../../client/lib/route.ts'

describe('route', () => {
  it('reads and writes the two addresses', () => {
    expect(parseRoute('/')).toEqual({ name: 'list' })
    expect(parseRoute('/c/q3XbT9kLm2Aa')).toEqual({ name: 'comparison', id: 'q3XbT9kLm2Aa' })
    expect(parseRoute('/c/a%20b/')).toEqual({ name: 'comparison', id: 'a b' })
    expect(routePath({ name: 'comparison', id: 'a b' })).toBe('/c/a%20b')
  })

  it('falls back to the list for anything else', () => {
    expect(parseRoute('/c/%E0%A4%A')).toEqual({ name: 'list' })
    expect(parseRoute('/nope')).toEqual({ name: 'list' })
    expect(parseRoute('/c/')).toEqual({ name: 'list' })
  })
})
