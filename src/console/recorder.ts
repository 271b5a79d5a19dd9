// The console's one script: "🎤 Ghi âm" on a translator's draft form records in the browser
// (MediaRecorder, as the web chat does) and puts the recording into the form's file input, so the
// same POST carries it as an uploaded file would (the server cleans WebM Opus into Ogg Opus). Served
// as a file of this site (the Content-Security-Policy allows no inline script); its words come from
// the catalog through the data-* attributes of the element it drives. Without MediaRecorder the
// recorder stays hidden and the file input is the way.
import { asset } from "./style.js";

const JS = `(function(){
var box=document.querySelector("[data-recorder]");if(!box)return;
var input=document.getElementById(box.getAttribute("data-input"));
var button=box.querySelector("button"),status=box.querySelector("output"),player=box.querySelector("audio");
if(!input||!window.MediaRecorder||!window.DataTransfer||!navigator.mediaDevices||!navigator.mediaDevices.getUserMedia)return;
box.hidden=false;
var MAX=Number(box.getAttribute("data-max-seconds"))||300,recorder=null;
function type(){var t=["audio/ogg;codecs=opus","audio/webm;codecs=opus","audio/mp4"];for(var i=0;i<t.length;i++)if(MediaRecorder.isTypeSupported(t[i]))return t[i];return"";}
function clock(s){return Math.floor(s/60)+":"+String(s%60).padStart(2,"0");}
button.addEventListener("click",async function(){
if(recorder){recorder.stop();return;}
var stream;
try{stream=await navigator.mediaDevices.getUserMedia({audio:true});}catch(e){status.textContent=box.getAttribute("data-denied");return;}
var kind=type(),parts=[],started=Date.now(),timer=null,options={audioBitsPerSecond:32000};
if(kind)options.mimeType=kind;
recorder=new MediaRecorder(stream,options);
recorder.ondataavailable=function(ev){if(ev.data&&ev.data.size)parts.push(ev.data);};
recorder.onstop=function(){
stream.getTracks().forEach(function(track){track.stop();});
clearInterval(timer);recorder=null;button.textContent=box.getAttribute("data-start");button.setAttribute("aria-pressed","false");
if(!parts.length)return;
var mime=parts[0].type||kind||"audio/webm",ext=mime.indexOf("ogg")>=0?"ogg":mime.indexOf("mp4")>=0?"m4a":"webm";
var file=new File(parts,"ghi-am."+ext,{type:mime}),dt=new DataTransfer();dt.items.add(file);input.files=dt.files;
status.textContent=box.getAttribute("data-done").replace("{time}",clock(Math.round((Date.now()-started)/1000)));
player.src=URL.createObjectURL(file);player.hidden=false;
};
function tick(){var s=Math.floor((Date.now()-started)/1000);button.textContent=box.getAttribute("data-stop").replace("{time}",clock(s));if(s>=MAX&&recorder)recorder.stop();}
recorder.start(1000);button.setAttribute("aria-pressed","true");tick();timer=setInterval(tick,500);
});
})();`;

export const RECORDER_SCRIPT = asset("ghiam.js", JS, "text/javascript; charset=utf-8");
/** At 32 kbit/s five minutes are about 1.2 MB, within the upload's 1.9 MB. */
export const MAX_RECORDING_SECONDS = 300;
