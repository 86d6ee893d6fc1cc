/**
 * A queue that serves its lanes in priority order and, within a lane, its clients in turn: one
 * client that sends twenty jobs gets one turn in every round, so a second client's single job
 * waits for one of them at most, not all twenty (deficit-free round robin, one job a turn).
 */

/** Options of {@link FairQueue}. */
export interface FairQueueOptions<L extends string> {
  /** The lanes, the first served first: `['correction', 'create']`. */
  lanes: readonly L[]
}

/**
 * Jobs by lane and client. `shift()` takes from the first lane that has any, from the client
 * whose turn it is; that client then goes to the back of the lane's round.
 *
 * @example
 * const q = new FairQueue<string, 'fix' | 'create'>({ lanes: ['fix', 'create'] })
 * q.push('a1', 'create', 'alice'); q.push('a2', 'create', 'alice'); q.push('b1', 'create', 'bob')
 * q.shift() // 'a1', then 'b1', then 'a2'
 */
export class FairQueue<T, L extends string = string> {
  // Per lane, the clients in the order of their turns (a Map keeps insertion order), each with
  // its jobs first come first served.
  readonly #lanes: Map<L, Map<string, T[]>>
  #size = 0

  constructor(options: FairQueueOptions<L>) {
    this.#lanes = new Map(options.lanes.map((l) => [l, new Map()]))
  }

  /** Jobs waiting in every lane. */
  get size(): number {
    return this.#size
  }

  #lane(lane: L): Map<string, T[]> {
    const m = this.#lanes.get(lane)
    if (!m) throw new Error(`unknown lane ${lane}`)
    return m
  }

  /** Jobs waiting in one lane, or of one client in it. */
  count(lane: L, client?: string): number {
    const m = this.#lane(lane)
    if (client !== undefined) return m.get(client)?.length ?? 0
    let n = 0
    for (const jobs of m.values()) n += jobs.length
    return n
  }

  push(item: T, lane: L, client: string): void {
    const m = this.#lane(lane)
    const jobs = m.get(client)
    if (jobs) jobs.push(item)
    else m.set(client, [item])
    this.#size++
  }

  /** The next job of the first lane in `lanes` (default: all, in priority order) that has one. */
  shift(lanes?: readonly L[]): T | undefined {
    for (const [lane, m] of this.#lanes) {
      if (lanes && !lanes.includes(lane)) continue
      for (const [client, jobs] of m) {
        const item = jobs.shift()!
        // Its turn is over: to the back of the round, or out when it has nothing left.
        m.delete(client)
        if (jobs.length) m.set(client, jobs)
        this.#size--
        return item
      }
    }
    return undefined
  }

  /** Takes a job out (a caller gave up on it); false when it is not waiting. */
  remove(item: T): boolean {
    for (const m of this.#lanes.values()) {
      for (const [client, jobs] of m) {
        const i = jobs.indexOf(item)
        if (i === -1) continue
        jobs.splice(i, 1)
        if (!jobs.length) m.delete(client)
        this.#size--
        return true
      }
    }
    return false
  }

  /**
   * How many jobs `shift()` will hand out before this one, if nothing else arrives: every job of
   * the lanes before its own, and in its lane, the jobs of the rounds before its own plus those
   * of the clients ahead of it in its round. -1 when it is not waiting.
   */
  ahead(item: T): number {
    let before = 0
    for (const m of this.#lanes.values()) {
      let round = -1
      let turn = -1
      let k = 0
      for (const jobs of m.values()) {
        const i = jobs.indexOf(item)
        if (i !== -1) {
          round = i
          turn = k
          break
        }
        k++
      }
      if (round === -1) {
        for (const jobs of m.values()) before += jobs.length
        continue
      }
      k = 0
      for (const jobs of m.values()) {
        // Clients before it in the round get round + 1 turns first, those after it `round`.
        before += Math.min(jobs.length, k < turn ? round + 1 : round)
        k++
      }
      return before
    }
    return -1
  }

  /** Every job, lane by lane; the queue is empty afterwards. */
  drain(): T[] {
    const out: T[] = []
    for (const m of this.#lanes.values()) {
      for (const jobs of m.values()) out.push(...jobs)
      m.clear()
    }
    this.#size = 0
    return out
  }

  /** Every waiting job, in no particular order. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (const m of this.#lanes.values()) for (const jobs of m.values()) yield* jobs
  }
}
