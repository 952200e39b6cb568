/** The language server bundle (`dist/server-main.js`), started by `node dist/server.js --stdio` (or --node-ipc / --socket=N: src/server/launcher.ts). */
import { Console } from 'node:console';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { frameGuard } from './frame-guard';
import { startServer } from './main';

/**
 * Over stdio the server owns its message reader. A frame it cannot read (a garbage or absurd Content-Length, a
 * body that is not JSON) leaves the library's reader out of step with the stream or waiting forever, so the server
 * would stay alive and never answer again; instead it logs why and exits with 1, and the client restarts it.
 */
function stdioConnection(): Connection {
  const die = (why: string) => {
    process.stderr.write(`[spdf] unreadable message from the client (${why}); exiting so that the client restarts the server\n`);
    process.exit(1);
  };
  const reader = new StreamMessageReader(process.stdin.pipe(frameGuard(die)));
  const writer = new StreamMessageWriter(process.stdout);
  let shutdown = false;
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((message) => {
      if ((message as { method?: string }).method === 'shutdown') shutdown = true;
      callback(message);
    });
  reader.onError((e) => die(e.message));
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  // stdout carries the protocol: console output of any module goes to stderr.
  Object.assign(console, new Console({ stdout: process.stderr, stderr: process.stderr }));
  return createConnection(ProposedFeatures.all, reader, writer);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
// A bug must never kill the server: log it and carry on with the next request.
process.on('uncaughtException', (e) => connection.console.error(`[spdf] uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`[spdf] unhandled rejection: ${(e as Error)?.stack ?? String(e)}`));
/** What dist/server.js (src/server/launcher.ts) waits for before it stores the code cache. */
export const started = startServer(connection);
