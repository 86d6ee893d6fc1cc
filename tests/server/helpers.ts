import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Texts of the seed pair: English 001 (source) and Turkish 000. */
export const SEED_EN = readFileSync(fileURLToPath(new URL('../../seeds/001_ca6b3e2cd13aa704.txt', import.meta.url)), 'utf8')
export const SEED_TR = readFileSync(fileURLToPath(new URL('../../seeds/000_195cf53558b12275.txt', import.meta.url)), 'utf8')

/** Anything with Hono's `request` (the app). */
export interface Requester {
  request(path: string, init?: RequestInit): Response | Promise<Response>
}

/** Options of {@link call}. */
export interface CallOptions {
  body?: unknown
  key?: string
  headers?: Record<string, string>
}

/** A response with its parsed JSON body (or text). */
export interface Answer {
  status: number
  headers: Headers
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- test convenience
  text: string
}

/** Calls the app: JSON bodies are sent as JSON, strings and FormData as they are. */
export async function call(app: Requester, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.key) headers.authorization = `Bearer ${options.key}`
  let body: BodyInit | undefined
  if (options.body instanceof FormData || typeof options.body === 'string' || options.body instanceof Uint8Array) {
    body = options.body as BodyInit
  } else if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json'
    body = JSON.stringify(options.body)
  }
  const res = await app.request(path, { method, headers, body })
  const text = await res.text()
  let parsed: unknown = text
  try {
    parsed = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed, text }
}

/** `status code` of an error answer, for compact assertions: `400 invalid_language`. */
export const errorOf = (a: Answer) => `${a.status} ${a.body?.error?.code ?? '-'}`

/** Bead list in the compact notation: `0:0 1-2:1 3:-`, `*` after hand-set beads. */
export function renderBeads(beads: Array<{ src: number[]; tgt: number[]; manual?: boolean }>): string {
  return beads.map((b) => `${b.src.join('-') || '-'}:${b.tgt.join('-') || '-'}${b.manual ? '*' : ''}`).join(' ')
}
