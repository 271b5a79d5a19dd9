// The console's one stylesheet, served as a file of this site (the Content-Security-Policy forbids
// inline styles). Small on purpose: a cheap phone at 360 px on a slow line.
import { fnv1a } from "../util/fingerprint.js";
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#f4f1ec}
header{background:#8b1a1a;color:#fff;padding:.5rem .75rem;display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
header .brand{font-weight:700;margin-right:auto}
header a,header button{color:#fff;background:none;border:0;font:inherit;padding:.25rem 0;text-decoration:underline;cursor:pointer}
header form{margin:0}
main{max-width:48rem;overflow-wrap:anywhere;margin:0 auto;padding:.75rem}
h1{font-size:1.25rem;margin:.25rem 0 .75rem}
h2{font-size:1.05rem;margin:1.25rem 0 .5rem}
.card{background:#fff;border-radius:.5rem;padding:.75rem;margin:.5rem 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.note{background:#fff7d6;border-left:4px solid #c9a400;padding:.5rem .75rem;margin:.5rem 0}
.ok{background:#e5f5e8;border-left:4px solid #2e7d32;padding:.5rem .75rem;margin:.5rem 0}
.err{background:#fde8e8;border-left:4px solid #b71c1c;padding:.5rem .75rem;margin:.5rem 0}
ul.tips{list-style:none;padding:0;margin:0}
ul.tips li{background:#fff;border-radius:.5rem;margin:.4rem 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}
ul.tips a{display:block;padding:.6rem .75rem;color:inherit;text-decoration:none}
ul.tips .case{font-weight:700}
.meta{color:#555;font-size:.9rem}
.status{display:inline-block;border-radius:1rem;padding:0 .5rem;font-size:.85rem;background:#eee}
.s-new{background:#ffe0b2}.s-taken{background:#d6e9ff}.s-verifying{background:#e8dcff}.s-done{background:#d9f2dc}.s-unfounded{background:#e0e0e0}
form.filters{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.5rem;align-items:end}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;min-width:0}
select,button,input{font:inherit}
select{width:100%;min-width:0;max-width:100%;padding:.4rem;border:1px solid #bbb;border-radius:.35rem;background:#fff;min-height:2.5rem}
.btn{display:inline-block;min-height:2.75rem;padding:.5rem 1rem;border:0;border-radius:.4rem;background:#8b1a1a;color:#fff;text-decoration:none;cursor:pointer}
.btn.alt{background:#fff;color:#8b1a1a;border:1px solid #8b1a1a}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
.actions form{margin:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .75rem;margin:0}
dt{color:#555}dd{margin:0}
ol.timeline{padding-left:1.25rem;margin:0}
ol.timeline li{margin:.35rem 0}
table{border-collapse:collapse;width:100%}
.wide{overflow-x:auto}
td,th{text-align:left;padding:.3rem .25rem;border-bottom:1px solid #eee;vertical-align:top}
.field label{display:block;margin-bottom:.3rem}
.field input{width:100%;padding:.45rem;border:1px solid #bbb;border-radius:.35rem;min-height:2.5rem}
.field.bad input,.field.bad select{border-color:#b71c1c}
fieldset{border:0;padding:0;margin:0 0 .5rem}
label.choice{display:block;padding:.35rem 0}
.field input,.card input[name]:not([type]){width:100%}
textarea{width:100%;font:inherit;padding:.45rem;border:1px solid #bbb;border-radius:.35rem}
img.chart{width:100%;height:auto;background:#fff;border-radius:.5rem}
audio{width:100%}
h3{font-size:1rem;margin:.25rem 0 .5rem}
.pair{display:grid;gap:.5rem}
@media (min-width:44rem){main:has(.pair){max-width:64rem}.pair{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
summary{cursor:pointer;padding:.5rem 0}
.invite-code{font-size:1.5rem;letter-spacing:.05em;text-align:center;background:#fff;border-radius:.5rem;padding:.5rem}
.qr svg{display:block;width:100%;max-width:16rem;height:auto;margin:.5rem auto}
ul.errors{background:#fde8e8;margin:.5rem 0;padding:.5rem .5rem .5rem 1.75rem}
.card .btn{margin-top:.4rem}
`;

export function asset(name: string, body: string, type: string) {
  return { route: `/canbo/${name}`, path: `/canbo/${name}?v=${fnv1a(body)}`, body, type };
}

export const CONSOLE_STYLE = asset("app.css", CSS.trim(), "text/css; charset=utf-8");
