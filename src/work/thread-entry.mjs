// The work thread's entry, in plain JavaScript: a worker thread does not inherit the TypeScript
// loader of the thread that starts it, so it loads the TypeScript module through tsx itself.
import { tsImport } from "tsx/esm/api";

await tsImport("./thread.ts", import.meta.url);
