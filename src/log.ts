// Structured logs. Callers pass only ids of our own rows, counts and codes: never a platform
// user id, name, username, phone, language code, message text or address.
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(level: LogLevel, sink: (line: string) => void = (l) => console.log(l)): Logger {
  const write = (at: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (order[at] < order[level]) return;
    sink(JSON.stringify({ t: new Date().toISOString(), level: at, event, ...fields }));
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** An error's class and code for a log line (never its message, which may carry content or ids). */
export function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const e = error as { code?: unknown; error_code?: unknown };
    const code = e.code ?? e.error_code;
    return typeof code === "string" || typeof code === "number" ? `${error.name}:${code}` : error.name;
  }
  return typeof error;
}
