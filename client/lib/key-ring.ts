/**
 * The keys this browser was given, per comparison, in `localStorage`: every one of them. A key
 * handed over by a `#key=` link is added beside those held, never in their place, and a key the
 * server refuses is marked, never dropped; so a crafted link cannot cost the owner the owner key,
 * which is shown only once. Only a person's action (Forget, deleting the comparison) removes one.
 * The whole ring can be downloaded as a JSON file and imported in another browser.
 */

/** Where keys live in `localStorage`. */
export const KEY_STORE = 'parallax.keys'

/** What a key file says it is (`format` of {@link KeyFile}). */
export const KEY_FILE_FORMAT = 'parallax-keys'

/** A key this browser holds for one comparison. */
export interface HeldKey {
  key: string
  /** `owner` for the key a create answered with; a link's key is `participant` until the server says. */
  role: 'owner' | 'participant'
  /** The label the owner gave the key, once the server told it. */
  label?: string
  /** When this browser was given it (ms since 1970), to keep the order keys came in. */
  added?: number
  /** The server refused it when last asked (revoked, or not a key of this comparison). Kept all the same. */
  refused?: boolean
}

/** A downloaded key ring: what "Download my keys" writes and import reads. */
export interface KeyFile {
  format: typeof KEY_FILE_FORMAT
  version: 1
  /** When the file was written (ISO 8601). */
  exported: string
  /** Keys by comparison id. */
  comparisons: Record<string, HeldKey[]>
}

/** A key as the server issues it: `plx_`, the key id in hex, `_`, the secret. */
const KEY_PATTERN = /^plx_[0-9a-f]{1,64}_[A-Za-z0-9_-]{1,200}$/
/** Comparison ids: short URL-safe strings. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

/** The id part of a key (`plx_ID_SECRET`), which annotations name as `keyId`. */
export function keyIdOf(key: string): string | undefined {
  return /^plx_([0-9a-f]+)_/.exec(key)?.[1]
}

/** Best first: keys that work before refused ones, owner before participant, then as they came. */
function rank(a: HeldKey, b: HeldKey): number {
  return Number(!!a.refused) - Number(!!b.refused) || Number(a.role !== 'owner') - Number(b.role !== 'owner') || (a.added ?? 0) - (b.added ?? 0)
}

/** A stored entry, in the current shape or the old one (one `{key, role}` per comparison). */
function keysOf(entry: unknown): HeldKey[] {
  const list = Array.isArray(entry) ? entry : [entry]
  const keys: HeldKey[] = []
  for (const item of list) {
    if (!item || typeof item !== 'object') continue
    const k = item as Record<string, unknown>
    if (typeof k.key !== 'string' || !KEY_PATTERN.test(k.key) || keys.some((held) => held.key === k.key)) continue
    keys.push({
      key: k.key,
      role: k.role === 'owner' ? 'owner' : 'participant',
      ...(typeof k.label === 'string' && k.label ? { label: k.label.slice(0, 200) } : {}),
      ...(typeof k.added === 'number' && Number.isFinite(k.added) ? { added: k.added } : {}),
      ...(k.refused === true ? { refused: true } : {}),
    })
  }
  return keys
}

/**
 * The keys this browser holds, by comparison id; survives reloads, never leaves but as a header
 * or in a file the person downloads.
 *
 * @example
 * const ring = new KeyRing()
 * ring.add('c1', ownerKey, 'owner')
 * ring.add('c1', keyFromLink, 'participant') // beside the owner key, not instead of it
 * ring.get('c1') // the owner key
 */
