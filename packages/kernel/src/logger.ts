import pino, { type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import { loadLogSettings, type LogSettings } from './config.js';

export type { Logger } from 'pino';

/**
 * Keys whose values never reach a log line, wherever they appear in an entry: credentials and
 * personal data. The call sites do not log them in the first place (request lines carry ids,
 * codes and counts only); this is the second line of defence for an entry written later.
 */
const REDACTED_KEYS = ['authorization', 'cookie', 'password', 'token', 'secret', 'email', 'name', 'phone', 'variables', 'query'];
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

/**
 * The process's logger (pino): one JSON object per line in production, readable coloured lines
 * in development (pino-pretty, in this thread, so that nothing is lost when the process exits).
 * LOG_LEVEL sets the level; LOG_FORMAT=json|pretty overrides the format.
 */
export function createLogger(settings: LogSettings = loadLogSettings(), destination?: NodeJS.WritableStream): Logger {
  const options = {
    level: settings.level,
    base: { pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // `msg` and an ISO time: what log shippers expect without configuration.
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  if (destination) return pino(options, destination);
  if (settings.format === 'pretty') return pino(options, pinoPretty({ sync: true, colorize: Boolean(process.stdout.isTTY), ignore: 'pid,hostname' }));
  return pino(options, pino.destination({ fd: 1, sync: true }));
}

let root: Logger | undefined;

/** The logger of this process, made on first use from LOG_LEVEL and LOG_FORMAT. */
export function logger(): Logger {
  root ??= createLogger();
  return root;
}

/** Replaces the process's logger (a test capturing log lines in this process). */
export function setLogger(next: Logger): void {
  root = next;
}

/** Apollo Server's logger interface, on this process's logger (its lines then follow LOG_LEVEL and LOG_FORMAT). */
export function apolloLogger(bindings: Record<string, unknown>) {
  const log = () => logger().child(bindings);
  const text = (message: unknown[]) => scrubbedText(message.map(String).join(' '));
  return {
    debug: (...message: unknown[]) => log().debug(text(message)),
    info: (...message: unknown[]) => log().info(text(message)),
    warn: (...message: unknown[]) => log().warn(text(message)),
    error: (...message: unknown[]) => log().error(text(message)),
  };
}

const EMAIL = /[^\s'"(),<>@]+@[^\s'"(),<>@]+\.[^\s'"(),<>@]+/g;
const SQL_PREFIX = /^(select|insert|update|delete|with|begin|commit|rollback)\b[\s\S]* - (?=[^-]*$)/i;

/**
 * An error message as the log may keep it: MikroORM puts the statement and its parameters in
 * front of the driver's message, and a parameter may be a person's email or name; only the
 * driver's message stays, and any email left is replaced.
 */
export function scrubbedText(message: string): string {
  return message.replace(SQL_PREFIX, '').replace(EMAIL, '[email]');
}
