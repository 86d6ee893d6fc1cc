import { isRtl } from '../../alignment/language.ts'
import { FINDING_KINDS, type DivergenceReport, type Finding, type FindingKind } from '../../alignment/types.ts'
import { languageName } from '../language-tag.ts'
import type { AnnotationRecord } from '../store/store.ts'
// The page's names of the kinds ("Name", not `name-mismatch`): one wording wherever people read.
import { KIND_INFO } from '../../client/lib/findings.ts'
import { exportPairs } from './pairs.ts'
import { escapeHtml as h } from './xml.ts'

/**
 * A report a journalist can send: one self-contained HTML file (no script, no external resource)
 * with a summary on top and the versions in parallel columns, findings highlighted. Every piece
 * of user text goes through `escapeHtml`, so a document full of markup shows as text; a policy in
 * the file itself forbids scripts too, for when it is opened from disk without the server's headers.
 */

/** What {@link toHtml} writes. */
export interface HtmlInput {
  title: string
  src: { label: string; lang: string }
  tgt: { label: string; lang: string }
  report: DivergenceReport
  annotations: AnnotationRecord[]
  created: Date
}

const KIND_COLOURS: Record<FindingKind, string> = {
  omission: '#f8c4c4',
  addition: '#c4e3f8',
  'partial-omission': '#fbd9c9',
  'partial-addition': '#d3ecf9',
  'annotation-marker': '#e9d5f7',
  'number-mismatch': '#fde68a',
  'name-mismatch': '#fcd34d',
  'quote-change': '#fbcfe8',
  boilerplate: '#e5e7eb',
  merge: '#d1fae5',
  split: '#d1fae5',
  reordering: '#ddd6fe',
  'low-confidence': '#f3f4f6',
  'word-change': '#fef3c7',
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:1.5rem;color:#111}
h1{font-size:1.5rem;margin:0 0 .25rem}
.meta{color:#555;margin:0 0 1rem}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1.5rem;padding:0;list-style:none}
.summary li{border:1px solid #ddd;border-radius:4px;padding:.25rem .5rem}
.summary b{font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border-top:1px solid #e5e5e5;padding:.5rem;vertical-align:top;text-align:start}
th{position:sticky;top:0;background:#fafafa}
td.n,th.n{width:3rem;color:#777;font-variant-numeric:tabular-nums}
td.empty{background:repeating-linear-gradient(45deg,#fff,#fff 6px,#f6f6f6 6px,#f6f6f6 12px)}
tr.manual td.n::after{content:" ✎";color:#999}
.s{margin:0 0 .25rem}
mark{border-radius:2px;padding:0 1px}
ul.notes{margin:.25rem 0 0;padding-inline-start:1.25rem;font-size:.9em;color:#333}
ul.notes li.ann{color:#114}
.tag{font-weight:600}
${FINDING_KINDS.map((k) => `.k-${k}{background:${KIND_COLOURS[k]}}`).join('\n')}
@media print{th{position:static}}
`

/** Marks findings inside one sentence; overlapping marks are clipped so text is never doubled. */
function sentenceHtml(text: string, findings: Finding[]): string {
  const marks = findings
    .filter((f) => f.sentenceEnd > f.sentenceStart)
    .sort((a, b) => a.sentenceStart - b.sentenceStart || b.sentenceEnd - a.sentenceEnd)
  let out = ''
  let at = 0
  for (const f of marks) {
    const start = Math.max(at, Math.min(f.sentenceStart, text.length))
    const end = Math.min(f.sentenceEnd, text.length)
    if (end <= start) continue
    out += h(text.slice(at, start))
    out += `<mark class="k-${h(f.kind)}" title="${h(kindLabel(f.kind) + ': ' + f.message)}">${h(text.slice(start, end))}</mark>`
    at = end
  }
  return out + h(text.slice(at))
}

const pct = (x: number) => `${Math.round(x * 100)}%`

/** The page's label of a kind of finding. */
const kindLabel = (kind: FindingKind) => KIND_INFO[kind]?.label ?? kind

/** Writes the HTML report of one alignment. */
export function toHtml(input: HtmlInput): string {
  const { report } = input
  const pairs = exportPairs(report, input.annotations)
  const side = (v: { lang: string }) => `lang="${h(v.lang)}" dir="${isRtl(v.lang.split('-')[0]) ? 'rtl' : 'ltr'}"`
  const counts = FINDING_KINDS.filter((k) => report.summary.counts[k] > 0)
  const rows: string[] = []
  report.beads.forEach((b, i) => {
    const cellFor = (which: 'src' | 'tgt') => {
      const idx = b[which]
      if (!idx.length) return `<td class="empty" ${side(input[which])}></td>`
      const html = idx
        .map((s) => {
          const sentence = report[which].sentences[s]
          const fs = b.findings.filter((f) => f.sentence === s && (f.side === which || (which === 'src' && f.side === 'both')))
          return `<p class="s">${sentenceHtml(sentence?.text ?? '', fs)}</p>`
        })
        .join('')
      return `<td ${side(input[which])}>${html}</td>`
    }
    const notes = [
      ...b.findings.map((f) => `<li><span class="tag k-${h(f.kind)}">${h(kindLabel(f.kind))}</span> ${h(f.message)}</li>`),
      ...pairs[i].annotations.map(
        (a) =>
          `<li class="ann"><span class="tag">${h([a.tag, ...a.tags].join(', '))}</span>${a.note ? ' ' + h(a.note) : ''}${a.author ? ' — ' + h(a.author) : ''}</li>`,
      ),
    ]
    rows.push(
      `<tr id="b${i}"${b.manual ? ' class="manual"' : ''}><td class="n">${i + 1}</td>${cellFor('src')}${cellFor('tgt')}</tr>`,
    )
    if (notes.length) rows.push(`<tr class="notes"><td></td><td colspan="2"><ul class="notes">${notes.join('')}</ul></td></tr>`)
  })
  const heading = (v: { label: string; lang: string }) => `${h(v.label)} <small>(${h(languageName(v.lang))})</small>`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Parallax">
<title>${h(input.title)} — Parallax report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${h(input.title)}</h1>
<p class="meta">${heading(input.src)} compared with ${heading(input.tgt)} · ${report.mode === 'translation' ? 'translation' : 'comparable texts'} · ${report.summary.beads} ${report.summary.beads === 1 ? 'row' : 'rows'} · generated ${h(input.created.toISOString().slice(0, 16).replace('T', ' '))} UTC</p>
<ul class="summary">
<li>coverage <b>${pct(report.summary.coverage.src)}</b> of the source, <b>${pct(report.summary.coverage.tgt)}</b> of the target</li>
${counts.map((k) => `<li><span class="k-${k}">${h(kindLabel(k))}</span> <b>${report.summary.counts[k]}</b></li>`).join('\n')}
<li>annotations <b>${input.annotations.length}</b></li>
</ul>
</header>
<table>
<thead><tr><th class="n">#</th><th ${side(input.src)}>${heading(input.src)}</th><th ${side(input.tgt)}>${heading(input.tgt)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`
}
