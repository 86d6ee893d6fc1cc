import type { DivergenceReport, DivergenceSummary } from '../../alignment/types.ts'
import type { Db, Queryable } from './db.ts'
import { migrate } from './migrate.ts'

/** One version (document) of a comparison; position 0 is the source. */
export interface Version {
  label: string
  lang: string
  text: string
}

/** A version as listed, without its text. */
export interface VersionMeta {
  label: string
  lang: string
  /** Length of the text in UTF-16 code units. */
  length: number
}

/** A comparison with its versions' texts. */
export interface ComparisonRecord {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  versions: Version[]
}

/** A comparison as listed. */
export interface ComparisonListItem {
  id: string
  title: string
  createdAt: string
  updatedAt: string
  versions: VersionMeta[]
  /** Summary of the first alignment (source against version 1). */
  summary: DivergenceSummary | null
  revision: number | null
  annotations: number
  /** Findings of every kind per alignment, version 1 first: what each pair view counts. */
  findings: number[]
}

/** A stored alignment: source against version `target`. */
export interface AlignmentRecord {
  comparisonId: string
  target: number
  revision: number
  report: DivergenceReport
  updatedAt: string
}

/** What a write key may do. */
export type Role = 'owner' | 'participant'

/** A stored key (never the secret, only its hash). */
export interface KeyRecord {
  id: string
  comparisonId: string
  role: Role
  label: string
  secretHash: string
  createdAt: string
  revokedAt: string | null
}

/** What an annotation is attached to. */
export type AnnotationTarget = { bead: number } | { side: 'src' | 'tgt'; start: number; end: number }

/** A stored annotation. */
export interface AnnotationRecord {
  id: string
  comparisonId: string
  /** The version the annotation belongs to (its alignment with the source). */
  version: number
  target: AnnotationTarget
  tag: string
  tags: string[]
  note: string
  author: string
  /** The key that wrote it (null once that key's row is gone). */
  keyId: string | null
  createdAt: string
  updatedAt: string
}

/** The sentences a bead held when it was annotated. */
export interface BeadAnchor {
  src: number[]
  tgt: number[]
}

/** A new annotation. */
export interface NewAnnotation {
  comparisonId: string
  version: number
  target: AnnotationTarget
  /** For bead targets: the bead's sentences, so the annotation follows them through corrections. */
  anchor?: BeadAnchor
  tag: string
  tags: string[]
  note: string
  author: string
  keyId: string | null
}

/** Filters of {@link Store.listAnnotations}. */
export interface AnnotationFilter {
  version?: number
  tag?: string
  author?: string
  bead?: number
  keyId?: string
}

/** A new comparison, written at once with its alignments and owner key. */
export interface NewComparison {
  id: string
  title: string
  versions: Version[]
  /** `reports[i]` aligns the source with version `i + 1`. */
  reports: DivergenceReport[]
  ownerKey: { id: string; secretHash: string; label?: string }
  /** Annotations it comes with (an import's notes), written with the owner key. */
  annotations?: Array<Omit<NewAnnotation, 'comparisonId' | 'keyId'> & { id: string }>
}

/** The result of a conditional alignment write. */
export type AlignmentWrite =
  | { ok: true; alignment: AlignmentRecord }
  | { ok: false; reason: 'conflict'; revision: number }
  | { ok: false; reason: 'missing' }

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString())

// jsonb columns come back parsed from both drivers; be tolerant of a driver handing back text.
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T))

interface AnnotationRow {
  id: string
  comparison_id: string
  target_version: number
  bead: number | null
  side: 'src' | 'tgt' | null
  span_start: number | null
  span_end: number | null
  tag: string
  tags: unknown
  note: string
  author: string
  key_id: string | null
  created_at: unknown
  updated_at: unknown
}

const ANNOTATION_COLUMNS =
  'id, comparison_id, target_version, bead, side, span_start, span_end, tag, tags, note, author, key_id, created_at, updated_at'

function toAnnotation(r: AnnotationRow): AnnotationRecord {
  const target: AnnotationTarget =
    r.bead !== null ? { bead: r.bead } : { side: r.side!, start: r.span_start!, end: r.span_end! }
  return {
    id: r.id,
    comparisonId: r.comparison_id,
    version: r.target_version,
    target,
    tag: r.tag,
    tags: json<string[]>(r.tags),
    note: r.note,
    author: r.author,
    keyId: r.key_id,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  }
}

interface KeyRow {
  id: string
  comparison_id: string
  role: Role
  label: string
  secret_hash: string
  created_at: unknown
  revoked_at: unknown
}

