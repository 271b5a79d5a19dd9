// @pkgjs/parseargs ships no types: it is the polyfill of Node's util.parseArgs, with the same API.
declare module "@pkgjs/parseargs" {
  export { parseArgs } from "node:util";
  export type { ParseArgsConfig } from "node:util";
}
