// The web chat's proof of work, solved as the page does it (altcha-lib's solver, WebCrypto SHA-256).
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";
import type { Challenge } from "altcha-lib/types";

export type Fetch = (path: string, init?: RequestInit) => Promise<Response> | Response;

export async function solveProof(challenge: Challenge): Promise<{ challenge: Challenge; solution: { counter: number; derivedKey: string } }> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error("proof of work not solved");
  return { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/** A fresh proof from the server's challenge. */
export async function freshProof(fetch: Fetch) {
  const res = await fetch("/webchat/api/challenge");
  if (res.status !== 200) throw new Error(`challenge: ${res.status}`);
  return solveProof((await res.json()) as Challenge);
}

/** A session's ticket for `token`, paid with a proof. */
export async function webTicket(fetch: Fetch, token: string): Promise<string> {
  const res = await fetch("/webchat/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, proof: await freshProof(fetch) }),
  });
  if (res.status !== 200) throw new Error(`session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ticket: string }).ticket;
}
