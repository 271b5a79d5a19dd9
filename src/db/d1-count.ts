// Counts the D1 statements of one Worker invocation (D1 allows 1,000 per invocation on the paid
// plan, docs/cloudflare-limits.md): a wrapper of the binding that counts each executed statement,
// a batch as its statements. The Worker logs the count when the invocation's work ends.

export interface StatementCounter {
  readonly count: number;
}

type Prepared = Record<string, unknown> & { bind(...args: unknown[]): Prepared };
const INNER = Symbol("d1.inner");
const EXECUTE = new Set(["all", "run", "first", "raw"]);

/** The binding, counting; and the counter. Everything else passes through unchanged. */
export function countStatements<T extends object>(d1: T): { db: T; counter: StatementCounter } {
  const counter = { count: 0 };
  const wrap = (statement: Prepared): Prepared =>
    new Proxy(statement, {
      get(target, key) {
        if (key === INNER) return target;
        const value = Reflect.get(target, key) as unknown;
        if (typeof value !== "function") return value;
        if (key === "bind") return (...args: unknown[]) => wrap(target.bind(...args));
        if (typeof key === "string" && EXECUTE.has(key)) {
          return (...args: unknown[]) => {
            counter.count++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const db = new Proxy(d1, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (typeof value !== "function") return value;
      const fn = value as (...a: unknown[]) => unknown;
      if (key === "prepare") return (query: string) => wrap(fn.call(target, query) as Prepared);
      if (key === "batch") {
        return (statements: Prepared[]) => {
          counter.count += statements.length;
          return fn.call(target, statements.map((s) => ((s as Record<symbol, unknown>)[INNER] as Prepared | undefined) ?? s));
        };
      }
      if (key === "exec") {
        return (query: string) => {
          counter.count += query.split(";").filter((q) => q.trim()).length;
          return fn.call(target, query);
        };
      }
      return fn.bind(target);
    },
  });
  return { db, counter };
}
