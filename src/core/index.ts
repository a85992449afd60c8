// The public face of core: pure domain, no I/O, no DOM; runs in the browser and in Node.

export * from './diff.ts';
export * from './filters.ts';
export * from './identity.ts';
export * from './ids.ts';
export * from './partialDate.ts';
export * from './report.ts';
export * from './schemas.ts';
export * from './sourceHealth.ts';
export * from './stats.ts';
export * from './suggestions.ts';
export * from './url.ts';
