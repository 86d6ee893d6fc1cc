/**
 * Live updates of a comparison, for the pages that have it open: an annotation created, changed
 * or deleted is sent at once as a server-sent event, so an owner sees a student's note without
 * reloading. The hub keeps, per comparison, the open streams (bounded: a class with its tabs fits,
 * a flood does not) and closes them all when the server stops.
 *
 * In this process only: with several app instances on one PostgreSQL database, a page sees the
 * writes made through its own instance at once and the others at its next poll.
 */
import type { Context } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import { ApiError } from './errors.ts'
import type { annotationView } from './views.ts'

/** An annotation as the API shows it. */
type AnnotationView = ReturnType<typeof annotationView>

/** What a stream carries; the SSE event name is `type`, the data the whole object as JSON. */
export type ComparisonEvent =
  | { type: 'annotation-created' | 'annotation-updated'; annotation: AnnotationView }
  | { type: 'annotation-deleted'; id: string; version: number }

/** Options of {@link EventHub}. */
export interface EventHubOptions {
  /** Open streams per comparison (default 200: a class of thirty with a few tabs each). */
  maxPerComparison?: number
  /** Open streams in all (default 2,000; each costs a connection and a few kilobytes). */
  maxStreams?: number
  /** A comment line this often keeps proxies from closing a quiet stream, in ms (default 25 s). */
  heartbeatMs?: number
  /** Events waiting for a reader that stopped reading before its stream is dropped (default 500). */
  maxQueued?: number
}

interface Subscriber {
  send(event: ComparisonEvent): void
  close(): void
}

/** Every hub of this process, for {@link closeEventStreams}. */
const HUBS = new Set<EventHub>()

/**
 * Ends every open event stream of this process, so that a server that stops is not kept waiting
 * by pages that listen. Pages reconnect to the next server on their own.
 */
export function closeEventStreams(): void {
  for (const hub of HUBS) hub.close()
}

/**
 * The open event streams of the comparisons, and what is published to them.
 *
 * @example
 * const hub = new EventHub()
 * app.get('/comparisons/:id/events', (c) => hub.stream(c, c.req.param('id')))
 * hub.publish(id, { type: 'annotation-created', annotation })
 */
export class EventHub {
  readonly #streams = new Map<string, Set<Subscriber>>()
  readonly #options: Required<EventHubOptions>
  #open = 0

  constructor(options: EventHubOptions = {}) {
    this.#options = { maxPerComparison: 200, maxStreams: 2000, heartbeatMs: 25_000, maxQueued: 500, ...options }
    HUBS.add(this)
  }

  /** Streams open now, for one comparison or in all. */
  count(comparisonId?: string): number {
    return comparisonId === undefined ? this.#open : (this.#streams.get(comparisonId)?.size ?? 0)
  }

  /** Sends `event` to every stream open on the comparison. */
  publish(comparisonId: string, event: ComparisonEvent): void {
    for (const subscriber of this.#streams.get(comparisonId) ?? []) subscriber.send(event)
  }

  /** Ends every stream (the server stops); the hub still takes new ones afterwards. */
  close(): void {
    for (const set of this.#streams.values()) for (const subscriber of [...set]) subscriber.close()
  }

  /**
   * Answers with an event stream of the comparison: `ready` at once, then each event published,
   * a comment line while quiet. 503 when the comparison or the server has as many streams as it
   * takes; the page then polls instead.
   */
  stream(c: Context, comparisonId: string): Response {
    const { maxPerComparison, maxStreams, heartbeatMs, maxQueued } = this.#options
    const set = this.#streams.get(comparisonId) ?? new Set<Subscriber>()
    if (set.size >= maxPerComparison || this.#open >= maxStreams) {
      throw new ApiError(
        503,
        'too_many_streams',
        `Comparison "${comparisonId}" has ${set.size >= maxPerComparison ? `${set.size} live streams, the most it takes` : 'no room: the server has as many live streams as it takes'}; the page updates every 20 s instead.`,
        {},
        { 'Retry-After': '60' },
      )
    }
    // Taken before the stream starts, so that a burst of opens cannot pass the bound together.
    this.#streams.set(comparisonId, set)
    this.#open += 1
    let subscriber: Subscriber | undefined
    const release = () => {
      if (!subscriber || !set.delete(subscriber)) return
      this.#open -= 1
      if (set.size === 0 && this.#streams.get(comparisonId) === set) this.#streams.delete(comparisonId)
    }
    const queue: ComparisonEvent[] = []
    let wake: () => void = () => {}
    let ended = false
    subscriber = {
      send: (event) => {
        // A reader that stopped reading must not hold events without end: drop it (it reloads).
        if (queue.length >= maxQueued) return subscriber!.close()
        queue.push(event)
        wake()
      },
      close: () => {
        ended = true
        release()
        wake()
      },
    }
    set.add(subscriber)
    c.header('X-Accel-Buffering', 'no')
    const res = streamSSE(c, async (stream: SSEStreamingApi) => {
      stream.onAbort(() => subscriber!.close())
      try {
        // `retry`: how long the browser waits before it reconnects after a drop.
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ comparisonId }), retry: 3000 })
        while (!ended && !stream.aborted) {
          if (queue.length === 0) {
            const quiet = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(true), heartbeatMs)
              wake = () => {
                clearTimeout(timer)
                resolve(false)
              }
            })
            wake = () => {}
            if (quiet && !ended) await stream.write(': still here\n\n')
            continue
          }
          const event = queue.shift()!
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event) })
        }
      } finally {
        release()
      }
    })
    // The connection of a stream is not reused once the stream ends: a server that stops (and
    // ends the streams) must not wait for the browser to let go of it.
    res.headers.set('Connection', 'close')
    return res
  }
}