export class KeyRing {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage) {}

  #read(): Record<string, HeldKey[]> {
    let parsed: unknown
    try {
      parsed = JSON.parse(this.storage?.getItem(KEY_STORE) ?? '{}')
    } catch {
      // A corrupt entry must not lock the page: read it as empty (it is rewritten only on a change).
      return {}
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    const ring: Record<string, HeldKey[]> = {}
    for (const [id, entry] of Object.entries(parsed)) {
      const keys = keysOf(entry)
      if (keys.length) ring[id] = keys
    }
    return ring
  }

  #write(ring: Record<string, HeldKey[]>): void {
    try {
      this.storage?.setItem(KEY_STORE, JSON.stringify(ring))
    } catch {
      // Storage full or disabled (private mode): the key still works for this visit.
    }
  }

  /** Every key held for a comparison, best first (see {@link rank}). */
  list(id: string): HeldKey[] {
    return (this.#read()[id] ?? []).sort(rank)
  }

  /** The best key held for a comparison that the server has not refused, if any. */
  get(id: string): HeldKey | undefined {
    const best = this.list(id)[0]
    return best && !best.refused ? best : undefined
  }

  /**
   * Keeps `key` for a comparison beside those already held. A key held already keeps its place;
   * its role is raised to `owner` if `role` says so. Returns false for a string that is not a key.
   */
  add(id: string, key: string, role: HeldKey['role']): boolean {
    if (!KEY_PATTERN.test(key) || !ID_PATTERN.test(id)) return false
    const ring = this.#read()
    const keys = ring[id] ?? []
    const held = keys.find((k) => k.key === key)
    if (held) {
      if (role === 'owner') held.role = 'owner'
    } else keys.push({ key, role, added: Date.now() })
    ring[id] = keys
    this.#write(ring)
    return true
  }

  /** Records what the server said of a key (its role and label, or that it refused it). */
  update(id: string, key: string, change: Partial<Pick<HeldKey, 'role' | 'label' | 'refused'>>): void {
    const ring = this.#read()
    const held = ring[id]?.find((k) => k.key === key)
    if (!held) return
    Object.assign(held, change)
    if (!held.refused) delete held.refused
    this.#write(ring)
  }

  /** Removes one key, on the person's word. */
  remove(id: string, key: string): void {
    const ring = this.#read()
    const keys = (ring[id] ?? []).filter((k) => k.key !== key)
    if (keys.length) ring[id] = keys
    else delete ring[id]
    this.#write(ring)
  }

  /** Removes every key of a comparison (it was deleted). */
  forget(id: string): void {
    const ring = this.#read()
    delete ring[id]
    this.#write(ring)
  }

  /** How many keys are held, for how many comparisons. */
  count(): { keys: number; comparisons: number } {
    const ring = Object.values(this.#read())
    return { keys: ring.reduce((n, keys) => n + keys.length, 0), comparisons: ring.length }
  }

  /** The whole ring as a file to download. */
  export(now = new Date()): KeyFile {
    return { format: KEY_FILE_FORMAT, version: 1, exported: now.toISOString(), comparisons: this.#read() }
  }

  /**
   * Adds the keys of a downloaded file (the parsed JSON) to those held; none held is replaced.
   * Refusals recorded in the file are dropped: the server is asked again. Returns how many keys
   * were new; throws an `Error` saying why for anything but a key file.
   */
  import(file: unknown): number {
    const data = file as Partial<KeyFile> | null
    if (!data || typeof data !== 'object' || data.format !== KEY_FILE_FORMAT || !data.comparisons || typeof data.comparisons !== 'object') {
      throw new Error('This is not a file of Parallax keys (it was not written by “Download my keys”).')
    }
    const ring = this.#read()
    let added = 0
    for (const [id, entry] of Object.entries(data.comparisons)) {
      if (!ID_PATTERN.test(id)) continue
      const keys = ring[id] ?? []
      for (const k of keysOf(entry)) {
        const held = keys.find((h) => h.key === k.key)
        if (held) {
          if (k.role === 'owner') held.role = 'owner'
          continue
        }
        const { refused: _dropped, ...fresh } = k
        keys.push({ ...fresh, added: fresh.added ?? Date.now() })
        added += 1
      }
      if (keys.length) ring[id] = keys
    }
    this.#write(ring)
    return added
  }
}
