// What every operation of the OpenAPI document needs beyond its description, filled in after the paths are put
// together so that no route (including ones added later by other modules) goes without: an `operationId` that
// generated clients use as the function name, and a `security` declaration (empty for public reads: the read API
// needs no login, which Redocly's `security-defined` rule wants said, not implied).

type JsonObject = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'] as const;
const VERB: Record<string, string> = {
  get: 'get',
  post: 'create',
  patch: 'update',
  put: 'replace',
  delete: 'delete',
};

const pascal = (word: string): string =>
  word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * A name from the method and the path: `get /api/v1/datasets/{id}/versions` → `getDatasetVersions`… kept short
 * and readable: the `/api/v1` prefix goes, static segments are joined in PascalCase and a trailing parameter adds
 * `ById` (`getAgreementsById` next to `getAgreements`-style lists).
 */
export function operationName(method: string, path: string): string {
  const segments = path
    .replace(/^\/api\/v1/, '')
    .split('/')
    .filter(Boolean);
  const words = segments.filter((s) => !s.startsWith('{')).map(pascal);
  const byId = segments.length > 0 && segments.at(-1)!.startsWith('{') ? 'ById' : '';
  return `${VERB[method] ?? method}${words.join('')}${byId}`;
}

/** Adds `operationId` and `security: []` where an operation has none; throws on a repeated operationId. */
export function completeOperations(paths: Record<string, JsonObject>): Record<string, JsonObject> {
  const seen = new Map<string, string>();
  const out: Record<string, JsonObject> = {};
  for (const [path, item] of Object.entries(paths)) {
    const next: JsonObject = { ...item };
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (op === undefined) continue;
      const operationId = (op.operationId as string | undefined) ?? operationName(method, path);
      const where = `${method} ${path}`;
      const taken = seen.get(operationId);
      if (taken !== undefined) throw new Error(`operationId ${operationId} is used by ${taken} and ${where}`);
      seen.set(operationId, where);
      next[method] = { operationId, ...op, security: op.security ?? [] };
    }
    out[path] = next;
  }
  return out;
}
