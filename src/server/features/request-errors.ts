/** Errors a feature throws to refuse a request; the handler wrapper answers them as LSP errors. */

/** Answered with the LSP error InvalidRequest. */
export class RenameError extends Error {}
/** Answered with the LSP error InvalidParams. */
export class InvalidParamsError extends Error {}
