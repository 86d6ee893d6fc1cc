import { describe, expect, it } from 'vitest'
import { KEY_STORE, KeyRing, type HeldKey } from '../../../client/lib/key-ring.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data }
}

const key = (n: number) => `plx_${n.toString(16).padStart(12, '0')}_${'x'.repeat(43)}`
/** Compact rendering: `ID:role[:refused]`, best first. */
const show = (keys: HeldKey[]) => keys.map((k) => `${k.key.slice(4, 16).replace(/^0+/, '')}:${k.role}${k.refused ? ':refused' : ''}`).join(' ')

describe('KeyRing', () => {
  it('keeps a key given by a link beside the owner key, never instead of it', () => {
    const ring = new KeyRing(memoryStorage())
    ring.add('c1', key(1), 'owner')
    // The crafted link: another key for the same comparison.
    ring.add('c1', key(2), 'participant')
    expect(show(ring.list('c1'))).toBe('1:owner 2:participant')
    expect(ring.get('c1')?.key).toBe(key(1))
    // The server refuses the link's key: marked, kept, and the owner key untouched.
    ring.update('c1', key(2), { refused: true })
    expect(show(ring.list('c1'))).toBe('1:owner 2:participant:refused')
    // Even a refused owner key is kept; the participant key that works is used meanwhile.
    ring.add('c1', key(3), 'participant')
    ring.update('c1', key(1), { refused: true })
    expect(show(ring.list('c1'))).toBe('3:participant 1:owner:refused 2:participant:refused')
    expect(ring.get('c1')?.key).toBe(key(3))
    ring.update('c1', key(3), { refused: true })
    expect(ring.get('c1')).toBeUndefined()
    expect(ring.list('c1')).toHaveLength(3)
  })

  it('refuses what is not a key, and adds a key held twice once', () => {
    const ring = new KeyRing(memoryStorage())
    expect([ring.add('c1', 'javascript:alert(1)', 'participant'), ring.add('c1', key(1), 'participant'), ring.add('c1', key(1), 'owner')]).toEqual([false, true, true])
    expect(show(ring.list('c1'))).toBe('1:owner')
  })

  it('reads the stored shape of earlier versions (one key per comparison)', () => {
    const ring = new KeyRing(memoryStorage({ [KEY_STORE]: JSON.stringify({ c1: { key: key(7), role: 'owner' }, c2: { key: 'junk', role: 'owner' } }) }))
    expect(show(ring.list('c1'))).toBe('7:owner')
    expect(ring.list('c2')).toEqual([])
    ring.add('c1', key(8), 'participant')
    expect(show(ring.list('c1'))).toBe('7:owner 8:participant')
  })

  it('downloads every key as a file and imports it into another browser, merging', () => {
    const home = new KeyRing(memoryStorage())
    home.add('c1', key(1), 'owner')
    home.add('c2', key(2), 'participant')
    home.update('c2', key(2), { refused: true, label: 'Ayşe' })
    const file = JSON.parse(JSON.stringify(home.export(new Date('2026-11-23T10:00:00Z'))))
    expect([file.format, file.version, file.exported, Object.keys(file.comparisons).join()]).toEqual(['parallax-keys', 1, '2026-11-23T10:00:00.000Z', 'c1,c2'])

    const school = new KeyRing(memoryStorage())
    school.add('c2', key(3), 'owner')
    expect(school.import(file)).toBe(2)
    // Nothing held is replaced; a refusal is asked again rather than trusted.
    expect(show(school.list('c2'))).toBe('3:owner 2:participant')
    expect(school.list('c2')[1].label).toBe('Ayşe')
    expect(school.import(file)).toBe(0)
    expect(school.count()).toEqual({ keys: 3, comparisons: 2 })
    expect(() => school.import({ keys: [] })).toThrow(/not a file of Parallax keys/)
  })

  it('forgets one key or a whole comparison only when told', () => {
    const ring = new KeyRing(memoryStorage())
    ring.add('c1', key(1), 'owner')
    ring.add('c1', key(2), 'participant')
    ring.remove('c1', key(2))
    expect(show(ring.list('c1'))).toBe('1:owner')
    ring.forget('c1')
    expect(ring.count()).toEqual({ keys: 0, comparisons: 0 })
  })
})
