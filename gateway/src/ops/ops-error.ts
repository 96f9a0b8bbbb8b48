/** A refusal or failure of an operations command (backup, restore, retention) that the command line prints as one line. */
export class OpsError extends Error {}
