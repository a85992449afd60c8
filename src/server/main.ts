import { resolve } from 'node:path';
import { z } from 'zod';
import { ensureEditorBuild, ensureWebBuild } from '../bake/webBuild.ts';
import { DEFAULT_DATABASE_URL } from '../store/index.ts';
import { parseTrustProxy } from './http/clientAddress.ts';
import { parseAllowedOrigins } from './http/originCheck.ts';
import { createLogger, StartupError, startServer } from './index.ts';
import { SeedError } from './seed.ts';

// `npm start`: configuration from the environment, one log line when ready, a clean stop on SIGINT/SIGTERM.

const logger = createLogger();

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 8080;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new StartupError(
      `PORT="${value}" is not a port number; use a whole number from 1 to 65535, e.g. PORT=8080`,
    );
  }
  return Number(value);
}

// Mistakes in configuration or data are reported as one sentence; only real faults get a stack.
/** A setting's own parser throws a sentence naming it; that is a mistake in configuration. */
function setting<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
}

function userMistake(err: unknown): string | null {
  if (err instanceof StartupError || err instanceof SeedError || err instanceof z.ZodError)
    return err.message;
  return null;
}

try {
  // A fresh clone has no page bundle yet: build it once (a few seconds) before serving.
  await ensureWebBuild((line) => logger.info(line));
  await ensureEditorBuild((line) => logger.info(line));
  const server = await startServer({
    port: portFrom(process.env.PORT),
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    logger,
    ...(process.env.HOST ? { hostname: process.env.HOST } : {}),
    ...(process.env.DEFAULT_DATASET ? { defaultDataset: process.env.DEFAULT_DATASET } : {}),
    trustProxy: setting(() => parseTrustProxy(process.env.ATLAS_TRUST_PROXY)),
    allowedOrigins: setting(() => parseAllowedOrigins(process.env.ATLAS_ALLOWED_ORIGINS)),
    publish: process.env.ATLAS_PUBLISH_DIR
      ? {
          dir: resolve(process.env.ATLAS_PUBLISH_DIR),
          ...(process.env.ATLAS_SITE_URL ? { siteUrl: process.env.ATLAS_SITE_URL } : {}),
        }
      : null,
  });
  logger.info(
    { url: server.url, database: server.store.dialect },
    `Accord Atlas is listening on ${server.url}`,
  );
  const stop = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (err) {
  const mistake = userMistake(err);
  if (mistake !== null) {
    logger.fatal(`cannot start: ${mistake}`);
    logger.debug({ err }, 'details');
  } else logger.fatal({ err }, 'cannot start');
  process.exitCode = 1;
}
