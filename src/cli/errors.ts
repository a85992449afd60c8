// Exit codes are part of the CLI's contract: 0 success, 1 data errors, 2 usage errors.
export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

/** The command line itself is wrong (unknown option, missing argument, unknown format). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The data is wrong (a file that cannot be read, a dataset that does not exist). */
export class DataError extends Error {
  override name = 'DataError';
}
