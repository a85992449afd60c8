import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// A real server process (bin/serve.mjs, as `npm start` runs it) on a free port, for the two-process test and
// the benchmarks. Resolves with its address once it logs that it listens.

const SERVE = fileURLToPath(new URL('../bin/serve.mjs', import.meta.url));

export type ServerProcess = { url: string; child: ChildProcess; stop(): Promise<void> };

export function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within 60 s:\n${out}`)),
      60_000,
    );
    const stop = (): Promise<void> =>
      child.exitCode !== null
        ? Promise.resolve()
        : new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          });
    const onData = (d: Buffer): void => {
      out = (out + d.toString()).slice(-20_000);
      const m = /listening on (http:\/\/[\w.:]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve({ url: m[1]!, child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${out}`));
    });
  });
}
