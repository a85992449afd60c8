/** Files larger than this are refused before parsing: a research sheet is far smaller, and memory is not. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
