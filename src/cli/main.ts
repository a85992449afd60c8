import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.ts';
import { backupCommand } from './commands/backup.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { resolveCommand } from './commands/resolve.ts';
import { restoreCommand } from './commands/restore.ts';
import { statsCommand } from './commands/stats.ts';
import {
  userAddCommand,
  userDisableCommand,
  userListCommand,
  userPasswordCommand,
  userRoleCommand,
} from './commands/user.ts';
import { validateCommand } from './commands/validate.ts';
import { DataError, EXIT_DATA, EXIT_OK, EXIT_USAGE, UsageError } from './errors.ts';
import { type Out, processOut } from './output.ts';

// `atlas`: parses arguments, calls core/formats/store/bake, prints. Exit 0 success, 1 data errors, 2 usage errors.

function program(out: Out, setCode: (n: number) => void): Command {
  const p = new Command('atlas')
    .description('Accord Atlas: a citable world map of one country’s bilateral agreements')
    .showHelpAfterError('(run atlas --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.stdout(s), writeErr: (s) => out.stderr(s) });
  const dataset = ['--dataset <id>', 'the dataset to act on (default: the first in the database)'] as const;
  const config = ['--config <file>', 'dataset configuration JSON used to read seed-layout sheets'] as const;

  p.command('stats')
    .description('headline counts of a file, or of the database without FILE')
    .argument('[file]', 'a sheet (.txt/.tsv/.csv/.xlsx), a normalized CSV or a JSON dataset document')
    .option('--json', 'machine-readable output')
    .option(...dataset)
    .option(...config)
    .action(async (file, opts) => setCode(await statsCommand(file, opts, out)));
  p.command('resolve')
    .description('resolve country names to ISO codes (names as arguments, or one a line on standard input)')
    .argument('[names...]')
    .option('--json', 'machine-readable output')
    .action(async (names, opts) => setCode(await resolveCommand(names, opts, out)));
  p.command('validate')
    .description('check a file without importing it')
    .argument('<file>')
    .option('--json', 'machine-readable output')
    .option(...config)
    .action(async (file, opts) => setCode(await validateCommand(file, opts, out)));
  p.command('import')
    .description('make the dataset what FILE says: adds, changes and removes records (one transaction)')
    .argument('<file>')
    .option('--dry-run', 'report what would change and write nothing')
    .option('--json', 'machine-readable report')
    .option('--basis <basis>', 'apply only if the dataset is still as the dry run saw it (its "basis")')
    .option('--reason <text>', 'why: stored with every change the import makes (history shows it)')
    .option(...dataset)
    .option(...config)
    .action(async (file, opts) => setCode(await importCommand(file, opts, out)));
  p.command('export')
    .description('write the dataset as CSV, JSON, GeoJSON or XLSX')
    .option('--format <format>', 'csv | json | geojson | xlsx', 'json')
    .option('--out <file>', 'write to FILE instead of standard output')
    .option(...dataset)
    .action(async (opts) => setCode(await exportCommand(opts, out)));
  p.command('bake')
    .description('write the public site as static files')
    .requiredOption('--out <dir>', 'output folder')
    .option(...dataset)
    .action(async (opts) => {
      const { bakeCommand } = await import('./commands/bake.ts');
      setCode(await bakeCommand(opts, out));
    });
  const links = p.command('links').description('check the sources of a dataset');
  links
    .command('check')
    .description(
      'check every source URL (HEAD, then GET; up to 5 redirects), store status, date and final URL; exit 0 with broken links',
    )
    .option(...dataset)
    .option('--json', 'machine-readable report')
    .option('--archive', 'find an archived copy of each broken source without one (ATLAS_ARCHIVE_API)')
    .option('--concurrency <n>', 'URLs checked at once (at most 2 per host)', '8')
    .option('--timeout <seconds>', 'time allowed per URL', '15')
    .option('--allow-private', 'also fetch loopback, private and link-local addresses (blocked by default)')
    .action(async (opts) => {
      const { linksCheckCommand } = await import('./commands/links.ts');
      setCode(await linksCheckCommand(opts, out));
    });
  p.command('backup')
    .description('write the whole database but sessions to FILE (gzip’d when FILE ends in .gz)')
    .requiredOption('--out <file>', 'the backup file to write')
    .action(async (opts) => setCode(await backupCommand(opts, out)));
  p.command('restore')
    .description('fill an empty database from a backup (one transaction; nothing written if refused)')
    .argument('<file>', 'a file written by atlas backup')
    .option('--replace', 'replace everything in a database that is not empty')
    .action(async (file, opts) => setCode(await restoreCommand(file, opts, out)));
  p.command('publish')
    .description(
      'record the next numbered version of the dataset (frozen, citable), then bake where a folder is set',
    )
    .option('--note <text>', 'what this version is about, shown in the change log')
    .option('--out <dir>', 'bake the site into DIR afterwards (default: ATLAS_PUBLISH_DIR, if set)')
    .option('--site-url <url>', 'the address the baked site will have (default: ATLAS_SITE_URL)')
    .option('--json', 'machine-readable answer')
    .option(...dataset)
    .action(async (opts) => {
      const { publishCommand } = await import('./commands/publish.ts');
      setCode(await publishCommand(opts, out));
    });
  const user = p.command('user').description('manage editor accounts');
  user
    .command('add')
    .description('add a user; the password is read from standard input')
    .argument('<email>')
    .option('--role <role>', 'admin | editor', 'editor')
    .action(async (email, opts) => setCode(await userAddCommand(email, opts, out)));
  user
    .command('list')
    .description('list users: role, datasets, whether they may publish, whether disabled')
    .option('--json', 'machine-readable output')
    .action(async (opts) => setCode(await userListCommand(opts, out)));
  user
    .command('disable')
    .description('disable a user: their sessions end at once and they cannot log in')
    .argument('<email>')
    .action(async (email) => setCode(await userDisableCommand(email, true, out)));
  user
    .command('enable')
    .description('let a disabled user log in again')
    .argument('<email>')
    .action(async (email) => setCode(await userDisableCommand(email, false, out)));
  user
    .command('role')
    .description("change a user's role, datasets and right to publish (a role change ends their sessions)")
    .argument('<email>')
    .requiredOption('--role <role>', 'admin | editor')
    .option('--datasets <ids>', 'datasets an editor may change, comma-separated, or "all"')
    .option('--publish', 'may publish the static site')
    .option('--no-publish', 'may not publish')
    .action(async (email, opts) => setCode(await userRoleCommand(email, opts, out)));
  user
    .command('password')
    .description("set a user's password (read from standard input); their sessions end")
    .argument('<email>')
    .action(async (email) => setCode(await userPasswordCommand(email, out)));
  p.command('audit')
    .description('the audit log, newest first: logins, failures, account changes, publishes, imports')
    .option('--json', 'machine-readable output')
    .option('--limit <n>', 'how many entries (default 50)')
    .action(async (opts) => setCode(await auditCommand(opts, out)));
  return p;
}

export async function run(argv: readonly string[], out: Out = processOut): Promise<number> {
  let code = EXIT_OK;
  try {
    await program(out, (n) => {
      code = n;
    }).parseAsync(argv as string[], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      out.stderr(`atlas: ${e.message}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof DataError) {
      out.stderr(`atlas: ${e.message}\n`);
      return EXIT_DATA;
    }
    out.stderr(`atlas: unexpected failure: ${(e as Error).message}\n`);
    if (process.env.ATLAS_DEBUG) out.stderr(`${(e as Error).stack}\n`);
    return EXIT_DATA;
  }
}
