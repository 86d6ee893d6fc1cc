/**
 * The page's addresses: `/` for the list of comparisons, `/c/ID` for one comparison, and
 * `/c/ID?v=N` for the alignment of its source with version N (1, the second version, when
 * absent). Anything else falls back to the list, so a mistyped address still shows something.
 */
export type Route = { name: 'list' } | { name: 'comparison'; id: string; version?: number }

/** Reads a route from a path and query (`location.pathname`, `location.search`). */
export function parseRoute(path: string, search = ''): Route {
  const m = /^\/c\/([^/]+)\/?$/.exec(path)
  if (m) {
    try {
      const id = decodeURIComponent(m[1])
      const v = Number(new URLSearchParams(search).get('v'))
      if (id) return Number.isInteger(v) && v > 1 ? { name: 'comparison', id, version: v } : { name: 'comparison', id }
    } catch {
      // Malformed percent-encoding: treat as unknown.
    }
  }
  return { name: 'list' }
}

/** The path (and query) of a route. */
export function routePath(route: Route): string {
  if (route.name === 'list') return '/'
  const base = `/c/${encodeURIComponent(route.id)}`
  return route.version && route.version > 1 ? `${base}?v=${route.version}` : base
}
