// The web chat page: one self-contained HTML document (no build step, no external requests).
// Everything the server or another person wrote is shown with textContent, never as HTML.
import { viWeb } from "../../src/i18n/vi-web.js";
import { megabytesVi } from "../../src/media/uploads.js";

const STYLE = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;background:#eef1f4;color:#1c2430;display:flex;flex-direction:column;font-size:16px}
header{background:#8b1a1a;color:#fff;padding:10px 14px;display:flex;align-items:center;gap:10px;flex-wrap:wrap}
header .brand{font-weight:700;font-size:1.15rem;letter-spacing:.02em}
header .tagline{opacity:.9;font-size:.9rem;flex:1 1 auto}
header .role{background:#fff3;border-radius:12px;padding:2px 10px;font-size:.85rem}
header.officer{background:#1d3f72}
.notice{background:#fff8e1;border-bottom:1px solid #f1dfa6;padding:6px 14px;font-size:.85rem;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.notice .sos{font-weight:700;color:#a30000;white-space:nowrap}
.notice #wipe{margin-left:auto}
.notice button{padding:4px 9px;font-size:.85rem}
#log{flex:1 1 auto;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}
.msg{max-width:min(640px,88%);padding:9px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.4;box-shadow:0 1px 1px #0001}
.msg.bot{background:#fff;align-self:flex-start;border-top-left-radius:4px}
.msg.me{background:#d8f0d2;align-self:flex-end;border-top-right-radius:4px}
.msg.sys{background:#fde2e1;align-self:center;font-size:.9rem}
.choices{display:flex;flex-direction:column;gap:6px;margin-top:8px}
.choices .row{display:flex;gap:6px;flex-wrap:wrap}
.choices button{flex:1 1 auto}
.msg a.signin{display:block;margin-top:8px;padding:10px;border-radius:8px;background:#8b1a1a;color:#fff;text-align:center;text-decoration:none;font-weight:600}
button{font:inherit;border:1px solid #b9c3cf;background:#f7f9fb;border-radius:10px;padding:7px 11px;cursor:pointer;color:inherit}
button:hover{background:#e8eef5}
button:focus-visible,textarea:focus-visible{outline:3px solid #f2b705;outline-offset:1px}
.msg img{display:block;max-width:100%;max-height:320px;border-radius:8px;margin-top:6px}
.msg a{color:#1d4ed8}
form{display:flex;gap:6px;padding:8px;background:#fff;border-top:1px solid #d6dde5;align-items:flex-end}
textarea{flex:1 1 auto;font:inherit;resize:none;border:1px solid #b9c3cf;border-radius:10px;padding:8px 10px;min-height:42px;max-height:160px}
#send{background:#8b1a1a;color:#fff;border-color:#8b1a1a;font-weight:600}
header.officer ~ form #send{background:#1d3f72;border-color:#1d3f72}
.tools{display:flex;gap:6px}
#voice.recording{background:#a30000;color:#fff;border-color:#a30000}
.msg audio,.msg video{display:block;max-width:100%;margin-top:6px}
#receipt{background:#fff;border-bottom:3px solid #8b1a1a;padding:8px 14px;box-shadow:0 2px 4px #0002}
#receipt .code-row{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
#receipt strong{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.6rem;letter-spacing:.08em;color:#8b1a1a}
#receipt p{margin:6px 0 0;font-size:.85rem}
@media (max-width:520px){header .tagline{display:none}form{flex-wrap:wrap}.tools{flex:1 0 100%}.tools button{flex:1 1 0;padding:6px 4px;font-size:.9rem;white-space:nowrap}}
`;

const SCRIPT = `
(function(){
var T = JSON.parse(document.getElementById("phaodai-text").textContent);
var DEMO = document.body.getAttribute("data-demo") === "true";
var params = new URLSearchParams(location.search);
var officer = params.get("vai") === "canbo";
var role = officer ? "officer" : "citizen";
var tokenKey = "phaodai.token." + role;
var log = document.getElementById("log");
var input = document.getElementById("text");
var lastId = 0;
var polling = false;
var offlineShown = false;

function newToken(){
  var bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  var s = "";
  for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s).replace(/\\+/g,"-").replace(/\\//g,"_").replace(/=+$/,"");
}
var token = localStorage.getItem(tokenKey);
var fresh = !token;
if (!token) { token = newToken(); localStorage.setItem(tokenKey, token); }

function el(tag, cls, text){ var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function scrollDown(){ log.scrollTop = log.scrollHeight; }
function bubble(cls, text){ var b = el("div", "msg " + cls, text); log.appendChild(b); scrollDown(); return b; }
function systemNote(text){ return bubble("sys", text); }

// Proof of work (ALTCHA v2, SHA-256): find the counter whose hash of salt + nonce + counter starts
// with the server's prefix. A fraction of a second on a phone; nothing is stored on this device.
function hexBytes(h){ var b = new Uint8Array(h.length / 2); for (var i = 0; i < b.length; i++) b[i] = parseInt(h.substr(i * 2, 2), 16); return b; }
function bytesHex(b){ var s = ""; for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16); return s; }
async function solve(ch){
  var p = ch.parameters, salt = hexBytes(p.salt), nonce = hexBytes(p.nonce), prefix = p.keyPrefix.toLowerCase();
  var data = new Uint8Array(salt.length + nonce.length + 4);
  data.set(salt, 0); data.set(nonce, salt.length);
  var view = new DataView(data.buffer), at = salt.length + nonce.length, len = p.keyLength || 32;
  for (var n = 0; n <= 0xffffffff; n++) {
    view.setUint32(at, n, false);
    var key = data;
    for (var i = 0; i < Math.max(1, p.cost); i++) key = new Uint8Array(await crypto.subtle.digest("SHA-256", key));
    var hex = bytesHex(key.slice(0, len));
    if (hex.indexOf(prefix) === 0) return { challenge: ch, solution: { counter: n, derivedKey: hex } };
  }
  throw new Error(T.checkFailed);
}
async function freshProof(){
  var note = systemNote(T.checking);
  try {
    var res = await fetch("/webchat/api/challenge", { cache: "no-store" });
    if (!res.ok) throw new Error(T.checkFailed);
    return await solve(await res.json());
  } finally { note.remove(); }
}
var ticket = null;
async function session(){
  var proof = await freshProof();
  var res = await fetch("/webchat/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token: token, proof: proof }) });
  var data = await res.json().catch(function(){ return null; });
  if (!res.ok || !data || !data.ticket) throw new Error((data && data.error) || T.checkFailed);
  ticket = data.ticket;
}

async function api(path, body){
  var extra = {};
  for (var attempt = 0; attempt < 3; attempt++) {
    if (!ticket) await session();
    var res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json", "X-Chat-Ticket": ticket }, body: JSON.stringify(Object.assign({ token: token }, body, extra)) });
    var data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (res.status === 401 && data && data.session) { ticket = null; continue; }
    if (res.status === 428 && data && data.proof) { extra = { proof: await freshProof() }; continue; }
    if (!res.ok) throw new Error((data && data.error) || ("HTTP " + res.status));
    return data;
  }
  throw new Error(T.checkFailed);
}

async function send(body, echo){
  if (echo) bubble("me", echo);
  try { await api("/webchat/api/send", body); } catch (e) { systemNote(e.message); }
  soon();
}

// Replies come a moment after a message is stored: look again shortly, then fall back to the steady poll.
function soon(){ [150, 400, 900].forEach(function(ms){ setTimeout(poll, ms); }); }

function renderMedia(box, media){
  if (media.kind === "location" && typeof media.latitude === "number") {
    var line = el("div", null, T.locationLabel + ": " + media.latitude.toFixed(5) + ", " + media.longitude.toFixed(5) + " ");
    var a = el("a", null, T.openMap);
    a.href = "https://www.openstreetmap.org/?mlat=" + media.latitude + "&mlon=" + media.longitude + "#map=17/" + media.latitude + "/" + media.longitude;
    a.target = "_blank"; a.rel = "noopener noreferrer";
    line.appendChild(a); box.appendChild(line); return;
  }
  if (!media.uploadUrl) return;
  var holder = el("div", null, T.mediaLoading);
  box.appendChild(holder);
  fetch(media.uploadUrl, { headers: { "X-Chat-Token": token } }).then(function(res){
    if (!res.ok) throw new Error(String(res.status));
    return res.blob();
  }).then(function(blob){
    var url = URL.createObjectURL(blob);
    holder.textContent = "";
    if (blob.type.indexOf("image/") === 0) { var img = el("img"); img.src = url; img.alt = media.kind; holder.appendChild(img); }
    else if (blob.type.indexOf("audio/") === 0 || blob.type.indexOf("video/") === 0) { var player = el(blob.type.indexOf("audio/") === 0 ? "audio" : "video"); player.controls = true; player.preload = "metadata"; player.src = url; holder.appendChild(player); }
    else { var link = el("a", null, T.download + (media.fileName ? " — " + media.fileName : "")); link.href = url; link.download = media.fileName || "tep"; holder.appendChild(link); }
    scrollDown();
  }).catch(function(){ holder.textContent = T.mediaUnavailable; });
}

// A receipt code stays in view above the conversation (the next messages would scroll it away on a
// small phone) until the citizen says it is written down; the server keeps no copy of it.
function showReceipt(text){
  var match = /[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(text || "");
  if (!match) return;
  document.getElementById("receipt-code").textContent = match[0];
  document.getElementById("receipt").hidden = false;
}
document.getElementById("receipt-copy").addEventListener("click", async function(){
  var code = document.getElementById("receipt-code").textContent;
  try { await navigator.clipboard.writeText(code); this.textContent = T.receiptCopied; } catch (e) { systemNote(T.receiptKeep); }
});
document.getElementById("receipt-done").addEventListener("click", function(){ document.getElementById("receipt").hidden = true; });

function showStaff(){
  if (officer || document.querySelector("header").classList.contains("officer")) return;
  document.querySelector("header").classList.add("officer");
  document.getElementById("role").textContent = T.roleStaff;
  document.querySelector(".notice > span").textContent = T.staffNotice;
}

function renderMessage(m){
  if (m.secret) showReceipt(m.text);
  var b = el("div", "msg bot", m.text || "");
  b.setAttribute("data-id", String(m.id));
  if (m.media) renderMedia(b, m.media);
  // A staff console sign-in link (/dangnhap): opened on this site, whatever address the link names.
  var signIn = new RegExp("/canbo/vao/[A-Za-z0-9_-]{43}").exec(m.text || "");
  if (signIn) { var open = el("a", "signin", T.consoleOpen); open.href = signIn[0]; b.appendChild(open); }
  if (m.choices && m.choices.length) {
    var box = el("div", "choices");
    m.choices.forEach(function(row){
      var r = el("div", "row");
      row.forEach(function(c){
        var btn = el("button", null, c.label);
        btn.type = "button";
        btn.setAttribute("data-choice", c.data);
        btn.addEventListener("click", function(){ send({ choice: c.data }, c.label); });
        r.appendChild(btn);
      });
      box.appendChild(r);
    });
    b.appendChild(box);
  }
  log.appendChild(b);
}

async function poll(){
  if (polling) return;
  polling = true;
  try {
    var res = await fetch("/webchat/api/messages?after=" + lastId, { headers: { "X-Chat-Token": token }, cache: "no-store" });
    if (!res.ok) throw new Error(String(res.status));
    var data = await res.json();
    if (offlineShown) { offlineShown = false; }
    if (data.staff) showStaff();
    if (data.messages.length) {
      data.messages.forEach(function(m){ lastId = Math.max(lastId, m.id); renderMessage(m); });
      scrollDown();
    }
  } catch (e) {
    if (!offlineShown) { offlineShown = true; systemNote(T.offline); }
  } finally { polling = false; }
}

// Photos are redrawn on a canvas and sent as a new JPEG: GPS position, camera and time stamps stay behind.
function cleanImage(file){
  return new Promise(function(resolve, reject){
    var url = URL.createObjectURL(file);
    var img = new Image();
    img.onload = function(){
      var max = 1600, w = img.naturalWidth, h = img.naturalHeight;
      var scale = Math.min(1, max / Math.max(w, h));
      var canvas = document.createElement("canvas");
      canvas.width = Math.max(1, Math.round(w * scale)); canvas.height = Math.max(1, Math.round(h * scale));
      canvas.getContext("2d").drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      resolve(canvas.toDataURL("image/jpeg", 0.85));
    };
    img.onerror = function(){ URL.revokeObjectURL(url); reject(new Error(T.photoFailed)); };
    img.src = url;
  });
}

document.getElementById("photo").addEventListener("click", function(){ document.getElementById("file").click(); });
document.getElementById("file").addEventListener("change", async function(ev){
  var file = ev.target.files && ev.target.files[0];
  ev.target.value = "";
  if (!file) return;
  var note = bubble("me", T.sendingPhoto);
  try {
    var dataUrl = await cleanImage(file);
    var up = await api("/webchat/api/upload", { mime: "image/jpeg", dataBase64: dataUrl.split(",")[1] });
    note.textContent = T.photoSent;
    var img = el("img"); img.src = dataUrl; img.alt = ""; note.appendChild(img);
    await send({ uploadId: up.uploadId });
  } catch (e) { note.remove(); systemNote(e.message || T.photoFailed); }
});
// Recordings and videos go as they are; the server keeps only the sound and pictures (a WebM or
// Ogg recording becomes a new Ogg Opus file, an MP4/MOV is rewritten without its metadata boxes).
function fileBase64(blob){
  return new Promise(function(resolve, reject){
    var reader = new FileReader();
    reader.onload = function(){ resolve(String(reader.result).split(",")[1] || ""); };
    reader.onerror = function(){ reject(new Error(T.voiceFailed)); };
    reader.readAsDataURL(blob);
  });
}
async function sendFile(kind, blob, sending, sent, failed){
  var note = bubble("me", sending);
  try {
    var up = await api("/webchat/api/upload", { kind: kind, dataBase64: await fileBase64(blob) });
    note.textContent = sent;
    var player = el(kind === "voice" ? "audio" : "video"); player.controls = true; player.src = URL.createObjectURL(blob); note.appendChild(player);
    await send({ uploadId: up.uploadId });
  } catch (e) { note.remove(); systemNote(e.message || failed); }
}
var MAX_VIDEO = Number(document.body.getAttribute("data-max-video")) || 0, MAX_RECORDING_SECONDS = 180;
document.getElementById("video").addEventListener("click", function(){ document.getElementById("video-file").click(); });
document.getElementById("video-file").addEventListener("change", function(ev){
  var file = ev.target.files && ev.target.files[0];
  ev.target.value = "";
  if (!file) return;
  if (file.size > MAX_VIDEO) { systemNote(T.videoTooLarge.replace("{mb}", document.body.getAttribute("data-max-video-mb"))); return; }
  sendFile("video", file, T.sendingVideo, T.videoSent, T.videoFailed);
});
var recorder = null;
function recordingType(){
  var types = ["audio/ogg;codecs=opus", "audio/webm;codecs=opus", "audio/mp4"];
  for (var i = 0; i < types.length; i++) if (MediaRecorder.isTypeSupported(types[i])) return types[i];
  return "";
}
document.getElementById("voice").addEventListener("click", async function(){
  var button = this;
  if (recorder) { recorder.stop(); return; }
  if (!window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { systemNote(T.voiceUnsupported); return; }
  var stream;
  try { stream = await navigator.mediaDevices.getUserMedia({ audio: true }); } catch (e) { systemNote(T.voiceDenied); return; }
  var type = recordingType(), parts = [], started = Date.now(), timer = null;
  var options = { audioBitsPerSecond: 32000 };
  if (type) options.mimeType = type;
  recorder = new MediaRecorder(stream, options);
  recorder.ondataavailable = function(ev){ if (ev.data && ev.data.size) parts.push(ev.data); };
  recorder.onstop = function(){
    stream.getTracks().forEach(function(track){ track.stop(); });
    clearInterval(timer); recorder = null;
    button.textContent = T.voice; button.classList.remove("recording"); button.setAttribute("aria-pressed", "false");
    if (parts.length) sendFile("voice", new Blob(parts, { type: parts[0].type }), T.sendingVoice, T.voiceSent, T.voiceFailed);
  };
  function tick(){
    var s = Math.floor((Date.now() - started) / 1000);
    button.textContent = T.voiceStop.replace("{time}", Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"));
    if (s >= MAX_RECORDING_SECONDS && recorder) recorder.stop();
  }
  recorder.start(1000);
  button.classList.add("recording"); button.setAttribute("aria-pressed", "true");
  tick(); timer = setInterval(tick, 500);
});
document.getElementById("where").addEventListener("click", function(){
  if (!navigator.geolocation) { systemNote(T.locationFailed); return; }
  navigator.geolocation.getCurrentPosition(function(pos){
    send({ location: { latitude: pos.coords.latitude, longitude: pos.coords.longitude } }, T.locationSent);
  }, function(){ systemNote(T.locationFailed); }, { enableHighAccuracy: true, timeout: 15000 });
});

document.getElementById("composer").addEventListener("submit", function(ev){
  ev.preventDefault();
  var text = input.value;
  if (!text.trim()) return;
  input.value = ""; input.style.height = "";
  send({ text: text }, text);
});
input.addEventListener("keydown", function(ev){
  if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); document.getElementById("composer").requestSubmit(); }
});
input.addEventListener("input", function(){ input.style.height = ""; input.style.height = Math.min(input.scrollHeight, 160) + "px"; });

document.getElementById("wipe").addEventListener("click", async function(){
  if (!confirm(T.wipeConfirm)) return;
  try { await api("/webchat/api/send", { text: "/xoadulieu" }); } catch (e) { /* the address expires by itself anyway */ }
  localStorage.removeItem(tokenKey);
  localStorage.removeItem(tokenKey + ".registered");
  log.textContent = "";
  systemNote(T.wiped);
  setTimeout(function(){ location.replace(location.pathname + (officer ? "?vai=canbo" : "")); }, 1200);
});

async function startOfficer(){
  var header = document.querySelector("header");
  header.classList.add("officer");
  document.getElementById("role").textContent = T.roleOfficer;
  if (!DEMO) { systemNote(T.officerDemoOnly); document.getElementById("composer").hidden = true; return; }
  var tips = el("button", null, T.officerTips); tips.type = "button";
  tips.addEventListener("click", function(){ send({ text: "/tinbao" }, "/tinbao"); });
  document.querySelector(".notice").insertBefore(tips, document.getElementById("wipe"));
  var desk = el("button", null, T.officerConsole); desk.type = "button"; desk.id = "console";
  desk.addEventListener("click", function(){ send({ text: "/dangnhap" }, "/dangnhap"); });
  document.querySelector(".notice").insertBefore(desk, document.getElementById("wipe"));
  if (localStorage.getItem(tokenKey + ".registered")) return;
  systemNote(T.officerRegistering);
  try {
    var res = await fetch("/webchat/api/demo/officer", { method: "POST" });
    var data = await res.json();
    if (!res.ok) throw new Error(data.error);
    await api("/webchat/api/send", { text: "/dangky " + data.code });
    localStorage.setItem(tokenKey + ".registered", "1");
    systemNote(T.officerBanner.replace("{commune}", data.commune));
  } catch (e) { systemNote(e.message); }
}

(async function(){
  if (officer) await startOfficer();
  await poll();
  // An invitation's QR code from the staff console (/?moi=MOI-…): registers once, then leaves the address.
  var invite = (params.get("moi") || "").replace(/[^A-Za-z0-9-]/g, "").slice(0, 16);
  if (!officer && invite) {
    history.replaceState(null, "", location.pathname);
    send({ text: "/dangky " + invite });
  } else if (!officer && (fresh || params.get("thon")) && lastId === 0) {
    var village = (params.get("thon") || "").replace(/[^A-Za-z0-9-]/g, "").slice(0, 16);
    send({ text: village ? "/start " + village : "/start" });
  }
  setInterval(poll, 1500);
  input.focus();
})();
})();
`;

/**
 * The page's script and style are files of this site, never inline, so the Content-Security-Policy
 * (src/app.ts) can forbid inline code: an injected tag cannot run. The content hash in the address
 * lets browsers keep them until the next release.
 */
function asset(name: string, body: string, type: string) {
  let hash = 0x811c9dc5; // FNV-1a: a cache key, not a security measure
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193) >>> 0;
  return { path: `/webchat/${name}?v=${hash.toString(16)}`, body, type };
}

export const CHAT_SCRIPT = asset("app.js", SCRIPT, "text/javascript; charset=utf-8");
export const CHAT_STYLE = asset("app.css", STYLE, "text/css; charset=utf-8");

function escapeJsonForScript(value: unknown): string {
  // Inside <script type="application/json">, "<" must not open a tag.
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export function renderChatPage(opts: { demo: boolean; maxVideoBytes: number }): string {
  const t = viWeb.page;
  const mb = megabytesVi(opts.maxVideoBytes);
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t.title}</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%238b1a1a'/%3E%3Cpath d='M6 26V12l4 3V9l6 4 6-4v6l4-3v14z' fill='%23fff'/%3E%3C/svg%3E">
<link rel="stylesheet" href="${CHAT_STYLE.path}">
</head>
<body data-demo="${opts.demo ? "true" : "false"}" data-max-video="${opts.maxVideoBytes}" data-max-video-mb="${mb}">
<header><span class="brand">${t.brand}</span><span class="tagline">${t.tagline}</span><span class="role" id="role">${t.roleCitizen}</span></header>
<div class="notice"><span>${t.notice}</span><span class="sos">${t.emergency}</span><button type="button" id="wipe">${t.wipe}</button></div>
<section id="receipt" hidden aria-live="assertive"><div class="code-row"><span id="receipt-title">${t.receiptTitle}</span><strong id="receipt-code"></strong></div><div class="code-row"><button type="button" id="receipt-copy">${t.receiptCopy}</button><button type="button" id="receipt-done">${t.receiptDone}</button></div><p>${t.receiptKeep}</p></section>
<main id="log" aria-live="polite"></main>
<form id="composer">
<div class="tools"><button type="button" id="photo" title="${t.photoTitle}">${t.photo}</button><button type="button" id="video" title="${t.videoTitle.replace("{mb}", mb)}">${t.video}</button><button type="button" id="voice" title="${t.voiceTitle}" aria-pressed="false">${t.voice}</button><button type="button" id="where" title="${t.locationTitle}">${t.location}</button></div>
<input type="file" id="file" accept="image/*" hidden>
<input type="file" id="video-file" accept="video/mp4,video/quicktime,video/*" hidden>
<textarea id="text" rows="1" maxlength="8000" placeholder="${t.placeholder}" aria-label="${t.placeholder}"></textarea>
<button type="submit" id="send">${t.send}</button>
</form>
<script type="application/json" id="phaodai-text">${escapeJsonForScript(t)}</script>
<script src="${CHAT_SCRIPT.path}"></script>
</body>
</html>`;
}
