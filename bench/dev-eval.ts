/**
 * Scores the aligner on Text+Berg dev (or other bench folders) with optional tuning overrides.
 * Usage: node --import tsx bench/dev-eval.ts [--bench DIR] [--set dev|test] [--json '{"cost":{...}}']
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { align, ALIGN_DEFAULTS } from '../alignment/align.ts'
import { parseBeads } from '../alignment/bead-format.ts'
import { countAlignment, addCounts, scoreCounts, ZERO_COUNTS } from '../alignment/evaluate.ts'

const { values } = parseArgs({ options: { bench: { type: 'string', default: '../shared/bench' }, set: { type: 'string', default: 'dev' }, json: { type: 'string' } } })
const override = values.json ? JSON.parse(values.json) : {}
const tuning = { ...ALIGN_DEFAULTS, ...override, cost: { ...ALIGN_DEFAULTS.cost, ...(override.cost ?? {}), prior: { ...ALIGN_DEFAULTS.cost.prior, ...(override.cost?.prior ?? {}) } } }
const docs = values.set === 'dev' ? ['dev'] : values.set === 'test' ? [0, 1, 2, 3, 4, 5, 6].map((k) => 'test' + k) : [values.set!]
const lines = (p: string) => readFileSync(p, 'utf8').replace(/\n$/, '').split('\n')
let counts = ZERO_COUNTS
for (const d of docs) {
  const dir = join(values.bench!, 'textberg', d)
  const beads = align(lines(join(dir, 'src.de')), lines(join(dir, 'tgt.fr')), {}, tuning)
  counts = addCounts(counts, countAlignment(parseBeads(readFileSync(join(dir, 'gold.defr'), 'utf8')), beads))
}
const s = scoreCounts(counts)
console.log(`strict P ${s.precisionStrict.toFixed(3)} R ${s.recallStrict.toFixed(3)} F1 ${s.f1Strict.toFixed(3)}  lax F1 ${s.f1Lax.toFixed(3)}`)
