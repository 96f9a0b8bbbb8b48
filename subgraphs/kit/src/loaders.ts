import DataLoader from 'dataloader';

/** Per-request loader cache: one DataLoader per definition per request, so each request batches and caches alone. */
export class LoaderCache {
  private readonly loaders = new Map<symbol, DataLoader<unknown, unknown>>();
  get<K, V>(id: symbol, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = make() as DataLoader<unknown, unknown>;
      this.loaders.set(id, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/**
 * Defines a loader once at module level; call the result with a request's context to get that
 * request's DataLoader. The batch function gets every key asked for in one tick and runs one query.
 */
export function defineLoader<Ctx extends { loaders: LoaderCache }, K, V>(
  batch: (ctx: Ctx, keys: readonly K[]) => Promise<readonly (V | null)[]>,
  options: DataLoader.Options<K, V | null, string> = {},
): (ctx: Ctx) => DataLoader<K, V | null, string> {
  const id = Symbol('loader');
  return (ctx) =>
    ctx.loaders.get(
      id,
      () => new DataLoader<K, V | null, string>((keys) => batch(ctx, keys), { cacheKeyFn: (k) => (typeof k === 'string' ? k : JSON.stringify(k)), ...options }),
    );
}

/** Orders rows to match keys, with null for each missing key: what a DataLoader batch must return. */
export function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows per key: for one-to-many loaders. */
export function groupByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
