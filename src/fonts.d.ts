// Font files imported as Data modules on Workers (wrangler.toml [[rules]] type = "Data"): their bytes.
declare module "*.ttf" {
  const bytes: ArrayBuffer;
  export default bytes;
}
