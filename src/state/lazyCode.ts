/**
 * A slice's actions whose code loads on first use (the org's, a set's, the checks'…): made once, when their
 * module is here. One helper for every slice, so the first screen carries the pattern once.
 */
export interface LazyCode<A> {
  /** The actions, loading them first if need be; a failed load is tried again by the next call. */
  real: () => Promise<A>;
  /** The actions if they are already here. */
  now: () => A | undefined;
  /** The load under way, or done; undefined before the first call and after a failed load. */
  pending: () => Promise<A> | undefined;
  /** An action run now if the code is here, else once it is if it is loading (nothing if it is not). */
  later: (f: (a: A) => void) => void;
  /** An action that waits for the code, then runs with the same arguments: `async (...a) => (await real()).k(...a)`. */
  call: <K extends keyof A>(k: K) => A[K];
}

export function lazyCode<A>(load: () => Promise<A>): LazyCode<A> {
  let code: A | undefined;
  let loading: Promise<A> | undefined;
  const real = () =>
    (loading ??= load().then(
      (a) => (code = a),
      (e: unknown) => {
        loading = undefined; // tried again by the next action
        throw e;
      },
    ));
  return {
    real,
    now: () => code,
    pending: () => loading,
    later: (f) => (code ? f(code) : void loading?.then(f, () => undefined)),
    call: (k) => (async (...a: unknown[]) => ((await real())[k] as (...x: unknown[]) => unknown)(...a)) as never,
  };
}
