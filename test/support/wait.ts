import type { ChildProcess } from 'node:child_process';

/**
 * Polls `probe` every `intervalMs` until it returns true; rejects after `timeoutMs` with a message naming
 * what it waited for and, from `last`, what it saw instead. Give the test a mocha timeout above `timeoutMs`.
 */
export function pollUntil(what: string, probe: () => boolean, timeoutMs: number, last: () => unknown = () => undefined, intervalMs = 5): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = () => {
      if (probe()) return resolve();
      if (performance.now() - started > timeoutMs) return reject(new Error(`waited ${timeoutMs} ms for ${what}; last seen: ${JSON.stringify(last())}`));
      setTimeout(tick, intervalMs);
    };
    tick();
  });
}

/** Resolves with a child's exit; kills it and rejects when it has not exited within `timeoutMs`. */
export function exitOf(child: ChildProcess, what: string, timeoutMs: number): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve([code, signal]);
    });
  });
}