function toKey(r: KeyRow): KeyRecord {
  return {
    id: r.id,
    comparisonId: r.comparison_id,
    role: r.role,
    label: r.label,
    secretHash: r.secret_hash,
    createdAt: iso(r.created_at),
    revokedAt: r.revoked_at == null ? null : iso(r.revoked_at),
  }
}

/** The values of one `annotations` row, in the column order the inserts name. */
function annotationValues(
  id: string,
  comparisonId: string,
  a: Pick<NewAnnotation, 'version' | 'target' | 'anchor' | 'tag' | 'tags' | 'note' | 'author'>,
  keyId: string | null,
): unknown[] {
  return [
    id,
    comparisonId,
    a.version,
    ...targetColumns(a.target),
    a.anchor ? JSON.stringify(a.anchor) : null,
    a.tag,
    JSON.stringify(a.tags),
    a.note,
    a.author,
    keyId,
  ]
}

function targetColumns(target: AnnotationTarget): [number | null, string | null, number | null, number | null] {
  return 'bead' in target
    ? [target.bead, null, null, null]
    : [null, target.side, target.start, target.end]
}

/**
 * Every read and write of Parallax's data, on PGlite or PostgreSQL alike. Writes that belong
 * together run in one transaction, so a failure leaves nothing half written.
 *
 * @example
 * const store = new Store(await openDb({ dataDir: './data' }))
 * await store.migrate()
 */
export class Store {
  constructor(readonly db: Db) {}

  /** Brings the schema up to date; see {@link migrate}. */
  migrate(): Promise<string[]> {
    return migrate(this.db)
  }

  close(): Promise<void> {
    return this.db.close()
  }

  /** Answers whether the database is reachable. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1')
  }

  async countComparisons(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM comparisons')
    return row.n
  }

  /** Writes a comparison, its versions, its alignments and its owner key, all or nothing. */
  async createComparison(c: NewComparison): Promise<ComparisonRecord> {
    return this.db.transaction((tx) => insertComparison(tx, c))
  }

