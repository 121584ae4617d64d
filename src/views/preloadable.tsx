import type { ComponentType } from 'react';

/**
 * Like React.lazy, but once the code is loaded the component renders at once. React.lazy suspends on
 * each wrapper's first render even when the module is already in memory, and React throttles revealing
 * suspended content (~300 ms): two nested lazies made opening a comparison ~600 ms slower, all of it
 * idle. `preload()` starts the download early (when a flow or a comparison starts loading), so by the
 * time the layout is done the component is there and nothing suspends.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
      },
      (e: unknown) => {
        pending = undefined; // a failed chunk load can be retried on the next render
        throw e;
      },
    );
    return pending;
  };
  // biome-ignore lint/correctness/noComponentHookFactories: made once per lazy part at module scope, like React.lazy
  function Preloadable(props: P) {
    if (loaded) {
      const Loaded = loaded;
      return <Loaded {...props} />;
    }
    // The Suspense protocol: the nearest <Suspense> shows its fallback until the code is here.
    throw preload();
  }
  /** Starts loading, ignoring failure (a render retries and shows it): for hover and focus hints. */
  const warm = () => void preload().catch(() => undefined);
  return Object.assign(Preloadable, { preload, warm });
}
