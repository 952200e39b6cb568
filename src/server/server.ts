/** Entry of the language server bundle: `node dist/server.js --stdio` (or --node-ipc / --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './main';

const connection = createConnection(ProposedFeatures.all);
// A bug must never kill the server: log it and carry on with the next request.
process.on('uncaughtException', (e) => connection.console.error(`[spdf] uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`[spdf] unhandled rejection: ${(e as Error)?.stack ?? e}`));
startServer(connection);
