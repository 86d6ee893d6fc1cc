/**
 * Read-stall benchmark (issue 10, item 1): does one client's large reads stall everyone else?
 *
 * Starts the real server (`server/main.ts`, PGlite in a temporary folder), creates one
 * comparison of 50,000 short sentences a side (a body of about 1 MB), then sends 60 concurrent
 * GETs of its alignment and its shared rows (half each) while a probe asks `/api/health` every
 * 50 ms. Prints the health latency (p50, p99, max) during the reads, how long the reads took, the
 * server's peak RSS (VmHWM from /proc, reset before each round) and the answer sizes.
 *
 * Rounds: cold (first reads after the create), warm with `Accept-Encoding: gzip` (what browsers
 * send), warm without `Accept-Encoding` (a client that takes the answer as it is).
 *
 *   node --import tsx bench/read-stall-bench.ts [--sentences 50000] [--readers 60] [--root DIR]
 *
 * `--root` runs the server of another checkout (say, `git archive` of an older commit with
 * node_modules linked in) to compare before and after on the same machine.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { arg, freePort } from './server-bench.ts'

const ROOT = resolve(arg('root', fileURLToPath(new URL('../', import.meta.url))))
const SENTENCES = Number(arg('sentences', '50000'))
const READERS = Number(arg('readers', '60'))

const MiB = 1024 * 1024
const fmtMiB = (n: number) => `${(n / MiB).toFixed(1)} MiB`

/** `/proc/PID/status` field in bytes (VmRSS, VmHWM), or NaN off Linux. */
function procBytes(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : NaN
  } catch {
    return NaN
  }
}

/** Resets the peak RSS of a process of ours (Linux: writing 5 to clear_refs). */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** One GET over a fresh connection; resolves with status, bytes on the wire and milliseconds. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; ms: number; encoding: string }> {
  const t0 = performance.now()
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { connection: 'close', ...headers } }, (res) => {
      let bytes = 0
      res.on('data', (d: Buffer) => (bytes += d.length))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - t0, encoding: String(res.headers['content-encoding'] ?? 'identity') }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** POSTs JSON over node:http, which, unlike fetch, sets no timeout on the answer. */
function postJson(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Two texts of `n` short sentences: numbered, so the aligner has evidence, about 10 bytes each. */
function texts(n: number): { en: string; tr: string } {
  const en: string[] = []
  const tr: string[] = []
  for (let i = 0; i < n; i++) {
    en.push(`Go ${i}.`)
    tr.push(`Git ${i}.`)
    if (i % 20 === 19) {
      en.push('\n\n')
      tr.push('\n\n')
    }
  }
  return { en: en.join(' '), tr: tr.join(' ') }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN
}

async function main() {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'parallax-read-stall-'))
  const base = `http://127.0.0.1:${port}`
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PARALLAX_DATA_DIR: dataDir, DATABASE_URL: '', PARALLAX_WRITES_PER_MINUTE: '0', PARALLAX_ANALYSIS_TIMEOUT_S: '900' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (d) => (out += d))
  proc.stderr!.on('data', (d) => (out += d))
  const stop = () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.on('exit', stop)
  try {
    await new Promise<void>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no start in 120 s:\n${out}`)), 120_000)
      proc.stdout!.on('data', () => /serving on http/.test(out) && (clearTimeout(timer), ok()))
      proc.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${out}`)))
    })
    const pid = proc.pid!
    console.log(`server ${ROOT} (pid ${pid}), ${SENTENCES.toLocaleString('en')} sentences a side, ${READERS} concurrent readers`)

    const { en, tr } = texts(SENTENCES)
    const body = JSON.stringify({ title: 'read stall', versions: [{ lang: 'en', text: en }, { lang: 'tr', text: tr }] })
    let t0 = performance.now()
    // The create may take minutes on a busy machine: no client-side timeout.
    const created = await postJson(`${base}/api/comparisons`, body)
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${created.text}`)
    const { id } = JSON.parse(created.text) as { id: string }
    console.log(`create: ${fmtMiB(Buffer.byteLength(body))} body, ${((performance.now() - t0) / 1000).toFixed(1)} s; RSS after ${fmtMiB(procBytes(pid, 'VmRSS'))}`)

    const round = async (name: string, headers: Record<string, string>) => {
      const peakReset = resetPeak(pid)
      let peakSampled = procBytes(pid, 'VmRSS')
      const health: number[] = []
      let reading = true
      const probe = (async () => {
        while (reading) {
          const r = await get(`${base}/api/health`)
          health.push(r.ms)
          peakSampled = Math.max(peakSampled, procBytes(pid, 'VmRSS'))
          await new Promise((r) => setTimeout(r, 50))
        }
      })()
      t0 = performance.now()
      const reads = await Promise.all(
        Array.from({ length: READERS }, (_, i) => get(`${base}/api/comparisons/${id}/${i % 2 ? 'rows' : 'alignment'}`, headers)),
      )
      const seconds = (performance.now() - t0) / 1000
      reading = false
      await probe
      const peak = peakReset ? procBytes(pid, 'VmHWM') : peakSampled
      const failed = reads.filter((r) => r.status !== 200).length
      console.log(
        `${name.padEnd(22)} reads ${seconds.toFixed(1).padStart(5)} s${failed ? ` (${failed} not 200)` : ''}; ` +
          `health p50 ${pct(health, 50).toFixed(0)} ms, p99 ${pct(health, 99).toFixed(0)} ms, max ${Math.max(...health).toFixed(0)} ms (${health.length} probes); ` +
          `peak RSS ${fmtMiB(peak)}`,
      )
    }
    await round('cold, gzip', { 'accept-encoding': 'gzip, deflate, br' })
    await round('warm, gzip', { 'accept-encoding': 'gzip, deflate, br' })
    await round('warm, no encoding', {})

    for (const path of ['alignment', 'rows']) {
      const plain = await get(`${base}/api/comparisons/${id}/${path}`)
      const gz = await get(`${base}/api/comparisons/${id}/${path}`, { 'accept-encoding': 'gzip' })
      console.log(`${path.padEnd(9)} answer: ${fmtMiB(plain.bytes)} as JSON, ${fmtMiB(gz.bytes)} ${gz.encoding}`)
    }
    console.log(`RSS at the end ${fmtMiB(procBytes(pid, 'VmRSS'))}`)
  } finally {
    stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
