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

describe('route versions', () => {
  it('names the version aligned with the source in the query', () => {
    expect(parseRoute('/c/abc', '?v=3')).toEqual({ name: 'comparison', id: 'abc', version: 3 })
    expect(parseRoute('/c/abc', '?v=1')).toEqual({ name: 'comparison', id: 'abc' })
    expect(parseRoute('/c/abc', '?v=x')).toEqual({ name: 'comparison', id: 'abc' })
    expect(routePath({ name: 'comparison', id: 'abc', version: 2 })).toBe('/c/abc?v=2')
    expect(routePath({ name: 'comparison', id: 'abc', version: 1 })).toBe('/c/abc')
  })
})

describe('route of all versions', () => {
  it('names the shared rows and the column of the source', () => {
    expect(parseRoute('/c/abc', '?v=all')).toEqual({ name: 'rows', id: 'abc' })
    expect(parseRoute('/c/abc', '?v=all&src=2')).toEqual({ name: 'rows', id: 'abc', source: 2 })
    expect(parseRoute('/c/abc', '?v=all&src=0')).toEqual({ name: 'rows', id: 'abc' })
    expect(routePath({ name: 'rows', id: 'abc', source: 2 })).toBe('/c/abc?v=all&src=2')
    expect(routePath({ name: 'rows', id: 'abc', source: 1 })).toBe('/c/abc?v=all')
  })
})
