/**
 * The page's addresses: `/` for the list of comparisons, `/c/ID` for one comparison. Anything
 * else falls back to the list, so a mistyped address still shows something useful.
 */
export type Route = { name: 'list' } | { name: 'comparison'; id: string }

/** Reads a route from a path (`location.pathname`). */
export function parseRoute(path: string): Route {
  const m = /^\/c\/([^/]+)\/?$/.exec(path)
  if (m) {
    try {
      const id = decodeURIComponent(m[1])
      if (id) return { name: 'comparison', id }
    } catch {
      // Malformed percent-encoding: treat as unknown.
    }
  }
  return { name: 'list' }
}

/** The path of a route. */
export function routePath(route: Route): string {
  return route.name === 'list' ? '/' : `/c/${encodeURIComponent(route.id)}`
}
