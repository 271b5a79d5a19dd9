// The admin CLI run in-process, as the tests drive it: its printed lines captured, its exit code kept.
import { expect } from "vitest";
import { runAdmin } from "../../src/cli/admin.js";

export interface AdminRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one admin command and returns its exit code and what it printed on each stream. */
export async function captureAdmin(argv: string[], env: Record<string, string | undefined>, now?: () => Date): Promise<AdminRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) }, now);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs one admin command that must succeed and returns everything it printed. */
export async function adminOk(argv: string[], env: Record<string, string | undefined>): Promise<string> {
  const run = await captureAdmin(argv, env);
  expect(run.code, run.err).toBe(0);
  return [run.out, run.err].filter(Boolean).join("\n");
}