  /**
   * Writes the sample comparisons, once in the life of the database: the marker and the
   * comparisons are one transaction, so of several instances starting together exactly one
   * writes them, and a crash half way leaves nothing. False when they were written before.
   */
  async createSeedComparisons(list: NewComparison[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const won = await tx.query(
        "INSERT INTO app_state (key, value) VALUES ('seeded', $1) ON CONFLICT (key) DO NOTHING RETURNING key",
        [JSON.stringify(list.map((c) => c.id))],
      )
      if (!won.length) return false
      for (const c of list) await insertComparison(tx, c)
      return true
    })
  }

  /** Whether the sample comparisons were written already. */
  async isSeeded(): Promise<boolean> {
    return (await this.db.query("SELECT 1 FROM app_state WHERE key = 'seeded'")).length > 0
  }

  /** Lists comparisons, newest first unless `oldest` is set, without their texts. */
  async listComparisons(
    options: { limit?: number; offset?: number; oldest?: boolean } = {},
  ): Promise<{ items: ComparisonListItem[]; total: number }> {
    const rows = await this.db.query<{
      id: string
      title: string
      created_at: unknown
      updated_at: unknown
      versions: unknown
      summary: unknown
      revision: number | null
      annotations: number
      counts: unknown
    }>(
      `SELECT c.id, c.title, c.created_at, c.updated_at,
        (SELECT json_agg(json_build_object('label', v.label, 'lang', v.lang, 'length', v.body_length) ORDER BY v.position)
           FROM versions v WHERE v.comparison_id = c.id) AS versions,
        a.summary, a.revision,
        (SELECT count(*)::int FROM annotations n WHERE n.comparison_id = c.id) AS annotations,
        (SELECT json_agg(x.summary->'counts' ORDER BY x.target) FROM alignments x WHERE x.comparison_id = c.id) AS counts
       FROM comparisons c LEFT JOIN alignments a ON a.comparison_id = c.id AND a.target = 1
       ORDER BY c.seq ${options.oldest ? 'ASC' : 'DESC'}
       LIMIT $1 OFFSET $2`,
      [options.limit ?? 50, options.offset ?? 0],
    )
    return {
      total: await this.countComparisons(),
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
        versions: json<VersionMeta[]>(r.versions) ?? [],
        summary: r.summary == null ? null : json<DivergenceSummary>(r.summary),
        revision: r.revision,
        annotations: r.annotations,
        findings: (json<Array<Record<string, number> | null>>(r.counts) ?? []).map((counts) =>
          Object.values(counts ?? {}).reduce((sum, n) => sum + (Number(n) || 0), 0),
        ),
      })),
    }
  }

  /** Reads a comparison with its versions' texts; null when there is none with that id. */
  async getComparison(id: string): Promise<ComparisonRecord | null> {
    const [c] = await this.db.query<{ id: string; title: string; created_at: unknown; updated_at: unknown }>(
      'SELECT id, title, created_at, updated_at FROM comparisons WHERE id = $1',
      [id],
    )
    if (!c) return null
    const rows = await this.db.query<Version & { length: number }>(
      'SELECT label, lang, body AS text, body_length AS length FROM versions WHERE comparison_id = $1 ORDER BY position',
      [id],
    )
    const versions = rows.map(({ label, lang, text, length }) => ({ label, lang, text: checkedText(text, length) }))
    return { id: c.id, title: c.title, createdAt: iso(c.created_at), updatedAt: iso(c.updated_at), versions }
  }

  /** Reads a comparison with its versions' labels, languages and lengths, not their texts. */
  async getComparisonMeta(id: string): Promise<(Omit<ComparisonRecord, 'versions'> & { versions: VersionMeta[] }) | null> {
    const [c] = await this.db.query<{ id: string; title: string; created_at: unknown; updated_at: unknown }>(
      'SELECT id, title, created_at, updated_at FROM comparisons WHERE id = $1',
      [id],
    )
    if (!c) return null
    const versions = (await this.getVersionMeta(id)) ?? []
    return { id: c.id, title: c.title, createdAt: iso(c.created_at), updatedAt: iso(c.updated_at), versions }
  }

  /** Reads the versions' labels, languages and lengths (not their texts); null for an unknown id. */
  async getVersionMeta(id: string): Promise<VersionMeta[] | null> {
    const rows = await this.db.query<VersionMeta>(
      'SELECT label, lang, body_length AS length FROM versions WHERE comparison_id = $1 ORDER BY position',
      [id],
    )
    return rows.length ? rows : null
  }

  /** Reads the title and a summary of every alignment of a comparison. */
  async getAlignmentSummaries(
    id: string,
  ): Promise<Array<{ target: number; revision: number; summary: DivergenceSummary; updatedAt: string }>> {
    const rows = await this.db.query<{ target: number; revision: number; summary: unknown; updated_at: unknown }>(
      'SELECT target, revision, summary, updated_at FROM alignments WHERE comparison_id = $1 ORDER BY target',
      [id],
    )
    return rows.map((r) => ({
      target: r.target,
      revision: r.revision,
      summary: json<DivergenceSummary>(r.summary),
      updatedAt: iso(r.updated_at),
    }))
  }

  /** Deletes a comparison and everything that belongs to it; false when there was none. */
  async deleteComparison(id: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM comparisons WHERE id = $1 RETURNING id', [id])
    return rows.length > 0
  }

  /** Reads the stored alignment of the source with version `target`. */
  async getAlignment(id: string, target = 1): Promise<AlignmentRecord | null> {
    const [r] = await this.db.query<{ revision: number; report: unknown; updated_at: unknown }>(
      'SELECT revision, report, updated_at FROM alignments WHERE comparison_id = $1 AND target = $2',
      [id, target],
    )
    if (!r) return null
    return {
      comparisonId: id,
      target,
      revision: r.revision,
      report: json<DivergenceReport>(r.report),
      updatedAt: iso(r.updated_at),
    }
  }

  /** Reads every alignment of a comparison, in version order (empty for an unknown id). */
  async getAlignments(id: string): Promise<AlignmentRecord[]> {
    const rows = await this.db.query<{ target: number; revision: number; report: unknown; updated_at: unknown }>(
      'SELECT target, revision, report, updated_at FROM alignments WHERE comparison_id = $1 ORDER BY target',
      [id],
    )
    return rows.map((r) => ({
      comparisonId: id,
      target: r.target,
      revision: r.revision,
      report: json<DivergenceReport>(r.report),
      updatedAt: iso(r.updated_at),
    }))
  }

  /**
   * Reads a stored alignment as the JSON text of its report, without parsing it: reads are the
   * common case, and a large report costs more to parse and re-serialise than to fetch.
   */
  async getAlignmentText(
    id: string,
    target = 1,
  ): Promise<{ revision: number; updatedAt: string; reportJson: string } | null> {
    const [r] = await this.db.query<{ revision: number; report: string; updated_at: unknown }>(
      'SELECT revision, report::text AS report, updated_at FROM alignments WHERE comparison_id = $1 AND target = $2',
      [id, target],
    )
    return r ? { revision: r.revision, updatedAt: iso(r.updated_at), reportJson: r.report } : null
  }

  /** The revision of an alignment, or null when there is none. */
  async getAlignmentRevision(id: string, target = 1): Promise<number | null> {
    const [r] = await this.db.query<{ revision: number }>(
      'SELECT revision FROM alignments WHERE comparison_id = $1 AND target = $2',
      [id, target],
    )
    return r ? r.revision : null
  }

  /** Every alignment of a comparison as JSON text, in version order (see {@link getAlignmentText}). */
  async getAlignmentTexts(id: string): Promise<Array<{ target: number; revision: number; updatedAt: string; reportJson: string }>> {
    const rows = await this.db.query<{ target: number; revision: number; report: string; updated_at: unknown }>(
      'SELECT target, revision, report::text AS report, updated_at FROM alignments WHERE comparison_id = $1 ORDER BY target',
      [id],
    )
    return rows.map((r) => ({ target: r.target, revision: r.revision, updatedAt: iso(r.updated_at), reportJson: r.report }))
  }

  /** A kept compressed answer of a comparison (see `answer-cache.ts`), if one is kept for this ETag. */
  async getStoredAnswer(id: string, name: string, etag: string): Promise<{ gzip: Uint8Array; length: number } | null> {
    const [r] = await this.db.query<{ gzip: Uint8Array; json_length: number }>(
      'SELECT gzip, json_length FROM stored_answers WHERE comparison_id = $1 AND name = $2 AND etag = $3',
      [id, name, etag],
    )
    return r ? { gzip: r.gzip, length: r.json_length } : null
  }

  /**
   * Keeps a compressed answer, replacing the one of an older ETag. Does nothing when the
   * comparison is gone (deleted while its answer was being built).
   */
  async putStoredAnswer(id: string, name: string, etag: string, gzip: Uint8Array, length: number): Promise<void> {
    await this.db.query(
      `INSERT INTO stored_answers (comparison_id, name, etag, gzip, json_length)
       SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM comparisons WHERE id = $1)
       ON CONFLICT (comparison_id, name) DO UPDATE SET etag = excluded.etag, gzip = excluded.gzip,
         json_length = excluded.json_length, created_at = now()`,
      [id, name, etag, gzip, length],
    )
  }

  /**
   * Replaces an alignment if it is still at `expectedRevision`, and moves the bead annotations
   * of that alignment to the beads that now hold their sentences, in the same transaction.
   * The revision check and the write are one statement, so of two writers that read the same
   * revision exactly one succeeds.
   */
  async updateAlignment(
    id: string,
    target: number,
    expectedRevision: number,
    report: DivergenceReport,
  ): Promise<AlignmentWrite> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ revision: number; updated_at: unknown }>(
        `UPDATE alignments SET report = $1, summary = $2, revision = revision + 1, updated_at = now()
         WHERE comparison_id = $3 AND target = $4 AND revision = $5
         RETURNING revision, updated_at`,
        [JSON.stringify(report), JSON.stringify(report.summary), id, target, expectedRevision],
      )
      if (!row) {
        const [current] = await tx.query<{ revision: number }>(
          'SELECT revision FROM alignments WHERE comparison_id = $1 AND target = $2',
          [id, target],
        )
        return current ? { ok: false, reason: 'conflict', revision: current.revision } : { ok: false, reason: 'missing' }
      }
      await remapBeadAnnotations(tx, id, target, report)
      await tx.query('UPDATE comparisons SET updated_at = now() WHERE id = $1', [id])
      return {
        ok: true,
        alignment: { comparisonId: id, target, revision: row.revision, report, updatedAt: iso(row.updated_at) },
      }
    })
  }

  /**
   * Reads one bead's sentences and the number of beads of an alignment without shipping the
   * whole report; null when there is no such alignment, `anchor` undefined past the last bead.
   */
  async getBead(id: string, target: number, bead: number): Promise<{ count: number; anchor?: BeadAnchor } | null> {
    const [r] = await this.db.query<{ count: number; src: unknown; tgt: unknown }>(
      `SELECT jsonb_array_length(report->'beads') AS count, report->'beads'->$3::int->'src' AS src,
              report->'beads'->$3::int->'tgt' AS tgt
       FROM alignments WHERE comparison_id = $1 AND target = $2`,
      [id, target, bead],
    )
    if (!r) return null
    if (r.src == null) return { count: r.count }
    return { count: r.count, anchor: { src: json<number[]>(r.src), tgt: json<number[]>(r.tgt) } }
  }

  async createAnnotation(id: string, a: NewAnnotation): Promise<AnnotationRecord> {
    const [r] = await this.db.query<AnnotationRow>(
      `INSERT INTO annotations (id, comparison_id, target_version, bead, side, span_start, span_end, anchor, tag, tags, note, author, key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       RETURNING ${ANNOTATION_COLUMNS}`,
      annotationValues(id, a.comparisonId, a, a.keyId),
    )
    return toAnnotation(r)
  }

  async getAnnotation(id: string): Promise<AnnotationRecord | null> {
    const [r] = await this.db.query<AnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM annotations WHERE id = $1`, [id])
    return r ? toAnnotation(r) : null
  }

  /** Lists a comparison's annotations in the order they were written. */
  async listAnnotations(comparisonId: string, filter: AnnotationFilter = {}): Promise<AnnotationRecord[]> {
    const where = ['comparison_id = $1']
    const params: unknown[] = [comparisonId]
    const add = (sql: string, value: unknown) => {
      params.push(value)
      where.push(sql.replaceAll('?', `$${params.length}`))
    }
    if (filter.version !== undefined) add('target_version = ?', filter.version)
    if (filter.tag !== undefined) add('(tag = ? OR tags @> jsonb_build_array(?::text))', filter.tag)
    if (filter.author !== undefined) add('author = ?', filter.author)
    if (filter.bead !== undefined) add('bead = ?', filter.bead)
    if (filter.keyId !== undefined) add('key_id = ?', filter.keyId)
    const rows = await this.db.query<AnnotationRow>(
      `SELECT ${ANNOTATION_COLUMNS} FROM annotations WHERE ${where.join(' AND ')} ORDER BY seq`,
      params,
    )
    return rows.map(toAnnotation)
  }

  /** Changes the given fields of an annotation; null when it does not exist. */
  async updateAnnotation(
    id: string,
    patch: Partial<Pick<NewAnnotation, 'target' | 'anchor' | 'tag' | 'tags' | 'note' | 'author'>>,
  ): Promise<AnnotationRecord | null> {
    const sets: string[] = []
    const params: unknown[] = []
    const set = (column: string, value: unknown) => {
      params.push(value)
      sets.push(`${column} = $${params.length}`)
    }
    if (patch.target) {
      const [bead, side, start, end] = targetColumns(patch.target)
      set('bead', bead)
      set('side', side)
      set('span_start', start)
      set('span_end', end)
      set('anchor', patch.anchor ? JSON.stringify(patch.anchor) : null)
    }
    if (patch.tag !== undefined) set('tag', patch.tag)
    if (patch.tags !== undefined) set('tags', JSON.stringify(patch.tags))
    if (patch.note !== undefined) set('note', patch.note)
    if (patch.author !== undefined) set('author', patch.author)
    params.push(id)
    const [r] = await this.db.query<AnnotationRow>(
      `UPDATE annotations SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $${params.length}
       RETURNING ${ANNOTATION_COLUMNS}`,
      params,
    )
    return r ? toAnnotation(r) : null
  }

  async deleteAnnotation(id: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM annotations WHERE id = $1 RETURNING id', [id])
    return rows.length > 0
  }

  async createKey(k: { id: string; comparisonId: string; role: Role; label: string; secretHash: string }): Promise<KeyRecord> {
    const [r] = await this.db.query<KeyRow>(
      `INSERT INTO access_keys (id, comparison_id, role, label, secret_hash) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, comparison_id, role, label, secret_hash, created_at, revoked_at`,
      [k.id, k.comparisonId, k.role, k.label, k.secretHash],
    )
    return toKey(r)
  }

  async getKey(id: string): Promise<KeyRecord | null> {
    const [r] = await this.db.query<KeyRow>(
      'SELECT id, comparison_id, role, label, secret_hash, created_at, revoked_at FROM access_keys WHERE id = $1',
      [id],
    )
    return r ? toKey(r) : null
  }

  async listKeys(comparisonId: string): Promise<KeyRecord[]> {
    const rows = await this.db.query<KeyRow>(
      `SELECT id, comparison_id, role, label, secret_hash, created_at, revoked_at FROM access_keys
       WHERE comparison_id = $1 ORDER BY created_at, id`,
      [comparisonId],
    )
    return rows.map(toKey)
  }

  /** Marks a key revoked (idempotent); null when the comparison has no such key. */
  async revokeKey(comparisonId: string, keyId: string): Promise<KeyRecord | null> {
    const [r] = await this.db.query<KeyRow>(
      `UPDATE access_keys SET revoked_at = coalesce(revoked_at, now()) WHERE comparison_id = $1 AND id = $2
       RETURNING id, comparison_id, role, label, secret_hash, created_at, revoked_at`,
      [comparisonId, keyId],
    )
    return r ? toKey(r) : null
  }
}

/**
 * A version's text as read back, checked against the length it was written with: the offsets of
 * its alignments count from that text. PGlite decodes text with a TextDecoder that drops a
 * leading U+FEFF, so a text stored with a BOM (before creates stripped it) comes back one unit
 * short and every offset one too far: the BOM is put back.
 */
function checkedText(text: string, length: number): string {
  return text.length === length - 1 && text.charCodeAt(0) !== 0xfeff ? '\uFEFF' + text : text
}

/** Annotations written by one statement when a comparison comes with many (13 parameters each). */
const ANNOTATION_BATCH = 500

async function insertComparison(tx: Queryable, c: NewComparison): Promise<ComparisonRecord> {
  const [row] = await tx.query<{ created_at: unknown; updated_at: unknown }>(
    'INSERT INTO comparisons (id, title) VALUES ($1, $2) RETURNING created_at, updated_at',
    [c.id, c.title],
  )
  for (const [i, v] of c.versions.entries()) {
    await tx.query(
      'INSERT INTO versions (comparison_id, position, label, lang, body, body_length) VALUES ($1, $2, $3, $4, $5, $6)',
      [c.id, i, v.label, v.lang, v.text, v.text.length],
    )
  }
  for (const [i, report] of c.reports.entries()) {
    await tx.query('INSERT INTO alignments (comparison_id, target, report, summary) VALUES ($1, $2, $3, $4)', [
      c.id,
      i + 1,
      JSON.stringify(report),
      JSON.stringify(report.summary),
    ])
  }
  await tx.query(
    "INSERT INTO access_keys (id, comparison_id, role, label, secret_hash) VALUES ($1, $2, 'owner', $3, $4)",
    [c.ownerKey.id, c.id, c.ownerKey.label ?? 'owner', c.ownerKey.secretHash],
  )
  // Many rows a statement: an import may bring thousands of notes.
  const annotations = c.annotations ?? []
  for (let i = 0; i < annotations.length; i += ANNOTATION_BATCH) {
    const batch = annotations.slice(i, i + ANNOTATION_BATCH)
    const params: unknown[] = []
    const rows = batch.map((a) => {
      const values = annotationValues(a.id, c.id, a, c.ownerKey.id)
      const first = params.length
      params.push(...values)
      return `(${values.map((_, k) => `$${first + k + 1}`).join(', ')})`
    })
    await tx.query(
      `INSERT INTO annotations (id, comparison_id, target_version, bead, side, span_start, span_end, anchor, tag, tags, note, author, key_id)
       VALUES ${rows.join(', ')}`,
      params,
    )
  }
  return { id: c.id, title: c.title, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at), versions: c.versions }
}

/**
 * After a correction, points every bead annotation of the alignment at the bead that now holds
 * the first sentence it was anchored to (source side first), so notes stay with their text.
 */
async function remapBeadAnnotations(tx: Queryable, id: string, target: number, report: DivergenceReport) {
  const rows = await tx.query<{ id: string; bead: number; anchor: unknown }>(
    'SELECT id, bead, anchor FROM annotations WHERE comparison_id = $1 AND target_version = $2 AND bead IS NOT NULL',
    [id, target],
  )
  if (!rows.length) return
  const srcBead = new Map<number, number>()
  const tgtBead = new Map<number, number>()
  report.beads.forEach((b, i) => {
    for (const s of b.src) srcBead.set(s, i)
    for (const t of b.tgt) tgtBead.set(t, i)
  })
  for (const r of rows) {
    const anchor = r.anchor == null ? null : json<BeadAnchor>(r.anchor)
    if (!anchor) continue
    const next = anchor.src.length ? srcBead.get(anchor.src[0]) : tgtBead.get(anchor.tgt[0])
    if (next !== undefined && next !== r.bead) {
      await tx.query('UPDATE annotations SET bead = $1 WHERE id = $2', [next, r.id])
    }
  }
}
