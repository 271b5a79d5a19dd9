// The weekly digest's Zalo side (src/bulletins/zalo-digest.ts): articles and their broadcast through
// the OA client, with Zalo's error codes mapped to what the digest does next (docs/zalo-reach.md §3,
// §6; codes 3001–3005 come from one SDK's comments only, so anything unknown stops the week's digest
// instead of retrying a broadcast that might have gone out).
import { ArticleError, type ArticleErrorKind, type ArticlePublisher } from "../../src/bulletins/zalo-digest.js";
import { ZaloApiError, type ZaloOaClient } from "./client.js";

const KIND_OF_CODE = new Map<number, ArticleErrorKind>([
  [-214, "processing"],
  [-224, "permission"],
  [3001, "permission"],
  [3002, "missing_article"],
  [3004, "quota"],
  [3005, "rejected"],
]);

/** Zalo's error → the digest's kind; a failed exchange (network, HTTP, token) leaves Zalo's action unknown. */
export function articleErrorOf(error: unknown): ArticleError {
  if (error instanceof ZaloApiError) return new ArticleError(KIND_OF_CODE.get(error.code) ?? "invalid", error.code);
  return new ArticleError("unreachable", null);
}

async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw articleErrorOf(error);
  }
}

/** The publisher for an OA; the cover is a public https image (≤ 1 MB), which Zalo requires. */
export function zaloArticlePublisher(client: ZaloOaClient, coverUrl: string): ArticlePublisher {
  return {
    create: (article) => mapped(() => client.createArticle({ ...article, coverUrl })),
    verify: (token) => mapped(() => client.verifyArticle(token)),
    broadcast: (id) => mapped(() => client.broadcastArticle(id)),
    followers: () => mapped(() => client.followerCount()),
  };
}
