// The database type every domain function takes. Both runtimes' generated clients share this shape.
export type { PrismaClient as Db } from "./generated/node/client.js";
