import { parseArgs } from 'node:util';
import { BylineError } from '../../shared/errors';
import { translateFileError } from '../fileErrors';
import { loadHouseStyle } from '../houseStyleFile';
import { houseStylePath, resolveDbPath } from '../paths';
import { Store } from '../store/store';
import { COMMANDS } from './commands';
import type { Io } from './output';

export const EXIT = { ok: 0, error: 1, usage: 2, conflict: 3 } as const;

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'Usage: byline [--db FILE] [--json] COMMAND',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    "The database is --db FILE, else $BYLINE_DB, else the desktop app's own file.",
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code. Never throws for user errors. */
export async function runCli(argv: string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        headline: { type: 'string' },
        query: { type: 'string' },
        status: { type: 'string' },
        trashed: { type: 'boolean', default: false },
        format: { type: 'string' },
        out: { type: 'string' },
        reason: { type: 'string' },
        name: { type: 'string' },
        initials: { type: 'string' },
        role: { type: 'string' },
        field: { type: 'string' },
        quote: { type: 'string' },
        caption: { type: 'string' },
        credit: { type: 'string' },
        provider: { type: 'string' },
        agency: { type: 'string' },
        creator: { type: 'string' },
        'missing-credit': { type: 'boolean', default: false },
        'missing-alt': { type: 'boolean', default: false },
        'missing-file': { type: 'boolean', default: false },
        mismatch: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        once: { type: 'boolean', default: false },
        user: { type: 'string' },
        'insecure-http': { type: 'boolean', default: false },
        to: { type: 'string', multiple: true },
        desk: { type: 'string' },
        repair: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`byline: ${(error as Error).message} (see byline --help)`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || !name) {
    (values.help ? io.out : io.err)(usage());
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`byline: unknown command "${name}" (see byline --help)`);
    return EXIT.usage;
  }
  if (command.args === 'some' ? rest.length === 0 : rest.length !== command.args) {
    io.err(`byline: usage: byline ${command.usage}`);
    return EXIT.usage;
  }

  const dbPath = resolveDbPath(values.db, env);
  try {
    return await command.run({
      io,
      json: values.json,
      dbPath,
      positionals: rest,
      options: {
        headline: values.headline,
        query: values.query,
        status: values.status,
        trashed: values.trashed,
        format: values.format,
        out: values.out,
        force: values.force,
        repair: values.repair,
        reason: values.reason,
        name: values.name,
        initials: values.initials,
        role: values.role,
        field: values.field,
        quote: values.quote,
        caption: values.caption,
        credit: values.credit,
        provider: values.provider,
        agency: values.agency,
        creator: values.creator,
        missingCredit: values['missing-credit'],
        missingAlt: values['missing-alt'],
        mismatch: values.mismatch,
        missingFile: values['missing-file'],
        explain: values.explain,
        once: values.once,
        user: values.user,
        insecureHttp: values['insecure-http'],
        to: values.to,
        desk: values.desk,
      },
      openStore: () => Store.open(dbPath, { houseStyle: loadHouseStyle(houseStylePath(dbPath, env)) }),
    });
  } catch (caught) {
    const error = translateFileError(caught) ?? caught;
    if (error instanceof BylineError) {
      if (values.json) io.err(JSON.stringify({ error: error.toInfo() }));
      else io.err(`byline: ${error.message}`);
      return error.code === 'conflict' ? EXIT.conflict : EXIT.error;
    }
    io.err(`byline: unexpected error: ${(error as Error)?.stack ?? String(error)}`);
    return EXIT.error;
  }
}
