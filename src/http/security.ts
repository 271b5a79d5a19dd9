// One set of security headers for every response of both apps (the server and its storage
// stand-in): no inline script or style, nothing framed, no plugins, no <base>, no referrer.
// A handler that sets a stricter policy of its own (media downloads: sandbox) keeps it.
import { secureHeaders } from "hono/secure-headers";

export const PAGE_POLICY = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  mediaSrc: ["'self'", "blob:"], // a voice note or video played from the bytes the page fetched
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders() {
  return secureHeaders({ referrerPolicy: "no-referrer", overwrite: false, contentSecurityPolicy: PAGE_POLICY });
}
