/**
 * Worker entry of the parse pool. From source it runs as this .ts file (tsx's loader is inherited through
 * execArgv); the bundle ships it as dist/codeindex-worker.js:
 *   esbuild src/node/codeindex/codeindex-worker.ts --bundle --platform=node --target=node20 --outfile=dist/codeindex-worker.js
 * with the grammar and runtime .wasm files copied flat into dist/ (see grammarFiles.ts).
 */
import { parentPort } from 'node:worker_threads';
import { TreeSitterRuntime } from '../treesitter/tree-sitter-runtime';
import { packIndex } from './compact-index';
import { parseTasksInto, type ParseRequest, type ParseResponse } from './parse-tasks';

let runtime: Promise<TreeSitterRuntime> | undefined;
/** The pool posts several batches ahead (worker-pool.ts): they are answered one after the other, in order. */
let answered: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: ParseRequest) => {
  answered = answered.then(() => answer(request));
  // A reply that cannot be posted ends the worker as an uncaught error does: the pool parses its batches itself.
  answered.catch((error: unknown) =>
    process.nextTick(() => {
      throw error;
    }),
  );
});

/** Parses one batch and posts the result, or the error, back: a request is always answered. */
async function answer(request: ParseRequest): Promise<void> {
  let response: ParseResponse;
  try {
    runtime ??= TreeSitterRuntime.create({ wasmDir: request.wasmDir });
    // One JSON string of packed indexes crosses faster than structured-cloning thousands of small range objects.
    // Each index is packed and written out as soon as it is made (the same text as stringifying the packed list).
    const parts = await parseTasksInto(await runtime, request.tasks, request.syntaxes, (index) => JSON.stringify(packIndex(index)));
    response = { id: request.id, results: [], json: `[${parts.join(',')}]` };
  } catch (error) {
    response = { id: request.id, results: [], error: (error as Error).stack ?? String(error) };
  }
  parentPort?.postMessage(response);
}
