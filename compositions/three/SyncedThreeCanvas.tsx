// A ThreeCanvas whose scene is re-rendered and drawn inside the frame's own React commit, not later by R3F's reconciler.
import React, { type ReactNode, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Freeze } from "remotion";
import { ThreeCanvas } from "@remotion/three";
import { flushSync, type RootState } from "@react-three/fiber";

interface Store<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

function createStore<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function FromStore<T>({ store, draw }: { store: Store<T>; draw: { current: (value: T) => ReactNode } }) {
  const value = useSyncExternalStore(store.subscribe, store.get);
  return <>{draw.current(value)}</>;
}

export interface SyncedThreeCanvasProps<T> {
  /** Everything the scene shows at this frame (e.g. SceneState). */
  value: T;
  /** The R3F scene for a value. */
  draw: (value: T) => ReactNode;
  width: number;
  height: number;
  gl: Record<string, unknown>;
}

/**
 * <ThreeCanvas> renders R3F's separate reconciler asynchronously and holds every frame with a
 * delayRender until that has happened, which costs the renderer an extra animation frame per
 * video frame (about 15 ms at 1080p here; npm run bench:render). This keeps ThreeCanvas for
 * creating the canvas and the R3F store, but freezes its own frame at 0 (so it never waits),
 * pushes each frame's value into the R3F tree with R3F's flushSync and draws with gl.render,
 * all inside the layout effect of the frame's commit: the canvas is complete when the DOM is.
 */
export function SyncedThreeCanvas<T>({ value, draw, width, height, gl }: SyncedThreeCanvasProps<T>): React.ReactElement {
  const [store] = useState(() => createStore(value));
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const r3f = useRef<RootState | null>(null);
  useLayoutEffect(() => {
    flushSync(() => store.set(value));
    const s = r3f.current;
    if (s) s.gl.render(s.scene, s.camera);
  }, [store, value]);
  // one element for the lifetime of the canvas: ThreeCanvas itself never re-renders
  return useMemo(
    () => (
      <Freeze frame={0}>
        <ThreeCanvas width={width} height={height} flat gl={gl} onCreated={(s) => (r3f.current = s)}>
          <FromStore store={store} draw={drawRef} />
        </ThreeCanvas>
      </Freeze>
    ),
    // gl options are fixed when the canvas is created
    [store, width, height],
  );
}
