// Why a connection could not be imported, as a stable code the API and the bulk report both use.
export type ImportFailureCode = "token_rejected" | "conflict" | "upstream_unavailable";

export class ImportFailure extends Error {
  constructor(
    readonly code: ImportFailureCode,
    message: string,
    /** upstream_unavailable: when trying again makes sense. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ImportFailure";
  }
}
