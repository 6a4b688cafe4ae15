var PT=Object.create;var xc=Object.defineProperty;var ST=Object.getOwnPropertyDescriptor;var TT=Object.getOwnPropertyNames;var LT=Object.getPrototypeOf,AT=Object.prototype.hasOwnProperty;var CT=(r,e,t)=>e in r?xc(r,e,{enumerable:!0,configurable:!0,writable:!0,value:t}):r[e]=t;var b=(r,e,t)=>()=>{if(t)throw t[0];try{return r&&(e=r(r=0)),e}catch(n){throw t=[n],n}};var $y=(r,e)=>()=>{try{return e||r((e={exports:{}}).exports,e),e.exports}catch(t){throw e=0,t}},ur=(r,e)=>{for(var t in e)xc(r,t,{get:e[t],enumerable:!0})},MT=(r,e,t,n)=>{if(e&&typeof e=="object"||typeof e=="function")for(let i of TT(e))!AT.call(r,i)&&i!==t&&xc(r,i,{get:()=>e[i],enumerable:!(n=ST(e,i))||n.enumerable});return r};var Vy=(r,e,t)=>(t=r!=null?PT(LT(r)):{},MT(e||!r||!r.__esModule?xc(t,"default",{value:r,enumerable:!0}):t,r));var h=(r,e,t)=>CT(r,typeof e!="symbol"?e+"":e,t);var Co,kT,bc,NT,jy,vd=b(()=>{Co=globalThis,kT=globalThis.document||{},bc=globalThis.process||{},NT=globalThis.console,jy=globalThis.navigator||{}});function vc(r){if(typeof window<"u"&&window.process?.type==="renderer"||typeof process<"u"&&process.versions?.electron)return!0;let e=typeof navigator<"u"&&navigator.userAgent,t=r||e;return!!(t&&t.indexOf("Electron")>=0)}var wd=b(()=>{});function Qe(){return!(typeof process=="object"&&String(process)==="[object process]"&&!process?.browser)||vc()}var Ed=b(()=>{wd()});function Pd(r){return!r&&!Qe()?"Node":vc(r)?"Electron":(r||jy.userAgent||"").indexOf("Edge")>-1?"Edge":globalThis.chrome?"Chrome":globalThis.safari?"Safari":globalThis.mozInnerScreenX?"Firefox":"Unknown"}var Hy=b(()=>{Ed();wd();vd()});var Sd,un=b(()=>{vd();Ed();Hy();Sd="4.1.2"});function fi(r,e){if(!r)throw new Error(e||"Assertion failed")}var Td=b(()=>{});function Ld(r){if(!r)return 0;let e;switch(typeof r){case"number":e=r;break;case"object":e=r.logLevel||r.priority||0;break;default:return 0}return fi(Number.isFinite(e)&&e>=0),e}function Yy(r){let{logLevel:e,message:t}=r;r.logLevel=Ld(e);let n=r.args?Array.from(r.args):[];for(;n.length&&n.shift()!==t;);switch(typeof e){case"string":case"function":t!==void 0&&n.unshift(t),r.message=e;break;case"object":Object.assign(r,e);break;default:}typeof r.message=="function"&&(r.message=r.message());let i=typeof r.message;return fi(i==="string"||i==="object"),Object.assign(r,{args:n},r.opts)}var qy=b(()=>{Td()});var dn,wc,Zy=b(()=>{qy();dn=()=>{},wc=class{constructor({level:e=0}={}){this.userData={},this._onceCache=new Set,this._level=e}set level(e){this.setLevel(e)}get level(){return this.getLevel()}setLevel(e){return this._level=e,this}getLevel(){return this._level}warn(e,...t){return this._log("warn",0,e,t,{once:!0})}error(e,...t){return this._log("error",0,e,t)}log(e,t,...n){return this._log("log",e,t,n)}info(e,t,...n){return this._log("info",e,t,n)}once(e,t,...n){return this._log("once",e,t,n,{once:!0})}_log(e,t,n,i,o={}){let s=Yy({logLevel:t,message:n,args:this._buildArgs(t,n,i),opts:o});return this._createLogFunction(e,s,o)}_buildArgs(e,t,n){return[e,t,...n]}_createLogFunction(e,t,n){if(!this._shouldLog(t.logLevel))return dn;let i=this._getOnceTag(n.tag??t.tag??t.message);if((n.once||t.once)&&i!==void 0){if(this._onceCache.has(i))return dn;this._onceCache.add(i)}return this._emit(e,t)}_shouldLog(e){return this.getLevel()>=Ld(e)}_getOnceTag(e){if(e!==void 0)try{return typeof e=="string"?e:String(e)}catch{return}}}});function zT(r){try{let e=window[r],t="__storage_test__";return e.setItem(t,t),e.removeItem(t),e}catch{return null}}var Ec,Xy=b(()=>{Ec=class{constructor(e,t,n="sessionStorage"){this.storage=zT(n),this.id=e,this.config=t,this._loadConfiguration()}getConfiguration(){return this.config}setConfiguration(e){if(Object.assign(this.config,e),this.storage){let t=JSON.stringify(this.config);this.storage.setItem(this.id,t)}}_loadConfiguration(){let e={};if(this.storage){let t=this.storage.getItem(this.id);e=t?JSON.parse(t):{}}return Object.assign(this.config,e),this}}});function Ky(r){let e;return r<10?e=`${r.toFixed(2)}ms`:r<100?e=`${r.toFixed(1)}ms`:r<1e3?e=`${r.toFixed(0)}ms`:e=`${(r/1e3).toFixed(2)}s`,e}function Qy(r,e=8){let t=Math.max(e-r.length,0);return`${" ".repeat(t)}${r}`}var Jy=b(()=>{});function e_(r){return typeof r!="string"?r:(r=r.toUpperCase(),Pc[r]||Pc.WHITE)}function t_(r,e,t){return!Qe&&typeof r=="string"&&(e&&(r=`\x1B[${e_(e)}m${r}\x1B[39m`),t&&(r=`\x1B[${e_(t)+UT}m${r}\x1B[49m`)),r}var Pc,UT,r_=b(()=>{un();(function(r){r[r.BLACK=30]="BLACK",r[r.RED=31]="RED",r[r.GREEN=32]="GREEN",r[r.YELLOW=33]="YELLOW",r[r.BLUE=34]="BLUE",r[r.MAGENTA=35]="MAGENTA",r[r.CYAN=36]="CYAN",r[r.WHITE=37]="WHITE",r[r.BRIGHT_BLACK=90]="BRIGHT_BLACK",r[r.BRIGHT_RED=91]="BRIGHT_RED",r[r.BRIGHT_GREEN=92]="BRIGHT_GREEN",r[r.BRIGHT_YELLOW=93]="BRIGHT_YELLOW",r[r.BRIGHT_BLUE=94]="BRIGHT_BLUE",r[r.BRIGHT_MAGENTA=95]="BRIGHT_MAGENTA",r[r.BRIGHT_CYAN=96]="BRIGHT_CYAN",r[r.BRIGHT_WHITE=97]="BRIGHT_WHITE"})(Pc||(Pc={}));UT=10});function n_(r,e=["constructor"]){let t=Object.getPrototypeOf(r),n=Object.getOwnPropertyNames(t),i=r;for(let o of n){let s=i[o];typeof s=="function"&&(e.find(a=>o===a)||(i[o]=s.bind(r)))}}var i_=b(()=>{});var Sc,Wt,Ad=b(()=>{un();Sc=class{getHighResolutionTimer(){let e;if(Qe()&&Co.performance)e=Co?.performance?.now?.();else if("hrtime"in bc){let t=bc?.hrtime?.();e=t[0]*1e3+t[1]/1e6}else e=Date.now();return e}getMemoryUsageMB(){let t=Co?.performance?.memory?.usedJSHeapSize;return t==null?null:Math.trunc(t/1024/1024)}},Wt=new Sc;globalThis.Probe=Sc;globalThis.probe=Wt});function GT(r,e,t){if(typeof e=="string"){let n=t.time?Qy(Ky(t.total)):"";e=t.time?`${r}: ${n}  ${e}`:`${r}: ${e}`,e=t_(e,t.color,t.background)}return e}function $T(r){for(let e in r)for(let t in r[e])return t||"untitled";return"empty"}var ui,Cd,ze,Md=b(()=>{un();Zy();Xy();Jy();r_();i_();Td();Ad();ui={debug:Qe()&&console.debug||console.log,log:console.log,info:console.info,warn:console.warn,error:console.error},Cd={enabled:!0,level:0},ze=class extends wc{constructor({id:e}={id:""}){super({level:0}),this.VERSION=Sd,this._startTs=Wt.getHighResolutionTimer(),this._deltaTs=Wt.getHighResolutionTimer(),this.userData={},this.LOG_THROTTLE_TIMEOUT=0,this.id=e,this.userData={},this._storage=new Ec(`__probe-${this.id}__`,{[this.id]:Cd}),this.timeStamp(`${this.id} started`),n_(this),Object.seal(this)}isEnabled(){return this._getConfiguration().enabled}getLevel(){return this._getConfiguration().level}getTotal(){return Number((Wt.getHighResolutionTimer()-this._startTs).toPrecision(10))}getDelta(){return Number((Wt.getHighResolutionTimer()-this._deltaTs).toPrecision(10))}set priority(e){this.level=e}get priority(){return this.level}getPriority(){return this.level}enable(e=!0){return this._updateConfiguration({enabled:e}),this}setLevel(e){return this._updateConfiguration({level:e}),this}get(e){return this._getConfiguration()[e]}set(e,t){this._updateConfiguration({[e]:t})}settings(){console.table?console.table(this._storage.config):console.log(this._storage.config)}assert(e,t){if(!e)throw new Error(t||"Assertion failed")}warn(e,...t){return this._log("warn",0,e,t,{method:ui.warn,once:!0})}error(e,...t){return this._log("error",0,e,t,{method:ui.error})}deprecated(e,t){return this.warn(`\`${e}\` is deprecated and will be removed in a later version. Use \`${t}\` instead`)}removed(e,t){return this.error(`\`${e}\` has been removed. Use \`${t}\` instead`)}probe(e,t,...n){let i=Wt.getMemoryUsageMB();if(i!==null){let o=`${i}MB `;typeof t=="function"?t=()=>`${o}${t()}`:typeof t=="string"&&(t=`${o}${t}`)}return this._log("log",e,t,n,{method:ui.log,time:!0,once:!0})}log(e,t,...n){return this._log("log",e,t,n,{method:ui.debug})}info(e,t,...n){return this._log("info",e,t,n,{method:console.info})}once(e,t,...n){return this._log("once",e,t,n,{method:ui.debug||ui.info,once:!0})}table(e,t,n){return t?this._log("table",e,t,n&&[n]||[],{method:console.table||dn,tag:$T(t)}):dn}time(e,t){return this._log("time",e,t,[],{method:console.time?console.time:console.info})}timeEnd(e,t){return this._log("time",e,t,[],{method:console.timeEnd?console.timeEnd:console.info})}timeStamp(e,t){return this._log("time",e,t,[],{method:console.timeStamp||dn})}group(e,t,n={collapsed:!1}){let i=(n.collapsed?console.groupCollapsed:console.group)||console.info;return this._log("group",e,t,[],{method:i})}groupCollapsed(e,t,n={}){return this.group(e,t,Object.assign({},n,{collapsed:!0}))}groupEnd(e){return this._log("groupEnd",e,"",[],{method:console.groupEnd||dn})}withGroup(e,t,n){this.group(e,t)();try{n()}finally{this.groupEnd(e)()}}trace(){console.trace&&console.trace()}_shouldLog(e){return this.isEnabled()&&super._shouldLog(e)}_emit(e,t){let n=t.method;fi(n),t.total=this.getTotal(),t.delta=this.getDelta(),this._deltaTs=Wt.getHighResolutionTimer();let i=GT(this.id,t.message,t);return n.bind(console,i,...t.args)}_getConfiguration(){return this._storage.config[this.id]||this._updateConfiguration(Cd),this._storage.config[this.id]}_updateConfiguration(e){let t=this._storage.config[this.id]||{...Cd};this._storage.setConfiguration({[this.id]:{...t,...e}})}};ze.VERSION=Sd});var o_=b(()=>{Ad();globalThis.probe||(globalThis.probe=Wt)});var QU,Mo=b(()=>{Md();Md();o_();QU=new ze({id:"@probe.gl/log"})});function Bo(){let r;if(typeof window<"u"&&window.performance)r=window.performance.now();else if(typeof process<"u"&&process.hrtime){let e=process.hrtime();r=e[0]*1e3+e[1]/1e6}else r=Date.now();return r}var Yd=b(()=>{});var pn,qd=b(()=>{Yd();pn=class{constructor(e,t){this.sampleSize=1,this.time=0,this.count=0,this.samples=0,this.lastTiming=0,this.lastSampleTime=0,this.lastSampleCount=0,this._count=0,this._time=0,this._samples=0,this._startTime=0,this._timerPending=!1,this.name=e,this.type=t,this.reset()}reset(){return this.time=0,this.count=0,this.samples=0,this.lastTiming=0,this.lastSampleTime=0,this.lastSampleCount=0,this._count=0,this._time=0,this._samples=0,this._startTime=0,this._timerPending=!1,this}setSampleSize(e){return this.sampleSize=e,this}incrementCount(){return this.addCount(1),this}decrementCount(){return this.subtractCount(1),this}addCount(e){return this._count+=e,this._samples++,this._checkSampling(),this}subtractCount(e){return this._count-=e,this._samples++,this._checkSampling(),this}addTime(e){return this._time+=e,this.lastTiming=e,this._samples++,this._checkSampling(),this}timeStart(){return this._startTime=Bo(),this._timerPending=!0,this}timeEnd(){return this._timerPending?(this.addTime(Bo()-this._startTime),this._timerPending=!1,this._checkSampling(),this):this}getSampleAverageCount(){return this.sampleSize>0?this.lastSampleCount/this.sampleSize:0}getSampleAverageTime(){return this.sampleSize>0?this.lastSampleTime/this.sampleSize:0}getSampleHz(){return this.lastSampleTime>0?this.sampleSize/(this.lastSampleTime/1e3):0}getAverageCount(){return this.samples>0?this.count/this.samples:0}getAverageTime(){return this.samples>0?this.time/this.samples:0}getHz(){return this.time>0?this.samples/(this.time/1e3):0}_checkSampling(){this._samples===this.sampleSize&&(this.lastSampleTime=this._time,this.lastSampleCount=this._count,this.count+=this._count,this.time+=this._time,this.samples+=this._samples,this._time=0,this._count=0,this._samples=0)}}});var ft,__=b(()=>{qd();ft=class{constructor(e){this.stats={},this.id=e.id,this.stats={},this._initializeStats(e.stats),Object.seal(this)}get(e,t="count"){return this._getOrCreate({name:e,type:t})}get size(){return Object.keys(this.stats).length}reset(){for(let e of Object.values(this.stats))e.reset();return this}forEach(e){for(let t of Object.values(this.stats))e(t)}getTable(){let e={};return this.forEach(t=>{e[t.name]={time:t.time||0,count:t.count||0,average:t.getAverageTime()||0,hz:t.getHz()||0}}),e}_initializeStats(e=[]){e.forEach(t=>this._getOrCreate(t))}_getOrCreate(e){let{name:t,type:n}=e,i=this.stats[t];return i||(e instanceof pn?i=e:i=new pn(t,n),this.stats[t]=i),i}}});var Do=b(()=>{__();qd();Yd()});function q_(r){return ArrayBuffer.isView(r)&&!(r instanceof DataView)}function Z_(r){return Array.isArray(r)?r.length===0||typeof r[0]=="number":!1}function $o(r){return q_(r)||Z_(r)}var X_=b(()=>{});var ch=b(()=>{X_()});function yi(r){let e=r.split(""),t=0,n=0,i=!1,o=!1,s=!1;for(;t<r.length;){let a=r[t],c=r[t+1];if(o){s?s=!1:a==="\\"?s=!0:a==='"'&&(o=!1),t++;continue}if(i){a===`
`||a==="\r"?i=!1:e[t]=" ",t++;continue}if(n>0){if(a==="/"&&c==="*"){e[t]=" ",e[t+1]=" ",n++,t+=2;continue}if(a==="*"&&c==="/"){e[t]=" ",e[t+1]=" ",n--,t+=2;continue}a!==`
`&&a!=="\r"&&(e[t]=" "),t++;continue}if(a==='"'){o=!0,t++;continue}if(a==="/"&&c==="/"){e[t]=" ",e[t+1]=" ",i=!0,t+=2;continue}if(a==="/"&&c==="*"){e[t]=" ",e[t+1]=" ",n=1,t+=2;continue}t++}return e.join("")}function mn(r,e){let t=yi(r),n=[];for(let i of e){i.lastIndex=0;let o;for(o=i.exec(t);o;){let s=i===e[0],a=o.index,c=o[0].length;n.push({match:r.slice(a,a+c),index:a,length:c,bindingToken:o[s?1:2],groupToken:o[s?2:1],accessDeclaration:o[3]?.trim(),name:o[4]}),o=i.exec(t)}}return n.sort((i,o)=>i.index-o.index)}function gh(r,e,t){let n=mn(r,e);if(!n.length)return r;let i="",o=0;for(let s of n)i+=r.slice(o,s.index),i+=t(s),o=s.index+s.length;return i+=r.slice(o),i}function mh(r){return/@binding\(\s*auto\s*\)/.test(yi(r))}function ux(r,e){return mn(r,e===mi||e===zc?oA:e).find(n=>n.bindingToken==="auto")}var tt,mi,zc,fx,oA,Uc=b(()=>{tt="(?:var<\\s*(uniform|storage(?:\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*)?)\\s*>|var)\\s+([A-Za-z_][A-Za-z0-9_]*)",mi=[new RegExp(`@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${tt}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*${tt}`,"g")],zc=[new RegExp(`@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${tt}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto|\\d+)\\s*\\)\\s*${tt}`,"g")],fx=[new RegExp(`@binding\\(\\s*(\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${tt}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(\\d+)\\s*\\)\\s*${tt}`,"g")],oA=[new RegExp(`@binding\\(\\s*(auto)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${tt}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto)\\s*\\)\\s*${tt}`,"g"),new RegExp(`@binding\\(\\s*(auto)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)(?:[\\s\\n\\r]*@[A-Za-z_][^\\n\\r]*)*[\\s\\n\\r]*${tt}`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(auto)\\s*\\)(?:[\\s\\n\\r]*@[A-Za-z_][^\\n\\r]*)*[\\s\\n\\r]*${tt}`,"g")]});function $c(r,e={}){let t=dx(r),n=sA(t);if(!n)return null;let i=aA(t,n);if(!i)return null;let o=lA(t,n,i);if(!o)return null;if(e.scanVertexAttributes===!1)return{attributes:[],bindings:o};let s=cA(t,n);if(!s)return null;let a=pA(t,n,i,s,e.vertexEntryPoint);return a?{attributes:a,bindings:o}:null}function dx(r){let e=yi(r),t=/[A-Za-z_][A-Za-z0-9_]*|(?:0[xX][0-9A-Fa-f]+|\d+)|[@(){}<>\[\]:,;=]/g,n=[],i=t.exec(e);for(;i;)n.push({value:i[0],index:i.index}),i=t.exec(e);return n}function sA(r){let e=[],t=0;for(let n of r){if(n.value==="}"&&t===0)return null;e.push(t),n.value==="{"?t++:n.value==="}"&&t--}return t===0?e:null}function aA(r,e){let t=new Map;for(let n=0;n<r.length;n++){if(e[n]!==0||r[n].value!=="alias")continue;let i=r[n+1]?.value;if(!jo(i)||r[n+2]?.value!=="="||t.has(i))return null;let o=gx(r,e,n+3,";");if(o<0||o===n+3)return null;t.set(i,Gc(r.slice(n+3,o))),n=o}return t}function cA(r,e){let t=new Map;for(let n=0;n<r.length;n++){if(e[n]!==0||r[n].value!=="struct")continue;let i=r[n+1]?.value,o=n+2;if(!jo(i)||t.has(i)||r[o]?.value!=="{")return null;let s=bh(r,o,"{","}");if(s<0)return null;t.set(i,r.slice(o+1,s)),n=s}return t}function lA(r,e,t){let n=[],i=new Set,o=new Set;for(let s=0;s<r.length;s++){if(e[s]!==0||r[s].value!=="var")continue;let a=mx(r,e,s),c=r.slice(a,s),l=yh(c,"group"),f=yh(c,"binding");if(l===null||f===null||l===void 0!=(f===void 0))return null;if(l===void 0||f===void 0)continue;let u=s+1,d=[];if(r[u]?.value==="<"){let v=bh(r,u,"<",">");if(v<0)return null;let _=Vc(r.slice(u+1,v),",");if(!_)return null;d=_.map(Gc),u=v+1}let p=r[u]?.value;if(!jo(p)||r[u+1]?.value!==":")return null;let g=gx(r,e,u+2,";");if(g<0||g===u+2)return null;let m=xh(Gc(r.slice(u+2,g)),t);if(!m)return null;let y=fA({name:p,group:l,location:f,addressSpace:d,resourceType:m}),x=`${l}:${f}`;if(!y||i.has(x)||o.has(p))return null;n.push(y),i.add(x),o.add(p),s=g}return hA(n),n.sort((s,a)=>s.group-a.group||s.location-a.location||s.name.localeCompare(a.name))}function fA(r){let{name:e,group:t,location:n,addressSpace:i,resourceType:o}=r,s={name:e,group:t,location:n};if(i[0]==="uniform"&&i.length===1)return{...s,type:"uniform"};if(i[0]==="storage"&&i.length<=2){let a=i[1]||"read";return a==="read"?{...s,type:"read-only-storage"}:a==="read_write"?{...s,type:"storage"}:null}return i.length>0?null:o==="sampler"||o==="sampler_comparison"?{...s,type:"sampler",...o==="sampler_comparison"?{samplerType:"comparison"}:{}}:o==="texture_external"?{...s,type:"external-texture"}:uA(s,o)||dA(s,o)}function uA(r,e){let t=/^texture_storage_(1d|2d|2d_array|3d)<([A-Za-z0-9_]+),(read|write|read_write)>$/.exec(e);if(!t)return null;let n={read:"read-only",write:"write-only",read_write:"read-write"}[t[3]];return{...r,type:"storage",format:t[2],access:n,viewDimension:_h(t[1])}}function dA(r,e){let t=/^texture_(multisampled_)?(1d|2d|2d_array|cube|cube_array|3d)<(f32|i32|u32)>$/.exec(e);if(t){if(t[1]&&t[2]!=="2d")return null;let i={f32:"float",i32:"sint",u32:"uint"}[t[3]];return{...r,type:"texture",viewDimension:_h(t[2]),sampleType:i,multisampled:!!t[1]}}let n=/^texture_depth_(multisampled_)?(2d|2d_array|cube|cube_array)$/.exec(e);return!n||n[1]&&n[2]!=="2d"?null:{...r,type:"texture",viewDimension:_h(n[2]),sampleType:"depth",multisampled:!!n[1]}}function hA(r){for(let e of r){if(e.type!=="sampler"||e.samplerType||!e.name.endsWith("Sampler"))continue;let t=e.name.slice(0,-7);r.find(i=>i.type==="texture"&&i.name===t&&i.group===e.group)?.sampleType==="depth"&&(e.samplerType="non-filtering")}}function pA(r,e,t,n,i){let o=gA(r,e);if(!o)return null;let s=o.filter(p=>p.vertex),a=i?s.find(p=>p.name===i):s.length===1?s[0]:void 0;if(!a)return s.length===0&&!i?[]:null;let c=Vc(a.parameters,",");if(!c)return null;let l=[],f=new Set,u=new Set,d=new Set;for(let p of c)if(p.length>0&&!hx({declaration:p,aliases:t,structures:n,attributes:l,attributeLocations:f,attributeNames:u,visitedStructures:d}))return null;return l.sort((p,g)=>p.location-g.location||p.name.localeCompare(g.name))}function gA(r,e){let t=[],n=new Set;for(let i=0;i<r.length;i++){if(e[i]!==0||r[i].value!=="fn")continue;let o=r[i+1]?.value,s=i+2;if(!jo(o)||n.has(o)||r[s]?.value!=="(")return null;let a=bh(r,s,"(",")");if(a<0)return null;let c=mx(r,e,i);t.push({name:o,vertex:px(r.slice(c,i),"vertex"),parameters:r.slice(s+1,a)}),n.add(o),i=a}return t}function hx(r){let{declaration:e,aliases:t,structures:n,attributes:i,attributeLocations:o,attributeNames:s,visitedStructures:a}=r,c=_A(e,":");if(c<1||c===e.length-1)return!1;let l=xA(e.slice(0,c)),f=yh(e.slice(0,c),"location"),u=px(e.slice(0,c),"builtin"),d=xh(Gc(e.slice(c+1)),t);if(!l||f===null||!d||f!==void 0&&u)return!1;if(f!==void 0){let m=yA(d);return!m||o.has(f)||s.has(l)?!1:(i.push({name:l,location:f,type:m}),o.add(f),s.add(l),!0)}if(u)return!0;let p=n.get(d);if(!p||a.has(d))return!1;let g=Vc(p,",");if(!g)return!1;a.add(d);for(let m of g)if(m.length>0&&!hx({...r,declaration:m}))return!1;return a.delete(d),!0}function xh(r,e,t=new Set){let n=dx(r),i="";for(let o of n){let s=e.get(o.value);if(!s){i+=mA(o.value);continue}if(t.has(o.value))return null;let a=new Set(t);a.add(o.value);let c=xh(s,e,a);if(!c)return null;i+=c}return i}function mA(r){let e=/^(vec[234]|mat[234]x[234])([fiuh])$/.exec(r);if(!e)return r;let t={f:"f32",i:"i32",u:"u32",h:"f16"}[e[2]];return`${e[1]}<${t}>`}function yA(r){return/^(?:i32|u32|f32|f16|vec[234]<(?:i32|u32|f32|f16)>)$/.test(r)?r:null}function yh(r,e){let t;for(let n=0;n<r.length;n++)if(!(r[n].value!=="@"||r[n+1]?.value!==e)){if(t!==void 0||r[n+2]?.value!=="("||!/^\d+$/.test(r[n+3]?.value||"")||r[n+4]?.value!==")")return null;t=Number(r[n+3].value)}return t}function px(r,e){return r.some((t,n)=>t.value==="@"&&r[n+1]?.value===e)}function _h(r){return r.replace("_","-")}function bh(r,e,t,n){let i=0;for(let o=e;o<r.length;o++)if(r[o].value===t)i++;else if(r[o].value===n&&--i===0)return o;return-1}function Vc(r,e){let t=[],n=0,i={"(":0,"<":0,"[":0,"{":0},o=Object.keys(i),s={")":"(",">":"<","]":"[","}":"{"};for(let a=0;a<r.length;a++){let c=r[a].value;if(c===e&&o.every(l=>i[l]===0)){t.push(r.slice(n,a)),n=a+1;continue}if(c in i)i[c]++;else if(c in s){let l=s[c];if(i[l]--,i[l]<0)return null}}return o.every(a=>i[a]===0)?(t.push(r.slice(n)),t):null}function _A(r,e){let t=Vc(r,e);return t&&t.length===2?t[0].length:-1}function gx(r,e,t,n){for(let i=t;i<r.length;i++)if(e[i]===0&&r[i].value===n)return i;return-1}function mx(r,e,t){for(let n=t-1;n>=0;n--)if(r[n].value===";"&&e[n]===0||r[n].value==="}"&&e[n]===1)return n+1;return 0}function xA(r){for(let e=r.length-1;e>=0;e--)if(jo(r[e].value))return r[e].value;return null}function Gc(r){return r.map(e=>e.value).join("")}function jo(r){return!!(r&&/^[A-Za-z_][A-Za-z0-9_]*$/.test(r))}var vh=b(()=>{Uc()});function pr(r,e){if(!r){let t=new Error(e||"shadertools: assertion failed.");throw Error.captureStackTrace?.(t,pr),t}}var Wc=b(()=>{});function _x(r){let e={};for(let[t,n]of Object.entries(r))e[t]=bA(n);return e}function bA(r){let e=yx(r);if(e!=="object")return{value:r,...wh[e],type:e};if(typeof r=="object")return r?r.type!==void 0?{...r,...wh[r.type],type:r.type}:r.value===void 0?{type:"object",value:r}:(e=yx(r.value),{...r,...wh[e],type:e}):{type:"object",value:null};throw new Error("props")}function yx(r){return Array.isArray(r)||ArrayBuffer.isView(r)?"array":typeof r}var wh,xx=b(()=>{wh={number:{type:"number",validate(r,e){return Number.isFinite(r)&&typeof e=="object"&&(e.max===void 0||r<=e.max)&&(e.min===void 0||r>=e.min)}},array:{type:"array",validate(r,e){return Array.isArray(r)||ArrayBuffer.isView(r)}}}});var bx,vx,wx=b(()=>{bx=`#ifdef MODULE_LOGDEPTH
  logdepth_adjustPosition(gl_Position);
#endif
`,vx=`#ifdef MODULE_MATERIAL
  fragColor = material_filterColor(fragColor);
#endif

#ifdef MODULE_LIGHTING
  fragColor = lighting_filterColor(fragColor);
#endif

#ifdef MODULE_FOG
  fragColor = fog_filterColor(fragColor);
#endif

#ifdef MODULE_PICKING
  fragColor = picking_filterHighlightColor(fragColor);
  fragColor = picking_filterPickingColor(fragColor);
#endif

#ifdef MODULE_LOGDEPTH
  logdepth_setFragDepth();
#endif
`});function Sx(r){let e={vertex:{},fragment:{}};for(let t in r){let n=r[t],i=wA(t);typeof n=="string"&&(n={order:0,injection:n}),e[i][t]=n}return e}function wA(r){let e=r.slice(0,2);switch(e){case"vs":return"vertex";case"fs":return"fragment";default:throw new Error(e)}}function Yo(r,e,t,n=!1,i="glsl",o={}){let s=e==="vertex";for(let a in t){let c=t[a];c.sort((f,u)=>f.order-u.order),Eh.length=c.length;for(let f=0,u=c.length;f<u;++f)Eh[f]=c[f].injection;let l=`${Eh.join(`
`)}
`;switch(a){case"vs:#decl":(i==="wgsl"||s)&&(r=r.replace(Ho,l));break;case"vs:#main-start":(i==="wgsl"||s)&&(r=i==="wgsl"?jc(r,"vertex",l,"start",o.vertex):r.replace(Ex,f=>f+l));break;case"vs:#main-end":(i==="wgsl"||s)&&(r=i==="wgsl"?jc(r,"vertex",l,"end",o.vertex):r.replace(Px,f=>l+f));break;case"fs:#decl":(i==="wgsl"||!s)&&(r=r.replace(Ho,l));break;case"fs:#main-start":(i==="wgsl"||!s)&&(r=i==="wgsl"?jc(r,"fragment",l,"start",o.fragment):r.replace(Ex,f=>f+l));break;case"fs:#main-end":(i==="wgsl"||!s)&&(r=i==="wgsl"?jc(r,"fragment",l,"end",o.fragment):r.replace(Px,f=>l+f));break;default:r=r.replace(a,f=>f+l)}}return r=r.replace(Ho,""),n&&(r=r.replace(/\}\s*$/,a=>a+vA[e])),r}function jc(r,e,t,n,i){let o=EA(r,e,i);if(!o)return r;if(n==="start"){let s=o.openBraceIndex+1;return`${r.slice(0,s)}
${t}${r.slice(s)}`}return`${r.slice(0,o.closeBraceIndex)}${t}${r.slice(o.closeBraceIndex)}`}function EA(r,e,t){let n=e==="vertex"?"@vertex":"@fragment",i=r.indexOf(n);if(i<0)return null;let o=t?r.search(new RegExp(`\\bfn\\s+${PA(t)}\\s*\\(`)):r.indexOf("fn",i);if(o<0)return null;let s=r.indexOf("{",o);if(s<0)return null;let a=0;for(let c=s;c<r.length;c++){let l=r[c];if(l==="{")a++;else if(l==="}"&&(a--,a===0))return{openBraceIndex:s,closeBraceIndex:c}}return null}function PA(r){return r.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}var vA,Ex,Px,Eh,Ho,Ph=b(()=>{wx();vA={vertex:bx,fragment:vx},Ex=/void\s+main\s*\([^)]*\)\s*\{\n?/,Px=/}\n?[^{}]*$/,Eh=[],Ho="__LUMA_INJECT_DECLARATIONS__"});function _i(r){r.map(e=>SA(e))}function SA(r){if(r.instance)return;_i(r.dependencies||[]);let{propTypes:e={},deprecations:t=[],inject:n={}}=r,i={normalizedInjections:Sx(n),parsedDeprecations:TA(t)};e&&(i.propValidators=_x(e)),r.instance=i;let o={};e&&(o=Object.entries(e).reduce((s,[a,c])=>{let l=c?.value;return l&&(s[a]=l),s},{})),r.defaultUniforms={...r.defaultUniforms,...o}}function Sh(r,e,t){r.deprecations?.forEach(n=>{n.regex?.test(e)&&(n.deprecated?t.deprecated(n.old,n.new)():t.removed(n.old,n.new)())})}function TA(r){return r.forEach(e=>{e.type==="function"?e.regex=new RegExp(`\\b${e.old}\\(`):e.regex=new RegExp(`${e.type} ${e.old};`)}),r}var Hc=b(()=>{xx();Ph()});function yn(r){_i(r);let e={},t={};Tx({modules:r,level:0,moduleMap:e,moduleDepth:t});let n=Object.keys(t).sort((i,o)=>t[o]-t[i]).map(i=>e[i]);return _i(n),n}function Tx(r){let{modules:e,level:t,moduleMap:n,moduleDepth:i}=r;if(t>=5)throw new Error("Possible loop in shader dependency graph");for(let o of e)n[o.name]=o,(i[o.name]===void 0||i[o.name]<t)&&(i[o.name]=t);for(let o of e)o.dependencies&&Tx({modules:o.dependencies,level:t+1,moduleMap:n,moduleDepth:i})}var Th=b(()=>{Hc()});var S,Ge=b(()=>{Mo();S=new ze({id:"luma.gl"})});function LA(r,e){return r!=null?!!r:e!==void 0?e!=="production":!1}function AA(){return LA(S.get("debug"),CA())}function CA(){let r=globalThis.process;if(r?.env)return r.env.NODE_ENV}var Yc,Lh=b(()=>{Ge();Yc={id:null,powerPreference:"high-performance",failIfMajorPerformanceCaveat:!1,featureLevel:void 0,optionalFeatures:[],xrCompatible:!1,createCanvasContext:void 0,webgl:{},onError:(r,e)=>{},onResize:(r,e)=>{let[t,n]=r.getDevicePixelSize();S.log(1,`${r} resized => ${t}x${n}px`)()},onPositionChange:(r,e)=>{let[t,n]=r.getPosition();S.log(1,`${r} repositioned => ${t},${n}`)()},onVisibilityChange:r=>S.log(1,`${r} Visibility changed ${r.isVisible}`)(),onDevicePixelRatioChange:(r,e)=>S.log(1,`${r} DPR changed ${e.oldRatio} => ${r.devicePixelRatio}`)(),debug:AA(),debugGPUTime:!1,debugShaders:S.get("debug-shaders")||void 0,debugFramebuffers:!!S.get("debug-framebuffers"),debugFactories:!!S.get("debug-factories"),debugWebGL:!!S.get("debug-webgl"),debugSpectorJS:void 0,debugSpectorJSUrl:void 0,_reuseDevices:!1,_cacheShaders:!0,_destroyShaders:!1,_cachePipelines:!0,_sharePipelines:!0,_destroyPipelines:!1,_initializeFeatures:!0,_disabledFeatures:{"compilation-status-async-webgl":!0},_handle:void 0}});function RA(r,e){let t=r.stats,n=!1;for(let c of e)t[c]||(r.get(c),n=!0);let i=Object.keys(t).length,o=Lx.get(r);if(!n&&o?.orderedStatNames===e&&o.statCount===i)return;let s={},a=Ax.get(e);a||(a=new Set(e),Ax.set(e,a));for(let c of e)t[c]&&(s[c]=t[c]);for(let[c,l]of Object.entries(t))a.has(c)||(s[c]=l);for(let c of Object.keys(t))delete t[c];Object.assign(t,s),Lx.set(r,{orderedStatNames:e,statCount:i})}var MA,IA,Lx,Ax,Ah,qc,Ch=b(()=>{Do();MA="GPU Time and Memory",IA=["Adapter","GPU","GPU Type","GPU Backend","Frame Rate","CPU Time","GPU Time","GPU Memory","Buffer Memory","Texture Memory","External Buffer Memory","External Texture Memory","Swap Chain Texture"],Lx=new WeakMap,Ax=new WeakMap,Ah=class{constructor(){h(this,"stats",new Map)}getStats(e){return this.get(e)}get(e){this.stats.has(e)||this.stats.set(e,new ft({id:e}));let t=this.stats.get(e);return e===MA&&RA(t,IA),t}},qc=new Ah});var OA,Cx,qo,Mh,xi,Mx=b(()=>{Lh();Ch();Ge();OA="set luma.log.level=1 (or higher) to trace rendering",Cx="No matching device found. Ensure `@luma.gl/webgl` and/or `@luma.gl/webgpu` modules are imported.",qo=class qo{constructor(){h(this,"stats",qc);h(this,"log",S);h(this,"VERSION","9.4.2");h(this,"spector");h(this,"preregisteredAdapters",new Map);if(globalThis.luma){if(globalThis.luma.VERSION!==this.VERSION)throw S.error(`Found luma.gl ${globalThis.luma.VERSION} while initialzing ${this.VERSION}`)(),S.error("'yarn why @luma.gl/core' can help identify the source of the conflict")(),new Error("luma.gl - multiple versions detected: see console log");S.error("This version of luma.gl has already been initialized")()}S.log(1,`${this.VERSION} - ${OA}`)(),globalThis.luma=this}async createDevice(e={}){let t={...qo.defaultProps,...e},n=this.selectAdapter(t.type,t.adapters);if(!n)throw new Error(Cx);return t.waitForPageLoad&&await n.pageLoaded,await n.create(t)}async attachDevice(e,t){let n=this._getTypeFromHandle(e,t.adapters),i=n&&this.selectAdapter(n,t.adapters);if(!i)throw new Error(Cx);return await i?.attach?.(e,t)}registerAdapters(e){for(let t of e)this.preregisteredAdapters.set(t.type,t)}getSupportedAdapters(e=[]){let t=this._getAdapterMap(e);return Array.from(t).map(([,n])=>n).filter(n=>n.isSupported?.()).map(n=>n.type)}getBestAvailableAdapterType(e=[]){let t=["webgpu","webgl","null"],n=this._getAdapterMap(e);for(let i of t)if(n.get(i)?.isSupported?.())return i;return null}selectAdapter(e,t=[]){let n=e;e==="best-available"&&(n=this.getBestAvailableAdapterType(t));let i=this._getAdapterMap(t);return n&&i.get(n)||null}enforceWebGL2(e=!0,t=[]){let i=this._getAdapterMap(t).get("webgl");i||S.warn("enforceWebGL2: webgl adapter not found")(),i?.enforceWebGL2?.(e)}setDefaultDeviceProps(e){Object.assign(qo.defaultProps,e)}_getAdapterMap(e=[]){let t=new Map(this.preregisteredAdapters);for(let n of e)t.set(n.type,n);return t}_getTypeFromHandle(e,t=[]){return e instanceof WebGL2RenderingContext?"webgl":typeof GPUDevice<"u"&&e instanceof GPUDevice||e?.queue?"webgpu":e===null?"null":(e instanceof WebGLRenderingContext?S.warn("WebGL1 is not supported",e)():S.warn("Unknown handle type",e)(),null)}};h(qo,"defaultProps",{...Yc,type:"best-available",adapters:void 0,waitForPageLoad:!0});Mh=qo,xi=new Mh});function kA(){return Zc||(DA()||typeof window>"u"?Zc=Promise.resolve():Zc=new Promise(r=>window.addEventListener("load",()=>r()))),Zc}var Zo,BA,DA,Zc,Ix=b(()=>{un();Zo=class{get pageLoaded(){return kA()}},BA=Qe()&&typeof document<"u",DA=()=>BA&&document.readyState==="complete",Zc=null});function Zt(r="id"){Ih[r]=Ih[r]||1;let e=Ih[r]++;return`${r}-${e}`}var Ih,bi=b(()=>{Ih={}});function $A(r,e){let t={...e};for(let n in r)r[n]!==void 0&&(t[n]=r[n]);return t}function Nx(r,e){let t=r.stats,n=!1;for(let c of e)t[c]||(r.get(c),n=!0);let i=Object.keys(t).length,o=Dx.get(r);if(!n&&o?.orderedStatNames===e&&o.statCount===i)return;let s={},a=kx.get(e);a||(a=new Set(e),kx.set(e,a));for(let c of e)t[c]&&(s[c]=t[c]);for(let[c,l]of Object.entries(t))a.has(c)||(s[c]=l);for(let c of Object.keys(t))delete t[c];Object.assign(t,s),Dx.set(r,{orderedStatNames:e,statCount:i})}function Fx(r){return r.type==="webgl"?GA:UA}function Xo(r){let e=r.userData[NA];return e?.enabled?e:null}function Fr(){return globalThis.performance?.now?.()??Date.now()}function VA(r,e){let t=Xo(r);if(!(!t||!t.activeDefaultFramebufferAcquireDepth))switch(t.transientCanvasResourceCreates=(t.transientCanvasResourceCreates||0)+1,e){case"Texture":t.transientCanvasTextureCreates=(t.transientCanvasTextureCreates||0)+1;break;case"TextureView":t.transientCanvasTextureViewCreates=(t.transientCanvasTextureViewCreates||0)+1;break;case"Sampler":t.transientCanvasSamplerCreates=(t.transientCanvasSamplerCreates||0)+1;break;case"Framebuffer":t.transientCanvasFramebufferCreates=(t.transientCanvasFramebufferCreates||0)+1;break;default:break}}function WA(r){let e=Object.getPrototypeOf(r);for(;e;){let t=Object.getPrototypeOf(e);if(!t||t===G.prototype)return jA(e)||r[Symbol.toStringTag]||r.constructor.name;e=t}return r[Symbol.toStringTag]||r.constructor.name}function jA(r){let e=Object.getOwnPropertyDescriptor(r,Symbol.toStringTag);return typeof e?.get=="function"?e.get.call(r):typeof e?.value=="string"?e.value:null}var NA,Rx,Ox,Bx,FA,zA,UA,GA,Dx,kx,G,Ee=b(()=>{bi();NA="cpu-hotspot-profiler",Rx="GPU Resource Counts",Ox="Resource Counts",Bx="GPU Time and Memory",FA=["Resources","Buffers","Textures","Samplers","TextureViews","Framebuffers","QuerySets","Shaders","RenderPipelines","ComputePipelines","PipelineLayouts","VertexArrays","RenderPasss","RenderBundleEncoders","RenderBundles","ComputePasss","CommandEncoders","CommandBuffers"],zA=["Resources","Buffers","Textures","Samplers","TextureViews","Framebuffers","QuerySets","Shaders","RenderPipelines","SharedRenderPipelines","ComputePipelines","PipelineLayouts","VertexArrays","RenderPasss","RenderBundleEncoders","RenderBundles","ComputePasss","CommandEncoders","CommandBuffers"],UA=FA.flatMap(r=>[`${r} Created`,`${r} Active`]),GA=zA.flatMap(r=>[`${r} Created`,`${r} Active`]),Dx=new WeakMap,kx=new WeakMap,G=class{constructor(e,t,n){h(this,"id");h(this,"props");h(this,"userData",{});h(this,"_device");h(this,"destroyed",!1);h(this,"allocatedBytes",0);h(this,"allocatedBytesName",null);h(this,"_attachedResources",new Set);if(!e)throw new Error("no device");this._device=e,this.props=$A(t,n);let i=this.props.id!=="undefined"?this.props.id:Zt(this[Symbol.toStringTag]);this.props.id=i,this.id=i,this.userData=this.props.userData||{},this.addStats()}toString(){return`${this[Symbol.toStringTag]||this.constructor.name}:"${this.id}"`}toJSON(){return this.toString()}get ownsHandle(){return(this.props.handle===void 0||this.props.handle===null)&&!this.isHandleBorrowed}get isHandleBorrowed(){return!!this.props._isHandleBorrowed}destroy(){this.destroyed||this.destroyResource()}delete(){return this.destroy(),this}getProps(){return this.props}attachResource(e){this._attachedResources.add(e)}detachResource(e){this._attachedResources.delete(e)}destroyAttachedResource(e){this._attachedResources.delete(e)&&e.destroy()}destroyAttachedResources(){for(let e of this._attachedResources)e.destroy();this._attachedResources=new Set}destroyResource(){this.destroyed||(this.destroyAttachedResources(),this.removeStats(),this.destroyed=!0)}removeStats(){let e=Xo(this._device),t=e?Fr():0,n=[this._device.statsManager.getStats(Rx),this._device.statsManager.getStats(Ox)],i=Fx(this._device);for(let s of n)Nx(s,i);let o=this.getStatsName();for(let s of n)s.get("Resources Active").decrementCount(),s.get(`${o}s Active`).decrementCount();e&&(e.statsBookkeepingCalls=(e.statsBookkeepingCalls||0)+1,e.statsBookkeepingTimeMs=(e.statsBookkeepingTimeMs||0)+(Fr()-t))}trackAllocatedMemory(e,t=this.getStatsName()){let n=Xo(this._device),i=n?Fr():0,o=this._device.statsManager.getStats(Bx);this.allocatedBytes>0&&this.allocatedBytesName&&(o.get("GPU Memory").subtractCount(this.allocatedBytes),o.get(`${this.allocatedBytesName} Memory`).subtractCount(this.allocatedBytes)),o.get("GPU Memory").addCount(e),o.get(`${t} Memory`).addCount(e),n&&(n.statsBookkeepingCalls=(n.statsBookkeepingCalls||0)+1,n.statsBookkeepingTimeMs=(n.statsBookkeepingTimeMs||0)+(Fr()-i)),this.allocatedBytes=e,this.allocatedBytesName=t}trackReferencedMemory(e,t=this.getStatsName()){this.trackAllocatedMemory(e,`External ${t}`)}trackDeallocatedMemory(e=this.getStatsName()){if(this.allocatedBytes===0){this.allocatedBytesName=null;return}let t=Xo(this._device),n=t?Fr():0,i=this._device.statsManager.getStats(Bx);i.get("GPU Memory").subtractCount(this.allocatedBytes),i.get(`${this.allocatedBytesName||e} Memory`).subtractCount(this.allocatedBytes),t&&(t.statsBookkeepingCalls=(t.statsBookkeepingCalls||0)+1,t.statsBookkeepingTimeMs=(t.statsBookkeepingTimeMs||0)+(Fr()-n)),this.allocatedBytes=0,this.allocatedBytesName=null}trackDeallocatedReferencedMemory(e=this.getStatsName()){this.trackDeallocatedMemory(`Referenced ${e}`)}addStats(){let e=this.getStatsName(),t=Xo(this._device),n=t?Fr():0,i=[this._device.statsManager.getStats(Rx),this._device.statsManager.getStats(Ox)],o=Fx(this._device);for(let s of i)Nx(s,o);for(let s of i)s.get("Resources Created").incrementCount(),s.get("Resources Active").incrementCount(),s.get(`${e}s Created`).incrementCount(),s.get(`${e}s Active`).incrementCount();t&&(t.statsBookkeepingCalls=(t.statsBookkeepingCalls||0)+1,t.statsBookkeepingTimeMs=(t.statsBookkeepingTimeMs||0)+(Fr()-n)),VA(this._device,e)}getStatsName(){return WA(this)}};h(G,"defaultProps",{id:"undefined",handle:void 0,_isHandleBorrowed:!1,userData:void 0})});var Te,V,Xc=b(()=>{Ee();Te=class Te extends G{constructor(t,n){let i={...n};(n.usage||0)&Te.INDEX&&!n.indexType&&(n.data instanceof Uint32Array?i.indexType="uint32":n.data instanceof Uint16Array?i.indexType="uint16":n.data instanceof Uint8Array&&(i.indexType="uint8")),delete i.data;super(t,i,Te.defaultProps);h(this,"usage");h(this,"indexType");h(this,"updateTimestamp");h(this,"debugData",new ArrayBuffer(0));this.usage=i.usage||0,this.indexType=i.indexType,this.updateTimestamp=t.incrementTimestamp()}get[Symbol.toStringTag](){return"Buffer"}clone(t){return this.device.createBuffer({...this.props,...t})}_setDebugData(t,n,i){if(!this.device.props.debug)return;let o=null,s;ArrayBuffer.isView(t)?(o=t,s=t.buffer):s=t;let a=Math.min(t?t.byteLength:i,Te.DEBUG_DATA_MAX_LENGTH);if(s===null)this.debugData=new ArrayBuffer(a);else{let c=Math.min(o?.byteOffset||0,s.byteLength),l=Math.max(0,s.byteLength-c),f=Math.min(a,l);this.debugData=new Uint8Array(s,c,f).slice().buffer}}};h(Te,"INDEX",16),h(Te,"VERTEX",32),h(Te,"UNIFORM",64),h(Te,"STORAGE",128),h(Te,"INDIRECT",256),h(Te,"QUERY_RESOLVE",512),h(Te,"MAP_READ",1),h(Te,"MAP_WRITE",2),h(Te,"COPY_SRC",4),h(Te,"COPY_DST",8),h(Te,"DEBUG_DATA_MAX_LENGTH",32),h(Te,"defaultProps",{...G.defaultProps,handle:void 0,usage:0,byteLength:0,byteOffset:0,data:null,indexType:"uint16",onMapped:void 0});V=Te});function zx(){return Rh??Uint16Array}function Ux(r){return!!(Rh&&r===Rh)}var Rh,Gx=b(()=>{Rh=globalThis.Float16Array});function $x(r){let e=r.includes("norm"),t=!e&&!r.startsWith("float"),n=r.startsWith("s"),i=Oh[r],[o,s,a]=i||["uint8 ","i32",1];return{signedType:o,primitiveType:s,byteLength:a,normalized:e,integer:t,signed:n}}function Vx(r){let e=r;switch(e){case"uint8":return"unorm8";case"sint8":return"snorm8";case"uint16":return"unorm16";case"sint16":return"snorm16";default:return e}}function ut(r,e){switch(e){case 1:return r;case 2:return r+r%2;default:return r+(4-r%4)%4}}function Kc(r){let e=ArrayBuffer.isView(r)?r.constructor:r;if(Ux(e))return"float16";if(e===Uint8ClampedArray)return"uint8";let t=Object.values(Oh).find(n=>e===n[4]);if(!t)throw new Error(e.name);return t[0]}function Wx(r){return Kc(r)}function _n(r){if(r==="float16")return zx();let e=Oh[r];if(!e)throw new Error(r);let[,,,,t]=e;return t}function xn(r){return _n(r)}var Oh,Qc=b(()=>{Gx();Oh={uint8:["uint8","u32",1,!1,Uint8Array],sint8:["sint8","i32",1,!1,Int8Array],unorm8:["uint8","f32",1,!0,Uint8Array],snorm8:["sint8","f32",1,!0,Int8Array],uint16:["uint16","u32",2,!1,Uint16Array],sint16:["sint16","i32",2,!1,Int16Array],unorm16:["uint16","u32",2,!0,Uint16Array],snorm16:["sint16","i32",2,!0,Int16Array],float16:["float16","f16",2,!1,Uint16Array],float32:["float32","f32",4,!1,Float32Array],uint32:["uint32","u32",4,!1,Uint32Array],sint32:["sint32","i32",4,!1,Int32Array]}});var Bh,Le,Jc=b(()=>{Qc();Bh=class{getDataTypeInfo(e){return $x(e)}getNormalizedDataType(e){return Vx(e)}alignTo(e,t){return ut(e,t)}getDataType(e){return Wx(e)}getTypedArrayConstructor(e){return xn(e)}},Le=new Bh});function HA(r,e){try{return Le.getDataTypeInfo(e)}catch{throw new Error(`Unsupported vertex format: ${r}`)}}function YA(r,e){if(!e)return 1;let t=Number(e);if(t===2||t===3||t===4)return t;throw new Error(`Unsupported vertex format: ${r}`)}function qA(r,e,t){if(t!==3)throw new Error(`Unsupported vertex format: ${r}`);switch(e){case"uint8":case"sint8":case"unorm8":case"snorm8":case"uint16":case"sint16":case"unorm16":case"snorm16":return`${e}x3-webgl`;default:throw new Error(`Unsupported vertex format: ${r}`)}}var Dh,oe,Ko=b(()=>{Jc();Dh=class{getVertexFormatInfo(e){if(e==="unorm10-10-10-2")return{type:"unorm8",components:4,byteLength:4,integer:!1,signed:!1,normalized:!0};let t=e==="unorm8x4-bgra"?"unorm8x4":e,n;t.endsWith("-webgl")&&(t=t.slice(0,-6),n=!0);let i=t.split("x");if(i.length>2)throw new Error(`Unsupported vertex format: ${e}`);let[o,s]=i,a=o,c=YA(e,s),l=HA(e,a),f;try{f=n?qA(e,a,c):this.makeVertexFormat(l.signedType,c,l.normalized)}catch{throw new Error(`Unsupported vertex format: ${e}`)}if(f!==(n?e:t))throw new Error(`Unsupported vertex format: ${e}`);let u={type:a,components:c,byteLength:l.byteLength*c,integer:l.integer,signed:l.signed,normalized:l.normalized};return n&&(u.webglOnly=!0),u}makeVertexFormat(e,t,n){let i=n?Le.getNormalizedDataType(e):e;switch(i){case"unorm8":return t===1?"unorm8":t===3?"unorm8x3-webgl":`${i}x${t}`;case"snorm8":return t===1?"snorm8":t===3?"snorm8x3-webgl":`${i}x${t}`;case"uint8":case"sint8":if(t===3)throw new Error(`size: ${t}`);return t===1?i:`${i}x${t}`;case"uint16":return t===1?"uint16":t===3?"uint16x3-webgl":`${i}x${t}`;case"sint16":return t===1?"sint16":t===3?"sint16x3-webgl":`${i}x${t}`;case"unorm16":return t===1?"unorm16":t===3?"unorm16x3-webgl":`${i}x${t}`;case"snorm16":return t===1?"snorm16":t===3?"snorm16x3-webgl":`${i}x${t}`;case"float16":if(t===3)throw new Error(`size: ${t}`);return t===1?i:`${i}x${t}`;default:return t===1?i:`${i}x${t}`}}getVertexFormatFromAttribute(e,t,n){if(!t||t>4)throw new Error(`size ${t}`);let i=t,o=Le.getDataType(e);return this.makeVertexFormat(o,i,n)}getCompatibleVertexFormat(e){let t;switch(e.primitiveType){case"f32":t="float32";break;case"i32":t="sint32";break;case"u32":t="uint32";break;case"f16":return e.components<=2?"float16x2":"float16x4"}return e.components===1?t:`${t}x${e.components}`}},oe=new Dh});function nl(r){let e=Yx[r];if(!e)throw new Error(`Unsupported texture format ${r}`);return e}function Hx(){return Yx}var Ce,te,Xt,ZA,el,kh,tl,Nh,XA,Fh,zr,zh,Uh,rl,jx,KA,QA,Yx,Gh=b(()=>{Ce="texture-compression-bc",te="texture-compression-astc",Xt="texture-compression-etc2",ZA="texture-compression-etc1-webgl",el="texture-compression-pvrtc-webgl",kh="texture-compression-atc-webgl",tl="float32-renderable-webgl",Nh="float16-renderable-webgl",XA="rgb9e5ufloat-renderable-webgl",Fh="snorm8-renderable-webgl",zr="norm16-webgl",zh="norm16-renderable-webgl",Uh="snorm16-renderable-webgl",rl="float32-filterable",jx="float16-filterable-webgl";KA={r8unorm:{webgpu:527},rg8unorm:{webgpu:527},"rgb8unorm-webgl":{},rgba8unorm:{webgpu:31},"rgba8unorm-srgb":{webgpu:15},r8snorm:{render:Fh,webgpu:837},rg8snorm:{render:Fh,webgpu:837},"rgb8snorm-webgl":{},rgba8snorm:{render:Fh,webgpu:341},r8uint:{webgpu:515},rg8uint:{webgpu:515},rgba8uint:{webgpu:19},r8sint:{webgpu:515},rg8sint:{webgpu:515},rgba8sint:{webgpu:19},bgra8unorm:{webgpu:15},"bgra8unorm-srgb":{webgpu:15360},r16unorm:{f:zr,render:zh,webgpu:992},rg16unorm:{f:zr,render:zh,webgpu:992},"rgb16unorm-webgl":{f:zr,render:!1},rgba16unorm:{f:zr,render:zh,webgpu:992},r16snorm:{f:zr,render:Uh,webgpu:992},rg16snorm:{f:zr,render:Uh,webgpu:992},"rgb16snorm-webgl":{f:zr,render:!1},rgba16snorm:{f:zr,render:Uh,webgpu:992},r16uint:{webgpu:515},rg16uint:{webgpu:515},rgba16uint:{webgpu:19},r16sint:{webgpu:515},rg16sint:{webgpu:515},rgba16sint:{webgpu:19},r16float:{render:Nh,filter:"float16-filterable-webgl",webgpu:527},rg16float:{render:Nh,filter:jx,webgpu:527},rgba16float:{render:Nh,filter:jx,webgpu:31},r32uint:{webgpu:19},rg32uint:{webgpu:16387},rgba32uint:{webgpu:19},r32sint:{webgpu:19},rg32sint:{webgpu:16387},rgba32sint:{webgpu:19},r32float:{render:tl,filter:rl,webgpu:19},rg32float:{render:!1,filter:rl,webgpu:16387},"rgb32float-webgl":{render:tl,filter:rl},rgba32float:{render:tl,filter:rl,webgpu:19},"rgba4unorm-webgl":{channels:"rgba",bitsPerChannel:[4,4,4,4],packed:!0},"rgb565unorm-webgl":{channels:"rgb",bitsPerChannel:[5,6,5,0],packed:!0},"rgb5a1unorm-webgl":{channels:"rgba",bitsPerChannel:[5,5,5,1],packed:!0},rgb9e5ufloat:{channels:"rgb",packed:!0,render:XA,webgpu:5},rg11b10ufloat:{channels:"rgb",bitsPerChannel:[11,11,10,0],packed:!0,p:1,render:tl,webgpu:517},rgb10a2unorm:{channels:"rgba",bitsPerChannel:[10,10,10,2],packed:!0,p:1,webgpu:527},rgb10a2uint:{channels:"rgba",bitsPerChannel:[10,10,10,2],packed:!0,p:1,webgpu:515},stencil8:{attachment:"stencil",bitsPerChannel:[8,0,0,0],dataType:"uint8",webgpu:3},depth16unorm:{attachment:"depth",bitsPerChannel:[16,0,0,0],dataType:"uint16",webgpu:3},depth24plus:{attachment:"depth",bitsPerChannel:[24,0,0,0],dataType:"uint32",webgpu:3},depth32float:{attachment:"depth",bitsPerChannel:[32,0,0,0],dataType:"float32",webgpu:3},"depth24plus-stencil8":{attachment:"depth-stencil",bitsPerChannel:[24,8,0,0],packed:!0,webgpu:3},"depth32float-stencil8":{attachment:"depth-stencil",bitsPerChannel:[32,8,0,0],packed:!0,f:"depth32float-stencil8",webgpu:3}},QA={"bc1-rgb-unorm-webgl":{f:Ce},"bc1-rgb-unorm-srgb-webgl":{f:Ce},"bc1-rgba-unorm":{f:Ce},"bc1-rgba-unorm-srgb":{f:Ce},"bc2-rgba-unorm":{f:Ce},"bc2-rgba-unorm-srgb":{f:Ce},"bc3-rgba-unorm":{f:Ce},"bc3-rgba-unorm-srgb":{f:Ce},"bc4-r-unorm":{f:Ce},"bc4-r-snorm":{f:Ce},"bc5-rg-unorm":{f:Ce},"bc5-rg-snorm":{f:Ce},"bc6h-rgb-ufloat":{f:Ce},"bc6h-rgb-float":{f:Ce},"bc7-rgba-unorm":{f:Ce},"bc7-rgba-unorm-srgb":{f:Ce},"etc2-rgb8unorm":{f:Xt},"etc2-rgb8unorm-srgb":{f:Xt},"etc2-rgb8a1unorm":{f:Xt},"etc2-rgb8a1unorm-srgb":{f:Xt},"etc2-rgba8unorm":{f:Xt},"etc2-rgba8unorm-srgb":{f:Xt},"eac-r11unorm":{f:Xt},"eac-r11snorm":{f:Xt},"eac-rg11unorm":{f:Xt},"eac-rg11snorm":{f:Xt},"astc-4x4-unorm":{f:te},"astc-4x4-unorm-srgb":{f:te},"astc-5x4-unorm":{f:te},"astc-5x4-unorm-srgb":{f:te},"astc-5x5-unorm":{f:te},"astc-5x5-unorm-srgb":{f:te},"astc-6x5-unorm":{f:te},"astc-6x5-unorm-srgb":{f:te},"astc-6x6-unorm":{f:te},"astc-6x6-unorm-srgb":{f:te},"astc-8x5-unorm":{f:te},"astc-8x5-unorm-srgb":{f:te},"astc-8x6-unorm":{f:te},"astc-8x6-unorm-srgb":{f:te},"astc-8x8-unorm":{f:te},"astc-8x8-unorm-srgb":{f:te},"astc-10x5-unorm":{f:te},"astc-10x5-unorm-srgb":{f:te},"astc-10x6-unorm":{f:te},"astc-10x6-unorm-srgb":{f:te},"astc-10x8-unorm":{f:te},"astc-10x8-unorm-srgb":{f:te},"astc-10x10-unorm":{f:te},"astc-10x10-unorm-srgb":{f:te},"astc-12x10-unorm":{f:te},"astc-12x10-unorm-srgb":{f:te},"astc-12x12-unorm":{f:te},"astc-12x12-unorm-srgb":{f:te},"pvrtc-rgb4unorm-webgl":{f:el},"pvrtc-rgba4unorm-webgl":{f:el},"pvrtc-rgb2unorm-webgl":{f:el},"pvrtc-rgba2unorm-webgl":{f:el},"etc1-rbg-unorm-webgl":{f:ZA},"atc-rgb-unorm-webgl":{f:kh},"atc-rgba-unorm-webgl":{f:kh},"atc-rgbai-unorm-webgl":{f:kh}},Yx={...KA,...QA}});function iC({format:r,width:e,height:t,depth:n,byteAlignment:i}){let o=$e.getInfo(r),{bytesPerPixel:s,bytesPerBlock:a=s,blockWidth:c=1,blockHeight:l=1,compressed:f=!1}=o,u=f?Math.ceil(e/c):e,d=f?Math.ceil(t/l):t,p=u*a,g=Math.ceil(p/i)*i,m=d,y=g*m*n;return{bytesPerPixel:s,bytesPerRow:g,rowsPerImage:m,depthOrArrayLayers:n,bytesPerImage:g*m,byteLength:y}}function oC(r){let e=nl(r),t={format:r,create:e.f??!0,render:e.render??!0,filter:e.filter??!0,blend:e.blend??!0,store:e.store??!0},n=qx(r),i=r.startsWith("depth")||r.startsWith("stencil"),o=n?.signed,s=n?.integer,a=n?.webgl,c=!!n?.compressed;return t.render&&(t.render=!i&&!c),t.filter&&(t.filter=!i&&!o&&!s&&!a),t}function qx(r){let e=sC(r);if($e.isCompressed(r)){e.channels="rgb",e.components=3,e.bytesPerPixel=1,e.srgb=!1,e.compressed=!0,e.bytesPerBlock=cC(r);let n=aC(r);n&&(e.blockWidth=n.blockWidth,e.blockHeight=n.blockHeight)}let t=e.packed?null:JA.exec(r);if(t){let[,n,i,o,s,a]=t,c=`${o}${i}`,l=Le.getDataTypeInfo(c),f=l.byteLength*8,u=n?.length??1,d=[f,u>=2?f:0,u>=3?f:0,u>=4?f:0];e={format:r,attachment:e.attachment,dataType:l.signedType,components:u,channels:n,integer:l.integer,signed:l.signed,normalized:l.normalized,bitsPerChannel:d,bytesPerPixel:l.byteLength*u,packed:e.packed,srgb:e.srgb},a==="-webgl"&&(e.webgl=!0),s==="-srgb"&&(e.srgb=!0)}return r.endsWith("-webgl")&&(e.webgl=!0),r.endsWith("-srgb")&&(e.srgb=!0),e}function sC(r){let e={...nl(r)},t=e.bytesPerPixel||1,n=e.bitsPerChannel||[8,8,8,8];return delete e.bitsPerChannel,delete e.bytesPerPixel,delete e.f,delete e.render,delete e.filter,delete e.blend,delete e.store,delete e.webgpu,{...e,format:r,attachment:e.attachment||"color",channels:e.channels||"r",components:e.components||e.channels?.length||1,bytesPerPixel:t,bitsPerChannel:n,dataType:e.dataType||"uint8",srgb:e.srgb??!1,packed:e.packed??!1,webgl:e.webgl??!1,integer:e.integer??!1,signed:e.signed??!1,normalized:e.normalized??!1,compressed:e.compressed??!1}}function aC(r){let t=/.*-(\d+)x(\d+)-.*/.exec(r);if(t){let[,n,i]=t;return{blockWidth:Number(n),blockHeight:Number(i)}}return r.startsWith("bc")||r.startsWith("etc1")||r.startsWith("etc2")||r.startsWith("eac")||r.startsWith("atc")?{blockWidth:4,blockHeight:4}:r.startsWith("pvrtc-rgb4")||r.startsWith("pvrtc-rgba4")?{blockWidth:4,blockHeight:4}:r.startsWith("pvrtc-rgb2")||r.startsWith("pvrtc-rgba2")?{blockWidth:8,blockHeight:4}:null}function cC(r){return r.startsWith("bc1")||r.startsWith("bc4")||r.startsWith("etc1")||r.startsWith("etc2-rgb8")||r.startsWith("etc2-rgb8a1")||r.startsWith("eac-r11")||r==="atc-rgb-unorm-webgl"?8:r.startsWith("bc2")||r.startsWith("bc3")||r.startsWith("bc5")||r.startsWith("bc6h")||r.startsWith("bc7")||r.startsWith("etc2-rgba8")||r.startsWith("eac-rg11")||r.startsWith("astc")||r==="atc-rgba-unorm-webgl"||r==="atc-rgbai-unorm-webgl"?16:r.startsWith("pvrtc")?8:16}var JA,eC,tC,rC,nC,$h,$e,il=b(()=>{Jc();Gh();JA=/^(r|rg|rgb|rgba|bgra)([0-9]*)([a-z]*)(-srgb)?(-webgl)?$/,eC=["rgb","rgba","bgra"],tC=["depth","stencil"],rC=5,nC=["bc1","bc2","bc3","bc4","bc5","bc6","bc7","etc1","etc2","eac","atc","astc","pvrtc"],$h=class{isColor(e){return eC.some(t=>e.startsWith(t))}isDepthStencil(e){return tC.some(t=>e.startsWith(t))}isCompressed(e){return nC.some(t=>e.startsWith(t))}getInfo(e){return qx(e)}getCapabilities(e){return oC(e)}getWebGPUCapabilities(e){let t=nl(e);return t.webgpu!==void 0?t.webgpu:this.isCompressed(e)&&!e.endsWith("-webgl")?rC:0}computeMemoryLayout(e){return iC(e)}},$e=new $h});function Zx(r){return typeof ImageData<"u"&&r instanceof ImageData||typeof ImageBitmap<"u"&&r instanceof ImageBitmap||typeof HTMLImageElement<"u"&&r instanceof HTMLImageElement||typeof HTMLVideoElement<"u"&&r instanceof HTMLVideoElement||typeof VideoFrame<"u"&&r instanceof VideoFrame||typeof HTMLCanvasElement<"u"&&r instanceof HTMLCanvasElement||typeof OffscreenCanvas<"u"&&r instanceof OffscreenCanvas}function Xx(r){if(typeof ImageData<"u"&&r instanceof ImageData||typeof ImageBitmap<"u"&&r instanceof ImageBitmap||typeof HTMLCanvasElement<"u"&&r instanceof HTMLCanvasElement||typeof OffscreenCanvas<"u"&&r instanceof OffscreenCanvas)return{width:r.width,height:r.height};if(typeof HTMLImageElement<"u"&&r instanceof HTMLImageElement)return{width:r.naturalWidth,height:r.naturalHeight};if(typeof HTMLVideoElement<"u"&&r instanceof HTMLVideoElement)return{width:r.videoWidth,height:r.videoHeight};if(typeof VideoFrame<"u"&&r instanceof VideoFrame)return{width:r.displayWidth,height:r.displayHeight};throw new Error("Unknown image type")}var Kx=b(()=>{});function lC(r,e){let t=Vh(r),n=e.map(Vh).filter(i=>i!==void 0);return[t,...n].filter(i=>i!==void 0)}function Vh(r){if(r!==void 0){if(r===null||typeof r=="string"||typeof r=="number"||typeof r=="boolean")return r;if(r instanceof Error)return r.message;if(Array.isArray(r))return r.map(Vh);if(typeof r=="object"){if(fC(r)){let e=String(r);if(e!=="[object Object]")return e}return uC(r)?dC(r):r.constructor?.name||"Object"}return String(r)}}function fC(r){return"toString"in r&&typeof r.toString=="function"&&r.toString!==Object.prototype.toString}function uC(r){return"message"in r&&"type"in r}function dC(r){let e=typeof r.type=="string"?r.type:"message",t=typeof r.message=="string"?r.message:"",n=typeof r.lineNum=="number"?r.lineNum:null,i=typeof r.linePos=="number"?r.linePos:null,o=n!==null&&i!==null?` @ ${n}:${i}`:n!==null?` @ ${n}`:"";return`${e}${o}: ${t}`.trim()}function Wh(){if(typeof HTMLCanvasElement>"u")return!1;let r=HTMLCanvasElement.prototype;return"layoutSubtree"in r&&typeof r.requestPaint=="function"}var Qo,Jo,ol,gr,Qx=b(()=>{Ch();Ge();bi();Xc();Ko();il();Kx();Gh();Lh();Qo=class{};Jo=class{constructor(e=[],t){h(this,"features");h(this,"disabledFeatures");this.features=new Set(e),this.disabledFeatures=t||{}}*[Symbol.iterator](){yield*this.features}has(e){return!this.disabledFeatures?.[e]&&this.features.has(e)}};ol=class ol{constructor(e){h(this,"id");h(this,"props");h(this,"userData",{});h(this,"statsManager",qc);h(this,"_factories",{});h(this,"timestamp",0);h(this,"_reused",!1);h(this,"_moduleData",{});h(this,"wgslLanguageFeatures",new Set);h(this,"_textureCaps",{});h(this,"_debugGPUTimeQuery",null);this.props={...ol.defaultProps,...e},this.id=this.props.id||Zt(this[Symbol.toStringTag].toLowerCase())}get[Symbol.toStringTag](){return"Device"}toString(){return`Device(${this.id})`}toJSON(){return this.toString()}getVertexFormatInfo(e){return oe.getVertexFormatInfo(e)}isVertexFormatSupported(e){return!0}getTextureFormatInfo(e){return $e.getInfo(e)}getTextureFormatCapabilities(e){let t=this._textureCaps[e];if(!t){let n=this._getDeviceTextureFormatCapabilities(e);t=this._getDeviceSpecificTextureFormatCapabilities(n),this._textureCaps[e]=t}return t}getMipLevelCount(e,t,n=1){let i=Math.max(e,t,n);return 1+Math.floor(Math.log2(i))}isExternalImage(e){return Zx(e)}getExternalImageSize(e){return Xx(e)}isTextureFormatSupported(e){return this.getTextureFormatCapabilities(e).create}isTextureFormatFilterable(e){return this.getTextureFormatCapabilities(e).filter}isTextureFormatRenderable(e){return this.getTextureFormatCapabilities(e).render}isTextureFormatCompressed(e){return $e.isCompressed(e)}getSupportedCompressedTextureFormats(){let e=[];for(let t of Object.keys(Hx()))this.isTextureFormatCompressed(t)&&this.isTextureFormatSupported(t)&&e.push(t);return e}pushDebugGroup(e){this.commandEncoder.pushDebugGroup(e)}popDebugGroup(){this.commandEncoder?.popDebugGroup()}insertDebugMarker(e){this.commandEncoder?.insertDebugMarker(e)}loseDevice(){return!1}incrementTimestamp(){return this.timestamp++}reportError(e,t,...n){if(!this.props.onError(e,t)){let o=lC(t,n);return S.error(this.type==="webgl"?"%cWebGL":"%cWebGPU","color: white; background: red; padding: 2px 6px; border-radius: 3px;",e.message,...o)}return()=>{}}debug(){if(this.props.debug)debugger;else S.once(0,`'Type luma.log.set({debug: true}) in console to enable debug breakpoints',
or create a device with the 'debug: true' prop.`)()}getDefaultCanvasContext(){if(!this.canvasContext)throw new Error("Device has no default CanvasContext. See props.createCanvasContext");return this.canvasContext}createFence(){throw new Error("createFence() not implemented")}beginRenderPass(e){return this.commandEncoder.beginRenderPass(e)}beginComputePass(e){return this.commandEncoder.beginComputePass(e)}writeBufferViaCommandEncoder(e,t,n,i=0){throw new Error("writeBufferViaCommandEncoder() not implemented")}generateMipmapsWebGPU(e){throw new Error("not implemented")}_createSharedRenderPipelineWebGL(e){throw new Error("_createSharedRenderPipelineWebGL() not implemented")}_createBindGroupLayoutWebGPU(e,t){throw new Error("_createBindGroupLayoutWebGPU() not implemented")}_createBindGroupWebGPU(e,t,n,i,o){throw new Error("_createBindGroupWebGPU() not implemented")}_supportsDebugGPUTime(){return this.features.has("timestamp-query")&&!!(this.props.debug||this.props.debugGPUTime)}_enableDebugGPUTime(e=256){if(!this._supportsDebugGPUTime())return null;if(this._debugGPUTimeQuery)return this._debugGPUTimeQuery;try{this._debugGPUTimeQuery=this.createQuerySet({type:"timestamp",count:e}),this.commandEncoder=this.createCommandEncoder({id:this.commandEncoder.props.id,timeProfilingQuerySet:this._debugGPUTimeQuery})}catch{this._debugGPUTimeQuery=null}return this._debugGPUTimeQuery}_disableDebugGPUTime(){this._debugGPUTimeQuery&&(this.commandEncoder.getTimeProfilingQuerySet()===this._debugGPUTimeQuery&&(this.commandEncoder=this.createCommandEncoder({id:this.commandEncoder.props.id})),this._debugGPUTimeQuery.destroy(),this._debugGPUTimeQuery=null)}_isDebugGPUTimeEnabled(){return this._debugGPUTimeQuery!==null}getCanvasContext(){return this.getDefaultCanvasContext()}readPixelsToArrayWebGL(e,t){throw new Error("not implemented")}readPixelsToBufferWebGL(e,t){throw new Error("not implemented")}setParametersWebGL(e){throw new Error("not implemented")}getParametersWebGL(e){throw new Error("not implemented")}withParametersWebGL(e,t){throw new Error("not implemented")}clearWebGL(e){throw new Error("not implemented")}resetWebGL(){throw new Error("not implemented")}getModuleData(e){var t;return(t=this._moduleData)[e]||(t[e]={}),this._moduleData[e]}static _getCanvasContextProps(e){return e.createCanvasContext===!0?{}:e.createCanvasContext}_getDeviceTextureFormatCapabilities(e){let t=$e.getCapabilities(e),n=o=>(typeof o=="string"?this.features.has(o):o)??!0,i=n(t.create);return{format:e,create:i,render:i&&n(t.render),filter:i&&n(t.filter),blend:i&&n(t.blend),store:i&&n(t.store)}}_normalizeBufferProps(e){(e instanceof ArrayBuffer||ArrayBuffer.isView(e))&&(e={data:e});let t={...e};if((e.usage||0)&V.INDEX&&(e.indexType||(e.data instanceof Uint32Array?t.indexType="uint32":e.data instanceof Uint16Array?t.indexType="uint16":e.data instanceof Uint8Array&&(t.data=new Uint16Array(e.data),t.indexType="uint16")),!t.indexType))throw new Error("indices buffer content must be of type uint16 or uint32");return t}};h(ol,"defaultProps",{...Yc});gr=ol});var sl,Jx=b(()=>{sl=class{constructor(e){h(this,"props");h(this,"_resizeObserver");h(this,"_intersectionObserver");h(this,"_observeDevicePixelRatioTimeout",null);h(this,"_observeDevicePixelRatioMediaQuery",null);h(this,"_handleDevicePixelRatioChange",()=>this._refreshDevicePixelRatio());h(this,"_trackPositionInterval",null);h(this,"_started",!1);this.props=e}get started(){return this._started}start(){if(this._started||!this.props.canvas)return;this._started=!0,this._intersectionObserver||(this._intersectionObserver=new IntersectionObserver(t=>this.props.onIntersection(t))),this._resizeObserver||(this._resizeObserver=new ResizeObserver(t=>this.props.onResize(t))),this._intersectionObserver.observe(this.props.canvas);let e=this.props.resizeObserverBox;try{this._resizeObserver.observe(this.props.canvas,{box:e})}catch{this._resizeObserver.observe(this.props.canvas,{box:"content-box"})}this._observeDevicePixelRatioTimeout=setTimeout(()=>this._refreshDevicePixelRatio(),0),this.props.trackPosition&&this._trackPosition()}stop(){this._started&&(this._started=!1,this._observeDevicePixelRatioTimeout&&(clearTimeout(this._observeDevicePixelRatioTimeout),this._observeDevicePixelRatioTimeout=null),this._observeDevicePixelRatioMediaQuery&&(this._observeDevicePixelRatioMediaQuery.removeEventListener("change",this._handleDevicePixelRatioChange),this._observeDevicePixelRatioMediaQuery=null),this._trackPositionInterval&&(clearInterval(this._trackPositionInterval),this._trackPositionInterval=null),this._resizeObserver?.disconnect(),this._intersectionObserver?.disconnect())}_refreshDevicePixelRatio(){this._started&&(this.props.onDevicePixelRatioChange(),this._observeDevicePixelRatioMediaQuery?.removeEventListener("change",this._handleDevicePixelRatioChange),this._observeDevicePixelRatioMediaQuery=matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`),this._observeDevicePixelRatioMediaQuery.addEventListener("change",this._handleDevicePixelRatioChange,{once:!0}))}_trackPosition(e=100){this._trackPositionInterval||(this._trackPositionInterval=setInterval(()=>{this._started?this.props.onPositionChange():this._trackPositionInterval&&(clearInterval(this._trackPositionInterval),this._trackPositionInterval=null)},e))}}});function eb(){let r,e;return{promise:new Promise((n,i)=>{r=n,e=i}),resolve:r,reject:e}}var tb=b(()=>{});function Ur(r,e){if(!r){let t=new Error(e??"luma.gl assertion failed.");throw Error.captureStackTrace?.(t,Ur),t}}function Gr(r,e){return Ur(r,e),r}var jh=b(()=>{});function hC(r){if(typeof r=="string"){let e=document.getElementById(r);if(!e)throw new Error(`${r} is not an HTML element`);return e}return r||document.body}function pC(r){let e=document.getElementById(r);if(!$r.isHTMLCanvas(e))throw new Error("Object is not a canvas element");return e}function gC(r){let{width:e,height:t}=r,n=document.createElement("canvas");n.id=Zt("lumagl-auto-created-canvas"),n.width=e||1,n.height=t||1,n.style.width=Number.isFinite(e)?`${e}px`:"100%",n.style.height=Number.isFinite(t)?`${t}px`:"100%",r?.visible||(n.style.visibility="hidden");let i=hC(r?.container||null);return i.insertBefore(n,i.firstChild),n}function mC(r,e,t,n,i){let o=r,s=rb(o[0],e,t),a=nb(o[1],e,n,i),c=rb(o[0]+1,e,t),l=c===t-1?c:c-1;c=nb(o[1]+1,e,n,i);let f;return i?(c=c===0?c:c+1,f=a,a=c):f=c===n-1?c:c-1,{x:s,y:a,width:Math.max(l-s+1,1),height:Math.max(f-a+1,1)}}function rb(r,e,t){return Math.min(Math.round(r*e),t-1)}function nb(r,e,t,n){return n?Math.max(0,t-1-Math.round(r*e)):Math.min(Math.round(r*e),t-1)}var vi,$r,Hh=b(()=>{un();Jx();bi();tb();jh();vi=class vi{constructor(e){h(this,"id");h(this,"props");h(this,"canvas");h(this,"htmlCanvas");h(this,"offscreenCanvas");h(this,"type");h(this,"initialized");h(this,"isInitialized",!1);h(this,"isVisible",!0);h(this,"cssWidth");h(this,"cssHeight");h(this,"devicePixelRatio");h(this,"devicePixelWidth");h(this,"devicePixelHeight");h(this,"drawingBufferWidth");h(this,"drawingBufferHeight");h(this,"_initializedResolvers",eb());h(this,"_canvasObserver");h(this,"_position",[0,0]);h(this,"destroyed",!1);h(this,"_needsDrawingBufferResize",!0);h(this,"_configuredDrawingBufferSize",[0,0]);this.props={...vi.defaultProps,...e},e=this.props,this.initialized=this._initializedResolvers.promise,Qe()?e.canvas?typeof e.canvas=="string"?this.canvas=pC(e.canvas):this.canvas=e.canvas:this.canvas=gC(e):this.canvas={width:e.width||1,height:e.height||1},vi.isHTMLCanvas(this.canvas)?(this.id=e.id||this.canvas.id,this.type="html-canvas",this.htmlCanvas=this.canvas):vi.isOffscreenCanvas(this.canvas)?(this.id=e.id||"offscreen-canvas",this.type="offscreen-canvas",this.offscreenCanvas=this.canvas):(this.id=e.id||"node-canvas-context",this.type="node"),this.cssWidth=this.htmlCanvas?.clientWidth||this.canvas.width,this.cssHeight=this.htmlCanvas?.clientHeight||this.canvas.height,this.devicePixelWidth=this.canvas.width,this.devicePixelHeight=this.canvas.height,this.drawingBufferWidth=this.canvas.width,this.drawingBufferHeight=this.canvas.height,this._configuredDrawingBufferSize=[this.canvas.width,this.canvas.height],this.devicePixelRatio=globalThis.devicePixelRatio||1,this._position=[0,0],this._canvasObserver=new sl({canvas:this.htmlCanvas,trackPosition:this.props.trackPosition,resizeObserverBox:this.props.pixelSizeSource==="css-dpr"?"content-box":"device-pixel-content-box",onResize:t=>this._handleResize(t),onIntersection:t=>this._handleIntersection(t),onDevicePixelRatioChange:()=>this._observeDevicePixelRatio(),onPositionChange:()=>this.updatePosition()})}static isHTMLCanvas(e){return typeof HTMLCanvasElement<"u"&&e instanceof HTMLCanvasElement}static isOffscreenCanvas(e){return typeof OffscreenCanvas<"u"&&e instanceof OffscreenCanvas}toString(){return`${this[Symbol.toStringTag]}(${this.id})`}destroy(){this.destroyed||(this.destroyed=!0,this._stopObservers(),this.device=null)}setProps(e){return"useDevicePixels"in e&&(this.props.useDevicePixels=e.useDevicePixels||!1,this._updateDrawingBufferSize()),this}getCurrentFramebuffer(e){return this._resizeDrawingBufferIfNeeded(),this._getCurrentFramebuffer(e)}getCSSSize(){return[this.cssWidth,this.cssHeight]}getPosition(){return this._position}getDevicePixelSize(){return[this.devicePixelWidth,this.devicePixelHeight]}getDrawingBufferSize(){return[this.drawingBufferWidth,this.drawingBufferHeight]}getMaxDrawingBufferSize(){let e=this.device.limits.maxTextureDimension2D;return[e,e]}setDrawingBufferSize(e,t){e=Math.floor(e),t=Math.floor(t),!(this.drawingBufferWidth===e&&this.drawingBufferHeight===t)&&(this.drawingBufferWidth=e,this.drawingBufferHeight=t,this._needsDrawingBufferResize=!0)}getDevicePixelRatio(){return typeof window<"u"&&window.devicePixelRatio||1}cssToDevicePixels(e,t=!0){let n=this.cssToDeviceRatio(),[i,o]=this.getDrawingBufferSize();return mC(e,n,i,o,t)}getPixelSize(){return this.getDevicePixelSize()}getAspect(){let[e,t]=this.getDrawingBufferSize();return e>0&&t>0?e/t:1}cssToDeviceRatio(){try{let[e]=this.getDrawingBufferSize(),[t]=this.getCSSSize();return t?e/t:1}catch{return 1}}resize(e){this.setDrawingBufferSize(e.width,e.height)}_setAutoCreatedCanvasId(e){this.htmlCanvas?.id==="lumagl-auto-created-canvas"&&(this.htmlCanvas.id=e)}_startObservers(){this.destroyed||this._canvasObserver.start()}_stopObservers(){this._canvasObserver.stop()}_handleIntersection(e){if(this.destroyed)return;let t=e.find(i=>i.target===this.canvas);if(!t)return;let n=t.isIntersecting;this.isVisible!==n&&(this.isVisible=n,this.device.props.onVisibilityChange(this))}_handleResize(e){if(this.destroyed)return;let t=e.find(o=>o.target===this.canvas);if(!t)return;let n=Gr(t.contentBoxSize?.[0]);this.cssWidth=n.inlineSize,this.cssHeight=n.blockSize;let i=this.getDevicePixelSize();this._setDevicePixelSize(this._getDevicePixelSizeFromResizeEntry(t)),this._updateDrawingBufferSize(),this.device.props.onResize(this,{oldPixelSize:i})}_updateDrawingBufferSize(){if(this.props.autoResize)if(typeof this.props.useDevicePixels=="number"){let e=this.props.useDevicePixels;this.setDrawingBufferSize(this.cssWidth*e,this.cssHeight*e)}else this.props.useDevicePixels?this.setDrawingBufferSize(this.devicePixelWidth,this.devicePixelHeight):this.setDrawingBufferSize(this.cssWidth,this.cssHeight);this._initializedResolvers.resolve(),this.isInitialized=!0,this.updatePosition()}_getDevicePixelSizeFromResizeEntry(e){let t=Gr(e.contentBoxSize?.[0]);return this.props.pixelSizeSource==="css-dpr"?this._getDevicePixelSizeFromCSSSize(t.inlineSize,t.blockSize):{devicePixelWidth:e.devicePixelContentBoxSize?.[0]?.inlineSize||t.inlineSize*devicePixelRatio,devicePixelHeight:e.devicePixelContentBoxSize?.[0]?.blockSize||t.blockSize*devicePixelRatio}}_getDevicePixelSizeFromCSSSize(e,t){let n=this.getDevicePixelRatio();return{devicePixelWidth:Math.floor(e*n),devicePixelHeight:Math.floor(t*n)}}_setDevicePixelSize({devicePixelWidth:e,devicePixelHeight:t}){let[n,i]=this.getMaxDrawingBufferSize();this.devicePixelWidth=Math.max(1,Math.min(e,n)),this.devicePixelHeight=Math.max(1,Math.min(t,i))}_resizeDrawingBufferIfNeeded(){if(this._needsDrawingBufferResize){this._needsDrawingBufferResize=!1,(this.drawingBufferWidth!==this.canvas.width||this.drawingBufferHeight!==this.canvas.height)&&(this.canvas.width=this.drawingBufferWidth,this.canvas.height=this.drawingBufferHeight);let[t,n]=this._configuredDrawingBufferSize;(this.drawingBufferWidth!==t||this.drawingBufferHeight!==n)&&(this._configureDevice(),this._configuredDrawingBufferSize=[this.drawingBufferWidth,this.drawingBufferHeight])}}_observeDevicePixelRatio(){if(this.destroyed||!this._canvasObserver.started)return;let e=this.devicePixelRatio;if(this.devicePixelRatio=window.devicePixelRatio,this.props.pixelSizeSource==="css-dpr"){let t=this.getDevicePixelSize();this._setDevicePixelSize(this._getDevicePixelSizeFromCSSSize(this.cssWidth,this.cssHeight)),this._updateDrawingBufferSize(),this.device.props.onResize(this,{oldPixelSize:t})}this.updatePosition(),this.device.props.onDevicePixelRatioChange?.(this,{oldRatio:e})}updatePosition(){if(this.destroyed)return;let e=this.htmlCanvas?.getBoundingClientRect();if(e){let t=[e.left,e.top];if(this._position??(this._position=t),t[0]!==this._position[0]||t[1]!==this._position[1]){let i=this._position;this._position=t,this.device.props.onPositionChange?.(this,{oldPosition:i})}}}};h(vi,"defaultProps",{id:void 0,canvas:null,width:800,height:600,useDevicePixels:!0,pixelSizeSource:"exact",autoResize:!0,container:null,visible:!0,alphaMode:"opaque",colorSpace:"srgb",colorFormat:void 0,toneMapping:"standard",trackPosition:!1});$r=vi});var wi,ib=b(()=>{Hh();wi=class extends $r{};h(wi,"defaultProps",$r.defaultProps)});var es,ob=b(()=>{Hh();es=class extends $r{}});var ts,bn,Yh=b(()=>{Ee();ts=class ts extends G{get[Symbol.toStringTag](){return"Sampler"}constructor(e,t){t=ts.normalizeProps(e,t),super(e,t,ts.defaultProps)}static normalizeProps(e,t){return t}};h(ts,"defaultProps",{...G.defaultProps,type:"color-sampler",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge",addressModeW:"clamp-to-edge",magFilter:"nearest",minFilter:"nearest",mipmapFilter:"none",lodMinClamp:0,lodMaxClamp:32,compare:"less-equal",maxAnisotropy:1});bn=ts});var yC,re,q,qh=b(()=>{Ee();Yh();Ge();il();yC={"1d":"1d","2d":"2d","2d-array":"2d",cube:"2d","cube-array":"2d","3d":"3d"},re=class re extends G{constructor(t,n,i){n=re.normalizeProps(t,n);super(t,n,re.defaultProps);h(this,"dimension");h(this,"baseDimension");h(this,"format");h(this,"width");h(this,"height");h(this,"depth");h(this,"mipLevels");h(this,"samples");h(this,"byteAlignment");h(this,"ready",Promise.resolve(this));h(this,"isReady",!0);h(this,"updateTimestamp");if(this.dimension=this.props.dimension,this.baseDimension=yC[this.dimension],this.format=this.props.format,this.width=this.props.width,this.height=this.props.height,this.depth=this.props.depth,this.mipLevels=this.props.mipLevels,this.samples=this.props.samples||1,this.dimension==="cube"&&(this.depth=6),this.props.width===void 0||this.props.height===void 0)if(t.isExternalImage(n.data)){let o=t.getExternalImageSize(n.data);this.width=o?.width||1,this.height=o?.height||1}else this.width=1,this.height=1,(this.props.width===void 0||this.props.height===void 0)&&S.warn(`${this} created with undefined width or height. This is deprecated. Use DynamicTexture instead.`)();this.byteAlignment=i?.byteAlignment||1,this.updateTimestamp=t.incrementTimestamp()}get[Symbol.toStringTag](){return"Texture"}toString(){return`Texture(${this.id},${this.format},${this.width}x${this.height})`}clone(t){return this.device.createTexture({...this.props,...t})}setSampler(t){this.sampler=t instanceof bn?t:this.device.createSampler(t)}copyImageData(t){let{data:n,depth:i,...o}=t;this.writeData(n,{...o,depthOrArrayLayers:o.depthOrArrayLayers??i})}computeMemoryLayout(t={}){let n=this._normalizeTextureReadOptions(t),{width:i=this.width,height:o=this.height,depthOrArrayLayers:s=this.depth}=n,{format:a,byteAlignment:c}=this;return $e.computeMemoryLayout({format:a,width:i,height:o,depth:s,byteAlignment:c})}readBuffer(t,n){throw new Error("readBuffer not implemented")}readDataAsync(t){throw new Error("readBuffer not implemented")}writeBuffer(t,n){throw new Error("readBuffer not implemented")}writeData(t,n){throw new Error("readBuffer not implemented")}readDataSyncWebGL(t){throw new Error("readDataSyncWebGL not available")}generateMipmapsWebGL(){throw new Error("generateMipmapsWebGL not available")}static normalizeProps(t,n){let i={...n},{width:o,height:s}=i;return typeof o=="number"&&(i.width=Math.max(1,Math.ceil(o))),typeof s=="number"&&(i.height=Math.max(1,Math.ceil(s))),i}_initializeData(t){this.device.isExternalImage(t)?this.copyExternalImage({image:t,width:this.width,height:this.height,depth:this.depth,mipLevel:0,x:0,y:0,z:0,aspect:"all",colorSpace:"srgb",premultipliedAlpha:!1,flipY:!1}):t&&this.copyImageData({data:t,mipLevel:0,x:0,y:0,z:0,aspect:"all"})}_normalizeCopyImageDataOptions(t){let{data:n,depth:i,...o}=t,s=this._normalizeTextureWriteOptions({...o,depthOrArrayLayers:o.depthOrArrayLayers??i});return{data:n,depth:s.depthOrArrayLayers,...s}}_normalizeCopyExternalImageOptions(t){let n=re._omitUndefined(t),i=n.mipLevel??0,o=this._getMipLevelSize(i),s=this.device.getExternalImageSize(t.image),a={...re.defaultCopyExternalImageOptions,...o,...s,...n};return a.width=Math.min(a.width,o.width-a.x),a.height=Math.min(a.height,o.height-a.y),a.depth=Math.min(a.depth,o.depthOrArrayLayers-a.z),a}_normalizeCopyElementImageOptions(t){let n=re._omitUndefined(t),i=n.mipLevel??0,o=this._getMipLevelSize(i),s={...re.defaultCopyElementImageOptions,...o,...n};return s.width=Math.min(s.width,o.width-s.x),s.height=Math.min(s.height,o.height-s.y),s.depth=Math.min(s.depth,o.depthOrArrayLayers-s.z),s}_normalizeTextureReadOptions(t){let n=re._omitUndefined(t),i=n.mipLevel??0,o=this._getMipLevelSize(i),s={...re.defaultTextureReadOptions,...o,...n};return s.width=Math.min(s.width,o.width-s.x),s.height=Math.min(s.height,o.height-s.y),s.depthOrArrayLayers=Math.min(s.depthOrArrayLayers,o.depthOrArrayLayers-s.z),s}_getSupportedColorReadOptions(t){let n=this._normalizeTextureReadOptions(t),i=$e.getInfo(this.format);switch(this._validateColorReadAspect(n),this._validateColorReadFormat(i),this.dimension){case"2d":case"cube":case"cube-array":case"2d-array":case"3d":return n;default:throw new Error(`${this} color readback does not support ${this.dimension} textures`)}}_validateColorReadAspect(t){if(t.aspect!=="all")throw new Error(`${this} color readback only supports aspect 'all'`)}_validateColorReadFormat(t){if(t.compressed)throw new Error(`${this} color readback does not support compressed formats (${this.format})`);switch(t.attachment){case"color":return;case"depth":throw new Error(`${this} color readback does not support depth formats (${this.format})`);case"stencil":throw new Error(`${this} color readback does not support stencil formats (${this.format})`);case"depth-stencil":throw new Error(`${this} color readback does not support depth-stencil formats (${this.format})`);default:throw new Error(`${this} color readback does not support format ${this.format}`)}}_normalizeTextureWriteOptions(t){let n=re._omitUndefined(t),i=n.mipLevel??0,o=this._getMipLevelSize(i),s={...re.defaultTextureWriteOptions,...o,...n};s.width=Math.min(s.width,o.width-s.x),s.height=Math.min(s.height,o.height-s.y),s.depthOrArrayLayers=Math.min(s.depthOrArrayLayers,o.depthOrArrayLayers-s.z);let a=$e.computeMemoryLayout({format:this.format,width:s.width,height:s.height,depth:s.depthOrArrayLayers,byteAlignment:this.byteAlignment}),c=a.bytesPerPixel*s.width;if(s.bytesPerRow=n.bytesPerRow??a.bytesPerRow,s.rowsPerImage=n.rowsPerImage??s.height,s.bytesPerRow<c)throw new Error(`bytesPerRow (${s.bytesPerRow}) must be at least ${c} for ${this.format}`);if(s.rowsPerImage<s.height)throw new Error(`rowsPerImage (${s.rowsPerImage}) must be at least ${s.height} for ${this.format}`);let l=this.device.getTextureFormatInfo(this.format).bytesPerPixel;if(l&&s.bytesPerRow%l!==0)throw new Error(`bytesPerRow (${s.bytesPerRow}) must be a multiple of bytesPerPixel (${l}) for ${this.format}`);return s}_getMipLevelSize(t){let n=Math.max(1,this.width>>t),i=this.baseDimension==="1d"?1:Math.max(1,this.height>>t),o=this.dimension==="3d"?Math.max(1,this.depth>>t):this.depth;return{width:n,height:i,depthOrArrayLayers:o}}getAllocatedByteLength(){let t=0;for(let n=0;n<this.mipLevels;n++){let{width:i,height:o,depthOrArrayLayers:s}=this._getMipLevelSize(n);t+=$e.computeMemoryLayout({format:this.format,width:i,height:o,depth:s,byteAlignment:1}).byteLength}return t*this.samples}static _omitUndefined(t){return Object.fromEntries(Object.entries(t).filter(([,n])=>n!==void 0))}};h(re,"SAMPLE",4),h(re,"STORAGE",8),h(re,"RENDER",16),h(re,"COPY_SRC",1),h(re,"COPY_DST",2),h(re,"TEXTURE",4),h(re,"RENDER_ATTACHMENT",16),h(re,"defaultProps",{...G.defaultProps,data:null,dimension:"2d",format:"rgba8unorm",usage:re.SAMPLE|re.RENDER|re.COPY_DST,width:void 0,height:void 0,depth:1,mipLevels:1,samples:void 0,sampler:{},view:void 0}),h(re,"defaultCopyDataOptions",{data:void 0,byteOffset:0,bytesPerRow:void 0,rowsPerImage:void 0,width:void 0,height:void 0,depthOrArrayLayers:void 0,depth:1,mipLevel:0,x:0,y:0,z:0,aspect:"all"}),h(re,"defaultCopyExternalImageOptions",{image:void 0,sourceX:0,sourceY:0,width:void 0,height:void 0,depth:1,mipLevel:0,x:0,y:0,z:0,aspect:"all",colorSpace:"srgb",premultipliedAlpha:!1,flipY:!1}),h(re,"defaultCopyElementImageOptions",{element:void 0,width:void 0,height:void 0,sourceX:0,sourceY:0,sourceWidth:void 0,sourceHeight:void 0,depth:1,mipLevel:0,x:0,y:0,z:0,aspect:"all",colorSpace:"srgb",premultipliedAlpha:!1,flipY:!1}),h(re,"defaultTextureReadOptions",{x:0,y:0,z:0,width:void 0,height:void 0,depthOrArrayLayers:1,mipLevel:0,aspect:"all"}),h(re,"defaultTextureWriteOptions",{byteOffset:0,bytesPerRow:void 0,rowsPerImage:void 0,x:0,y:0,z:0,width:void 0,height:void 0,depthOrArrayLayers:1,mipLevel:0,aspect:"all"});q=re});var al,vn,sb=b(()=>{Ee();al=class al extends G{get[Symbol.toStringTag](){return"TextureView"}constructor(e,t){super(e,t,al.defaultProps)}};h(al,"defaultProps",{...G.defaultProps,format:void 0,dimension:void 0,aspect:"all",baseMipLevel:0,mipLevelCount:void 0,baseArrayLayer:0,arrayLayerCount:void 0});vn=al});var cl,rs,ab=b(()=>{Ee();cl=class cl extends G{constructor(t,n){super(t,n,cl.defaultProps);h(this,"width");h(this,"height");h(this,"updateTimestamp");let i=this.props.source?t.getExternalImageSize(this.props.source):null;this.width=this.props.width||i?.width||0,this.height=this.props.height||i?.height||0,this.updateTimestamp=t.incrementTimestamp()}get[Symbol.toStringTag](){return"ExternalTexture"}};h(cl,"defaultProps",{...G.defaultProps,source:void 0,width:0,height:0,colorSpace:"srgb",sampler:{}});rs=cl});function cb(r,e,t){let n="",i=e.split(/\r?\n/),o=r.slice().sort((s,a)=>s.lineNum-a.lineNum);switch(t?.showSourceCode||"no"){case"all":let s=0;for(let a=1;a<=i.length;a++){let c=i[a-1],l=o[s];for(c&&l&&(n+=lb(c,a,t));o.length>s&&l.lineNum===a;){let f=o[s++];f&&(n+=Zh(f,i,f.lineNum,{...t,inlineSource:!1}))}}for(;o.length>s;){let a=o[s++];a&&(n+=Zh(a,[],0,{...t,inlineSource:!1}))}return n;case"issues":case"no":for(let a of r)n+=Zh(a,i,a.lineNum,{inlineSource:t?.showSourceCode!=="no"});return n}}function Zh(r,e,t,n){if(n?.inlineSource){let o=_C(e,t),s=r.linePos>0?`${" ".repeat(r.linePos+5)}^^^
`:"";return`
${o}${s}${r.type.toUpperCase()}: ${r.message}

`}let i=r.type==="error"?"red":"orange";return n?.html?`<div class='luma-compiler-log-${r.type}' style="color:${i};"><b> ${r.type.toUpperCase()}: ${r.message}</b></div>`:`${r.type.toUpperCase()}: ${r.message}`}function _C(r,e,t){let n="";for(let i=e-2;i<=e;i++){let o=r[i-1];o!==void 0&&(n+=lb(o,e,t))}return n}function lb(r,e,t){let n=t?.html?bC(r):r;return`${xC(String(e),4)}: ${n}${t?.html?"<br/>":`
`}`}function xC(r,e){let t="";for(let n=r.length;n<e;++n)t+=" ";return t+r}function bC(r){return r.replaceAll("&","&amp;").replaceAll("<","&lt;").replaceAll(">","&gt;").replaceAll('"',"&quot;").replaceAll("'","&#039;")}var fb=b(()=>{});function vC(r){return wC(r.source)||r.id||Zt(`unnamed ${r.stage}-shader`)}function wC(r,e="unnamed"){return/#define[\s*]SHADER_NAME[\s*]([A-Za-z0-9_-]+)[\s*]/.exec(r)?.[1]??e}var ll,wn,Xh=b(()=>{Ee();Ge();bi();fb();ll=class ll extends G{constructor(t,n){n={...n,debugShaders:n.debugShaders||t.props.debugShaders||"errors"};super(t,{id:vC(n),...n},ll.defaultProps);h(this,"stage");h(this,"source");h(this,"compilationStatus","pending");this.stage=this.props.stage,this.source=this.props.source}get[Symbol.toStringTag](){return"Shader"}getCompilationInfoSync(){return null}getTranslatedSource(){return null}async debugShader(){let t=this.props.debugShaders;switch(t){case"never":return;case"errors":if(this.compilationStatus==="success")return;break;case"warnings":case"always":break}try{let n=await this.getCompilationInfo();if(t==="warnings"&&n?.length===0)return;this._displayShaderLog(n,this.id)}catch(n){S.warn(`Shader ${this.id}: failed to fetch compilation info during debug logging`,n)()}}_displayShaderLog(t,n){if(typeof document>"u"||!document?.createElement)return;let i=n,o=`${this.stage} shader "${i}"`,s=cb(t,this.source,{showSourceCode:"all",html:!0}),a=this.getTranslatedSource(),c=document.createElement("div");c.innerHTML=`<h1>Compilation error in ${o}</h1>
<div style="display:flex;position:fixed;top:10px;right:20px;gap:2px;">
<button id="copy">Copy source</button><br/>
<button id="close">Close</button>
</div>
<code><pre>${s}</pre></code>`,a&&(c.innerHTML+=`<br /><h1>Translated Source</h1><br /><br /><code><pre>${a}</pre></code>`),c.style.top="0",c.style.left="0",c.style.background="white",c.style.position="fixed",c.style.zIndex="9999",c.style.maxWidth="100vw",c.style.maxHeight="100vh",c.style.overflowY="auto",document.body.appendChild(c),c.querySelector(".luma-compiler-log-error")?.scrollIntoView(),c.querySelector("button#close").onclick=()=>{c.remove()},c.querySelector("button#copy").onclick=()=>{navigator.clipboard.writeText(this.source)}}};h(ll,"defaultProps",{...G.defaultProps,language:"auto",stage:void 0,source:"",sourceMap:null,entryPoint:"main",debugShaders:void 0});wn=ll});var fl,En,ub=b(()=>{Ee();qh();Ge();fl=class fl extends G{constructor(t,n={}){super(t,n,fl.defaultProps);h(this,"width");h(this,"height");this.width=this.props.width,this.height=this.props.height}get[Symbol.toStringTag](){return"Framebuffer"}clone(t){let n=this.colorAttachments.map(o=>o.texture.clone(t)),i=this.depthStencilAttachment&&this.depthStencilAttachment.texture.clone(t);return this.device.createFramebuffer({...this.props,...t,colorAttachments:n,depthStencilAttachment:i})}resize(t){let n=!t;if(t){let[i,o]=Array.isArray(t)?t:[t.width,t.height];n=n||o!==this.height||i!==this.width,this.width=i,this.height=o}n&&(S.log(2,`Resizing framebuffer ${this.id} to ${this.width}x${this.height}`)(),this.resizeAttachments(this.width,this.height))}autoCreateAttachmentTextures(){if(this.props.colorAttachments.length===0&&!this.props.depthStencilAttachment)throw new Error("Framebuffer has noattachments");this.colorAttachments=this.props.colorAttachments.map((n,i)=>{if(typeof n=="string"){let o=this.createColorTexture(n,i);return this.attachResource(o),o.view}return n instanceof q?n.view:n});let t=this.props.depthStencilAttachment;if(t)if(typeof t=="string"){let n=this.createDepthStencilTexture(t);this.attachResource(n),this.depthStencilAttachment=n.view}else t instanceof q?this.depthStencilAttachment=t.view:this.depthStencilAttachment=t}createColorTexture(t,n){return this.device.createTexture({id:`${this.id}-color-attachment-${n}`,usage:q.RENDER_ATTACHMENT,format:t,width:this.width,height:this.height,sampler:{magFilter:"linear",minFilter:"linear"}})}createDepthStencilTexture(t){return this.device.createTexture({id:`${this.id}-depth-stencil-attachment`,usage:q.RENDER_ATTACHMENT|q.SAMPLE,format:t,width:this.width,height:this.height})}resizeAttachments(t,n){if(this.colorAttachments.forEach((i,o)=>{let s=i.texture.clone({width:t,height:n});this.destroyAttachedResource(i),this.colorAttachments[o]=s.view,this.attachResource(s.view)}),this.depthStencilAttachment){let i=this.depthStencilAttachment.texture.clone({width:t,height:n});this.destroyAttachedResource(this.depthStencilAttachment),this.depthStencilAttachment=i.view,this.attachResource(i)}this.updateAttachments()}};h(fl,"defaultProps",{...G.defaultProps,width:1,height:1,colorAttachments:[],depthStencilAttachment:null});En=fl});var ul,dt,Kh=b(()=>{Ee();ul=class ul extends G{constructor(t,n){super(t,n,ul.defaultProps);h(this,"shaderLayout");h(this,"bufferLayout");h(this,"linkStatus","pending");h(this,"hash","");h(this,"sharedRenderPipeline",null);this.shaderLayout=this.props.shaderLayout,this.bufferLayout=this.props.bufferLayout||[],this.sharedRenderPipeline=this.props._sharedRenderPipeline||null}get[Symbol.toStringTag](){return"RenderPipeline"}get isPending(){return this.linkStatus==="pending"||this.vs.compilationStatus==="pending"||this.fs?.compilationStatus==="pending"}get isErrored(){return this.linkStatus==="error"||this.vs.compilationStatus==="error"||this.fs?.compilationStatus==="error"}};h(ul,"defaultProps",{...G.defaultProps,vs:null,vertexEntryPoint:"vertexMain",vsConstants:{},fs:null,fragmentEntryPoint:"fragmentMain",fsConstants:{},shaderLayout:null,bufferLayout:[],topology:"triangle-list",colorAttachmentFormats:void 0,depthStencilAttachmentFormat:void 0,parameters:{},varyings:void 0,bufferMode:void 0,disableWarnings:!1,_sharedRenderPipeline:void 0,_uniformBlockLayouts:[],bindings:void 0,bindGroups:void 0});dt=ul});var ns,db=b(()=>{Ee();ns=class extends G{get[Symbol.toStringTag](){return"SharedRenderPipeline"}constructor(e,t){super(e,t,{...G.defaultProps,handle:void 0,vs:void 0,fs:void 0,varyings:void 0,bufferMode:void 0})}}});var dl,Vr,Qh=b(()=>{Ee();dl=class dl extends G{constructor(t,n){super(t,n,dl.defaultProps);h(this,"hash","");h(this,"shaderLayout");this.shaderLayout=n.shaderLayout}get[Symbol.toStringTag](){return"ComputePipeline"}};h(dl,"defaultProps",{...G.defaultProps,shader:void 0,entryPoint:void 0,constants:{},shaderLayout:void 0});Vr=dl});var hl,Pn,hb=b(()=>{Qh();Kh();Ge();bi();hl=class hl{constructor(e){h(this,"device");h(this,"_hashCounter",0);h(this,"_hashes",{});h(this,"_renderPipelineCache",{});h(this,"_computePipelineCache",{});h(this,"_sharedRenderPipelineCache",{});this.device=e}static getDefaultPipelineFactory(e){let t=e.getModuleData("@luma.gl/core");return t.defaultPipelineFactory||(t.defaultPipelineFactory=new hl(e)),t.defaultPipelineFactory}get[Symbol.toStringTag](){return"PipelineFactory"}toString(){return`PipelineFactory(${this.device.id})`}createRenderPipeline(e){if(!this.device.props._cachePipelines)return this.device.createRenderPipeline(e);let t={...dt.defaultProps,...e},n=this._renderPipelineCache,i=this._hashRenderPipeline(t),o=n[i]?.resource;if(o)n[i].useCount++,this.device.props.debugFactories&&S.log(3,`${this}: ${n[i].resource} reused, count=${n[i].useCount}, (id=${e.id})`)();else{let s=this.device.type==="webgl"&&this.device.props._sharePipelines?this.createSharedRenderPipeline(t):void 0;o=this.device.createRenderPipeline({...t,id:t.id?`${t.id}-cached`:Zt("unnamed-cached"),_sharedRenderPipeline:s}),o.hash=i,n[i]={resource:o,useCount:1},this.device.props.debugFactories&&S.log(3,`${this}: ${o} created, count=${n[i].useCount}`)()}return o}createComputePipeline(e){if(!this.device.props._cachePipelines)return this.device.createComputePipeline(e);let t={...Vr.defaultProps,...e},n=this._computePipelineCache,i=this._hashComputePipeline(t),o=n[i]?.resource;return o?(n[i].useCount++,this.device.props.debugFactories&&S.log(3,`${this}: ${n[i].resource} reused, count=${n[i].useCount}, (id=${e.id})`)()):(o=this.device.createComputePipeline({...t,id:t.id?`${t.id}-cached`:void 0}),o.hash=i,n[i]={resource:o,useCount:1},this.device.props.debugFactories&&S.log(3,`${this}: ${o} created, count=${n[i].useCount}`)()),o}release(e){if(!this.device.props._cachePipelines){e.destroy();return}let t=this._getCache(e),n=e.hash;t[n].useCount--,t[n].useCount===0?(this._destroyPipeline(e),this.device.props.debugFactories&&S.log(3,`${this}: ${e} released and destroyed`)()):t[n].useCount<0?(S.error(`${this}: ${e} released, useCount < 0, resetting`)(),t[n].useCount=0):this.device.props.debugFactories&&S.log(3,`${this}: ${e} released, count=${t[n].useCount}`)()}createSharedRenderPipeline(e){let t=this._hashSharedRenderPipeline(e),n=this._sharedRenderPipelineCache[t];return n||(n={resource:this.device._createSharedRenderPipelineWebGL(e),useCount:0},this._sharedRenderPipelineCache[t]=n),n.useCount++,n.resource}releaseSharedRenderPipeline(e){if(!e.sharedRenderPipeline)return;let t=this._hashSharedRenderPipeline(e.sharedRenderPipeline.props),n=this._sharedRenderPipelineCache[t];n&&(n.useCount--,n.useCount===0&&(n.resource.destroy(),delete this._sharedRenderPipelineCache[t]))}_destroyPipeline(e){let t=this._getCache(e);return this.device.props._destroyPipelines?(delete t[e.hash],e.destroy(),e instanceof dt&&this.releaseSharedRenderPipeline(e),!0):!1}_getCache(e){let t;if(e instanceof Vr&&(t=this._computePipelineCache),e instanceof dt&&(t=this._renderPipelineCache),!t)throw new Error(`${this}`);if(!t[e.hash])throw new Error(`${this}: ${e} matched incorrect entry`);return t}_hashComputePipeline(e){let{type:t}=this.device,n=this._getHash(e.shader.source),i=this._getHash(JSON.stringify(e.shaderLayout));return`${t}/C/${n}SL${i}`}_hashRenderPipeline(e){let t=e.vs?this._getHash(e.vs.source):0,n=e.fs?this._getHash(e.fs.source):0,i=this._getWebGLVaryingHash(e),o=this._getHash(JSON.stringify(e.shaderLayout)),s=this._getHash(JSON.stringify(e._uniformBlockLayouts)),a=this._getHash(JSON.stringify(e.bufferLayout)),{type:c}=this.device;if(c==="webgl"){let l=this._getHash(JSON.stringify(e.parameters));return`${c}/R/${t}/${n}V${i}T${e.topology}P${l}SL${o}UBL${s}BL${a}`}else{let f=this._getHash(JSON.stringify({vertexEntryPoint:e.vertexEntryPoint,fragmentEntryPoint:e.fragmentEntryPoint})),u=this._getHash(JSON.stringify(e.parameters)),d=this._getWebGPUAttachmentHash(e);return`${c}/R/${t}/${n}V${i}T${e.topology}EP${f}P${u}SL${o}BL${a}A${d}`}}_hashSharedRenderPipeline(e){let t=e.vs?this._getHash(e.vs.source):0,n=e.fs?this._getHash(e.fs.source):0,i=this._getWebGLVaryingHash(e);return`webgl/S/${t}/${n}V${i}`}_getHash(e){return this._hashes[e]===void 0&&(this._hashes[e]=this._hashCounter++),this._hashes[e]}_getWebGLVaryingHash(e){let{varyings:t=[],bufferMode:n=null}=e;return this._getHash(JSON.stringify({varyings:t,bufferMode:n}))}_getWebGPUAttachmentHash(e){let t=e.colorAttachmentFormats??[this.device.preferredColorFormat],n=e.depthStencilAttachmentFormat??(e.parameters?.depthWriteEnabled?this.device.preferredDepthFormat:null);return this._getHash(JSON.stringify({colorAttachmentFormats:t,depthStencilAttachmentFormat:n}))}};h(hl,"defaultProps",{...dt.defaultProps});Pn=hl});var pl,Sn,pb=b(()=>{Xh();Ge();pl=class pl{constructor(e){h(this,"device");h(this,"_cache",{});this.device=e}static getDefaultShaderFactory(e){let t=e.getModuleData("@luma.gl/core");return t.defaultShaderFactory||(t.defaultShaderFactory=new pl(e)),t.defaultShaderFactory}get[Symbol.toStringTag](){return"ShaderFactory"}toString(){return`${this[Symbol.toStringTag]}(${this.device.id})`}createShader(e){if(!this.device.props._cacheShaders)return this.device.createShader(e);let t=this._hashShader(e),n=this._cache[t];if(n)n.useCount++,this.device.props.debugFactories&&S.log(3,`${this}: Reusing shader ${n.resource.id} count=${n.useCount}`)();else{let i=this.device.createShader({...e,id:e.id?`${e.id}-cached`:void 0});this._cache[t]=n={resource:i,useCount:1},this.device.props.debugFactories&&S.log(3,`${this}: Created new shader ${i.id}`)()}return n.resource}release(e){if(!this.device.props._cacheShaders){e.destroy();return}let t=this._hashShader(e),n=this._cache[t];if(n)if(n.useCount--,n.useCount===0)this.device.props._destroyShaders&&(delete this._cache[t],n.resource.destroy(),this.device.props.debugFactories&&S.log(3,`${this}: Releasing shader ${e.id}, destroyed`)());else{if(n.useCount<0)throw new Error(`ShaderFactory: Shader ${e.id} released too many times`);this.device.props.debugFactories&&S.log(3,`${this}: Releasing shader ${e.id} count=${n.useCount}`)()}}_hashShader(e){return`${e.stage}:${e.source}`}};h(pl,"defaultProps",{...wn.defaultProps});Sn=pl});function gl(r,e,t){let n=r.bindings.find(i=>i.name===e||`${i.name.toLocaleLowerCase()}uniforms`===e.toLocaleLowerCase());return!n&&!t?.ignoreWarnings&&S.warn(`Binding ${e} not set: Not found in shader layout.`)(),n||null}function Tn(r,e){if(!e)return{};if(EC(e))return Object.fromEntries(Object.entries(e).map(([i,o])=>[Number(i),{...o}]));let t={};for(let[n,i]of Object.entries(e)){let s=gl(r,n)?.group??0;t[s]||(t[s]={}),t[s][n]=i}return t}function Ei(r){let e={};for(let t of Object.values(r))Object.assign(e,t);return e}function EC(r){let e=Object.keys(r);return e.length>0&&e.every(t=>/^\d+$/.test(t))}var gb=b(()=>{Ge()});var Pt,is,mb=b(()=>{Ee();Pt=class Pt extends G{get[Symbol.toStringTag](){return"RenderPass"}constructor(e,t,n=Pt.defaultProps){t=Pt.normalizeProps(e,t),super(e,t,n)}static normalizeProps(e,t){return t}};h(Pt,"defaultClearColor",[0,0,0,1]),h(Pt,"defaultClearDepth",1),h(Pt,"defaultClearStencil",0),h(Pt,"defaultProps",{...G.defaultProps,framebuffer:null,resolveTargets:void 0,parameters:void 0,clearColor:Pt.defaultClearColor,clearColors:void 0,clearDepth:Pt.defaultClearDepth,clearStencil:Pt.defaultClearStencil,depthReadOnly:!1,stencilReadOnly:!1,discard:!1,occlusionQuerySet:void 0,timestampQuerySet:void 0,beginTimestampIndex:void 0,endTimestampIndex:void 0});is=Pt});var ml,os,yb=b(()=>{Ee();ml=class ml extends G{constructor(t,n){super(t,n,ml.defaultProps);h(this,"_timeProfilingQuerySet",null);h(this,"_timeProfilingSlotCount",0);h(this,"_gpuTimeMs");this._timeProfilingQuerySet=n.timeProfilingQuerySet??null,this._timeProfilingSlotCount=0,this._gpuTimeMs=void 0}get[Symbol.toStringTag](){return"CommandEncoder"}async resolveTimeProfilingQuerySet(){if(this._gpuTimeMs=void 0,!this._timeProfilingQuerySet)return;let t=Math.floor(this._timeProfilingSlotCount/2);if(t<=0)return;let n=t*2,i=await this._timeProfilingQuerySet.readResults({firstQuery:0,queryCount:n}),o=0n;for(let s=0;s<n;s+=2)o+=i[s+1]-i[s];this._gpuTimeMs=Number(o)/1e6}getTimeProfilingSlotCount(){return this._timeProfilingSlotCount}getTimeProfilingQuerySet(){return this._timeProfilingQuerySet}_applyTimeProfilingToPassProps(t){let n=t||{};if(!this._supportsTimestampQueries()||!this._timeProfilingQuerySet||n.timestampQuerySet!==void 0||n.beginTimestampIndex!==void 0||n.endTimestampIndex!==void 0)return n;let i=this._timeProfilingSlotCount;return i+1>=this._timeProfilingQuerySet.props.count?n:(this._timeProfilingSlotCount+=2,{...n,timestampQuerySet:this._timeProfilingQuerySet,beginTimestampIndex:i,endTimestampIndex:i+1})}_supportsTimestampQueries(){return this.device.features.has("timestamp-query")}};h(ml,"defaultProps",{...G.defaultProps,measureExecutionTime:void 0,timeProfilingQuerySet:void 0});os=ml});var yl,ss,_b=b(()=>{Ee();yl=class yl extends G{get[Symbol.toStringTag](){return"CommandBuffer"}constructor(e,t){super(e,t,yl.defaultProps)}};h(yl,"defaultProps",{...G.defaultProps});ss=yl});var _l,as,xb=b(()=>{Ee();_l=class _l extends G{constructor(t,n){super(t,n,_l.defaultProps);h(this,"maxVertexAttributes");h(this,"indexBuffer",null);h(this,"attributes");this.maxVertexAttributes=t.limits.maxVertexAttributes,this.attributes=new Array(this.maxVertexAttributes).fill(null)}get[Symbol.toStringTag](){return"VertexArray"}getBufferSlot(t){return null}getDrawValidationError(){return null}setConstantWebGL(t,n){this.device.reportError(new Error("constant attributes not supported"),this)()}};h(_l,"defaultProps",{...G.defaultProps,shaderLayout:void 0,bufferLayout:[]});as=_l});var xl,cs,bb=b(()=>{Ee();xl=class xl extends G{get[Symbol.toStringTag](){return"TransformFeedback"}constructor(e,t){super(e,t,xl.defaultProps)}};h(xl,"defaultProps",{...G.defaultProps,layout:void 0,buffers:{}});cs=xl});var bl,ls,vb=b(()=>{Ee();bl=class bl extends G{get[Symbol.toStringTag](){return"QuerySet"}constructor(e,t){super(e,t,bl.defaultProps)}};h(bl,"defaultProps",{...G.defaultProps,type:void 0,count:void 0});ls=bl});var vl,fs,wb=b(()=>{Ee();vl=class vl extends G{get[Symbol.toStringTag](){return"Fence"}constructor(e,t={}){super(e,t,vl.defaultProps)}};h(vl,"defaultProps",{...G.defaultProps});fs=vl});function Pi(r){let e=wl(r),t=LC[e];if(!t)throw new Error(`Unsupported variable shader type: ${r}`);return t}function Eb(r){let e=Pb(r),t=TC[e];if(!t)throw new Error(`Unsupported attribute shader type: ${r}`);let[n,i]=t,o=n==="i32"||n==="u32",s=n!=="u32",a=SC[n]*i;return{primitiveType:n,components:i,byteLength:a,integer:o,signed:s}}function PC(r,e){return e===1?r:`vec${e}<${r}>`}function Pb(r){return AC[r]||r}function wl(r){return CC[r]||r}var Jh,rt,SC,TC,LC,AC,CC,us=b(()=>{Jh=class{getVariableShaderTypeInfo(e){return Pi(e)}getAttributeShaderTypeInfo(e){return Eb(e)}makeShaderAttributeType(e,t){return PC(e,t)}resolveAttributeShaderTypeAlias(e){return Pb(e)}resolveVariableShaderTypeAlias(e){return wl(e)}};rt=new Jh,SC={f32:4,f16:2,i32:4,u32:4},TC={f32:["f32",1],"vec2<f32>":["f32",2],"vec3<f32>":["f32",3],"vec4<f32>":["f32",4],f16:["f16",1],"vec2<f16>":["f16",2],"vec3<f16>":["f16",3],"vec4<f16>":["f16",4],i32:["i32",1],"vec2<i32>":["i32",2],"vec3<i32>":["i32",3],"vec4<i32>":["i32",4],u32:["u32",1],"vec2<u32>":["u32",2],"vec3<u32>":["u32",3],"vec4<u32>":["u32",4]},LC={f32:{type:"f32",components:1},f16:{type:"f16",components:1},i32:{type:"i32",components:1},u32:{type:"u32",components:1},"vec2<f32>":{type:"f32",components:2},"vec3<f32>":{type:"f32",components:3},"vec4<f32>":{type:"f32",components:4},"vec2<f16>":{type:"f16",components:2},"vec3<f16>":{type:"f16",components:3},"vec4<f16>":{type:"f16",components:4},"vec2<i32>":{type:"i32",components:2},"vec3<i32>":{type:"i32",components:3},"vec4<i32>":{type:"i32",components:4},"vec2<u32>":{type:"u32",components:2},"vec3<u32>":{type:"u32",components:3},"vec4<u32>":{type:"u32",components:4},"mat2x2<f32>":{type:"f32",components:4},"mat2x3<f32>":{type:"f32",components:6},"mat2x4<f32>":{type:"f32",components:8},"mat3x2<f32>":{type:"f32",components:6},"mat3x3<f32>":{type:"f32",components:9},"mat3x4<f32>":{type:"f32",components:12},"mat4x2<f32>":{type:"f32",components:8},"mat4x3<f32>":{type:"f32",components:12},"mat4x4<f32>":{type:"f32",components:16},"mat2x2<f16>":{type:"f16",components:4},"mat2x3<f16>":{type:"f16",components:6},"mat2x4<f16>":{type:"f16",components:8},"mat3x2<f16>":{type:"f16",components:6},"mat3x3<f16>":{type:"f16",components:9},"mat3x4<f16>":{type:"f16",components:12},"mat4x2<f16>":{type:"f16",components:8},"mat4x3<f16>":{type:"f16",components:12},"mat4x4<f16>":{type:"f16",components:16},"mat2x2<i32>":{type:"i32",components:4},"mat2x3<i32>":{type:"i32",components:6},"mat2x4<i32>":{type:"i32",components:8},"mat3x2<i32>":{type:"i32",components:6},"mat3x3<i32>":{type:"i32",components:9},"mat3x4<i32>":{type:"i32",components:12},"mat4x2<i32>":{type:"i32",components:8},"mat4x3<i32>":{type:"i32",components:12},"mat4x4<i32>":{type:"i32",components:16},"mat2x2<u32>":{type:"u32",components:4},"mat2x3<u32>":{type:"u32",components:6},"mat2x4<u32>":{type:"u32",components:8},"mat3x2<u32>":{type:"u32",components:6},"mat3x3<u32>":{type:"u32",components:9},"mat3x4<u32>":{type:"u32",components:12},"mat4x2<u32>":{type:"u32",components:8},"mat4x3<u32>":{type:"u32",components:12},"mat4x4<u32>":{type:"u32",components:16}},AC={vec2i:"vec2<i32>",vec3i:"vec3<i32>",vec4i:"vec4<i32>",vec2u:"vec2<u32>",vec3u:"vec3<u32>",vec4u:"vec4<u32>",vec2f:"vec2<f32>",vec3f:"vec3<f32>",vec4f:"vec4<f32>",vec2h:"vec2<f16>",vec3h:"vec3<f16>",vec4h:"vec4<f16>"},CC={vec2i:"vec2<i32>",vec3i:"vec3<i32>",vec4i:"vec4<i32>",vec2u:"vec2<u32>",vec3u:"vec3<u32>",vec4u:"vec4<u32>",vec2f:"vec2<f32>",vec3f:"vec3<f32>",vec4f:"vec4<f32>",vec2h:"vec2<f16>",vec3h:"vec3<f16>",vec4h:"vec4<f16>",mat2x2f:"mat2x2<f32>",mat2x3f:"mat2x3<f32>",mat2x4f:"mat2x4<f32>",mat3x2f:"mat3x2<f32>",mat3x3f:"mat3x3<f32>",mat3x4f:"mat3x4<f32>",mat4x2f:"mat4x2<f32>",mat4x3f:"mat4x3<f32>",mat4x4f:"mat4x4<f32>",mat2x2i:"mat2x2<i32>",mat2x3i:"mat2x3<i32>",mat2x4i:"mat2x4<i32>",mat3x2i:"mat3x2<i32>",mat3x3i:"mat3x3<i32>",mat3x4i:"mat3x4<i32>",mat4x2i:"mat4x2<i32>",mat4x3i:"mat4x3<i32>",mat4x4i:"mat4x4<i32>",mat2x2u:"mat2x2<u32>",mat2x3u:"mat2x3<u32>",mat2x4u:"mat2x4<u32>",mat3x2u:"mat3x2<u32>",mat3x3u:"mat3x3<u32>",mat3x4u:"mat3x4<u32>",mat4x2u:"mat4x2<u32>",mat4x3u:"mat4x3<u32>",mat4x4u:"mat4x4<u32>",mat2x2h:"mat2x2<f16>",mat2x3h:"mat2x3<f16>",mat2x4h:"mat2x4<f16>",mat3x2h:"mat3x2<f16>",mat3x3h:"mat3x3<f16>",mat3x4h:"mat3x4<f16>",mat4x2h:"mat4x2<f16>",mat4x3h:"mat4x3<f16>",mat4x4h:"mat4x4<f16>"}});function Ln(r,e={}){let t={...r},n=e.layout??"std140",i={},o=0;for(let[s,a]of Object.entries(t))o=ep(i,s,a,o,n);return o=ut(o,Wr(t,n)),{layout:n,byteLength:o*4,uniformTypes:t,fields:i}}function ds(r,e){let t=wl(r),n=Pi(t),i=/^mat(\d)x(\d)<.+>$/.exec(t);if(i){let s=Number(i[1]),a=Number(i[2]),c=Sb(a,t,n.type,e),l=IC(c.size,c.alignment,e);return{alignment:c.alignment,size:s*l,components:s*a,columns:s,rows:a,columnStride:l,shaderType:t,type:n.type}}let o=/^vec(\d)<.+>$/.exec(t);return o?Sb(Number(o[1]),t,n.type,e):{alignment:1,size:1,components:1,columns:1,rows:1,columnStride:1,shaderType:t,type:n.type}}function tp(r){return!!r&&typeof r=="object"&&!Array.isArray(r)}function ep(r,e,t,n,i){if(typeof t=="string"){let o=ds(t,i),s=ut(n,o.alignment);return r[e]={offset:s,...o},s+o.size}if(Array.isArray(t)){if(Array.isArray(t[0]))throw new Error(`Nested arrays are not supported for ${e}`);let o=t[0],s=t[1],a=Lb(o,i),c=ut(n,Wr(t,i));for(let l=0;l<s;l++)ep(r,`${e}[${l}]`,o,c+l*a,i);return c+a*s}if(tp(t)){let o=Wr(t,i),s=ut(n,o);for(let[a,c]of Object.entries(t))s=ep(r,`${e}.${a}`,c,s,i);return ut(s,o)}throw new Error(`Unsupported CompositeShaderType for ${e}`)}function Tb(r,e){if(typeof r=="string")return ds(r,e).size;if(Array.isArray(r)){let n=r[0],i=r[1];if(Array.isArray(n))throw new Error("Nested arrays are not supported");return Lb(n,e)*i}let t=0;for(let n of Object.values(r)){let i=n;t=ut(t,Wr(i,e)),t+=Tb(i,e)}return ut(t,Wr(r,e))}function Wr(r,e){if(typeof r=="string")return ds(r,e).alignment;if(Array.isArray(r)){let n=r[0],i=Wr(n,e);return Ab(e)?Math.max(i,4):i}let t=1;for(let n of Object.values(r)){let i=Wr(n,e);t=Math.max(t,i)}return RC(e)?Math.max(t,4):t}function Sb(r,e,t,n){return{alignment:r===2?2:4,size:r===3?3:r,components:r,columns:1,rows:r,columnStride:r===3?3:r,shaderType:e,type:t}}function Lb(r,e){let t=Tb(r,e),n=Wr(r,e);return MC(t,n,e)}function MC(r,e,t){return ut(r,Ab(t)?4:e)}function IC(r,e,t){return t==="std140"?4:ut(r,e)}function Ab(r){return r==="std140"||r==="wgsl-uniform"}function RC(r){return r==="std140"||r==="wgsl-uniform"}var El=b(()=>{Qc();us()});function rp(r){return(!Pl||Pl.byteLength<r)&&(Pl=new ArrayBuffer(r)),Pl}function np(r,e){let t=rp(r.BYTES_PER_ELEMENT*e);return new r(t,0,e)}var Pl,ip=b(()=>{});function OC(r){return ArrayBuffer.isView(r)&&!(r instanceof DataView)}function Si(r){return Array.isArray(r)?r.length===0||typeof r[0]=="number":OC(r)}var op=b(()=>{});function BC(r){return!!r&&typeof r=="object"&&!Array.isArray(r)&&!ArrayBuffer.isView(r)}function DC(r,e,t){return Array.prototype.slice.call(r,e,t)}var Sl,Cb=b(()=>{ip();op();Ge();El();Sl=class{constructor(e){h(this,"layout");this.layout=e}has(e){return!!this.layout.fields[e]}get(e){let t=this.layout.fields[e];return t?{offset:t.offset,size:t.size}:void 0}getFlatUniformValues(e){let t={};for(let[n,i]of Object.entries(e)){let o=this.layout.uniformTypes[n];o?this._flattenCompositeValue(t,n,o,i):this.layout.fields[n]&&(t[n]=i)}return t}getData(e){let t=rp(this.layout.byteLength);new Uint8Array(t,0,this.layout.byteLength).fill(0);let n={i32:new Int32Array(t),u32:new Uint32Array(t),f32:new Float32Array(t),f16:new Uint16Array(t)},i=this.getFlatUniformValues(e);for(let[o,s]of Object.entries(i))this._writeLeafValue(n,o,s);return new Uint8Array(t,0,this.layout.byteLength)}_flattenCompositeValue(e,t,n,i){if(i!==void 0){if(typeof n=="string"||this.layout.fields[t]){e[t]=i;return}if(Array.isArray(n)){let o=n[0],s=n[1];if(Array.isArray(o))throw new Error(`Nested arrays are not supported for ${t}`);if(typeof o=="string"&&Si(i)){this._flattenPackedArray(e,t,o,s,i);return}if(!Array.isArray(i)){S.warn(`Unsupported uniform array value for ${t}:`,i)();return}for(let a=0;a<Math.min(i.length,s);a++){let c=i[a];c!==void 0&&this._flattenCompositeValue(e,`${t}[${a}]`,o,c)}return}if(tp(n)&&BC(i)){for(let[o,s]of Object.entries(i)){if(s===void 0)continue;let a=`${t}.${o}`;this._flattenCompositeValue(e,a,n[o],s)}return}S.warn(`Unsupported uniform value for ${t}:`,i)()}}_flattenPackedArray(e,t,n,i,o){let s=o,c=ds(n,this.layout.layout).components;for(let l=0;l<i;l++){let f=l*c;if(f>=s.length)break;c===1?e[`${t}[${l}]`]=Number(s[f]):e[`${t}[${l}]`]=DC(o,f,f+c)}}_writeLeafValue(e,t,n){let i=this.layout.fields[t];if(!i){S.warn(`Uniform ${t} not found in layout`)();return}let{type:o,components:s,columns:a,rows:c,offset:l,columnStride:f}=i,u=e[o];if(s===1){u[l]=Number(n);return}let d=n;if(a===1){for(let g=0;g<s;g++)u[l+g]=Number(d[g]??0);return}let p=0;for(let g=0;g<a;g++){let m=l+g*f;for(let y=0;y<c;y++)u[m+y]=Number(d[p++]??0)}}}});function Mb(r,e,t=16){if(r===e)return!0;let n=r,i=e;if(!Si(n)||!Si(i)||n.length!==i.length)return!1;let o=Math.min(t,kC);if(n.length>o)return!1;for(let s=0;s<n.length;++s)if(i[s]!==n[s])return!1;return!0}function Ib(r){return Si(r)?r.slice():r}var kC,Rb=b(()=>{op();kC=128});var Tl,Ob=b(()=>{Rb();Tl=class{constructor(e){h(this,"name");h(this,"uniforms",{});h(this,"modifiedUniforms",{});h(this,"modified",!0);h(this,"bindingLayout",{});h(this,"needsRedraw","initialized");if(this.name=e?.name||"unnamed",e?.name&&e?.shaderLayout){let t=e?.shaderLayout.bindings?.find(i=>i.type==="uniform"&&i.name===e?.name);if(!t)throw new Error(e?.name);let n=t;for(let i of n.uniforms||[])this.bindingLayout[i.name]=i}}setUniforms(e){for(let[t,n]of Object.entries(e))this._setUniform(t,n)&&!this.needsRedraw&&this.setNeedsRedraw(`${this.name}.${t}=${n}`)}setNeedsRedraw(e){this.needsRedraw=this.needsRedraw||e}getAllUniforms(){return this.modifiedUniforms={},this.needsRedraw=!1,this.uniforms||{}}_setUniform(e,t){return Mb(this.uniforms[e],t)?!1:(this.uniforms[e]=Ib(t),this.modifiedUniforms[e]=!0,this.modified=!0,!0)}}});function FC(r){return r.type==="webgpu"?"wgsl-uniform":"std140"}var NC,An,Bb=b(()=>{Xc();Ge();El();Ob();Cb();NC=1024,An=class{constructor(e,t){h(this,"device");h(this,"uniformBlocks",new Map);h(this,"shaderBlockLayouts",new Map);h(this,"shaderBlockWriters",new Map);h(this,"uniformBuffers",new Map);this.device=e;for(let[n,i]of Object.entries(t)){let o=n,s=Ln(i.uniformTypes??{},{layout:i.layout??FC(e)}),a=new Sl(s);this.shaderBlockLayouts.set(o,s),this.shaderBlockWriters.set(o,a);let c=new Tl({name:n});c.setUniforms(a.getFlatUniformValues(i.defaultUniforms||{})),this.uniformBlocks.set(o,c)}}destroy(){for(let e of this.uniformBuffers.values())e.destroy()}setUniforms(e,t){for(let[n,i]of Object.entries(e)){let o=n,a=this.shaderBlockWriters.get(o)?.getFlatUniformValues(i||{});this.uniformBlocks.get(o)?.setUniforms(a||{})}this.updateUniformBuffers(t)}getUniformBufferByteLength(e){let t=this.shaderBlockLayouts.get(e)?.byteLength||0;return Math.max(t,NC)}getUniformBufferData(e){let t=this.uniformBlocks.get(e)?.getAllUniforms()||{};return this.shaderBlockWriters.get(e)?.getData(t)||new Uint8Array(0)}createUniformBuffer(e,t){t&&this.setUniforms(t);let n=this.getUniformBufferByteLength(e),i=this.device.createBuffer({usage:V.UNIFORM|V.COPY_DST,byteLength:n}),o=this.getUniformBufferData(e);return i.write(o),i}getManagedUniformBuffer(e){if(!this.uniformBuffers.get(e)){let t=this.getUniformBufferByteLength(e),n=this.device.createBuffer({usage:V.UNIFORM|V.COPY_DST,byteLength:t});this.uniformBuffers.set(e,n)}return this.uniformBuffers.get(e)}updateUniformBuffers(e){let t=!1;for(let n of this.uniformBlocks.keys()){let i=this.updateUniformBuffer(n,e);t||(t=i)}return t&&S.log(3,`UniformStore.updateUniformBuffers(): ${t}`)(),t}updateUniformBuffer(e,t){let n=this.uniformBlocks.get(e),i=this.uniformBuffers.get(e),o=!1;if(i&&n?.needsRedraw){o||(o=n.needsRedraw);let s=this.getUniformBufferData(e);if(i=this.uniformBuffers.get(e),i&&(t?this.device.writeBufferViaCommandEncoder(t,i,s):i.write(s)),S.level>=4){let a=this.uniformBlocks.get(e)?.getAllUniforms();S.log(4,`Writing to uniform buffer ${String(e)}`,s,a)()}}return o}}});function Ti(r){return r.attributes?r.attributes.map(e=>e.attribute):[r.name]}function sp(r){return Object.fromEntries(r.attributes.map(e=>[e.name,e.location]))}function Ll(r){let e=1/0;for(let t of r)t!==void 0&&(e=Math.min(e,t));return e}function ap(r,e,t){zC(e);let n=new Map;for(let i of e){let o=UC(i);if(i.attributes)for(let s of i.attributes)n.has(s.attribute)||n.set(s.attribute,{bufferName:i.name,stepMode:i.stepMode,vertexFormat:s.format,byteOffset:s.byteOffset,byteStride:o});else i.format&&!n.has(i.name)&&n.set(i.name,{bufferName:i.name,stepMode:i.stepMode,vertexFormat:i.format,byteOffset:0,byteStride:o})}return r.attributes.map(i=>{let o=n.get(i.name);!o&&t?.warnOnMissingBufferLayout&&S.warn(`layout for attribute "${i.name}" not present in buffer layout`)();let s=rt.getAttributeShaderTypeInfo(i.type),a=o?.vertexFormat||oe.getCompatibleVertexFormat(s);return{attributeName:i.name,bufferName:o?.bufferName||i.name,location:i.location,vertexFormat:a,byteOffset:o?.byteOffset??0,byteStride:o?.byteStride??oe.getVertexFormatInfo(a).byteLength,stepMode:o?.stepMode||i.stepMode||(i.name.startsWith("instance")?"instance":"vertex")}}).sort((i,o)=>i.location-o.location)}function zC(r){for(let e of r)(e.attributes&&e.format||!e.attributes&&!e.format)&&S.warn(`BufferLayout ${e.name} must have either 'attributes' or 'format' field`)()}function UC(r){if(typeof r.byteStride=="number")return r.byteStride;if(r.attributes){let e=0;for(let t of r.attributes)e+=oe.getVertexFormatInfo(t.format).byteLength;return e}return oe.getVertexFormatInfo(r.format).byteLength}var cp=b(()=>{Ge();us();Ko()});function hs(r,e){let t={},n=ap(r,e,{warnOnMissingBufferLayout:!0});for(let i of n){let o=GC(r,i);t[i.attributeName]=o}return t}function GC(r,e){let t=$C(r,e.attributeName),n=rt.getAttributeShaderTypeInfo(t.type),i=e.vertexFormat,o=oe.getVertexFormatInfo(i);return{attributeName:e.attributeName,bufferName:e.bufferName,location:t.location,shaderType:t.type,primitiveType:n.primitiveType,shaderComponents:n.components,vertexFormat:i,bufferDataType:o.type,bufferComponents:o.components,normalized:o.normalized,integer:n.integer,stepMode:e.stepMode,byteOffset:e.byteOffset,byteStride:e.byteStride}}function $C(r,e){let t=r.attributes.find(n=>n.name===e);return t||S.warn(`shader layout attribute "${e}" not present in shader`)(),t||null}var Db=b(()=>{Ge();us();Ko();cp()});var z=b(()=>{Mx();Ix();Qx();ib();ob();Xc();qh();sb();ab();Xh();Yh();ub();Kh();db();hb();pb();mb();Qh();yb();_b();xb();bb();vb();wb();El();Bb();Jc();Qc();us();Ko();il();Ge();gb();jh();ip();Db();cp()});function ps(r=[],e){let t=[],n={},i={},o={},s={};for(let a of r)kb({modules:t,defines:n,injections:i,vertexInputs:o,varyings:s},a),kb({modules:t,defines:n,injections:i,vertexInputs:o,varyings:s},a[e]);for(let a of Object.keys(s))if(o[a])throw new Error(`ShaderPlugin name "${a}" cannot be both a vertex input and a varying`);return{modules:t,defines:n,injections:i,vertexInputs:o,varyings:s}}function gs(r=[],e=[]){let t=[...r],n=new Set(t.map(i=>i.name));for(let i of e)n.has(i.name)||(t.push(i),n.add(i.name));return t}function kb(r,e){if(e){e.modules?.length&&r.modules.push(...e.modules),e.defines&&Object.assign(r.defines,e.defines);for(let[t,n]of Object.entries(e.vertexInputs||{})){Nb(t,"vertex input");let i=r.vertexInputs[t];if(i&&i!==n)throw new Error(`ShaderPlugin vertex input "${t}" has conflicting types "${i}" and "${n}"`);r.vertexInputs[t]=n}for(let[t,n]of Object.entries(e.varyings||{})){Nb(t,"varying");let i=WC(t,n),o=r.varyings[t];if(o&&(o.type!==i.type||o.interpolation!==i.interpolation))throw new Error(`ShaderPlugin varying "${t}" has conflicting declarations "${o.type}/${o.interpolation}" and "${i.type}/${i.interpolation}"`);r.varyings[t]=i}for(let t of e.injections||[])jC(t.target),r.injections[t.target]||(r.injections[t.target]=[]),r.injections[t.target].push({injection:t.injection,order:t.order??0})}}function Nb(r,e){if(!/^[A-Za-z_][A-Za-z0-9_]*$/.test(r)||r.startsWith("_luma_"))throw new Error(`ShaderPlugin ${e} "${r}" must be a valid non-reserved identifier`)}function WC(r,e){let{primitiveType:t}=rt.getAttributeShaderTypeInfo(e.type),n=t==="i32"||t==="u32",i=e.interpolation||(n?"flat":"smooth");if(n&&i==="smooth")throw new Error(`ShaderPlugin integer varying "${r}" must use flat interpolation`);return{type:e.type,interpolation:i}}function jC(r){if(!VC.test(r))throw new Error(`ShaderPlugin injection target "${r}" must be a named shader anchor or hook`)}var VC,Fb=b(()=>{z();VC=/^(vs|fs):(?:#(?:decl|main-start|main-end)|[A-Za-z_][\w-]*)$/});function ms(r){return`${r.name}Uniforms`}function Ub(r,e){let t=e==="wgsl"?r.source:e==="vertex"?r.vs:r.fs;if(!t)return null;let n=ms(r);return qC(t,e==="wgsl"?"wgsl":"glsl",n)}function Gb(r,e){let t=Object.keys(r.uniformTypes||{});if(!t.length)return null;let n=Ub(r,e);return n?{moduleName:r.name,uniformBlockName:ms(r),stage:e,expectedUniformNames:t,actualUniformNames:n,matches:KC(t,n)}:null}function lp(r,e,t={}){let n=Gb(r,e);if(!n||n.matches)return n;let i=QC(n);return t.log?.error?.(i,n)(),t.throwOnError!==!1&&pr(!1,i),n}function ys(r){let e=[],t=JC(r);for(let n of t.matchAll(YC)){let i=n[1]?.trim()||null;e.push({blockName:n[2],body:n[3],instanceName:n[4]||null,layoutQualifier:i,hasLayoutQualifier:!!i,isStd140:!!(i&&/\blayout\s*\([^)]*\bstd140\b[^)]*\)/.exec(i))})}return e}function fp(r,e,t,n){let i=ys(r).filter(s=>!s.isStd140),o=new Set;for(let s of i){if(o.has(s.blockName))continue;o.add(s.blockName);let a=n?.label?`${n.label} `:"",c=s.hasLayoutQualifier?`declares ${eM(s.layoutQualifier)} instead of layout(std140)`:"does not declare layout(std140)",l=`${a}${e} shader uniform block ${s.blockName} ${c}. luma.gl host-side shader block packing assumes explicit layout(std140) for GLSL uniform blocks. Add \`layout(std140)\` to the block declaration.`;t?.warn?.(l,s)()}return i}function qC(r,e,t){let n=e==="wgsl"?ZC(r,t):XC(r,t);if(!n)return null;let i=[];for(let o of n.split(`
`)){let s=o.replace(/\/\/.*$/,"").trim();if(!s||s.startsWith("#"))continue;let a=e==="wgsl"?s.match(/^([A-Za-z0-9_]+)\s*:/):s.match(HC);a&&i.push(a[1])}return i}function ZC(r,e){let t=new RegExp(`\\bstruct\\s+${e}\\b`,"m").exec(r);if(!t)return null;let n=r.indexOf("{",t.index);if(n<0)return null;let i=0;for(let o=n;o<r.length;o++){let s=r[o];if(s==="{"){i++;continue}if(s==="}"&&(i--,i===0))return r.slice(n+1,o)}return null}function XC(r,e){return ys(r).find(n=>n.blockName===e)?.body||null}function KC(r,e){if(r.length!==e.length)return!1;for(let t=0;t<r.length;t++)if(r[t]!==e[t])return!1;return!0}function QC(r){let{expectedUniformNames:e,actualUniformNames:t}=r,n=e.filter(a=>!t.includes(a)),i=t.filter(a=>!e.includes(a)),o=[`Expected ${e.length} fields, found ${t.length}.`],s=tM(e,t);return s&&o.push(s),n.length&&o.push(`Missing from shader block (${n.length}): ${zb(n)}.`),i.length&&o.push(`Unexpected in shader block (${i.length}): ${zb(i)}.`),e.length<=12&&t.length<=12&&(n.length||i.length)&&(o.push(`Expected: ${e.join(", ")}.`),o.push(`Actual: ${t.join(", ")}.`)),`${r.moduleName}: ${r.stage} shader uniform block ${r.uniformBlockName} does not match module.uniformTypes. ${o.join(" ")}`}function JC(r){return r.replace(/\/\*[\s\S]*?\*\//g,"").replace(/\/\/.*$/gm,"")}function eM(r){return r.replace(/\s+/g," ").trim()}function tM(r,e){let t=Math.min(r.length,e.length);for(let n=0;n<t;n++)if(r[n]!==e[n])return`First mismatch at field ${n+1}: expected ${r[n]}, found ${e[n]}.`;return r.length>e.length?`Shader block ends after field ${e.length}; expected next field ${r[e.length]}.`:e.length>r.length?`Shader block has extra field ${e.length}: ${e[r.length]}.`:null}function zb(r,e=8){if(r.length<=e)return r.join(", ");let t=r.length-e;return`${r.slice(0,e).join(", ")}, ... (${t} more)`}var HC,YC,up=b(()=>{Wc();HC=/^(?:uniform\s+)?(?:(?:lowp|mediump|highp)\s+)?[A-Za-z0-9_]+(?:<[^>]+>)?\s+([A-Za-z0-9_]+)(?:\s*\[[^\]]+\])?\s*;/,YC=/((?:layout\s*\([^)]*\)\s*)*)uniform\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{([\s\S]*?)\}\s*([A-Za-z_][A-Za-z0-9_]*)?\s*;/g});function $b(r){switch(r?.gpu.toLowerCase()){case"apple":return`#define APPLE_GPU
// Apple optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// Intel GPU doesn't have full 32 bits precision in same cases, causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`;case"nvidia":return`#define NVIDIA_GPU
// Nvidia optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
`;case"intel":return`#define INTEL_GPU
// Intel optimizes away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
// Intel's built-in 'tan' function doesn't have acceptable precision
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// Intel GPU doesn't have full 32 bits precision in same cases, causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`;case"amd":return`#define AMD_GPU
`;default:return`#define DEFAULT_GPU
// Prevent driver from optimizing away the calculation necessary for emulated fp64
#define LUMA_FP64_CODE_ELIMINATION_WORKAROUND 1
// Headless Chrome's software shader 'tan' function doesn't have acceptable precision
#define LUMA_FP32_TAN_PRECISION_WORKAROUND 1
// If the GPU doesn't have full 32 bits precision, will causes overflow
#define LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND 1
`}}var Vb=b(()=>{});function jb(r,e){if(Number(r.match(/^#version[ \t]+(\d+)/m)?.[1]||100)!==300)throw new Error("luma.gl v9 only supports GLSL 3.00 shader sources");switch(e){case"vertex":return r=Wb(r,rM),r;case"fragment":return r=Wb(r,nM),r;default:throw new Error(e)}}function Wb(r,e){for(let[t,n]of e)r=r.replace(t,n);return r}function dp(r){return new RegExp(`\\b${r}[ \\t]+(\\w+[ \\t]+\\w+(\\[\\w+\\])?;)`,"g")}var Hb,rM,nM,Yb=b(()=>{Hb=[[/^(#version[ \t]+(100|300[ \t]+es))?[ \t]*\n/,`#version 300 es
`],[/\btexture(2D|2DProj|Cube)Lod(EXT)?\(/g,"textureLod("],[/\btexture(2D|2DProj|Cube)(EXT)?\(/g,"texture("]],rM=[...Hb,[dp("attribute"),"in $1"],[dp("varying"),"out $1"]],nM=[...Hb,[dp("varying"),"in $1"]]});function Al(r,e,t="glsl"){let n="";for(let i in r){let o=r[i];if(n+=`${t==="wgsl"?"fn":"void"} ${o.signature} {
`,o.header&&(n+=`  ${o.header}`),e[i]){let a=e[i];a.sort((c,l)=>c.order-l.order);for(let c of a)n+=`  ${c.injection}
`}o.footer&&(n+=`  ${o.footer}`),n+=`}
`}return n}function hp(r){let e={vertex:{},fragment:{}};for(let t of r){let n,i;typeof t!="string"?(n=t,i=n.hook):(n={},i=t),i=i.trim();let o=i.indexOf(":"),s=i.slice(0,o),a=i.slice(o+1),c=i.replace(/\(.+/,""),l=Object.assign(n,{signature:a});switch(s){case"vs":e.vertex[c]=l;break;case"fs":e.fragment[c]=l;break;default:throw new Error(s)}}return e}var qb=b(()=>{});function Zb(r,e){return{name:iM(r,e),language:"glsl",version:oM(r)}}function iM(r,e="unnamed"){let n=/#define[^\S\r\n]*SHADER_NAME[^\S\r\n]*([A-Za-z0-9_-]+)\s*/.exec(r);return n?n[1]:e}function oM(r){let e=100,t=r.match(/[^\s]+/g);if(t&&t.length>=2&&t[0]==="#version"){let n=parseInt(t[1],10);Number.isFinite(n)&&(e=n)}if(e!==100&&e!==300)throw new Error(`Invalid GLSL version ${e}`);return e}var Xb=b(()=>{});function Cl(r,e=[]){let t=yi(r),n=new Map;for(let o of e)n.set(Qb(o.name,o.group,o.location),o.moduleName);let i=[];for(let o of Kb){o.lastIndex=0;let s;for(s=o.exec(t);s;){let a=o===Kb[0],c=Number(s[a?1:2]),l=Number(s[a?2:1]),f=s[3]?.trim(),u=s[4],d=s[5].trim(),p=n.get(Qb(u,l,c));i.push(sM({name:u,group:l,binding:c,owner:p?"module":"application",moduleName:p,accessDeclaration:f,resourceType:d})),s=o.exec(t)}}return i.sort((o,s)=>o.group!==s.group?o.group-s.group:o.binding!==s.binding?o.binding-s.binding:o.name.localeCompare(s.name))}function sM(r){let e={name:r.name,group:r.group,binding:r.binding,owner:r.owner,kind:"unknown",moduleName:r.moduleName,resourceType:r.resourceType};if(r.accessDeclaration){let t=r.accessDeclaration.split(",").map(n=>n.trim());if(t[0]==="uniform")return{...e,kind:"uniform",access:"uniform"};if(t[0]==="storage"){let n=t[1]||"read_write";return{...e,kind:n==="read"?"read-only-storage":"storage",access:n}}}return r.resourceType==="sampler"||r.resourceType==="sampler_comparison"?{...e,kind:"sampler",samplerKind:r.resourceType==="sampler_comparison"?"comparison":"filtering"}:r.resourceType.startsWith("texture_storage_")?{...e,kind:"storage-texture",access:cM(r.resourceType),viewDimension:Jb(r.resourceType)}:r.resourceType.startsWith("texture_")?{...e,kind:"texture",viewDimension:Jb(r.resourceType),sampleType:aM(r.resourceType),multisampled:r.resourceType.startsWith("texture_multisampled_")}:e}function Qb(r,e,t){return`${e}:${t}:${r}`}function Jb(r){if(r.includes("cube_array"))return"cube-array";if(r.includes("2d_array"))return"2d-array";if(r.includes("cube"))return"cube";if(r.includes("3d"))return"3d";if(r.includes("2d"))return"2d";if(r.includes("1d"))return"1d"}function aM(r){if(r.startsWith("texture_depth_"))return"depth";if(r.includes("<i32>"))return"sint";if(r.includes("<u32>"))return"uint";if(r.includes("<f32>"))return"float"}function cM(r){return/,\s*([A-Za-z_][A-Za-z0-9_]*)\s*>$/.exec(r)?.[1]}var Kb,pp=b(()=>{Uc();Kb=[new RegExp(`@binding\\(\\s*(\\d+)\\s*\\)\\s*@group\\(\\s*(\\d+)\\s*\\)\\s*${tt}\\s*:\\s*([^;]+);`,"g"),new RegExp(`@group\\(\\s*(\\d+)\\s*\\)\\s*@binding\\(\\s*(\\d+)\\s*\\)\\s*${tt}\\s*:\\s*([^;]+);`,"g")]});function Mn(r,e){let t=r.split(`
`),n=[],i=[],o=!0;for(let s of t){let a=s.match(lM),c=s.match(pM)||s.match(fM),l=s.match(uM),f=s.match(dM),u=s.match(gM)||s.match(hM);if(a){let d=mM(a[1],e?.defines||{}),p=o&&d;i.push({parentActive:o,branchTaken:d,active:p}),o=p}else if(c||l){let d=(c||l)?.[1],p=!!e?.defines?.[d],g=c?p:!p,m=o&&g;i.push({parentActive:o,branchTaken:g,active:m}),o=m}else if(f){let d=i[i.length-1];if(!d)throw new Error("Encountered #else without matching #if, #ifdef or #ifndef");d.active=d.parentActive&&!d.branchTaken,d.branchTaken=!0,o=d.active}else u?(i.pop(),o=i.length?i[i.length-1].active:!0):o&&n.push(s)}if(i.length>0)throw new Error("Unterminated conditional block in shader source");return n.join(`
`)}function mM(r,e){let t=r.trim();if(/^[+-]?\d+(?:\.\d+)?$/.test(t))return Number(t)!==0;if(t==="true")return!0;if(t==="false")return!1;let n=t.match(new RegExp(`^!\\s*${Cn}$`));if(n)return!e[n[1]];let i=t.match(new RegExp(`^${Cn}$`));if(i)return!!e[i[1]];let o=t.match(new RegExp(`^defined\\s*\\(\\s*${Cn}\\s*\\)$`));if(o)return e[o[1]]!==void 0;let s=t.match(new RegExp(`^!\\s*defined\\s*\\(\\s*${Cn}\\s*\\)$`));if(s)return e[s[1]]===void 0;throw new Error(`Unsupported #if expression "${r}"`)}var Cn,lM,fM,uM,dM,hM,pM,gM,gp=b(()=>{Cn="([a-zA-Z_][a-zA-Z0-9_]*)",lM=/^\s*\#\s*if\s+(.+?)\s*(?:\/\/.*)?$/,fM=new RegExp(`^\\s*\\#\\s*ifdef\\s*${Cn}\\s*$`),uM=new RegExp(`^\\s*\\#\\s*ifndef\\s*${Cn}\\s*(?:\\/\\/.*)?$`),dM=/^\s*\#\s*else\s*(?:\/\/.*)?$/,hM=/^\s*\#\s*endif\s*$/,pM=new RegExp(`^\\s*\\#\\s*ifdef\\s*${Cn}\\s*(?:\\/\\/.*)?$`),gM=/^\s*\#\s*endif\s*(?:\/\/.*)?$/});function r0(r,e){let t=[];for(let[n,i]of Object.entries(e))yM(r,n),t.push(`in ${Ml(i)} ${n};`);return t.join(`
`)}function n0(r,e,t){let n=Object.entries(t);if(n.length===0)return{source:r,declarations:"",initialization:""};let i=_M(r,e),o=r.slice(i.openParenthesis+1,i.closeParenthesis),s=xM(r,o),a=new Set(s.locations),c=[],l=[],f=[];for(let[m,y]of n){if(s.names.has(m)||wM(r,m))throw new Error(`ShaderPlugin vertex input "${m}" conflicts with an existing WGSL shader input or variable`);let x=EM(a);a.add(x);let v=`_luma_${m}`;c.push(`@location(${x}) ${v}: ${y}`),l.push(`var<private> ${m}: ${y};`),f.push(`${m} = ${v};`)}let u=o.trim()?`,
  `:`
  `,d=o.trim()?"":`
`,p=`${o}${u}${c.join(`,
  `)}${d}`;return{source:r.slice(0,i.openParenthesis+1)+p+r.slice(i.closeParenthesis),declarations:l.join(`
`),initialization:f.join(`
`)}}function Ml(r){let{primitiveType:e,components:t}=rt.getAttributeShaderTypeInfo(r),n=e==="i32"?"int":e==="u32"?"uint":"float";return t===1?n:`${n==="int"?"i":n==="uint"?"u":""}vec${t}`}function yM(r,e){let t=Il(e);if(new RegExp(`\\b(?:in|attribute)\\s+(?:(?:lowp|mediump|highp)\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s+${t}\\s*(?:\\[|;)`).test(r))throw new Error(`ShaderPlugin vertex input "${e}" conflicts with an existing GLSL input`)}function _M(r,e){let n=new RegExp(`\\bfn\\s+${Il(e)}\\s*\\(`,"g").exec(r);if(!n)throw new Error(`ShaderPlugin vertex inputs require WGSL vertex entry point "${e}"`);let i=r.indexOf("(",n.index),o=i0(r,i,"(",")");if(o<0)throw new Error(`Unable to parse WGSL vertex entry point "${e}" parameters`);return{openParenthesis:i,closeParenthesis:o}}function xM(r,e){let t=e0(e),n=new Set(t0(e)),i=bM(e);for(let o of i){let s=vM(r,o);if(s!==null){t.push(...e0(s));for(let a of t0(s))n.add(a)}}return{locations:t,names:n}}function e0(r){let e=[],t=/@location\s*\(\s*(\d+)\s*\)/g,n=t.exec(r);for(;n;)e.push(Number(n[1])),n=t.exec(r);return e}function t0(r){let e=[],t=/(?:^|,)\s*(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:/gm,n=t.exec(r);for(;n;)e.push(n[1]),n=t.exec(r);return e}function bM(r){let e=[],t=/:\s*([A-Za-z_][\w]*)\b/g,n=t.exec(r);for(;n;)e.push(n[1]),n=t.exec(r);return e}function vM(r,e){let n=new RegExp(`\\bstruct\\s+${Il(e)}\\s*\\{`,"g").exec(r);if(!n)return null;let i=r.indexOf("{",n.index),o=i0(r,i,"{","}");return o<0?null:r.slice(i+1,o)}function wM(r,e){let t=Il(e),n=new RegExp(`\\b(?:var(?:<[^>]+>)?|let|const)\\s+${t}\\b`,"g"),i=n.exec(r);for(;i;){if(PM(r,i.index)===0)return!0;i=n.exec(r)}return!1}function EM(r){let e=0;for(;r.has(e);)e++;return e}function i0(r,e,t,n){let i=0,o=0,s=!1;for(let a=e;a<r.length;a++){let c=r[a],l=r[a+1];if(s){c===`
`&&(s=!1);continue}if(o>0){c==="/"&&l==="*"?(o++,a++):c==="*"&&l==="/"&&(o--,a++);continue}if(c==="/"&&l==="/"){s=!0,a++;continue}if(c==="/"&&l==="*"){o=1,a++;continue}if(c===t&&i++,c===n&&--i===0)return a}return-1}function PM(r,e){let t=0,n=0,i=!1;for(let o=0;o<e;o++){let s=r[o],a=r[o+1];if(i){s===`
`&&(i=!1);continue}if(n>0){s==="/"&&a==="*"?(n++,o++):s==="*"&&a==="/"&&(n--,o++);continue}s==="/"&&a==="/"?(i=!0,o++):s==="/"&&a==="*"?(n=1,o++):s==="{"?t++:s==="}"&&t--}return t}function Il(r){return r.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}var mp=b(()=>{z()});function s0(r,e,t){let n=[],i=[];for(let[o,s]of Object.entries(t)){NM(r,o);let a=s.interpolation==="flat"?"flat ":"",c=e==="vertex"?"out":"in";n.push(`${a}${c} ${Ml(s.type)} ${o};`),e==="vertex"&&i.push(`${o} = ${DM(s.type)};`)}return{declarations:n.join(`
`),initialization:i.join(`
`)}}function a0(r,e,t,n){let i=Object.entries(n);if(i.length===0)return{source:r,declarations:"",vertexInitialization:"",fragmentInitialization:""};let o=r,s=Rl(o,e,"vertex"),a=SM(o,s),c=Rl(o,t,"fragment"),l=TM(o,c),f=yp(o,a),u=yp(o,l.type),d=new Set([...Ol(s.parameters),...Ol(f.body),...Ol(c.parameters),...Ol(u.body)]),p=new Set([...o0(f.body),...o0(u.body)]),g=[],m=[],y=[],x=[];for(let[E,P]of i){if(d.has(E)||OM(o,E))throw new Error(`ShaderPlugin varying "${E}" conflicts with existing WGSL stage I/O or a module variable`);let L=BM(p);p.add(L);let A=P.interpolation==="flat"?" @interpolate(flat)":"";g.push(`  @location(${L})${A} ${E}: ${P.type},`),m.push(`var<private> ${E}: ${P.type};`),y.push(`${E} = ${kM(P.type)};`),x.push(`${E} = ${l.name}.${E};`)}LM(o,a,s.openBrace,s.closeBrace),o=AM(o,a,s,i.map(([E])=>E)),s=Rl(o,e,"vertex"),o=CM(o,s,i.map(([E])=>E));let _=(a===l.type?[a]:[a,l.type]).map(E=>yp(o,E).closeBrace).sort((E,P)=>P-E);for(let E of _)o=o.slice(0,E)+`${g.join(`
`)}
`+o.slice(E);if(c=Rl(o,t,"fragment"),!new RegExp(`\\b${In(l.name)}\\s*:`).test(c.parameters))throw new Error(`Unable to preserve WGSL fragment input "${l.name}"`);return{source:o,declarations:m.join(`
`),vertexInitialization:y.join(`
`),fragmentInitialization:x.join(`
`)}}function Rl(r,e,t){let i=new RegExp(`\\bfn\\s+${In(e)}\\s*\\(`,"g").exec(r);if(!i)throw new Error(`ShaderPlugin varyings require WGSL ${t} entry point "${e}"`);let o=r.indexOf("(",i.index),s=Bl(r,o,"(",")"),a=r.indexOf("{",s),c=Bl(r,a,"{","}");if(s<0||a<0||c<0)throw new Error(`Unable to parse WGSL ${t} entry point "${e}"`);return{openParenthesis:o,closeParenthesis:s,openBrace:a,closeBrace:c,parameters:r.slice(o+1,s)}}function SM(r,e){let t=r.slice(e.closeParenthesis+1,e.openBrace),n=/->\s*([A-Za-z_][\w]*)\s*$/.exec(t.trim());if(!n||_p(r,n[1])===null)throw new Error("ShaderPlugin varyings require the WGSL vertex entry point to return a named struct");return n[1]}function TM(r,e){let t=[];for(let n of RM(e.parameters,",")){let i=/(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:\s*([A-Za-z_][\w]*)\s*$/.exec(n.trim());i&&_p(r,i[2])&&t.push({name:i[1],type:i[2]})}if(t.length!==1)throw new Error(`ShaderPlugin varyings require exactly one named WGSL fragment input struct; found ${t.length}`);return t[0]}function yp(r,e){let t=_p(r,e);if(!t)throw new Error(`Unable to find WGSL stage I/O struct "${e}"`);return t}function _p(r,e){let n=new RegExp(`\\bstruct\\s+${In(e)}\\s*\\{`,"g").exec(r);if(!n)return null;let i=r.indexOf("{",n.index),o=Bl(r,i,"{","}");return o<0?null:{openBrace:i,closeBrace:o,body:r.slice(i+1,o)}}function LM(r,e,t,n){let i=new RegExp(`\\b${In(e)}\\s*\\(`,"g"),o=i.exec(r);for(;o;){if(o.index<t||o.index>n)throw new Error(`ShaderPlugin varying output struct "${e}" is constructed outside the selected vertex entry point`);o=i.exec(r)}}function AM(r,e,t,n){let i=new RegExp(`\\b${In(e)}\\s*\\(`,"g"),o=[],s=i.exec(r);for(;s;){if(s.index>t.openBrace&&s.index<t.closeBrace){let a=r.indexOf("(",s.index),c=Bl(r,a,"(",")");if(c<0||c>t.closeBrace)throw new Error(`Unable to parse WGSL output constructor "${e}"`);o.push({openParenthesis:a,closeParenthesis:c})}s=i.exec(r)}for(let a of o.sort((c,l)=>l.closeParenthesis-c.closeParenthesis)){let l=r.slice(a.openParenthesis+1,a.closeParenthesis).trim()?", ":"";r=r.slice(0,a.closeParenthesis)+l+n.join(", ")+r.slice(a.closeParenthesis)}return r}function CM(r,e,t){let n=MM(r,e.openBrace+1,e.closeBrace);for(let i=n.length-1;i>=0;i--){let o=n[i],s=r.slice(o.expressionStart,o.semicolon).trim();if(!s)throw new Error("ShaderPlugin varying vertex entry point cannot use an empty return");let a=`_luma_vertexOutput${i}`,c=t.map(f=>`${a}.${f} = ${f};`).join(`
`),l=`{
var ${a} = ${s};
${c}
return ${a};
}`;r=r.slice(0,o.start)+l+r.slice(o.semicolon+1)}return r}function MM(r,e,t){let n=[],i=e;for(;i<t;)if(i=xp(r,i,t),r.slice(i,i+6)==="return"&&!/[A-Za-z0-9_]/.test(r[i+6]||"")){let o=i+6,s=IM(r,o,t);if(s<0)throw new Error("Unable to parse WGSL return statement in selected vertex entry point");n.push({start:i,expressionStart:o,semicolon:s}),i=s+1}else i++;return n}function IM(r,e,t){let n=0,i=0;for(let o=e;o<t;o++){let s=xp(r,o,t);if(s!==o){o=s-1;continue}let a=r[o];if(a==="("&&n++,a===")"&&n--,a==="["&&i++,a==="]"&&i--,a===";"&&n===0&&i===0)return o}return-1}function xp(r,e,t){let n=e;if(r[n]==="/"&&r[n+1]==="/"){let i=r.indexOf(`
`,n+2);return i<0||i>t?t:i+1}if(r[n]==="/"&&r[n+1]==="*"){let i=1;for(n+=2;n<t&&i>0;)r[n]==="/"&&r[n+1]==="*"?(i++,n+=2):r[n]==="*"&&r[n+1]==="/"?(i--,n+=2):n++}return n}function RM(r,e){let t=[],n=0,i=0,o=0;for(let s=0;s<r.length;s++){let a=r[s];a==="("&&i++,a===")"&&i--,a==="<"&&o++,a===">"&&o--,a===e&&i===0&&o===0&&(t.push(r.slice(n,s)),n=s+1)}return t.push(r.slice(n)),t}function o0(r){let e=[],t=/@location\s*\(\s*(\d+)\s*\)/g,n=t.exec(r);for(;n;)e.push(Number(n[1])),n=t.exec(r);return e}function Ol(r){let e=[],t=/(?:^|,)\s*(?:@[A-Za-z_][\w]*(?:\([^)]*\))?\s*)*([A-Za-z_][\w]*)\s*:/gm,n=t.exec(r);for(;n;)e.push(n[1]),n=t.exec(r);return e}function OM(r,e){let t=new RegExp(`\\b(?:var(?:<[^>]+>)?|let|const)\\s+${In(e)}\\b`,"g"),n=t.exec(r);for(;n;){if(FM(r,n.index)===0)return!0;n=t.exec(r)}return!1}function BM(r){let e=0;for(;r.has(e);)e++;return e}function DM(r){let{primitiveType:e,components:t}=rt.getAttributeShaderTypeInfo(r),n=e==="u32"?"0u":e==="i32"?"0":"0.0";return t===1?n:`${Ml(r)}(${n})`}function kM(r){let{primitiveType:e,components:t}=rt.getAttributeShaderTypeInfo(r),n=`${e}(0)`;return t===1?n:`${r}(${n})`}function NM(r,e){if(new RegExp(`\\b(?:flat\\s+|smooth\\s+)?(?:in|out|varying)\\s+(?:(?:lowp|mediump|highp)\\s+)?[A-Za-z_][A-Za-z0-9_]*\\s+${In(e)}\\s*(?:\\[|;)`).test(r))throw new Error(`ShaderPlugin varying "${e}" conflicts with existing GLSL stage I/O`)}function Bl(r,e,t,n){let i=0,o=0,s=!1;for(let a=e;a<r.length;a++){let c=r[a],l=r[a+1];if(s){c===`
`&&(s=!1);continue}if(o>0){c==="/"&&l==="*"?(o++,a++):c==="*"&&l==="/"&&(o--,a++);continue}if(c==="/"&&l==="/"){s=!0,a++;continue}if(c==="/"&&l==="*"){o=1,a++;continue}if(c===t&&i++,c===n&&--i===0)return a}return-1}function FM(r,e){let t=0;for(let n=0;n<e;n++){let i=xp(r,n,e);if(i!==n){n=i-1;continue}r[n]==="{"&&t++,r[n]==="}"&&t--}return t}function In(r){return r.replace(/[.*+?^${}()|[\]\\]/g,"\\$&")}var c0=b(()=>{z();mp()});function u0(r){let e=yn(r.modules||[]),{source:t,bindingAssignments:n}=UM(r.platformInfo,{...r,source:r.source,stage:"vertex",modules:e});return{source:t,getUniforms:h0(e),bindingAssignments:n,bindingTable:Cl(t,n),shaderLayout:$c(t,{vertexEntryPoint:r.vertexEntryPoint,scanVertexAttributes:r.scanVertexAttributes})}}function d0(r){let{vs:e,fs:t}=r,n=yn(r.modules||[]);return{vs:l0(r.platformInfo,{...r,source:e,stage:"vertex",modules:n}),fs:l0(r.platformInfo,{...r,source:t,stage:"fragment",modules:n}),getUniforms:h0(n)}}function UM(r,e){let{source:t,stage:n,modules:i,defines:o={},hookFunctions:s=[],inject:a={},pluginInjections:c={},pluginVertexInputs:l={},pluginVaryings:f={},vertexEntryPoint:u="vertexMain",fragmentEntryPoint:d="fragmentMain",log:p}=e;pr(typeof t=="string","shader source must be a string");let g=Mn(t,{defines:o}),m=n0(g,u,l),y=a0(m.source,u,d,f),x=y.source,v="",_=hp(s),w={},E={},P={};p0(c,w,E,P);for(let O in a){let I=typeof a[O]=="string"?{injection:a[O],order:0}:a[O],k=/^(v|f)s:(#)?([\w-]+)$/.exec(O);if(k){let J=k[2],j=k[3];J?j==="decl"?E[O]=[I]:P[O]=[I]:w[O]=[I]}else P[O]=[I]}GM(m.declarations,m.initialization,E,P),$M(y,E,P);let L=i,A=qM(x),C=YM(A.source),T=QM(L,e._bindingRegistry,C,o),D=[];for(let O of L){p&&Sh(O,x,p);let I=Mn(g0(O,"wgsl",p),{defines:o}),k=ZM(I,O,{usedBindingsByGroup:C,bindingRegistry:e._bindingRegistry,reservedBindingKeysByGroup:T});D.push(...k.bindingAssignments);let J=k.source;v+=J;let j=VM(O);for(let H in j){let Ke=/^(v|f)s:#([\w-]+)$/.exec(H);if(Ke){let zt=Ke[2]==="decl"?E:P;zt[H]=zt[H]||[],zt[H].push(j[H])}else w[H]=w[H]||[],w[H].push(j[H])}}return v+=bp,v=Yo(v,n,WM(E),!1,"wgsl",{vertex:u,fragment:d}),v+=jM(_,w),v+=iI(D),v+=A.source,v=Yo(v,n,P,!1,"wgsl",{vertex:u,fragment:d}),nI(v),{source:v,bindingAssignments:D}}function l0(r,e){let{source:t,stage:n,language:i="glsl",modules:o,defines:s={},hookFunctions:a=[],inject:c={},pluginInjections:l={},pluginVertexInputs:f={},pluginVaryings:u={},prologue:d=!0,log:p}=e;pr(typeof t=="string","shader source must be a string");let g=i==="glsl"?Zb(t).version:-1,m=r.shaderLanguageVersion,y=g===100?"#version 100":"#version 300 es",v=t.split(`
`).slice(1).join(`
`),_={};o.forEach(T=>{Object.assign(_,T.defines)}),Object.assign(_,s);let w="";switch(i){case"wgsl":break;case"glsl":w=d?`${y}

// ----- PROLOGUE -------------------------
${`#define SHADER_TYPE_${n.toUpperCase()}`}

${$b(r)}
${n==="fragment"?zM:""}

// ----- APPLICATION DEFINES -------------------------

${HM(_)}

`:`${y}
`;break}let E=hp(a),P={},L={},A={};p0(l,P,L,A);for(let T in c){let D=typeof c[T]=="string"?{injection:c[T],order:0}:c[T],O=/^(v|f)s:(#)?([\w-]+)$/.exec(T);if(O){let I=O[2],k=O[3];I?k==="decl"?L[T]=[D]:A[T]=[D]:P[T]=[D]}else A[T]=[D]}if(n==="vertex"){let T=r0(v,f);T&&(L["vs:#decl"]=L["vs:#decl"]||[],L["vs:#decl"].push({injection:T,order:Number.MIN_SAFE_INTEGER}))}let C=s0(v,n,u);if(C.declarations){let T=n==="vertex"?"vs:#decl":"fs:#decl";L[T]=L[T]||[],L[T].push({injection:C.declarations,order:Number.MIN_SAFE_INTEGER})}C.initialization&&(A["vs:#main-start"]=A["vs:#main-start"]||[],A["vs:#main-start"].push({injection:C.initialization,order:Number.MIN_SAFE_INTEGER}));for(let T of o){p&&Sh(T,v,p);let D=g0(T,n,p);w+=D;let O=T.instance?.normalizedInjections[n]||{};for(let I in O){let k=/^(v|f)s:#([\w-]+)$/.exec(I);if(k){let j=k[2]==="decl"?L:A;j[I]=j[I]||[],j[I].push(O[I])}else P[I]=P[I]||[],P[I].push(O[I])}}return w+="// ----- MAIN SHADER SOURCE -------------------------",w+=bp,w=Yo(w,n,L),w+=Al(E[n],P),w+=v,w=Yo(w,n,A),i==="glsl"&&g!==m&&(w=jb(w,n)),i==="glsl"&&fp(w,n,p),w.trim()}function h0(r){return function(t){let n={};for(let i of r){let o=i.getUniforms?.(t,n);Object.assign(n,o)}return n}}function p0(r,e,t,n){for(let i in r){let o=/^(v|f)s:(#)?([\w-]+)$/.exec(i);if(o){let s=o[2],a=o[3],c=s?a==="decl"?t:n:e;c[i]=c[i]||[],c[i].push(...r[i])}else n[i]=n[i]||[],n[i].push(...r[i])}}function GM(r,e,t,n){r&&(t["vs:#decl"]=t["vs:#decl"]||[],t["vs:#decl"].push({injection:r,order:Number.MIN_SAFE_INTEGER})),e&&(n["vs:#main-start"]=n["vs:#main-start"]||[],n["vs:#main-start"].push({injection:e,order:Number.MIN_SAFE_INTEGER}))}function $M(r,e,t){r.declarations&&(e["vs:#decl"]=e["vs:#decl"]||[],e["vs:#decl"].push({injection:r.declarations,order:Number.MIN_SAFE_INTEGER})),r.vertexInitialization&&(t["vs:#main-start"]=t["vs:#main-start"]||[],t["vs:#main-start"].push({injection:r.vertexInitialization,order:Number.MIN_SAFE_INTEGER})),r.fragmentInitialization&&(t["fs:#main-start"]=t["fs:#main-start"]||[],t["fs:#main-start"].push({injection:r.fragmentInitialization,order:Number.MIN_SAFE_INTEGER}))}function VM(r){return{...r.instance?.normalizedInjections.vertex||{},...r.instance?.normalizedInjections.fragment||{}}}function WM(r){let e=[...r["vs:#decl"]||[],...r["fs:#decl"]||[]];return e.length?{"vs:#decl":e}:{}}function jM(r,e){return Al(r.vertex,e,"wgsl")+Al(r.fragment,e,"wgsl")}function HM(r={}){let e="";for(let t in r){let n=r[t];(n||Number.isFinite(n))&&(e+=`#define ${t.toUpperCase()} ${r[t]}
`)}return e}function g0(r,e,t){let n;switch(e){case"vertex":n=r.vs||"";break;case"fragment":n=r.fs||"";break;case"wgsl":n=r.source||"";break;default:pr(!1)}if(!r.name)throw new Error("Shader module must have a name");lp(r,e,{log:t});let i=r.name.toUpperCase().replace(/[^0-9a-z]/gi,"_"),o=`// ----- MODULE ${r.name} ---------------

`;return e!=="wgsl"&&(o+=`#define MODULE_${i}
`),o+=`${n}
`,o}function YM(r){let e=new Map;for(let t of mn(r,fx)){let n=Number(t.bindingToken),i=Number(t.groupToken);vp(i,n,t.name),Li(e,i,n,`application binding "${t.name}"`)}return e}function qM(r){let e=mn(r,zc),t=new Map;for(let o of e){if(o.bindingToken==="auto")continue;let s=Number(o.bindingToken),a=Number(o.groupToken);vp(a,s,o.name),Li(t,a,s,`application binding "${o.name}"`)}let n={sawSupportedBindingDeclaration:e.length>0},i=gh(r,zc,o=>KM(o,t,n));if(mh(r)&&!n.sawSupportedBindingDeclaration)throw new Error('Unsupported @binding(auto) declaration form in application WGSL. Use adjacent "@group(N)" and "@binding(auto)" decorators followed by a bindable "var" declaration.');return{source:i}}function ZM(r,e,t){let n=[],o={sawSupportedBindingDeclaration:mn(r,mi).length>0,nextHintedBindingLocation:typeof e.firstBindingSlot=="number"?e.firstBindingSlot:null},s=gh(r,mi,a=>XM(a,{module:e,context:t,bindingAssignments:n,relocationState:o}));if(mh(r)&&!o.sawSupportedBindingDeclaration)throw new Error(`Unsupported @binding(auto) declaration form in module "${e.name}". Use adjacent "@group(N)" and "@binding(auto)" decorators followed by a bindable "var" declaration.`);return{source:s,bindingAssignments:n}}function XM(r,e){let{module:t,context:n,bindingAssignments:i,relocationState:o}=e,{match:s,bindingToken:a,groupToken:c,name:l}=r,f=Number(c);if(a==="auto"){let d=m0(f,t.name,l),p=n.bindingRegistry?.get(d),g=p!==void 0?p:tI(f,n.usedBindingsByGroup,t.name,o.nextHintedBindingLocation??void 0,n.bindingRegistry);return f0(t.name,f,g,l),p!==void 0&&JM(n.reservedBindingKeysByGroup,f,g,d)?(i.push({moduleName:t.name,name:l,group:f,location:g}),s.replace(/@binding\(\s*auto\s*\)/,`@binding(${g})`)):(Li(n.usedBindingsByGroup,f,g,`module "${t.name}" binding "${l}"`),n.bindingRegistry?.set(d,g),i.push({moduleName:t.name,name:l,group:f,location:g}),o.nextHintedBindingLocation!==null&&p===void 0&&(o.nextHintedBindingLocation=g+1),s.replace(/@binding\(\s*auto\s*\)/,`@binding(${g})`))}let u=Number(a);return f0(t.name,f,u,l),Li(n.usedBindingsByGroup,f,u,`module "${t.name}" binding "${l}"`),i.push({moduleName:t.name,name:l,group:f,location:u}),s}function KM(r,e,t){let{match:n,bindingToken:i,groupToken:o,name:s}=r,a=Number(o);if(i==="auto"){let c=rI(a,e);return vp(a,c,s),Li(e,a,c,`application binding "${s}"`),n.replace(/@binding\(\s*auto\s*\)/,`@binding(${c})`)}return t.sawSupportedBindingDeclaration=!0,n}function QM(r,e,t,n){let i=new Map;if(!e)return i;for(let o of r)for(let s of eI(o,n)){let a=m0(s.group,o.name,s.name),c=e.get(a);if(c!==void 0){let l=i.get(s.group)||new Map,f=l.get(c);if(f&&f!==a)throw new Error(`Duplicate WGSL binding reservation for modules "${f}" and "${a}": group ${s.group}, binding ${c}.`);Li(t,s.group,c,`registered module binding "${a}"`),l.set(c,a),i.set(s.group,l)}}return i}function JM(r,e,t,n){let i=r.get(e);if(!i)return!1;let o=i.get(t);if(!o)return!1;if(o!==n)throw new Error(`Registered module binding "${n}" collided with "${o}": group ${e}, binding ${t}.`);return!0}function eI(r,e){let t=[],n=Mn(r.source||"",{defines:e});for(let i of mn(n,mi))t.push({name:i.name,group:Number(i.groupToken)});return t}function vp(r,e,t){if(r===0&&e>=_s)throw new Error(`Application binding "${t}" in group 0 uses reserved binding ${e}. Application-owned explicit group-0 bindings must stay below ${_s}.`)}function f0(r,e,t,n){if(e===0&&t<_s)throw new Error(`Module "${r}" binding "${n}" in group 0 uses reserved application binding ${t}. Module-owned explicit group-0 bindings must be ${_s} or higher.`)}function Li(r,e,t,n){let i=r.get(e)||new Set;if(i.has(t))throw new Error(`Duplicate WGSL binding assignment for ${n}: group ${e}, binding ${t}.`);i.add(t),r.set(e,i)}function tI(r,e,t,n,i){let o=e.get(r)||new Set,s=new Set,a=`${r}:`,c=`${a}${t}:`;for(let[f,u]of i||[])f.startsWith(c)&&s.add(u);let l=n??(r===0?_s:o.size>0?Math.max(...o)+1:0);for(;o.has(l)||s.has(l);)l++;for(let[f,u]of i||[])u===l&&f.startsWith(a)&&i?.delete(f);return l}function rI(r,e){let t=e.get(r)||new Set,n=0;for(;t.has(n);)n++;return n}function nI(r){let e=ux(r,mi);if(!e)return;let t=oI(r,e.index);throw t?new Error(`Unresolved @binding(auto) for module "${t}" binding "${e.name}" remained in assembled WGSL source.`):sI(r,e.index)?new Error(`Unresolved @binding(auto) for application binding "${e.name}" remained in assembled WGSL source.`):new Error(`Unresolved @binding(auto) remained in assembled WGSL source near "${aI(e.match)}".`)}function iI(r){if(r.length===0)return"";let e=`// ----- MODULE WGSL BINDING ASSIGNMENTS ---------------
`;for(let t of r)e+=`// ${t.moduleName}.${t.name} -> @group(${t.group}) @binding(${t.location})
`;return e+=`
`,e}function m0(r,e,t){return`${r}:${e}:${t}`}function oI(r,e){let t=/^\/\/ ----- MODULE ([^\n]+) ---------------$/gm,n,i;for(i=t.exec(r);i&&i.index<=e;)n=i[1],i=t.exec(r);return n}function sI(r,e){let t=r.indexOf(bp);return t>=0?e>t:!0}function aI(r){return r.replace(/\s+/g," ").trim()}var bp,_s,zM,y0=b(()=>{Th();Vb();Ph();Yb();Hc();up();qb();Wc();Xb();pp();vh();gp();mp();c0();Uc();bp=`

${Ho}
`,_s=100,zM=`precision highp float;
`});var mr,ht,Ai,jr,_0=b(()=>{Hc();y0();pp();gp();vh();Wc();mr=class mr{constructor(){h(this,"_hookFunctions",[]);h(this,"_defaultModules",[])}static getDefaultShaderAssembler(e){return pr(e==="glsl"||e==="wgsl"),e==="wgsl"?(mr.defaultShaderAssemblers.wgsl=mr.defaultShaderAssemblers.wgsl||new jr,mr.defaultShaderAssemblers.wgsl):(mr.defaultShaderAssemblers.glsl=mr.defaultShaderAssemblers.glsl||new Ai,mr.defaultShaderAssemblers.glsl)}addDefaultModule(e){this._defaultModules.find(t=>t.name===(typeof e=="string"?e:e.name))||this._defaultModules.push(e)}removeDefaultModule(e){let t=typeof e=="string"?e:e.name;this._defaultModules=this._defaultModules.filter(n=>n.name!==t)}addShaderHook(e,t){t&&(e=Object.assign(t,{hook:e})),this._hookFunctions.push(e)}_getModuleList(e=[]){let t=new Array(this._defaultModules.length+e.length),n={},i=0;for(let o=0,s=this._defaultModules.length;o<s;++o){let a=this._defaultModules[o],c=a.name;t[i++]=a,n[c]=!0}for(let o=0,s=e.length;o<s;++o){let a=e[o],c=a.name;n[c]||(t[i++]=a,n[c]=!0)}return t.length=i,_i(t),t}};h(mr,"defaultShaderAssemblers",{});ht=mr,Ai=class extends ht{constructor(){super(...arguments);h(this,"shaderLanguage","glsl")}assembleGLSLShaderPair(t){let n=this._getModuleList(t.modules),i=this._hookFunctions;return{...d0({...t,vs:t.vs,fs:t.fs,modules:n,hookFunctions:i}),modules:n}}},jr=class r extends ht{constructor(){super(...arguments);h(this,"shaderLanguage","wgsl");h(this,"_wgslBindingRegistry",new Map)}assembleWGSLShader(t){let n=this._getModuleList(t.modules),i=this._hookFunctions,o=r.getShaderPreprocessorDefines(t,n),s=t.platformInfo.shaderLanguage==="wgsl"&&t.source?Mn(t.source,{defines:o}):t.source,{source:a,getUniforms:c,bindingAssignments:l}=u0({...t,source:s,defines:o,_bindingRegistry:this._wgslBindingRegistry,modules:n,hookFunctions:i}),f=t.platformInfo.shaderLanguage==="wgsl"?Mn(a,{defines:o}):a;return{source:f,getUniforms:c,modules:n,bindingAssignments:l,bindingTable:Cl(f,l),shaderLayout:$c(f,{vertexEntryPoint:t.vertexEntryPoint,scanVertexAttributes:t.scanVertexAttributes})}}static getShaderPreprocessorDefines(t,n){return{...r.getPlatformPreprocessorDefines(t.platformInfo),...n.reduce((i,o)=>(Object.assign(i,o.defines),i),{}),...t.defines}}static getPlatformPreprocessorDefines(t){let n=t.limits||{};return{LUMA_SUPPORTS_VERTEX_STORAGE_BUFFERS:t.type==="webgpu"&&(n.maxStorageBuffersInVertexStage||0)>0,LUMA_FP32_TAN_PRECISION_WORKAROUND:t.type==="webgpu"&&t.gpu.toLowerCase()!=="nvidia"&&t.gpu.toLowerCase()!=="amd",LUMA_FP64_INTEGER_ARITHMETIC:t.type==="webgpu"&&t.gpu.toLowerCase()==="apple"}}}});function wp(r){let{input:e,inputChannels:t,output:n}=r||{};if(!e)return lI;if(!t)throw new Error("inputChannels");let i=fI(t),o=x0(e,t);return`#version 300 es
in ${i} ${e};
out vec4 ${n};
void main() {
  ${n} = ${o};
}`}function fI(r){switch(r){case 1:return"float";case 2:return"vec2";case 3:return"vec3";case 4:return"vec4";default:throw new Error(`invalid channels: ${r}`)}}function x0(r,e){switch(e){case 1:return`vec4(${r}, 0.0, 0.0, 1.0)`;case 2:return`vec4(${r}, 0.0, 1.0)`;case 3:return`vec4(${r}, 1.0)`;case 4:return r;default:throw new Error(`invalid channels: ${e}`)}}var cI,lI,b0=b(()=>{cI=`out vec4 transform_output;
void main() {
  transform_output = vec4(0);
}`,lI=`#version 300 es
${cI}`});function Ep(r,{precision:e=he.precision}={}){return r=dI(r),`${parseFloat(r.toPrecision(e))}`}function St(r){return Array.isArray(r)||ArrayBuffer.isView(r)&&!(r instanceof DataView)}function K(r,e,t){return pI(r,n=>Math.max(e,Math.min(t,n)))}function Rn(r,e,t){return St(r)?r.map((n,i)=>Rn(n,e[i],t)):t*e+(1-t)*r}function Kt(r,e,t){let n=he.EPSILON;t&&(he.EPSILON=t);try{if(r===e)return!0;if(St(r)&&St(e)){if(r.length!==e.length)return!1;for(let i=0;i<r.length;++i)if(!Kt(r[i],e[i]))return!1;return!0}return r&&r.equals?r.equals(e):e&&e.equals?e.equals(r):typeof r=="number"&&typeof e=="number"?Math.abs(r-e)<=he.EPSILON*Math.max(1,Math.abs(r),Math.abs(e)):!1}finally{he.EPSILON=n}}function dI(r){return Math.round(r/he.EPSILON)*he.EPSILON}function hI(r){return r.clone?r.clone():new Array(r.length)}function pI(r,e,t){if(St(r)){let n=r;t=t||hI(n);for(let i=0;i<t.length&&i<n.length;++i){let o=typeof r=="number"?r:r[i];t[i]=e(o,i,t)}return t}return e(r)}var Y7,q7,uI,he,On=b(()=>{Y7=1/Math.PI*180,q7=1/180*Math.PI,uI={EPSILON:1e-12,debug:!1,precision:4,printTypes:!1,printDegrees:!1,printRowMajor:!0,_cartographicRadians:!1};globalThis.mathgl=globalThis.mathgl||{config:{...uI}};he=globalThis.mathgl.config});var Hr,Dl=b(()=>{On();Hr=class extends Array{clone(){return new this.constructor().copy(this)}fromArray(e,t=0){for(let n=0;n<this.ELEMENTS;++n)this[n]=e[n+t];return this.check()}toArray(e=[],t=0){for(let n=0;n<this.ELEMENTS;++n)e[t+n]=this[n];return e}toObject(e){return e}from(e){return Array.isArray(e)?this.copy(e):this.fromObject(e)}to(e){return e===this?this:St(e)?this.toArray(e):this.toObject(e)}toTarget(e){return e?this.to(e):this}toFloat32Array(){return new Float32Array(this)}toString(){return this.formatString(he)}formatString(e){let t="";for(let n=0;n<this.ELEMENTS;++n)t+=(n>0?", ":"")+Ep(this[n],e);return`${e.printTypes?this.constructor.name:""}[${t}]`}equals(e){if(!e||this.length!==e.length)return!1;for(let t=0;t<this.ELEMENTS;++t)if(!Kt(this[t],e[t]))return!1;return!0}exactEquals(e){if(!e||this.length!==e.length)return!1;for(let t=0;t<this.ELEMENTS;++t)if(this[t]!==e[t])return!1;return!0}negate(){for(let e=0;e<this.ELEMENTS;++e)this[e]=-this[e];return this.check()}lerp(e,t,n){if(n===void 0)return this.lerp(this,e,t);for(let i=0;i<this.ELEMENTS;++i){let o=e[i],s=typeof t=="number"?t:t[i];this[i]=o+n*(s-o)}return this.check()}min(e){for(let t=0;t<this.ELEMENTS;++t)this[t]=Math.min(e[t],this[t]);return this.check()}max(e){for(let t=0;t<this.ELEMENTS;++t)this[t]=Math.max(e[t],this[t]);return this.check()}clamp(e,t){for(let n=0;n<this.ELEMENTS;++n)this[n]=Math.min(Math.max(this[n],e[n]),t[n]);return this.check()}add(...e){for(let t of e)for(let n=0;n<this.ELEMENTS;++n)this[n]+=t[n];return this.check()}subtract(...e){for(let t of e)for(let n=0;n<this.ELEMENTS;++n)this[n]-=t[n];return this.check()}scale(e){if(typeof e=="number")for(let t=0;t<this.ELEMENTS;++t)this[t]*=e;else for(let t=0;t<this.ELEMENTS&&t<e.length;++t)this[t]*=e[t];return this.check()}multiplyByScalar(e){for(let t=0;t<this.ELEMENTS;++t)this[t]*=e;return this.check()}check(){if(he.debug&&!this.validate())throw new Error(`math.gl: ${this.constructor.name} some fields set to invalid numbers'`);return this}validate(){let e=this.length===this.ELEMENTS;for(let t=0;t<this.ELEMENTS;++t)e=e&&Number.isFinite(this[t]);return e}sub(e){return this.subtract(e)}setScalar(e){for(let t=0;t<this.ELEMENTS;++t)this[t]=e;return this.check()}addScalar(e){for(let t=0;t<this.ELEMENTS;++t)this[t]+=e;return this.check()}subScalar(e){return this.addScalar(-e)}multiplyScalar(e){for(let t=0;t<this.ELEMENTS;++t)this[t]*=e;return this.check()}divideScalar(e){return this.multiplyByScalar(1/e)}clampScalar(e,t){for(let n=0;n<this.ELEMENTS;++n)this[n]=Math.min(Math.max(this[n],e),t);return this.check()}get elements(){return this}}});function gI(r,e){if(r.length!==e)return!1;for(let t=0;t<r.length;++t)if(!Number.isFinite(r[t]))return!1;return!0}function X(r){if(!Number.isFinite(r))throw new Error(`Invalid number ${JSON.stringify(r)}`);return r}function Ci(r,e,t=""){if(he.debug&&!gI(r,e))throw new Error(`math.gl: ${t} some fields set to invalid numbers'`);return r}var Bn=b(()=>{On()});function Pp(r,e){if(!r)throw new Error(`math.gl assertion ${e}`)}var v0=b(()=>{});var Mi,Sp=b(()=>{Dl();Bn();v0();Mi=class extends Hr{get x(){return this[0]}set x(e){this[0]=X(e)}get y(){return this[1]}set y(e){this[1]=X(e)}len(){return Math.sqrt(this.lengthSquared())}magnitude(){return this.len()}lengthSquared(){let e=0;for(let t=0;t<this.ELEMENTS;++t)e+=this[t]*this[t];return e}magnitudeSquared(){return this.lengthSquared()}distance(e){return Math.sqrt(this.distanceSquared(e))}distanceSquared(e){let t=0;for(let n=0;n<this.ELEMENTS;++n){let i=this[n]-e[n];t+=i*i}return X(t)}dot(e){let t=0;for(let n=0;n<this.ELEMENTS;++n)t+=this[n]*e[n];return X(t)}normalize(){let e=this.magnitude();if(e!==0)for(let t=0;t<this.ELEMENTS;++t)this[t]/=e;return this.check()}multiply(...e){for(let t of e)for(let n=0;n<this.ELEMENTS;++n)this[n]*=t[n];return this.check()}divide(...e){for(let t of e)for(let n=0;n<this.ELEMENTS;++n)this[n]/=t[n];return this.check()}lengthSq(){return this.lengthSquared()}distanceTo(e){return this.distance(e)}distanceToSquared(e){return this.distanceSquared(e)}getComponent(e){return Pp(e>=0&&e<this.ELEMENTS,"index is out of range"),X(this[e])}setComponent(e,t){return Pp(e>=0&&e<this.ELEMENTS,"index is out of range"),this[e]=t,this.check()}addVectors(e,t){return this.copy(e).add(t)}subVectors(e,t){return this.copy(e).subtract(t)}multiplyVectors(e,t){return this.copy(e).multiply(t)}addScaledVector(e,t){return this.add(new this.constructor(e).multiplyScalar(t))}}});function pt(r){return r>=0?Math.round(r):r%.5===0?Math.floor(r):Math.round(r)}var ne,Qt,o9,Dn=b(()=>{ne=typeof Float32Array<"u"?Float32Array:Array,Qt=Math.random;o9=Math.PI/180});var Tt={};ur(Tt,{add:()=>bI,angle:()=>zI,ceil:()=>vI,clone:()=>mI,copy:()=>_I,create:()=>w0,cross:()=>RI,dist:()=>qI,distance:()=>T0,div:()=>YI,divide:()=>S0,dot:()=>II,equals:()=>VI,exactEquals:()=>$I,floor:()=>wI,forEach:()=>KI,fromValues:()=>yI,inverse:()=>CI,len:()=>WI,length:()=>A0,lerp:()=>OI,max:()=>PI,min:()=>EI,mul:()=>HI,multiply:()=>P0,negate:()=>AI,normalize:()=>MI,random:()=>BI,rotate:()=>FI,round:()=>SI,scale:()=>TI,scaleAndAdd:()=>LI,set:()=>xI,sqrDist:()=>ZI,sqrLen:()=>XI,squaredDistance:()=>L0,squaredLength:()=>C0,str:()=>GI,sub:()=>jI,subtract:()=>E0,transformMat2:()=>DI,transformMat2d:()=>kI,transformMat3:()=>NI,transformMat4:()=>Tp,zero:()=>UI});function w0(){let r=new ne(2);return ne!=Float32Array&&(r[0]=0,r[1]=0),r}function mI(r){let e=new ne(2);return e[0]=r[0],e[1]=r[1],e}function yI(r,e){let t=new ne(2);return t[0]=r,t[1]=e,t}function _I(r,e){return r[0]=e[0],r[1]=e[1],r}function xI(r,e,t){return r[0]=e,r[1]=t,r}function bI(r,e,t){return r[0]=e[0]+t[0],r[1]=e[1]+t[1],r}function E0(r,e,t){return r[0]=e[0]-t[0],r[1]=e[1]-t[1],r}function P0(r,e,t){return r[0]=e[0]*t[0],r[1]=e[1]*t[1],r}function S0(r,e,t){return r[0]=e[0]/t[0],r[1]=e[1]/t[1],r}function vI(r,e){return r[0]=Math.ceil(e[0]),r[1]=Math.ceil(e[1]),r}function wI(r,e){return r[0]=Math.floor(e[0]),r[1]=Math.floor(e[1]),r}function EI(r,e,t){return r[0]=Math.min(e[0],t[0]),r[1]=Math.min(e[1],t[1]),r}function PI(r,e,t){return r[0]=Math.max(e[0],t[0]),r[1]=Math.max(e[1],t[1]),r}function SI(r,e){return r[0]=pt(e[0]),r[1]=pt(e[1]),r}function TI(r,e,t){return r[0]=e[0]*t,r[1]=e[1]*t,r}function LI(r,e,t,n){return r[0]=e[0]+t[0]*n,r[1]=e[1]+t[1]*n,r}function T0(r,e){let t=e[0]-r[0],n=e[1]-r[1];return Math.sqrt(t*t+n*n)}function L0(r,e){let t=e[0]-r[0],n=e[1]-r[1];return t*t+n*n}function A0(r){let e=r[0],t=r[1];return Math.sqrt(e*e+t*t)}function C0(r){let e=r[0],t=r[1];return e*e+t*t}function AI(r,e){return r[0]=-e[0],r[1]=-e[1],r}function CI(r,e){return r[0]=1/e[0],r[1]=1/e[1],r}function MI(r,e){let t=e[0],n=e[1],i=t*t+n*n;return i>0&&(i=1/Math.sqrt(i)),r[0]=e[0]*i,r[1]=e[1]*i,r}function II(r,e){return r[0]*e[0]+r[1]*e[1]}function RI(r,e,t){let n=e[0]*t[1]-e[1]*t[0];return r[0]=r[1]=0,r[2]=n,r}function OI(r,e,t,n){let i=e[0],o=e[1];return r[0]=i+n*(t[0]-i),r[1]=o+n*(t[1]-o),r}function BI(r,e){e=e===void 0?1:e;let t=Qt()*2*Math.PI;return r[0]=Math.cos(t)*e,r[1]=Math.sin(t)*e,r}function DI(r,e,t){let n=e[0],i=e[1];return r[0]=t[0]*n+t[2]*i,r[1]=t[1]*n+t[3]*i,r}function kI(r,e,t){let n=e[0],i=e[1];return r[0]=t[0]*n+t[2]*i+t[4],r[1]=t[1]*n+t[3]*i+t[5],r}function NI(r,e,t){let n=e[0],i=e[1];return r[0]=t[0]*n+t[3]*i+t[6],r[1]=t[1]*n+t[4]*i+t[7],r}function Tp(r,e,t){let n=e[0],i=e[1];return r[0]=t[0]*n+t[4]*i+t[12],r[1]=t[1]*n+t[5]*i+t[13],r}function FI(r,e,t,n){let i=e[0]-t[0],o=e[1]-t[1],s=Math.sin(n),a=Math.cos(n);return r[0]=i*a-o*s+t[0],r[1]=i*s+o*a+t[1],r}function zI(r,e){let t=r[0],n=r[1],i=e[0],o=e[1],s=Math.sqrt((t*t+n*n)*(i*i+o*o)),a=s&&(t*i+n*o)/s;return Math.acos(Math.min(Math.max(a,-1),1))}function UI(r){return r[0]=0,r[1]=0,r}function GI(r){return`vec2(${r[0]}, ${r[1]})`}function $I(r,e){return r[0]===e[0]&&r[1]===e[1]}function VI(r,e){let t=r[0],n=r[1],i=e[0],o=e[1];return Math.abs(t-i)<=1e-6*Math.max(1,Math.abs(t),Math.abs(i))&&Math.abs(n-o)<=1e-6*Math.max(1,Math.abs(n),Math.abs(o))}var WI,jI,HI,YI,qI,ZI,XI,KI,Lp=b(()=>{Dn();WI=A0,jI=E0,HI=P0,YI=S0,qI=T0,ZI=L0,XI=C0,KI=(function(){let r=w0();return function(e,t,n,i,o,s){let a,c;for(t||(t=2),n||(n=0),i?c=Math.min(i*t+n,e.length):c=e.length,a=n;a<c;a+=t)r[0]=e[a],r[1]=e[a+1],o(r,r,s),e[a]=r[0],e[a+1]=r[1];return e}})()});function M0(r,e,t){let n=e[0],i=e[1],o=t[3]*n+t[7]*i||1;return r[0]=(t[0]*n+t[4]*i)/o,r[1]=(t[1]*n+t[5]*i)/o,r}function kl(r,e,t){let n=e[0],i=e[1],o=e[2],s=t[3]*n+t[7]*i+t[11]*o||1;return r[0]=(t[0]*n+t[4]*i+t[8]*o)/s,r[1]=(t[1]*n+t[5]*i+t[9]*o)/s,r[2]=(t[2]*n+t[6]*i+t[10]*o)/s,r}function I0(r,e,t){let n=e[0],i=e[1];return r[0]=t[0]*n+t[2]*i,r[1]=t[1]*n+t[3]*i,r[2]=e[2],r}function R0(r,e,t){let n=e[0],i=e[1];return r[0]=t[0]*n+t[2]*i,r[1]=t[1]*n+t[3]*i,r[2]=e[2],r[3]=e[3],r}function O0(r,e,t){let n=e[0],i=e[1],o=e[2];return r[0]=t[0]*n+t[3]*i+t[6]*o,r[1]=t[1]*n+t[4]*i+t[7]*o,r[2]=t[2]*n+t[5]*i+t[8]*o,r[3]=e[3],r}var Nl=b(()=>{});var Q={};ur(Q,{add:()=>tR,angle:()=>Op,bezier:()=>pR,ceil:()=>rR,clone:()=>QI,copy:()=>JI,create:()=>Fl,cross:()=>kn,dist:()=>ER,distance:()=>F0,div:()=>wR,divide:()=>N0,dot:()=>xs,equals:()=>xR,exactEquals:()=>_R,floor:()=>nR,forEach:()=>TR,fromValues:()=>zl,hermite:()=>hR,inverse:()=>fR,len:()=>Bp,length:()=>B0,lerp:()=>uR,max:()=>oR,min:()=>iR,mul:()=>vR,multiply:()=>k0,negate:()=>lR,normalize:()=>Ap,random:()=>gR,rotateX:()=>Mp,rotateY:()=>Ip,rotateZ:()=>Rp,round:()=>sR,scale:()=>aR,scaleAndAdd:()=>cR,set:()=>eR,slerp:()=>dR,sqrDist:()=>PR,sqrLen:()=>SR,squaredDistance:()=>z0,squaredLength:()=>U0,str:()=>yR,sub:()=>bR,subtract:()=>D0,transformMat3:()=>Cp,transformMat4:()=>Nn,transformQuat:()=>bs,zero:()=>mR});function Fl(){let r=new ne(3);return ne!=Float32Array&&(r[0]=0,r[1]=0,r[2]=0),r}function QI(r){let e=new ne(3);return e[0]=r[0],e[1]=r[1],e[2]=r[2],e}function B0(r){let e=r[0],t=r[1],n=r[2];return Math.sqrt(e*e+t*t+n*n)}function zl(r,e,t){let n=new ne(3);return n[0]=r,n[1]=e,n[2]=t,n}function JI(r,e){return r[0]=e[0],r[1]=e[1],r[2]=e[2],r}function eR(r,e,t,n){return r[0]=e,r[1]=t,r[2]=n,r}function tR(r,e,t){return r[0]=e[0]+t[0],r[1]=e[1]+t[1],r[2]=e[2]+t[2],r}function D0(r,e,t){return r[0]=e[0]-t[0],r[1]=e[1]-t[1],r[2]=e[2]-t[2],r}function k0(r,e,t){return r[0]=e[0]*t[0],r[1]=e[1]*t[1],r[2]=e[2]*t[2],r}function N0(r,e,t){return r[0]=e[0]/t[0],r[1]=e[1]/t[1],r[2]=e[2]/t[2],r}function rR(r,e){return r[0]=Math.ceil(e[0]),r[1]=Math.ceil(e[1]),r[2]=Math.ceil(e[2]),r}function nR(r,e){return r[0]=Math.floor(e[0]),r[1]=Math.floor(e[1]),r[2]=Math.floor(e[2]),r}function iR(r,e,t){return r[0]=Math.min(e[0],t[0]),r[1]=Math.min(e[1],t[1]),r[2]=Math.min(e[2],t[2]),r}function oR(r,e,t){return r[0]=Math.max(e[0],t[0]),r[1]=Math.max(e[1],t[1]),r[2]=Math.max(e[2],t[2]),r}function sR(r,e){return r[0]=pt(e[0]),r[1]=pt(e[1]),r[2]=pt(e[2]),r}function aR(r,e,t){return r[0]=e[0]*t,r[1]=e[1]*t,r[2]=e[2]*t,r}function cR(r,e,t,n){return r[0]=e[0]+t[0]*n,r[1]=e[1]+t[1]*n,r[2]=e[2]+t[2]*n,r}function F0(r,e){let t=e[0]-r[0],n=e[1]-r[1],i=e[2]-r[2];return Math.sqrt(t*t+n*n+i*i)}function z0(r,e){let t=e[0]-r[0],n=e[1]-r[1],i=e[2]-r[2];return t*t+n*n+i*i}function U0(r){let e=r[0],t=r[1],n=r[2];return e*e+t*t+n*n}function lR(r,e){return r[0]=-e[0],r[1]=-e[1],r[2]=-e[2],r}function fR(r,e){return r[0]=1/e[0],r[1]=1/e[1],r[2]=1/e[2],r}function Ap(r,e){let t=e[0],n=e[1],i=e[2],o=t*t+n*n+i*i;return o>0&&(o=1/Math.sqrt(o)),r[0]=e[0]*o,r[1]=e[1]*o,r[2]=e[2]*o,r}function xs(r,e){return r[0]*e[0]+r[1]*e[1]+r[2]*e[2]}function kn(r,e,t){let n=e[0],i=e[1],o=e[2],s=t[0],a=t[1],c=t[2];return r[0]=i*c-o*a,r[1]=o*s-n*c,r[2]=n*a-i*s,r}function uR(r,e,t,n){let i=e[0],o=e[1],s=e[2];return r[0]=i+n*(t[0]-i),r[1]=o+n*(t[1]-o),r[2]=s+n*(t[2]-s),r}function dR(r,e,t,n){let i=Math.acos(Math.min(Math.max(xs(e,t),-1),1)),o=Math.sin(i),s=Math.sin((1-n)*i)/o,a=Math.sin(n*i)/o;return r[0]=s*e[0]+a*t[0],r[1]=s*e[1]+a*t[1],r[2]=s*e[2]+a*t[2],r}function hR(r,e,t,n,i,o){let s=o*o,a=s*(2*o-3)+1,c=s*(o-2)+o,l=s*(o-1),f=s*(3-2*o);return r[0]=e[0]*a+t[0]*c+n[0]*l+i[0]*f,r[1]=e[1]*a+t[1]*c+n[1]*l+i[1]*f,r[2]=e[2]*a+t[2]*c+n[2]*l+i[2]*f,r}function pR(r,e,t,n,i,o){let s=1-o,a=s*s,c=o*o,l=a*s,f=3*o*a,u=3*c*s,d=c*o;return r[0]=e[0]*l+t[0]*f+n[0]*u+i[0]*d,r[1]=e[1]*l+t[1]*f+n[1]*u+i[1]*d,r[2]=e[2]*l+t[2]*f+n[2]*u+i[2]*d,r}function gR(r,e){e=e===void 0?1:e;let t=Qt()*2*Math.PI,n=Qt()*2-1,i=Math.sqrt(1-n*n)*e;return r[0]=Math.cos(t)*i,r[1]=Math.sin(t)*i,r[2]=n*e,r}function Nn(r,e,t){let n=e[0],i=e[1],o=e[2],s=t[3]*n+t[7]*i+t[11]*o+t[15];return s=s||1,r[0]=(t[0]*n+t[4]*i+t[8]*o+t[12])/s,r[1]=(t[1]*n+t[5]*i+t[9]*o+t[13])/s,r[2]=(t[2]*n+t[6]*i+t[10]*o+t[14])/s,r}function Cp(r,e,t){let n=e[0],i=e[1],o=e[2];return r[0]=n*t[0]+i*t[3]+o*t[6],r[1]=n*t[1]+i*t[4]+o*t[7],r[2]=n*t[2]+i*t[5]+o*t[8],r}function bs(r,e,t){let n=t[0],i=t[1],o=t[2],s=t[3],a=e[0],c=e[1],l=e[2],f=i*l-o*c,u=o*a-n*l,d=n*c-i*a,p=i*d-o*u,g=o*f-n*d,m=n*u-i*f,y=s*2;return f*=y,u*=y,d*=y,p*=2,g*=2,m*=2,r[0]=a+f+p,r[1]=c+u+g,r[2]=l+d+m,r}function Mp(r,e,t,n){let i=[],o=[];return i[0]=e[0]-t[0],i[1]=e[1]-t[1],i[2]=e[2]-t[2],o[0]=i[0],o[1]=i[1]*Math.cos(n)-i[2]*Math.sin(n),o[2]=i[1]*Math.sin(n)+i[2]*Math.cos(n),r[0]=o[0]+t[0],r[1]=o[1]+t[1],r[2]=o[2]+t[2],r}function Ip(r,e,t,n){let i=[],o=[];return i[0]=e[0]-t[0],i[1]=e[1]-t[1],i[2]=e[2]-t[2],o[0]=i[2]*Math.sin(n)+i[0]*Math.cos(n),o[1]=i[1],o[2]=i[2]*Math.cos(n)-i[0]*Math.sin(n),r[0]=o[0]+t[0],r[1]=o[1]+t[1],r[2]=o[2]+t[2],r}function Rp(r,e,t,n){let i=[],o=[];return i[0]=e[0]-t[0],i[1]=e[1]-t[1],i[2]=e[2]-t[2],o[0]=i[0]*Math.cos(n)-i[1]*Math.sin(n),o[1]=i[0]*Math.sin(n)+i[1]*Math.cos(n),o[2]=i[2],r[0]=o[0]+t[0],r[1]=o[1]+t[1],r[2]=o[2]+t[2],r}function Op(r,e){let t=r[0],n=r[1],i=r[2],o=e[0],s=e[1],a=e[2],c=Math.sqrt((t*t+n*n+i*i)*(o*o+s*s+a*a)),l=c&&xs(r,e)/c;return Math.acos(Math.min(Math.max(l,-1),1))}function mR(r){return r[0]=0,r[1]=0,r[2]=0,r}function yR(r){return`vec3(${r[0]}, ${r[1]}, ${r[2]})`}function _R(r,e){return r[0]===e[0]&&r[1]===e[1]&&r[2]===e[2]}function xR(r,e){let t=r[0],n=r[1],i=r[2],o=e[0],s=e[1],a=e[2];return Math.abs(t-o)<=1e-6*Math.max(1,Math.abs(t),Math.abs(o))&&Math.abs(n-s)<=1e-6*Math.max(1,Math.abs(n),Math.abs(s))&&Math.abs(i-a)<=1e-6*Math.max(1,Math.abs(i),Math.abs(a))}var bR,vR,wR,ER,PR,Bp,SR,TR,Ri=b(()=>{Dn();bR=D0,vR=k0,wR=N0,ER=F0,PR=z0,Bp=B0,SR=U0,TR=(function(){let r=Fl();return function(e,t,n,i,o,s){let a,c;for(t||(t=3),n||(n=0),i?c=Math.min(i*t+n,e.length):c=e.length,a=n;a<c;a+=t)r[0]=e[a],r[1]=e[a+1],r[2]=e[a+2],o(r,r,s),e[a]=r[0],e[a+1]=r[1],e[a+2]=r[2];return e}})()});var Dp,Ul,Me,G0=b(()=>{Sp();On();Bn();Ri();Nl();Dp=[0,0,0],Me=class r extends Mi{static get ZERO(){return Ul||(Ul=new r(0,0,0),Object.freeze(Ul)),Ul}constructor(e=0,t=0,n=0){super(-0,-0,-0),arguments.length===1&&St(e)?this.copy(e):(he.debug&&(X(e),X(t),X(n)),this[0]=e,this[1]=t,this[2]=n)}set(e,t,n){return this[0]=e,this[1]=t,this[2]=n,this.check()}copy(e){return this[0]=e[0],this[1]=e[1],this[2]=e[2],this.check()}fromObject(e){return he.debug&&(X(e.x),X(e.y),X(e.z)),this[0]=e.x,this[1]=e.y,this[2]=e.z,this.check()}toObject(e){return e.x=this[0],e.y=this[1],e.z=this[2],e}get ELEMENTS(){return 3}get z(){return this[2]}set z(e){this[2]=X(e)}angle(e){return Op(this,e)}cross(e){return kn(this,this,e),this.check()}rotateX({radians:e,origin:t=Dp}){return Mp(this,this,t,e),this.check()}rotateY({radians:e,origin:t=Dp}){return Ip(this,this,t,e),this.check()}rotateZ({radians:e,origin:t=Dp}){return Rp(this,this,t,e),this.check()}transform(e){return this.transformAsPoint(e)}transformAsPoint(e){return Nn(this,this,e),this.check()}transformAsVector(e){return kl(this,this,e),this.check()}transformByMatrix3(e){return Cp(this,this,e),this.check()}transformByMatrix2(e){return I0(this,this,e),this.check()}transformByQuaternion(e){return bs(this,this,e),this.check()}}});var Gl,$l,$0=b(()=>{Ri();Nl();Sp();On();Bn();$l=class r extends Mi{static get ZERO(){return Gl||(Gl=new r(0,0,0,0),Object.freeze(Gl)),Gl}constructor(e=0,t=0,n=0,i=0){super(-0,-0,-0,-0),St(e)&&arguments.length===1?this.copy(e):(he.debug&&(X(e),X(t),X(n),X(i)),this[0]=e,this[1]=t,this[2]=n,this[3]=i)}set(e,t,n,i){return this[0]=e,this[1]=t,this[2]=n,this[3]=i,this.check()}copy(e){return this[0]=e[0],this[1]=e[1],this[2]=e[2],this[3]=e[3],this.check()}fromObject(e){return he.debug&&(X(e.x),X(e.y),X(e.z),X(e.w)),this[0]=e.x,this[1]=e.y,this[2]=e.z,this[3]=e.w,this}toObject(e){return e.x=this[0],e.y=this[1],e.z=this[2],e.w=this[3],e}get ELEMENTS(){return 4}get z(){return this[2]}set z(e){this[2]=X(e)}get w(){return this[3]}set w(e){this[3]=X(e)}transform(e){return Nn(this,this,e),this.check()}transformByMatrix3(e){return O0(this,this,e),this.check()}transformByMatrix2(e){return R0(this,this,e),this.check()}transformByQuaternion(e){return bs(this,this,e),this.check()}applyMatrix4(e){return e.transform(this,this),this}}});var Vl,V0=b(()=>{Dl();Bn();On();Vl=class extends Hr{toString(){let e="[";if(he.printRowMajor){e+="row-major:";for(let t=0;t<this.RANK;++t)for(let n=0;n<this.RANK;++n)e+=` ${this[n*this.RANK+t]}`}else{e+="column-major:";for(let t=0;t<this.ELEMENTS;++t)e+=` ${this[t]}`}return e+="]",e}getElementIndex(e,t){return t*this.RANK+e}getElement(e,t){return this[t*this.RANK+e]}setElement(e,t,n){return this[t*this.RANK+e]=X(n),this}getColumn(e,t=new Array(this.RANK).fill(-0)){let n=e*this.RANK;for(let i=0;i<this.RANK;++i)t[i]=this[n+i];return t}setColumn(e,t){let n=e*this.RANK;for(let i=0;i<this.RANK;++i)this[n+i]=t[i];return this}}});function W0(){let r=new ne(9);return ne!=Float32Array&&(r[1]=0,r[2]=0,r[3]=0,r[5]=0,r[6]=0,r[7]=0),r[0]=1,r[4]=1,r[8]=1,r}var kp=b(()=>{Dn()});var _e={};ur(_e,{add:()=>KR,adjoint:()=>RR,clone:()=>AR,copy:()=>CR,create:()=>LR,decompose:()=>$R,determinant:()=>zp,equals:()=>tO,exactEquals:()=>eO,frob:()=>XR,fromQuat:()=>Hp,fromQuat2:()=>zR,fromRotation:()=>DR,fromRotationTranslation:()=>Y0,fromRotationTranslationScale:()=>VR,fromRotationTranslationScaleOrigin:()=>WR,fromScaling:()=>BR,fromTranslation:()=>OR,fromValues:()=>MR,fromXRotation:()=>kR,fromYRotation:()=>NR,fromZRotation:()=>FR,frustum:()=>Yp,getRotation:()=>GR,getScaling:()=>q0,getTranslation:()=>UR,identity:()=>H0,invert:()=>Fp,lookAt:()=>Xp,mul:()=>rO,multiply:()=>vs,multiplyScalar:()=>QR,multiplyScalarAndAdd:()=>JR,ortho:()=>Zp,orthoNO:()=>X0,orthoZO:()=>YR,perspective:()=>qp,perspectiveFromFieldOfView:()=>HR,perspectiveNO:()=>Z0,perspectiveZO:()=>jR,rotate:()=>$p,rotateX:()=>Vp,rotateY:()=>Wp,rotateZ:()=>jp,scale:()=>Gp,set:()=>IR,str:()=>ZR,sub:()=>nO,subtract:()=>K0,targetTo:()=>qR,translate:()=>Up,transpose:()=>Np});function LR(){let r=new ne(16);return ne!=Float32Array&&(r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[11]=0,r[12]=0,r[13]=0,r[14]=0),r[0]=1,r[5]=1,r[10]=1,r[15]=1,r}function AR(r){let e=new ne(16);return e[0]=r[0],e[1]=r[1],e[2]=r[2],e[3]=r[3],e[4]=r[4],e[5]=r[5],e[6]=r[6],e[7]=r[7],e[8]=r[8],e[9]=r[9],e[10]=r[10],e[11]=r[11],e[12]=r[12],e[13]=r[13],e[14]=r[14],e[15]=r[15],e}function CR(r,e){return r[0]=e[0],r[1]=e[1],r[2]=e[2],r[3]=e[3],r[4]=e[4],r[5]=e[5],r[6]=e[6],r[7]=e[7],r[8]=e[8],r[9]=e[9],r[10]=e[10],r[11]=e[11],r[12]=e[12],r[13]=e[13],r[14]=e[14],r[15]=e[15],r}function MR(r,e,t,n,i,o,s,a,c,l,f,u,d,p,g,m){let y=new ne(16);return y[0]=r,y[1]=e,y[2]=t,y[3]=n,y[4]=i,y[5]=o,y[6]=s,y[7]=a,y[8]=c,y[9]=l,y[10]=f,y[11]=u,y[12]=d,y[13]=p,y[14]=g,y[15]=m,y}function IR(r,e,t,n,i,o,s,a,c,l,f,u,d,p,g,m,y){return r[0]=e,r[1]=t,r[2]=n,r[3]=i,r[4]=o,r[5]=s,r[6]=a,r[7]=c,r[8]=l,r[9]=f,r[10]=u,r[11]=d,r[12]=p,r[13]=g,r[14]=m,r[15]=y,r}function H0(r){return r[0]=1,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=1,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[10]=1,r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r}function Np(r,e){if(r===e){let t=e[1],n=e[2],i=e[3],o=e[6],s=e[7],a=e[11];r[1]=e[4],r[2]=e[8],r[3]=e[12],r[4]=t,r[6]=e[9],r[7]=e[13],r[8]=n,r[9]=o,r[11]=e[14],r[12]=i,r[13]=s,r[14]=a}else r[0]=e[0],r[1]=e[4],r[2]=e[8],r[3]=e[12],r[4]=e[1],r[5]=e[5],r[6]=e[9],r[7]=e[13],r[8]=e[2],r[9]=e[6],r[10]=e[10],r[11]=e[14],r[12]=e[3],r[13]=e[7],r[14]=e[11],r[15]=e[15];return r}function Fp(r,e){let t=e[0],n=e[1],i=e[2],o=e[3],s=e[4],a=e[5],c=e[6],l=e[7],f=e[8],u=e[9],d=e[10],p=e[11],g=e[12],m=e[13],y=e[14],x=e[15],v=t*a-n*s,_=t*c-i*s,w=t*l-o*s,E=n*c-i*a,P=n*l-o*a,L=i*l-o*c,A=f*m-u*g,C=f*y-d*g,T=f*x-p*g,D=u*y-d*m,O=u*x-p*m,I=d*x-p*y,k=v*I-_*O+w*D+E*T-P*C+L*A;return k?(k=1/k,r[0]=(a*I-c*O+l*D)*k,r[1]=(i*O-n*I-o*D)*k,r[2]=(m*L-y*P+x*E)*k,r[3]=(d*P-u*L-p*E)*k,r[4]=(c*T-s*I-l*C)*k,r[5]=(t*I-i*T+o*C)*k,r[6]=(y*w-g*L-x*_)*k,r[7]=(f*L-d*w+p*_)*k,r[8]=(s*O-a*T+l*A)*k,r[9]=(n*T-t*O-o*A)*k,r[10]=(g*P-m*w+x*v)*k,r[11]=(u*w-f*P-p*v)*k,r[12]=(a*C-s*D-c*A)*k,r[13]=(t*D-n*C+i*A)*k,r[14]=(m*_-g*E-y*v)*k,r[15]=(f*E-u*_+d*v)*k,r):null}function RR(r,e){let t=e[0],n=e[1],i=e[2],o=e[3],s=e[4],a=e[5],c=e[6],l=e[7],f=e[8],u=e[9],d=e[10],p=e[11],g=e[12],m=e[13],y=e[14],x=e[15],v=t*a-n*s,_=t*c-i*s,w=t*l-o*s,E=n*c-i*a,P=n*l-o*a,L=i*l-o*c,A=f*m-u*g,C=f*y-d*g,T=f*x-p*g,D=u*y-d*m,O=u*x-p*m,I=d*x-p*y;return r[0]=a*I-c*O+l*D,r[1]=i*O-n*I-o*D,r[2]=m*L-y*P+x*E,r[3]=d*P-u*L-p*E,r[4]=c*T-s*I-l*C,r[5]=t*I-i*T+o*C,r[6]=y*w-g*L-x*_,r[7]=f*L-d*w+p*_,r[8]=s*O-a*T+l*A,r[9]=n*T-t*O-o*A,r[10]=g*P-m*w+x*v,r[11]=u*w-f*P-p*v,r[12]=a*C-s*D-c*A,r[13]=t*D-n*C+i*A,r[14]=m*_-g*E-y*v,r[15]=f*E-u*_+d*v,r}function zp(r){let e=r[0],t=r[1],n=r[2],i=r[3],o=r[4],s=r[5],a=r[6],c=r[7],l=r[8],f=r[9],u=r[10],d=r[11],p=r[12],g=r[13],m=r[14],y=r[15],x=e*s-t*o,v=e*a-n*o,_=t*a-n*s,w=l*g-f*p,E=l*m-u*p,P=f*m-u*g,L=e*P-t*E+n*w,A=o*P-s*E+a*w,C=l*_-f*v+u*x,T=p*_-g*v+m*x;return c*L-i*A+y*C-d*T}function vs(r,e,t){let n=e[0],i=e[1],o=e[2],s=e[3],a=e[4],c=e[5],l=e[6],f=e[7],u=e[8],d=e[9],p=e[10],g=e[11],m=e[12],y=e[13],x=e[14],v=e[15],_=t[0],w=t[1],E=t[2],P=t[3];return r[0]=_*n+w*a+E*u+P*m,r[1]=_*i+w*c+E*d+P*y,r[2]=_*o+w*l+E*p+P*x,r[3]=_*s+w*f+E*g+P*v,_=t[4],w=t[5],E=t[6],P=t[7],r[4]=_*n+w*a+E*u+P*m,r[5]=_*i+w*c+E*d+P*y,r[6]=_*o+w*l+E*p+P*x,r[7]=_*s+w*f+E*g+P*v,_=t[8],w=t[9],E=t[10],P=t[11],r[8]=_*n+w*a+E*u+P*m,r[9]=_*i+w*c+E*d+P*y,r[10]=_*o+w*l+E*p+P*x,r[11]=_*s+w*f+E*g+P*v,_=t[12],w=t[13],E=t[14],P=t[15],r[12]=_*n+w*a+E*u+P*m,r[13]=_*i+w*c+E*d+P*y,r[14]=_*o+w*l+E*p+P*x,r[15]=_*s+w*f+E*g+P*v,r}function Up(r,e,t){let n=t[0],i=t[1],o=t[2],s,a,c,l,f,u,d,p,g,m,y,x;return e===r?(r[12]=e[0]*n+e[4]*i+e[8]*o+e[12],r[13]=e[1]*n+e[5]*i+e[9]*o+e[13],r[14]=e[2]*n+e[6]*i+e[10]*o+e[14],r[15]=e[3]*n+e[7]*i+e[11]*o+e[15]):(s=e[0],a=e[1],c=e[2],l=e[3],f=e[4],u=e[5],d=e[6],p=e[7],g=e[8],m=e[9],y=e[10],x=e[11],r[0]=s,r[1]=a,r[2]=c,r[3]=l,r[4]=f,r[5]=u,r[6]=d,r[7]=p,r[8]=g,r[9]=m,r[10]=y,r[11]=x,r[12]=s*n+f*i+g*o+e[12],r[13]=a*n+u*i+m*o+e[13],r[14]=c*n+d*i+y*o+e[14],r[15]=l*n+p*i+x*o+e[15]),r}function Gp(r,e,t){let n=t[0],i=t[1],o=t[2];return r[0]=e[0]*n,r[1]=e[1]*n,r[2]=e[2]*n,r[3]=e[3]*n,r[4]=e[4]*i,r[5]=e[5]*i,r[6]=e[6]*i,r[7]=e[7]*i,r[8]=e[8]*o,r[9]=e[9]*o,r[10]=e[10]*o,r[11]=e[11]*o,r[12]=e[12],r[13]=e[13],r[14]=e[14],r[15]=e[15],r}function $p(r,e,t,n){let i=n[0],o=n[1],s=n[2],a=Math.sqrt(i*i+o*o+s*s),c,l,f,u,d,p,g,m,y,x,v,_,w,E,P,L,A,C,T,D,O,I,k,J;return a<1e-6?null:(a=1/a,i*=a,o*=a,s*=a,l=Math.sin(t),c=Math.cos(t),f=1-c,u=e[0],d=e[1],p=e[2],g=e[3],m=e[4],y=e[5],x=e[6],v=e[7],_=e[8],w=e[9],E=e[10],P=e[11],L=i*i*f+c,A=o*i*f+s*l,C=s*i*f-o*l,T=i*o*f-s*l,D=o*o*f+c,O=s*o*f+i*l,I=i*s*f+o*l,k=o*s*f-i*l,J=s*s*f+c,r[0]=u*L+m*A+_*C,r[1]=d*L+y*A+w*C,r[2]=p*L+x*A+E*C,r[3]=g*L+v*A+P*C,r[4]=u*T+m*D+_*O,r[5]=d*T+y*D+w*O,r[6]=p*T+x*D+E*O,r[7]=g*T+v*D+P*O,r[8]=u*I+m*k+_*J,r[9]=d*I+y*k+w*J,r[10]=p*I+x*k+E*J,r[11]=g*I+v*k+P*J,e!==r&&(r[12]=e[12],r[13]=e[13],r[14]=e[14],r[15]=e[15]),r)}function Vp(r,e,t){let n=Math.sin(t),i=Math.cos(t),o=e[4],s=e[5],a=e[6],c=e[7],l=e[8],f=e[9],u=e[10],d=e[11];return e!==r&&(r[0]=e[0],r[1]=e[1],r[2]=e[2],r[3]=e[3],r[12]=e[12],r[13]=e[13],r[14]=e[14],r[15]=e[15]),r[4]=o*i+l*n,r[5]=s*i+f*n,r[6]=a*i+u*n,r[7]=c*i+d*n,r[8]=l*i-o*n,r[9]=f*i-s*n,r[10]=u*i-a*n,r[11]=d*i-c*n,r}function Wp(r,e,t){let n=Math.sin(t),i=Math.cos(t),o=e[0],s=e[1],a=e[2],c=e[3],l=e[8],f=e[9],u=e[10],d=e[11];return e!==r&&(r[4]=e[4],r[5]=e[5],r[6]=e[6],r[7]=e[7],r[12]=e[12],r[13]=e[13],r[14]=e[14],r[15]=e[15]),r[0]=o*i-l*n,r[1]=s*i-f*n,r[2]=a*i-u*n,r[3]=c*i-d*n,r[8]=o*n+l*i,r[9]=s*n+f*i,r[10]=a*n+u*i,r[11]=c*n+d*i,r}function jp(r,e,t){let n=Math.sin(t),i=Math.cos(t),o=e[0],s=e[1],a=e[2],c=e[3],l=e[4],f=e[5],u=e[6],d=e[7];return e!==r&&(r[8]=e[8],r[9]=e[9],r[10]=e[10],r[11]=e[11],r[12]=e[12],r[13]=e[13],r[14]=e[14],r[15]=e[15]),r[0]=o*i+l*n,r[1]=s*i+f*n,r[2]=a*i+u*n,r[3]=c*i+d*n,r[4]=l*i-o*n,r[5]=f*i-s*n,r[6]=u*i-a*n,r[7]=d*i-c*n,r}function OR(r,e){return r[0]=1,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=1,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[10]=1,r[11]=0,r[12]=e[0],r[13]=e[1],r[14]=e[2],r[15]=1,r}function BR(r,e){return r[0]=e[0],r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=e[1],r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[10]=e[2],r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r}function DR(r,e,t){let n=t[0],i=t[1],o=t[2],s=Math.sqrt(n*n+i*i+o*o),a,c,l;return s<1e-6?null:(s=1/s,n*=s,i*=s,o*=s,c=Math.sin(e),a=Math.cos(e),l=1-a,r[0]=n*n*l+a,r[1]=i*n*l+o*c,r[2]=o*n*l-i*c,r[3]=0,r[4]=n*i*l-o*c,r[5]=i*i*l+a,r[6]=o*i*l+n*c,r[7]=0,r[8]=n*o*l+i*c,r[9]=i*o*l-n*c,r[10]=o*o*l+a,r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r)}function kR(r,e){let t=Math.sin(e),n=Math.cos(e);return r[0]=1,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=n,r[6]=t,r[7]=0,r[8]=0,r[9]=-t,r[10]=n,r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r}function NR(r,e){let t=Math.sin(e),n=Math.cos(e);return r[0]=n,r[1]=0,r[2]=-t,r[3]=0,r[4]=0,r[5]=1,r[6]=0,r[7]=0,r[8]=t,r[9]=0,r[10]=n,r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r}function FR(r,e){let t=Math.sin(e),n=Math.cos(e);return r[0]=n,r[1]=t,r[2]=0,r[3]=0,r[4]=-t,r[5]=n,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[10]=1,r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r}function Y0(r,e,t){let n=e[0],i=e[1],o=e[2],s=e[3],a=n+n,c=i+i,l=o+o,f=n*a,u=n*c,d=n*l,p=i*c,g=i*l,m=o*l,y=s*a,x=s*c,v=s*l;return r[0]=1-(p+m),r[1]=u+v,r[2]=d-x,r[3]=0,r[4]=u-v,r[5]=1-(f+m),r[6]=g+y,r[7]=0,r[8]=d+x,r[9]=g-y,r[10]=1-(f+p),r[11]=0,r[12]=t[0],r[13]=t[1],r[14]=t[2],r[15]=1,r}function zR(r,e){let t=new ne(3),n=-e[0],i=-e[1],o=-e[2],s=e[3],a=e[4],c=e[5],l=e[6],f=e[7],u=n*n+i*i+o*o+s*s;return u>0?(t[0]=(a*s+f*n+c*o-l*i)*2/u,t[1]=(c*s+f*i+l*n-a*o)*2/u,t[2]=(l*s+f*o+a*i-c*n)*2/u):(t[0]=(a*s+f*n+c*o-l*i)*2,t[1]=(c*s+f*i+l*n-a*o)*2,t[2]=(l*s+f*o+a*i-c*n)*2),Y0(r,e,t),r}function UR(r,e){return r[0]=e[12],r[1]=e[13],r[2]=e[14],r}function q0(r,e){let t=e[0],n=e[1],i=e[2],o=e[4],s=e[5],a=e[6],c=e[8],l=e[9],f=e[10];return r[0]=Math.sqrt(t*t+n*n+i*i),r[1]=Math.sqrt(o*o+s*s+a*a),r[2]=Math.sqrt(c*c+l*l+f*f),r}function GR(r,e){let t=new ne(3);q0(t,e);let n=1/t[0],i=1/t[1],o=1/t[2],s=e[0]*n,a=e[1]*i,c=e[2]*o,l=e[4]*n,f=e[5]*i,u=e[6]*o,d=e[8]*n,p=e[9]*i,g=e[10]*o,m=s+f+g,y=0;return m>0?(y=Math.sqrt(m+1)*2,r[3]=.25*y,r[0]=(u-p)/y,r[1]=(d-c)/y,r[2]=(a-l)/y):s>f&&s>g?(y=Math.sqrt(1+s-f-g)*2,r[3]=(u-p)/y,r[0]=.25*y,r[1]=(a+l)/y,r[2]=(d+c)/y):f>g?(y=Math.sqrt(1+f-s-g)*2,r[3]=(d-c)/y,r[0]=(a+l)/y,r[1]=.25*y,r[2]=(u+p)/y):(y=Math.sqrt(1+g-s-f)*2,r[3]=(a-l)/y,r[0]=(d+c)/y,r[1]=(u+p)/y,r[2]=.25*y),r}function $R(r,e,t,n){e[0]=n[12],e[1]=n[13],e[2]=n[14];let i=n[0],o=n[1],s=n[2],a=n[4],c=n[5],l=n[6],f=n[8],u=n[9],d=n[10];t[0]=Math.sqrt(i*i+o*o+s*s),t[1]=Math.sqrt(a*a+c*c+l*l),t[2]=Math.sqrt(f*f+u*u+d*d);let p=1/t[0],g=1/t[1],m=1/t[2],y=i*p,x=o*g,v=s*m,_=a*p,w=c*g,E=l*m,P=f*p,L=u*g,A=d*m,C=y+w+A,T=0;return C>0?(T=Math.sqrt(C+1)*2,r[3]=.25*T,r[0]=(E-L)/T,r[1]=(P-v)/T,r[2]=(x-_)/T):y>w&&y>A?(T=Math.sqrt(1+y-w-A)*2,r[3]=(E-L)/T,r[0]=.25*T,r[1]=(x+_)/T,r[2]=(P+v)/T):w>A?(T=Math.sqrt(1+w-y-A)*2,r[3]=(P-v)/T,r[0]=(x+_)/T,r[1]=.25*T,r[2]=(E+L)/T):(T=Math.sqrt(1+A-y-w)*2,r[3]=(x-_)/T,r[0]=(P+v)/T,r[1]=(E+L)/T,r[2]=.25*T),r}function VR(r,e,t,n){let i=e[0],o=e[1],s=e[2],a=e[3],c=i+i,l=o+o,f=s+s,u=i*c,d=i*l,p=i*f,g=o*l,m=o*f,y=s*f,x=a*c,v=a*l,_=a*f,w=n[0],E=n[1],P=n[2];return r[0]=(1-(g+y))*w,r[1]=(d+_)*w,r[2]=(p-v)*w,r[3]=0,r[4]=(d-_)*E,r[5]=(1-(u+y))*E,r[6]=(m+x)*E,r[7]=0,r[8]=(p+v)*P,r[9]=(m-x)*P,r[10]=(1-(u+g))*P,r[11]=0,r[12]=t[0],r[13]=t[1],r[14]=t[2],r[15]=1,r}function WR(r,e,t,n,i){let o=e[0],s=e[1],a=e[2],c=e[3],l=o+o,f=s+s,u=a+a,d=o*l,p=o*f,g=o*u,m=s*f,y=s*u,x=a*u,v=c*l,_=c*f,w=c*u,E=n[0],P=n[1],L=n[2],A=i[0],C=i[1],T=i[2],D=(1-(m+x))*E,O=(p+w)*E,I=(g-_)*E,k=(p-w)*P,J=(1-(d+x))*P,j=(y+v)*P,H=(g+_)*L,Ke=(y-v)*L,Et=(1-(d+m))*L;return r[0]=D,r[1]=O,r[2]=I,r[3]=0,r[4]=k,r[5]=J,r[6]=j,r[7]=0,r[8]=H,r[9]=Ke,r[10]=Et,r[11]=0,r[12]=t[0]+A-(D*A+k*C+H*T),r[13]=t[1]+C-(O*A+J*C+Ke*T),r[14]=t[2]+T-(I*A+j*C+Et*T),r[15]=1,r}function Hp(r,e){let t=e[0],n=e[1],i=e[2],o=e[3],s=t+t,a=n+n,c=i+i,l=t*s,f=n*s,u=n*a,d=i*s,p=i*a,g=i*c,m=o*s,y=o*a,x=o*c;return r[0]=1-u-g,r[1]=f+x,r[2]=d-y,r[3]=0,r[4]=f-x,r[5]=1-l-g,r[6]=p+m,r[7]=0,r[8]=d+y,r[9]=p-m,r[10]=1-l-u,r[11]=0,r[12]=0,r[13]=0,r[14]=0,r[15]=1,r}function Yp(r,e,t,n,i,o,s){let a=1/(t-e),c=1/(i-n),l=1/(o-s);return r[0]=o*2*a,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=o*2*c,r[6]=0,r[7]=0,r[8]=(t+e)*a,r[9]=(i+n)*c,r[10]=(s+o)*l,r[11]=-1,r[12]=0,r[13]=0,r[14]=s*o*2*l,r[15]=0,r}function Z0(r,e,t,n,i){let o=1/Math.tan(e/2);if(r[0]=o/t,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=o,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[11]=-1,r[12]=0,r[13]=0,r[15]=0,i!=null&&i!==1/0){let s=1/(n-i);r[10]=(i+n)*s,r[14]=2*i*n*s}else r[10]=-1,r[14]=-2*n;return r}function jR(r,e,t,n,i){let o=1/Math.tan(e/2);if(r[0]=o/t,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=o,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[11]=-1,r[12]=0,r[13]=0,r[15]=0,i!=null&&i!==1/0){let s=1/(n-i);r[10]=i*s,r[14]=i*n*s}else r[10]=-1,r[14]=-n;return r}function HR(r,e,t,n){let i=Math.tan(e.upDegrees*Math.PI/180),o=Math.tan(e.downDegrees*Math.PI/180),s=Math.tan(e.leftDegrees*Math.PI/180),a=Math.tan(e.rightDegrees*Math.PI/180),c=2/(s+a),l=2/(i+o);return r[0]=c,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=l,r[6]=0,r[7]=0,r[8]=-((s-a)*c*.5),r[9]=(i-o)*l*.5,r[10]=n/(t-n),r[11]=-1,r[12]=0,r[13]=0,r[14]=n*t/(t-n),r[15]=0,r}function X0(r,e,t,n,i,o,s){let a=1/(e-t),c=1/(n-i),l=1/(o-s);return r[0]=-2*a,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=-2*c,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[10]=2*l,r[11]=0,r[12]=(e+t)*a,r[13]=(i+n)*c,r[14]=(s+o)*l,r[15]=1,r}function YR(r,e,t,n,i,o,s){let a=1/(e-t),c=1/(n-i),l=1/(o-s);return r[0]=-2*a,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=-2*c,r[6]=0,r[7]=0,r[8]=0,r[9]=0,r[10]=l,r[11]=0,r[12]=(e+t)*a,r[13]=(i+n)*c,r[14]=o*l,r[15]=1,r}function Xp(r,e,t,n){let i,o,s,a,c,l,f,u,d,p,g=e[0],m=e[1],y=e[2],x=n[0],v=n[1],_=n[2],w=t[0],E=t[1],P=t[2];return Math.abs(g-w)<1e-6&&Math.abs(m-E)<1e-6&&Math.abs(y-P)<1e-6?H0(r):(u=g-w,d=m-E,p=y-P,i=1/Math.sqrt(u*u+d*d+p*p),u*=i,d*=i,p*=i,o=v*p-_*d,s=_*u-x*p,a=x*d-v*u,i=Math.sqrt(o*o+s*s+a*a),i?(i=1/i,o*=i,s*=i,a*=i):(o=0,s=0,a=0),c=d*a-p*s,l=p*o-u*a,f=u*s-d*o,i=Math.sqrt(c*c+l*l+f*f),i?(i=1/i,c*=i,l*=i,f*=i):(c=0,l=0,f=0),r[0]=o,r[1]=c,r[2]=u,r[3]=0,r[4]=s,r[5]=l,r[6]=d,r[7]=0,r[8]=a,r[9]=f,r[10]=p,r[11]=0,r[12]=-(o*g+s*m+a*y),r[13]=-(c*g+l*m+f*y),r[14]=-(u*g+d*m+p*y),r[15]=1,r)}function qR(r,e,t,n){let i=e[0],o=e[1],s=e[2],a=n[0],c=n[1],l=n[2],f=i-t[0],u=o-t[1],d=s-t[2],p=f*f+u*u+d*d;p>0&&(p=1/Math.sqrt(p),f*=p,u*=p,d*=p);let g=c*d-l*u,m=l*f-a*d,y=a*u-c*f;return p=g*g+m*m+y*y,p>0&&(p=1/Math.sqrt(p),g*=p,m*=p,y*=p),r[0]=g,r[1]=m,r[2]=y,r[3]=0,r[4]=u*y-d*m,r[5]=d*g-f*y,r[6]=f*m-u*g,r[7]=0,r[8]=f,r[9]=u,r[10]=d,r[11]=0,r[12]=i,r[13]=o,r[14]=s,r[15]=1,r}function ZR(r){return`mat4(${r[0]}, ${r[1]}, ${r[2]}, ${r[3]}, ${r[4]}, ${r[5]}, ${r[6]}, ${r[7]}, ${r[8]}, ${r[9]}, ${r[10]}, ${r[11]}, ${r[12]}, ${r[13]}, ${r[14]}, ${r[15]})`}function XR(r){return Math.sqrt(r[0]*r[0]+r[1]*r[1]+r[2]*r[2]+r[3]*r[3]+r[4]*r[4]+r[5]*r[5]+r[6]*r[6]+r[7]*r[7]+r[8]*r[8]+r[9]*r[9]+r[10]*r[10]+r[11]*r[11]+r[12]*r[12]+r[13]*r[13]+r[14]*r[14]+r[15]*r[15])}function KR(r,e,t){return r[0]=e[0]+t[0],r[1]=e[1]+t[1],r[2]=e[2]+t[2],r[3]=e[3]+t[3],r[4]=e[4]+t[4],r[5]=e[5]+t[5],r[6]=e[6]+t[6],r[7]=e[7]+t[7],r[8]=e[8]+t[8],r[9]=e[9]+t[9],r[10]=e[10]+t[10],r[11]=e[11]+t[11],r[12]=e[12]+t[12],r[13]=e[13]+t[13],r[14]=e[14]+t[14],r[15]=e[15]+t[15],r}function K0(r,e,t){return r[0]=e[0]-t[0],r[1]=e[1]-t[1],r[2]=e[2]-t[2],r[3]=e[3]-t[3],r[4]=e[4]-t[4],r[5]=e[5]-t[5],r[6]=e[6]-t[6],r[7]=e[7]-t[7],r[8]=e[8]-t[8],r[9]=e[9]-t[9],r[10]=e[10]-t[10],r[11]=e[11]-t[11],r[12]=e[12]-t[12],r[13]=e[13]-t[13],r[14]=e[14]-t[14],r[15]=e[15]-t[15],r}function QR(r,e,t){return r[0]=e[0]*t,r[1]=e[1]*t,r[2]=e[2]*t,r[3]=e[3]*t,r[4]=e[4]*t,r[5]=e[5]*t,r[6]=e[6]*t,r[7]=e[7]*t,r[8]=e[8]*t,r[9]=e[9]*t,r[10]=e[10]*t,r[11]=e[11]*t,r[12]=e[12]*t,r[13]=e[13]*t,r[14]=e[14]*t,r[15]=e[15]*t,r}function JR(r,e,t,n){return r[0]=e[0]+t[0]*n,r[1]=e[1]+t[1]*n,r[2]=e[2]+t[2]*n,r[3]=e[3]+t[3]*n,r[4]=e[4]+t[4]*n,r[5]=e[5]+t[5]*n,r[6]=e[6]+t[6]*n,r[7]=e[7]+t[7]*n,r[8]=e[8]+t[8]*n,r[9]=e[9]+t[9]*n,r[10]=e[10]+t[10]*n,r[11]=e[11]+t[11]*n,r[12]=e[12]+t[12]*n,r[13]=e[13]+t[13]*n,r[14]=e[14]+t[14]*n,r[15]=e[15]+t[15]*n,r}function eO(r,e){return r[0]===e[0]&&r[1]===e[1]&&r[2]===e[2]&&r[3]===e[3]&&r[4]===e[4]&&r[5]===e[5]&&r[6]===e[6]&&r[7]===e[7]&&r[8]===e[8]&&r[9]===e[9]&&r[10]===e[10]&&r[11]===e[11]&&r[12]===e[12]&&r[13]===e[13]&&r[14]===e[14]&&r[15]===e[15]}function tO(r,e){let t=r[0],n=r[1],i=r[2],o=r[3],s=r[4],a=r[5],c=r[6],l=r[7],f=r[8],u=r[9],d=r[10],p=r[11],g=r[12],m=r[13],y=r[14],x=r[15],v=e[0],_=e[1],w=e[2],E=e[3],P=e[4],L=e[5],A=e[6],C=e[7],T=e[8],D=e[9],O=e[10],I=e[11],k=e[12],J=e[13],j=e[14],H=e[15];return Math.abs(t-v)<=1e-6*Math.max(1,Math.abs(t),Math.abs(v))&&Math.abs(n-_)<=1e-6*Math.max(1,Math.abs(n),Math.abs(_))&&Math.abs(i-w)<=1e-6*Math.max(1,Math.abs(i),Math.abs(w))&&Math.abs(o-E)<=1e-6*Math.max(1,Math.abs(o),Math.abs(E))&&Math.abs(s-P)<=1e-6*Math.max(1,Math.abs(s),Math.abs(P))&&Math.abs(a-L)<=1e-6*Math.max(1,Math.abs(a),Math.abs(L))&&Math.abs(c-A)<=1e-6*Math.max(1,Math.abs(c),Math.abs(A))&&Math.abs(l-C)<=1e-6*Math.max(1,Math.abs(l),Math.abs(C))&&Math.abs(f-T)<=1e-6*Math.max(1,Math.abs(f),Math.abs(T))&&Math.abs(u-D)<=1e-6*Math.max(1,Math.abs(u),Math.abs(D))&&Math.abs(d-O)<=1e-6*Math.max(1,Math.abs(d),Math.abs(O))&&Math.abs(p-I)<=1e-6*Math.max(1,Math.abs(p),Math.abs(I))&&Math.abs(g-k)<=1e-6*Math.max(1,Math.abs(g),Math.abs(k))&&Math.abs(m-J)<=1e-6*Math.max(1,Math.abs(m),Math.abs(J))&&Math.abs(y-j)<=1e-6*Math.max(1,Math.abs(y),Math.abs(j))&&Math.abs(x-H)<=1e-6*Math.max(1,Math.abs(x),Math.abs(H))}var qp,Zp,rO,nO,Kp=b(()=>{Dn();qp=Z0;Zp=X0;rO=vs,nO=K0});var je={};ur(je,{add:()=>Qp,ceil:()=>iO,clone:()=>J0,copy:()=>tv,create:()=>Q0,cross:()=>dO,dist:()=>bO,distance:()=>sv,div:()=>xO,divide:()=>ov,dot:()=>tg,equals:()=>mO,exactEquals:()=>cv,floor:()=>oO,forEach:()=>PO,fromValues:()=>ev,inverse:()=>uO,len:()=>wO,length:()=>Wl,lerp:()=>rg,max:()=>aO,min:()=>sO,mul:()=>_O,multiply:()=>iv,negate:()=>fO,normalize:()=>eg,random:()=>hO,round:()=>cO,scale:()=>Jp,scaleAndAdd:()=>lO,set:()=>rv,sqrDist:()=>vO,sqrLen:()=>EO,squaredDistance:()=>av,squaredLength:()=>jl,str:()=>gO,sub:()=>yO,subtract:()=>nv,transformMat4:()=>ng,transformQuat:()=>ig,zero:()=>pO});function Q0(){let r=new ne(4);return ne!=Float32Array&&(r[0]=0,r[1]=0,r[2]=0,r[3]=0),r}function J0(r){let e=new ne(4);return e[0]=r[0],e[1]=r[1],e[2]=r[2],e[3]=r[3],e}function ev(r,e,t,n){let i=new ne(4);return i[0]=r,i[1]=e,i[2]=t,i[3]=n,i}function tv(r,e){return r[0]=e[0],r[1]=e[1],r[2]=e[2],r[3]=e[3],r}function rv(r,e,t,n,i){return r[0]=e,r[1]=t,r[2]=n,r[3]=i,r}function Qp(r,e,t){return r[0]=e[0]+t[0],r[1]=e[1]+t[1],r[2]=e[2]+t[2],r[3]=e[3]+t[3],r}function nv(r,e,t){return r[0]=e[0]-t[0],r[1]=e[1]-t[1],r[2]=e[2]-t[2],r[3]=e[3]-t[3],r}function iv(r,e,t){return r[0]=e[0]*t[0],r[1]=e[1]*t[1],r[2]=e[2]*t[2],r[3]=e[3]*t[3],r}function ov(r,e,t){return r[0]=e[0]/t[0],r[1]=e[1]/t[1],r[2]=e[2]/t[2],r[3]=e[3]/t[3],r}function iO(r,e){return r[0]=Math.ceil(e[0]),r[1]=Math.ceil(e[1]),r[2]=Math.ceil(e[2]),r[3]=Math.ceil(e[3]),r}function oO(r,e){return r[0]=Math.floor(e[0]),r[1]=Math.floor(e[1]),r[2]=Math.floor(e[2]),r[3]=Math.floor(e[3]),r}function sO(r,e,t){return r[0]=Math.min(e[0],t[0]),r[1]=Math.min(e[1],t[1]),r[2]=Math.min(e[2],t[2]),r[3]=Math.min(e[3],t[3]),r}function aO(r,e,t){return r[0]=Math.max(e[0],t[0]),r[1]=Math.max(e[1],t[1]),r[2]=Math.max(e[2],t[2]),r[3]=Math.max(e[3],t[3]),r}function cO(r,e){return r[0]=pt(e[0]),r[1]=pt(e[1]),r[2]=pt(e[2]),r[3]=pt(e[3]),r}function Jp(r,e,t){return r[0]=e[0]*t,r[1]=e[1]*t,r[2]=e[2]*t,r[3]=e[3]*t,r}function lO(r,e,t,n){return r[0]=e[0]+t[0]*n,r[1]=e[1]+t[1]*n,r[2]=e[2]+t[2]*n,r[3]=e[3]+t[3]*n,r}function sv(r,e){let t=e[0]-r[0],n=e[1]-r[1],i=e[2]-r[2],o=e[3]-r[3];return Math.sqrt(t*t+n*n+i*i+o*o)}function av(r,e){let t=e[0]-r[0],n=e[1]-r[1],i=e[2]-r[2],o=e[3]-r[3];return t*t+n*n+i*i+o*o}function Wl(r){let e=r[0],t=r[1],n=r[2],i=r[3];return Math.sqrt(e*e+t*t+n*n+i*i)}function jl(r){let e=r[0],t=r[1],n=r[2],i=r[3];return e*e+t*t+n*n+i*i}function fO(r,e){return r[0]=-e[0],r[1]=-e[1],r[2]=-e[2],r[3]=-e[3],r}function uO(r,e){return r[0]=1/e[0],r[1]=1/e[1],r[2]=1/e[2],r[3]=1/e[3],r}function eg(r,e){let t=e[0],n=e[1],i=e[2],o=e[3],s=t*t+n*n+i*i+o*o;return s>0&&(s=1/Math.sqrt(s)),r[0]=t*s,r[1]=n*s,r[2]=i*s,r[3]=o*s,r}function tg(r,e){return r[0]*e[0]+r[1]*e[1]+r[2]*e[2]+r[3]*e[3]}function dO(r,e,t,n){let i=t[0]*n[1]-t[1]*n[0],o=t[0]*n[2]-t[2]*n[0],s=t[0]*n[3]-t[3]*n[0],a=t[1]*n[2]-t[2]*n[1],c=t[1]*n[3]-t[3]*n[1],l=t[2]*n[3]-t[3]*n[2],f=e[0],u=e[1],d=e[2],p=e[3];return r[0]=u*l-d*c+p*a,r[1]=-(f*l)+d*s-p*o,r[2]=f*c-u*s+p*i,r[3]=-(f*a)+u*o-d*i,r}function rg(r,e,t,n){let i=e[0],o=e[1],s=e[2],a=e[3];return r[0]=i+n*(t[0]-i),r[1]=o+n*(t[1]-o),r[2]=s+n*(t[2]-s),r[3]=a+n*(t[3]-a),r}function hO(r,e){e=e===void 0?1:e;let t,n,i,o,s,a;do t=Qt()*2-1,n=Qt()*2-1,s=t*t+n*n;while(s>=1);do i=Qt()*2-1,o=Qt()*2-1,a=i*i+o*o;while(a>=1);let c=Math.sqrt((1-s)/a);return r[0]=e*t,r[1]=e*n,r[2]=e*i*c,r[3]=e*o*c,r}function ng(r,e,t){let n=e[0],i=e[1],o=e[2],s=e[3];return r[0]=t[0]*n+t[4]*i+t[8]*o+t[12]*s,r[1]=t[1]*n+t[5]*i+t[9]*o+t[13]*s,r[2]=t[2]*n+t[6]*i+t[10]*o+t[14]*s,r[3]=t[3]*n+t[7]*i+t[11]*o+t[15]*s,r}function ig(r,e,t){let n=e[0],i=e[1],o=e[2],s=t[0],a=t[1],c=t[2],l=t[3],f=l*n+a*o-c*i,u=l*i+c*n-s*o,d=l*o+s*i-a*n,p=-s*n-a*i-c*o;return r[0]=f*l+p*-s+u*-c-d*-a,r[1]=u*l+p*-a+d*-s-f*-c,r[2]=d*l+p*-c+f*-a-u*-s,r[3]=e[3],r}function pO(r){return r[0]=0,r[1]=0,r[2]=0,r[3]=0,r}function gO(r){return`vec4(${r[0]}, ${r[1]}, ${r[2]}, ${r[3]})`}function cv(r,e){return r[0]===e[0]&&r[1]===e[1]&&r[2]===e[2]&&r[3]===e[3]}function mO(r,e){let t=r[0],n=r[1],i=r[2],o=r[3],s=e[0],a=e[1],c=e[2],l=e[3];return Math.abs(t-s)<=1e-6*Math.max(1,Math.abs(t),Math.abs(s))&&Math.abs(n-a)<=1e-6*Math.max(1,Math.abs(n),Math.abs(a))&&Math.abs(i-c)<=1e-6*Math.max(1,Math.abs(i),Math.abs(c))&&Math.abs(o-l)<=1e-6*Math.max(1,Math.abs(o),Math.abs(l))}var yO,_O,xO,bO,vO,wO,EO,PO,ws=b(()=>{Dn();yO=nv,_O=iv,xO=ov,bO=sv,vO=av,wO=Wl,EO=jl,PO=(function(){let r=Q0();return function(e,t,n,i,o,s){let a,c;for(t||(t=4),n||(n=0),i?c=Math.min(i*t+n,e.length):c=e.length,a=n;a<c;a+=t)r[0]=e[a],r[1]=e[a+1],r[2]=e[a+2],r[3]=e[a+3],o(r,r,s),e[a]=r[0],e[a+1]=r[1],e[a+2]=r[2],e[a+3]=r[3];return e}})()});function AO(){return Hl||(Hl=new xe([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]),Object.freeze(Hl)),Hl}function CO(){return Yl||(Yl=new xe,Object.freeze(Yl)),Yl}function lv(r){if(r>Math.PI*2)throw Error("expected radians")}function MO(r,e,t,n,i,o){let s=2*o/(t-e),a=2*o/(i-n),c=(t+e)/(t-e),l=(i+n)/(i-n),f=-1,u=-1,d=-2*o;return r[0]=s,r[1]=0,r[2]=0,r[3]=0,r[4]=0,r[5]=a,r[6]=0,r[7]=0,r[8]=c,r[9]=l,r[10]=f,r[11]=u,r[12]=0,r[13]=0,r[14]=d,r[15]=0,r}var ag,SO,TO,og,sg,LO,xe,Hl,Yl,fv=b(()=>{V0();Bn();Nl();Kp();Lp();Ri();ws();(function(r){r[r.COL0ROW0=0]="COL0ROW0",r[r.COL0ROW1=1]="COL0ROW1",r[r.COL0ROW2=2]="COL0ROW2",r[r.COL0ROW3=3]="COL0ROW3",r[r.COL1ROW0=4]="COL1ROW0",r[r.COL1ROW1=5]="COL1ROW1",r[r.COL1ROW2=6]="COL1ROW2",r[r.COL1ROW3=7]="COL1ROW3",r[r.COL2ROW0=8]="COL2ROW0",r[r.COL2ROW1=9]="COL2ROW1",r[r.COL2ROW2=10]="COL2ROW2",r[r.COL2ROW3=11]="COL2ROW3",r[r.COL3ROW0=12]="COL3ROW0",r[r.COL3ROW1=13]="COL3ROW1",r[r.COL3ROW2=14]="COL3ROW2",r[r.COL3ROW3=15]="COL3ROW3"})(ag||(ag={}));SO=45*Math.PI/180,TO=1,og=.1,sg=500,LO=Object.freeze([1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]),xe=class extends Vl{static get IDENTITY(){return CO()}static get ZERO(){return AO()}get ELEMENTS(){return 16}get RANK(){return 4}get INDICES(){return ag}constructor(e){super(-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0),arguments.length===1&&Array.isArray(e)?this.copy(e):this.identity()}copy(e){return this[0]=e[0],this[1]=e[1],this[2]=e[2],this[3]=e[3],this[4]=e[4],this[5]=e[5],this[6]=e[6],this[7]=e[7],this[8]=e[8],this[9]=e[9],this[10]=e[10],this[11]=e[11],this[12]=e[12],this[13]=e[13],this[14]=e[14],this[15]=e[15],this.check()}set(e,t,n,i,o,s,a,c,l,f,u,d,p,g,m,y){return this[0]=e,this[1]=t,this[2]=n,this[3]=i,this[4]=o,this[5]=s,this[6]=a,this[7]=c,this[8]=l,this[9]=f,this[10]=u,this[11]=d,this[12]=p,this[13]=g,this[14]=m,this[15]=y,this.check()}setRowMajor(e,t,n,i,o,s,a,c,l,f,u,d,p,g,m,y){return this[0]=e,this[1]=o,this[2]=l,this[3]=p,this[4]=t,this[5]=s,this[6]=f,this[7]=g,this[8]=n,this[9]=a,this[10]=u,this[11]=m,this[12]=i,this[13]=c,this[14]=d,this[15]=y,this.check()}toRowMajor(e){return e[0]=this[0],e[1]=this[4],e[2]=this[8],e[3]=this[12],e[4]=this[1],e[5]=this[5],e[6]=this[9],e[7]=this[13],e[8]=this[2],e[9]=this[6],e[10]=this[10],e[11]=this[14],e[12]=this[3],e[13]=this[7],e[14]=this[11],e[15]=this[15],e}identity(){return this.copy(LO)}fromObject(e){return this.check()}fromQuaternion(e){return Hp(this,e),this.check()}frustum(e){let{left:t,right:n,bottom:i,top:o,near:s=og,far:a=sg}=e;return a===1/0?MO(this,t,n,i,o,s):Yp(this,t,n,i,o,s,a),this.check()}lookAt(e){let{eye:t,center:n=[0,0,0],up:i=[0,1,0]}=e;return Xp(this,t,n,i),this.check()}ortho(e){let{left:t,right:n,bottom:i,top:o,near:s=og,far:a=sg}=e;return Zp(this,t,n,i,o,s,a),this.check()}orthographic(e){let{fovy:t=SO,aspect:n=TO,focalDistance:i=1,near:o=og,far:s=sg}=e;lv(t);let a=t/2,c=i*Math.tan(a),l=c*n;return this.ortho({left:-l,right:l,bottom:-c,top:c,near:o,far:s})}perspective(e){let{fovy:t=45*Math.PI/180,aspect:n=1,near:i=.1,far:o=500}=e;return lv(t),qp(this,t,n,i,o),this.check()}determinant(){return zp(this)}getScale(e=[-0,-0,-0]){return e[0]=Math.sqrt(this[0]*this[0]+this[1]*this[1]+this[2]*this[2]),e[1]=Math.sqrt(this[4]*this[4]+this[5]*this[5]+this[6]*this[6]),e[2]=Math.sqrt(this[8]*this[8]+this[9]*this[9]+this[10]*this[10]),e}getTranslation(e=[-0,-0,-0]){return e[0]=this[12],e[1]=this[13],e[2]=this[14],e}getRotation(e,t){e=e||[-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0,-0],t=t||[-0,-0,-0];let n=this.getScale(t),i=1/n[0],o=1/n[1],s=1/n[2];return e[0]=this[0]*i,e[1]=this[1]*o,e[2]=this[2]*s,e[3]=0,e[4]=this[4]*i,e[5]=this[5]*o,e[6]=this[6]*s,e[7]=0,e[8]=this[8]*i,e[9]=this[9]*o,e[10]=this[10]*s,e[11]=0,e[12]=0,e[13]=0,e[14]=0,e[15]=1,e}getRotationMatrix3(e,t){e=e||[-0,-0,-0,-0,-0,-0,-0,-0,-0],t=t||[-0,-0,-0];let n=this.getScale(t),i=1/n[0],o=1/n[1],s=1/n[2];return e[0]=this[0]*i,e[1]=this[1]*o,e[2]=this[2]*s,e[3]=this[4]*i,e[4]=this[5]*o,e[5]=this[6]*s,e[6]=this[8]*i,e[7]=this[9]*o,e[8]=this[10]*s,e}transpose(){return Np(this,this),this.check()}invert(){return Fp(this,this),this.check()}multiplyLeft(e){return vs(this,e,this),this.check()}multiplyRight(e){return vs(this,this,e),this.check()}rotateX(e){return Vp(this,this,e),this.check()}rotateY(e){return Wp(this,this,e),this.check()}rotateZ(e){return jp(this,this,e),this.check()}rotateXYZ(e){return this.rotateX(e[0]).rotateY(e[1]).rotateZ(e[2])}rotateAxis(e,t){return $p(this,this,e,t),this.check()}scale(e){return Gp(this,this,Array.isArray(e)?e:[e,e,e]),this.check()}translate(e){return Up(this,this,e),this.check()}transform(e,t){return e.length===4?(t=ng(t||[-0,-0,-0,-0],e,this),Ci(t,4),t):this.transformAsPoint(e,t)}transformAsPoint(e,t){let{length:n}=e,i;switch(n){case 2:i=Tp(t||[-0,-0],e,this);break;case 3:i=Nn(t||[-0,-0,-0],e,this);break;default:throw new Error("Illegal vector")}return Ci(i,e.length),i}transformAsVector(e,t){let n;switch(e.length){case 2:n=M0(t||[-0,-0],e,this);break;case 3:n=kl(t||[-0,-0,-0],e,this);break;default:throw new Error("Illegal vector")}return Ci(n,e.length),n}transformPoint(e,t){return this.transformAsPoint(e,t)}transformVector(e,t){return this.transformAsPoint(e,t)}transformDirection(e,t){return this.transformAsVector(e,t)}makeRotationX(e){return this.identity().rotateX(e)}makeTranslation(e,t,n){return this.identity().translate([e,t,n])}}});function uv(){let r=new ne(4);return ne!=Float32Array&&(r[0]=0,r[1]=0,r[2]=0),r[3]=1,r}function dv(r){return r[0]=0,r[1]=0,r[2]=0,r[3]=1,r}function cg(r,e,t){t=t*.5;let n=Math.sin(t);return r[0]=n*e[0],r[1]=n*e[1],r[2]=n*e[2],r[3]=Math.cos(t),r}function lg(r,e,t){let n=e[0],i=e[1],o=e[2],s=e[3],a=t[0],c=t[1],l=t[2],f=t[3];return r[0]=n*f+s*a+i*l-o*c,r[1]=i*f+s*c+o*a-n*l,r[2]=o*f+s*l+n*c-i*a,r[3]=s*f-n*a-i*c-o*l,r}function hv(r,e,t){t*=.5;let n=e[0],i=e[1],o=e[2],s=e[3],a=Math.sin(t),c=Math.cos(t);return r[0]=n*c+s*a,r[1]=i*c+o*a,r[2]=o*c-i*a,r[3]=s*c-n*a,r}function pv(r,e,t){t*=.5;let n=e[0],i=e[1],o=e[2],s=e[3],a=Math.sin(t),c=Math.cos(t);return r[0]=n*c-o*a,r[1]=i*c+s*a,r[2]=o*c+n*a,r[3]=s*c-i*a,r}function gv(r,e,t){t*=.5;let n=e[0],i=e[1],o=e[2],s=e[3],a=Math.sin(t),c=Math.cos(t);return r[0]=n*c+i*a,r[1]=i*c-n*a,r[2]=o*c+s*a,r[3]=s*c-o*a,r}function mv(r,e){let t=e[0],n=e[1],i=e[2];return r[0]=t,r[1]=n,r[2]=i,r[3]=Math.sqrt(Math.abs(1-t*t-n*n-i*i)),r}function Es(r,e,t,n){let i=e[0],o=e[1],s=e[2],a=e[3],c=t[0],l=t[1],f=t[2],u=t[3],d,p,g,m,y;return d=i*c+o*l+s*f+a*u,d<0&&(d=-d,c=-c,l=-l,f=-f,u=-u),1-d>1e-6?(p=Math.acos(d),y=Math.sin(p),g=Math.sin((1-n)*p)/y,m=Math.sin(n*p)/y):(g=1-n,m=n),r[0]=g*i+m*c,r[1]=g*o+m*l,r[2]=g*s+m*f,r[3]=g*a+m*u,r}function yv(r,e){let t=e[0],n=e[1],i=e[2],o=e[3],s=t*t+n*n+i*i+o*o,a=s?1/s:0;return r[0]=-t*a,r[1]=-n*a,r[2]=-i*a,r[3]=o*a,r}function _v(r,e){return r[0]=-e[0],r[1]=-e[1],r[2]=-e[2],r[3]=e[3],r}function fg(r,e){let t=e[0]+e[4]+e[8],n;if(t>0)n=Math.sqrt(t+1),r[3]=.5*n,n=.5/n,r[0]=(e[5]-e[7])*n,r[1]=(e[6]-e[2])*n,r[2]=(e[1]-e[3])*n;else{let i=0;e[4]>e[0]&&(i=1),e[8]>e[i*3+i]&&(i=2);let o=(i+1)%3,s=(i+2)%3;n=Math.sqrt(e[i*3+i]-e[o*3+o]-e[s*3+s]+1),r[i]=.5*n,n=.5/n,r[3]=(e[o*3+s]-e[s*3+o])*n,r[o]=(e[o*3+i]+e[i*3+o])*n,r[s]=(e[s*3+i]+e[i*3+s])*n}return r}var xv,bv,vv,wv,Ev,Pv,Sv,Tv,I9,R9,ug=b(()=>{Dn();kp();Ri();ws();xv=Qp,bv=Jp,vv=tg,wv=rg,Ev=Wl,Pv=jl,Sv=eg,Tv=(function(){let r=Fl(),e=zl(1,0,0),t=zl(0,1,0);return function(n,i,o){let s=xs(i,o);return s<-.999999?(kn(r,e,i),Bp(r)<1e-6&&kn(r,t,i),Ap(r,r),cg(n,r,Math.PI),n):s>.999999?(n[0]=0,n[1]=0,n[2]=0,n[3]=1,n):(kn(r,i,o),n[0]=r[0],n[1]=r[1],n[2]=r[2],n[3]=1+s,Sv(n,n))}})(),I9=(function(){let r=uv(),e=uv();return function(t,n,i,o,s,a){return Es(r,n,s,a),Es(e,i,o,a),Es(t,r,e,2*a*(1-a)),t}})(),R9=(function(){let r=W0();return function(e,t,n,i){return r[0]=n[0],r[3]=n[1],r[6]=n[2],r[1]=i[0],r[4]=i[1],r[7]=i[2],r[2]=-t[0],r[5]=-t[1],r[8]=-t[2],Sv(e,fg(e,r))}})()});var RO,Ps,Lv=b(()=>{Dl();Bn();$0();ug();ws();RO=[0,0,0,1],Ps=class extends Hr{constructor(e=0,t=0,n=0,i=1){super(-0,-0,-0,-0),Array.isArray(e)&&arguments.length===1?this.copy(e):this.set(e,t,n,i)}copy(e){return this[0]=e[0],this[1]=e[1],this[2]=e[2],this[3]=e[3],this.check()}set(e,t,n,i){return this[0]=e,this[1]=t,this[2]=n,this[3]=i,this.check()}fromObject(e){return this[0]=e.x,this[1]=e.y,this[2]=e.z,this[3]=e.w,this.check()}fromMatrix3(e){return fg(this,e),this.check()}fromAxisRotation(e,t){return cg(this,e,t),this.check()}identity(){return dv(this),this.check()}setAxisAngle(e,t){return this.fromAxisRotation(e,t)}get ELEMENTS(){return 4}get x(){return this[0]}set x(e){this[0]=X(e)}get y(){return this[1]}set y(e){this[1]=X(e)}get z(){return this[2]}set z(e){this[2]=X(e)}get w(){return this[3]}set w(e){this[3]=X(e)}len(){return Ev(this)}lengthSquared(){return Pv(this)}dot(e){return vv(this,e)}rotationTo(e,t){return Tv(this,e,t),this.check()}add(e){return xv(this,this,e),this.check()}calculateW(){return mv(this,this),this.check()}conjugate(){return _v(this,this),this.check()}invert(){return yv(this,this),this.check()}lerp(e,t,n){return n===void 0?this.lerp(this,e,t):(wv(this,e,t,n),this.check())}multiplyRight(e){return lg(this,this,e),this.check()}multiplyLeft(e){return lg(this,e,this),this.check()}normalize(){let e=this.len(),t=e>0?1/e:0;return this[0]=this[0]*t,this[1]=this[1]*t,this[2]=this[2]*t,this[3]=this[3]*t,e===0&&(this[3]=1),this.check()}rotateX(e){return hv(this,this,e),this.check()}rotateY(e){return pv(this,this,e),this.check()}rotateZ(e){return gv(this,this,e),this.check()}scale(e){return bv(this,this,e),this.check()}slerp(e,t,n){let i,o,s;switch(arguments.length){case 1:({start:i=RO,target:o,ratio:s}=e);break;case 2:i=this,o=e,s=t;break;default:i=e,o=t,s=n}return Es(this,i,o,s),this.check()}transformVector4(e,t=new $l){return ig(t,e,this),Ci(t,4)}lengthSq(){return this.lengthSquared()}setFromAxisAngle(e,t){return this.setAxisAngle(e,t)}premultiply(e){return this.multiplyLeft(e)}multiply(e){return this.multiplyRight(e)}}});var z9,U9,G9,$9,Av=b(()=>{z9=Math.PI/2,U9=Math.PI/4,G9=Math.PI/6,$9=Math.PI*2});var be=b(()=>{G0();fv();Lv();Av();On();kp();Kp();ug();Lp();Ri();ws()});function dg(r,e=[],t=0){let n=Math.fround(r),i=r-n;return e[t]=n,e[t+1]=i,e}function Cv(r){return r-Math.fround(r)}function Mv(r){let e=new Float32Array(32);for(let t=0;t<4;++t)for(let n=0;n<4;++n){let i=t*4+n;dg(r[n*4+t],e,i*2)}return e}var Iv=b(()=>{});function ql(r,e=!0){return r??e}function hg(r=[0,0,0],e=!0){return e?r.map(t=>t/255):[...r]}function Rv(r,e=!0){let t=hg(r.slice(0,3),e),n=Number.isFinite(r[3]),i=n?r[3]:1;return[t[0],t[1],t[2],e&&n?i/255:i]}var pg=b(()=>{});var BO,DO,Fn,Ov=b(()=>{BO=`#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND

// All these functions are for substituting tan() function from Intel GPU only
const float TWO_PI = 6.2831854820251465;
const float PI_2 = 1.5707963705062866;
const float PI_16 = 0.1963495463132858;

const float SIN_TABLE_0 = 0.19509032368659973;
const float SIN_TABLE_1 = 0.3826834261417389;
const float SIN_TABLE_2 = 0.5555702447891235;
const float SIN_TABLE_3 = 0.7071067690849304;

const float COS_TABLE_0 = 0.9807852506637573;
const float COS_TABLE_1 = 0.9238795042037964;
const float COS_TABLE_2 = 0.8314695954322815;
const float COS_TABLE_3 = 0.7071067690849304;

const float INVERSE_FACTORIAL_3 = 1.666666716337204e-01; // 1/3!
const float INVERSE_FACTORIAL_5 = 8.333333767950535e-03; // 1/5!
const float INVERSE_FACTORIAL_7 = 1.9841270113829523e-04; // 1/7!
const float INVERSE_FACTORIAL_9 = 2.75573188446287533e-06; // 1/9!

float sin_taylor_fp32(float a) {
  float r, s, t, x;

  if (a == 0.0) {
    return 0.0;
  }

  x = -a * a;
  s = a;
  r = a;

  r = r * x;
  t = r * INVERSE_FACTORIAL_3;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_5;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_7;
  s = s + t;

  r = r * x;
  t = r * INVERSE_FACTORIAL_9;
  s = s + t;

  return s;
}

void sincos_taylor_fp32(float a, out float sin_t, out float cos_t) {
  if (a == 0.0) {
    sin_t = 0.0;
    cos_t = 1.0;
  }
  sin_t = sin_taylor_fp32(a);
  cos_t = sqrt(1.0 - sin_t * sin_t);
}

float tan_taylor_fp32(float a) {
    float sin_a;
    float cos_a;

    if (a == 0.0) {
        return 0.0;
    }

    // 2pi range reduction
    float z = floor(a / TWO_PI);
    float r = a - TWO_PI * z;

    float t;
    float q = floor(r / PI_2 + 0.5);
    int j = int(q);

    if (j < -2 || j > 2) {
        return 1.0 / 0.0;
    }

    t = r - PI_2 * q;

    q = floor(t / PI_16 + 0.5);
    int k = int(q);
    int abs_k = int(abs(float(k)));

    if (abs_k > 4) {
        return 1.0 / 0.0;
    } else {
        t = t - PI_16 * q;
    }

    float u = 0.0;
    float v = 0.0;

    float sin_t, cos_t;
    float s, c;
    sincos_taylor_fp32(t, sin_t, cos_t);

    if (k == 0) {
        s = sin_t;
        c = cos_t;
    } else {
        if (abs(float(abs_k) - 1.0) < 0.5) {
            u = COS_TABLE_0;
            v = SIN_TABLE_0;
        } else if (abs(float(abs_k) - 2.0) < 0.5) {
            u = COS_TABLE_1;
            v = SIN_TABLE_1;
        } else if (abs(float(abs_k) - 3.0) < 0.5) {
            u = COS_TABLE_2;
            v = SIN_TABLE_2;
        } else if (abs(float(abs_k) - 4.0) < 0.5) {
            u = COS_TABLE_3;
            v = SIN_TABLE_3;
        }
        if (k > 0) {
            s = u * sin_t + v * cos_t;
            c = u * cos_t - v * sin_t;
        } else {
            s = u * sin_t - v * cos_t;
            c = u * cos_t + v * sin_t;
        }
    }

    if (j == 0) {
        sin_a = s;
        cos_a = c;
    } else if (j == 1) {
        sin_a = c;
        cos_a = -s;
    } else if (j == -1) {
        sin_a = -c;
        cos_a = s;
    } else {
        sin_a = -s;
        cos_a = -c;
    }
    return sin_a / cos_a;
}
#endif

float tan_fp32(float a) {
#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND
  return tan_taylor_fp32(a);
#else
  return tan(a);
#endif
}
`,DO=`#ifdef LUMA_FP32_TAN_PRECISION_WORKAROUND
const FP32_TWO_PI: f32 = 6.2831854820251465;
const FP32_PI_2: f32 = 1.5707963705062866;
const FP32_PI_16: f32 = 0.1963495463132858;

const FP32_SIN_TABLE_0: f32 = 0.19509032368659973;
const FP32_SIN_TABLE_1: f32 = 0.3826834261417389;
const FP32_SIN_TABLE_2: f32 = 0.5555702447891235;
const FP32_SIN_TABLE_3: f32 = 0.7071067690849304;

const FP32_COS_TABLE_0: f32 = 0.9807852506637573;
const FP32_COS_TABLE_1: f32 = 0.9238795042037964;
const FP32_COS_TABLE_2: f32 = 0.8314695954322815;
const FP32_COS_TABLE_3: f32 = 0.7071067690849304;

const FP32_INVERSE_FACTORIAL_3: f32 = 1.666666716337204e-01;
const FP32_INVERSE_FACTORIAL_5: f32 = 8.333333767950535e-03;
const FP32_INVERSE_FACTORIAL_7: f32 = 1.9841270113829523e-04;
const FP32_INVERSE_FACTORIAL_9: f32 = 2.75573188446287533e-06;
const FP32_OVERFLOW: f32 = 3.402823466e+38;

fn sin_taylor_fp32(a: f32) -> f32 {
  if (a == 0.0) {
    return 0.0;
  }

  let x = -a * a;
  var sum = a;
  var term = a;

  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_3;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_5;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_7;
  term = term * x;
  sum = sum + term * FP32_INVERSE_FACTORIAL_9;

  return sum;
}

fn tan_taylor_fp32(a: f32) -> f32 {
  if (a == 0.0) {
    return 0.0;
  }

  let z = floor(a / FP32_TWO_PI);
  let reduced = a - FP32_TWO_PI * z;

  var quadrantValue = floor(reduced / FP32_PI_2 + 0.5);
  let quadrant = i32(quadrantValue);
  if (quadrant < -2 || quadrant > 2) {
    return FP32_OVERFLOW;
  }

  var angle = reduced - FP32_PI_2 * quadrantValue;
  quadrantValue = floor(angle / FP32_PI_16 + 0.5);
  let tableIndex = i32(quadrantValue);
  let absoluteTableIndex = abs(tableIndex);
  if (absoluteTableIndex > 4) {
    return FP32_OVERFLOW;
  }

  angle = angle - FP32_PI_16 * quadrantValue;
  let sinAngle = sin_taylor_fp32(angle);
  let cosAngle = sqrt(1.0 - sinAngle * sinAngle);

  var tableCos = 0.0;
  var tableSin = 0.0;
  if (absoluteTableIndex == 1) {
    tableCos = FP32_COS_TABLE_0;
    tableSin = FP32_SIN_TABLE_0;
  } else if (absoluteTableIndex == 2) {
    tableCos = FP32_COS_TABLE_1;
    tableSin = FP32_SIN_TABLE_1;
  } else if (absoluteTableIndex == 3) {
    tableCos = FP32_COS_TABLE_2;
    tableSin = FP32_SIN_TABLE_2;
  } else if (absoluteTableIndex == 4) {
    tableCos = FP32_COS_TABLE_3;
    tableSin = FP32_SIN_TABLE_3;
  }

  var sinReduced = sinAngle;
  var cosReduced = cosAngle;
  if (tableIndex > 0) {
    sinReduced = tableCos * sinAngle + tableSin * cosAngle;
    cosReduced = tableCos * cosAngle - tableSin * sinAngle;
  } else if (tableIndex < 0) {
    sinReduced = tableCos * sinAngle - tableSin * cosAngle;
    cosReduced = tableCos * cosAngle + tableSin * sinAngle;
  }

  var sinValue = 0.0;
  var cosValue = 0.0;
  if (quadrant == 0) {
    sinValue = sinReduced;
    cosValue = cosReduced;
  } else if (quadrant == 1) {
    sinValue = cosReduced;
    cosValue = -sinReduced;
  } else if (quadrant == -1) {
    sinValue = -cosReduced;
    cosValue = sinReduced;
  } else {
    sinValue = -sinReduced;
    cosValue = -cosReduced;
  }

  return sinValue / cosValue;
}

fn tan_fp32(a: f32) -> f32 {
  return tan_taylor_fp32(a);
}
#else
fn tan_fp32(a: f32) -> f32 {
  return tan(a);
}
#endif
`,Fn={name:"fp32",source:DO,vs:BO}});var gg,Bv=b(()=>{gg=`
layout(std140) uniform fp64arithmeticUniforms {
  uniform float ONE;
  uniform float SPLIT;
} fp64;

/*
About LUMA_FP64_CODE_ELIMINATION_WORKAROUND

The purpose of this workaround is to prevent shader compilers from
optimizing away necessary arithmetic operations by swapping their sequences
or transform the equation to some 'equivalent' form.

These helpers implement Dekker/Veltkamp-style error tracking. If the compiler
folds constants or reassociates the arithmetic, the high/low split can stop
tracking the rounding error correctly. That failure mode tends to look fine in
simple coordinate setup, but then breaks down inside iterative arithmetic such
as fp64 Mandelbrot loops.

The method is to multiply an artifical variable, ONE, which will be known to
the compiler to be 1 only at runtime. The whole expression is then represented
as a polynomial with respective to ONE. In the coefficients of all terms, only one a
and one b should appear

err = (a + b) * ONE^6 - a * ONE^5 - (a + b) * ONE^4 + a * ONE^3 - b - (a + b) * ONE^2 + a * ONE
*/

float prevent_fp64_optimization(float value) {
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  return value + fp64.ONE * 0.0;
#else
  return value;
#endif
}

// Divide float number to high and low floats to extend fraction bits
vec2 split(float a) {
  // Keep SPLIT as a runtime uniform so the compiler cannot fold the Dekker
  // split into a constant expression and reassociate the recovery steps.
  float split = prevent_fp64_optimization(fp64.SPLIT);
  float t = prevent_fp64_optimization(a * split);
  float temp = t - a;
  float a_hi = t - temp;
  float a_lo = a - a_hi;
  return vec2(a_hi, a_lo);
}

// Divide float number again when high float uses too many fraction bits
vec2 split2(vec2 a) {
  vec2 b = split(a.x);
  b.y += a.y;
  return b;
}

// Special sum operation when a > b
vec2 quickTwoSum(float a, float b) {
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float sum = (a + b) * fp64.ONE;
  float err = b - (sum - a) * fp64.ONE;
#else
  float sum = a + b;
  float err = b - (sum - a);
#endif
  return vec2(sum, err);
}

// General sum operation
vec2 twoSum(float a, float b) {
  float s = (a + b);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float v = (s * fp64.ONE - a) * fp64.ONE;
  float err = (a - (s - v) * fp64.ONE) * fp64.ONE * fp64.ONE * fp64.ONE + (b - v);
#else
  float v = s - a;
  float err = (a - (s - v)) + (b - v);
#endif
  return vec2(s, err);
}

vec2 twoSub(float a, float b) {
  float s = (a - b);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float v = (s * fp64.ONE - a) * fp64.ONE;
  float err = (a - (s - v) * fp64.ONE) * fp64.ONE * fp64.ONE * fp64.ONE - (b + v);
#else
  float v = s - a;
  float err = (a - (s - v)) - (b + v);
#endif
  return vec2(s, err);
}

vec2 twoSqr(float a) {
  float prod = a * a;
  vec2 a_fp64 = split(a);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float err = ((a_fp64.x * a_fp64.x - prod) * fp64.ONE + 2.0 * a_fp64.x *
    a_fp64.y * fp64.ONE * fp64.ONE) + a_fp64.y * a_fp64.y * fp64.ONE * fp64.ONE * fp64.ONE;
#else
  float err = ((a_fp64.x * a_fp64.x - prod) + 2.0 * a_fp64.x * a_fp64.y) + a_fp64.y * a_fp64.y;
#endif
  return vec2(prod, err);
}

vec2 twoProd(float a, float b) {
  float prod = a * b;
  vec2 a_fp64 = split(a);
  vec2 b_fp64 = split(b);
  // twoProd is especially sensitive because mul_fp64 and div_fp64 both depend
  // on the split terms and cross terms staying in the original evaluation
  // order. If the compiler folds or reassociates them, the low part tends to
  // collapse to zero or NaN on some drivers.
  float highProduct = prevent_fp64_optimization(a_fp64.x * b_fp64.x);
  float crossProduct1 = prevent_fp64_optimization(a_fp64.x * b_fp64.y);
  float crossProduct2 = prevent_fp64_optimization(a_fp64.y * b_fp64.x);
  float lowProduct = prevent_fp64_optimization(a_fp64.y * b_fp64.y);
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  float err1 = (highProduct - prod) * fp64.ONE;
  float err2 = crossProduct1 * fp64.ONE * fp64.ONE;
  float err3 = crossProduct2 * fp64.ONE * fp64.ONE * fp64.ONE;
  float err4 = lowProduct * fp64.ONE * fp64.ONE * fp64.ONE * fp64.ONE;
#else
  float err1 = highProduct - prod;
  float err2 = crossProduct1;
  float err3 = crossProduct2;
  float err4 = lowProduct;
#endif
  float err = ((err1 + err2) + err3) + err4;
  return vec2(prod, err);
}

vec2 sum_fp64(vec2 a, vec2 b) {
  vec2 s, t;
  s = twoSum(a.x, b.x);
  t = twoSum(a.y, b.y);
  s.y += t.x;
  s = quickTwoSum(s.x, s.y);
  s.y += t.y;
  s = quickTwoSum(s.x, s.y);
  return s;
}

vec2 sub_fp64(vec2 a, vec2 b) {
  vec2 s, t;
  s = twoSub(a.x, b.x);
  t = twoSub(a.y, b.y);
  s.y += t.x;
  s = quickTwoSum(s.x, s.y);
  s.y += t.y;
  s = quickTwoSum(s.x, s.y);
  return s;
}

vec2 mul_fp64(vec2 a, vec2 b) {
  vec2 prod = twoProd(a.x, b.x);
  // y component is for the error
  prod.y += a.x * b.y;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  prod.y += a.y * b.x;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  return prod;
}

vec2 div_fp64(vec2 a, vec2 b) {
  float xn = 1.0 / b.x;
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  vec2 yn = mul_fp64(a, vec2(xn, 0));
#else
  vec2 yn = a * xn;
#endif
  float diff = (sub_fp64(a, mul_fp64(b, yn))).x;
  vec2 prod = twoProd(xn, diff);
  return sum_fp64(yn, prod);
}

vec2 sqrt_fp64(vec2 a) {
  if (a.x == 0.0 && a.y == 0.0) return vec2(0.0, 0.0);
  if (a.x < 0.0) return vec2(0.0 / 0.0, 0.0 / 0.0);

  float x = 1.0 / sqrt(a.x);
  float yn = a.x * x;
#if defined(LUMA_FP64_CODE_ELIMINATION_WORKAROUND)
  vec2 yn_sqr = twoSqr(yn) * fp64.ONE;
#else
  vec2 yn_sqr = twoSqr(yn);
#endif
  float diff = sub_fp64(a, yn_sqr).x;
  vec2 prod = twoProd(x * 0.5, diff);
#if defined(LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND)
  return sum_fp64(split(yn), prod);
#else
  return sum_fp64(vec2(yn, 0.0), prod);
#endif
}
`});var Dv,kv=b(()=>{Dv=`struct Fp64F32Bits {
  sign: u32,
  baseExponent: i32,
  significand: u32,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};

// Decode an f32 as (-1)^sign * significand * 2^baseExponent.
fn fp64_decode_f32_bits(bits: u32) -> Fp64F32Bits {
  let sign = bits >> 31u;
  let exponentBits = (bits >> 23u) & 0xffu;
  let fraction = bits & 0x7fffffu;

  if (exponentBits == 0xffu) {
    return Fp64F32Bits(sign, 0, 0u, false, fraction == 0u, fraction != 0u);
  }
  if (exponentBits == 0u) {
    return Fp64F32Bits(sign, -149, fraction, fraction == 0u, false, false);
  }
  return Fp64F32Bits(sign, i32(exponentBits) - 150, 0x800000u | fraction, false, false, false);
}

fn fp64_f32_magnitude_compare(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  return select(-1, 1, aMagnitude > bMagnitude);
}

fn fp64_make_residual_f32_bits(
  exactSign: u32,
  exactMagnitude: vec2u,
  exactBaseExponent: i32,
  highBits: u32
) -> u32 {
  if (fp64_u64_is_zero(exactMagnitude)) {
    return 0u;
  }

  let high = fp64_decode_f32_bits(highBits);
  if (high.isInf || high.isNan) {
    return exactSign << 31u;
  }
  if (high.isZero) {
    return fp64_make_f32_bits_from_u64(exactSign, exactMagnitude, exactBaseExponent);
  }

  let commonBaseExponent = min(exactBaseExponent, high.baseExponent);
  let exactShift = exactBaseExponent - commonBaseExponent;
  let highShift = high.baseExponent - commonBaseExponent;

  // A normal two-sum/two-product residual never needs a shift this large.
  // This guard gives deterministic underflow behavior outside that contract.
  if (exactShift >= 64 || highShift >= 64) {
    return exactSign << 31u;
  }

  let exactAligned = fp64_u64_shift_left(exactMagnitude, u32(exactShift));
  let highAligned = fp64_u64_shift_left(vec2u(0u, high.significand), u32(highShift));
  let comparison = fp64_u64_compare(exactAligned, highAligned);
  if (comparison == 0) {
    return 0u;
  }

  var residualSign = exactSign;
  var residualMagnitude: vec2u;
  if (comparison > 0) {
    residualMagnitude = fp64_u64_sub(exactAligned, highAligned);
  } else {
    residualSign = exactSign ^ 1u;
    residualMagnitude = fp64_u64_sub(highAligned, exactAligned);
  }
  return fp64_make_f32_bits_from_u64(
    residualSign,
    residualMagnitude,
    commonBaseExponent
  );
}

fn fp64_split_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  let highBits = fp64_make_f32_bits_from_u64(sign, magnitude, baseExponent);
  let lowBits = fp64_make_residual_f32_bits(sign, magnitude, baseExponent, highBits);
  return vec2u(highBits, lowBits);
}

fn fp64_two_sum_integer_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_f32_bits(aBits);
  let b = fp64_decode_f32_bits(bBits);

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    if (a.isInf && b.isInf && a.sign != b.sign) {
      return vec2u(0x7fc00000u, 0u);
    }
    return select(vec2u(bBits, 0u), vec2u(aBits, 0u), a.isInf);
  }
  if (a.isZero && b.isZero) {
    return vec2u((a.sign & b.sign) << 31u, 0u);
  }
  if (a.isZero) {
    return vec2u(bBits, 0u);
  }
  if (b.isZero) {
    return vec2u(aBits, 0u);
  }

  let exponentDifference = select(
    b.baseExponent - a.baseExponent,
    a.baseExponent - b.baseExponent,
    a.baseExponent >= b.baseExponent
  );

  // Beyond half an ulp, rounding cannot change the larger operand. Returning
  // the smaller operand intact also avoids an unbounded integer alignment.
  // At a power-of-two boundary the spacing below the larger operand is half
  // the spacing above it, so an opposite-sign gap-25 operand can still change
  // the rounded high limb. Gap 26 is the first universally safe early-out.
  if (exponentDifference > 25) {
    if (fp64_f32_magnitude_compare(aBits, bBits) >= 0) {
      return vec2u(aBits, bBits);
    }
    return vec2u(bBits, aBits);
  }

  let commonBaseExponent = min(a.baseExponent, b.baseExponent);
  let aMagnitude = fp64_u64_shift_left(
    vec2u(0u, a.significand),
    u32(a.baseExponent - commonBaseExponent)
  );
  let bMagnitude = fp64_u64_shift_left(
    vec2u(0u, b.significand),
    u32(b.baseExponent - commonBaseExponent)
  );

  var resultSign = a.sign;
  var resultMagnitude: vec2u;
  if (a.sign == b.sign) {
    resultMagnitude = fp64_u64_add(aMagnitude, bMagnitude);
  } else {
    let comparison = fp64_u64_compare(aMagnitude, bMagnitude);
    if (comparison == 0) {
      return vec2u(0u, 0u);
    }
    if (comparison > 0) {
      resultMagnitude = fp64_u64_sub(aMagnitude, bMagnitude);
    } else {
      resultSign = b.sign;
      resultMagnitude = fp64_u64_sub(bMagnitude, aMagnitude);
    }
  }

  return fp64_split_accumulator_bits(resultSign, resultMagnitude, commonBaseExponent);
}

fn fp64_two_sum_integer(a: f32, b: f32) -> vec2f {
  let resultBits = fp64_two_sum_integer_bits(bitcast<u32>(a), bitcast<u32>(b));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn fp64_multiply_significands(a: u32, b: u32) -> vec2u {
  let aLow = a & 0xffffu;
  let aHigh = a >> 16u;
  let bLow = b & 0xffffu;
  let bHigh = b >> 16u;
  let lowProduct = aLow * bLow;
  let crossProduct = aLow * bHigh + aHigh * bLow;
  let highProduct = aHigh * bHigh;

  var result = vec2u(0u, lowProduct);
  result = fp64_u64_add(
    result,
    fp64_u64_shift_left(vec2u(0u, crossProduct), 16u)
  );
  result = fp64_u64_add(result, vec2u(highProduct, 0u));
  return result;
}

fn fp64_two_prod_integer_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_f32_bits(aBits);
  let b = fp64_decode_f32_bits(bBits);
  let resultSign = a.sign ^ b.sign;

  if (a.isNan || b.isNan || ((a.isZero || b.isZero) && (a.isInf || b.isInf))) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    return vec2u((resultSign << 31u) | 0x7f800000u, resultSign << 31u);
  }
  if (a.isZero || b.isZero) {
    return vec2u(resultSign << 31u, resultSign << 31u);
  }

  let magnitude = fp64_multiply_significands(a.significand, b.significand);
  return fp64_split_accumulator_bits(
    resultSign,
    magnitude,
    a.baseExponent + b.baseExponent
  );
}

fn fp64_two_prod_integer(a: f32, b: f32) -> vec2f {
  let resultBits = fp64_two_prod_integer_bits(bitcast<u32>(a), bitcast<u32>(b));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn fp64_round_add_integer(a: f32, b: f32) -> f32 {
  return fp64_two_sum_integer(a, b).x;
}

fn fp64_round_mul_integer(a: f32, b: f32) -> f32 {
  return fp64_two_prod_integer(a, b).x;
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_f32_finite_exponent(value: Fp64F32Bits) -> i32 {
  let mostSignificantBit = 31u - countLeadingZeros(value.significand);
  return value.baseExponent + i32(mostSignificantBit);
}

fn fp64_scale_f32_integer(value: f32, exponent: i32) -> f32 {
  let decoded = fp64_decode_f32_bits(bitcast<u32>(value));
  if (decoded.isZero || decoded.isInf || decoded.isNan) {
    return value;
  }
  let resultBits = fp64_make_f32_bits_from_u64(
    decoded.sign,
    vec2u(0u, decoded.significand),
    decoded.baseExponent + exponent
  );
  return bitcast<f32>(resultBits);
}

// Divide normalized significands so the hardware operation cannot overflow,
// underflow, or flush a subnormal result. Reapply the exponent with integer
// packing, which also produces subnormal correction limbs without relying on
// floating-point arithmetic to preserve them.
fn fp64_divide_f32_integer(aValue: f32, bValue: f32) -> f32 {
  let a = fp64_decode_f32_bits(bitcast<u32>(aValue));
  let b = fp64_decode_f32_bits(bitcast<u32>(bValue));
  if (a.isZero || b.isZero || a.isInf || b.isInf || a.isNan || b.isNan) {
    return aValue / bValue;
  }

  let aMostSignificantBit = 31u - countLeadingZeros(a.significand);
  let bMostSignificantBit = 31u - countLeadingZeros(b.significand);
  let normalizedABits = fp64_make_f32_bits_from_u64(
    a.sign,
    vec2u(0u, a.significand),
    -i32(aMostSignificantBit)
  );
  let normalizedBBits = fp64_make_f32_bits_from_u64(
    b.sign,
    vec2u(0u, b.significand),
    -i32(bMostSignificantBit)
  );
  let normalizedQuotient = bitcast<f32>(normalizedABits) / bitcast<f32>(normalizedBBits);
  let quotient = fp64_decode_f32_bits(bitcast<u32>(normalizedQuotient));
  let exponentShift =
    a.baseExponent + i32(aMostSignificantBit) -
    b.baseExponent - i32(bMostSignificantBit);
  let quotientBits = fp64_make_f32_bits_from_u64(
    quotient.sign,
    vec2u(0u, quotient.significand),
    quotient.baseExponent + exponentShift
  );
  return bitcast<f32>(quotientBits);
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn split(a: f32) -> vec2f {
  let aBits = bitcast<u32>(a);
  let decoded = fp64_decode_f32_bits(aBits);
  if (decoded.isZero || decoded.isInf || decoded.isNan) {
    return vec2f(a, 0.0);
  }

  var roundedHigh = decoded.significand >> 12u;
  let remainder = decoded.significand & 0xfffu;
  if (remainder > 0x800u || (remainder == 0x800u && (roundedHigh & 1u) == 1u)) {
    roundedHigh = roundedHigh + 1u;
  }
  var highMagnitude = vec2u(0u, roundedHigh << 12u);
  var highBits = fp64_make_f32_bits_from_u64(
    decoded.sign,
    highMagnitude,
    decoded.baseExponent
  );
  // Rounding the high limb of a maximum-exponent value can overflow even
  // though the original value is finite. Truncate only in that boundary case
  // so split remains an exact finite decomposition.
  if (fp64_decode_f32_bits(highBits).isInf) {
    roundedHigh = decoded.significand >> 12u;
    highMagnitude = vec2u(0u, roundedHigh << 12u);
    highBits = fp64_make_f32_bits_from_u64(
      decoded.sign,
      highMagnitude,
      decoded.baseExponent
    );
  }
  let lowBits = fp64_make_residual_f32_bits(
    decoded.sign,
    vec2u(0u, decoded.significand),
    decoded.baseExponent,
    highBits
  );
  return vec2f(bitcast<f32>(highBits), bitcast<f32>(lowBits));
}

fn split2(a: vec2f) -> vec2f {
  var result = split(a.x);
  result.y = fp64_round_add_integer(result.y, a.y);
  return result;
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn quickTwoSum(a: f32, b: f32) -> vec2f {
  return fp64_two_sum_integer(a, b);
}
#endif

fn twoSum(a: f32, b: f32) -> vec2f {
  return fp64_two_sum_integer(a, b);
}

fn twoSub(a: f32, b: f32) -> vec2f {
  let bBits = bitcast<u32>(b) ^ 0x80000000u;
  let resultBits = fp64_two_sum_integer_bits(bitcast<u32>(a), bBits);
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn twoSqr(a: f32) -> vec2f {
  return fp64_two_prod_integer(a, a);
}

fn twoProd(a: f32, b: f32) -> vec2f {
  return fp64_two_prod_integer(a, b);
}
#endif

fn sum_fp64(a: vec2f, b: vec2f) -> vec2f {
  var sum = fp64_two_sum_integer(a.x, b.x);
  let lowSum = fp64_two_sum_integer(a.y, b.y);
  sum.y = fp64_round_add_integer(sum.y, lowSum.x);
  sum = fp64_two_sum_integer(sum.x, sum.y);
  sum.y = fp64_round_add_integer(sum.y, lowSum.y);
  return fp64_two_sum_integer(sum.x, sum.y);
}

fn sub_fp64(a: vec2f, b: vec2f) -> vec2f {
  let negatedB = vec2f(
    bitcast<f32>(bitcast<u32>(b.x) ^ 0x80000000u),
    bitcast<f32>(bitcast<u32>(b.y) ^ 0x80000000u)
  );
  return sum_fp64(a, negatedB);
}

fn mul_fp64(a: vec2f, b: vec2f) -> vec2f {
  var product = fp64_two_prod_integer(a.x, b.x);
  let crossProduct1 = fp64_round_mul_integer(a.x, b.y);
  product.y = fp64_round_add_integer(product.y, crossProduct1);
  product = fp64_two_sum_integer(product.x, product.y);
  let crossProduct2 = fp64_round_mul_integer(a.y, b.x);
  product.y = fp64_round_add_integer(product.y, crossProduct2);
  return fp64_two_sum_integer(product.x, product.y);
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_scale_fp64_integer(value: vec2f, exponent: i32) -> vec2f {
  let high = fp64_scale_f32_integer(value.x, exponent);
  let low = fp64_scale_f32_integer(value.y, exponent);
  return sum_fp64(vec2f(high, 0.0), vec2f(low, 0.0));
}

fn fp64_div_fp64_normalized(a: vec2f, b: vec2f) -> vec2f {
  let quotientHigh = fp64_divide_f32_integer(a.x, b.x);
  var quotient = vec2f(quotientHigh, 0.0);

  let remainder = sub_fp64(a, mul_fp64(b, quotient));
  let quotientLow = fp64_divide_f32_integer(remainder.x, b.x);
  quotient = sum_fp64(quotient, vec2f(quotientLow, 0.0));

  let secondRemainder = sub_fp64(a, mul_fp64(b, quotient));
  let correction = fp64_divide_f32_integer(secondRemainder.x, b.x);
  return sum_fp64(quotient, vec2f(correction, 0.0));
}

fn div_fp64(a: vec2f, b: vec2f) -> vec2f {
  let decodedA = fp64_decode_f32_bits(bitcast<u32>(a.x));
  let decodedB = fp64_decode_f32_bits(bitcast<u32>(b.x));
  if (
    decodedA.isZero || decodedB.isZero ||
    decodedA.isInf || decodedB.isInf ||
    decodedA.isNan || decodedB.isNan
  ) {
    return fp64_div_fp64_normalized(a, b);
  }

  let exponentA = fp64_f32_finite_exponent(decodedA);
  let exponentB = fp64_f32_finite_exponent(decodedB);
  // Correct the quotient near unity so b * q and the remainder stay clear of
  // both f32 underflow and overflow. The exponent difference is applied once.
  let normalizedA = fp64_scale_fp64_integer(a, -exponentA);
  let normalizedB = fp64_scale_fp64_integer(b, -exponentB);
  let normalizedQuotient = fp64_div_fp64_normalized(normalizedA, normalizedB);
  return fp64_scale_fp64_integer(normalizedQuotient, exponentA - exponentB);
}

fn fp64_sqrt_fp64_normalized(a: vec2f) -> vec2f {
  let estimate = sqrt(a.x);
  let difference = sub_fp64(a, fp64_two_prod_integer(estimate, estimate)).x;
  let denominator = fp64_round_add_integer(estimate, estimate);
  let correction = fp64_divide_f32_integer(difference, denominator);
  return sum_fp64(vec2f(estimate, 0.0), vec2f(correction, 0.0));
}

fn sqrt_fp64(a: vec2f) -> vec2f {
  let decoded = fp64_decode_f32_bits(bitcast<u32>(a.x));
  let decodedLow = fp64_decode_f32_bits(bitcast<u32>(a.y));
  if (decoded.isZero && decodedLow.isZero) {
    return vec2f(0.0, 0.0);
  }
  if (decoded.sign == 1u) {
    let nanValue = fp64_nan(a.x);
    return vec2f(nanValue, nanValue);
  }

  if (decoded.isInf || decoded.isNan) {
    return fp64_sqrt_fp64_normalized(a);
  }
  let exponent = fp64_f32_finite_exponent(decoded);
  // An even scale lets the final square-root rescale use an integer exponent.
  let evenExponent = exponent - (exponent & 1);
  let normalizedA = fp64_scale_fp64_integer(a, -evenExponent);
  let normalizedRoot = fp64_sqrt_fp64_normalized(normalizedA);
  return fp64_scale_fp64_integer(normalizedRoot, evenExponent / 2);
}
#endif
`});var Nv,Fv=b(()=>{kv();Nv=`struct Fp64ArithmeticUniforms {
  ONE: f32,
  SPLIT: f32,
};

@group(0) @binding(auto) var<uniform> fp64arithmetic : Fp64ArithmeticUniforms;

#ifndef LUMA_FP64_F32_INPUT_ONLY
struct Fp64Bits {
  sign: u32,
  exponent: i32,
  significand: vec2u,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_nan(seed: f32) -> f32 {
  let nanBits = 0x7fc00000u | select(0u, 1u, seed < 0.0);
  return bitcast<f32>(nanBits);
}
#endif

fn fp64_u64_is_zero(value: vec2u) -> bool {
  return value.x == 0u && value.y == 0u;
}

fn fp64_u64_compare(a: vec2u, b: vec2u) -> i32 {
  if (a.x != b.x) {
    return select(-1, 1, a.x > b.x);
  }
  if (a.y != b.y) {
    return select(-1, 1, a.y > b.y);
  }
  return 0;
}

fn fp64_u64_add(a: vec2u, b: vec2u) -> vec2u {
  let low = a.y + b.y;
  let carry = select(0u, 1u, low < a.y);
  return vec2u(a.x + b.x + carry, low);
}

fn fp64_u64_sub(a: vec2u, b: vec2u) -> vec2u {
  let borrow = select(0u, 1u, a.y < b.y);
  return vec2u(a.x - b.x - borrow, a.y - b.y);
}

fn fp64_u64_shift_left(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }
  if (shift < 32u) {
    return vec2u((value.x << shift) | (value.y >> (32u - shift)), value.y << shift);
  }
  if (shift == 32u) {
    return vec2u(value.y, 0u);
  }
  if (shift < 64u) {
    return vec2u(value.y << (shift - 32u), 0u);
  }
  return vec2u(0u);
}

fn fp64_u64_shift_right(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }
  if (shift < 32u) {
    return vec2u(value.x >> shift, (value.y >> shift) | (value.x << (32u - shift)));
  }
  if (shift == 32u) {
    return vec2u(0u, value.x);
  }
  if (shift < 64u) {
    return vec2u(0u, value.x >> (shift - 32u));
  }
  return vec2u(0u);
}

fn fp64_u64_get_bit(value: vec2u, bitIndex: u32) -> bool {
  if (bitIndex >= 64u) {
    return false;
  }
  if (bitIndex >= 32u) {
    return ((value.x >> (bitIndex - 32u)) & 1u) != 0u;
  }
  return ((value.y >> bitIndex) & 1u) != 0u;
}

fn fp64_u64_has_bits_below(value: vec2u, bitCount: u32) -> bool {
  if (bitCount == 0u) {
    return false;
  }
  if (bitCount >= 64u) {
    return !fp64_u64_is_zero(value);
  }
  if (bitCount > 32u) {
    let highBitCount = bitCount - 32u;
    let highMask = (1u << highBitCount) - 1u;
    return value.y != 0u || (value.x & highMask) != 0u;
  }
  if (bitCount == 32u) {
    return value.y != 0u;
  }
  let lowMask = (1u << bitCount) - 1u;
  return (value.y & lowMask) != 0u;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_u64_shift_right_sticky(value: vec2u, shift: u32) -> vec2u {
  var shifted = fp64_u64_shift_right(value, shift);
  if (fp64_u64_has_bits_below(value, shift)) {
    shifted.y = shifted.y | 1u;
  }
  return shifted;
}
#endif

fn fp64_u64_count_leading_zeros(value: vec2u) -> u32 {
  if (value.x != 0u) {
    return countLeadingZeros(value.x);
  }
  return 32u + countLeadingZeros(value.y);
}

fn fp64_round_shift_right_to_u32(value: vec2u, shift: u32) -> u32 {
  if (shift == 0u) {
    return value.y;
  }

  let truncated = fp64_u64_shift_right(value, shift);
  var rounded = truncated.y;
  let guard = fp64_u64_get_bit(value, shift - 1u);
  let hasTrailingBits = fp64_u64_has_bits_below(value, shift - 1u);
  if (guard && (hasTrailingBits || (rounded & 1u) == 1u)) {
    rounded = rounded + 1u;
  }
  return rounded;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_round_shift_right(value: vec2u, shift: u32) -> vec2u {
  if (shift == 0u) {
    return value;
  }

  var rounded = fp64_u64_shift_right(value, shift);
  let guard = fp64_u64_get_bit(value, shift - 1u);
  let hasTrailingBits = fp64_u64_has_bits_below(value, shift - 1u);
  if (guard && (hasTrailingBits || (rounded.y & 1u) == 1u)) {
    rounded = fp64_u64_add(rounded, vec2u(0u, 1u));
  }
  return rounded;
}
#endif

fn fp64_make_f32_bits_from_u64(sign: u32, significand: vec2u, baseExponent: i32) -> u32 {
  if (fp64_u64_is_zero(significand)) {
    return sign << 31u;
  }

  let leadingZeros = fp64_u64_count_leading_zeros(significand);
  let mostSignificantBit = 63u - leadingZeros;
  var exponent = baseExponent + i32(mostSignificantBit);

  if (exponent > 127) {
    return (sign << 31u) | 0x7f800000u;
  }

  if (exponent >= -126) {
    let shift = i32(mostSignificantBit) - 23;
    var significand24: u32;
    if (shift > 0) {
      significand24 = fp64_round_shift_right_to_u32(significand, u32(shift));
    } else {
      significand24 = fp64_u64_shift_left(significand, u32(-shift)).y;
    }

    if (significand24 >= 0x1000000u) {
      significand24 = significand24 >> 1u;
      exponent = exponent + 1;
      if (exponent > 127) {
        return (sign << 31u) | 0x7f800000u;
      }
    }

    return (sign << 31u) | (u32(exponent + 127) << 23u) | (significand24 & 0x7fffffu);
  }

  let scaleExponent = baseExponent + 149;
  var mantissa: u32;
  if (scaleExponent >= 0) {
    mantissa = fp64_u64_shift_left(significand, u32(scaleExponent)).y;
  } else {
    mantissa = fp64_round_shift_right_to_u32(significand, u32(-scaleExponent));
  }

  if (mantissa >= 0x800000u) {
    return (sign << 31u) | 0x00800000u;
  }
  return (sign << 31u) | mantissa;
}

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_decode_bits(bits: vec2u) -> Fp64Bits {
  let sign = bits.x >> 31u;
  let exponentBits = (bits.x >> 20u) & 0x7ffu;
  let fractionHigh = bits.x & 0xfffffu;
  let fractionLow = bits.y;
  let fraction = vec2u(fractionHigh, fractionLow);

  if (exponentBits == 0x7ffu) {
    let isInf = fp64_u64_is_zero(fraction);
    return Fp64Bits(sign, 0, vec2u(0u), false, isInf, !isInf);
  }

  if (exponentBits == 0u) {
    let isZero = fp64_u64_is_zero(fraction);
    return Fp64Bits(sign, -1022, fraction, isZero, false, false);
  }

  return Fp64Bits(sign, i32(exponentBits) - 1023, vec2u((1u << 20u) | fractionHigh, fractionLow), false, false, false);
}

fn fp64_finite_magnitude_compare(a: Fp64Bits, b: Fp64Bits) -> i32 {
  if (a.exponent != b.exponent) {
    return select(-1, 1, a.exponent > b.exponent);
  }
  return fp64_u64_compare(a.significand, b.significand);
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
struct Fp64RawF32Bits {
  sign: u32,
  baseExponent: i32,
  significand: u32,
  isZero: bool,
  isInf: bool,
  isNan: bool,
};

// Decode an f32 as (-1)^sign * significand * 2^baseExponent. This shared
// integer representation lets normalization remain independent of the
// selected double-single arithmetic implementation.
fn fp64_decode_raw_f32_bits(bits: u32) -> Fp64RawF32Bits {
  let sign = bits >> 31u;
  let exponentBits = (bits >> 23u) & 0xffu;
  let fraction = bits & 0x7fffffu;

  if (exponentBits == 0xffu) {
    return Fp64RawF32Bits(sign, 0, 0u, false, fraction == 0u, fraction != 0u);
  }
  if (exponentBits == 0u) {
    return Fp64RawF32Bits(sign, -149, fraction, fraction == 0u, false, false);
  }
  return Fp64RawF32Bits(
    sign,
    i32(exponentBits) - 150,
    0x800000u | fraction,
    false,
    false,
    false
  );
}

fn fp64_raw_f32_magnitude_compare(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  return select(-1, 1, aMagnitude > bMagnitude);
}

fn fp64_make_raw_residual_f32_bits(
  exactSign: u32,
  exactMagnitude: vec2u,
  exactBaseExponent: i32,
  highBits: u32
) -> u32 {
  if (fp64_u64_is_zero(exactMagnitude)) {
    return 0u;
  }

  let high = fp64_decode_raw_f32_bits(highBits);
  if (high.isInf || high.isNan) {
    return 0u;
  }
  if (high.isZero) {
    return fp64_make_f32_bits_from_u64(exactSign, exactMagnitude, exactBaseExponent);
  }

  let commonBaseExponent = min(exactBaseExponent, high.baseExponent);
  let exactShift = exactBaseExponent - commonBaseExponent;
  let highShift = high.baseExponent - commonBaseExponent;
  if (exactShift >= 64 || highShift >= 64) {
    return 0u;
  }

  let exactAligned = fp64_u64_shift_left(exactMagnitude, u32(exactShift));
  let highAligned = fp64_u64_shift_left(vec2u(0u, high.significand), u32(highShift));
  let comparison = fp64_u64_compare(exactAligned, highAligned);
  if (comparison == 0) {
    return 0u;
  }

  var residualSign = exactSign;
  var residualMagnitude: vec2u;
  if (comparison > 0) {
    residualMagnitude = fp64_u64_sub(exactAligned, highAligned);
  } else {
    residualSign = exactSign ^ 1u;
    residualMagnitude = fp64_u64_sub(highAligned, exactAligned);
  }
  return fp64_make_f32_bits_from_u64(
    residualSign,
    residualMagnitude,
    commonBaseExponent
  );
}

fn fp64_split_raw_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  if (fp64_u64_is_zero(magnitude)) {
    return vec2u(0u);
  }
  let highBits = fp64_make_f32_bits_from_u64(sign, magnitude, baseExponent);
  let rawLowBits = fp64_make_raw_residual_f32_bits(sign, magnitude, baseExponent, highBits);
  let lowBits = select(rawLowBits, 0u, (rawLowBits & 0x7fffffffu) == 0u);
  if ((highBits & 0x7fffffffu) == 0u && (lowBits & 0x7fffffffu) == 0u) {
    return vec2u(0u);
  }
  return vec2u(highBits, lowBits);
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
// Round an arithmetic accumulator to binary64 before splitting it. The
// aligned add/subtract paths retain three guard bits plus a sticky bit, which
// is sufficient for round-to-nearest-even at the binary64 boundary.
fn fp64_split_binary64_accumulator_bits(
  sign: u32,
  magnitude: vec2u,
  baseExponent: i32
) -> vec2u {
  if (fp64_u64_is_zero(magnitude)) {
    return vec2u(0u);
  }

  let mostSignificantBit = 63u - fp64_u64_count_leading_zeros(magnitude);
  let exponent = baseExponent + i32(mostSignificantBit);
  if (exponent > 1023) {
    return vec2u((sign << 31u) | 0x7f800000u, 0u);
  }

  var roundedMagnitude = magnitude;
  var roundedBaseExponent = baseExponent;
  if (exponent >= -1022) {
    if (mostSignificantBit > 52u) {
      let shift = mostSignificantBit - 52u;
      roundedMagnitude = fp64_round_shift_right(magnitude, shift);
      roundedBaseExponent = baseExponent + i32(shift);
    }
  } else {
    let shift = -1074 - baseExponent;
    if (shift > 0) {
      roundedMagnitude = fp64_round_shift_right(magnitude, u32(shift));
      roundedBaseExponent = -1074;
    }
  }

  if (fp64_u64_is_zero(roundedMagnitude)) {
    return vec2u(0u);
  }
  return fp64_split_raw_accumulator_bits(sign, roundedMagnitude, roundedBaseExponent);
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_add_raw_f32_bits(aBits: u32, bBits: u32) -> vec2u {
  let a = fp64_decode_raw_f32_bits(aBits);
  let b = fp64_decode_raw_f32_bits(bBits);

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf || b.isInf) {
    if (a.isInf && b.isInf && a.sign != b.sign) {
      return vec2u(0x7fc00000u, 0u);
    }
    return select(vec2u(bBits, 0u), vec2u(aBits, 0u), a.isInf);
  }
  if (a.isZero && b.isZero) {
    return vec2u(0u);
  }
  if (a.isZero) {
    return vec2u(bBits, 0u);
  }
  if (b.isZero) {
    return vec2u(aBits, 0u);
  }

  let exponentDifference = abs(a.baseExponent - b.baseExponent);
  if (exponentDifference > 25) {
    if (fp64_raw_f32_magnitude_compare(aBits, bBits) >= 0) {
      return vec2u(aBits, bBits);
    }
    return vec2u(bBits, aBits);
  }

  let commonBaseExponent = min(a.baseExponent, b.baseExponent);
  let aMagnitude = fp64_u64_shift_left(
    vec2u(0u, a.significand),
    u32(a.baseExponent - commonBaseExponent)
  );
  let bMagnitude = fp64_u64_shift_left(
    vec2u(0u, b.significand),
    u32(b.baseExponent - commonBaseExponent)
  );

  var resultSign = a.sign;
  var resultMagnitude: vec2u;
  if (a.sign == b.sign) {
    resultMagnitude = fp64_u64_add(aMagnitude, bMagnitude);
  } else {
    let comparison = fp64_u64_compare(aMagnitude, bMagnitude);
    if (comparison == 0) {
      return vec2u(0u);
    }
    if (comparison > 0) {
      resultMagnitude = fp64_u64_sub(aMagnitude, bMagnitude);
    } else {
      resultSign = b.sign;
      resultMagnitude = fp64_u64_sub(bMagnitude, aMagnitude);
    }
  }

  return fp64_split_raw_accumulator_bits(
    resultSign,
    resultMagnitude,
    commonBaseExponent
  );
}
#endif

#ifndef LUMA_FP64_F32_INPUT_ONLY
fn fp64_add_aligned_magnitudes_to_fp64_bits(
  sign: u32,
  larger: Fp64Bits,
  smaller: Fp64Bits
) -> vec2u {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_add(largeSignificand, smallSignificand);
  return fp64_split_binary64_accumulator_bits(
    sign,
    resultSignificand,
    larger.exponent - 55
  );
}

fn fp64_sub_aligned_magnitudes_to_fp64_bits(
  sign: u32,
  larger: Fp64Bits,
  smaller: Fp64Bits
) -> vec2u {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_sub(largeSignificand, smallSignificand);
  return fp64_split_binary64_accumulator_bits(
    sign,
    resultSignificand,
    larger.exponent - 55
  );
}

fn fp64_add_aligned_magnitudes_to_f32_bits(sign: u32, larger: Fp64Bits, smaller: Fp64Bits) -> u32 {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_add(largeSignificand, smallSignificand);
  return fp64_make_f32_bits_from_u64(sign, resultSignificand, larger.exponent - 55);
}

fn fp64_sub_aligned_magnitudes_to_f32_bits(sign: u32, larger: Fp64Bits, smaller: Fp64Bits) -> u32 {
  let largeSignificand = fp64_u64_shift_left(larger.significand, 3u);
  let smallSignificand = fp64_u64_shift_right_sticky(
    fp64_u64_shift_left(smaller.significand, 3u),
    u32(larger.exponent - smaller.exponent)
  );
  let resultSignificand = fp64_u64_sub(largeSignificand, smallSignificand);
  return fp64_make_f32_bits_from_u64(sign, resultSignificand, larger.exponent - 55);
}

// Subtract two raw binary64 values and round the exact result once to f32.
// The input words are canonical high/low words: .x contains sign/exponent/high
// fraction bits, and .y contains the low 32 fraction bits.
fn sub_fp64u32_to_f32_bits(aBits: vec2u, bBits: vec2u) -> u32 {
  let a = fp64_decode_bits(aBits);
  let b = fp64_decode_bits(bBits);
  let bSubtractionSign = b.sign ^ 1u;

  if (a.isNan || b.isNan) {
    return 0x7fc00000u;
  }
  if (a.isInf && b.isInf) {
    if (a.sign == bSubtractionSign) {
      return (a.sign << 31u) | 0x7f800000u;
    }
    return 0x7fc00000u;
  }
  if (a.isInf) {
    return (a.sign << 31u) | 0x7f800000u;
  }
  if (b.isInf) {
    return (bSubtractionSign << 31u) | 0x7f800000u;
  }
  if (a.isZero && b.isZero) {
    return select(0u, 0x80000000u, a.sign == 1u && b.sign == 0u);
  }

  let magnitudeComparison = fp64_finite_magnitude_compare(a, b);
  if (a.sign == bSubtractionSign) {
    if (magnitudeComparison >= 0) {
      return fp64_add_aligned_magnitudes_to_f32_bits(a.sign, a, b);
    }
    return fp64_add_aligned_magnitudes_to_f32_bits(a.sign, b, a);
  }

  if (magnitudeComparison == 0) {
    return 0u;
  }
  if (magnitudeComparison > 0) {
    return fp64_sub_aligned_magnitudes_to_f32_bits(a.sign, a, b);
  }
  return fp64_sub_aligned_magnitudes_to_f32_bits(bSubtractionSign, b, a);
}

fn sub_fp64u32_to_f32(aBits: vec2u, bBits: vec2u) -> f32 {
  return bitcast<f32>(sub_fp64u32_to_f32_bits(aBits, bBits));
}

// Subtract two raw binary64 values, round once to binary64, then split the
// result into normalized f32 limbs. Finite results must fit within the f32
// exponent range; larger magnitudes map to infinity and smaller magnitudes
// map to zero. The input words use canonical high/low word order.
fn sub_fp64u32_to_fp64_bits(aBits: vec2u, bBits: vec2u) -> vec2u {
  let a = fp64_decode_bits(aBits);
  let b = fp64_decode_bits(bBits);
  let bSubtractionSign = b.sign ^ 1u;

  if (a.isNan || b.isNan) {
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf && b.isInf) {
    if (a.sign == bSubtractionSign) {
      return vec2u((a.sign << 31u) | 0x7f800000u, 0u);
    }
    return vec2u(0x7fc00000u, 0u);
  }
  if (a.isInf) {
    return vec2u((a.sign << 31u) | 0x7f800000u, 0u);
  }
  if (b.isInf) {
    return vec2u((bSubtractionSign << 31u) | 0x7f800000u, 0u);
  }
  if (a.isZero && b.isZero) {
    return vec2u(0u);
  }

  let magnitudeComparison = fp64_finite_magnitude_compare(a, b);
  if (a.sign == bSubtractionSign) {
    if (magnitudeComparison >= 0) {
      return fp64_add_aligned_magnitudes_to_fp64_bits(a.sign, a, b);
    }
    return fp64_add_aligned_magnitudes_to_fp64_bits(a.sign, b, a);
  }

  if (magnitudeComparison == 0) {
    return vec2u(0u);
  }
  if (magnitudeComparison > 0) {
    return fp64_sub_aligned_magnitudes_to_fp64_bits(a.sign, a, b);
  }
  return fp64_sub_aligned_magnitudes_to_fp64_bits(bSubtractionSign, b, a);
}

fn sub_fp64u32_to_fp64(aBits: vec2u, bBits: vec2u) -> vec2f {
  let resultBits = sub_fp64u32_to_fp64_bits(aBits, bBits);
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_runtime_zero() -> f32 {
  return fp64arithmetic.ONE * 0.0;
}

fn prevent_fp64_optimization(value: f32) -> f32 {
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  return value + fp64_runtime_zero();
#else
  return value;
#endif
}
#endif

#ifdef LUMA_FP64_INTEGER_ARITHMETIC
${Dv}
#else
fn split(a: f32) -> vec2f {
  let splitValue = prevent_fp64_optimization(fp64arithmetic.SPLIT + fp64_runtime_zero());
  let t = prevent_fp64_optimization(a * splitValue);
  let temp = prevent_fp64_optimization(t - a);
  let aHi = prevent_fp64_optimization(t - temp);
  let aLo = prevent_fp64_optimization(a - aHi);
  return vec2f(aHi, aLo);
}

fn split2(a: vec2f) -> vec2f {
  var b = split(a.x);
  b.y = b.y + a.y;
  return b;
}

fn quickTwoSum(a: f32, b: f32) -> vec2f {
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let sum = prevent_fp64_optimization((a + b) * fp64arithmetic.ONE);
  let err = prevent_fp64_optimization(b - (sum - a) * fp64arithmetic.ONE);
#else
  let sum = prevent_fp64_optimization(a + b);
  let err = prevent_fp64_optimization(b - (sum - a));
#endif
  return vec2f(sum, err);
}

fn twoSum(a: f32, b: f32) -> vec2f {
  let s = prevent_fp64_optimization(a + b);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let v = prevent_fp64_optimization((s * fp64arithmetic.ONE - a) * fp64arithmetic.ONE);
  let err =
    prevent_fp64_optimization((a - (s - v) * fp64arithmetic.ONE) *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE) +
    prevent_fp64_optimization(b - v);
#else
  let v = prevent_fp64_optimization(s - a);
  let err = prevent_fp64_optimization(a - (s - v)) + prevent_fp64_optimization(b - v);
#endif
  return vec2f(s, err);
}

fn twoSub(a: f32, b: f32) -> vec2f {
  let s = prevent_fp64_optimization(a - b);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let v = prevent_fp64_optimization((s * fp64arithmetic.ONE - a) * fp64arithmetic.ONE);
  let err =
    prevent_fp64_optimization((a - (s - v) * fp64arithmetic.ONE) *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE *
      fp64arithmetic.ONE) -
    prevent_fp64_optimization(b + v);
#else
  let v = prevent_fp64_optimization(s - a);
  let err = prevent_fp64_optimization(a - (s - v)) - prevent_fp64_optimization(b + v);
#endif
  return vec2f(s, err);
}

fn twoSqr(a: f32) -> vec2f {
  let prod = prevent_fp64_optimization(a * a);
  let aFp64 = split(a);
  let highProduct = prevent_fp64_optimization(aFp64.x * aFp64.x);
  let crossProduct = prevent_fp64_optimization(2.0 * aFp64.x * aFp64.y);
  let lowProduct = prevent_fp64_optimization(aFp64.y * aFp64.y);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let err =
    (prevent_fp64_optimization(highProduct - prod) * fp64arithmetic.ONE +
      crossProduct * fp64arithmetic.ONE * fp64arithmetic.ONE) +
    lowProduct * fp64arithmetic.ONE * fp64arithmetic.ONE * fp64arithmetic.ONE;
#else
  let err = ((prevent_fp64_optimization(highProduct - prod) + crossProduct) + lowProduct);
#endif
  return vec2f(prod, err);
}

fn twoProd(a: f32, b: f32) -> vec2f {
  let prod = prevent_fp64_optimization(a * b);
  let aFp64 = split(a);
  let bFp64 = split(b);
  let highProduct = prevent_fp64_optimization(aFp64.x * bFp64.x);
  let crossProduct1 = prevent_fp64_optimization(aFp64.x * bFp64.y);
  let crossProduct2 = prevent_fp64_optimization(aFp64.y * bFp64.x);
  let lowProduct = prevent_fp64_optimization(aFp64.y * bFp64.y);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let err1 = (highProduct - prod) * fp64arithmetic.ONE;
  let err2 = crossProduct1 * fp64arithmetic.ONE * fp64arithmetic.ONE;
  let err3 = crossProduct2 * fp64arithmetic.ONE * fp64arithmetic.ONE * fp64arithmetic.ONE;
  let err4 =
    lowProduct *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE *
    fp64arithmetic.ONE;
#else
  let err1 = highProduct - prod;
  let err2 = crossProduct1;
  let err3 = crossProduct2;
  let err4 = lowProduct;
#endif
  let err12InputA = prevent_fp64_optimization(err1);
  let err12InputB = prevent_fp64_optimization(err2);
  let err12 = prevent_fp64_optimization(err12InputA + err12InputB);
  let err123InputA = prevent_fp64_optimization(err12);
  let err123InputB = prevent_fp64_optimization(err3);
  let err123 = prevent_fp64_optimization(err123InputA + err123InputB);
  let err1234InputA = prevent_fp64_optimization(err123);
  let err1234InputB = prevent_fp64_optimization(err4);
  let err = prevent_fp64_optimization(err1234InputA + err1234InputB);
  return vec2f(prod, err);
}

fn sum_fp64(a: vec2f, b: vec2f) -> vec2f {
  var s = twoSum(a.x, b.x);
  let t = twoSum(a.y, b.y);
  s.y = prevent_fp64_optimization(s.y + t.x);
  s = quickTwoSum(s.x, s.y);
  s.y = prevent_fp64_optimization(s.y + t.y);
  s = quickTwoSum(s.x, s.y);
  return s;
}

fn sub_fp64(a: vec2f, b: vec2f) -> vec2f {
  var s = twoSub(a.x, b.x);
  let t = twoSub(a.y, b.y);
  s.y = prevent_fp64_optimization(s.y + t.x);
  s = quickTwoSum(s.x, s.y);
  s.y = prevent_fp64_optimization(s.y + t.y);
  s = quickTwoSum(s.x, s.y);
  return s;
}

fn mul_fp64(a: vec2f, b: vec2f) -> vec2f {
  var prod = twoProd(a.x, b.x);
  let crossProduct1 = prevent_fp64_optimization(a.x * b.y);
  prod.y = prevent_fp64_optimization(prod.y + crossProduct1);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  let crossProduct2 = prevent_fp64_optimization(a.y * b.x);
  prod.y = prevent_fp64_optimization(prod.y + crossProduct2);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  prod = split2(prod);
#endif
  prod = quickTwoSum(prod.x, prod.y);
  return prod;
}

#ifndef LUMA_FP64_PREDICATE_ONLY
fn div_fp64(a: vec2f, b: vec2f) -> vec2f {
  let xn = prevent_fp64_optimization(1.0 / b.x);
  let yn = mul_fp64(a, vec2f(xn, fp64_runtime_zero()));
  let diff = prevent_fp64_optimization(sub_fp64(a, mul_fp64(b, yn)).x);
  let prod = twoProd(xn, diff);
  return sum_fp64(yn, prod);
}

fn sqrt_fp64(a: vec2f) -> vec2f {
  if (a.x == 0.0 && a.y == 0.0) {
    return vec2f(0.0, 0.0);
  }
  if (a.x < 0.0) {
    let nanValue = fp64_nan(a.x);
    return vec2f(nanValue, nanValue);
  }

  let x = prevent_fp64_optimization(1.0 / sqrt(a.x));
  let yn = prevent_fp64_optimization(a.x * x);
#ifdef LUMA_FP64_CODE_ELIMINATION_WORKAROUND
  let ynSqr = twoSqr(yn) * fp64arithmetic.ONE;
#else
  let ynSqr = twoSqr(yn);
#endif
  let diff = prevent_fp64_optimization(sub_fp64(a, ynSqr).x);
  let prod = twoProd(prevent_fp64_optimization(x * 0.5), diff);
#ifdef LUMA_FP64_HIGH_BITS_OVERFLOW_WORKAROUND
  return sum_fp64(split(yn), prod);
#else
  return sum_fp64(vec2f(yn, 0.0), prod);
#endif
}
#endif
#endif

#ifndef LUMA_FP64_PREDICATE_ONLY
fn fp64_f32_bits_is_nan(bits: u32) -> bool {
  return (bits & 0x7fffffffu) > 0x7f800000u;
}

fn fp64_f32_bits_is_inf(bits: u32) -> bool {
  return (bits & 0x7fffffffu) == 0x7f800000u;
}

fn fp64_compare_f32_bits(aBits: u32, bBits: u32) -> i32 {
  let aMagnitude = aBits & 0x7fffffffu;
  let bMagnitude = bBits & 0x7fffffffu;
  if (aMagnitude == 0u && bMagnitude == 0u) {
    return 0;
  }
  let aSign = aBits >> 31u;
  let bSign = bBits >> 31u;
  if (aSign != bSign) {
    return select(1, -1, aSign == 1u);
  }
  if (aMagnitude == bMagnitude) {
    return 0;
  }
  let magnitudeComparison = select(-1, 1, aMagnitude > bMagnitude);
  return select(magnitudeComparison, -magnitudeComparison, aSign == 1u);
}

// Normalize an arbitrary pair of finite f32 limbs with integer accumulation.
// This is independent of LUMA_FP64_INTEGER_ARITHMETIC and canonicalizes every
// representation of zero to vec2f(+0.0, +0.0).
fn normalize_fp64(value: vec2f) -> vec2f {
  let resultBits = fp64_add_raw_f32_bits(bitcast<u32>(value.x), bitcast<u32>(value.y));
  return vec2f(bitcast<f32>(resultBits.x), bitcast<f32>(resultBits.y));
}

fn is_nan_fp64(value: vec2f) -> bool {
  let normalized = normalize_fp64(value);
  return fp64_f32_bits_is_nan(bitcast<u32>(normalized.x)) ||
    fp64_f32_bits_is_nan(bitcast<u32>(normalized.y));
}

fn is_finite_fp64(value: vec2f) -> bool {
  let normalized = normalize_fp64(value);
  let highBits = bitcast<u32>(normalized.x);
  let lowBits = bitcast<u32>(normalized.y);
  return !fp64_f32_bits_is_nan(highBits) && !fp64_f32_bits_is_nan(lowBits) &&
    !fp64_f32_bits_is_inf(highBits) && !fp64_f32_bits_is_inf(lowBits);
}

// Returns -1, 0, or 1. NaN is unordered and returns 0; call is_nan_fp64 or
// is_finite_fp64 first when 0 must mean a finite zero.
fn sign_fp64(value: vec2f) -> i32 {
  let normalized = normalize_fp64(value);
  let highBits = bitcast<u32>(normalized.x);
  let lowBits = bitcast<u32>(normalized.y);
  if (fp64_f32_bits_is_nan(highBits) || fp64_f32_bits_is_nan(lowBits)) {
    return 0;
  }
  if ((highBits & 0x7fffffffu) != 0u) {
    return select(1, -1, (highBits >> 31u) == 1u);
  }
  if ((lowBits & 0x7fffffffu) != 0u) {
    return select(1, -1, (lowBits >> 31u) == 1u);
  }
  return 0;
}

// Compares double-single values and returns -1, 0, or 1. NaN is unordered
// and returns 0; callers that require equality semantics must first check
// is_nan_fp64 or is_finite_fp64.
fn compare_fp64(a: vec2f, b: vec2f) -> i32 {
  let normalizedA = normalize_fp64(a);
  let normalizedB = normalize_fp64(b);
  let aHighBits = bitcast<u32>(normalizedA.x);
  let aLowBits = bitcast<u32>(normalizedA.y);
  let bHighBits = bitcast<u32>(normalizedB.x);
  let bLowBits = bitcast<u32>(normalizedB.y);
  if (fp64_f32_bits_is_nan(aHighBits) || fp64_f32_bits_is_nan(aLowBits) ||
      fp64_f32_bits_is_nan(bHighBits) || fp64_f32_bits_is_nan(bLowBits)) {
    return 0;
  }
  let highComparison = fp64_compare_f32_bits(aHighBits, bHighBits);
  if (highComparison != 0) {
    return highComparison;
  }
  return fp64_compare_f32_bits(aLowBits, bLowBits);
}
#endif
`});var kO,mg,zv=b(()=>{Iv();Bv();Fv();kO={ONE:1,SPLIT:4097},mg={name:"fp64arithmetic",source:Nv,fs:gg,vs:gg,defaultUniforms:kO,uniformTypes:{ONE:"f32",SPLIT:"f32"},fp64ify:dg,fp64LowPart:Cv,fp64ifyMatrix4:Mv}});function Gv(r){return`layout(std140) uniform ${r}Uniforms {
  float useByteColors;
} ${r};

vec3 ${r}_normalize(vec3 inputColor) {
  return ${r}.useByteColors > 0.5 ? inputColor / 255.0 : inputColor;
}

vec4 ${r}_normalize(vec4 inputColor) {
  return ${r}.useByteColors > 0.5 ? inputColor / 255.0 : inputColor;
}

vec4 ${r}_premultiplyAlpha(vec4 inputColor) {
  return vec4(inputColor.rgb * inputColor.a, inputColor.a);
}

vec4 ${r}_unpremultiplyAlpha(vec4 inputColor) {
  return inputColor.a > 0.0 ? vec4(inputColor.rgb / inputColor.a, inputColor.a) : vec4(0.0);
}

vec4 ${r}_premultiply_alpha(vec4 inputColor) {
  return ${r}_premultiplyAlpha(inputColor);
}

vec4 ${r}_unpremultiply_alpha(vec4 inputColor) {
  return ${r}_unpremultiplyAlpha(inputColor);
}
`}function $v(r){return`struct ${r}Uniforms {
  useByteColors: f32
};

@group(0) @binding(auto) var<uniform> ${r} : ${r}Uniforms;

fn ${r}_normalize(inputColor: vec3<f32>) -> vec3<f32> {
  return select(inputColor, inputColor / 255.0, ${r}.useByteColors > 0.5);
}

fn ${r}_normalize4(inputColor: vec4<f32>) -> vec4<f32> {
  return select(inputColor, inputColor / 255.0, ${r}.useByteColors > 0.5);
}

fn ${r}_premultiplyAlpha(inputColor: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(inputColor.rgb * inputColor.a, inputColor.a);
}

fn ${r}_unpremultiplyAlpha(inputColor: vec4<f32>) -> vec4<f32> {
  return select(
    vec4<f32>(0.0),
    vec4<f32>(inputColor.rgb / inputColor.a, inputColor.a),
    inputColor.a > 0.0
  );
}

fn ${r}_premultiply_alpha(inputColor: vec4<f32>) -> vec4<f32> {
  return ${r}_premultiplyAlpha(inputColor);
}

fn ${r}_unpremultiply_alpha(inputColor: vec4<f32>) -> vec4<f32> {
  return ${r}_unpremultiplyAlpha(inputColor);
}
`}var yr,NO,FO,xY,bY,zO,UO,vY,wY,Uv,EY,GO,PY,Vv,Wv=b(()=>{yr={RGBA8UNORM:0,RGBA16FLOAT:1,RGBA32FLOAT:2},NO={rgba8unorm:4,rgba16float:8,rgba32float:16},FO={...NO},xY={rgba8unorm:yr.RGBA8UNORM,rgba16float:yr.RGBA16FLOAT,rgba32float:yr.RGBA32FLOAT},bY={[yr.RGBA8UNORM]:"rgba8unorm",[yr.RGBA16FLOAT]:"rgba16float",[yr.RGBA32FLOAT]:"rgba32float"},zO={useByteColors:"f32"},UO={useByteColors:!0},vY={format:yr.RGBA8UNORM,wordStride:FO.rgba8unorm/Uint32Array.BYTES_PER_ELEMENT,wordOffset:0,_padding:0},wY=Gv("colors"),Uv=Gv("floatColors"),EY=$v("colors"),GO=$v("floatColors"),PY=`struct storageColorsUniforms {
  format: u32,
  wordStride: u32,
  wordOffset: u32,
  _padding: u32
};

@group(0) @binding(auto) var<uniform> storageColors : storageColorsUniforms;
@group(0) @binding(auto) var<storage, read> storageColorsBuffer : array<u32>;

const STORAGE_COLOR_FORMAT_RGBA8UNORM : u32 = ${yr.RGBA8UNORM}u;
const STORAGE_COLOR_FORMAT_RGBA16FLOAT : u32 = ${yr.RGBA16FLOAT}u;

fn storageColors_getWordIndex(rowIndex: u32) -> u32 {
  return storageColors.wordOffset + rowIndex * storageColors.wordStride;
}

fn storageColors_readRgba8UnormColor(wordIndex: u32) -> vec4<f32> {
  return unpack4x8unorm(storageColorsBuffer[wordIndex]);
}

fn storageColors_readRgba16FloatColor(wordIndex: u32) -> vec4<f32> {
  let redGreen = unpack2x16float(storageColorsBuffer[wordIndex]);
  let blueAlpha = unpack2x16float(storageColorsBuffer[wordIndex + 1u]);
  return vec4<f32>(redGreen.x, redGreen.y, blueAlpha.x, blueAlpha.y);
}

fn storageColors_readRgba32FloatColor(wordIndex: u32) -> vec4<f32> {
  return vec4<f32>(
    bitcast<f32>(storageColorsBuffer[wordIndex]),
    bitcast<f32>(storageColorsBuffer[wordIndex + 1u]),
    bitcast<f32>(storageColorsBuffer[wordIndex + 2u]),
    bitcast<f32>(storageColorsBuffer[wordIndex + 3u])
  );
}

fn storageColors_readColor(rowIndex: u32) -> vec4<f32> {
  let wordIndex = storageColors_getWordIndex(rowIndex);
  if (storageColors.format == STORAGE_COLOR_FORMAT_RGBA8UNORM) {
    return storageColors_readRgba8UnormColor(wordIndex);
  }
  if (storageColors.format == STORAGE_COLOR_FORMAT_RGBA16FLOAT) {
    return storageColors_readRgba16FloatColor(wordIndex);
  }
  return storageColors_readRgba32FloatColor(wordIndex);
}
`;Vv={name:"floatColors",props:{},uniforms:{},vs:Uv,fs:Uv,source:GO,uniformTypes:zO,defaultUniforms:UO}});function jO(r={},e){let t={},n=ql(r.useByteColors,!0);if(r.highlightedObjectColor!==void 0)if(r.highlightedObjectColor===null)t.isHighlightActive=!1;else{t.isHighlightActive=!0;let i=r.highlightedObjectColor.slice(0,3);t.highlightedObjectColor=i}return r.highlightColor&&(t.highlightColor=Rv(r.highlightColor,n)),r.isActive!==void 0&&(t.isActive=!!r.isActive,t.isAttribute=!!r.isAttribute),r.useByteColors!==void 0&&(t.useByteColors=!!r.useByteColors),t}var $O,VO,WO,Yr,jv=b(()=>{pg();$O=[0,1,1,1],VO=`layout(std140) uniform pickingUniforms {
  float isActive;
  float isAttribute;
  float isHighlightActive;
  float useByteColors;
  vec3 highlightedObjectColor;
  vec4 highlightColor;
} picking;

out vec4 picking_vRGBcolor_Avalid;

// Normalize unsigned byte color to 0-1 range
vec3 picking_normalizeColor(vec3 color) {
  return picking.useByteColors > 0.5 ? color / 255.0 : color;
}

// Normalize unsigned byte color to 0-1 range
vec4 picking_normalizeColor(vec4 color) {
  return picking.useByteColors > 0.5 ? color / 255.0 : color;
}

bool picking_isColorZero(vec3 color) {
  return dot(color, vec3(1.0)) < 0.00001;
}

bool picking_isColorValid(vec3 color) {
  return dot(color, vec3(1.0)) > 0.00001;
}

// Check if this vertex is highlighted 
bool isVertexHighlighted(vec3 vertexColor) {
  vec3 highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
  return
    bool(picking.isHighlightActive) && picking_isColorZero(abs(vertexColor - highlightedObjectColor));
}

// Set the current picking color
void picking_setPickingColor(vec3 pickingColor) {
  pickingColor = picking_normalizeColor(pickingColor);

  if (bool(picking.isActive)) {
    // Use alpha as the validity flag. If pickingColor is [0, 0, 0] fragment is non-pickable
    picking_vRGBcolor_Avalid.a = float(picking_isColorValid(pickingColor));

    if (!bool(picking.isAttribute)) {
      // Stores the picking color so that the fragment shader can render it during picking
      picking_vRGBcolor_Avalid.rgb = pickingColor;
    }
  } else {
    // Do the comparison with selected item color in vertex shader as it should mean fewer compares
    picking_vRGBcolor_Avalid.a = float(isVertexHighlighted(pickingColor));
  }
}

void picking_setPickingAttribute(float value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.r = value;
  }
}

void picking_setPickingAttribute(vec2 value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.rg = value;
  }
}

void picking_setPickingAttribute(vec3 value) {
  if (bool(picking.isAttribute)) {
    picking_vRGBcolor_Avalid.rgb = value;
  }
}
`,WO=`layout(std140) uniform pickingUniforms {
  float isActive;
  float isAttribute;
  float isHighlightActive;
  float useByteColors;
  vec3 highlightedObjectColor;
  vec4 highlightColor;
} picking;

in vec4 picking_vRGBcolor_Avalid;

/*
 * Returns highlight color if this item is selected.
 */
vec4 picking_filterHighlightColor(vec4 color) {
  // If we are still picking, we don't highlight
  if (picking.isActive > 0.5) {
    return color;
  }

  bool selected = bool(picking_vRGBcolor_Avalid.a);

  if (selected) {
    // Blend in highlight color based on its alpha value
    float highLightAlpha = picking.highlightColor.a;
    float blendedAlpha = highLightAlpha + color.a * (1.0 - highLightAlpha);
    float highLightRatio = highLightAlpha / blendedAlpha;

    vec3 blendedRGB = mix(color.rgb, picking.highlightColor.rgb, highLightRatio);
    return vec4(blendedRGB, blendedAlpha);
  } else {
    return color;
  }
}

/*
 * Returns picking color if picking enabled else unmodified argument.
 */
vec4 picking_filterPickingColor(vec4 color) {
  if (bool(picking.isActive)) {
    if (picking_vRGBcolor_Avalid.a == 0.0) {
      discard;
    }
    return picking_vRGBcolor_Avalid;
  }
  return color;
}

/*
 * Returns picking color if picking is enabled if not
 * highlight color if this item is selected, otherwise unmodified argument.
 */
vec4 picking_filterColor(vec4 color) {
  vec4 highlightColor = picking_filterHighlightColor(color);
  return picking_filterPickingColor(highlightColor);
}
`,Yr={props:{},uniforms:{},name:"picking",uniformTypes:{isActive:"f32",isAttribute:"f32",isHighlightActive:"f32",useByteColors:"f32",highlightedObjectColor:"vec3<f32>",highlightColor:"vec4<f32>"},defaultUniforms:{isActive:!1,isAttribute:!1,isHighlightActive:!1,useByteColors:!0,highlightedObjectColor:[0,0,0],highlightColor:$O},vs:VO,fs:WO,getUniforms:jO}});var yg,Hv=b(()=>{yg=`precision highp int;

// #if (defined(SHADER_TYPE_FRAGMENT) && defined(LIGHTING_FRAGMENT)) || (defined(SHADER_TYPE_VERTEX) && defined(LIGHTING_VERTEX))
struct AmbientLight {
  vec3 color;
};

struct PointLight {
  vec3 color;
  vec3 position;
  vec3 attenuation; // 2nd order x:Constant-y:Linear-z:Exponential
};

struct SpotLight {
  vec3 color;
  vec3 position;
  vec3 direction;
  vec3 attenuation;
  vec2 coneCos;
};

struct DirectionalLight {
  vec3 color;
  vec3 direction;
};

struct UniformLight {
  vec3 color;
  vec3 position;
  vec3 direction;
  vec3 attenuation;
  vec2 coneCos;
};

layout(std140) uniform lightingUniforms {
  int enabled;
  int directionalLightCount;
  int pointLightCount;
  int spotLightCount;
  vec3 ambientColor;
  UniformLight lights[5];
} lighting;

PointLight lighting_getPointLight(int index) {
  UniformLight light = lighting.lights[index];
  return PointLight(light.color, light.position, light.attenuation);
}

SpotLight lighting_getSpotLight(int index) {
  UniformLight light = lighting.lights[lighting.pointLightCount + index];
  return SpotLight(light.color, light.position, light.direction, light.attenuation, light.coneCos);
}

DirectionalLight lighting_getDirectionalLight(int index) {
  UniformLight light =
    lighting.lights[lighting.pointLightCount + lighting.spotLightCount + index];
  return DirectionalLight(light.color, light.direction);
}

float getPointLightAttenuation(PointLight pointLight, float distance) {
  return pointLight.attenuation.x
       + pointLight.attenuation.y * distance
       + pointLight.attenuation.z * distance * distance;
}

float getSpotLightAttenuation(SpotLight spotLight, vec3 positionWorldspace) {
  vec3 light_direction = normalize(positionWorldspace - spotLight.position);
  float coneFactor = smoothstep(
    spotLight.coneCos.y,
    spotLight.coneCos.x,
    dot(normalize(spotLight.direction), light_direction)
  );
  float distanceAttenuation = getPointLightAttenuation(
    PointLight(spotLight.color, spotLight.position, spotLight.attenuation),
    distance(spotLight.position, positionWorldspace)
  );
  return distanceAttenuation / max(coneFactor, 0.0001);
}

// #endif
`});var Yv,qv=b(()=>{Yv=`// #if (defined(SHADER_TYPE_FRAGMENT) && defined(LIGHTING_FRAGMENT)) || (defined(SHADER_TYPE_VERTEX) && defined(LIGHTING_VERTEX))
const MAX_LIGHTS: i32 = 5;

struct AmbientLight {
  color: vec3<f32>,
};

struct PointLight {
  color: vec3<f32>,
  position: vec3<f32>,
  attenuation: vec3<f32>, // 2nd order x:Constant-y:Linear-z:Exponential
};

struct SpotLight {
  color: vec3<f32>,
  position: vec3<f32>,
  direction: vec3<f32>,
  attenuation: vec3<f32>,
  coneCos: vec2<f32>,
};

struct DirectionalLight {
  color: vec3<f32>,
  direction: vec3<f32>,
};

struct UniformLight {
  color: vec3<f32>,
  position: vec3<f32>,
  direction: vec3<f32>,
  attenuation: vec3<f32>,
  coneCos: vec2<f32>,
};

struct lightingUniforms {
  enabled: i32,
  directionalLightCount: i32,
  pointLightCount: i32,
  spotLightCount: i32,
  ambientColor: vec3<f32>,
  lights: array<UniformLight, 5>,
};

@group(2) @binding(auto) var<uniform> lighting : lightingUniforms;

fn lighting_getPointLight(index: i32) -> PointLight {
  let light = lighting.lights[index];
  return PointLight(light.color, light.position, light.attenuation);
}

fn lighting_getSpotLight(index: i32) -> SpotLight {
  let light = lighting.lights[lighting.pointLightCount + index];
  return SpotLight(light.color, light.position, light.direction, light.attenuation, light.coneCos);
}

fn lighting_getDirectionalLight(index: i32) -> DirectionalLight {
  let light = lighting.lights[lighting.pointLightCount + lighting.spotLightCount + index];
  return DirectionalLight(light.color, light.direction);
}

fn getPointLightAttenuation(pointLight: PointLight, distance: f32) -> f32 {
  return pointLight.attenuation.x
       + pointLight.attenuation.y * distance
       + pointLight.attenuation.z * distance * distance;
}

fn getSpotLightAttenuation(spotLight: SpotLight, positionWorldspace: vec3<f32>) -> f32 {
  let lightDirection = normalize(positionWorldspace - spotLight.position);
  let coneFactor = smoothstep(
    spotLight.coneCos.y,
    spotLight.coneCos.x,
    dot(normalize(spotLight.direction), lightDirection)
  );
  let distanceAttenuation = getPointLightAttenuation(
    PointLight(spotLight.color, spotLight.position, spotLight.attenuation),
    distance(spotLight.position, positionWorldspace)
  );
  return distanceAttenuation / max(coneFactor, 0.0001);
}
`});function YO(r,e={}){if(r=r&&{...r},!r)return Xl();r.lights&&(r={...r,...ZO(r.lights),lights:void 0});let{useByteColors:t,ambientLight:n,pointLights:i,spotLights:o,directionalLights:s}=r||{};if(!(n||i&&i.length>0||o&&o.length>0||s&&s.length>0))return{...Xl(),enabled:0};let c={...Xl(),...qO({useByteColors:t,ambientLight:n,pointLights:i,spotLights:o,directionalLights:s})};return r.enabled!==void 0&&(c.enabled=r.enabled?1:0),c}function qO({useByteColors:r,ambientLight:e,pointLights:t=[],spotLights:n=[],directionalLights:i=[]}){let o=Xv(),s=0,a=0,c=0,l=0;for(let f of t){if(s>=zn)break;o[s]={...o[s],color:Zl(f,r),position:f.position,attenuation:f.attenuation||[1,0,0]},s++,a++}for(let f of n){if(s>=zn)break;o[s]={...o[s],color:Zl(f,r),position:f.position,direction:f.direction,attenuation:f.attenuation||[1,0,0],coneCos:KO(f)},s++,c++}for(let f of i){if(s>=zn)break;o[s]={...o[s],color:Zl(f,r),direction:f.direction},s++,l++}return t.length+n.length+i.length>zn&&S.warn(`MAX_LIGHTS exceeded, truncating to ${zn}`)(),{ambientColor:Zl(e,r),directionalLightCount:l,pointLightCount:a,spotLightCount:c,lights:o}}function ZO(r){let e={pointLights:[],spotLights:[],directionalLights:[]};for(let t of r||[])switch(t.type){case"ambient":e.ambientLight=t;break;case"directional":e.directionalLights?.push(t);break;case"point":e.pointLights?.push(t);break;case"spot":e.spotLights?.push(t);break;default:}return e}function Zl(r={},e){let{color:t=[0,0,0],intensity:n=1}=r;return hg(t,ql(e,!0)).map(o=>o*n)}function Xl(){return{enabled:1,directionalLightCount:0,pointLightCount:0,spotLightCount:0,ambientColor:[.1,.1,.1],lights:Xv()}}function Xv(){return Array.from({length:zn},()=>XO())}function XO(){return{color:[1,1,1],position:[1,1,2],direction:[1,1,1],attenuation:[1,0,0],coneCos:[1,0]}}function KO(r){let e=r.innerConeAngle??0,t=r.outerConeAngle??Math.PI/4;return[Math.cos(e),Math.cos(t)]}var zn,HO,Zv,Kv=b(()=>{z();Hv();qv();pg();zn=5,HO={color:"vec3<f32>",position:"vec3<f32>",direction:"vec3<f32>",attenuation:"vec3<f32>",coneCos:"vec2<f32>"},Zv={props:{},uniforms:{},name:"lighting",defines:{},uniformTypes:{enabled:"i32",directionalLightCount:"i32",pointLightCount:"i32",spotLightCount:"i32",ambientColor:"vec3<f32>",lights:[HO,zn]},defaultUniforms:Xl(),bindingLayout:[{name:"lighting",group:2}],firstBindingSlot:0,source:Yv,vs:yg,fs:yg,getUniforms:YO}});var Qv,Jv,ew=b(()=>{Qv=`layout(std140) uniform phongMaterialUniforms {
  uniform bool unlit;
  uniform float ambient;
  uniform float diffuse;
  uniform float shininess;
  uniform vec3  specularColor;
} material;
`,Jv=`layout(std140) uniform phongMaterialUniforms {
  uniform bool unlit;
  uniform float ambient;
  uniform float diffuse;
  uniform float shininess;
  uniform vec3  specularColor;
} material;

vec3 lighting_getLightColor(vec3 surfaceColor, vec3 light_direction, vec3 view_direction, vec3 normal_worldspace, vec3 color) {
  vec3 halfway_direction = normalize(light_direction + view_direction);
  float lambertian = dot(light_direction, normal_worldspace);
  float specular = 0.0;
  if (lambertian > 0.0) {
    float specular_angle = max(dot(normal_worldspace, halfway_direction), 0.0);
    specular = pow(specular_angle, material.shininess);
  }
  lambertian = max(lambertian, 0.0);
  return (lambertian * material.diffuse * surfaceColor + specular * floatColors_normalize(material.specularColor)) * color;
}

vec3 lighting_getLightColor(vec3 surfaceColor, vec3 cameraPosition, vec3 position_worldspace, vec3 normal_worldspace) {
  vec3 lightColor = surfaceColor;

  if (material.unlit) {
    return surfaceColor;
  }

  if (lighting.enabled == 0) {
    return lightColor;
  }

  vec3 view_direction = normalize(cameraPosition - position_worldspace);
  lightColor = material.ambient * surfaceColor * lighting.ambientColor;

  for (int i = 0; i < lighting.pointLightCount; i++) {
    PointLight pointLight = lighting_getPointLight(i);
    vec3 light_position_worldspace = pointLight.position;
    vec3 light_direction = normalize(light_position_worldspace - position_worldspace);
    float light_attenuation = getPointLightAttenuation(pointLight, distance(light_position_worldspace, position_worldspace));
    lightColor += lighting_getLightColor(surfaceColor, light_direction, view_direction, normal_worldspace, pointLight.color / light_attenuation);
  }

  for (int i = 0; i < lighting.spotLightCount; i++) {
    SpotLight spotLight = lighting_getSpotLight(i);
    vec3 light_position_worldspace = spotLight.position;
    vec3 light_direction = normalize(light_position_worldspace - position_worldspace);
    float light_attenuation = getSpotLightAttenuation(spotLight, position_worldspace);
    lightColor += lighting_getLightColor(surfaceColor, light_direction, view_direction, normal_worldspace, spotLight.color / light_attenuation);
  }

  for (int i = 0; i < lighting.directionalLightCount; i++) {
    DirectionalLight directionalLight = lighting_getDirectionalLight(i);
    lightColor += lighting_getLightColor(surfaceColor, -directionalLight.direction, view_direction, normal_worldspace, directionalLight.color);
  }
  
  return lightColor;
}
`});var tw,rw=b(()=>{tw=`struct phongMaterialUniforms {
  unlit: u32,
  ambient: f32,
  diffuse: f32,
  shininess: f32,
  specularColor: vec3<f32>,
};

@group(3) @binding(auto) var<uniform> phongMaterial : phongMaterialUniforms;

fn lighting_getLightColor(surfaceColor: vec3<f32>, light_direction: vec3<f32>, view_direction: vec3<f32>, normal_worldspace: vec3<f32>, color: vec3<f32>) -> vec3<f32> {
  let halfway_direction: vec3<f32> = normalize(light_direction + view_direction);
  var lambertian: f32 = dot(light_direction, normal_worldspace);
  var specular: f32 = 0.0;
  if (lambertian > 0.0) {
    let specular_angle = max(dot(normal_worldspace, halfway_direction), 0.0);
    specular = pow(specular_angle, phongMaterial.shininess);
  }
  lambertian = max(lambertian, 0.0);
  return (
    lambertian * phongMaterial.diffuse * surfaceColor +
    specular * floatColors_normalize(phongMaterial.specularColor)
  ) * color;
}

fn lighting_getLightColor2(surfaceColor: vec3<f32>, cameraPosition: vec3<f32>, position_worldspace: vec3<f32>, normal_worldspace: vec3<f32>) -> vec3<f32> {
  var lightColor: vec3<f32> = surfaceColor;

  if (phongMaterial.unlit != 0u) {
    return surfaceColor;
  }

  if (lighting.enabled == 0) {
    return lightColor;
  }

  let view_direction: vec3<f32> = normalize(cameraPosition - position_worldspace);
  lightColor = phongMaterial.ambient * surfaceColor * lighting.ambientColor;

  for (var i: i32 = 0; i < lighting.pointLightCount; i++) {
    let pointLight: PointLight = lighting_getPointLight(i);
    let light_position_worldspace: vec3<f32> = pointLight.position;
    let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
    let light_attenuation = getPointLightAttenuation(
      pointLight,
      distance(light_position_worldspace, position_worldspace)
    );
    lightColor += lighting_getLightColor(
      surfaceColor,
      light_direction,
      view_direction,
      normal_worldspace,
      pointLight.color / light_attenuation
    );
  }

  for (var i: i32 = 0; i < lighting.spotLightCount; i++) {
    let spotLight: SpotLight = lighting_getSpotLight(i);
    let light_position_worldspace: vec3<f32> = spotLight.position;
    let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
    let light_attenuation = getSpotLightAttenuation(spotLight, position_worldspace);
    lightColor += lighting_getLightColor(
      surfaceColor,
      light_direction,
      view_direction,
      normal_worldspace,
      spotLight.color / light_attenuation
    );
  }

  for (var i: i32 = 0; i < lighting.directionalLightCount; i++) {
    let directionalLight: DirectionalLight = lighting_getDirectionalLight(i);
    lightColor += lighting_getLightColor(surfaceColor, -directionalLight.direction, view_direction, normal_worldspace, directionalLight.color);
  }  
  
  return lightColor;
}

fn lighting_getSpecularLightColor(cameraPosition: vec3<f32>, position_worldspace: vec3<f32>, normal_worldspace: vec3<f32>) -> vec3<f32>{
  var lightColor = vec3<f32>(0, 0, 0);
  let surfaceColor = vec3<f32>(0, 0, 0);

  if (lighting.enabled != 0) {
    let view_direction = normalize(cameraPosition - position_worldspace);

    for (var i: i32 = 0; i < lighting.pointLightCount; i++) {
      let pointLight: PointLight = lighting_getPointLight(i);
      let light_position_worldspace: vec3<f32> = pointLight.position;
      let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
      let light_attenuation = getPointLightAttenuation(
        pointLight,
        distance(light_position_worldspace, position_worldspace)
      );
      lightColor += lighting_getLightColor(
        surfaceColor,
        light_direction,
        view_direction,
        normal_worldspace,
        pointLight.color / light_attenuation
      );
    }

    for (var i: i32 = 0; i < lighting.spotLightCount; i++) {
      let spotLight: SpotLight = lighting_getSpotLight(i);
      let light_position_worldspace: vec3<f32> = spotLight.position;
      let light_direction: vec3<f32> = normalize(light_position_worldspace - position_worldspace);
      let light_attenuation = getSpotLightAttenuation(spotLight, position_worldspace);
      lightColor += lighting_getLightColor(
        surfaceColor,
        light_direction,
        view_direction,
        normal_worldspace,
        spotLight.color / light_attenuation
      );
    }

    for (var i: i32 = 0; i < lighting.directionalLightCount; i++) {
        let directionalLight: DirectionalLight = lighting_getDirectionalLight(i);
        lightColor += lighting_getLightColor(surfaceColor, -directionalLight.direction, view_direction, normal_worldspace, directionalLight.color);
    }
  }
  return lightColor;
}
`});var QO,Oi,nw=b(()=>{Wv();Kv();ew();rw();QO=[38.25,38.25,38.25],Oi={props:{},name:"gouraudMaterial",bindingLayout:[{name:"gouraudMaterial",group:3}],vs:Jv.replace("phongMaterial","gouraudMaterial"),fs:Qv.replace("phongMaterial","gouraudMaterial"),source:tw.replaceAll("phongMaterial","gouraudMaterial"),defines:{LIGHTING_VERTEX:!0},dependencies:[Zv,Vv],uniformTypes:{unlit:"i32",ambient:"f32",diffuse:"f32",shininess:"f32",specularColor:"vec3<f32>"},defaultUniforms:{unlit:!1,ambient:.35,diffuse:.6,shininess:32,specularColor:QO},getUniforms(r){return{...Oi.defaultUniforms,...r}}}});var He=b(()=>{Th();Fb();up();_0();b0();Ov();zv();jv();nw()});function tr(r="id"){zg[r]=zg[r]||1;let e=zg[r]++;return`${r}-${e}`}var zg,qi=b(()=>{zg={}});function Hn(r){switch(r){case"POSITION":return"positions";case"NORMAL":return"normals";case"TEXCOORD_0":return"texCoords";case"TEXCOORD_1":return"texCoords1";case"COLOR_0":return"colors";default:return r}}function qD(r){let e=[];for(let[t,n]of Object.entries(r)){if(!n)continue;let{value:i,size:o,normalized:s}=n;if(o===void 0)throw new Error(`Attribute ${t} is missing a size`);e.push({name:Hn(t),format:oe.getVertexFormatFromAttribute(i,o,s)})}return e}var Re,xf=b(()=>{z();qi();Re=class{constructor(e){h(this,"id");h(this,"topology");h(this,"vertexCount");h(this,"indices");h(this,"attributes");h(this,"bufferLayout");h(this,"userData",{});let{attributes:t={},indices:n=null,vertexCount:i=null}=e;this.id=e.id||tr("geometry"),this.topology=e.topology,n&&(this.indices=ArrayBuffer.isView(n)?{value:n,size:1}:n),this.attributes={};for(let[o,s]of Object.entries(t)){let a=ArrayBuffer.isView(s)?{value:s}:s;if(!ArrayBuffer.isView(a.value))throw new Error(`${this._print(o)}: must be typed array or object with value as typed array`);if((o==="POSITION"||o==="positions")&&!a.size&&(a.size=3),o==="indices"){if(this.indices)throw new Error("Multiple indices detected");this.indices=a}else{let c=Hn(o),l=Object.keys(this.attributes).find(f=>Hn(f)===c);l&&delete this.attributes[l],this.attributes[o]=a}}this.indices&&this.indices.isIndexed!==void 0&&(this.indices=Object.assign({},this.indices),delete this.indices.isIndexed),this.vertexCount=i||this._calculateVertexCount(this.attributes,this.indices),this.bufferLayout=e.bufferLayout||qD(this.attributes)}getVertexCount(){return this.vertexCount}getAttributes(){return this.indices?{indices:this.indices,...this.attributes}:this.attributes}_print(e){return`Geometry ${this.id} attribute ${e}`}_setAttributes(e,t){return this}_calculateVertexCount(e,t){if(t)return t.value.length;let n=1/0;for(let i of Object.values(e)){if(!i)continue;let{value:o,size:s,constant:a}=i;!a&&o&&s!==void 0&&s>=1&&(n=Math.min(n,o.length/s))}return n}}});function Qw(r,e={}){let t=e.bufferName||"geometry";if(ZD(r,t))return r;let n=e.minAttributeAlignment||4,i=XD(r,e.attributes),o=[],s=0,a=1/0;for(let[f,u]of i){if(!u)continue;if(u.constant)throw new Error(`Attribute ${f} is constant`);let{value:d,size:p,normalized:g}=u;if(!ArrayBuffer.isView(d))throw new Error(`Attribute ${f} is missing typed array data`);if(p===void 0)throw new Error(`Attribute ${f} is missing a size`);let m=oe.getVertexFormatFromAttribute(d,p,g),y=oe.getVertexFormatInfo(m);s=Kw(s,n),o.push({sourceName:f,attributeName:Hn(f),value:d,size:p,format:m,byteOffset:s,byteLength:y.byteLength}),s+=y.byteLength;let x=d.length/p;if(!Number.isInteger(x))throw new Error(`Attribute ${f} length is not divisible by size`);a=Math.min(a,x)}if(o.length===0||!Number.isFinite(a))throw new Error(`Geometry ${r.id} has no interleavable attributes`);let c=Kw(s,n),l=new ArrayBuffer(a*c);for(let f of o)KD(l,a,c,f);return new Re({id:r.id,topology:r.topology||"triangle-list",vertexCount:r.vertexCount,indices:r.indices,attributes:{[t]:{value:new Uint8Array(l),size:c,byteStride:c}},bufferLayout:[{name:t,stepMode:"vertex",byteStride:c,attributes:o.map(f=>({attribute:f.attributeName,format:f.format,byteOffset:f.byteOffset}))}]})}function ZD(r,e){if(r.bufferLayout.length!==1)return!1;let t=r.bufferLayout[0];return t.name===e&&!!t.attributes?.length&&!!r.attributes[e]}function XD(r,e){return e?e.map(t=>[t,r.attributes[t]]):Object.entries(r.attributes)}function KD(r,e,t,n){let i=n.value.constructor,o=i.BYTES_PER_ELEMENT;if(n.byteOffset%o!==0||t%o!==0)throw new Error(`Attribute ${n.sourceName} is not aligned to its component type`);let s=new i(r),a=n.value,c=n.byteOffset/o,l=t/o;for(let f=0;f<e;f++){let u=f*n.size,d=f*l+c;for(let p=0;p<n.size;p++)s[d+p]=a[u+p]}}function Kw(r,e){return Math.ceil(r/e)*e}var Jw=b(()=>{z();xf()});var QD,JD,Yn,eE=b(()=>{QD=1,JD=1,Yn=class{constructor(){h(this,"time",0);h(this,"channels",new Map);h(this,"animations",new Map);h(this,"playing",!1);h(this,"lastEngineTime",-1)}addChannel(e){let{delay:t=0,duration:n=Number.POSITIVE_INFINITY,rate:i=1,repeat:o=1}=e,s=QD++,a={time:0,delay:t,duration:n,rate:i,repeat:o};return this._setChannelTime(a,this.time),this.channels.set(s,a),s}removeChannel(e){this.channels.delete(e);for(let[t,n]of this.animations)n.channel===e&&this.detachAnimation(t)}isFinished(e){let t=this.channels.get(e);return t===void 0?!1:this.time>=t.delay+t.duration*t.repeat}getTime(e){if(e===void 0)return this.time;let t=this.channels.get(e);return t===void 0?-1:t.time}setTime(e){this.time=Math.max(0,e);let t=this.channels.values();for(let i of t)this._setChannelTime(i,this.time);let n=this.animations.values();for(let i of n){let{animation:o,channel:s}=i;o.setTime(this.getTime(s))}}play(){this.playing=!0}pause(){this.playing=!1,this.lastEngineTime=-1}reset(){this.setTime(0)}attachAnimation(e,t){let n=JD++;return this.animations.set(n,{animation:e,channel:t}),e.setTime(this.getTime(t)),n}detachAnimation(e){this.animations.delete(e)}update(e){this.playing&&(this.lastEngineTime===-1&&(this.lastEngineTime=e),this.setTime(this.time+(e-this.lastEngineTime)),this.lastEngineTime=e)}_setChannelTime(e,t){let n=t-e.delay,i=e.duration*e.repeat;n>=i?e.time=e.duration*e.rate:(e.time=Math.max(0,n)%e.duration,e.time*=e.rate)}}});function tE(r){let e=typeof window<"u"?window.requestAnimationFrame||window.webkitRequestAnimationFrame||window.mozRequestAnimationFrame:null;return e?e.call(window,r):setTimeout(()=>r(typeof performance<"u"?performance.now():Date.now()),1e3/60)}function rE(r){let e=typeof window<"u"?window.cancelAnimationFrame||window.webkitCancelAnimationFrame||window.mozCancelAnimationFrame:null;if(e){e.call(window,r);return}clearTimeout(r)}var nE=b(()=>{});var e4,t4,iE,$s,Vs,oE=b(()=>{z();nE();Do();e4=0,t4="Animation Loop",iE={requestAnimationFrame:r=>tE(r),cancelAnimationFrame:r=>rE(r)},$s=class $s{constructor(e){h(this,"device",null);h(this,"canvas",null);h(this,"props");h(this,"animationProps",null);h(this,"timeline",null);h(this,"stats");h(this,"sharedStats");h(this,"cpuTime");h(this,"gpuTime");h(this,"frameRate");h(this,"display");h(this,"_needsRedraw","initialized");h(this,"_initialized",!1);h(this,"_running",!1);h(this,"_animationFrameId",null);h(this,"_nextFramePromise",null);h(this,"_resolveNextFrame",null);h(this,"_cpuStartTime",0);h(this,"_error",null);h(this,"_lastFrameTime",0);if(this.props={...$s.defaultAnimationLoopProps,...e},e=this.props,!e.device)throw new Error("No device provided");this.stats=e.stats||new ft({id:`animation-loop-${e4++}`}),this.sharedStats=xi.stats.get(t4),this.frameRate=this.stats.get("Frame Rate"),this.frameRate.setSampleSize(1),this.cpuTime=this.stats.get("CPU Time"),this.gpuTime=this.stats.get("GPU Time"),this.setProps({autoResizeViewport:e.autoResizeViewport,animationFrameProvider:e.animationFrameProvider}),this.start=this.start.bind(this),this.stop=this.stop.bind(this),this._onMousemove=this._onMousemove.bind(this),this._onMouseleave=this._onMouseleave.bind(this)}destroy(){this.stop(),this._setDisplay(null),this.device?._disableDebugGPUTime()}delete(){this.destroy()}reportError(e){this._error=e,this.props.onError(e),this.props.onError===$s.defaultAnimationLoopProps.onError&&typeof window<"u"&&typeof ErrorEvent<"u"&&window.dispatchEvent(new ErrorEvent("error",{error:e,message:e.message}))}setNeedsRedraw(e){return this._needsRedraw=this._needsRedraw||e,this}needsRedraw(){let e=this._needsRedraw;return this._needsRedraw=!1,e}setProps(e){if("autoResizeViewport"in e&&(this.props.autoResizeViewport=e.autoResizeViewport||!1),"animationFrameProvider"in e){let t=e.animationFrameProvider||iE;if(t!==this.props.animationFrameProvider){let n=this._animationFrameId!==null;n&&this._cancelAnimationFrame(),this.props.animationFrameProvider=t,n&&this._requestAnimationFrame()}}return this}async start(){if(this._running)return this;this._running=!0;try{let e;if(!this._initialized){if(this._initialized=!0,await this._initDevice(),this._initialize(),!this._running)return null;await this.props.onInitialize(this._getAnimationProps())}return this._running?(e!==!1&&(this._cancelAnimationFrame(),this._requestAnimationFrame()),this):null}catch(e){let t=e instanceof Error?e:new Error("Unknown error");throw this.props.onError(t),t}}stop(){if(this._running){let e=this.animationProps;this._cancelAnimationFrame(),this._nextFramePromise=null,this._resolveNextFrame=null,this._running=!1,this._lastFrameTime=0,e&&this.props.onFinalize(e)}return this}redraw(e,t=null){return this.device?.isLost||this._error?this:(this._beginFrameTimers(e),this._setupFrame(),this.animationProps&&(this.animationProps.animationFrame=t),this._updateAnimationProps(),this._renderFrame(this._getAnimationProps()),this._clearNeedsRedraw(),this._resolveNextFrame&&(this._resolveNextFrame(this),this._nextFramePromise=null,this._resolveNextFrame=null),this._endFrameTimers(),this)}attachTimeline(e){return this.timeline=e,this.timeline}detachTimeline(){this.timeline=null}waitForRender(){return this.setNeedsRedraw("waitForRender"),this._nextFramePromise||(this._nextFramePromise=new Promise(e=>{this._resolveNextFrame=e})),this._nextFramePromise}async toDataURL(){if(this.setNeedsRedraw("toDataURL"),await this.waitForRender(),this.canvas instanceof HTMLCanvasElement)return this.canvas.toDataURL();throw new Error("OffscreenCanvas")}_initialize(){this._startEventHandling(),this._initializeAnimationProps(),this._updateAnimationProps(),this._resizeViewport(),this.device?._enableDebugGPUTime()}_setDisplay(e){this.display&&(this.display.destroy(),this.display.animationLoop=null),e&&(e.animationLoop=this),this.display=e}_requestAnimationFrame(){this._running&&(this._animationFrameId=this.props.animationFrameProvider.requestAnimationFrame(this._animationFrame.bind(this)))}_cancelAnimationFrame(){this._animationFrameId!==null&&(this.props.animationFrameProvider.cancelAnimationFrame(this._animationFrameId),this._animationFrameId=null)}_animationFrame(e,t){if(this._running)try{this.redraw(e,t??null),this._requestAnimationFrame()}catch(n){let i=n instanceof Error?n:new Error(String(n));this.reportError(i),this.stop()}}_renderFrame(e){if(this.display){this.display._renderFrame(e);return}let t=this.props.onRender(this._getAnimationProps());this.device&&t!==!1&&this.device.submit()}_clearNeedsRedraw(){this._needsRedraw=!1}_setupFrame(){this._resizeViewport()}_initializeAnimationProps(){let e=this.device?.getDefaultCanvasContext();if(!this.device||!e)throw new Error("loop");let t=e?.canvas,n=e.props.useDevicePixels;this.animationProps={animationLoop:this,device:this.device,canvasContext:e,canvas:t,useDevicePixels:n,timeline:this.timeline,needsRedraw:!1,width:1,height:1,aspect:1,time:0,startTime:Date.now(),engineTime:0,tick:0,tock:0,animationFrame:null,_mousePosition:null}}_getAnimationProps(){if(!this.animationProps)throw new Error("animationProps");return this.animationProps}_updateAnimationProps(){if(!this.animationProps)return;let{width:e,height:t,aspect:n}=this._getSizeAndAspect();(e!==this.animationProps.width||t!==this.animationProps.height)&&this.setNeedsRedraw("drawing buffer resized"),n!==this.animationProps.aspect&&this.setNeedsRedraw("drawing buffer aspect changed"),this.animationProps.width=e,this.animationProps.height=t,this.animationProps.aspect=n,this.animationProps.needsRedraw=this._needsRedraw,this.animationProps.engineTime=Date.now()-this.animationProps.startTime,this.timeline&&this.timeline.update(this.animationProps.engineTime),this.animationProps.tick=Math.floor(this.animationProps.time/1e3*60),this.animationProps.tock++,this.animationProps.time=this.timeline?this.timeline.getTime():this.animationProps.engineTime}async _initDevice(){if(this.device=await this.props.device,!this.device)throw new Error("No device provided");this.canvas=this.device.getDefaultCanvasContext().canvas||null}_createInfoDiv(){if(this.canvas&&this.props.onAddHTML){let e=document.createElement("div");document.body.appendChild(e),e.style.position="relative";let t=document.createElement("div");t.style.position="absolute",t.style.left="10px",t.style.bottom="10px",t.style.width="300px",t.style.background="white",this.canvas instanceof HTMLCanvasElement&&e.appendChild(this.canvas),e.appendChild(t);let n=this.props.onAddHTML(t);n&&(t.innerHTML=n)}}_getSizeAndAspect(){if(!this.device)return{width:1,height:1,aspect:1};let[e,t]=this.device.getDefaultCanvasContext().getDrawingBufferSize(),n=e>0&&t>0?e/t:1;return{width:e,height:t,aspect:n}}_resizeViewport(){this.props.autoResizeViewport&&this.device.gl&&this.device.gl.viewport(0,0,this.device.gl.drawingBufferWidth,this.device.gl.drawingBufferHeight)}_beginFrameTimers(e){let t=e??(typeof performance<"u"?performance.now():Date.now());if(this._lastFrameTime){let n=t-this._lastFrameTime;n>0&&this.frameRate.addTime(n)}this._lastFrameTime=t,this.device?._isDebugGPUTimeEnabled()&&this._consumeEncodedGpuTime(),this.cpuTime.timeStart()}_endFrameTimers(){this.device?._isDebugGPUTimeEnabled()&&this._consumeEncodedGpuTime(),this.cpuTime.timeEnd(),this._updateSharedStats()}_consumeEncodedGpuTime(){if(!this.device)return;let e=this.device.commandEncoder._gpuTimeMs;e!==void 0&&(this.gpuTime.addTime(e),this.device.commandEncoder._gpuTimeMs=void 0)}_updateSharedStats(){if(this.stats!==this.sharedStats){for(let e of Object.keys(this.sharedStats.stats))this.stats.stats[e]||delete this.sharedStats.stats[e];this.stats.forEach(e=>{let t=this.sharedStats.get(e.name,e.type);t.sampleSize=e.sampleSize,t.time=e.time,t.count=e.count,t.samples=e.samples,t.lastTiming=e.lastTiming,t.lastSampleTime=e.lastSampleTime,t.lastSampleCount=e.lastSampleCount,t._count=e._count,t._time=e._time,t._samples=e._samples,t._startTime=e._startTime,t._timerPending=e._timerPending})}}_startEventHandling(){this.canvas&&(this.canvas.addEventListener("mousemove",this._onMousemove.bind(this)),this.canvas.addEventListener("mouseleave",this._onMouseleave.bind(this)))}_onMousemove(e){e instanceof MouseEvent&&(this._getAnimationProps()._mousePosition=[e.offsetX,e.offsetY])}_onMouseleave(e){this._getAnimationProps()._mousePosition=null}};h($s,"defaultAnimationLoopProps",{device:null,onAddHTML:()=>"",onInitialize:async()=>null,onRender:()=>{},onFinalize:()=>{},onError:e=>{console.error(e)},stats:void 0,autoResizeViewport:!1,animationFrameProvider:iE});Vs=$s});function sE(r,e){if(e instanceof bf)return e;let t=Qw(e),n=r4(r,t),{attributes:i,bufferLayout:o}=n4(r,t);return new bf({topology:t.topology||"triangle-list",bufferLayout:o,vertexCount:t.vertexCount,indices:n,attributes:i})}function r4(r,e){if(!e.indices)return;let t=e.indices.value;return r.createBuffer({usage:V.INDEX,data:t})}function n4(r,e){let t={};for(let[n,i]of Object.entries(e.attributes)){let o=e.bufferLayout.find(s=>s.name===n)?.name||Hn(n);i&&(t[o]=r.createBuffer({data:i.value,id:`${n}-buffer`}))}return{attributes:t,bufferLayout:e.bufferLayout,vertexCount:e.vertexCount}}var bf,aE=b(()=>{z();xf();Jw();qi();bf=class{constructor(e){h(this,"id");h(this,"userData",{});h(this,"topology");h(this,"bufferLayout",[]);h(this,"vertexCount");h(this,"indices");h(this,"attributes");if(this.id=e.id||tr("geometry"),this.topology=e.topology,this.indices=e.indices||null,this.attributes=e.attributes,this.vertexCount=e.vertexCount,this.bufferLayout=e.bufferLayout||[],this.indices&&!(this.indices.usage&V.INDEX))throw new Error("Index buffer must have INDEX usage")}destroy(){this.indices?.destroy();for(let e of Object.values(this.attributes))e.destroy()}getVertexCount(){return this.vertexCount}getAttributes(){return this.attributes}getIndexes(){return this.indices||null}_calculateVertexCount(e){return e.byteLength/12}}});function cE(r,e){let t={},n="Values";if(r.attributes.length===0&&!r.varyings?.length)return{"No attributes or varyings":{[n]:"N/A"}};for(let i of r.attributes)if(i){let o=`${i.location} ${i.name}: ${i.type}`;t[`in ${o}`]={[n]:i.stepMode||"vertex"}}for(let i of r.varyings||[]){let o=`${i.location} ${i.name}`;t[`out ${o}`]={[n]:JSON.stringify(i)}}return t}var lE=b(()=>{});function uE(r,e,t){if(r.device.type!=="webgl")return;let n=s4(r.device);if(!n.flushing){if(c4(r)){i4(r,t,n);return}e&&a4(e)&&e.handle!==null&&(n.queuedFramebuffers.includes(e)||n.queuedFramebuffers.push(e))}}function i4(r,e,t){if(t.queuedFramebuffers.length===0)return;let n=r.device,{gl:i}=n,o=i.getParameter(36010),s=i.getParameter(36006),[a,c]=r.device.getDefaultCanvasContext().getDrawingBufferSize(),l=fE(e.top,8),f=fE(e.left,8);t.flushing=!0;try{for(let u of t.queuedFramebuffers){let[d,p,g,m,y]=o4({framebuffer:u,targetWidth:a,targetHeight:c,topPx:l,leftPx:f,minimap:e.minimap});i.bindFramebuffer(36008,u.handle),i.bindFramebuffer(36009,null),i.blitFramebuffer(0,0,u.width,u.height,d,p,g,m,16384,9728),l+=y+8}}finally{i.bindFramebuffer(36008,o),i.bindFramebuffer(36009,s),t.flushing=!1}}function o4(r){let{framebuffer:e,targetWidth:t,targetHeight:n,topPx:i,leftPx:o,minimap:s}=r,a=s?Math.max(Math.floor(t/4),1):t,c=s?Math.max(Math.floor(n/4),1):n,l=Math.min(a/e.width,c/e.height),f=Math.max(Math.floor(e.width*l),1),u=Math.max(Math.floor(e.height*l),1),d=o,p=Math.max(n-i-u,0),g=d+f,m=p+u;return[d,p,g,m,u]}function s4(r){var e;return(e=r.userData)[vf]||(e[vf]={flushing:!1,queuedFramebuffers:[]}),r.userData[vf]}function a4(r){return"colorAttachments"in r}function c4(r){let e=r.props.framebuffer;return!e||e.handle===null}function fE(r,e){if(!r)return e;let t=Number.parseInt(r,10);return Number.isFinite(t)?t:e}var vf,dE=b(()=>{vf="__debugFramebufferState"});function Zi(r,e,t){if(r===e)return!0;if(!t||!r||!e)return!1;if(Array.isArray(r)){if(!Array.isArray(e)||r.length!==e.length)return!1;for(let n=0;n<r.length;n++)if(!Zi(r[n],e[n],t-1))return!1;return!0}if(Array.isArray(e))return!1;if(typeof r=="object"&&typeof e=="object"){let n=Object.keys(r),i=Object.keys(e);if(n.length!==i.length)return!1;for(let o of n)if(!e.hasOwnProperty(o)||!Zi(r[o],e[o],t-1))return!1;return!0}return!1}var hE=b(()=>{});var Xi,pE=b(()=>{z();Xi=class{constructor(e){h(this,"bufferLayouts");this.bufferLayouts=e}getBufferLayout(e){return this.bufferLayouts.find(t=>t.name===e)||null}getAttributeNamesForBuffer(e){return Ti(e)}mergeBufferLayouts(e,t){let n=[...e];for(let i of t){let o=n.findIndex(s=>s.name===i.name);o<0?n.push(i):n[o]=i}return n}}});function gE(r,e){let t=sp(r),n=e.slice();return n.sort((i,o)=>{let s=Ll(Ti(i).map(c=>t[c])),a=Ll(Ti(o).map(c=>t[c]));return s-a}),n}var mE=b(()=>{z()});function Ki(r,e){if(!r||!e.some(n=>n.bindingLayout?.length))return r;let t={...r,bindings:r.bindings.map(n=>({...n}))};"attributes"in(r||{})&&(t.attributes=r?.attributes||[]);for(let n of e)for(let i of n.bindingLayout||[])for(let o of l4(i.name)){let s=t.bindings.find(a=>a.name===o);s?.group===0&&(s.group=i.group),s&&i.visibility!==void 0&&(s.visibility=i.visibility)}return t}function yE(r,e,t=[]){return r?e?{...r,attributes:r.attributes.length?d4(r.attributes,e.attributes.filter(n=>t.includes(n.name))):e.attributes,bindings:u4(r.bindings,e.bindings)}:r:e}function Ws(r){return!!(r.uniformTypes&&!f4(r.uniformTypes))}function _E(r){let e=[];for(let t of r){let n=ms(t),i=new Set([t.vs,t.fs].flatMap(s=>s?ys(s).filter(a=>a.isStd140).map(a=>a.blockName):[])),o=i.has(n)?n:i.size===1?i.values().next().value:void 0;Ws(t)&&o&&e.push({name:o,uniformTypes:t.uniformTypes})}return e}function wf(r,e){let t=[],n=new Set;for(let i of[...r||[],...e||[]])n.has(i.name)||(n.add(i.name),t.push(i));return t}function l4(r){let e=new Set([r,`${r}Uniforms`]);return r.endsWith("Uniforms")||e.add(`${r}Sampler`),[...e]}function f4(r){for(let e in r)return!1;return!0}function u4(r,e){let t=r.map(o=>({...o})),n=new Set(r.map(o=>o.name)),i=new Set(r.map(o=>`${o.group}:${o.location}`));for(let o of e){let s=`${o.group}:${o.location}`;!n.has(o.name)&&!i.has(s)&&t.push({...o})}return t}function d4(r,e){let t=r.map(o=>({...o})),n=new Map(r.map(o=>[o.name,o])),i=new Map(r.map(o=>[o.location,o]));for(let o of e){let s=n.get(o.name);if(s){if(s.type!==o.type||s.location!==o.location)throw new Error(`Shader attribute "${o.name}" conflicts with its inferred type or location`);continue}let a=i.get(o.location);if(a)throw new Error(`Shader attributes "${a.name}" and "${o.name}" both use location ${o.location}`);t.push({...o})}return t}var Ug=b(()=>{He()});function h4(r){return $o(r)||typeof r=="number"||typeof r=="boolean"}function xE(r,e={}){let t={bindings:{},uniforms:{}};return Object.keys(r).forEach(n=>{let i=r[n];Object.prototype.hasOwnProperty.call(e,n)||h4(i)?t.uniforms[n]=i:t.bindings[n]=i}),t}var bE=b(()=>{ch()});function vE(r={},e={},t={}){let n={...r};for(let[i,o]of Object.entries(e))o!==void 0&&(n[i]=Gg(r[i],o,t[i]));return n}function Gg(r,e,t){if(!t||typeof t=="string")return js(e);if(Array.isArray(t)){if($g(e)||!Array.isArray(e))return js(e);let s=Array.isArray(r)&&!$g(r)?[...r]:[],a=s.slice();for(let c=0;c<e.length;c++){let l=e[c];l!==void 0&&(a[c]=Gg(s[c],l,t[0]))}return a}if(!Vg(e))return js(e);let n=t,i=Vg(r)?r:{},o={...i};for(let[s,a]of Object.entries(e))a!==void 0&&(o[s]=Gg(i[s],a,n[s]));return o}function js(r){return ArrayBuffer.isView(r)?Array.prototype.slice.call(r):Array.isArray(r)?$g(r)?r.slice():r.map(t=>t===void 0?void 0:js(t)):Vg(r)?Object.fromEntries(Object.entries(r).map(([e,t])=>[e,t===void 0?void 0:js(t)])):r}function $g(r){return ArrayBuffer.isView(r)||Array.isArray(r)&&(r.length===0||typeof r[0]=="number")}function Vg(r){return!!r&&typeof r=="object"&&!Array.isArray(r)&&!ArrayBuffer.isView(r)}function p4(r){return!!r?.dependencies}var Qi,Wg=b(()=>{z();He();bE();Qi=class{constructor(e,t){h(this,"options",{disableWarnings:!1});h(this,"modules");h(this,"moduleUniforms");h(this,"moduleBindings");h(this,"directBindings",{});Object.assign(this.options,t);let n=yn(Object.values(e).filter(p4));for(let i of n)e[i.name]=i;S.log(1,"Creating ShaderInputs with modules",Object.keys(e))(),this.modules=e,this.moduleUniforms={},this.moduleBindings={};for(let[i,o]of Object.entries(e))o&&(this._addModule(o),o.name&&i!==o.name&&!this.options.disableWarnings&&S.warn(`Module name: ${i} vs ${o.name}`)())}destroy(){}setProps(e){e.bindings&&Object.assign(this.directBindings,e.bindings);for(let t of Object.keys(e)){if(t==="bindings")continue;let n=t,i=e[n]||{},o=this.modules[n];if(!o)this.options.disableWarnings||S.warn(`Module ${t} not found`)();else{let s=this.moduleUniforms[n],a=this.moduleBindings[n],c=o.getUniforms?.(i,s)||i,{uniforms:l,bindings:f}=xE(c,o.uniformTypes);this.moduleUniforms[n]=vE(s,l,o.uniformTypes),this.moduleBindings[n]={...a,...f}}}}getModules(){return Object.values(this.modules)}addModules(e){let t=yn(e);for(let n of t){let i=n.name;this.modules[i]||(this.modules[i]=n,this._addModule(n))}}getUniformValues(){return this.moduleUniforms}getBindingValues(){let e={};for(let t of Object.values(this.moduleBindings))Object.assign(e,t);return Object.assign(e,this.directBindings),e}getModuleBindingValues(e){let t=this.moduleBindings[e];return t?{...t}:{}}getDebugTable(){let e={};for(let[t,n]of Object.entries(this.moduleUniforms))for(let[i,o]of Object.entries(n))e[`${t}.${i}`]={type:this.modules[t].uniformTypes?.[i],value:String(o)};return e}_addModule(e){let t=e.name;this.moduleUniforms[t]=vE({},e.defaultUniforms||{},e.uniformTypes),this.moduleBindings[t]={}}}});function jg(r){return r!==null&&typeof r=="object"&&"buffer"in r}function m4(r){return r instanceof Oe?r.buffer:r}function wE(r){return{buffer:m4(r.buffer),offset:r.offset,size:r.size}}var g4,Oe,Hg=b(()=>{z();qi();g4=V.DEBUG_DATA_MAX_LENGTH,Oe=class{constructor(e,t){h(this,"device");h(this,"id");h(this,"ready");h(this,"usage");h(this,"props");h(this,"isReady",!0);h(this,"destroyed",!1);h(this,"generation",0);h(this,"updateTimestamp");h(this,"debugData",new ArrayBuffer(0));h(this,"_debugDataEnabled");h(this,"_maxDebugDataByteLength");h(this,"_ownsBuffer");h(this,"_buffer");let{debugData:n=!1,buffer:i,ownsBuffer:o=!0,...s}=t;if(i&&i.device!==e)throw new Error("DynamicBuffer adopted buffers must belong to the supplied device");if(i&&(s.byteLength!==void 0||s.data!==void 0))throw new Error("DynamicBuffer cannot combine an adopted buffer with byteLength or data");let a=t.id||i?.id||tr("dynamic-buffer"),c={...s,id:a,usage:s.usage??i?.usage,indexType:s.indexType??i?.indexType};(c.usage||0)&V.INDEX&&!c.indexType&&(s.data instanceof Uint32Array?c.indexType="uint32":s.data instanceof Uint16Array?c.indexType="uint16":s.data instanceof Uint8Array&&(c.indexType="uint8")),delete c.data,delete c.byteOffset,this.device=e,this.id=a,this.props=c,this.usage=c.usage||0,this._debugDataEnabled=!!n,this._maxDebugDataByteLength=typeof n=="object"&&n.maxByteLength!==void 0?n.maxByteLength:g4,this._ownsBuffer=o,this._buffer=i??this.device.createBuffer({...s,id:a}),this.ready=Promise.resolve(this._buffer),this.updateTimestamp=this._buffer.updateTimestamp,this._resetDebugData(this._buffer.byteLength),s.data&&this._writeDebugData(s.data,s.byteOffset||0)}get buffer(){return this._buffer}get byteLength(){return this._buffer.byteLength}get[Symbol.toStringTag](){return"DynamicBuffer"}toString(){return`DynamicBuffer:"${this.id}":${this.byteLength}B`}toJSON(){return this.toString()}write(e,t=0){this._buffer.write(e,t),this._touch(),this._writeDebugData(e,t)}async mapAndWriteAsync(e,t=0,n=this.byteLength-t){let i=null;await this._buffer.mapAndWriteAsync(async(o,s)=>{await e(o,s),i=new Uint8Array(o.slice(0,n))},t,n),this._touch(),i&&this._writeDebugData(i,t)}async readAsync(e=0,t=this.byteLength-e){let n=await this._buffer.readAsync(e,t);return this._writeDebugData(n,e)&&this._touch(),n}async mapAndReadAsync(e,t=0,n=this.byteLength-t){let i=null,o=await this._buffer.mapAndReadAsync(async(s,a)=>(i=new Uint8Array(s.slice(0)),await e(s,a)),t,n);return i&&this._writeDebugData(i,t)&&this._touch(),o}resize(e){let{byteLength:t,preserveData:n=!1}=e;if(t===this.byteLength)return!1;let i=Math.min(e.copyByteLength??Math.min(this.byteLength,t),this.byteLength,t),o=this._buffer,s=this.debugData.slice(0),{data:a,byteOffset:c,...l}=this.props,f=this.device.createBuffer({...l,byteLength:t});return n&&i>0&&this._copyBufferContents(o,f,i),this._buffer=f,this._resetDebugData(t),n&&s.byteLength>0&&this._writeDebugData(s,0),this._ownsBuffer&&o.destroy(),this._ownsBuffer=!0,this.generation++,this._touch(),!0}ensureSize(e,t){return e<=this.byteLength?!1:this.resize({byteLength:e,preserveData:t?.preserveData})}getBinding(e){return e?.offset===void 0&&e?.size===void 0?this._buffer:{buffer:this._buffer,offset:e?.offset,size:e?.size}}destroy(){this.destroyed||(this._ownsBuffer&&this._buffer.destroy(),this.destroyed=!0,this.debugData=new ArrayBuffer(0))}_copyBufferContents(e,t,n){let i=this.device.type==="webgpu"?Math.ceil(n/4)*4:n,o=this.device.createCommandEncoder();o.copyBufferToBuffer({sourceBuffer:e,destinationBuffer:t,size:i}),this.device.submit(o.finish())}_touch(){this.updateTimestamp=this.device.incrementTimestamp()}_resetDebugData(e){if(!this._debugDataEnabled){this.debugData=new ArrayBuffer(0);return}this.debugData=new ArrayBuffer(Math.min(e,this._maxDebugDataByteLength))}_writeDebugData(e,t){if(!this._debugDataEnabled||this.debugData.byteLength===0||t>=this.debugData.byteLength)return!1;let n=ArrayBuffer.isView(e)?new Uint8Array(e.buffer,e.byteOffset,e.byteLength):new Uint8Array(e),i=new Uint8Array(this.debugData),o=Math.min(n.byteLength,i.byteLength-t);return i.set(n.subarray(0,o),t),o>0}}});function Hs(r){return r!==null&&typeof r=="object"&&"resolveTextureBinding"in r&&typeof r.resolveTextureBinding=="function"}function y4(r){return r?.type==="texture"||r?.type==="external-texture"}function EE(r,e,t){let n=gl(r,e,{ignoreWarnings:!0});return y4(n)?n:r.bindings.length===0&&t?.fallbackGroup!==void 0?{type:"texture",name:e,group:t.fallbackGroup,location:0}:null}var PE=b(()=>{z()});function qg(r,e){return r.shaderLanguage!==void 0&&r.shaderLanguage!==e?!1:e==="glsl"?"assembleGLSLShaderPair"in r&&typeof r.assembleGLSLShaderPair=="function":"assembleWGSLShader"in r&&typeof r.assembleWGSLShader=="function"}function b4(r,e){return!r||Object.keys(e).length===0?r:{...r,attributes:r.attributes.map(t=>{let n=t.name.startsWith("_luma_")?t.name.slice(6):null;return n&&e[n]?{...t,name:n}:t})}}function v4(r,e,t){if(Hs(e)){let n=EE(t,r,{fallbackGroup:0});return n?e.resolveTextureBinding(n):null}return e instanceof Oe?e.buffer:jg(e)?wE(e):e}function w4(r){return r&&!SE(r)?r:null}function E4(r){return r&&SE(r)?r:void 0}function SE(r){return x4.includes(r)}function P4(r){return{type:r.type,shaderLanguage:r.info.shadingLanguage,shaderLanguageVersion:r.info.shadingLanguageVersion,gpu:r.info.gpu,limits:r.limits,features:r.features}}var rr,_4,Yg,x4,Ys,me,Zg=b(()=>{z();He();aE();lE();dE();hE();pE();mE();Ug();qi();Wg();Hg();PE();rr=2,_4=1e4,Yg="render pipeline initialization failed",x4=["stencil8","depth16unorm","depth24plus","depth24plus-stencil8","depth32float","depth32float-stencil8"],Ys=class Ys{constructor(e,t){h(this,"device");h(this,"id");h(this,"source");h(this,"vs");h(this,"fs");h(this,"pipelineFactory");h(this,"shaderFactory");h(this,"userData",{});h(this,"parameters");h(this,"topology");h(this,"bufferLayout");h(this,"isInstanced");h(this,"instanceCount",0);h(this,"vertexCount");h(this,"indexCount");h(this,"firstVertex");h(this,"firstIndex");h(this,"indexBuffer",null);h(this,"bufferAttributes",{});h(this,"constantAttributes",{});h(this,"bindings",{});h(this,"vertexArray");h(this,"transformFeedback",null);h(this,"pipeline");h(this,"shaderInputs");h(this,"material",null);h(this,"_uniformStore");h(this,"_attributeInfos",{});h(this,"_gpuGeometry",null);h(this,"props");h(this,"_dynamicIndexBufferSource",null);h(this,"_dynamicAttributeBufferSources",{});h(this,"_colorAttachmentFormats");h(this,"_depthStencilAttachmentFormat");h(this,"_pipelineNeedsUpdate","newly created");h(this,"_needsRedraw","initializing");h(this,"_drawBlockedReason",!1);h(this,"_destroyed",!1);h(this,"_vertexCountSet",!1);h(this,"_lastDrawTimestamp",-1);h(this,"_bindingTable",[]);h(this,"_lastLogTime",0);h(this,"_logOpen",!1);h(this,"_drawCount",0);let n=Ys.defaultProps.shaderAssembler,i=t.vertexCount!==void 0;this.props={...Ys.defaultProps,...t,shaderAssembler:t.shaderAssembler??(qg(n,e.info.shadingLanguage)?n:ht.getDefaultShaderAssembler(e.info.shadingLanguage))},this._vertexCountSet=i,t=this.props,this.id=t.id||tr("model"),this.device=e,Object.assign(this.userData,t.userData),this.material=t.material||null;let o=P4(e),s=ps(this.props.plugins,o.shaderLanguage),a=gs(this.props.modules,s.modules),c=Object.fromEntries(a.map(p=>[p.name,p])),l=t.shaderInputs||new Qi(c,{disableWarnings:this.props.disableWarnings});t.shaderInputs&&s.modules.length>0&&l.addModules(s.modules),this.setShaderInputs(l);let f=wf(this.props.modules,l.getModules()),u={...s.defines,...this.props.defines};if(this.device.type==="webgl"&&(this.props._uniformBlockLayouts=_E(f)),this.props.shaderLayout=Ki(this.props.shaderLayout,f)||null,this.device.type==="webgpu"&&this.props.source){let p=this.props.shaderAssembler;Ur(qg(p,"wgsl"));let{source:g,getUniforms:m,bindingTable:y,shaderLayout:x}=p.assembleWGSLShader({platformInfo:o,...this.props,modules:f,defines:u,pluginInjections:s.injections,pluginVertexInputs:s.vertexInputs,pluginVaryings:s.varyings});this.source=g,this._getModuleUniforms=m,this._bindingTable=y;let v=x??e.getShaderLayout?.(this.source),_=b4(v,s.vertexInputs),w=yE(this.props.shaderLayout,_,Object.keys(s.vertexInputs));this.props.shaderLayout=Ki(w||null,f)||null}else{let p=this.props.shaderAssembler;Ur(qg(p,"glsl"));let{vs:g,fs:m,getUniforms:y}=p.assembleGLSLShaderPair({platformInfo:o,...this.props,modules:f,defines:u,pluginInjections:s.injections,pluginVertexInputs:s.vertexInputs,pluginVaryings:s.varyings});this.vs=g,this.fs=m,this._getModuleUniforms=y,this._bindingTable=[]}this.vertexCount=this.props.vertexCount,this.indexCount=this.props.indexCount,this.firstVertex=this.props.firstVertex,this.firstIndex=this.props.firstIndex,this.instanceCount=this.props.instanceCount,this.topology=this.props.topology,this.bufferLayout=this.props.bufferLayout,this.parameters=this.props.parameters,this._colorAttachmentFormats=this.props.colorAttachmentFormats,this._depthStencilAttachmentFormat=this.props.depthStencilAttachmentFormat,t.geometry&&this.setGeometry(t.geometry),this.pipelineFactory=t.pipelineFactory||Pn.getDefaultPipelineFactory(this.device),this.shaderFactory=t.shaderFactory||Sn.getDefaultShaderFactory(this.device),this.pipeline=this._updatePipeline(),this.vertexArray=e.createVertexArray({shaderLayout:this.pipeline.shaderLayout,bufferLayout:this.pipeline.bufferLayout}),this._gpuGeometry&&this._setGeometryAttributes(this._gpuGeometry),"isInstanced"in t&&(this.isInstanced=t.isInstanced),t.instanceCount&&this.setInstanceCount(t.instanceCount),t.vertexCount&&this.setVertexCount(t.vertexCount),t.indexBuffer&&this.setIndexBuffer(t.indexBuffer),t.attributes&&this.setAttributes(t.attributes),t.constantAttributes&&this.setConstantAttributes(t.constantAttributes),t.bindings&&this.setBindings(t.bindings),t.transformFeedback&&(this.transformFeedback=t.transformFeedback)}get[Symbol.toStringTag](){return"Model"}toString(){return`Model(${this.id})`}destroy(){this._destroyed||(this.pipelineFactory.release(this.pipeline),this.shaderFactory.release(this.pipeline.vs),this.pipeline.fs&&this.pipeline.fs!==this.pipeline.vs&&this.shaderFactory.release(this.pipeline.fs),this._uniformStore.destroy(),this._gpuGeometry?.destroy(),this._destroyed=!0)}needsRedraw(){this._getBindingsUpdateTimestamp()>this._lastDrawTimestamp&&this.setNeedsRedraw("contents of bound textures or buffers updated");let e=this._needsRedraw;return this._needsRedraw=!1,e}setNeedsRedraw(e){this._needsRedraw||(this._needsRedraw=e)}getBindingDebugTable(){return this._bindingTable}predraw(e){this._syncDynamicBuffers(),this.updateShaderInputs(e),this.material?.updateShaderInputs(e),this.pipeline=this._updatePipeline()}draw(e){if(this._drawBlockedReason&&!this._pipelineNeedsUpdate)return S.info(rr,`>>> DRAWING ABORTED ${this.id}: ${this._drawBlockedReason}`)(),!1;let t=this._areBindingsLoading();if(t)return S.info(rr,`>>> DRAWING ABORTED ${this.id}: ${t} not loaded`)(),!1;this._syncAttachmentFormats(e);try{e.pushDebugGroup(`${this}.predraw(${e})`),this.device.type==="webgpu"?(this.updateShaderInputs(),this.material?.updateShaderInputs(),this._syncDynamicBuffers(),this.pipeline=this._updatePipeline()):this.predraw(this.device.commandEncoder)}finally{e.popDebugGroup()}let n,i=this.pipeline.isErrored;try{if(e.pushDebugGroup(`${this}.draw(${e})`),this._logDrawCallStart(),this.pipeline=this._updatePipeline(),i=this.pipeline.isErrored,i)S.info(rr,`>>> DRAWING ABORTED ${this.id}: ${Yg}`)(),n=!1;else{let o=this.vertexArray.getDrawValidationError();if(o)S.info(rr,`>>> DRAWING ABORTED ${this.id}: ${o}`)(),this._drawBlockedReason=o,n=!1;else{let s=this._getCurrentShaderLayout(),a=this._getBindings(s),c=this._getBindGroups(s,a),{indexBuffer:l}=this.vertexArray,f=l?this.indexCount??(this._vertexCountSet?this.vertexCount:l.byteLength/(l.indexType==="uint32"?4:2)):void 0;e.setPipeline(this.pipeline),e.setBindings(c,{_bindGroupCacheKeys:this._getBindGroupCacheKeys()}),e.setVertexArray(this.vertexArray),n=this.isInstanced===!0&&this.instanceCount===0?!0:e.draw({isInstanced:this.isInstanced,vertexCount:this.vertexCount,instanceCount:this.isInstanced?this.instanceCount:void 0,indexCount:f,firstVertex:this.firstVertex,firstIndex:this.firstIndex,transformFeedback:this.transformFeedback||void 0,uniforms:this.props.uniforms,parameters:this.parameters,topology:this.topology})}}}finally{e.popDebugGroup(),this._logDrawCallEnd()}return this._logFramebuffer(e),n?(this._lastDrawTimestamp=this.device.timestamp,this._needsRedraw=!1):i?(this._needsRedraw=Yg,this._drawBlockedReason=Yg):this._drawBlockedReason?this._needsRedraw=this._drawBlockedReason:this._needsRedraw="waiting for resource initialization",n}setGeometry(e){this._gpuGeometry?.destroy();let t=e&&sE(this.device,e);if(t){this.setTopology(t.topology||"triangle-list");let n=new Xi(this.bufferLayout);this.bufferLayout=n.mergeBufferLayouts(t.bufferLayout,this.bufferLayout),this.vertexArray&&this._setGeometryAttributes(t)}this._gpuGeometry=t}setTopology(e){e!==this.topology&&(this.topology=e,this._setPipelineNeedsUpdate("topology"))}setBufferLayout(e){let t=new Xi(this.bufferLayout),n=this._gpuGeometry?t.mergeBufferLayouts(e,this._gpuGeometry.bufferLayout):e;Zi(n,this.bufferLayout,-1)||(this.bufferLayout=n,this._setPipelineNeedsUpdate("bufferLayout"),this.pipeline=this._updatePipeline(),this.vertexArray=this.device.createVertexArray({shaderLayout:this.pipeline.shaderLayout,bufferLayout:this.pipeline.bufferLayout}),this._gpuGeometry&&this._setGeometryAttributes(this._gpuGeometry))}setParameters(e){Zi(e,this.parameters,2)||(this.parameters=e,this._setPipelineNeedsUpdate("parameters"))}setInstanceCount(e){this.instanceCount=e,this.isInstanced===void 0&&e>0&&(this.isInstanced=!0),this.setNeedsRedraw("instanceCount")}setVertexCount(e){this.vertexCount=e,this._vertexCountSet=!0,this.setNeedsRedraw("vertexCount")}setIndexCount(e){this.indexCount=e,this.setNeedsRedraw("indexCount")}setDrawOffsets({firstVertex:e,firstIndex:t}){this.firstVertex=e,this.firstIndex=t,this.setNeedsRedraw("drawOffsets")}setShaderInputs(e){this.shaderInputs=e,this._uniformStore=new An(this.device,this.shaderInputs.modules);for(let[t,n]of Object.entries(this.shaderInputs.modules))if(Ws(n)&&!this.material?.ownsModule(t)){let i=this._uniformStore.getManagedUniformBuffer(t);this.bindings[`${t}Uniforms`]=i}this.setNeedsRedraw("shaderInputs")}setMaterial(e){this.material=e,this.setNeedsRedraw("material")}updateShaderInputs(e){this._uniformStore.setUniforms(this.shaderInputs.getUniformValues(),e),this.setBindings(this._getNonMaterialBindings(this.shaderInputs.getBindingValues())),this.setNeedsRedraw("shaderInputs")}setBindings(e){Object.assign(this.bindings,e),this.setNeedsRedraw("bindings")}setTransformFeedback(e){this.transformFeedback=e,this.setNeedsRedraw("transformFeedback")}setIndexBuffer(e){let t=e instanceof Oe?e.buffer:e;this.indexBuffer=t,this._dynamicIndexBufferSource=e instanceof Oe?{source:e,generation:e.generation}:null,this.vertexArray.setIndexBuffer(t),this.setNeedsRedraw("indexBuffer")}setAttributes(e,t){this._drawBlockedReason=!1;let n=t?.disableWarnings??this.props.disableWarnings;e.indices&&S.warn(`Model:${this.id} setAttributes() - indexBuffer should be set using setIndexBuffer()`)(),this.bufferLayout=gE(this.pipeline.shaderLayout,this.bufferLayout);let i=new Xi(this.bufferLayout);for(let[o,s]of Object.entries(e)){let a=s instanceof Oe?s.buffer:s,c=i.getBufferLayout(o);if(!c){n||S.warn(`Model(${this.id}): Missing layout for buffer "${o}".`)();continue}let l=i.getAttributeNamesForBuffer(c),f=!1;for(let u of l){let d=this._attributeInfos[u];if(d){let p=this.device.type==="webgpu"?this.vertexArray.getBufferSlot(d.bufferName):d.location;if(p===null){n||S.warn(`Model(${this.id}): Missing vertex array slot for buffer "${d.bufferName}".`)();continue}this.vertexArray.setBuffer(p,a),s instanceof Oe?this._dynamicAttributeBufferSources[p]={source:s,generation:s.generation}:delete this._dynamicAttributeBufferSources[p],f=!0}}!f&&!n&&S.warn(`Model(${this.id}): Ignoring buffer "${a.id}" for unknown attribute "${o}"`)()}this.setNeedsRedraw("attributes")}setConstantAttributes(e,t){for(let[n,i]of Object.entries(e)){let o=this._attributeInfos[n];o?this.vertexArray.setConstantWebGL(o.location,i):(t?.disableWarnings??this.props.disableWarnings)||S.warn(`Model "${this.id}: Ignoring constant supplied for unknown attribute "${n}"`)()}this.setNeedsRedraw("constants")}_areBindingsLoading(){for(let e of Object.values(this.bindings))if(Hs(e)&&!e.isReady)return e.id;for(let e of Object.values(this.material?.bindings||{}))if(Hs(e)&&!e.isReady)return e.id;return!1}_getBindings(e=this._getCurrentShaderLayout()){let t={};for(let[n,i]of Object.entries(this.bindings)){let o=v4(n,i,e);o&&(t[n]=o)}return t}_getBindGroups(e=this._getCurrentShaderLayout(),t=this._getBindings(e)){let n=e.bindings.length?Tn(e,t):{0:t};if(!this.material)return n;for(let[i,o]of Object.entries(this.material.getBindingsByGroup(e))){let s=Number(i);n[s]={...n[s]||{},...o}}return n}_getBindGroupCacheKeys(){let e=this.material?.getBindGroupCacheKey(3);return e?{3:e}:{}}_getBindingsUpdateTimestamp(){let e=0;this._dynamicIndexBufferSource&&(e=Math.max(e,this._dynamicIndexBufferSource.source.updateTimestamp));for(let t of Object.values(this._dynamicAttributeBufferSources))e=Math.max(e,t.source.updateTimestamp);for(let t of Object.values(this.bindings))t instanceof vn?e=Math.max(e,t.texture.updateTimestamp):t instanceof V||t instanceof q||t instanceof rs||t instanceof Oe?e=Math.max(e,t.updateTimestamp):Hs(t)?e=t.isReady?Math.max(e,t.updateTimestamp):1/0:jg(t)&&(e=Math.max(e,(t.buffer instanceof Oe,t.buffer.updateTimestamp)));return Math.max(e,this.material?.getBindingsUpdateTimestamp()||0)}_setGeometryAttributes(e){let t={...e.attributes};for(let[n]of Object.entries(t))!this.pipeline.shaderLayout.attributes.find(i=>i.name===n)&&n!=="positions"&&delete t[n];this.vertexCount=e.vertexCount,this._vertexCountSet=!0,this.setIndexBuffer(e.indices||null),this.setAttributes(e.attributes,{disableWarnings:!0}),this.setAttributes(t,{disableWarnings:this.props.disableWarnings}),this.setNeedsRedraw("geometry attributes")}_setPipelineNeedsUpdate(e){this._pipelineNeedsUpdate||(this._pipelineNeedsUpdate=e),this._drawBlockedReason=!1,this.setNeedsRedraw(e)}_updatePipeline(){if(this._pipelineNeedsUpdate){let e=null,t=null;this.pipeline&&(S.log(1,`Model ${this.id}: Recreating pipeline because "${this._pipelineNeedsUpdate}".`)(),e=this.pipeline.vs,t=this.pipeline.fs),this._pipelineNeedsUpdate=!1;let n=this.shaderFactory.createShader({id:`${this.id}-vertex`,stage:"vertex",source:this.source||this.vs,debugShaders:this.props.debugShaders}),i=null;this.source?i=n:this.fs&&(i=this.shaderFactory.createShader({id:`${this.id}-fragment`,stage:"fragment",source:this.source||this.fs,debugShaders:this.props.debugShaders})),this.pipeline=this.pipelineFactory.createRenderPipeline({...this.props,bindings:void 0,bufferLayout:this.bufferLayout,colorAttachmentFormats:this._colorAttachmentFormats,depthStencilAttachmentFormat:this._depthStencilAttachmentFormat,topology:this.topology,parameters:this.parameters,bindGroups:void 0,vs:n,fs:i}),this._attributeInfos=hs(this.pipeline.shaderLayout,this.bufferLayout),e&&this.shaderFactory.release(e),t&&t!==e&&this.shaderFactory.release(t)}return this.pipeline}_logDrawCallStart(){let e=S.level>3?0:_4;S.level<2||Date.now()-this._lastLogTime<e||(this._lastLogTime=Date.now(),this._logOpen=!0,S.group(rr,`>>> DRAWING MODEL ${this.id}`,{collapsed:S.level<=2})())}_logDrawCallEnd(){if(this._logOpen){let e=cE(this.pipeline.shaderLayout,this.id);S.table(rr,e)();let t=this.shaderInputs.getDebugTable();S.table(rr,t)();let n=this._getAttributeDebugTable();S.table(rr,this._attributeInfos)(),S.table(rr,n)(),S.groupEnd(rr)(),this._logOpen=!1}}_logFramebuffer(e){let t=this.device.props.debugFramebuffers;if(this._drawCount++,!t)return;let n=e.props.framebuffer;uE(e,n,{id:n?.id||`${this.id}-framebuffer`,minimap:!0})}_getAttributeDebugTable(){let e={};for(let[t,n]of Object.entries(this._attributeInfos)){let i=this.vertexArray.attributes[n.location];e[n.location]={name:t,type:n.shaderType,values:i?this._getBufferOrConstantValues(i,n.bufferDataType):"null"}}if(this.vertexArray.indexBuffer){let{indexBuffer:t}=this.vertexArray,n=t.indexType==="uint32"?new Uint32Array(t.debugData):new Uint16Array(t.debugData);e.indices={name:"indices",type:t.indexType,values:n.toString()}}return e}_getBufferOrConstantValues(e,t){let n=Le.getTypedArrayConstructor(t);return(e instanceof V?new n(e.debugData):e).toString()}_getNonMaterialBindings(e){if(!this.material)return e;let t={};for(let[n,i]of Object.entries(e))this.material.ownsBinding(n)||(t[n]=i);return t}_getCurrentShaderLayout(){return this.pipeline?.shaderLayout||this.props.shaderLayout||{bindings:[]}}_syncDynamicBuffers(){if(this._dynamicIndexBufferSource&&this._dynamicIndexBufferSource.generation!==this._dynamicIndexBufferSource.source.generation){let e=this._dynamicIndexBufferSource.source.buffer;this.indexBuffer=e,this.vertexArray.setIndexBuffer(e),this._dynamicIndexBufferSource.generation=this._dynamicIndexBufferSource.source.generation,this.setNeedsRedraw("dynamic index buffer")}for(let[e,t]of Object.entries(this._dynamicAttributeBufferSources))t.generation!==t.source.generation&&(this.vertexArray.setBuffer(Number(e),t.source.buffer),t.generation=t.source.generation,this.setNeedsRedraw("dynamic attribute buffer"))}_syncAttachmentFormats(e){if(this.device.type!=="webgpu")return;let t=e.framebuffer||e.props.framebuffer,n=e.props,i=n.colorAttachmentFormats??t?.colorAttachments?.map(s=>w4(s?.texture?.format)),o=n.depthStencilAttachmentFormat===!1?void 0:n.depthStencilAttachmentFormat??E4(t?.depthStencilAttachment?.texture?.format);(!Zi(this._colorAttachmentFormats,i,1)||this._depthStencilAttachmentFormat!==o)&&(this._colorAttachmentFormats=i,this._depthStencilAttachmentFormat=o,this._setPipelineNeedsUpdate("attachment formats"))}};h(Ys,"defaultProps",{...dt.defaultProps,source:void 0,vs:null,fs:null,id:"unnamed",handle:void 0,userData:{},defines:{},modules:[],plugins:[],geometry:null,indexBuffer:null,indexCount:void 0,firstVertex:0,firstIndex:0,attributes:{},constantAttributes:{},bindings:{},uniforms:{},varyings:[],isInstanced:void 0,instanceCount:0,vertexCount:0,shaderInputs:void 0,material:void 0,pipelineFactory:void 0,shaderFactory:void 0,transformFeedback:void 0,shaderAssembler:ht.getDefaultShaderAssembler("glsl"),debugShaders:void 0,disableWarnings:void 0});me=Ys});var S4,T4,qs,Be,TE=b(()=>{z();He();Zg();S4=35980,T4=35981,qs=class qs{constructor(e,t=qs.defaultProps){h(this,"device");h(this,"model");h(this,"transformFeedback");if(!qs.isSupported(e))throw new Error("BufferTransform not yet implemented on WebGPU");this.device=e,this.model=new me(this.device,{id:t.id||"buffer-transform-model",fs:t.fs||wp(),topology:t.topology||"point-list",varyings:t.outputs||t.varyings,...t,bufferMode:t.bufferMode||(t.feedbackBufferMode==="interleaved"?S4:T4)}),this.transformFeedback=this.device.createTransformFeedback({layout:this.model.pipeline.shaderLayout,buffers:t.feedbackBuffers}),this.model.setTransformFeedback(this.transformFeedback)}static isSupported(e){return e?.info?.type==="webgl"}destroy(){this.model&&this.model.destroy()}delete(){this.destroy()}run(e){e?.inputBuffers&&this.model.setAttributes(e.inputBuffers),e?.outputBuffers&&this.transformFeedback.setBuffers(e.outputBuffers);let t=this.device.beginRenderPass({discard:!0,...e});this.model.draw(t),t.end()}getBuffer(e){return this.transformFeedback.getBuffer(e)}readAsync(e){let t=this.getBuffer(e);if(!t)throw new Error("BufferTransform#getBuffer");if(t instanceof V)return t.readAsync();let{buffer:n,byteOffset:i=0,byteLength:o=n.byteLength}=t;return n.readAsync(i,o)}};h(qs,"defaultProps",{...me.defaultProps,feedbackBufferMode:"separate",outputs:void 0,feedbackBuffers:void 0});Be=qs});function A4(r){return{type:r.type,shaderLanguage:r.info.shadingLanguage,shaderLanguageVersion:r.info.shadingLanguageVersion,gpu:r.info.gpu,limits:r.limits,features:r.features}}var Xg,L4,Ef,it,LE=b(()=>{z();He();ch();Wg();Ug();qi();Xg=2,L4=1e4,Ef=class Ef{constructor(e,t){h(this,"device");h(this,"id");h(this,"pipelineFactory");h(this,"shaderFactory");h(this,"userData",{});h(this,"bindings",{});h(this,"pipeline");h(this,"source");h(this,"shader");h(this,"shaderInputs");h(this,"_uniformStore");h(this,"_pipelineNeedsUpdate","newly created");h(this,"_getModuleUniforms");h(this,"props");h(this,"_destroyed",!1);h(this,"_lastLogTime",0);h(this,"_logOpen",!1);h(this,"_drawCount",0);if(e.type!=="webgpu")throw new Error("Computation is only supported in WebGPU");this.props={...Ef.defaultProps,...t},t=this.props,this.id=t.id||tr("model"),this.device=e,Object.assign(this.userData,t.userData);let n=A4(e),i=ps(this.props.plugins,n.shaderLanguage);if(Object.keys(i.vertexInputs).length>0||Object.keys(i.varyings).length>0)throw new Error("Computation does not support ShaderPlugin vertex inputs or varyings");let o=gs(this.props.modules,i.modules),s=Object.fromEntries(o.map(g=>[g.name,g]));this.shaderInputs=t.shaderInputs||new Qi(s),t.shaderInputs&&i.modules.length>0&&this.shaderInputs.addModules(i.modules),this.setShaderInputs(this.shaderInputs);let a=wf(this.props.modules,this.shaderInputs?.getModules()),c={...i.defines,...this.props.defines};this.props.shaderLayout=Ki(this.props.shaderLayout,a)||null,this.pipelineFactory=t.pipelineFactory||Pn.getDefaultPipelineFactory(this.device),this.shaderFactory=t.shaderFactory||Sn.getDefaultShaderFactory(this.device);let l=this.props.shaderAssembler;Ur(l instanceof jr);let{source:f,getUniforms:u,shaderLayout:d}=l.assembleWGSLShader({platformInfo:n,...this.props,modules:a,defines:c,scanVertexAttributes:!1,pluginInjections:i.injections});this.source=f,this._getModuleUniforms=u;let p=d??e.getShaderLayout?.(this.source,{scanVertexAttributes:!1});this.props.shaderLayout=Ki(this.props.shaderLayout||p||null,a)||null,this.pipeline=this._updatePipeline(),t.bindings&&this.setBindings(t.bindings)}destroy(){this._destroyed||(this.pipelineFactory.release(this.pipeline),this.shaderFactory.release(this.shader),this._uniformStore.destroy(),this._destroyed=!0)}predraw(e){this.updateShaderInputs(e)}dispatch(e,t,n,i){try{this._logDrawCallStart(),this._setPipeline(e),e.dispatch(t,n,i)}finally{this._logDrawCallEnd()}}dispatchIndirect(e,t,n=0){try{this._logDrawCallStart(),this._setPipeline(e),e.dispatchIndirect(t,n)}finally{this._logDrawCallEnd()}}_setPipeline(e){this.pipeline=this._updatePipeline(),this.pipeline.setBindings(this.bindings),e.setPipeline(this.pipeline),e.setBindings({})}setVertexCount(e){}setInstanceCount(e){}setShaderInputs(e){this.shaderInputs=e,this._uniformStore=new An(this.device,this.shaderInputs.modules);for(let[t,n]of Object.entries(this.shaderInputs.modules))if(Ws(n)){let i=this._uniformStore.getManagedUniformBuffer(t);this.bindings[`${t}Uniforms`]=i}}setShaderModuleProps(e){let t=this._getModuleUniforms(e),n=Object.keys(t).filter(o=>{let s=t[o];return!$o(s)&&typeof s!="number"&&typeof s!="boolean"}),i={};for(let o of n)i[o]=t[o],delete t[o]}updateShaderInputs(e){this._uniformStore.setUniforms(this.shaderInputs.getUniformValues(),e)}setBindings(e){Object.assign(this.bindings,e)}_setPipelineNeedsUpdate(e){this._pipelineNeedsUpdate=this._pipelineNeedsUpdate||e}_updatePipeline(){if(this._pipelineNeedsUpdate){let e=null;this.pipeline&&(S.log(1,`Model ${this.id}: Recreating pipeline because "${this._pipelineNeedsUpdate}".`)(),e=this.shader),this._pipelineNeedsUpdate=!1,this.shader=this.shaderFactory.createShader({id:`${this.id}-fragment`,stage:"compute",source:this.source,debugShaders:this.props.debugShaders}),this.pipeline=this.pipelineFactory.createComputePipeline({...this.props,shader:this.shader}),e&&this.shaderFactory.release(e)}return this.pipeline}_logDrawCallStart(){let e=S.level>3?0:L4;S.level<2||Date.now()-this._lastLogTime<e||(this._lastLogTime=Date.now(),this._logOpen=!0,S.group(Xg,`>>> DRAWING MODEL ${this.id}`,{collapsed:S.level<=2})())}_logDrawCallEnd(){if(this._logOpen){let e=this.shaderInputs.getDebugTable();S.table(Xg,e)(),S.groupEnd(Xg)(),this._logOpen=!1}}_getBufferOrConstantValues(e,t){let n=Le.getTypedArrayConstructor(t);return(e instanceof V?new n(e.debugData):e).toString()}};h(Ef,"defaultProps",{...Vr.defaultProps,id:"unnamed",handle:void 0,userData:{},source:"",modules:[],defines:{},plugins:[],bindings:void 0,shaderInputs:void 0,pipelineFactory:void 0,shaderFactory:void 0,shaderAssembler:ht.getDefaultShaderAssembler("wgsl"),debugShaders:void 0});it=Ef});var se=b(()=>{eE();oE();Zg();TE();xf();Hg();LE()});function GE(r=!0){let e=HTMLCanvasElement.prototype;if(!r&&e.originalGetContext){e.getContext=e.originalGetContext,e.originalGetContext=void 0;return}e.originalGetContext=e.getContext,e.getContext=function(t,n){if(t==="webgl"||t==="experimental-webgl"){let i=this.originalGetContext("webgl2",n);return i instanceof HTMLElement&&ok(i),i}return this.originalGetContext(t,n)}}function ok(r){r.getExtension("EXT_color_buffer_float");let e={...tk,WEBGL_disjoint_timer_query:r.getExtension("EXT_disjoint_timer_query_webgl2"),WEBGL_draw_buffers:rk(r),OES_vertex_array_object:nk(r),ANGLE_instanced_arrays:ik(r)},t=r.getExtension.bind(r);r.getExtension=function(i){let o=t(i);return o||(i in e?e[i]:null)};let n=r.getSupportedExtensions;r.getSupportedExtensions=function(){return(n.apply(r)||[])?.concat(Object.keys(e))}}var tk,rk,nk,ik,$E=b(()=>{tk={WEBGL_depth_texture:{UNSIGNED_INT_24_8_WEBGL:34042},OES_element_index_uint:{},OES_texture_float:{},OES_texture_half_float:{HALF_FLOAT_OES:5131},EXT_color_buffer_float:{},OES_standard_derivatives:{FRAGMENT_SHADER_DERIVATIVE_HINT_OES:35723},EXT_frag_depth:{},EXT_blend_minmax:{MIN_EXT:32775,MAX_EXT:32776},EXT_shader_texture_lod:{}},rk=r=>({drawBuffersWEBGL(e){return r.drawBuffers(e)},COLOR_ATTACHMENT0_WEBGL:36064,COLOR_ATTACHMENT1_WEBGL:36065,COLOR_ATTACHMENT2_WEBGL:36066,COLOR_ATTACHMENT3_WEBGL:36067}),nk=r=>({VERTEX_ARRAY_BINDING_OES:34229,createVertexArrayOES(){return r.createVertexArray()},deleteVertexArrayOES(e){return r.deleteVertexArray(e)},isVertexArrayOES(e){return r.isVertexArray(e)},bindVertexArrayOES(e){return r.bindVertexArray(e)}}),ik=r=>({VERTEX_ATTRIB_ARRAY_DIVISOR_ANGLE:35070,drawArraysInstancedANGLE(...e){return r.drawArraysInstanced(...e)},drawElementsInstancedANGLE(...e){return r.drawElementsInstanced(...e)},vertexAttribDivisorANGLE(...e){return r.vertexAttribDivisor(...e)}})});async function WE(){if(!Rf){sm();return}await Rf.load()}function jE(r,e){return Rf?Rf.makeDebugContext(r,e):(sm(),r)}async function HE(r){if(!om){sm();return}await om.load(r)}function YE(r){return om?.initialize(r)||null}function sm(){VE||(VE=!0,S.warn("Import @luma.gl/webgl/debug before enabling WebGL debugging.")())}var Rf,om,VE,am=b(()=>{z();Rf=null,om=null,VE=!1});function cm(r){return Array.isArray(r)||ArrayBuffer.isView(r)&&!(r instanceof DataView)}function de(r,e,t){return e[r]!==void 0?e[r]:t[r]}var ua,ye,qE,ot,ZE,fa,XE,KE,lm,or,fm,QE,um=b(()=>{ua={3042:!1,32773:new Float32Array([0,0,0,0]),32777:32774,34877:32774,32969:1,32968:0,32971:1,32970:0,3106:new Float32Array([0,0,0,0]),3107:[!0,!0,!0,!0],2884:!1,2885:1029,2929:!1,2931:1,2932:513,2928:new Float32Array([0,1]),2930:!0,3024:!0,35725:null,36006:null,36007:null,34229:null,34964:null,2886:2305,33170:4352,2849:1,32823:!1,32824:0,10752:0,32926:!1,32928:!1,32938:1,32939:!1,3089:!1,3088:new Int32Array([0,0,1024,1024]),2960:!1,2961:0,2968:4294967295,36005:4294967295,2962:519,2967:0,2963:4294967295,34816:519,36003:0,36004:4294967295,2964:7680,2965:7680,2966:7680,34817:7680,34818:7680,34819:7680,2978:[0,0,1024,1024],36389:null,36662:null,36663:null,35053:null,35055:null,35723:4352,36010:null,35977:!1,3333:4,3317:4,37440:!1,37441:!1,37443:37444,3330:0,3332:0,3331:0,3314:0,32878:0,3316:0,3315:0,32877:0},ye=(r,e,t)=>e?r.enable(t):r.disable(t),qE=(r,e,t)=>r.hint(t,e),ot=(r,e,t)=>r.pixelStorei(t,e),ZE=(r,e,t)=>{let n=t===36006?36009:36008;return r.bindFramebuffer(n,e)},fa=(r,e,t)=>{let i={34964:34962,36662:36662,36663:36663,35053:35051,35055:35052}[t];r.bindBuffer(i,e)};XE={3042:ye,32773:(r,e)=>r.blendColor(...e),32777:"blendEquation",34877:"blendEquation",32969:"blendFunc",32968:"blendFunc",32971:"blendFunc",32970:"blendFunc",3106:(r,e)=>r.clearColor(...e),3107:(r,e)=>r.colorMask(...e),2884:ye,2885:(r,e)=>r.cullFace(e),2929:ye,2931:(r,e)=>r.clearDepth(e),2932:(r,e)=>r.depthFunc(e),2928:(r,e)=>r.depthRange(...e),2930:(r,e)=>r.depthMask(e),3024:ye,35723:qE,35725:(r,e)=>r.useProgram(e),36007:(r,e)=>r.bindRenderbuffer(36161,e),36389:(r,e)=>r.bindTransformFeedback?.(36386,e),34229:(r,e)=>r.bindVertexArray(e),36006:ZE,36010:ZE,34964:fa,36662:fa,36663:fa,35053:fa,35055:fa,2886:(r,e)=>r.frontFace(e),33170:qE,2849:(r,e)=>r.lineWidth(e),32823:ye,32824:"polygonOffset",10752:"polygonOffset",35977:ye,32926:ye,32928:ye,32938:"sampleCoverage",32939:"sampleCoverage",3089:ye,3088:(r,e)=>r.scissor(...e),2960:ye,2961:(r,e)=>r.clearStencil(e),2968:(r,e)=>r.stencilMaskSeparate(1028,e),36005:(r,e)=>r.stencilMaskSeparate(1029,e),2962:"stencilFuncFront",2967:"stencilFuncFront",2963:"stencilFuncFront",34816:"stencilFuncBack",36003:"stencilFuncBack",36004:"stencilFuncBack",2964:"stencilOpFront",2965:"stencilOpFront",2966:"stencilOpFront",34817:"stencilOpBack",34818:"stencilOpBack",34819:"stencilOpBack",2978:(r,e)=>r.viewport(...e),34383:ye,10754:ye,12288:ye,12289:ye,12290:ye,12291:ye,12292:ye,12293:ye,12294:ye,12295:ye,3333:ot,3317:ot,37440:ot,37441:ot,37443:ot,3330:ot,3332:ot,3331:ot,3314:ot,32878:ot,3316:ot,3315:ot,32877:ot,framebuffer:(r,e)=>{let t=e&&"handle"in e?e.handle:e;return r.bindFramebuffer(36160,t)},blend:(r,e)=>e?r.enable(3042):r.disable(3042),blendColor:(r,e)=>r.blendColor(...e),blendEquation:(r,e)=>{let t=typeof e=="number"?[e,e]:e;r.blendEquationSeparate(...t)},blendFunc:(r,e)=>{let t=e?.length===2?[...e,...e]:e;r.blendFuncSeparate(...t)},clearColor:(r,e)=>r.clearColor(...e),clearDepth:(r,e)=>r.clearDepth(e),clearStencil:(r,e)=>r.clearStencil(e),colorMask:(r,e)=>r.colorMask(...e),cull:(r,e)=>e?r.enable(2884):r.disable(2884),cullFace:(r,e)=>r.cullFace(e),depthTest:(r,e)=>e?r.enable(2929):r.disable(2929),depthFunc:(r,e)=>r.depthFunc(e),depthMask:(r,e)=>r.depthMask(e),depthRange:(r,e)=>r.depthRange(...e),dither:(r,e)=>e?r.enable(3024):r.disable(3024),derivativeHint:(r,e)=>{r.hint(35723,e)},frontFace:(r,e)=>r.frontFace(e),mipmapHint:(r,e)=>r.hint(33170,e),lineWidth:(r,e)=>r.lineWidth(e),polygonOffsetFill:(r,e)=>e?r.enable(32823):r.disable(32823),polygonOffset:(r,e)=>r.polygonOffset(...e),sampleCoverage:(r,e)=>r.sampleCoverage(e[0],e[1]||!1),scissorTest:(r,e)=>e?r.enable(3089):r.disable(3089),scissor:(r,e)=>r.scissor(...e),stencilTest:(r,e)=>e?r.enable(2960):r.disable(2960),stencilMask:(r,e)=>{e=cm(e)?e:[e,e];let[t,n]=e;r.stencilMaskSeparate(1028,t),r.stencilMaskSeparate(1029,n)},stencilFunc:(r,e)=>{e=cm(e)&&e.length===3?[...e,...e]:e;let[t,n,i,o,s,a]=e;r.stencilFuncSeparate(1028,t,n,i),r.stencilFuncSeparate(1029,o,s,a)},stencilOp:(r,e)=>{e=cm(e)&&e.length===3?[...e,...e]:e;let[t,n,i,o,s,a]=e;r.stencilOpSeparate(1028,t,n,i),r.stencilOpSeparate(1029,o,s,a)},viewport:(r,e)=>r.viewport(...e)};KE={blendEquation:(r,e,t)=>r.blendEquationSeparate(de(32777,e,t),de(34877,e,t)),blendFunc:(r,e,t)=>r.blendFuncSeparate(de(32969,e,t),de(32968,e,t),de(32971,e,t),de(32970,e,t)),polygonOffset:(r,e,t)=>r.polygonOffset(de(32824,e,t),de(10752,e,t)),sampleCoverage:(r,e,t)=>r.sampleCoverage(de(32938,e,t),de(32939,e,t)),stencilFuncFront:(r,e,t)=>r.stencilFuncSeparate(1028,de(2962,e,t),de(2967,e,t),de(2963,e,t)),stencilFuncBack:(r,e,t)=>r.stencilFuncSeparate(1029,de(34816,e,t),de(36003,e,t),de(36004,e,t)),stencilOpFront:(r,e,t)=>r.stencilOpSeparate(1028,de(2964,e,t),de(2965,e,t),de(2966,e,t)),stencilOpBack:(r,e,t)=>r.stencilOpSeparate(1029,de(34817,e,t),de(34818,e,t),de(34819,e,t))},lm={enable:(r,e)=>r({[e]:!0}),disable:(r,e)=>r({[e]:!1}),pixelStorei:(r,e,t)=>r({[e]:t}),hint:(r,e,t)=>r({[e]:t}),useProgram:(r,e)=>r({35725:e}),bindRenderbuffer:(r,e,t)=>r({36007:t}),bindTransformFeedback:(r,e,t)=>r({36389:t}),bindVertexArray:(r,e)=>r({34229:e}),bindFramebuffer:(r,e,t)=>{switch(e){case 36160:return r({36006:t,36010:t});case 36009:return r({36006:t});case 36008:return r({36010:t});default:return null}},bindBuffer:(r,e,t)=>{let n={34962:[34964],36662:[36662],36663:[36663],35051:[35053],35052:[35055]}[e];return n?r({[n]:t}):{valueChanged:!0}},blendColor:(r,e,t,n,i)=>r({32773:new Float32Array([e,t,n,i])}),blendEquation:(r,e)=>r({32777:e,34877:e}),blendEquationSeparate:(r,e,t)=>r({32777:e,34877:t}),blendFunc:(r,e,t)=>r({32969:e,32968:t,32971:e,32970:t}),blendFuncSeparate:(r,e,t,n,i)=>r({32969:e,32968:t,32971:n,32970:i}),clearColor:(r,e,t,n,i)=>r({3106:new Float32Array([e,t,n,i])}),clearDepth:(r,e)=>r({2931:e}),clearStencil:(r,e)=>r({2961:e}),colorMask:(r,e,t,n,i)=>r({3107:[e,t,n,i]}),cullFace:(r,e)=>r({2885:e}),depthFunc:(r,e)=>r({2932:e}),depthRange:(r,e,t)=>r({2928:new Float32Array([e,t])}),depthMask:(r,e)=>r({2930:e}),frontFace:(r,e)=>r({2886:e}),lineWidth:(r,e)=>r({2849:e}),polygonOffset:(r,e,t)=>r({32824:e,10752:t}),sampleCoverage:(r,e,t)=>r({32938:e,32939:t}),scissor:(r,e,t,n,i)=>r({3088:new Int32Array([e,t,n,i])}),stencilMask:(r,e)=>r({2968:e,36005:e}),stencilMaskSeparate:(r,e,t)=>r({[e===1028?2968:36005]:t}),stencilFunc:(r,e,t,n)=>r({2962:e,2967:t,2963:n,34816:e,36003:t,36004:n}),stencilFuncSeparate:(r,e,t,n,i)=>r({[e===1028?2962:34816]:t,[e===1028?2967:36003]:n,[e===1028?2963:36004]:i}),stencilOp:(r,e,t,n)=>r({2964:e,2965:t,2966:n,34817:e,34818:t,34819:n}),stencilOpSeparate:(r,e,t,n,i)=>r({[e===1028?2964:34817]:t,[e===1028?2965:34818]:n,[e===1028?2966:34819]:i}),viewport:(r,e,t,n,i)=>r({2978:[e,t,n,i]})},or=(r,e)=>r.isEnabled(e),fm={3042:or,2884:or,2929:or,3024:or,32823:or,32926:or,32928:or,3089:or,2960:or,35977:or},QE=new Set([34016,36388,36387,35983,35368,34965,35739,35738,3074,34853,34854,34855,34856,34857,34858,34859,34860,34861,34862,34863,34864,34865,34866,34867,34868,35097,32873,35869,32874,34068])});function Ot(r,e){if(sk(e))return;let t={};for(let i in e){let o=Number(i),s=XE[i];s&&(typeof s=="string"?t[s]=!0:s(r,e[i],o))}let n=r.lumaState?.cache;if(n)for(let i in t){let o=KE[i];o(r,e,n)}}function Of(r,e=ua){if(typeof e=="number"){let i=e,o=fm[i];return o?o(r,i):r.getParameter(i)}let t=Array.isArray(e)?e:Object.keys(e),n={};for(let i of t){let o=fm[i];n[i]=o?o(r,Number(i)):r.getParameter(Number(i))}return n}function JE(r){Ot(r,ua)}function sk(r){for(let e in r)return!1;return!0}var no=b(()=>{um()});function tP(r,e){if(r===e)return!0;if(eP(r)&&eP(e)&&r.length===e.length){for(let t=0;t<r.length;++t)if(r[t]!==e[t])return!1;return!0}return!1}function eP(r){return Array.isArray(r)||ArrayBuffer.isView(r)}var rP=b(()=>{});function nP(r,e){let t=r[e].bind(r);r[e]=function(i){if(i===void 0||QE.has(i))return t(i);let o=Bt.get(r);return i in o.cache||(o.cache[i]=t(i)),o.enable?o.cache[i]:t(i)},Object.defineProperty(r[e],"name",{value:`${e}-from-cache`,configurable:!1})}function ak(r,e,t){if(!r[e])return;let n=r[e].bind(r);r[e]=function(...o){let s=Bt.get(r),{valueChanged:a,oldValue:c}=t(s._updateCache,...o);return a&&n(...o),c},Object.defineProperty(r[e],"name",{value:`${e}-to-cache`,configurable:!1})}function ck(r){let e=r.useProgram.bind(r);r.useProgram=function(n){let i=Bt.get(r);i.program!==n&&(e(n),i.program=n)}}var Bt,dm=b(()=>{no();rP();um();Bt=class{constructor(e,t){h(this,"gl");h(this,"program",null);h(this,"stateStack",[]);h(this,"enable",!0);h(this,"cache",null);h(this,"log");h(this,"initialized",!1);this.gl=e,this.log=t?.log||(()=>{}),this._updateCache=this._updateCache.bind(this),Object.seal(this)}static get(e){return e.lumaState}push(e={}){this.stateStack.push({})}pop(){let e=this.stateStack[this.stateStack.length-1];Ot(this.gl,e),this.stateStack.pop()}trackState(e,t){if(this.cache=t?.copyState?Of(e):Object.assign({},ua),this.initialized)throw new Error("WebGLStateTracker");this.initialized=!0,this.gl.lumaState=this,ck(e);for(let n in lm){let i=lm[n];ak(e,n,i)}nP(e,"getParameter"),nP(e,"isEnabled")}_updateCache(e){let t=!1,n,i=this.stateStack.length>0?this.stateStack[this.stateStack.length-1]:null;for(let o in e){let s=e[o],a=this.cache[o];tP(s,a)||(t=!0,n=a,i&&!(o in i)&&(i[o]=a),this.cache[o]=s)}return{valueChanged:t,oldValue:n}}}});function da(r){let e=r.luma||{_polyfilled:!1,extensions:{},softwareRenderer:!1};return e._polyfilled??(e._polyfilled=!1),e.extensions||(e.extensions={}),r.luma=e,e}var hm=b(()=>{});function iP(r,e,t){let n="",i=c=>{let l=c.statusMessage;l&&(n||(n=l))};r.addEventListener("webglcontextcreationerror",i,!1);let o=t.failIfMajorPerformanceCaveat!==!0,s={preserveDrawingBuffer:!0,...t,failIfMajorPerformanceCaveat:!0},a=null;try{a||(a=r.getContext("webgl2",s)),!a&&s.failIfMajorPerformanceCaveat&&(n||(n="Only software GPU is available. Set `failIfMajorPerformanceCaveat: false` to allow."));let c=!1;if(!a&&o&&(s.failIfMajorPerformanceCaveat=!1,a=r.getContext("webgl2",s),c=!0),a||(a=r.getContext("webgl",{}),a&&(a=null,n||(n="Your browser only supports WebGL1"))),!a)throw n||(n="Your browser does not support WebGL"),new Error(`Failed to create WebGL context: ${n}`);let l=da(a);l.softwareRenderer=c;let{onContextLost:f,onContextRestored:u}=e;return r.addEventListener("webglcontextlost",d=>f(d),!1),r.addEventListener("webglcontextrestored",d=>u(d),!1),a}finally{r.removeEventListener("webglcontextcreationerror",i,!1)}}var oP=b(()=>{hm()});function Dt(r,e,t){return t[e]===void 0&&(t[e]=r.getExtension(e)||null),t[e]}var ha=b(()=>{});function sP(r,e){let t=r.getParameter(7936),n=r.getParameter(7937);Dt(r,"WEBGL_debug_renderer_info",e);let i=e.WEBGL_debug_renderer_info,o=r.getParameter(i?i.UNMASKED_VENDOR_WEBGL:7936),s=r.getParameter(i?i.UNMASKED_RENDERER_WEBGL:7937),a=o||t,c=s||n,l=r.getParameter(7938),f=aP(a,c),u=lk(a,c),d=fk(a,c);return{type:"webgl",gpu:f,gpuType:d,gpuBackend:u,vendor:a,renderer:c,version:l,shadingLanguage:"glsl",shadingLanguageVersion:300}}function aP(r,e){return/NVIDIA/i.exec(r)||/NVIDIA/i.exec(e)?"nvidia":/INTEL/i.exec(r)||/INTEL/i.exec(e)?"intel":/Apple/i.exec(r)||/Apple/i.exec(e)?"apple":/AMD/i.exec(r)||/AMD/i.exec(e)||/ATI/i.exec(r)||/ATI/i.exec(e)?"amd":/SwiftShader/i.exec(r)||/SwiftShader/i.exec(e)?"software":"unknown"}function lk(r,e){return/Metal/i.exec(r)||/Metal/i.exec(e)?"metal":/ANGLE/i.exec(r)||/ANGLE/i.exec(e)?"opengl":"unknown"}function fk(r,e){if(/SwiftShader/i.exec(r)||/SwiftShader/i.exec(e))return"cpu";switch(aP(r,e)){case"apple":return uk(r,e)?"integrated":"unknown";case"intel":return"integrated";case"software":return"cpu";case"unknown":return"unknown";default:return"discrete"}}function uk(r,e){return/Apple (M\d|A\d|GPU)/i.test(`${r} ${e}`)}var cP=b(()=>{ha()});function Bf(r){switch(r){case"uint8":return 5121;case"sint8":return 5120;case"unorm8":return 5121;case"snorm8":return 5120;case"uint16":return 5123;case"sint16":return 5122;case"unorm16":return 5123;case"snorm16":return 5122;case"uint32":return 5125;case"sint32":return 5124;case"float16":return 5131;case"float32":return 5126}throw new Error(String(r))}var pm=b(()=>{});function uP(r){return r in kf}function xm(r,e,t){return dP(r,e,t,new Set)}function dP(r,e,t,n){let i=kf[e];if(!i||n.has(e))return!1;n.add(e);let o=(i.features||[]).every(s=>dP(r,s,t,n));return n.delete(e),o?(i.extensions||[]).every(s=>!!Dt(r,s,t)):!1}function hP(r,e,t){let n=e.create,i=Nf[e.format];i?.gl===void 0&&(n=!1),i?.x&&(n=n&&!!Dt(r,i.x,t)),e.format==="stencil8"&&(n=!1);let o=i?.r===!1?!1:i?.r===void 0||xm(r,i.r,t),s=n&&e.render&&o&&xk(r,e.format,t);return{format:e.format,create:n&&e.create,render:s,filter:n&&e.filter,blend:n&&e.blend,store:n&&e.store}}function xk(r,e,t){let n=Nf[e],i=n?.gl;if(i===void 0||n?.x&&!Dt(r,n.x,t))return!1;let o=r.getParameter(32873),s=r.getParameter(36006),a=r.createTexture(),c=r.createFramebuffer();if(!a||!c)return!1;let l=0,f=Number(r.getError());for(;f!==l;)f=r.getError();let u=!1;try{if(r.bindTexture(3553,a),r.texStorage2D(3553,1,i,1,1),Number(r.getError())!==l)return!1;r.bindFramebuffer(36160,c),r.framebufferTexture2D(36160,36064,3553,a,0),u=Number(r.checkFramebufferStatus(36160))===36053&&Number(r.getError())===l}finally{r.bindFramebuffer(36160,s),r.deleteFramebuffer(c),r.bindTexture(3553,o),r.deleteTexture(a)}return u}function Ff(r){let e=Nf[r],t=vk(r),n=$e.getInfo(r);return n.compressed&&(e.dataFormat=t),{internalFormat:t,format:e?.dataFormat||bk(n.channels,n.integer,n.normalized,t),type:n.dataType?Bf(n.dataType):e?.types?.[0]||5121,compressed:n.compressed||!1}}function pP(r){switch($e.getInfo(r).attachment){case"depth":return 36096;case"stencil":return 36128;case"depth-stencil":return 33306;default:throw new Error(`Not a depth stencil format: ${r}`)}}function bk(r,e,t,n){if(n===6408||n===6407)return n;switch(r){case"r":return e&&!t?36244:6403;case"rg":return e&&!t?33320:33319;case"rgb":return e&&!t?36248:6407;case"rgba":return e&&!t?36249:6408;case"bgra":throw new Error("bgra pixels not supported by WebGL");default:return 6408}}function vk(r){let t=Nf[r]?.gl;if(t===void 0)throw new Error(`Unsupported texture format ${r}`);return t}var pa,ga,io,oo,dk,hk,pk,gk,mk,yk,lP,fP,gm,mm,ym,_m,Df,_k,kf,Nf,so=b(()=>{z();ha();pm();pa="WEBGL_compressed_texture_s3tc",ga="WEBGL_compressed_texture_s3tc_srgb",io="EXT_texture_compression_rgtc",oo="EXT_texture_compression_bptc",dk="WEBGL_compressed_texture_etc",hk="WEBGL_compressed_texture_astc",pk="WEBGL_compressed_texture_etc1",gk="WEBGL_compressed_texture_pvrtc",mk="WEBGL_compressed_texture_atc",yk="EXT_texture_norm16",lP="EXT_render_snorm",fP="EXT_color_buffer_float",gm="snorm8-renderable-webgl",mm="norm16-renderable-webgl",ym="snorm16-renderable-webgl",_m="float16-renderable-webgl",Df="float32-renderable-webgl",_k="rgb9e5ufloat-renderable-webgl",kf={"float32-renderable-webgl":{extensions:[fP]},"float16-renderable-webgl":{extensions:["EXT_color_buffer_half_float"]},"rgb9e5ufloat-renderable-webgl":{extensions:["WEBGL_render_shared_exponent"]},"snorm8-renderable-webgl":{extensions:[lP]},"norm16-webgl":{extensions:[yk]},"norm16-renderable-webgl":{features:["norm16-webgl"]},"snorm16-renderable-webgl":{features:["norm16-webgl"],extensions:[lP]},"float32-filterable":{extensions:["OES_texture_float_linear"]},"float16-filterable-webgl":{extensions:["OES_texture_half_float_linear"]},"texture-filterable-anisotropic-webgl":{extensions:["EXT_texture_filter_anisotropic"]},"texture-blend-float-webgl":{extensions:["EXT_float_blend"]},"texture-compression-bc":{extensions:[pa,ga,io,oo]},"texture-compression-bc5-webgl":{extensions:[io]},"texture-compression-bc7-webgl":{extensions:[oo]},"texture-compression-etc2":{extensions:[dk]},"texture-compression-astc":{extensions:[hk]},"texture-compression-etc1-webgl":{extensions:[pk]},"texture-compression-pvrtc-webgl":{extensions:[gk]},"texture-compression-atc-webgl":{extensions:[mk]}};Nf={r8unorm:{gl:33321,rb:!0},r8snorm:{gl:36756,r:gm},r8uint:{gl:33330,rb:!0},r8sint:{gl:33329,rb:!0},rg8unorm:{gl:33323,rb:!0},rg8snorm:{gl:36757,r:gm},rg8uint:{gl:33336,rb:!0},rg8sint:{gl:33335,rb:!0},r16uint:{gl:33332,rb:!0},r16sint:{gl:33331,rb:!0},r16float:{gl:33325,rb:!0,r:_m},r16unorm:{gl:33322,rb:!0,r:mm},r16snorm:{gl:36760,r:ym},"rgba4unorm-webgl":{gl:32854,rb:!0},"rgb565unorm-webgl":{gl:36194,rb:!0},"rgb5a1unorm-webgl":{gl:32855,rb:!0},"rgb8unorm-webgl":{gl:32849},"rgb8snorm-webgl":{gl:36758},rgba8unorm:{gl:32856},"rgba8unorm-srgb":{gl:35907},rgba8snorm:{gl:36759,r:gm},rgba8uint:{gl:36220},rgba8sint:{gl:36238},bgra8unorm:{},"bgra8unorm-srgb":{},rg16uint:{gl:33338},rg16sint:{gl:33337},rg16float:{gl:33327,rb:!0,r:_m},rg16unorm:{gl:33324,r:mm},rg16snorm:{gl:36761,r:ym},r32uint:{gl:33334,rb:!0},r32sint:{gl:33333,rb:!0},r32float:{gl:33326,r:Df},rgb9e5ufloat:{gl:35901,r:_k},rg11b10ufloat:{gl:35898,rb:!0},rgb10a2unorm:{gl:32857,rb:!0},rgb10a2uint:{gl:36975,rb:!0},"rgb16unorm-webgl":{gl:32852,r:!1},"rgb16snorm-webgl":{gl:36762,r:!1},rg32uint:{gl:33340,rb:!0},rg32sint:{gl:33339,rb:!0},rg32float:{gl:33328,rb:!0,r:Df},rgba16uint:{gl:36214,rb:!0},rgba16sint:{gl:36232,rb:!0},rgba16float:{gl:34842,r:_m},rgba16unorm:{gl:32859,rb:!0,r:mm},rgba16snorm:{gl:36763,r:ym},"rgb32float-webgl":{gl:34837,x:fP,r:Df,dataFormat:6407,types:[5126]},rgba32uint:{gl:36208,rb:!0},rgba32sint:{gl:36226,rb:!0},rgba32float:{gl:34836,rb:!0,r:Df},stencil8:{gl:36168,rb:!0},depth16unorm:{gl:33189,dataFormat:6402,types:[5123],rb:!0},depth24plus:{gl:33190,dataFormat:6402,types:[5125]},depth32float:{gl:36012,dataFormat:6402,types:[5126],rb:!0},"depth24plus-stencil8":{gl:35056,rb:!0,depthTexture:!0,dataFormat:34041,types:[34042]},"depth32float-stencil8":{gl:36013,dataFormat:34041,types:[36269],rb:!0},"bc1-rgb-unorm-webgl":{gl:33776,x:pa},"bc1-rgb-unorm-srgb-webgl":{gl:35916,x:ga},"bc1-rgba-unorm":{gl:33777,x:pa},"bc1-rgba-unorm-srgb":{gl:35916,x:ga},"bc2-rgba-unorm":{gl:33778,x:pa},"bc2-rgba-unorm-srgb":{gl:35918,x:ga},"bc3-rgba-unorm":{gl:33779,x:pa},"bc3-rgba-unorm-srgb":{gl:35919,x:ga},"bc4-r-unorm":{gl:36283,x:io},"bc4-r-snorm":{gl:36284,x:io},"bc5-rg-unorm":{gl:36285,x:io},"bc5-rg-snorm":{gl:36286,x:io},"bc6h-rgb-ufloat":{gl:36495,x:oo},"bc6h-rgb-float":{gl:36494,x:oo},"bc7-rgba-unorm":{gl:36492,x:oo},"bc7-rgba-unorm-srgb":{gl:36493,x:oo},"etc2-rgb8unorm":{gl:37492},"etc2-rgb8unorm-srgb":{gl:37494},"etc2-rgb8a1unorm":{gl:37496},"etc2-rgb8a1unorm-srgb":{gl:37497},"etc2-rgba8unorm":{gl:37493},"etc2-rgba8unorm-srgb":{gl:37495},"eac-r11unorm":{gl:37488},"eac-r11snorm":{gl:37489},"eac-rg11unorm":{gl:37490},"eac-rg11snorm":{gl:37491},"astc-4x4-unorm":{gl:37808},"astc-4x4-unorm-srgb":{gl:37840},"astc-5x4-unorm":{gl:37809},"astc-5x4-unorm-srgb":{gl:37841},"astc-5x5-unorm":{gl:37810},"astc-5x5-unorm-srgb":{gl:37842},"astc-6x5-unorm":{gl:37811},"astc-6x5-unorm-srgb":{gl:37843},"astc-6x6-unorm":{gl:37812},"astc-6x6-unorm-srgb":{gl:37844},"astc-8x5-unorm":{gl:37813},"astc-8x5-unorm-srgb":{gl:37845},"astc-8x6-unorm":{gl:37814},"astc-8x6-unorm-srgb":{gl:37846},"astc-8x8-unorm":{gl:37815},"astc-8x8-unorm-srgb":{gl:37847},"astc-10x5-unorm":{gl:37816},"astc-10x5-unorm-srgb":{gl:37848},"astc-10x6-unorm":{gl:37817},"astc-10x6-unorm-srgb":{gl:37849},"astc-10x8-unorm":{gl:37818},"astc-10x8-unorm-srgb":{gl:37850},"astc-10x10-unorm":{gl:37819},"astc-10x10-unorm-srgb":{gl:37851},"astc-12x10-unorm":{gl:37820},"astc-12x10-unorm-srgb":{gl:37852},"astc-12x12-unorm":{gl:37821},"astc-12x12-unorm-srgb":{gl:37853},"pvrtc-rgb4unorm-webgl":{gl:35840},"pvrtc-rgba4unorm-webgl":{gl:35842},"pvrtc-rgb2unorm-webgl":{gl:35841},"pvrtc-rgba2unorm-webgl":{gl:35843},"etc1-rbg-unorm-webgl":{gl:36196},"atc-rgb-unorm-webgl":{gl:35986},"atc-rgba-unorm-webgl":{gl:35986},"atc-rgbai-unorm-webgl":{gl:34798}}});var gP,zf,mP=b(()=>{z();ha();so();gP={"depth-clip-control":"EXT_depth_clamp","timestamp-query":"EXT_disjoint_timer_query_webgl2","compilation-status-async-webgl":"KHR_parallel_shader_compile","html-in-canvas":r=>Wh()&&typeof r.texElementImage2D=="function","polygon-mode-webgl":"WEBGL_polygon_mode","provoking-vertex-webgl":"WEBGL_provoking_vertex","shader-clip-cull-distance-webgl":"WEBGL_clip_cull_distance","shader-noperspective-interpolation-webgl":"NV_shader_noperspective_interpolation","shader-conservative-depth-webgl":"EXT_conservative_depth"},zf=class extends Jo{constructor(t,n,i){super([],i);h(this,"gl");h(this,"extensions");h(this,"testedFeatures",new Set);this.gl=t,this.extensions=n,Dt(t,"EXT_color_buffer_float",n)}*[Symbol.iterator](){let t=this.getFeatures();for(let n of t)this.has(n)&&(yield n);return[]}has(t){return this.disabledFeatures?.[t]?!1:(this.testedFeatures.has(t)||(this.testedFeatures.add(t),uP(t)&&xm(this.gl,t,this.extensions)&&this.features.add(t),this.getWebGLFeature(t)&&this.features.add(t)),this.features.has(t))}initializeFeatures(){let t=this.getFeatures().filter(n=>n!=="polygon-mode-webgl");for(let n of t)this.has(n)}getFeatures(){return[...Object.keys(gP),...Object.keys(kf)]}getWebGLFeature(t){let n=gP[t];return typeof n=="string"?!!Dt(this.gl,n,this.extensions):typeof n=="function"?n(this.gl):!!n}}});var Uf,yP=b(()=>{z();Uf=class extends Qo{constructor(t){super();h(this,"gl");h(this,"limits",{});this.gl=t}get maxTextureDimension1D(){return 0}get maxTextureDimension2D(){return this.getParameter(3379)}get maxTextureDimension3D(){return this.getParameter(32883)}get maxTextureArrayLayers(){return this.getParameter(35071)}get maxBindGroups(){return 0}get maxBindGroupsPlusVertexBuffers(){return 0}get maxBindingsPerBindGroup(){return 0}get maxDynamicUniformBuffersPerPipelineLayout(){return 0}get maxDynamicStorageBuffersPerPipelineLayout(){return 0}get maxSampledTexturesPerShaderStage(){return this.getParameter(35660)}get maxSamplersPerShaderStage(){return this.getParameter(35661)}get maxStorageBuffersPerShaderStage(){return 0}get maxStorageBuffersInVertexStage(){return 0}get maxStorageBuffersInFragmentStage(){return 0}get maxStorageTexturesPerShaderStage(){return 0}get maxStorageTexturesInVertexStage(){return 0}get maxStorageTexturesInFragmentStage(){return 0}get maxUniformBuffersPerShaderStage(){return this.getParameter(35375)}get maxUniformBufferBindingSize(){return this.getParameter(35376)}get maxStorageBufferBindingSize(){return 0}get maxBufferSize(){return Number.MAX_SAFE_INTEGER}get minUniformBufferOffsetAlignment(){return this.getParameter(35380)}get minStorageBufferOffsetAlignment(){return 0}get maxVertexBuffers(){return 16}get maxVertexAttributes(){return this.getParameter(34921)}get maxVertexBufferArrayStride(){return 2048}get maxInterStageShaderVariables(){return this.getParameter(35659)}get maxColorAttachments(){return this.getParameter(36063)}get maxColorAttachmentBytesPerSample(){return 0}get maxComputeWorkgroupStorageSize(){return 0}get maxComputeInvocationsPerWorkgroup(){return 0}get maxComputeWorkgroupSizeX(){return 0}get maxComputeWorkgroupSizeY(){return 0}get maxComputeWorkgroupSizeZ(){return 0}get maxComputeWorkgroupsPerDimension(){return 0}getParameter(t){return this.limits[t]===void 0&&(this.limits[t]=this.gl.getParameter(t)),this.limits[t]||0}}});function wk(r){return r<34069?r+34069:r}function Ek(r){switch(r){case 36053:return"success";case 36054:return"Mismatched attachments";case 36055:return"No attachments";case 36057:return"Height/width mismatch";case 36061:return"Unsupported or split attachments";case 36182:return"Samples mismatch";default:return`${r}`}}var sr,Gf=b(()=>{z();so();sr=class extends En{constructor(t,n){super(t,n);h(this,"device");h(this,"gl");h(this,"handle");h(this,"colorAttachments",[]);h(this,"depthStencilAttachment",null);let i=n.handle,o=i===null;this.device=t,this.gl=t.gl,this.handle=i||o?i:this.gl.createFramebuffer(),o||(t._setWebGLDebugMetadata(this.handle,this,{spector:this.props}),n.handle||(this.autoCreateAttachmentTextures(),this.updateAttachments()))}destroy(){super.destroy(),!this.destroyed&&this.handle!==null&&!this.props.handle&&this.gl.deleteFramebuffer(this.handle)}updateAttachments(){let t=this.gl.bindFramebuffer(36160,this.handle);for(let n=0;n<this.colorAttachments.length;++n){let i=this.colorAttachments[n];if(i){let o=36064+n;this._attachTextureView(o,i)}}if(this.depthStencilAttachment){let n=pP(this.depthStencilAttachment.props.format);this._attachTextureView(n,this.depthStencilAttachment)}if(this.device.props.debug){let n=this.gl.checkFramebufferStatus(36160);if(n!==36053)throw new Error(`Framebuffer ${Ek(n)}`)}this.gl.bindFramebuffer(36160,t)}_attachTextureView(t,n){let{gl:i}=this.device,{texture:o}=n,s=n.props.baseMipLevel,a=n.props.baseArrayLayer;switch(i.bindTexture(o.glTarget,o.handle),o.glTarget){case 35866:case 32879:i.framebufferTextureLayer(36160,t,o.handle,s,a);break;case 34067:let c=wk(a);i.framebufferTexture2D(36160,t,c,o.handle,s);break;case 3553:i.framebufferTexture2D(36160,t,3553,o.handle,s);break;default:throw new Error("Illegal texture type")}i.bindTexture(o.glTarget,null)}resizeAttachments(t,n){if(this.handle===null){this.width=t,this.height=n;return}super.resizeAttachments(t,n)}}});var $f,_P=b(()=>{z();Gf();$f=class extends wi{constructor(t,n){super(n);h(this,"device");h(this,"handle",null);h(this,"_framebuffer",null);this.device=t,this._setAutoCreatedCanvasId(`${this.device.id}-canvas`),this._configureDevice()}get[Symbol.toStringTag](){return"WebGLCanvasContext"}_configureDevice(){(this.drawingBufferWidth!==this._framebuffer?.width||this.drawingBufferHeight!==this._framebuffer?.height)&&this._framebuffer?.resize([this.drawingBufferWidth,this.drawingBufferHeight])}_getCurrentFramebuffer(){return this._framebuffer||(this._framebuffer=new sr(this.device,{id:"canvas-context-framebuffer",handle:null,width:this.drawingBufferWidth,height:this.drawingBufferHeight})),this._framebuffer}}});var Vf,xP=b(()=>{z();Vf=class extends es{constructor(t,n={}){super(n);h(this,"device");h(this,"handle",null);h(this,"context2d");this.device=t;let i=`${this[Symbol.toStringTag]}(${this.id})`;if(!this.device.getDefaultCanvasContext().offscreenCanvas)throw new Error(`${i}: WebGL PresentationContext requires the default CanvasContext canvas to be an OffscreenCanvas`);let s=this.canvas.getContext("2d");if(!s)throw new Error(`${i}: Failed to create 2d presentation context`);this.context2d=s,this._setAutoCreatedCanvasId(`${this.device.id}-presentation-canvas`),this._configureDevice(),this._startObservers()}get[Symbol.toStringTag](){return"WebGLPresentationContext"}present(){this._resizeDrawingBufferIfNeeded(),this.device.submit();let t=this.device.getDefaultCanvasContext(),[n,i]=t.getDrawingBufferSize();if(!(this.drawingBufferWidth===0||this.drawingBufferHeight===0||n===0||i===0||t.canvas.width===0||t.canvas.height===0)){if(n!==this.drawingBufferWidth||i!==this.drawingBufferHeight||t.canvas.width!==this.drawingBufferWidth||t.canvas.height!==this.drawingBufferHeight)throw new Error(`${this[Symbol.toStringTag]}(${this.id}): Default canvas context size ${n}x${i} does not match presentation size ${this.drawingBufferWidth}x${this.drawingBufferHeight}`);this.context2d.clearRect(0,0,this.drawingBufferWidth,this.drawingBufferHeight),this.context2d.drawImage(t.canvas,0,0)}}_configureDevice(){}_getCurrentFramebuffer(t){let n=this.device.getDefaultCanvasContext();return n.setDrawingBufferSize(this.drawingBufferWidth,this.drawingBufferHeight),n.getCurrentFramebuffer(t)}}});function bP(r="id"){bm[r]=bm[r]||1;let e=bm[r]++;return`${r}-${e}`}var bm,vP=b(()=>{bm={}});function Pk(r){return r&V.INDEX?34963:r&V.VERTEX?34962:r&V.UNIFORM?35345:34962}function Sk(r){return r&V.INDEX||r&V.VERTEX?35044:r&V.UNIFORM?35048:35044}var kt,Wf=b(()=>{z();kt=class extends V{constructor(t,n={}){super(t,n);h(this,"device");h(this,"gl");h(this,"handle");h(this,"glTarget");h(this,"glUsage");h(this,"glIndexType",5123);h(this,"byteLength",0);h(this,"bytesUsed",0);this.device=t,this.gl=this.device.gl;let i=typeof n=="object"?n.handle:void 0;this.handle=i||this.gl.createBuffer(),t._setWebGLDebugMetadata(this.handle,this,{spector:{...this.props,data:typeof this.props.data}}),this.glTarget=Pk(this.props.usage),this.glUsage=Sk(this.props.usage),this.glIndexType=this.props.indexType==="uint32"?5125:5123,n.data?this._initWithData(n.data,n.byteOffset,n.byteLength):this._initWithByteLength(n.byteLength||0)}destroy(){!this.destroyed&&this.handle&&(this.removeStats(),this.props.handle?this.trackDeallocatedReferencedMemory("Buffer"):(this.trackDeallocatedMemory(),this.gl.deleteBuffer(this.handle)),this.destroyed=!0,this.handle=null)}_initWithData(t,n=0,i=t.byteLength+n){let o=this.glTarget;this.gl.bindBuffer(o,this.handle),this.gl.bufferData(o,i,this.glUsage),this.gl.bufferSubData(o,n,t),this.gl.bindBuffer(o,null),this.bytesUsed=i,this.byteLength=i,this._setDebugData(t,n,i),this.props.handle?this.trackReferencedMemory(i,"Buffer"):this.trackAllocatedMemory(i)}_initWithByteLength(t){let n=t;t===0&&(n=new Float32Array(0));let i=this.glTarget;return this.gl.bindBuffer(i,this.handle),this.gl.bufferData(i,n,this.glUsage),this.gl.bindBuffer(i,null),this.bytesUsed=t,this.byteLength=t,this._setDebugData(null,0,t),this.props.handle?this.trackReferencedMemory(t,"Buffer"):this.trackAllocatedMemory(t),this}write(t,n=0){let i=ArrayBuffer.isView(t)?t:new Uint8Array(t),o=0,s=void 0,a=36663;this.gl.bindBuffer(a,this.handle),o!==0||s!==void 0?this.gl.bufferSubData(a,n,i,o,s):this.gl.bufferSubData(a,n,i),this.gl.bindBuffer(a,null),this._setDebugData(t,n,t.byteLength)}async mapAndWriteAsync(t,n=0,i=this.byteLength-n){let o=new ArrayBuffer(i);await t(o,"copied"),this.write(o,n)}async readAsync(t=0,n){return this.readSyncWebGL(t,n)}async mapAndReadAsync(t,n=0,i){let o=await this.readAsync(n,i);return await t(o.buffer,"copied")}readSyncWebGL(t=0,n){n=n??this.byteLength-t;let i=new Uint8Array(n),o=0;return this.gl.bindBuffer(36662,this.handle),this.gl.getBufferSubData(36662,t,i,o,n),this.gl.bindBuffer(36662,null),this._setDebugData(i,t,n),i}}});function wP(r){let e=r.split(/\r?\n/),t=[];for(let n of e){if(n.length<=1)continue;let i=n.trim(),o=n.split(":"),s=o[0]?.trim();if(o.length===2){let[p,g]=o;if(!p||!g){t.push({message:i,type:jf(s||"info"),lineNum:0,linePos:0});continue}t.push({message:g.trim(),type:jf(p),lineNum:0,linePos:0});continue}let[a,c,l,...f]=o;if(!a||!c||!l){t.push({message:o.slice(1).join(":").trim()||i,type:jf(s||"info"),lineNum:0,linePos:0});continue}let u=parseInt(l,10);Number.isNaN(u)&&(u=0);let d=parseInt(c,10);Number.isNaN(d)&&(d=0),t.push({message:f.join(":").trim(),type:jf(a),lineNum:u,linePos:d})}return t}function jf(r){let e=["warning","error","info"],t=r.toLowerCase();return e.includes(t)?t:"info"}var EP=b(()=>{});function Tk(r){return r.split(/\r?\n/).find(e=>e.trim())?.trim()}var Hf,PP=b(()=>{z();EP();Hf=class extends wn{constructor(t,n){super(t,n);h(this,"device");h(this,"handle");h(this,"_compilationInfoLog","");this.device=t;let i=this.props.handle;switch(this.props.stage){case"vertex":this.handle=i||this.device.gl.createShader(35633);break;case"fragment":this.handle=i||this.device.gl.createShader(35632);break;default:throw new Error(this.props.stage)}t._setWebGLDebugMetadata(this.handle,this,{spector:this.props});let o=this._compile(this.source);o&&typeof o.catch=="function"&&o.catch(()=>{this.compilationStatus="error"})}destroy(){this.handle&&(this.removeStats(),this.device.gl.deleteShader(this.handle),this.destroyed=!0,this.handle.destroyed=!0)}get asyncCompilationStatus(){return this._waitForCompilationComplete().then(()=>(this._getCompilationStatus(),this.compilationStatus))}async getCompilationInfo(){return await this._waitForCompilationComplete(),this.getCompilationInfoSync()}getCompilationInfoSync(){let t=this._getCompilationInfoLog();return t?wP(t):[]}getTranslatedSource(){return this.device.getExtension("WEBGL_debug_shaders").WEBGL_debug_shaders?.getTranslatedShaderSource(this.handle)||null}_compile(t){t=t.startsWith("#version ")?t:`#version 300 es
${t}`;let{gl:n}=this.device;if(n.shaderSource(this.handle,t),n.compileShader(this.handle),!this.device.props.debug){this.compilationStatus="pending";return}if(!this.device.features.has("compilation-status-async-webgl")){if(this._getCompilationStatus(),this.debugShader(),this.compilationStatus==="error")throw new Error(this._getCompilationErrorMessage(t));return}return S.once(1,"Shader compilation is asynchronous")(),this._waitForCompilationComplete().then(()=>{S.info(2,`Shader ${this.id} - async compilation complete: ${this.compilationStatus}`)(),this._getCompilationStatus(),this.debugShader()})}async _waitForCompilationComplete(){let t=async o=>await new Promise(s=>setTimeout(s,o));if(!this.device.features.has("compilation-status-async-webgl")){await t(10);return}let{gl:i}=this.device;for(;;){if(i.getShaderParameter(this.handle,37297))return;await t(10)}}_getCompilationStatus(){this.compilationStatus=this.device.gl.getShaderParameter(this.handle,35713)?"success":"error",this.compilationStatus==="error"&&this._getCompilationInfoLog()}_getCompilationErrorMessage(t){let n=`${this.props.stage} shader ${this.props.id}`,i=Tk(this._getCompilationInfoLog()),o=this.getCompilationInfoSync(),s=o.find(u=>u.type==="error"&&u.message.trim())||o.find(u=>u.message.trim())||o.find(u=>u.type==="error")||o[0];if(!s)return i?`GLSL compilation errors in ${n}: ${i}`:`GLSL compilation errors in ${n}: WebGL did not provide a shader compiler log`;let a=s.lineNum?t.split(/\r?\n/)[s.lineNum-1]?.trim():void 0,c=s.lineNum?` line ${s.lineNum}`:"",l=a?`
Source: ${a}`:"",f=s.message.trim()||i||"WebGL did not provide a shader compiler log";return`GLSL compilation errors in ${n}:${c}: ${f}${l}`}_getCompilationInfoLog(){let t=this.device.gl.getShaderInfoLog(this.handle)?.trim();return t&&(this._compilationInfoLog=t),this._compilationInfoLog}}});function TP(r,e,t,n){if(Mk(e))return n(r);let i=r;i.pushState();try{return Lk(r,e),Ot(i.gl,t),n(r)}finally{i.popState()}}function Lk(r,e){let t=r,{gl:n}=t;if(e.cullMode)switch(e.cullMode){case"none":n.disable(2884);break;case"front":n.enable(2884),n.cullFace(1028);break;case"back":n.enable(2884),n.cullFace(1029);break}if(e.frontFace&&n.frontFace(ei("frontFace",e.frontFace,{ccw:2305,cw:2304})),e.unclippedDepth&&r.features.has("depth-clip-control")&&n.enable(34383),e.depthBias!==void 0&&(n.enable(32823),n.polygonOffset(e.depthBias,e.depthBiasSlopeScale||0)),e.provokingVertex&&r.features.has("provoking-vertex-webgl")){let o=t.getExtension("WEBGL_provoking_vertex").WEBGL_provoking_vertex,s=ei("provokingVertex",e.provokingVertex,{first:36429,last:36430});o?.provokingVertexWEBGL(s)}if((e.polygonMode||e.polygonOffsetLine)&&r.features.has("polygon-mode-webgl")){if(e.polygonMode){let o=t.getExtension("WEBGL_polygon_mode").WEBGL_polygon_mode,s=ei("polygonMode",e.polygonMode,{fill:6914,line:6913});o?.polygonModeWEBGL(1028,s),o?.polygonModeWEBGL(1029,s)}e.polygonOffsetLine&&n.enable(10754)}if(r.features.has("shader-clip-cull-distance-webgl")&&(e.clipDistance0&&n.enable(12288),e.clipDistance1&&n.enable(12289),e.clipDistance2&&n.enable(12290),e.clipDistance3&&n.enable(12291),e.clipDistance4&&n.enable(12292),e.clipDistance5&&n.enable(12293),e.clipDistance6&&n.enable(12294),e.clipDistance7&&n.enable(12295)),e.depthWriteEnabled!==void 0&&n.depthMask(Ck("depthWriteEnabled",e.depthWriteEnabled)),e.depthCompare&&(e.depthCompare!=="always"?n.enable(2929):n.disable(2929),n.depthFunc(qf("depthCompare",e.depthCompare))),e.clearDepth!==void 0&&n.clearDepth(e.clearDepth),e.stencilWriteMask){let i=e.stencilWriteMask;n.stencilMaskSeparate(1028,i),n.stencilMaskSeparate(1029,i)}if(e.stencilReadMask&&S.warn("stencilReadMask not supported under WebGL"),e.stencilCompare){let i=e.stencilReadMask||4294967295,o=qf("depthCompare",e.stencilCompare);e.stencilCompare!=="always"?n.enable(2960):n.disable(2960),n.stencilFuncSeparate(1028,o,0,i),n.stencilFuncSeparate(1029,o,0,i)}if(e.stencilPassOperation&&e.stencilFailOperation&&e.stencilDepthFailOperation){let i=vm("stencilPassOperation",e.stencilPassOperation),o=vm("stencilFailOperation",e.stencilFailOperation),s=vm("stencilDepthFailOperation",e.stencilDepthFailOperation);n.stencilOpSeparate(1028,o,s,i),n.stencilOpSeparate(1029,o,s,i)}switch(e.blend){case!0:n.enable(3042);break;case!1:n.disable(3042);break;default:}if(e.blendColorOperation||e.blendAlphaOperation){let i=SP("blendColorOperation",e.blendColorOperation||"add"),o=SP("blendAlphaOperation",e.blendAlphaOperation||"add");n.blendEquationSeparate(i,o);let s=Yf("blendColorSrcFactor",e.blendColorSrcFactor||"one"),a=Yf("blendColorDstFactor",e.blendColorDstFactor||"zero"),c=Yf("blendAlphaSrcFactor",e.blendAlphaSrcFactor||"one"),l=Yf("blendAlphaDstFactor",e.blendAlphaDstFactor||"zero");n.blendFuncSeparate(s,a,c,l)}}function qf(r,e){return ei(r,e,{never:512,less:513,equal:514,"less-equal":515,greater:516,"not-equal":517,"greater-equal":518,always:519})}function vm(r,e){return ei(r,e,{keep:7680,zero:0,replace:7681,invert:5386,"increment-clamp":7682,"decrement-clamp":7683,"increment-wrap":34055,"decrement-wrap":34056})}function SP(r,e){return ei(r,e,{add:32774,subtract:32778,"reverse-subtract":32779,min:32775,max:32776})}function Yf(r,e,t="color"){return ei(r,e,{one:1,zero:0,src:768,"one-minus-src":769,dst:774,"one-minus-dst":775,"src-alpha":770,"one-minus-src-alpha":771,"dst-alpha":772,"one-minus-dst-alpha":773,"src-alpha-saturated":776,constant:t==="color"?32769:32771,"one-minus-constant":t==="color"?32770:32772,src1:768,"one-minus-src1":769,"src1-alpha":770,"one-minus-src1-alpha":771})}function Ak(r,e){return`Illegal parameter ${e} for ${r}`}function ei(r,e,t){if(!(e in t))throw new Error(Ak(r,e));return t[e]}function Ck(r,e){return e}function Mk(r){let e=!0;for(let t in r){e=!1;break}return e}var wm=b(()=>{z();no()});function Zf(r){let e={};return r.addressModeU&&(e[10242]=Em(r.addressModeU)),r.addressModeV&&(e[10243]=Em(r.addressModeV)),r.addressModeW&&(e[32882]=Em(r.addressModeW)),r.magFilter&&(e[10240]=Pm(r.magFilter)),(r.minFilter||r.mipmapFilter)&&(e[10241]=Ik(r.minFilter||"linear",r.mipmapFilter)),r.lodMinClamp!==void 0&&(e[33082]=r.lodMinClamp),r.lodMaxClamp!==void 0&&(e[33083]=r.lodMaxClamp),r.type==="comparison-sampler"&&(e[34892]=34894),r.compare&&(e[34893]=qf("compare",r.compare)),r.maxAnisotropy&&(e[34046]=r.maxAnisotropy),e}function Em(r){switch(r){case"clamp-to-edge":return 33071;case"repeat":return 10497;case"mirror-repeat":return 33648}}function Pm(r){switch(r){case"nearest":return 9728;case"linear":return 9729}}function Ik(r,e="none"){if(!e)return Pm(r);switch(e){case"none":return Pm(r);case"nearest":switch(r){case"nearest":return 9984;case"linear":return 9985}break;case"linear":switch(r){case"nearest":return 9986;case"linear":return 9987}}}var Sm=b(()=>{wm()});var Xf,LP=b(()=>{z();Sm();Xf=class extends bn{constructor(t,n){super(t,n);h(this,"device");h(this,"handle");h(this,"parameters");this.device=t,this.parameters=Zf(n),this.handle=n.handle||this.device.gl.createSampler(),this._setSamplerParameters(this.parameters)}destroy(){this.handle&&(this.device.gl.deleteSampler(this.handle),this.handle=void 0)}toString(){return`Sampler(${this.id},${JSON.stringify(this.props)})`}_setSamplerParameters(t){for(let[n,i]of Object.entries(t)){let o=Number(n);switch(o){case 33082:case 33083:this.device.gl.samplerParameterf(this.handle,o,i);break;default:this.device.gl.samplerParameteri(this.handle,o,i);break}}}}});function Nt(r,e,t){if(Rk(e))return t(r);let{nocatch:n=!0}=e,i=Bt.get(r);i.push(),Ot(r,e);let o;if(n)o=t(r),i.pop();else try{o=t(r)}finally{i.pop()}return o}function Rk(r){for(let e in r)return!1;return!0}var Kf=b(()=>{no();dm()});var ar,Tm=b(()=>{z();ar=class extends vn{constructor(t,n){super(t,{...q.defaultProps,...n});h(this,"device");h(this,"gl");h(this,"handle");h(this,"texture");this.device=t,this.gl=this.device.gl,this.handle=null,this.texture=n.texture}}});function Qf(r){return Ok[r]}var Ok,Lm=b(()=>{Ok={5124:"sint32",5125:"uint32",5122:"sint16",5123:"uint16",5120:"sint8",5121:"uint8",5126:"float32",5131:"float16",33635:"uint16",32819:"uint16",32820:"uint16",33640:"uint32",35899:"uint32",35902:"uint32",34042:"uint32",36269:"uint32"}});function Bk(r,e=0){return e?new r.constructor(r.buffer,r.byteOffset+e,(r.byteLength-e)/r.BYTES_PER_ELEMENT):r}function Dk(r,e){if(e%r.BYTES_PER_ELEMENT!==0)throw new Error(`Texture byteOffset ${e} must align to typed array element size ${r.BYTES_PER_ELEMENT}`);return e/r.BYTES_PER_ELEMENT}function kk(r){switch(r){case"1d":break;case"2d":return 3553;case"3d":return 32879;case"cube":return 34067;case"2d-array":return 35866;case"cube-array":break}throw new Error(r)}function ma(r,e,t){return e==="cube"?34069+t:r}var cr,Jf=b(()=>{z();so();Sm();Kf();Tm();Lm();cr=class extends q{constructor(t,n){super(t,n,{byteAlignment:1});h(this,"device");h(this,"gl");h(this,"handle");h(this,"sampler");h(this,"view");h(this,"glTarget");h(this,"glFormat");h(this,"glType");h(this,"glInternalFormat");h(this,"compressed");h(this,"_textureUnit",0);h(this,"_framebuffer",null);h(this,"_framebufferAttachmentKey",null);this.device=t,this.gl=this.device.gl;let i=Ff(this.props.format);if(this.glTarget=kk(this.props.dimension),this.glInternalFormat=i.internalFormat,this.glFormat=i.format,this.glType=i.type,this.compressed=i.compressed,this.isHandleBorrowed&&this.props.handle===void 0)throw new Error("Borrowed WebGL textures require a texture handle");if(this.handle=this.props.handle||this.gl.createTexture(),this.device._setWebGLDebugMetadata(this.handle,this,{spector:this.props}),!this.isHandleBorrowed){this.gl.bindTexture(this.glTarget,this.handle);let{dimension:o,width:s,height:a,depth:c,mipLevels:l,glTarget:f,glInternalFormat:u}=this;if(!this.compressed)switch(o){case"2d":case"cube":this.gl.texStorage2D(f,l,u,s,a);break;case"2d-array":case"3d":this.gl.texStorage3D(f,l,u,s,a,c);break;default:throw new Error(o)}this.gl.bindTexture(this.glTarget,null),this._initializeData(n.data)}this.ownsHandle?this.trackAllocatedMemory(this.getAllocatedByteLength(),"Texture"):this.trackReferencedMemory(this.getAllocatedByteLength(),"Texture"),this.isHandleBorrowed||this.setSampler(this.props.sampler),this.view=new ar(this.device,{...this.props,texture:this}),Object.seal(this)}destroy(){this.handle&&(this._framebuffer?.destroy(),this._framebuffer=null,this._framebufferAttachmentKey=null,this.removeStats(),this.ownsHandle?(this.gl.deleteTexture(this.handle),this.trackDeallocatedMemory("Texture")):this.trackDeallocatedReferencedMemory("Texture"),this.destroyed=!0)}createView(t){return new ar(this.device,{...t,texture:this})}clone(t){if(this.isHandleBorrowed&&t&&(t.width!==this.width||t.height!==this.height))throw new Error(`Cannot resize borrowed read-only ${this}`);return super.clone(t)}setSampler(t={}){this._assertWritable("set sampler parameters on"),super.setSampler(t);let n=Zf(this.sampler.props);this._setSamplerParameters(n)}copyExternalImage(t){this._assertWritable("copy external image data into");let n=this._normalizeCopyExternalImageOptions(t);if(n.sourceX||n.sourceY)throw new Error("WebGL does not support sourceX/sourceY)");let{glFormat:i,glType:o}=this,{image:s,depth:a,mipLevel:c,x:l,y:f,z:u,width:d,height:p}=n,g=ma(this.glTarget,this.dimension,u),m=n.flipY?{37440:!0}:{};return this.gl.bindTexture(this.glTarget,this.handle),Nt(this.gl,m,()=>{switch(this.dimension){case"2d":case"cube":this.gl.texSubImage2D(g,c,l,f,d,p,i,o,s);break;case"2d-array":case"3d":this.gl.texSubImage3D(g,c,l,f,u,d,p,a,i,o,s);break;default:}}),this.gl.bindTexture(this.glTarget,null),{width:n.width,height:n.height}}copyElementImage(t){this._assertWritable("copy element image data into");let n=this._normalizeCopyElementImageOptions(t),{glFormat:i}=this,{element:o,depth:s,mipLevel:a,sourceX:c,sourceY:l,sourceWidth:f,sourceHeight:u,x:d,y:p,z:g,width:m,height:y}=n,x=ma(this.glTarget,this.dimension,g),v=n.flipY?{37440:!0}:{},_=this.gl;if(s!==1||this.dimension!=="2d"&&this.dimension!=="cube")throw new Error(`${this} copyElementImage only supports 2d and cube textures on WebGL`);if(a!==0||d!==0||p!==0)throw new Error(`${this} copyElementImage only supports full base-level uploads on WebGL`);if(typeof _.texElementImage2D!="function")throw new Error(`${this} copyElementImage is not supported by this WebGL implementation`);return this.gl.bindTexture(this.glTarget,this.handle),Nt(this.gl,v,()=>{_.texElementImage2D?.(x,i,o,{sx:c,sy:l,swidth:f??m,sheight:u??y,width:m,height:y})}),this.gl.bindTexture(this.glTarget,null),{width:n.width,height:n.height}}copyImageData(t){super.copyImageData(t)}readBuffer(t={},n){if(!n)throw new Error(`${this} readBuffer requires a destination buffer`);let i=this._getSupportedColorReadOptions(t),o=t.byteOffset??0,s=this.computeMemoryLayout(i);if(n.byteLength<o+s.byteLength)throw new Error(`${this} readBuffer target is too small (${n.byteLength} < ${o+s.byteLength})`);let a=n;this.gl.bindBuffer(35051,a.handle);try{this._readColorTextureLayers(i,s,c=>{this.gl.readPixels(i.x,i.y,i.width,i.height,this.glFormat,this.glType,o+c)})}finally{this.gl.bindBuffer(35051,null)}return n}async readDataAsync(t={}){throw new Error(`${this} readDataAsync is deprecated; use readBuffer() with an explicit destination buffer or DynamicTexture.readAsync()`)}writeBuffer(t,n={}){this._assertWritable("write buffer data into");let i=this._normalizeTextureWriteOptions(n),{width:o,height:s,depthOrArrayLayers:a,mipLevel:c,byteOffset:l,x:f,y:u,z:d}=i,{glFormat:p,glType:g,compressed:m}=this,y=ma(this.glTarget,this.dimension,d);if(m)throw new Error("writeBuffer for compressed textures is not implemented in WebGL");let{bytesPerPixel:x}=this.device.getTextureFormatInfo(this.format),v=x?i.bytesPerRow/x:void 0,_={3317:this.byteAlignment,...v!==void 0?{3314:v}:{},32878:i.rowsPerImage};this.gl.bindTexture(this.glTarget,this.handle),this.gl.bindBuffer(35052,t.handle),Nt(this.gl,_,()=>{switch(this.dimension){case"2d":case"cube":this.gl.texSubImage2D(y,c,f,u,o,s,p,g,l);break;case"2d-array":case"3d":this.gl.texSubImage3D(y,c,f,u,d,o,s,a,p,g,l);break;default:}}),this.gl.bindBuffer(35052,null),this.gl.bindTexture(this.glTarget,null)}writeData(t,n={}){this._assertWritable("write data into");let i=this._normalizeTextureWriteOptions(n),o=ArrayBuffer.isView(t)?t:new Uint8Array(t),{width:s,height:a,depthOrArrayLayers:c,mipLevel:l,x:f,y:u,z:d,byteOffset:p}=i,{glFormat:g,glType:m,compressed:y}=this,x=ma(this.glTarget,this.dimension,d),v;if(!y){let{bytesPerPixel:A}=this.device.getTextureFormatInfo(this.format);A&&(v=i.bytesPerRow/A)}let _=this.compressed?{}:{3317:this.byteAlignment,...v!==void 0?{3314:v}:{},32878:i.rowsPerImage},w=Dk(o,p),E=y?Bk(o,p):o,P=this._getMipLevelSize(l),L=f===0&&u===0&&d===0&&s===P.width&&a===P.height&&c===P.depthOrArrayLayers;this.gl.bindTexture(this.glTarget,this.handle),this.gl.bindBuffer(35052,null),Nt(this.gl,_,()=>{switch(this.dimension){case"2d":case"cube":y?L?this.gl.compressedTexImage2D(x,l,g,s,a,0,E):this.gl.compressedTexSubImage2D(x,l,f,u,s,a,g,E):this.gl.texSubImage2D(x,l,f,u,s,a,g,m,o,w);break;case"2d-array":case"3d":y?L?this.gl.compressedTexImage3D(x,l,g,s,a,c,0,E):this.gl.compressedTexSubImage3D(x,l,f,u,d,s,a,c,g,E):this.gl.texSubImage3D(x,l,f,u,d,s,a,c,g,m,o,w);break;default:}}),this.gl.bindTexture(this.glTarget,null)}_getRowByteAlignment(t,n){return 1}_getFramebuffer(){return this._framebuffer||(this._framebuffer=this.device.createFramebuffer({id:`framebuffer-for-${this.id}`,width:this.width,height:this.height,colorAttachments:[this]})),this._framebuffer}readDataSyncWebGL(t={}){let n=this._getSupportedColorReadOptions(t),i=this.computeMemoryLayout(n),o=Qf(this.glType),s=xn(o),a=new s(i.byteLength/s.BYTES_PER_ELEMENT);return this._readColorTextureLayers(n,i,c=>{let l=new s(a.buffer,a.byteOffset+c,i.bytesPerImage/s.BYTES_PER_ELEMENT);this.gl.readPixels(n.x,n.y,n.width,n.height,this.glFormat,this.glType,l)}),a.buffer}_readColorTextureLayers(t,n,i){let o=this._getFramebuffer(),s=n.bytesPerRow/n.bytesPerPixel,a={3333:this.byteAlignment,...s!==t.width?{3330:s}:{}},c=this.gl.getParameter(3074),l=this.gl.bindFramebuffer(36160,o.handle);try{this.gl.readBuffer(36064),Nt(this.gl,a,()=>{for(let f=0;f<t.depthOrArrayLayers;f++)this._attachReadSubresource(o,t.mipLevel,t.z+f),i(f*n.bytesPerImage)})}finally{this.gl.bindFramebuffer(36160,l||null),this.gl.readBuffer(c)}}_attachReadSubresource(t,n,i){let o=`${n}:${i}`;if(this._framebufferAttachmentKey!==o){switch(this.dimension){case"2d":this.gl.framebufferTexture2D(36160,36064,3553,this.handle,n);break;case"cube":this.gl.framebufferTexture2D(36160,36064,ma(this.glTarget,this.dimension,i),this.handle,n);break;case"2d-array":case"3d":this.gl.framebufferTextureLayer(36160,36064,this.handle,n,i);break;default:throw new Error(`${this} color readback does not support ${this.dimension} textures`)}if(this.device.props.debug){let s=Number(this.gl.checkFramebufferStatus(36160));if(s!==36053)throw new Error(`${t} incomplete for ${this} readback (${s})`)}this._framebufferAttachmentKey=o}}generateMipmapsWebGL(t){if(this._assertWritable("generate mipmaps for"),!(!(this.device.isTextureFormatRenderable(this.props.format)&&this.device.isTextureFormatFilterable(this.props.format))&&(S.warn(`${this} is not renderable or filterable, may not be able to generate mipmaps`)(),!t?.force)))try{this.gl.bindTexture(this.glTarget,this.handle),this.gl.generateMipmap(this.glTarget)}catch(i){S.warn(`Error generating mipmap for ${this}: ${i.message}`)()}finally{this.gl.bindTexture(this.glTarget,null)}}_setSamplerParameters(t){S.level>=2&&S.log(2,`${this.id} sampler parameters`,this.device.getGLKeys(t))(),this.gl.bindTexture(this.glTarget,this.handle);for(let[n,i]of Object.entries(t)){let o=Number(n),s=i;switch(o){case 33082:case 33083:this.gl.texParameterf(this.glTarget,o,s);break;case 10240:case 10241:this.gl.texParameteri(this.glTarget,o,s);break;case 10242:case 10243:case 32882:this.gl.texParameteri(this.glTarget,o,s);break;case 34046:this.device.features.has("texture-filterable-anisotropic-webgl")&&this.gl.texParameteri(this.glTarget,o,s);break;case 34892:case 34893:this.gl.texParameteri(this.glTarget,o,s);break}}this.gl.bindTexture(this.glTarget,null)}_getActiveUnit(){return this.gl.getParameter(34016)-33984}_bind(t){let{gl:n}=this;return t!==void 0&&(this._textureUnit=t,n.activeTexture(33984+t)),n.bindTexture(this.glTarget,this.handle),t}_unbind(t){let{gl:n}=this;return t!==void 0&&(this._textureUnit=t,n.activeTexture(33984+t)),n.bindTexture(this.glTarget,null),t}_assertWritable(t){if(this.isHandleBorrowed)throw new Error(`Cannot ${t} borrowed read-only ${this}`)}}});function AP(r,e,t,n){let i=r,o=n;o===!0&&(o=1),o===!1&&(o=0);let s=typeof o=="number"?[o]:o;switch(t){case 35678:case 35680:case 35679:case 35682:case 36289:case 36292:case 36293:case 36298:case 36299:case 36300:case 36303:case 36306:case 36307:case 36308:case 36311:if(typeof n!="number")throw new Error("samplers must be set to integers");return r.uniform1i(e,n);case 5126:return r.uniform1fv(e,s);case 35664:return r.uniform2fv(e,s);case 35665:return r.uniform3fv(e,s);case 35666:return r.uniform4fv(e,s);case 5124:return r.uniform1iv(e,s);case 35667:return r.uniform2iv(e,s);case 35668:return r.uniform3iv(e,s);case 35669:return r.uniform4iv(e,s);case 35670:return r.uniform1iv(e,s);case 35671:return r.uniform2iv(e,s);case 35672:return r.uniform3iv(e,s);case 35673:return r.uniform4iv(e,s);case 5125:return i.uniform1uiv(e,s,1);case 36294:return i.uniform2uiv(e,s,2);case 36295:return i.uniform3uiv(e,s,3);case 36296:return i.uniform4uiv(e,s,4);case 35674:return r.uniformMatrix2fv(e,!1,s);case 35675:return r.uniformMatrix3fv(e,!1,s);case 35676:return r.uniformMatrix4fv(e,!1,s);case 35685:return i.uniformMatrix2x3fv(e,!1,s);case 35686:return i.uniformMatrix2x4fv(e,!1,s);case 35687:return i.uniformMatrix3x2fv(e,!1,s);case 35688:return i.uniformMatrix3x4fv(e,!1,s);case 35689:return i.uniformMatrix4x2fv(e,!1,s);case 35690:return i.uniformMatrix4x3fv(e,!1,s)}throw new Error("Illegal uniform")}var CP=b(()=>{});function MP(r){return Fk[r]}function eu(r){return Nk[r]}function tu(r){return!!RP[r]}function IP(r){return RP[r]}var Nk,RP,Fk,ru=b(()=>{Nk={5126:"f32",35664:"vec2<f32>",35665:"vec3<f32>",35666:"vec4<f32>",5124:"i32",35667:"vec2<i32>",35668:"vec3<i32>",35669:"vec4<i32>",5125:"u32",36294:"vec2<u32>",36295:"vec3<u32>",36296:"vec4<u32>",35670:"f32",35671:"vec2<f32>",35672:"vec3<f32>",35673:"vec4<f32>",35674:"mat2x2<f32>",35685:"mat2x3<f32>",35686:"mat2x4<f32>",35687:"mat3x2<f32>",35675:"mat3x3<f32>",35688:"mat3x4<f32>",35689:"mat4x2<f32>",35690:"mat4x3<f32>",35676:"mat4x4<f32>"},RP={35678:{viewDimension:"2d",sampleType:"float"},35680:{viewDimension:"cube",sampleType:"float"},35679:{viewDimension:"3d",sampleType:"float"},35682:{viewDimension:"3d",sampleType:"depth"},36289:{viewDimension:"2d-array",sampleType:"float"},36292:{viewDimension:"2d-array",sampleType:"depth"},36293:{viewDimension:"cube",sampleType:"float"},36298:{viewDimension:"2d",sampleType:"sint"},36299:{viewDimension:"3d",sampleType:"sint"},36300:{viewDimension:"cube",sampleType:"sint"},36303:{viewDimension:"2d-array",sampleType:"uint"},36306:{viewDimension:"2d",sampleType:"uint"},36307:{viewDimension:"3d",sampleType:"uint"},36308:{viewDimension:"cube",sampleType:"uint"},36311:{viewDimension:"2d-array",sampleType:"uint"}},Fk={uint8:5121,sint8:5120,unorm8:5121,snorm8:5120,uint16:5123,sint16:5122,unorm16:5123,snorm16:5122,uint32:5125,sint32:5124,float16:5131,float32:5126}});function BP(r,e,t={}){let n={attributes:[],bindings:[]};n.attributes=zk(r,e);let i=$k(r,e,t);for(let c of i){let l=c.uniforms.map(f=>({name:f.name,format:f.format,byteOffset:f.byteOffset,byteStride:f.byteStride,arrayLength:f.arrayLength}));n.bindings.push({type:"uniform",name:c.name,group:0,location:c.location,visibility:(c.vertex?1:0)|(c.fragment?2:0),minBindingSize:c.byteLength,uniforms:l})}let o=Gk(r,e),s=0;for(let c of o)if(tu(c.type)){let{viewDimension:l,sampleType:f}=IP(c.type);n.bindings.push({type:"texture",name:c.name,group:0,location:s,viewDimension:l,sampleType:f}),c.textureUnit=s,s+=1}o.length&&(n.uniforms=o);let a=Uk(r,e);return a?.length&&(n.varyings=a),n}function zk(r,e){let t=[],n=r.getProgramParameter(e,35721);for(let i=0;i<n;i++){let o=r.getActiveAttrib(e,i);if(!o)throw new Error("activeInfo");let{name:s,type:a}=o,c=r.getAttribLocation(e,s);if(c>=0){let l=eu(a),f=/instance/i.test(s)?"instance":"vertex";t.push({name:s,location:c,stepMode:f,type:l})}}return t.sort((i,o)=>i.location-o.location),t}function Uk(r,e){let t=[],n=r.getProgramParameter(e,35971);for(let i=0;i<n;i++){let o=r.getTransformFeedbackVarying(e,i);if(!o)throw new Error("activeInfo");let{name:s,type:a,size:c}=o,l=eu(a),{type:f,components:u}=Pi(l);t.push({location:i,name:s,type:f,size:c*u})}return t.sort((i,o)=>i.location-o.location),t}function Gk(r,e){let t=[],n=r.getProgramParameter(e,35718);for(let i=0;i<n;i++){let o=r.getActiveUniform(e,i);if(!o)throw new Error("activeInfo");let{name:s,size:a,type:c}=o,{name:l,isArray:f}=Zk(s),u=r.getUniformLocation(e,l),d={location:u,name:l,size:a,type:c,isArray:f};if(t.push(d),d.size>1)for(let p=0;p<d.size;p++){let g=`${l}[${p}]`;u=r.getUniformLocation(e,g);let m={...d,name:g,location:u};t.push(m)}}return t}function $k(r,e,t){let n=[],i=Wk(r,e,t);for(let[s,a]of i){n.push(a);try{let c=OP(r,e,s,a.name);Vk(c,a)}catch(c){let l=c instanceof Error?c.message:String(c);S.once(0,`WebGL uniform block reflection failed for "${a.name}"; using supplied std140 metadata. ${l}`)()}}let o=r.getProgramParameter(e,35382);if(!Number.isInteger(o)||o<0)throw new Error(`Failed to reflect WebGL uniform blocks: ACTIVE_UNIFORM_BLOCKS returned ${String(o)}`);for(let s=0;s<o;s++)i.has(s)||n.push(OP(r,e,s));return n.sort((s,a)=>s.location-a.location),n}function Vk(r,e){for(let t of r.uniforms){let n=e.uniforms.find(i=>t.name===i.name||t.name.endsWith(`.${i.name}`));if(!n)throw new Error(`Failed to validate WebGL uniform block "${e.name}": reflected unexpected member "${t.name}"`);if(t.format!==n.format||t.arrayLength!==n.arrayLength||t.byteOffset!==n.byteOffset||t.byteStride!==n.byteStride)throw new Error(`Failed to validate WebGL uniform block "${e.name}": reflected layout for "${t.name}" does not match supplied std140 metadata`)}}function Wk(r,e,t){let n=new Map;for(let o of t.uniformBlockLayouts||[])n.set(o.name,Hk(o));for(let o of t.shaderLayout?.bindings||[])qk(o)&&n.set(o.name,o);let i=new Map;for(let o of n.values()){let s=jk(r,e,o.name);if(!s)continue;let{blockIndex:a,blockName:c}=s;if(i.has(a))throw new Error(`Multiple supplied uniform block layouts resolve to active WebGL block "${c}"`);i.set(a,{name:c,location:a,byteLength:o.minBindingSize,vertex:!!(o.visibility&&o.visibility&1),fragment:!!(o.visibility&&o.visibility&2),uniformCount:o.uniforms.length,uniforms:o.uniforms.map(l=>({...l}))})}return i}function jk(r,e,t){let n=t.endsWith("Uniforms")?[t,t.slice(0,-8)]:[t,`${t}Uniforms`];for(let i of n){let o=r.getUniformBlockIndex(e,i);if(o!==4294967295){if(!Number.isInteger(o)||o<0)throw new Error(`Failed to resolve WebGL uniform block "${i}": getUniformBlockIndex returned ${String(o)}`);return{blockIndex:o,blockName:i}}}return null}function OP(r,e,t,n){let i=n||r.getActiveUniformBlockName(e,t);if(!i)throw new Error(`Failed to reflect WebGL uniform block at index ${t}: missing block name`);let o=(_,w)=>{let E=r.getActiveUniformBlockParameter(e,t,_);if(E==null)throw new Error(`Failed to reflect WebGL uniform block "${i}": ${w} returned null`);return E},s=ti(o(35391,"UNIFORM_BLOCK_BINDING"),i,"UNIFORM_BLOCK_BINDING",0),a=ti(o(35392,"UNIFORM_BLOCK_DATA_SIZE"),i,"UNIFORM_BLOCK_DATA_SIZE",0),c=ti(o(35394,"UNIFORM_BLOCK_ACTIVE_UNIFORMS"),i,"UNIFORM_BLOCK_ACTIVE_UNIFORMS",0),l=DP(o(35395,"UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES"),i,"UNIFORM_BLOCK_ACTIVE_UNIFORM_INDICES",c),f=ya(r,e,l,35383,"UNIFORM_TYPE",i,c),u=ya(r,e,l,35384,"UNIFORM_SIZE",i,c),d=ya(r,e,l,35386,"UNIFORM_BLOCK_INDEX",i,c),p=ya(r,e,l,35387,"UNIFORM_OFFSET",i,c),g=ya(r,e,l,35388,"UNIFORM_ARRAY_STRIDE",i,c),m=[];for(let _=0;_<c;_++){if(d[_]!==t)throw new Error(`Failed to reflect WebGL uniform block "${i}": active uniform index ${l[_]} belongs to block ${d[_]}, expected ${t}`);let w=l[_],E=r.getActiveUniform(e,w);if(!E)throw new Error(`Failed to reflect WebGL uniform block "${i}": getActiveUniform(${w}) returned null`);let P=ti(f[_],i,`UNIFORM_TYPE[${_}]`,1),L=ti(u[_],i,`UNIFORM_SIZE[${_}]`,1),A=ti(p[_],i,`UNIFORM_OFFSET[${_}]`,0),C=ti(g[_],i,`UNIFORM_ARRAY_STRIDE[${_}]`,0);if(E.type!==P||E.size!==L)throw new Error(`Failed to reflect WebGL uniform block "${i}": getActiveUniform(${w}) disagrees with getActiveUniforms`);m.push({name:E.name,format:eu(P),arrayLength:L,byteOffset:A,byteStride:C})}let y={name:i,location:s,byteLength:a,vertex:!!o(35396,"UNIFORM_BLOCK_REFERENCED_BY_VERTEX_SHADER"),fragment:!!o(35398,"UNIFORM_BLOCK_REFERENCED_BY_FRAGMENT_SHADER"),uniformCount:c,uniforms:m},x=new Set(y.uniforms.map(_=>_.name.split(".")[0]).filter(_=>!!_)),v=y.name.replace(/Uniforms$/,"");if(x.size===1&&!x.has(y.name)&&!x.has(v)){let[_]=x;S.warn(`Uniform block "${y.name}" uses GLSL instance "${_}". luma.gl binds uniform buffers by block name ("${y.name}") and alias ("${v}"). Prefer matching the instance name to one of those to avoid confusing silent mismatches.`)()}return y}function ya(r,e,t,n,i,o,s){let a=r.getActiveUniforms(e,t,n);if(a===null)throw new Error(`Failed to reflect WebGL uniform block "${o}": ${i} returned null`);return DP(a,o,i,s)}function DP(r,e,t,n){if(!Array.isArray(r)&&!ArrayBuffer.isView(r))throw new Error(`Failed to reflect WebGL uniform block "${e}": ${t} returned a non-array value`);let i=Array.from(r);if(i.length!==n||i.some(o=>!Number.isInteger(o)))throw new Error(`Failed to reflect WebGL uniform block "${e}": ${t} returned ${i.length} invalid values, expected ${n}`);return i}function ti(r,e,t,n){if(!Number.isInteger(r)||r<n)throw new Error(`Failed to reflect WebGL uniform block "${e}": ${t} returned ${String(r)}`);return r}function Hk(r){let e=Ln(r.uniformTypes,{layout:"std140"}),t=Yk(r.uniformTypes,e.fields);return{type:"uniform",name:r.name,group:0,location:0,minBindingSize:e.byteLength,uniforms:t}}function Yk(r,e){let t=[],n=(o,s)=>{if(typeof s=="string"){let a=e[o];if(!a)throw new Error(`Missing std140 layout field ${o}`);t.push({name:o,format:a.shaderType,arrayLength:1,byteOffset:a.offset*4,byteStride:0});return}if(Array.isArray(s)){i(o,s[0],s[1]);return}for(let[a,c]of Object.entries(s))n(`${o}.${a}`,c)},i=(o,s,a)=>{if(typeof s=="string"){let c=e[`${o}[0]`],l=a>1?e[`${o}[1]`]:void 0;if(!c)throw new Error(`Missing std140 array layout field ${o}[0]`);t.push({name:`${o}[0]`,format:c.shaderType,arrayLength:a,byteOffset:c.offset*4,byteStride:l?(l.offset-c.offset)*4:0});return}if(Array.isArray(s))throw new Error(`Nested uniform arrays are not supported for ${o}`);for(let[c,l]of Object.entries(s)){if(typeof l!="string")throw new Error(`Composite uniform array members are not supported for ${o}`);let f=`${o}[0].${c}`,u=`${o}[1].${c}`,d=e[f],p=a>1?e[u]:void 0;if(!d)throw new Error(`Missing std140 array layout field ${f}`);t.push({name:f,format:d.shaderType,arrayLength:a,byteOffset:d.offset*4,byteStride:p?(p.offset-d.offset)*4:0})}};for(let[o,s]of Object.entries(r))n(o,s);return t}function qk(r){return r.type==="uniform"&&Number.isInteger(r.minBindingSize)&&r.minBindingSize>=0&&Array.isArray(r.uniforms)&&r.uniforms.every(e=>typeof e.name=="string"&&typeof e.format=="string"&&Number.isInteger(e.arrayLength)&&e.arrayLength>0&&Number.isInteger(e.byteOffset)&&e.byteOffset>=0&&Number.isInteger(e.byteStride)&&e.byteStride>=0)}function Zk(r){if(r[r.length-1]!=="]")return{name:r,length:1,isArray:!1};let t=/([^[]*)(\[[0-9]+\])?/.exec(r);return{name:Gr(t?.[1],`Failed to parse GLSL uniform name ${r}`),length:t?.[2]?1:0,isArray:!!t?.[2]}}var kP=b(()=>{z();ru()});function Xk(r,e){let t={...r,attributes:r.attributes.map(n=>({...n})),bindings:r.bindings.map(n=>({...n}))};for(let n of e?.attributes||[]){let i=t.attributes.find(o=>o.name===n.name);i?(i.type=n.type||i.type,i.stepMode=n.stepMode||i.stepMode):S.warn(`shader layout attribute ${n.name} not present in shader`)}for(let n of e?.bindings||[]){let i=FP(t,n.name);if(!i){S.warn(`shader layout binding ${n.name} not present in shader`);continue}Object.assign(i,n)}return t}function FP(r,e){return r.bindings.find(t=>t.name===e||t.name===`${e}Uniforms`||`${t.name}Uniforms`===e)}function NP(r,e){return r[e]||r[`${e}Uniforms`]||r[e.replace(/Uniforms$/,"")]}var nu,zP=b(()=>{z();CP();Wf();Gf();Jf();Tm();kP();nu=class extends dt{constructor(t,n){super(t,n);h(this,"device");h(this,"handle");h(this,"vs");h(this,"fs");h(this,"introspectedLayout");h(this,"bindings",{});h(this,"uniforms",{});h(this,"varyings",null);h(this,"_uniformCount",0);h(this,"_uniformSetters",{});this.device=t;let i=this.sharedRenderPipeline||this.device._createSharedRenderPipelineWebGL(n);this.sharedRenderPipeline=i,this.handle=i.handle,this.vs=i.vs,this.fs=i.fs,this.linkStatus=i.linkStatus,this.introspectedLayout=BP(this.device.gl,this.handle,{uniformBlockLayouts:n._uniformBlockLayouts,shaderLayout:n.shaderLayout}),this.device._setWebGLDebugMetadata(this.handle,this,{spector:{id:this.props.id}}),this.shaderLayout=n.shaderLayout?Xk(this.introspectedLayout,n.shaderLayout):this.introspectedLayout}get[Symbol.toStringTag](){return"WEBGLRenderPipeline"}destroy(){this.destroyed||(this.sharedRenderPipeline&&!this.props._sharedRenderPipeline&&this.sharedRenderPipeline.destroy(),this.destroyResource())}setBindings(t,n){let i=Ei(Tn(this.shaderLayout,t));for(let[o,s]of Object.entries(i)){let a=FP(this.shaderLayout,o);if(a){switch(s||S.warn(`Unsetting binding "${o}" in render pipeline "${this.id}"`)(),a.type){case"uniform":if(!(s instanceof kt)&&!(s.buffer instanceof kt))throw new Error("buffer value");break;case"texture":if(!(s instanceof ar||s instanceof cr||s instanceof sr))throw new Error(`${this} Bad texture binding for ${o}`);break;case"sampler":S.warn(`Ignoring sampler ${o}`)();break;default:throw new Error(a.type)}this.bindings[o]=s}else{let c=this.shaderLayout.bindings.map(l=>`"${l.name}"`).join(", ");n?.disableWarnings||S.warn(`No binding "${o}" in render pipeline "${this.id}", expected one of ${c}`,s)()}}}draw(t){let n=t.renderPass,i=t.bindGroups?Ei(t.bindGroups):t.bindings||this.bindings;return n.setPipeline(this),n.setBindings(i),n.setVertexArray(t.vertexArray),n.draw({parameters:t.parameters,topology:t.topology,isInstanced:t.isInstanced,vertexCount:t.vertexCount,indexCount:t.indexCount,instanceCount:t.instanceCount,firstVertex:t.firstVertex,firstIndex:t.firstIndex,firstInstance:t.firstInstance,baseVertex:t.baseVertex,transformFeedback:t.transformFeedback,uniforms:t.uniforms})}_areTexturesRenderable(t){let n=!0;for(let i of this.shaderLayout.bindings)NP(t,i.name)||(S.warn(`Binding ${i.name} not found in ${this.id}`)(),n=!1);return n}_applyBindings(t,n){if(this._syncLinkStatus(),this.linkStatus!=="success")return;let{gl:i}=this.device;i.useProgram(this.handle);let o=0,s=0;for(let a of this.shaderLayout.bindings){let c=NP(t,a.name);if(!c)throw new Error(`No value for binding ${a.name} in ${this.id}`);switch(a.type){case"uniform":let{name:l}=a,f=i.getUniformBlockIndex(this.handle,l);if(f===4294967295)throw new Error(`Invalid uniform block name ${l}`);if(i.uniformBlockBinding(this.handle,f,s),c instanceof kt)i.bindBufferBase(35345,s,c.handle);else{let d=c;i.bindBufferRange(35345,s,d.buffer.handle,d.offset||0,d.size||d.buffer.byteLength-(d.offset||0))}s+=1;break;case"texture":if(!(c instanceof ar||c instanceof cr||c instanceof sr))throw new Error("texture");let u;if(c instanceof ar)u=c.texture;else if(c instanceof cr)u=c;else if(c instanceof sr&&c.colorAttachments[0]instanceof ar)S.warn("Passing framebuffer in texture binding may be deprecated. Use fbo.colorAttachments[0] instead")(),u=c.colorAttachments[0].texture;else throw new Error("No texture");i.activeTexture(33984+o),i.bindTexture(u.glTarget,u.handle),o+=1;break;case"sampler":break;case"storage":case"read-only-storage":throw new Error(`binding type '${a.type}' not supported in WebGL`)}}}_applyUniforms(t){for(let n of this.shaderLayout.uniforms||[]){let{name:i,location:o,type:s,textureUnit:a}=n,c=t[i]??a;c!==void 0&&AP(this.device.gl,o,s,c)}}_syncLinkStatus(){this.linkStatus=this.sharedRenderPipeline.linkStatus}}});var UP,iu,GP=b(()=>{z();ru();UP=4,iu=class extends ns{constructor(t,n){super(t,n);h(this,"device");h(this,"handle");h(this,"vs");h(this,"fs");h(this,"linkStatus","pending");this.device=t,this.handle=n.handle||this.device.gl.createProgram(),this.vs=n.vs,this.fs=n.fs,n.varyings&&n.varyings.length>0&&this.device.gl.transformFeedbackVaryings(this.handle,n.varyings,n.bufferMode||35981),this._linkShaders()}destroy(){this.destroyed||(this.device.gl.useProgram(null),this.device.gl.deleteProgram(this.handle),this.handle.destroyed=!0,this.destroyResource())}async _linkShaders(){let{gl:t}=this.device;if(t.attachShader(this.handle,this.vs.handle),t.attachShader(this.handle,this.fs.handle),S.time(UP,`linkProgram for ${this.id}`)(),t.linkProgram(this.handle),S.timeEnd(UP,`linkProgram for ${this.id}`)(),!this.device.features.has("compilation-status-async-webgl")){let i=this._getLinkStatus();this._reportLinkStatus(i);return}S.once(1,"RenderPipeline linking is asynchronous")(),await this._waitForLinkComplete(),S.info(2,`RenderPipeline ${this.id} - async linking complete: ${this.linkStatus}`)();let n=this._getLinkStatus();this._reportLinkStatus(n)}async _reportLinkStatus(t){switch(t){case"success":return;default:let n=t==="link-error"?"Link error":"Validation error";switch(this.vs.compilationStatus){case"error":throw this.vs.debugShader(),new Error(`${this} ${n} during compilation of ${this.vs}`);case"pending":await this.vs.asyncCompilationStatus,this.vs.debugShader();break;case"success":break}switch(this.fs?.compilationStatus){case"error":throw this.fs.debugShader(),new Error(`${this} ${n} during compilation of ${this.fs}`);case"pending":await this.fs.asyncCompilationStatus,this.fs.debugShader();break;case"success":break}let i=this.device.gl.getProgramInfoLog(this.handle);this.device.reportError(new Error(`${n} during ${t}: ${i}`),this)(),this.device.debug()}}_getLinkStatus(){let{gl:t}=this.device;return t.getProgramParameter(this.handle,35714)?(this._initializeSamplerUniforms(),t.validateProgram(this.handle),t.getProgramParameter(this.handle,35715)?(this.linkStatus="success","success"):(this.linkStatus="error","validation-error")):(this.linkStatus="error","link-error")}_initializeSamplerUniforms(){let{gl:t}=this.device;t.useProgram(this.handle);let n=0,i=t.getProgramParameter(this.handle,35718);for(let o=0;o<i;o++){let s=t.getActiveUniform(this.handle,o);if(s&&tu(s.type)){let a=s.name.endsWith("[0]"),c=a?s.name.slice(0,-3):s.name,l=t.getUniformLocation(this.handle,c);l!==null&&(n=this._assignSamplerUniform(l,s,a,n))}}}_assignSamplerUniform(t,n,i,o){let{gl:s}=this.device;if(i&&n.size>1){let a=Int32Array.from({length:n.size},(c,l)=>o+l);return s.uniform1iv(t,a),o+n.size}return s.uniform1i(t,o),o+1}async _waitForLinkComplete(){let t=async o=>await new Promise(s=>setTimeout(s,o));if(!this.device.features.has("compilation-status-async-webgl")){await t(10);return}let{gl:i}=this.device;for(;;){if(i.getProgramParameter(this.handle,37297))return;await t(10)}}}});function Kk(r,e){let t=e.sourceBuffer,n=e.destinationBuffer;r.gl.bindBuffer(36662,t.handle),r.gl.bindBuffer(36663,n.handle),r.gl.copyBufferSubData(36662,36663,e.sourceOffset??0,e.destinationOffset??0,e.size),r.gl.bindBuffer(36662,null),r.gl.bindBuffer(36663,null)}function Qk(r,e){let{sourceBuffer:t,byteOffset:n=0,destinationTexture:i,mipLevel:o=0,origin:s=[0,0,0],aspect:a="all",bytesPerRow:c,rowsPerImage:l,size:f}=e;if(a!=="all")throw new Error("copyBufferToTexture aspect is not supported in WebGL");i.writeBuffer(t,{byteOffset:n,bytesPerRow:c,rowsPerImage:l,mipLevel:o,x:s[0]??0,y:s[1]??0,z:s[2]??0,width:f[0],height:f[1],depthOrArrayLayers:f[2]})}function Jk(r,e){let{sourceTexture:t,mipLevel:n=0,aspect:i="all",width:o=e.sourceTexture.width,height:s=e.sourceTexture.height,depthOrArrayLayers:a,origin:c=[0,0,0],destinationBuffer:l,byteOffset:f=0,bytesPerRow:u,rowsPerImage:d}=e;if(t instanceof q){t.readBuffer({x:c[0]??0,y:c[1]??0,z:c[2]??0,width:o,height:s,depthOrArrayLayers:a,mipLevel:n,aspect:i,byteOffset:f},l);return}if(i!=="all")throw new Error("aspect not supported in WebGL");if(n!==0||a!==void 0||u||d)throw new Error("not implemented");let{framebuffer:p,destroyFramebuffer:g}=$P(t),m;try{let y=l,x=o||p.width,v=s||p.height,_=Gr(p.colorAttachments[0]),w=Ff(_.texture.props.format),E=w.format,P=w.type;r.gl.bindBuffer(35051,y.handle),m=r.gl.bindFramebuffer(36160,p.handle),r.gl.readPixels(c[0],c[1],x,v,E,P,f)}finally{r.gl.bindBuffer(35051,null),m!==void 0&&r.gl.bindFramebuffer(36160,m),g&&p.destroy()}}function eN(r,e){let{sourceTexture:t,destinationMipLevel:n=0,origin:i=[0,0],destinationOrigin:o=[0,0,0],destinationTexture:s}=e,{width:a=e.destinationTexture.width,height:c=e.destinationTexture.height}=e,{framebuffer:l,destroyFramebuffer:f}=$P(t),[u=0,d=0]=i,[p,g,m]=o,y=r.gl.bindFramebuffer(36160,l.handle),x,v;if(s instanceof cr)x=s,a=Number.isFinite(a)?a:x.width,c=Number.isFinite(c)?c:x.height,x._bind(0),v=x.glTarget;else throw new Error("invalid destination");switch(v){case 3553:case 34067:r.gl.copyTexSubImage2D(v,n,p,g,u,d,a,c);break;case 35866:case 32879:r.gl.copyTexSubImage3D(v,n,p,g,m,u,d,a,c);break;default:}x&&x._unbind(),r.gl.bindFramebuffer(36160,y),f&&l.destroy()}function $P(r){if(r instanceof q){let{width:e,height:t,id:n}=r;return{framebuffer:r.device.createFramebuffer({id:`framebuffer-for-${n}`,width:e,height:t,colorAttachments:[r]}),destroyFramebuffer:!0}}return{framebuffer:r,destroyFramebuffer:!1}}var ou,VP=b(()=>{z();so();Jf();ou=class extends ss{constructor(t,n={}){super(t,n);h(this,"device");h(this,"handle",null);h(this,"commands",[]);this.device=t}_executeCommands(t=this.commands){for(let n of t)switch(n.name){case"copy-buffer-to-buffer":Kk(this.device,n.options);break;case"copy-buffer-to-texture":Qk(this.device,n.options);break;case"copy-texture-to-buffer":Jk(this.device,n.options);break;case"copy-texture-to-texture":eN(this.device,n.options);break;default:throw new Error(n.name)}}}});function WP(r){switch(r){case"point-list":return 0;case"line-list":return 1;case"line-strip":return 3;case"triangle-list":return 4;case"triangle-strip":return 5;default:throw new Error(r)}}function jP(r){switch(r){case"point-list":return 0;case"line-list":return 1;case"line-strip":return 1;case"triangle-list":return 4;case"triangle-strip":return 4;default:throw new Error(r)}}var Am=b(()=>{});var tN,su,HP=b(()=>{z();Kf();no();Am();wm();tN=[1,2,4,8],su=class extends is{constructor(t,n){super(t,n);h(this,"device");h(this,"handle",null);h(this,"glParameters",{});h(this,"pipeline",null);h(this,"bindings",{});h(this,"bindingsPipeline",null);h(this,"vertexArray",null);this.device=t;let i=this.props.framebuffer,o=!i||i.handle===null;o&&t.getDefaultCanvasContext()._resizeDrawingBufferIfNeeded();let s;if(!n?.parameters?.viewport)if(!o&&i){let{width:a,height:c}=i;s=[0,0,a,c]}else{let[a,c]=t.getDefaultCanvasContext().getDrawingBufferSize();s=[0,0,a,c]}if(this.device.pushState(),this.setParameters({viewport:s,...this.props.parameters}),!o&&i?.colorAttachments.length){let a=i.colorAttachments.map((c,l)=>36064+l);this.device.gl.drawBuffers(a)}else o&&this.device.gl.drawBuffers([1029]);this.clear(),this.props.timestampQuerySet&&this.props.beginTimestampIndex!==void 0&&this.props.timestampQuerySet.writeTimestamp(this.props.beginTimestampIndex)}end(){this.destroyed||(this.props.timestampQuerySet&&this.props.endTimestampIndex!==void 0&&this.props.timestampQuerySet.writeTimestamp(this.props.endTimestampIndex),this.device.popState(),this.destroy())}pushDebugGroup(t){}popDebugGroup(){}insertDebugMarker(t){}executeBundles(t){throw new Error("Render bundles are only supported in WebGPU")}setParameters(t={}){let n={...this.glParameters};n.framebuffer=this.props.framebuffer||null,this.props.depthReadOnly&&(n.depthMask=!this.props.depthReadOnly),n.stencilMask=this.props.stencilReadOnly?0:1,n[35977]=this.props.discard,t.viewport&&(t.viewport.length>=6?(n.viewport=t.viewport.slice(0,4),n.depthRange=[t.viewport[4],t.viewport[5]]):n.viewport=t.viewport),t.scissorRect&&(n.scissorTest=!0,n.scissor=t.scissorRect),t.blendConstant&&(n.blendColor=t.blendConstant),t.stencilReference!==void 0&&(n[2967]=t.stencilReference,n[36003]=t.stencilReference),"colorMask"in t&&(n.colorMask=tN.map(i=>!!(i&t.colorMask))),this.glParameters=n,Ot(this.device.gl,n)}setPipeline(t){this.pipeline=t}setBindings(t,n){if(!this.pipeline)throw new Error("RenderPass.setPipeline() must be called before setBindings()");this.bindings=Ei(Tn(this.pipeline.shaderLayout,t)),this.bindingsPipeline=this.pipeline}setVertexArray(t){this.vertexArray=t}draw(t){let n=this.pipeline,i=this.vertexArray;if(!n)throw new Error("RenderPass.setPipeline() must be called before draw()");if(!i)throw new Error("RenderPass.setVertexArray() must be called before draw()");if(n.shaderLayout.bindings.length>0&&this.bindingsPipeline!==n)throw new Error("RenderPass.setBindings() must be called after setPipeline() before draw()");n._syncLinkStatus();let{parameters:o=n.props.parameters,topology:s=n.props.topology,vertexCount:a,indexCount:c,instanceCount:l,isInstanced:f=!1,firstVertex:u=0,transformFeedback:d,uniforms:p=n.uniforms}=t,g=WP(s),m=!!i.indexBuffer,y=i.indexBuffer?.glIndexType,x=c??a??0;if(n.linkStatus!=="success")return S.info(2,`RenderPipeline:${n.id}.draw() aborted - waiting for shader linking`)(),!1;if(!n._areTexturesRenderable(this.bindings))return S.info(2,`RenderPipeline:${n.id}.draw() aborted - textures not yet loaded`)(),!1;this.device.gl.useProgram(n.handle),i.bindBeforeRender(this);let v=d;return v&&v.begin(n.props.topology),n._applyBindings(this.bindings,{disableWarnings:n.props.disableWarnings}),n._applyUniforms(p),TP(this.device,o,this.glParameters,()=>{m&&f?this.device.gl.drawElementsInstanced(g,x,y,u,l||0):m?this.device.gl.drawElements(g,x,y,u):f?this.device.gl.drawArraysInstanced(g,u,a||0,l||0):this.device.gl.drawArrays(g,u,a||0),v&&v.end()}),i.unbindAfterRender(this),!0}drawIndirect(t,n=0){throw new Error("Indirect drawing is only supported in WebGPU")}drawIndexedIndirect(t,n=0){throw new Error("Indirect drawing is only supported in WebGPU")}beginOcclusionQuery(t){this.props.occlusionQuerySet?.beginOcclusionQuery()}endOcclusionQuery(){this.props.occlusionQuerySet?.endOcclusionQuery()}clear(){let t={...this.glParameters},n=0;this.props.clearColors&&this.props.clearColors.forEach((i,o)=>{i&&this.clearColorBuffer(o,i)}),this.props.clearColor!==!1&&this.props.clearColors===void 0&&(n|=16384,t.clearColor=this.props.clearColor),this.props.clearDepth!==!1&&(n|=256,t.clearDepth=this.props.clearDepth),this.props.clearStencil!==!1&&(n|=1024,t.clearStencil=this.props.clearStencil),n!==0&&Nt(this.device.gl,t,()=>{this.device.gl.clear(n)})}clearColorBuffer(t=0,n=[0,0,0,0]){Nt(this.device.gl,{framebuffer:this.props.framebuffer},()=>{switch(n.constructor){case Int8Array:case Int16Array:case Int32Array:this.device.gl.clearBufferiv(6144,t,n);break;case Uint8Array:case Uint8ClampedArray:case Uint16Array:case Uint32Array:this.device.gl.clearBufferuiv(6144,t,n);break;case Float32Array:this.device.gl.clearBufferfv(6144,t,n);break;default:throw new Error("clearColorBuffer: color must be typed array")}})}}});var _a,YP=b(()=>{z();VP();HP();_a=class extends os{constructor(t,n){super(t,n);h(this,"device");h(this,"handle",null);h(this,"commandBuffer");this.device=t,this.commandBuffer=new ou(t,{id:this.id,userData:this.userData})}destroy(){this.destroyResource()}finish(){return this.destroy(),this.commandBuffer}beginRenderPass(t={}){return new su(this.device,this._applyTimeProfilingToPassProps(t))}beginComputePass(t={}){throw new Error("ComputePass not supported in WebGL")}copyBufferToBuffer(t){this.commandBuffer.commands.push({name:"copy-buffer-to-buffer",options:t})}copyBufferToTexture(t){this.commandBuffer.commands.push({name:"copy-buffer-to-texture",options:t})}copyTextureToBuffer(t){this.commandBuffer.commands.push({name:"copy-texture-to-buffer",options:t})}copyTextureToTexture(t){this.commandBuffer.commands.push({name:"copy-texture-to-texture",options:t})}pushDebugGroup(t){}popDebugGroup(){}insertDebugMarker(t){}resolveQuerySet(t,n,i){throw new Error("resolveQuerySet is not supported in WebGL")}writeTimestamp(t,n){t.writeTimestamp(n)}}});function qP(r){let{target:e,source:t,start:n=0,count:i=1}=r,o=t.length,s=i*o,a=0;for(let c=n;a<o;a++)e[c++]=t[a]??0;for(;a<s;)a<s-a?(e.copyWithin(n+a,n,n+a),a*=2):(e.copyWithin(n+a,n,n+s-a),a=s);return r.target}var ZP=b(()=>{});function rN(r){return Array.isArray(r)?new Float32Array(r):r}function nN(r,e){if(!r||!e||r.length!==e.length||r.constructor!==e.constructor)return!1;for(let t=0;t<r.length;++t)if(r[t]!==e[t])return!1;return!0}var au,XP=b(()=>{z();un();pm();ZP();au=class r extends as{constructor(t,n){super(t,n);h(this,"device");h(this,"handle");h(this,"attributeInfosByLocation");h(this,"buffer",null);h(this,"bufferValue",null);this.device=t,this.handle=this.device.gl.createVertexArray(),this.attributeInfosByLocation=new Array(this.maxVertexAttributes).fill(null);for(let i of Object.values(hs(n.shaderLayout,n.bufferLayout)))this.attributeInfosByLocation[i.location]=i}get[Symbol.toStringTag](){return"VertexArray"}static isConstantAttributeZeroSupported(t){return Pd()==="Chrome"}destroy(){super.destroy(),this.buffer&&this.buffer?.destroy(),this.handle&&(this.device.gl.deleteVertexArray(this.handle),this.handle=void 0)}setIndexBuffer(t){let n=t;if(n&&n.glTarget!==34963)throw new Error("Use .setBuffer()");this.device.gl.bindVertexArray(this.handle),this.device.gl.bindBuffer(34963,n?n.handle:null),this.indexBuffer=n,this.device.gl.bindVertexArray(null)}setBuffer(t,n){let i=n;if(i.glTarget===34963)throw new Error("Use .setIndexBuffer()");let{size:o,type:s,stride:a,offset:c,normalized:l,integer:f,divisor:u}=this._getAccessor(t);this.device.gl.bindVertexArray(this.handle),this.device.gl.bindBuffer(34962,i.handle),f?this.device.gl.vertexAttribIPointer(t,o,s,a,c):this.device.gl.vertexAttribPointer(t,o,s,l,a,c),this.device.gl.bindBuffer(34962,null),this.device.gl.enableVertexAttribArray(t),this.device.gl.vertexAttribDivisor(t,u||0),this.attributes[t]=i,this.device.gl.bindVertexArray(null)}setConstantWebGL(t,n){this._enable(t,!1),this.attributes[t]=n}bindBeforeRender(){this.device.gl.bindVertexArray(this.handle),this._applyConstantAttributes()}unbindAfterRender(){this.device.gl.bindVertexArray(null)}_applyConstantAttributes(){for(let t=0;t<this.maxVertexAttributes;++t){let n=this.attributes[t];ArrayBuffer.isView(n)&&this.device.setConstantAttributeWebGL(t,n)}}_getAccessor(t){let n=this.attributeInfosByLocation[t];if(!n)throw new Error(`Unknown attribute location ${t}`);let i=Bf(n.bufferDataType);return{size:n.bufferComponents,type:i,stride:n.byteStride,offset:n.byteOffset,normalized:n.normalized,integer:n.integer,divisor:n.stepMode==="instance"?1:0}}_enable(t,n=!0){let o=r.isConstantAttributeZeroSupported(this.device)||t!==0;(n||o)&&(t=Number(t),this.device.gl.bindVertexArray(this.handle),n?this.device.gl.enableVertexAttribArray(t):this.device.gl.disableVertexAttribArray(t),this.device.gl.bindVertexArray(null))}getConstantBuffer(t,n){let i=rN(n),o=i.byteLength*t,s=i.length*t;if(this.buffer&&o!==this.buffer.byteLength)throw new Error(`Buffer size is immutable, byte length ${o} !== ${this.buffer.byteLength}.`);let a=!this.buffer;if(this.buffer=this.buffer||this.device.createBuffer({byteLength:o}),a||(a=!nN(i,this.bufferValue)),a){let c=np(n.constructor,s);qP({target:c,source:i,start:0,count:s}),this.buffer.write(c),this.bufferValue=n}return this.buffer}}});function KP(r){return typeof r=="number"?Number.isInteger(r):/^\d+$/.test(r)}var cu,QP=b(()=>{z();lu();Am();cu=class extends cs{constructor(t,n){super(t,n);h(this,"device");h(this,"gl");h(this,"handle");h(this,"layout");h(this,"buffers",{});h(this,"unusedBuffers",{});h(this,"bindOnUse",!0);h(this,"_bound",!1);this.device=t,this.gl=t.gl,this.handle=this.props.handle||this.gl.createTransformFeedback(),this.layout=this.props.layout,n.buffers&&this.setBuffers(n.buffers),Object.seal(this)}destroy(){this.gl.deleteTransformFeedback(this.handle),super.destroy()}begin(t="point-list"){this.gl.bindTransformFeedback(36386,this.handle),this.bindOnUse&&this._bindBuffers(),this.gl.beginTransformFeedback(jP(t))}end(){this.gl.endTransformFeedback(),this.bindOnUse&&this._unbindBuffers(),this.gl.bindTransformFeedback(36386,null)}setBuffers(t){this.buffers={},this.unusedBuffers={},this.bind(()=>{for(let[n,i]of Object.entries(t))this.setBuffer(n,i)})}setBuffer(t,n){let i=this._getVaryingIndex(t),{buffer:o,byteLength:s,byteOffset:a}=this._getBufferRange(n);if(i<0){this.unusedBuffers[t]=o,S.warn(`${this.id} unusedBuffers varying buffer ${t}`)();return}this.buffers[i]={buffer:o,byteLength:s,byteOffset:a},this.bindOnUse||this._bindBuffer(i,o,a,s)}getBuffer(t){if(KP(t))return this.buffers[t]||null;let n=this._getVaryingIndex(t);return this.buffers[n]??null}bind(t=this.handle){if(typeof t!="function")return this.gl.bindTransformFeedback(36386,t),this;let n;return this._bound?n=t():(this.gl.bindTransformFeedback(36386,this.handle),this._bound=!0,n=t(),this._bound=!1,this.gl.bindTransformFeedback(36386,null)),n}unbind(){this.bind(null)}_getBufferRange(t){if(t instanceof kt)return{buffer:t,byteOffset:0,byteLength:t.byteLength};let{buffer:n,byteOffset:i=0,byteLength:o=t.buffer.byteLength}=t;return{buffer:n,byteOffset:i,byteLength:o}}_getVaryingIndex(t){if(KP(t))return Number(t);for(let n of this.layout.varyings||[])if(t===n.name)return n.location;return-1}_bindBuffers(){for(let[t,n]of Object.entries(this.buffers)){let{buffer:i,byteLength:o,byteOffset:s}=this._getBufferRange(n);this._bindBuffer(Number(t),i,s,o)}}_unbindBuffers(){for(let t in this.buffers)this.gl.bindBufferBase(35982,Number(t),null)}_bindBuffer(t,n,i=0,o){let s=n&&n.handle;!s||o===void 0?this.gl.bindBufferBase(35982,t,s):this.gl.bindBufferRange(35982,t,s,i,o)}}});var fu,JP=b(()=>{z();fu=class extends ls{constructor(t,n){super(t,n);h(this,"device");h(this,"handle");h(this,"_timestampPairs",[]);h(this,"_pendingReads",new Set);h(this,"_occlusionQuery",null);h(this,"_occlusionActive",!1);if(this.device=t,n.type==="timestamp"){if(n.count<2)throw new Error("Timestamp QuerySet requires at least two query slots");this._timestampPairs=new Array(Math.ceil(n.count/2)).fill(null).map(()=>({activeQuery:null,completedQueries:[]})),this.handle=null}else{if(n.count>1)throw new Error("WebGL occlusion QuerySet can only have one value");let i=this.device.gl.createQuery();if(!i)throw new Error("WebGL query not supported");this.handle=i}Object.seal(this)}get[Symbol.toStringTag](){return"QuerySet"}destroy(){if(!this.destroyed){this.handle&&this.device.gl.deleteQuery(this.handle);for(let t of this._timestampPairs){t.activeQuery&&(this._cancelPendingQuery(t.activeQuery),this.device.gl.deleteQuery(t.activeQuery.handle));for(let n of t.completedQueries)this._cancelPendingQuery(n),this.device.gl.deleteQuery(n.handle)}this._occlusionQuery&&(this._cancelPendingQuery(this._occlusionQuery),this.device.gl.deleteQuery(this._occlusionQuery.handle));for(let t of Array.from(this._pendingReads))this._cancelPendingQuery(t);this.destroyResource()}}isResultAvailable(t){return this.props.type==="timestamp"?t===void 0?this._timestampPairs.some((n,i)=>this._isTimestampPairAvailable(i)):this._isTimestampPairAvailable(this._getTimestampPairIndex(t)):this._occlusionQuery?this._pollQueryAvailability(this._occlusionQuery):!1}async readResults(t){let n=t?.firstQuery||0,i=t?.queryCount||this.props.count-n;if(this._validateRange(n,i),this.props.type==="timestamp"){let o=new Array(i).fill(0n),s=Math.floor(n/2),a=Math.floor((n+i-1)/2);for(let c=s;c<=a;c++){let l=await this._consumeTimestampPairResult(c),f=c*2,u=f+1;f>=n&&f<n+i&&(o[f-n]=0n),u>=n&&u<n+i&&(o[u-n]=l)}return o}if(!this._occlusionQuery)throw new Error("Occlusion query has not been started");return[await this._consumeQueryResult(this._occlusionQuery)]}async readTimestampDuration(t,n){if(this.props.type!=="timestamp")throw new Error("Timestamp durations require a timestamp QuerySet");if(t<0||n>=this.props.count||n<=t)throw new Error("Timestamp duration range is out of bounds");if(t%2!==0||n!==t+1)throw new Error("WebGL timestamp durations require adjacent even/odd query indices");let i=await this._consumeTimestampPairResult(this._getTimestampPairIndex(t));return Number(i)/1e6}beginOcclusionQuery(){if(this.props.type!=="occlusion")throw new Error("Occlusion queries require an occlusion QuerySet");if(!this.handle)throw new Error("WebGL occlusion query is not available");if(this._occlusionActive)throw new Error("Occlusion query is already active");this.device.gl.beginQuery(35887,this.handle),this._occlusionQuery={handle:this.handle,promise:null,result:null,disjoint:!1,cancelled:!1,pollRequestId:null,resolve:null,reject:null},this._occlusionActive=!0}endOcclusionQuery(){if(!this._occlusionActive)throw new Error("Occlusion query is not active");this.device.gl.endQuery(35887),this._occlusionActive=!1}writeTimestamp(t){if(this.props.type!=="timestamp")throw new Error("Timestamp writes require a timestamp QuerySet");let n=this._getTimestampPairIndex(t),i=this._timestampPairs[n];if(t%2===0){if(i.activeQuery)throw new Error("Timestamp query pair is already active");let o=this.device.gl.createQuery();if(!o)throw new Error("WebGL query not supported");let s={handle:o,promise:null,result:null,disjoint:!1,cancelled:!1,pollRequestId:null,resolve:null,reject:null};this.device.gl.beginQuery(35007,o),i.activeQuery=s;return}if(!i.activeQuery)throw new Error("Timestamp query pair was ended before it was started");this.device.gl.endQuery(35007),i.completedQueries.push(i.activeQuery),i.activeQuery=null}_validateRange(t,n){if(t<0||n<0||t+n>this.props.count)throw new Error("Query read range is out of bounds")}_getTimestampPairIndex(t){if(t<0||t>=this.props.count)throw new Error("Query index is out of bounds");return Math.floor(t/2)}_isTimestampPairAvailable(t){let n=this._timestampPairs[t];return!n||n.completedQueries.length===0?!1:this._pollQueryAvailability(n.completedQueries[0])}_pollQueryAvailability(t){if(t.cancelled||this.destroyed)return t.result=0n,!0;if(t.result!==null||t.disjoint)return!0;if(!this.device.gl.getQueryParameter(t.handle,34919))return!1;let i=!!this.device.gl.getParameter(36795);return t.disjoint=i,t.result=i?0n:BigInt(this.device.gl.getQueryParameter(t.handle,34918)),!0}async _consumeTimestampPairResult(t){let n=this._timestampPairs[t];if(!n||n.completedQueries.length===0)throw new Error("Timestamp query pair has no completed result");let i=n.completedQueries.shift();try{return await this._consumeQueryResult(i)}finally{this.device.gl.deleteQuery(i.handle)}}_consumeQueryResult(t){return t.promise||(this._pendingReads.add(t),t.promise=new Promise((n,i)=>{t.resolve=n,t.reject=i;let o=()=>{if(t.pollRequestId=null,t.cancelled||this.destroyed){this._pendingReads.delete(t),t.promise=null,t.resolve=null,t.reject=null,n(0n);return}if(!this._pollQueryAvailability(t)){t.pollRequestId=this._requestAnimationFrame(o);return}this._pendingReads.delete(t),t.promise=null,t.resolve=null,t.reject=null,t.disjoint?i(new Error("GPU timestamp query was invalidated by a disjoint event")):n(t.result||0n)};o()})),t.promise}_cancelPendingQuery(t){if(this._pendingReads.delete(t),t.cancelled=!0,t.pollRequestId!==null&&(this._cancelAnimationFrame(t.pollRequestId),t.pollRequestId=null),t.resolve){let n=t.resolve;t.promise=null,t.resolve=null,t.reject=null,n(0n)}}_requestAnimationFrame(t){return requestAnimationFrame(t)}_cancelAnimationFrame(t){cancelAnimationFrame(t)}}});var uu,e2=b(()=>{z();uu=class extends fs{constructor(t,n={}){super(t,{});h(this,"device");h(this,"gl");h(this,"handle");h(this,"signaled");h(this,"_signaled",!1);this.device=t,this.gl=t.gl;let i=this.props.handle||this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE,0);if(!i)throw new Error("Failed to create WebGL fence");this.handle=i,this.signaled=new Promise(o=>{let s=()=>{let a=this.gl.clientWaitSync(this.handle,0,0);a===this.gl.ALREADY_SIGNALED||a===this.gl.CONDITION_SATISFIED?(this._signaled=!0,o()):setTimeout(s,1)};s()})}isSignaled(){if(this._signaled)return!0;let t=this.gl.getSyncParameter(this.handle,this.gl.SYNC_STATUS);return this._signaled=t===this.gl.SIGNALED,this._signaled}destroy(){this.destroyed||this.gl.deleteSync(this.handle)}}});function Cm(r){switch(r){case 6406:case 33326:case 6403:case 36244:return 1;case 33339:case 33340:case 33328:case 33320:case 33319:return 2;case 6407:case 36248:case 34837:return 3;case 6408:case 36249:case 34836:return 4;default:return 0}}function t2(r){switch(r){case 5121:return 1;case 33635:case 32819:case 32820:return 2;case 5126:return 4;default:return 0}}var r2=b(()=>{});function n2(r,e){let{sourceX:t=0,sourceY:n=0,sourceAttachment:i=0}=e||{},{target:o=null,sourceWidth:s,sourceHeight:a,sourceDepth:c,sourceFormat:l,sourceType:f}=e||{},{framebuffer:u,deleteFramebuffer:d}=o2(r),{gl:p,handle:g}=u;s||(s=u.width),a||(a=u.height);let m=u.colorAttachments[i]?.texture;if(!m)throw new Error(`Invalid framebuffer attachment ${i}`);c=m?.depth||1,l||(l=m?.glFormat||6408),f||(f=m?.glType||5121),o=oN(o,f,l,s,a,c);let y=Le.getDataType(o);f=f||MP(y);let x=p.bindFramebuffer(36160,g);return p.readBuffer(36064+i),p.readPixels(t,n,s,a,l,f,o),p.readBuffer(36064),p.bindFramebuffer(36160,x||null),d&&u.destroy(),o}function i2(r,e){let{target:t,sourceX:n=0,sourceY:i=0,sourceFormat:o=6408,targetByteOffset:s=0}=e||{},{sourceWidth:a,sourceHeight:c,sourceType:l}=e||{},{framebuffer:f,deleteFramebuffer:u}=o2(r);a=a||f.width,c=c||f.height;let d=f;l=l||5121;let p=t;if(!p){let m=Cm(o),y=t2(l),x=s+a*c*m*y;p=d.device.createBuffer({byteLength:x})}let g=r.device.createCommandEncoder();return g.copyTextureToBuffer({sourceTexture:r,width:a,height:c,origin:[n,i],destinationBuffer:p,byteOffset:s}),g.destroy(),u&&f.destroy(),p}function o2(r){return r instanceof En?{framebuffer:r,deleteFramebuffer:!1}:{framebuffer:iN(r),deleteFramebuffer:!0}}function iN(r,e){let{device:t,width:n,height:i,id:o}=r;return t.createFramebuffer({...e,id:`framebuffer-for-${o}`,width:n,height:i,colorAttachments:[r]})}function oN(r,e,t,n,i,o){if(r)return r;e||(e=5121);let s=Qf(e),a=Le.getTypedArrayConstructor(s),c=Cm(t);return new a(n*i*c)}var s2=b(()=>{z();ru();r2();Lm()});function a2(r){let e=new Map;for(let t in r){let n=r[t];if(t<"a"){let i=e.get(n);e.set(n,i?`${i}, GL.${t}`:`GL.${t}`)}}return e}var c2=b(()=>{});var Mm={};ur(Mm,{WebGLDevice:()=>en});function sN(r,e,t){switch(t.length){case 1:r.gl.vertexAttrib1fv(e,t);break;case 2:r.gl.vertexAttrib2fv(e,t);break;case 3:r.gl.vertexAttrib3fv(e,t);break;case 4:r.gl.vertexAttrib4fv(e,t);break;default:}}function aN(r,e,t){r.gl.vertexAttribI4iv(e,t)}function cN(r,e,t){r.gl.vertexAttribI4uiv(e,t)}function lN(r,e){if(!r||!e||r.length!==e.length||r.constructor!==e.constructor)return!1;for(let t=0;t<r.length;++t)if(r[t]!==e[t])return!1;return!0}var en,du=b(()=>{z();dm();oP();hm();cP();mP();yP();_P();xP();am();so();vP();Wf();PP();LP();Jf();Gf();zP();GP();YP();XP();QP();JP();e2();s2();no();Kf();ha();c2();en=class r extends gr{constructor(t){super({...t,id:t.id||bP("webgl-device")});h(this,"type","webgl");h(this,"handle");h(this,"features");h(this,"limits");h(this,"info");h(this,"canvasContext");h(this,"preferredColorFormat","rgba8unorm");h(this,"preferredDepthFormat","depth24plus");h(this,"commandEncoder");h(this,"lost");h(this,"_resolveContextLost");h(this,"_isLost",!1);h(this,"gl");h(this,"_glKeyByValue",null);h(this,"_constants");h(this,"extensions");h(this,"_polyfilled",!1);h(this,"spectorJS");let n=gr._getCanvasContextProps(t);if(!n)throw new Error("WebGLDevice requires props.createCanvasContext to be set");let i=n.canvas?.gl??null,o=r.getDeviceFromContext(i);if(o)throw new Error(`WebGL context already attached to device ${o.id}`);this.canvasContext=new $f(this,n),this.lost=new Promise(u=>{this._resolveContextLost=u});let s={...t.webgl};n.alphaMode==="premultiplied"&&(s.premultipliedAlpha=!0),t.powerPreference!==void 0&&(s.powerPreference=t.powerPreference),t.failIfMajorPerformanceCaveat!==void 0&&(s.failIfMajorPerformanceCaveat=t.failIfMajorPerformanceCaveat);let c=this.props._handle||iP(this.canvasContext.canvas,{onContextLost:u=>this._resolveContextLost?.({reason:"destroyed",message:"Entered sleep mode, or too many apps or browser tabs are using the GPU."}),onContextRestored:u=>{console.log("WebGL context restored")}},s);if(!c)throw new Error("WebGL context creation failed");if(o=r.getDeviceFromContext(c),o){if(t._reuseDevices)return S.log(1,`Not creating a new Device, instead returning a reference to Device ${o.id} already attached to WebGL context`,o)(),this.canvasContext.destroy(),o._reused=!0,o;throw new Error(`WebGL context already attached to device ${o.id}`)}this.handle=c,this.gl=c,this.spectorJS=YE({...this.props,gl:this.handle});let l=da(this.handle);l.device=this,l.extensions||(l.extensions={}),this.extensions=l.extensions,this.info=sP(this.gl,this.extensions),this.limits=new Uf(this.gl),this.features=new zf(this.gl,this.extensions,this.props._disabledFeatures),this.props._initializeFeatures&&this.features.initializeFeatures(),new Bt(this.gl,{log:(...u)=>S.log(1,...u)()}).trackState(this.gl,{copyState:!1}),(t.debug||t.debugWebGL)&&(this.gl=jE(this.gl,{debugWebGL:!0,traceWebGL:t.debugWebGL}),S.warn("WebGL debug mode activated. Performance reduced.")()),t.debugWebGL&&(S.level=Math.max(S.level,1)),this.commandEncoder=new _a(this,{id:`${this}-command-encoder`}),this.canvasContext._startObservers()}static getDeviceFromContext(t){return t?t.luma?.device??null:null}get[Symbol.toStringTag](){return"WebGLDevice"}toString(){return`${this[Symbol.toStringTag]}(${this.id})`}isVertexFormatSupported(t){return t!=="unorm8x4-bgra"}destroy(){if(!this.props._reuseDevices&&!this._reused){this._isLost=!0,this.commandEncoder?.destroy();let t=da(this.handle);t.device=null}}get isLost(){return this._isLost||this.gl.isContextLost()}createCanvasContext(t){throw new Error("WebGL only supports a single canvas")}createPresentationContext(t){return new Vf(this,t||{})}createBuffer(t){let n=this._normalizeBufferProps(t);return new kt(this,n)}createTexture(t){return new cr(this,t)}createExternalTexture(t){throw new Error("ExternalTexture is not available on WebGL")}createSampler(t){return new Xf(this,t)}createShader(t){return new Hf(this,t)}createFramebuffer(t){return new sr(this,t)}createVertexArray(t){return new au(this,t)}createTransformFeedback(t){return new cu(this,t)}createQuerySet(t){return new fu(this,t)}createFence(){return new uu(this)}createRenderPipeline(t){return new nu(this,t)}_createSharedRenderPipelineWebGL(t){return new iu(this,t)}createComputePipeline(t){throw new Error("ComputePipeline not supported in WebGL")}createRenderBundleEncoder(t){throw new Error("Render bundles are only supported in WebGPU")}createCommandEncoder(t={}){return new _a(this,t)}submit(t){let n=null;t||({submittedCommandEncoder:n,commandBuffer:t}=this._finalizeDefaultCommandEncoderForSubmit());try{t._executeCommands(),n&&n.resolveTimeProfilingQuerySet().then(()=>{this.commandEncoder._gpuTimeMs=n._gpuTimeMs}).catch(()=>{})}finally{t.destroy()}}writeBufferViaCommandEncoder(t,n,i,o=0){n.write(i,o)}_finalizeDefaultCommandEncoderForSubmit(){let t=this.commandEncoder,n=t.finish();return this.commandEncoder.destroy(),this.commandEncoder=this.createCommandEncoder({id:t.props.id,timeProfilingQuerySet:t.getTimeProfilingQuerySet()}),{submittedCommandEncoder:t,commandBuffer:n}}readPixelsToArrayWebGL(t,n){return n2(t,n)}readPixelsToBufferWebGL(t,n){return i2(t,n)}setParametersWebGL(t){Ot(this.gl,t)}getParametersWebGL(t){return Of(this.gl,t)}withParametersWebGL(t,n){return Nt(this.gl,t,n)}resetWebGL(){S.warn("WebGLDevice.resetWebGL is deprecated, use only for debugging")(),JE(this.gl)}_getDeviceSpecificTextureFormatCapabilities(t){return hP(this.gl,t,this.extensions)}loseDevice(){let t=!1,i=this.getExtension("WEBGL_lose_context").WEBGL_lose_context;return i&&(t=!0,i.loseContext()),this._resolveContextLost?.({reason:"destroyed",message:"Application triggered context loss"}),t}pushState(){Bt.get(this.gl).push()}popState(){Bt.get(this.gl).pop()}getGLKey(t,n){let i=this._getGLKeyByValue().get(Number(t));return i||(n?.emptyIfUnknown?"":String(t))}getGLKeys(t){let n={emptyIfUnknown:!0};return Object.entries(t).reduce((i,[o,s])=>(i[`${o}:${this.getGLKey(o,n)}`]=`${s}:${this.getGLKey(s,n)}`,i),{})}_getGLKeyByValue(){return this._glKeyByValue??(this._glKeyByValue=a2(this.gl)),this._glKeyByValue}setConstantAttributeWebGL(t,n){let i=this.limits.maxVertexAttributes;this._constants=this._constants||new Array(i).fill(null);let o=this._constants[t];switch(o&&lN(o,n)&&S.info(1,`setConstantAttributeWebGL(${t}) could have been skipped, value unchanged`)(),this._constants[t]=n,n.constructor){case Float32Array:sN(this,t,n);break;case Int32Array:aN(this,t,n);break;case Uint32Array:cN(this,t,n);break;default:throw new Error("constant")}}getExtension(t){return Dt(this.gl,t,this.extensions),this.extensions}_setWebGLDebugMetadata(t,n,i){t.luma=n;let o={props:i.spector,id:i.spector.id};t.__SPECTOR_Metadata=o}}});function fN(r){return typeof WebGL2RenderingContext<"u"&&r instanceof WebGL2RenderingContext?!0:!!(r&&typeof r.createVertexArray=="function")}function l2(r){return{...r,debug:r.debug??gr.defaultProps.debug,debugWebGL:r.debugWebGL??gr.defaultProps.debugWebGL,debugSpectorJS:r.debugSpectorJS??!!S.get("debug-spectorjs")}}async function f2(r){let e=[];(r.debugWebGL||r.debug)&&e.push(WE()),r.debugSpectorJS&&e.push(HE(r));let t=await Promise.allSettled(e);for(let n of t)n.status==="rejected"&&S.error(`Failed to initialize debug libraries ${n.reason}`)()}var xa,Im,ba,u2=b(()=>{z();$E();am();xa=1,Im=class extends Zo{constructor(){super(...arguments);h(this,"type","webgl")}enforceWebGL2(t){GE(t)}isSupported(){return typeof WebGL2RenderingContext<"u"}isDeviceHandle(t){return typeof WebGL2RenderingContext<"u"&&t instanceof WebGL2RenderingContext?!0:(typeof WebGLRenderingContext<"u"&&t instanceof WebGLRenderingContext&&S.warn("WebGL1 is not supported",t)(),!1)}async attach(t,n={}){let{WebGLDevice:i}=await Promise.resolve().then(()=>(du(),Mm));if(t instanceof i)return t;let o=i.getDeviceFromContext(t);if(o)return o;if(!fN(t))throw new Error("Invalid WebGL2RenderingContext");n=l2(n),await f2(n);let s=n.createCanvasContext===!0?{}:n.createCanvasContext;return new i({...n,_handle:t,createCanvasContext:{canvas:t.canvas,autoResize:!1,...s}})}async create(t={}){let{WebGLDevice:n}=await Promise.resolve().then(()=>(du(),Mm));t=l2(t),await f2(t);try{let i=new n(t);S.groupCollapsed(xa,`WebGLDevice ${i.id} created`)();let o=`${i._reused?"Reusing":"Created"} device with WebGL2 ${i.props.debug?"debug ":""}context: ${i.info.vendor}, ${i.info.renderer} for canvas: ${i.canvasContext.id}`;return S.probe(xa,o)(),S.table(xa,i.info)(),i}finally{S.groupEnd(xa)(),S.info(xa,"%cWebGL call tracing: luma.log.set('debug-webgl') ","color: white; background: blue; padding: 2px 6px; border-radius: 3px;")()}}};ba=new Im});var lu=b(()=>{u2();du();Wf()});function mu(r){return v2.test(r)}function yu(r){return w2.test(r)}function E2(r){let e=v2.exec(r),t=w2.exec(r),n=e?.[1]??t?.[1]??r;try{oe.getVertexFormatInfo(n)}catch{throw new Error(`Unsupported GPUVector format ${r}`)}return n}function Lr(r){let e=E2(r),t=mu(r),n=yu(r),i=oe.getVertexFormatInfo(e),o=i.type,s=i.normalized,a=gN(o,s);return{format:r,elementFormat:e,vertexList:t,valueList:n,type:o,signedDataType:mN(e,o),primitiveType:a,components:i.components,byteLength:i.byteLength,integer:i.integer,signed:i.signed,normalized:s,...i.webglOnly?{webglOnly:!0}:{}}}function gN(r,e){if(e)return"f32";switch(r){case"float32":return"f32";case"float16":return"f16";case"uint8":case"uint16":case"uint32":return"u32";case"sint8":case"sint16":case"sint32":return"i32";default:throw new Error(`Unsupported GPUVector component type ${r}`)}}function mN(r,e){if(r==="unorm10-10-10-2")return"uint32";switch(e){case"unorm8":return"uint8";case"snorm8":return"sint8";case"unorm16":return"uint16";case"snorm16":return"sint16";default:return e}}var v2,w2,_u=b(()=>{z();v2=/^vertex-list<([^<>]+)>$/,w2=/^value-list<([^<>]+)>$/});function Om(r,e){if(!Number.isSafeInteger(r)||r<0)throw new Error(`${e} must be a non-negative safe integer`)}var Ar,Bm=b(()=>{z();Ar=class{constructor(e){h(this,"buffer");h(this,"format");h(this,"length");h(this,"byteOffset");h(this,"byteStride");let t=oe.getVertexFormatInfo(e.format).byteLength,n=e.byteOffset??0,i=e.byteStride??t;if(Om(e.length,"GPUDataView length"),Om(n,"GPUDataView byteOffset"),Om(i,"GPUDataView byteStride"),i<t)throw new Error(`GPUDataView byteStride ${i} is smaller than ${e.format} byte length ${t}`);let o=e.length===0?0:(e.length-1)*i+t,s=n+o;if(!Number.isSafeInteger(o)||!Number.isSafeInteger(s))throw new Error("GPUDataView byte range must use safe integers");if(s>e.buffer.byteLength)throw new Error("GPUDataView exceeds its backing buffer byte length");this.buffer=e.buffer,this.format=e.format,this.length=e.length,this.byteOffset=n,this.byteStride=i}get elementByteLength(){return oe.getVertexFormatInfo(this.format).byteLength}get byteLength(){return this.length===0?0:(this.length-1)*this.byteStride+this.elementByteLength}}});function bu(r){return!!(r&&typeof r=="object"&&r.type==="struct")}function S2(r,e){let t=Object.entries(r);if(t.length===0)throw new Error("GPUData struct format must declare at least one field");return e==="packed"?yN(t):_N(t)}function yN(r){let e=[],t=0,n=0;for(let[i,o]of r){let s=oe.getVertexFormatInfo(o);if(s.webglOnly)throw new Error(`Packed GPUData struct field "${i}" uses WebGL-only format ${o}`);t=P2(t,Math.min(4,s.byteLength)),e.push([i,Object.freeze({format:o,byteOffset:t,byteLength:s.byteLength})]),t+=s.byteLength,n+=s.components}return Object.freeze({type:"struct",layout:"packed",fields:Object.freeze(Object.fromEntries(e)),components:n,byteStride:P2(t,4),rowByteLength:t})}function _N(r){let e=Object.fromEntries(r.map(([s,a])=>[s,xN(a)])),t=Ln(e,{layout:"wgsl-storage"}),n=[],i=0,o=0;for(let[s,a]of r){let c=oe.getVertexFormatInfo(a),l=t.fields[s].offset*4;n.push([s,Object.freeze({format:a,byteOffset:l,byteLength:c.byteLength})]),i=Math.max(i,l+c.byteLength),o+=c.components}return Object.freeze({type:"struct",layout:"wgsl-storage",fields:Object.freeze(Object.fromEntries(n)),components:o,byteStride:t.byteLength,rowByteLength:i})}function xN(r){let e=oe.getVertexFormatInfo(r);switch(e.type){case"float32":return xu("f32",e.components);case"sint32":return xu("i32",e.components);case"uint32":return xu("u32",e.components);default:{let t=Math.ceil(e.byteLength/4);return xu("u32",t)}}}function xu(r,e){return e===1?r:`vec${e}<${r}>`}function P2(r,e){return Math.ceil(r/e)*e}var T2=b(()=>{z()});var Dm,km,ao,Nm=b(()=>{Bm();T2();_u();Dm=class{constructor(e,t){h(this,"buffer");h(this,"ownsDataBuffer");this.buffer=e,this.ownsDataBuffer=t}get ownsBuffer(){return this.ownsDataBuffer}transferBufferOwnership(e){if(e.buffer!==this.buffer)throw new Error("GPUData ownership can only be transferred to the same buffer");e.ownsDataBuffer=this.ownsDataBuffer,this.ownsDataBuffer=!1}destroy(){this.ownsDataBuffer&&(this.buffer.destroy(),this.ownsDataBuffer=!1)}},km=class extends Dm{constructor(t){let{buffer:n,format:i,length:o,valueLength:s,stride:a,byteOffset:c=0,byteStride:l,rowByteLength:f,ownsBuffer:u=!1,readbackMetadata:d,valueOffsets:p,nullBitmap:g,valueByteLength:m,dataType:y}=t;super(n,u);h(this,"dataType");h(this,"format");h(this,"length");h(this,"valueLength");h(this,"stride");h(this,"byteOffset");h(this,"byteStride");h(this,"rowByteLength");h(this,"readbackMetadata");h(this,"valueOffsets");h(this,"nullBitmap");h(this,"valueByteLength");let x;i?typeof i=="string"?x=i:x=S2(i,t.layout??"wgsl-storage"):x=void 0;let v=bu(x)?x:void 0,_=typeof x=="string"?Lr(x):void 0;if(this.dataType=y,this.format=x,this.length=o,this.valueLength=s??o,this.stride=a??_?.components??v?.components??l??f??1,this.byteOffset=c,this.rowByteLength=f??v?.rowByteLength??_?.byteLength??l??this.stride,this.byteStride=l??v?.byteStride??this.rowByteLength,v){if(this.rowByteLength<v.rowByteLength)throw new Error(`GPUData rowByteLength ${this.rowByteLength} is smaller than struct format row byte length ${v.rowByteLength}`);if(this.byteStride<Math.max(v.byteStride,this.rowByteLength))throw new Error(`GPUData byteStride ${this.byteStride} is smaller than its struct row layout`)}this.readbackMetadata=d,this.valueOffsets=p,this.nullBitmap=g,this.valueByteLength=m}getChild(t){if(!bu(this.format))return null;let n=this.format.fields[t];return n?new Ar({buffer:this.buffer,format:n.format,length:this.length,byteOffset:this.byteOffset+n.byteOffset,byteStride:this.byteStride}):null}getChildAt(t){if(!bu(this.format))return null;let n=Object.values(this.format.fields)[t];return n?new Ar({buffer:this.buffer,format:n.format,length:this.length,byteOffset:this.byteOffset+n.byteOffset,byteStride:this.byteStride}):null}},ao=km});function L2(r){let e=r.format?Lr(r.format):void 0,t=r.rowByteLength??r.byteStride??e?.byteLength;if(t===void 0)throw new Error("GPUVector requires format or explicit rowByteLength");return{stride:r.stride??e?.components??1,byteStride:r.byteStride??t,rowByteLength:t}}function bN(r){return r[0]?.format}function vN(r,e){if(r.find(n=>n.format!==e))throw new Error("GPUVector data chunks must share the declared format")}var lr,A2=b(()=>{Nm();_u();lr=class{constructor(e){h(this,"name");h(this,"dataType");h(this,"format");h(this,"length");h(this,"valueLength");h(this,"stride");h(this,"byteOffset");h(this,"byteStride");h(this,"rowByteLength");h(this,"bufferLayout");h(this,"data",[]);h(this,"device");h(this,"bufferProps");h(this,"isAppendable",!1);h(this,"ownsDataChunks",!0);h(this,"ownedVectors",[]);h(this,"appendableByteLength",0);switch(e.type){case"buffer":{let{name:t,buffer:n,format:i,length:o,valueLength:s=o,byteOffset:a=0,ownsBuffer:c=!1}=e,{stride:l,byteStride:f,rowByteLength:u}=L2(e);this.name=t,this.dataType=e.dataType,this.format=i,this.length=o,this.valueLength=s,this.stride=l,this.byteOffset=a,this.byteStride=f,this.rowByteLength=u,this.data.push(new ao({buffer:n,format:i,length:o,valueLength:s,stride:l,byteOffset:a,byteStride:f,rowByteLength:u,ownsBuffer:c,dataType:e.dataType}));return}case"interleaved":{let{name:t,buffer:n,format:i,length:o,valueLength:s=o,byteOffset:a=0,byteStride:c,attributes:l,ownsBuffer:f=!1}=e;this.name=t,this.dataType=e.dataType,this.format=i,this.length=o,this.valueLength=s,this.stride=c,this.byteOffset=a,this.byteStride=c,this.rowByteLength=c,this.bufferLayout={name:t,byteStride:c,attributes:l},this.data.push(new ao({buffer:n,format:i,length:o,valueLength:s,stride:c,byteOffset:a,byteStride:c,rowByteLength:c,ownsBuffer:f,dataType:e.dataType}));return}case"data":{let t=e.format??bN(e.data),n=t?Lr(t):void 0,{name:i,data:o,stride:s=o[0]?.stride??n?.components??1,valueLength:a=o.reduce((d,p)=>d+p.valueLength,0),byteStride:c=o[0]?.byteStride??n?.byteLength,rowByteLength:l=o[0]?.rowByteLength??n?.byteLength,bufferLayout:f,ownsData:u=!1}=e;if(c===void 0||l===void 0)throw new Error("GPUVector requires format or explicit byte layout metadata");t&&vN(o,t),this.name=i,this.dataType=e.dataType,this.format=t,this.length=o.reduce((d,p)=>d+p.length,0),this.valueLength=a,this.stride=s,this.byteOffset=o.length===1?o[0].byteOffset:0,this.byteStride=c,this.rowByteLength=l,this.bufferLayout=f,this.ownsDataChunks=u,this.data.push(...o);return}case"appendable":{let{name:t,device:n,format:i,valueLength:o=0,bufferProps:s}=e,{stride:a,byteStride:c,rowByteLength:l}=L2(e);this.name=t,this.dataType=e.dataType,this.format=i,this.length=0,this.valueLength=o,this.stride=a,this.byteOffset=0,this.byteStride=c,this.rowByteLength=l,this.device=n,this.bufferProps=s,this.isAppendable=!0;return}}}get ownsBuffer(){return this.ownsDataChunks&&this.data.some(e=>e.ownsBuffer)||this.ownedVectors.some(e=>e.ownsBuffer)}get capacityRows(){return this.isAppendable?this.length:void 0}get appendedByteLength(){return this.appendableByteLength}addData(e){if(this.format&&e.format!==this.format)throw new Error("GPUVector.addData() requires matching formats");if(e.byteStride!==this.byteStride)throw new Error("GPUVector.addData() requires matching byteStride");if(e.rowByteLength!==this.rowByteLength)throw new Error("GPUVector.addData() requires matching rowByteLength");return this.data.push(e),this.length+=e.length,this.valueLength+=e.valueLength,this}appendDataChunk(e,t=this.appendableByteLength+e.buffer.byteLength){if(!this.isAppendable)throw new Error("GPUVector.appendDataChunk() requires appendable vector storage");if(this.format&&e.format!==this.format)throw new Error("GPUVector.appendDataChunk() requires matching formats");if(e.byteStride!==this.byteStride||e.rowByteLength!==this.rowByteLength)throw new Error("GPUVector.appendDataChunk() requires matching byte layout metadata");return this.data.push(e),this.length+=e.length,this.valueLength+=e.valueLength,this.appendableByteLength=t,this}resetLastBatch(){if(!this.isAppendable)throw new Error("GPUVector.resetLastBatch() requires appendable vector storage");for(let e of this.data.splice(0))e.destroy();return this.length=0,this.valueLength=0,this.appendableByteLength=0,this}retainOwnedVectors(e){return this.ownedVectors.push(...e),this}transferBufferOwnership(e){let t=this.data[0],n=e.data[0];if(!t||!n||t.buffer!==n.buffer)throw new Error("GPUVector ownership can only be transferred to the same buffer");t.transferBufferOwnership(n)}destroy(){if(this.ownsDataChunks)for(let e of this.data)e.destroy();for(let e of this.ownedVectors.splice(0))e.destroy()}}});var Fm=b(()=>{Nm();Bm();A2();_u()});var zm,Ve,Sa=b(()=>{z();zm=class{constructor(){h(this,"poolSize",20);h(this,"bufferPools");this.bufferPools=new Map}createOrReuse(e,t){if(t>e.limits.maxBufferSize)throw new Error(`Buffer pool cannot allocate ${t} bytes: device.limits.maxBufferSize is ${e.limits.maxBufferSize}`);let n=this.bufferPools.get(e),i=n?n.findIndex(s=>s.byteLength>=t):-1;if(i<0)return e.createBuffer({usage:V.VERTEX|V.STORAGE|V.COPY_DST|V.COPY_SRC,byteLength:t});let[o]=n.splice(i,1);return o}recycle(e){let t=e.device;this.bufferPools.has(t)||this.bufferPools.set(t,[]);let n=this.bufferPools.get(t),i=n.findIndex(o=>o.byteLength>e.byteLength);i<0?n.push(e):n.splice(i,0,e),this.purge()}purge(){for(let[e,t]of this.bufferPools){let n=e.isLost?0:this.poolSize;for(;t.length>n;)t.shift().destroy();t.length===0&&this.bufferPools.delete(e)}}},Ve=new zm});function wN(r,e,t,n){let{ValueType:i,size:o,offset:s,stride:a}=r,c=a/i.BYTES_PER_ELEMENT,l=s/i.BYTES_PER_ELEMENT,f=n-t;if(c===o){let d=l+t*c;return e.subarray(d,d+f*o)}let u=new i(f*o);for(let d=0;d<f;d++){let p=l+(t+d)*c;u.set(e.subarray(p,p+o),d*o)}return u}function wu(r){if(r instanceof ee)return r;if(typeof r=="number"||Array.isArray(r))return ee.fromConstant(r);if(r instanceof ao)return ee.fromGPUData(r);if(r instanceof Ar)return ee.fromGPUDataView(r);throw new Error("getGPUDataEvaluator() requires GPUDataEvaluator, GPUData, GPUDataView, number, or number[]")}function EN(r){if(!r.format)throw new Error("GPUDataEvaluator.fromGPUData() requires GPUData format metadata");if(mu(r.format)||yu(r.format))throw new Error("GPUDataEvaluator.fromGPUData() does not support variable-length input");let t=Lr(r.format).byteLength;if(r.rowByteLength!==t)throw new Error(`GPUDataEvaluator.fromGPUData() requires rowByteLength ${t} for GPUData`)}function C2(r){let e=Lr(r.format),t=_n(e.signedDataType),n=t.BYTES_PER_ELEMENT*e.components;if(e.byteLength!==n)throw new Error(`GPUDataEvaluator does not support packed vertex format ${r.format}: ${e.byteLength} physical bytes cannot expose ${e.components} ${e.signedDataType} components`);if(r.byteOffset%t.BYTES_PER_ELEMENT!==0||r.byteStride%t.BYTES_PER_ELEMENT!==0)throw new Error(`GPUDataEvaluator requires ${r.format} offset and stride aligned to ${t.BYTES_PER_ELEMENT} bytes`);return{type:e.signedDataType,size:e.components,offset:r.byteOffset,stride:r.byteStride,normalized:e.normalized,length:r.length,format:r.format}}function vu(r){let e=PN(r).buffer;return e instanceof Oe?e.buffer:e}function PN(r){let[e,...t]=r.data;if(!e||t.length>0)throw new Error(`GPUDataEvaluator requires exactly one GPUData chunk for "${r.name}"`);return e}function SN(r){let e=[];return M2(r,e,{byteOffset:0}),e}function M2(r,e,t){let n=r.source;if(n&&!(n instanceof ee)&&n.name==="interleave"){for(let i of Object.values(n.inputs))i instanceof ee&&M2(i,e,t);return}e.push({attribute:r.id??r.toString(),format:I2(r.type,r.size,r.normalized),byteOffset:t.byteOffset}),t.byteOffset+=r.ValueType.BYTES_PER_ELEMENT*r.size}function I2(r,e,t=!1){if(e<1||e>4)throw new Error(`Cannot synthesize a GPUVector vertex format with ${e} components`);let n=r;if(t)switch(r){case"uint8":n="unorm8";break;case"sint8":n="snorm8";break;case"uint16":n="unorm16";break;case"sint16":n="snorm16";break;case"float32":n="float32";break;default:throw new Error(`Unsupported normalized vertex format for ${r}`)}return(n==="uint8"||n==="sint8"||n==="uint16"||n==="sint16"||n==="unorm8"||n==="snorm8"||n==="unorm16"||n==="snorm16")&&e===3?`${n}x3-webgl`:`${n}${e===1?"":`x${e}`}`}function TN(r,e,t=!1){return e>=1&&e<=4?I2(r,e,t):void 0}var ee,Cr=b(()=>{z();se();Fm();Sa();ee=class r{constructor(e){h(this,"type");h(this,"size");h(this,"normalized");h(this,"isConstant");h(this,"length");h(this,"ValueType");h(this,"source",null);h(this,"format");h(this,"_id");h(this,"_destroyed",!1);h(this,"_value");h(this,"_offset");h(this,"_stride");h(this,"_byteLength");h(this,"_gpuVector");h(this,"_bufferOwnership","owned");h(this,"_targetBuffer");let{id:t,value:n,buffer:i,gpuData:o,format:s,source:a=null,isConstant:c=!1}=e;if(!a&&!n&&!i&&!o)throw new Error("GPUDataEvaluator must have a value source");let{type:l,size:f,offset:u,stride:d,normalized:p,length:g}=e;if(a instanceof r?(l=l??a.type,f=f??a.size,u=u??a.offset,d=d??a.stride,p=p??a.normalized,g=g??a.length):(f=f??1,u=u??0,p=p??!1,g=c?1:g),!l)throw new Error("GPUDataEvaluator: type not defined");if(this._id=t,this.type=l,this.size=f,this.ValueType=_n(this.type),this._offset=u,this._stride=d||this.ValueType.BYTES_PER_ELEMENT*f,this.normalized=p,this.source=a,this.format=s,g===void 0)if(c)g=1;else{if(!n)throw new Error("GPUDataEvaluator: length not defined");g=Math.ceil(n.byteLength/this.stride)}this.isConstant=c,this.length=g;let m=this.ValueType.BYTES_PER_ELEMENT*this.size;this._byteLength=g===0?0:(g-1)*this.stride+m,this._value=n,this._bufferOwnership=a instanceof r||i||o?"borrowed":"owned",o?this._gpuVector=new lr({type:"data",name:this._id??"data",format:o.format,data:[o],stride:o.stride,byteStride:o.byteStride,rowByteLength:o.rowByteLength}):i&&(this._gpuVector=this.createGPUVectorView({buffer:i,name:this._id,format:this.format}))}static get bufferPoolSize(){return Ve.poolSize}static set bufferPoolSize(e){if(!Number.isSafeInteger(e)||e<0)throw new Error("GPUDataEvaluator.bufferPoolSize must be a non-negative safe integer");Ve.poolSize=e,Ve.purge()}get offset(){return this._offset}get stride(){return this._stride}get byteLength(){return this._byteLength}static fromArray(e,{type:t,size:n=1,offset:i=0,stride:o=0,normalized:s=!1}){let a=t,c;if(Array.isArray(e)){a=a||"float32";let f=_n(a);c=new f(e)}else e instanceof Float64Array?(a="uint32",n*=2,i*=2,o*=2,c=new Uint32Array(e.buffer,e.byteOffset,e.byteLength/4)):(a=a||Kc(e),c=e);let l=`<${a} * ${n}>`;return new r({id:l,type:a,size:n,offset:i,stride:o,normalized:s,value:c})}static fromConstant(e,t="float32"){let n=_n(t),i;return Array.isArray(e)?i=`[${e.join(",")}]`:(i=String(e),e=[e]),new r({id:i,isConstant:!0,type:t,size:e.length,value:new n(e)})}static fromGPUData(e,t={}){EN(e);let n=new Ar({buffer:e.buffer,format:e.format,length:e.length,byteOffset:e.byteOffset,byteStride:e.byteStride});return new r({...C2(n),id:t.id,gpuData:e})}static fromGPUDataView(e,t={}){return new r({...C2(e),id:t.id,buffer:e.buffer})}get value(){return this._value||(this.source instanceof r?this.source.value:void 0)}get evaluated(){return!!this._gpuVector}get id(){return this._id}get gpuVector(){if(!this._gpuVector)throw new Error(`${this} not evaluated`);return this._gpuVector}get buffer(){return vu(this.gpuVector)}setTargetBuffer({buffer:e,byteOffset:t=0,byteStride:n=this.stride}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)throw new Error(`GPUDataEvaluator ${this} already evaluated`);if(!this.source||this.source instanceof r)throw new Error("GPUDataEvaluator target buffers require a deferred operation source");this._targetBuffer={buffer:e,byteOffset:t,byteStride:n}}async evaluate(e,t={}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n;if(this.source instanceof r){let i=await this.source.evaluate(e);return this._gpuVector=this.createGPUVectorView({...t,buffer:vu(i)}),this._gpuVector}if(n=this._getEvaluationBuffer(e),this._value)n.write(this._value);else{let i=await this.source.execute(e,n);if(!i.success)throw i.error||new Error(`${this.source} evaluation failed`);i.value&&(this._value=i.value)}return this._gpuVector=this.createGPUVectorView({...t,buffer:n}),this._gpuVector}evaluateSync(e,t={}){if(this._destroyed)throw new Error(`GPUDataEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n;if(this.source instanceof r){let i=this.source.evaluateSync(e);return this._gpuVector=this.createGPUVectorView({...t,buffer:vu(i)}),this._gpuVector}if(n=this._getEvaluationBuffer(e),this._value)n.write(this._value);else{let i=this.source.executeSync(e,n);if(!i.success)throw i.error||new Error(`${this.source} evaluation failed`);i.value&&(this._value=i.value)}return this._gpuVector=this.createGPUVectorView({...t,buffer:n}),this._gpuVector}createGPUVectorView(e){let t=e.name??this._id??"vector",n=e.format??this.format??TN(this.type,this.size,this.normalized);if(e.interleaved){let i=typeof e.interleaved=="object"&&e.interleaved.attributes?e.interleaved.attributes:SN(this);return new lr({type:"interleaved",name:t,buffer:e.buffer,format:e.format??this.format,length:this.length,byteOffset:this.offset,byteStride:this.stride,attributes:i,ownsBuffer:!1})}return new lr({type:"buffer",name:t,buffer:e.buffer,format:n,length:this.length,stride:this.size,byteOffset:this.offset,byteStride:this.stride,rowByteLength:this.ValueType.BYTES_PER_ELEMENT*this.size,ownsBuffer:!1})}_getEvaluationBuffer(e){let t=this._targetBuffer;if(!t)return Ve.createOrReuse(e,this.byteLength);if(t.buffer.device!==e)throw new Error("GPUDataEvaluator target buffer belongs to a different device");let n=this.ValueType.BYTES_PER_ELEMENT*this.size,i=this.length===0?0:(this.length-1)*t.byteStride+n;if(t.byteOffset+i>t.buffer.byteLength)throw new Error("GPUDataEvaluator target buffer is too small for the output layout");return this._offset=t.byteOffset,this._stride=t.byteStride,this._byteLength=i,this._bufferOwnership="borrowed",this._targetBuffer=void 0,t.buffer}async readValue(e=0,t){let{ValueType:n}=this,{size:i,offset:o,stride:s,length:a}=this,c=n.BYTES_PER_ELEMENT*i;if(t=t??a,e=Math.max(0,Math.min(a,e)),t=Math.max(e,Math.min(a,t)),this._value)return wN(this,this._value,e,t);let l=t-e;if(l===0)return new n(0);let f=o+e*s,u=s===c?l*c:(l-1)*s+c,d=await this.buffer.readAsync(f,u),p=new n(d.buffer,d.byteOffset,d.byteLength/n.BYTES_PER_ELEMENT);if(s===c)return p;let g=new Uint8Array(c*l);for(let m=0;m<l;m++){let y=m*s;g.set(d.subarray(y,y+c),m*c)}return new n(g.buffer)}async ensureCPUValue(){let e=this.value;if(e)return e;let t=await this.buffer.readAsync(0,this.offset+this.byteLength);if(t.byteLength%this.ValueType.BYTES_PER_ELEMENT!==0)throw new Error(`${this} backing buffer byte length is not aligned to its scalar type`);let n=t.slice();return this._value=new this.ValueType(n.buffer,n.byteOffset,n.byteLength/this.ValueType.BYTES_PER_ELEMENT),this._value}ensureCPUValueSync(){let e=this.value;if(e)return e;throw new Error(`${this} CPU value is not available for synchronous evaluation`)}toString(){return this._id??this.source?.toString()??this.constructor.name}destroy(){this._gpuVector&&(this._bufferOwnership==="owned"&&Ve.recycle(vu(this._gpuVector)),this._gpuVector=void 0),this._targetBuffer=void 0,this._destroyed=!0}}});var co,Eu=b(()=>{co={add:{arity:2,symbol:"arithmetic_add"},subtract:{arity:2,symbol:"arithmetic_subtract"},multiply:{arity:2,symbol:"arithmetic_multiply"},divide:{arity:2,symbol:"arithmetic_divide"},pow:{arity:2,symbol:"pow"},sqrt:{arity:1,symbol:"sqrt"},abs:{arity:1,symbol:"abs"},sin:{arity:1,symbol:"sin"},cos:{arity:1,symbol:"cos"},tan:{arity:1,symbol:"arithmetic_tan"},exp:{arity:1,symbol:"exp"},log:{arity:1,symbol:"log"}}});function H2(r,{operations:e,inputs:t}){switch(r.kind){case"input":if(!(r.name in t))throw new Error(`Unknown expression input '${r.name}'`);return;case"literal":if(Array.isArray(r.value)){for(let n of r.value)if(!Number.isFinite(n))throw new Error(`Expression literal array must contain only finite values, got ${n}`)}else if(!Number.isFinite(r.value))throw new Error(`Expression literal must be finite, got ${r.value}`);return;case"call":{let n=e[r.op];if(!n)throw new Error(`Unknown expression op '${r.op}'`);if(r.args.length!==n.arity)throw new Error(`Expression op '${r.op}' expects ${n.arity} args, got ${r.args.length}`);for(let i of r.args)H2(i,{operations:e,inputs:t});return}default:{let n=r;throw new Error(`Unsupported expression node ${n.kind}`)}}}function Pu(r,e){return H2(r,e),Y2(r,e)}function Y2(r,e){switch(r.kind){case"input":{let t=e.inputs[r.name];return e.laneIndex<t.size?e.formatInput(r.name):e.formatOutOfBoundsInput(r.name)}case"literal":return e.formatLiteral(r.value);case"call":{let t=e.operations[r.op],n=r.args.map(i=>Y2(i,e));return e.formatCall(t.symbol,n)}default:{let t=r;throw new Error(`Unsupported expression node ${t.kind}`)}}}var Vm=b(()=>{});function De(r,e,t=!1){if(t)return e===1?"float":`vec${e}`;switch(r){case"uint8":case"uint16":case"uint32":return e===1?"uint":`uvec${e}`;case"sint8":case"sint16":case"sint32":return e===1?"int":`ivec${e}`;default:return e===1?"float":`vec${e}`}}function Su(r,e,t=!1){let n;if(t)switch(r){case"uint8":n="unorm8";break;case"sint8":n="snorm8";break;case"uint16":n="unorm16";break;case"sint16":n="snorm16";break;case"float32":n="float32";break;default:throw new Error(`Unsupported normalized vertex format for ${r}`)}else n=r;return e===1?n:e===3&&!n.startsWith("float32")&&!n.endsWith("32")?`${n}x3-webgl`:`${n}x${e}`}function tn(r){switch(r[0]){case"u":return"0u";case"s":return"0";default:return"0."}}function q2(r,e){switch(r){case"uint8":case"uint16":case"uint32":return`${Math.trunc(e)}u`;case"sint8":case"sint16":case"sint32":return`${Math.trunc(e)}`;default:return Number.isInteger(e)?`${e}.0`:`${e}`}}function Z2(r){switch(r){case"uint8":return"r8uint";case"sint8":return"r8sint";case"uint16":return"r16uint";case"sint16":return"r16sint";case"uint32":return"r32uint";case"sint32":return"r32sint";case"float32":return"r32float";default:throw new Error(`Unsupported WebGL gather texture format for ${r}`)}}function X2(r){switch(r){case"uint32":return"usampler2D";case"sint32":return"isampler2D";case"float32":return"sampler2D";default:throw new Error(`Unsupported WebGL gather sampler type for ${r}`)}}var fo=b(()=>{});function ke({module:r,elementWise:e=!1,expression:t,inputs:n,output:i,operationType:o=i.type,outputBuffer:s}){let a=s.device,c=ni("result",i.type,i.size,i.normalized),l=[r,c],f=[],u={},d=De(i.type,1,i.normalized),p=De(o,1,i.normalized),g="",m=null,y={TYPE:p,RESULT_LEN:i.size.toString()},x=DN(n);for(let[E,P]of x)l.push(Wm(E,P.type,P.size,P.normalized,o)),f.push(jm(E,P)),P instanceof ee?u[E]=P.buffer:(m=m||Ve.createOrReuse(a,s.byteLength),u[E]=m),g+=`TYPE ${E}[${P.size}]; get_${E}(${E});
`,y[`${E.toUpperCase()}_LEN`]=P.size.toString();let v="";if(t)for(let E=0;E<i.size;E++)v+=`result[${E}]=${t(E)};
`;else if(e)for(let E=0;E<i.size;E++){let P=tn(p),L=x.map(([A,C])=>E<C.size?`${A}[${E}]`:P);v+=`result[${E}]=${r.name}(${L.join(", ")});
`}else v=`${r.name}(${x.map(([E])=>E).join(", ")}, result);`;let _=`#version 300 es

void main() {
${g}
${d} result[${i.size}];
${v}
set_result(result);
}
  `,w=new Be(a,{vs:_,shaderAssembler:BN,defines:y,modules:l,bufferLayout:f,vertexCount:1,instanceCount:i.length,attributes:u,feedbackBufferMode:"interleaved",outputs:c.varyings});a.statsManager.getStats(RN).get(ON).incrementCount(),w.run({inputBuffers:u,outputBuffers:{[c.varyings[0]]:i.offset===0?s:{buffer:s,byteOffset:i.offset,byteLength:i.byteLength}}}),m&&Ve.recycle(m)}function DN(r){return Array.isArray(r)?r.map((e,t)=>[`x${t}`,e]):Object.entries(r)}function Wm(r,e,t,n=!1,i=e){let o="",s="";for(let c=0;c<t;c+=4){let l=Math.min(t-c,4),f=De(e,l,n);o+=`in ${f} a${r}_${c};
`;for(let u=0;u<l;u++){let d=`a${r}_${c}`;l>1&&(d=`${d}[${u}]`),(n||e!==i)&&(d=`TYPE(${d})`),s+=`v[${c+u}]=${d};
`}}let a=`
${o}
void get_${r}(out TYPE v[${t}]) {
  ${s}
}
`;return{name:r,vs:a}}function jm(r,e){let t={name:r,stepMode:e.isConstant?"vertex":"instance",byteStride:e.stride,attributes:[]};for(let n=0;n<e.size;n+=4){let i=Math.min(e.size-n,4);t.attributes.push({attribute:`a${r}_${n}`,format:Su(e.type,i,e.normalized),byteOffset:e.offset+e.ValueType.BYTES_PER_ELEMENT*n})}return t}function ni(r,e,t,n=!1){let i=[],o=De(e,1,n),s="",a="";for(let c=0;c<t;c+=4){let l=Math.min(t-c,4),f=De(e,l,n);i.push(`${r}_${c}`),s+=`flat out ${f} ${r}_${c};
`;let u=Array.from({length:l},(d,p)=>c+p);a+=`${r}_${c} = ${f}(${u.map(d=>`v[${d}]`).join(",")});
`}return{name:r,varyings:i,vs:`
${s}
void set_${r}(in ${o} v[${t}]) {
  ${a}
}
`}}var RN,ON,BN,st=b(()=>{se();He();Cr();Sa();fo();RN="GPGPU Operation Counts",ON="Transform Runs",BN=new Ai});var kN,Tu,Hm=b(()=>{He();Vm();Eu();st();fo();kN=`TYPE arithmetic_add(TYPE x, TYPE y) {
  return x + y;
}

TYPE arithmetic_subtract(TYPE x, TYPE y) {
  return x - y;
}

TYPE arithmetic_multiply(TYPE x, TYPE y) {
  return x * y;
}

TYPE arithmetic_divide(TYPE x, TYPE y) {
  return x / y;
}

float arithmetic_tan(float x) {
  return tan_fp32(x);
}
`,Tu=({inputs:r,output:e,target:t})=>{let n=e.type,i=De(n,1,e.normalized),o=tn(i),s=r.namedInputs;return ke({module:{name:"arithmetic",dependencies:[Fn],vs:kN},inputs:s,output:e,operationType:n,outputBuffer:t,expression:a=>Pu(r.expression,{operations:co,inputs:s,laneIndex:a,formatInput:c=>`${c}[${a}]`,formatOutOfBoundsInput:c=>s[c].size===1?`${c}[0]`:o,formatLiteral:c=>{let l=Array.isArray(c)?c[a]??0:c;return`${i}(${q2(n,l)})`},formatCall:(c,l)=>`${c}(${l.join(", ")})`})}),{success:!0}}});var NN,FN,Q2,K2,J2=b(()=>{z();se();Cr();Sa();Hm();st();NN="GPGPU Operation Counts",FN="Transform Runs",Q2=({inputs:r,output:e,target:t})=>{let{sourceValues:n}=r,i=t.device;if(n.length===0){let u=new e.ValueType(e.length*e.size);return t.write(u),{success:!0,value:u}}if(n.isConstant){let u=n.value,d=new e.ValueType(e.length*e.size);for(let p=0;p<e.length;p++){let g=u[p];d[p*2]=g,d[p*2+1]=g}return t.write(d),{success:!0,value:d}}let o=i.createTexture({width:1,height:e.length,format:"rg32float",usage:q.RENDER|q.COPY_SRC|q.COPY_DST}),s=i.createFramebuffer({colorAttachments:[o]}),a=`#version 300 es

flat out float extent_value;

void main() {
  float sourceValues[SOURCE_VALUES_LEN];
  get_sourceValues(sourceValues);
  extent_value = sourceValues[gl_VertexID];

  float y = (float(gl_VertexID) + 0.5) / float(CHANNEL_COUNT) * 2.0 - 1.0;
  gl_Position = vec4(0.0, y, 0.0, 1.0);
  gl_PointSize = 1.0;
}
  `,c=`#version 300 es

precision highp float;

flat in float extent_value;
out vec2 fragColor;

void main() {
  fragColor = vec2(-extent_value, extent_value);
}
  `,l=new me(i,{vs:a,fs:c,topology:"point-list",parameters:{depthCompare:"always",blend:!0,blendColorSrcFactor:"one",blendColorDstFactor:"one",blendColorOperation:"max",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one",blendAlphaOperation:"max"},modules:[Wm("sourceValues",n.type,n.size,n.normalized)],defines:{TYPE:"float",SOURCE_VALUES_LEN:n.size.toString(),CHANNEL_COUNT:e.length.toString()},attributes:{sourceValues:n.buffer},bufferLayout:[jm("sourceValues",n)],instanceCount:n.length,vertexCount:e.length,disableWarnings:!0}),f=Ve.createOrReuse(i,e.byteLength);try{let u=i.beginRenderPass({framebuffer:s,parameters:{viewport:[0,0,1,e.length]},clearColor:[-K2,-K2,0,0],clearDepth:!1,clearStencil:!1});i.statsManager.getStats(NN).get(FN).incrementCount(),l.draw(u),u.end();let d=i.createCommandEncoder();return d.copyTextureToBuffer({sourceTexture:o,width:1,height:e.length,destinationBuffer:f,byteOffset:0,bytesPerRow:8}),i.submit(d.finish()),Tu({device:i,inputs:{expression:{kind:"call",op:"multiply",args:[{kind:"input",name:"x"},{kind:"literal",value:[-1,1]}]},namedInputs:{x:new ee({buffer:f,size:2,type:"float32",length:e.length})}},output:e,target:t})}finally{l.destroy(),Ve.recycle(f),s.destroy(),o.destroy()}},K2=3e38});function zN(r,e){let t=e.reduce((n,[,i])=>n+Math.ceil(i.size/4),0);if(t>r)throw new Error(`interleave() requires ${t} vertex attributes, exceeding device limit ${r}`)}function UN(r,e){if(e.size>r)throw new Error(`interleave() output size ${e.size} exceeds device inter-stage component limit ${r}`)}var eS,tS=b(()=>{st();eS=({inputs:r,output:e,target:t})=>{let n=r.map((c,l)=>[`x${l}`,c]);zN(t.device.limits.maxVertexAttributes,n),UN(t.device.limits.maxInterStageShaderVariables,e);let i=n.map(([c,l])=>`in TYPE ${c}[${l.size}]`).join(", "),o=0,s=n.map(([c,l])=>{let f=Array.from({length:l.size},(u,d)=>`  result[${o+d}] = ${c}[${d}];`).join(`
`);return o+=l.size,f}).join(`
`),a=`void interleave(${i}, out TYPE result[RESULT_LEN]) {
${s}
}
`;return ke({module:{name:"interleave",vs:a},inputs:r,output:e,outputBuffer:t}),{success:!0}}});function GN(){let r=new Uint16Array([255]);return new Uint8Array(r.buffer)[0]>0}var $N,rS,nS=b(()=>{st();$N=`#define LE ${GN()?1:0}
const uint F32_NAN = 0xffffffffu;
const uint F32_INF = 0x7f800000u;

// Find first set bit using binary search
// https://en.wikipedia.org/wiki/Find_first_set#CLZ
int countLeadingZeros(uint a) {
  if (a == 0u) return 32;
  int n = 0;
  if ((a & 0xffff0000u) == 0u) { n += 16; a = a << 16; }
  if ((a & 0xff000000u) == 0u) { n += 8;  a = a << 8;  }
  if ((a & 0xf0000000u) == 0u) { n += 4;  a = a << 4;  }
  if ((a & 0xc0000000u) == 0u) { n += 2;  a = a << 2;  }
  if ((a & 0x80000000u) == 0u) return n + 1;
  return n;
}

uint roundShiftRight(uint value, int shift) {
  if (shift <= 0) {
    return value << (-shift);
  }

  if (shift >= 32) {
    if (shift == 32 && value > 0x80000000u) {
      return 1u;
    }
    return 0u;
  }

  uint truncated = value >> shift;
  uint halfShift = 1u << (shift - 1);
  uint remainder = value & ((1u << shift) - 1u);
  if (remainder > halfShift || (remainder == halfShift && (truncated & 1u) == 1u)) {
    return truncated + 1u;
  }
  return truncated;
}

uint makeFloat_(uint sign, int exponent, uint mantissa) {
  return (sign << 31) | (uint(exponent + 127) << 23) | (mantissa & 0x7fffffu);
}

/**
 * Assemble a float32 in bit representation according to IEEE 754
 * https://en.wikipedia.org/wiki/Single-precision_floating-point_format
 */
uint makeFloat(uint sign, int exponent, uint significand) {
  if (significand == 0u) {
    return sign << 31;
  }

  // Remove any extra leading zeros for better precision
  int lead_zeros = countLeadingZeros(significand);
  // Significand is encoded as 1.fraction
  int normalizedExponent = exponent + 31 - lead_zeros;

  if (normalizedExponent > 127) {
    return (sign << 31) | F32_INF;
  }

  uint mantissa;
  if (normalizedExponent >= -126) {
    mantissa = roundShiftRight(significand, 8 - lead_zeros);
    if (mantissa >= 0x1000000u) {
      mantissa >>= 1;
      normalizedExponent++;
      if (normalizedExponent > 127) {
        return (sign << 31) | F32_INF;
      }
    }
    return makeFloat_(sign, normalizedExponent, mantissa);
  }

  int subnormalShift = -149 - exponent;
  mantissa = roundShiftRight(significand, subnormalShift);
  if (mantissa >= 0x800000u) {
    return (sign << 31) | (1u << 23);
  }
  return (sign << 31) | mantissa;
}

/**
 * Parse 8-byte memory as a float64 number according to IEEE 754
 * https://en.wikipedia.org/wiki/Double-precision_floating-point_format
 * Returns 8-byte memory as 2 float32 numbers, consisting of
 * high part: fround(d)
 * low part: d - fround(d)
 */
uvec2 parseAsDouble(uvec2 d) {
  #if LE
  d = d.yx; // to big endian
  #endif

  uint sign = (d[0] >> 31) & 1u; // first bit
  uint exponentBits = (d[0] >> 20) & 0x7ffu;
  int exponent = int(exponentBits) - 1023; // next 11 bits
  uint fractionHigh = d[0] & 0xfffffu;
  uint fractionLow = d[1];

  if (exponentBits == 0x7ffu) {
    if (fractionHigh == 0u && fractionLow == 0u) {
      return uvec2((sign << 31) | F32_INF, F32_NAN);
    }
    return uvec2(F32_NAN);
  }
  
  if (exponentBits == 0u) {
    // All float64 subnormals are too small to survive a float32 split.
    return uvec2(sign << 31);
  }

  if (exponent > 127) {
    return uvec2((sign << 31) | F32_INF, ((1u - sign) << 31) | F32_INF);
  }

  uint hi_part;
  uint low_part;

  // float64 significand has 52 bits
  // float32 significand has 23 bits
  // The significand of the high part is the significand of the double, trimmed
  uint f_hi = 0x800000u | (fractionHigh << 3) | (fractionLow >> 29);
  uint f_low = fractionLow & 0x1fffffffu;

  if (exponent < -126) {
    // For tiny normals, the top 24 significand bits still contribute to the float32
    // high part, but they land in the float32 subnormal range.
    hi_part = makeFloat(sign, exponent - 23, f_hi);

    // The residual keeps the remaining 29 significand bits at the original double scale.
    low_part = makeFloat(sign, exponent - 52, f_low);
    return uvec2(hi_part, low_part);
  }

  bool roundUp = f_low > 0x10000000u || (f_low == 0x10000000u && (f_hi & 1u) == 1u);

  uint f_rounded = f_hi + (roundUp ? 1u : 0u);
  int exponent_hi = exponent;
  if (f_rounded == 0x1000000u) {
    f_rounded = 0x800000u;
    exponent_hi++;
  }

  if (exponent_hi > 127) {
    // Overflows float32 limit
    hi_part = (sign << 31) | F32_INF;
    low_part = ((1u - sign) << 31) | F32_INF;
    return uvec2(hi_part, low_part);
  }
  
  hi_part = makeFloat_(sign, exponent_hi, f_rounded);

  int remainder = int(f_low);
  uint sign_low = sign;
  if (roundUp) {
    remainder -= 0x20000000;
  }
  if (remainder < 0) {
    sign_low = 1u - sign;
    remainder = -remainder;
  }
  low_part = makeFloat(sign_low, exponent - 52, uint(remainder));

  return uvec2(hi_part, low_part);
}

void fround(in uint x[X_LEN], out float result[X_LEN]) {
  int n = X_LEN / 2;
  for (int i = 0; i < n; i++) {
    uvec2 f = parseAsDouble(uvec2(x[i * 2], x[i * 2 + 1]));
    result[i] = uintBitsToFloat(f.x);
    result[i + n] = uintBitsToFloat(f.y);
  }
}
`,rS=({inputs:r,output:e,target:t})=>(ke({module:{name:"fround",vs:$N},inputs:r,output:e,operationType:"uint32",outputBuffer:t}),{success:!0})});function Lu(r,e,t){let n=X2(t),i=De(e,1),o=Array.from({length:r.size},(s,a)=>`  v[${a}] = ${i}(texelFetch(source_values_texture, ivec2(${a}, rowIndex), 0).r);`).join(`
`);return{name:"source_values_texture",vs:`
uniform highp ${n} source_values_texture;
void read_source_values(int rowIndex, out TYPE v[${r.size}]) {
${o}
}
`}}function Au(r,e,t){let n=t.createTexture({width:Math.max(r.size,1),height:r.length,format:Z2(e),usage:q.SAMPLE|q.COPY_DST});if(r.length===0)return n;let i=t.createCommandEncoder();return i.copyBufferToTexture({sourceBuffer:r.buffer,destinationTexture:n,byteOffset:r.offset,bytesPerRow:r.stride,rowsPerImage:r.length,size:[r.size,r.length,1]}),t.submit(i.finish()),n}var Ym=b(()=>{z();fo()});function VN(r,e){let t=De(r.type,1),n="aids_0";return r.type!==HN(e)&&(n=`${e}(${n})`),{name:"ids",vs:`
in ${t} aids_0;
void get_ids(out INDEX_TYPE v[1]) {
  v[0] = ${n};
}
`}}function WN(r){return{name:"ids",stepMode:r.isConstant?"vertex":"instance",byteStride:r.stride,attributes:[{attribute:"aids_0",format:Su(r.type,1,r.normalized),byteOffset:r.offset}]}}function jN(r){return{name:"gather",vs:`
void zero_result(out TYPE result[RESULT_LEN]) {
  for (int i = 0; i < RESULT_LEN; i++) {
    result[i] = ${tn(r)};
  }
}

void gather(in INDEX_TYPE ids[1], out TYPE result[RESULT_LEN]) {
  int sourceIndex = int(ids[0]);
  if (sourceIndex < 0 || sourceIndex >= SOURCE_VALUES_ROWS) {
    zero_result(result);
    return;
  }
  read_source_values(sourceIndex, result);
}
`}}function HN(r){switch(r){case"uint":return"uint32";case"int":return"sint32";default:return"float32"}}var iS,oS=b(()=>{se();fo();st();Ym();iS=async({inputs:r,output:e,target:t})=>{let{ids:n,sourceValues:i}=r,o=t.device,s=ni("result",e.type,e.size),a=De(n.type,1),c=De(e.type,1),l=e.type,f=Au(i,l,o),u=`#version 300 es

void main() {
  INDEX_TYPE ids[1];
  get_ids(ids);
  TYPE result[${e.size}];
  gather(ids, result);
  set_result(result);
}
  `,d=new Be(o,{vs:u,defines:{INDEX_TYPE:a,TYPE:c,RESULT_LEN:e.size.toString(),SOURCE_VALUES_ROWS:i.length.toString()},modules:[VN(n,a),Lu(i,e.type,l),jN(e.type),s],bindings:{source_values_texture:f},bufferLayout:[WN(n)],vertexCount:1,instanceCount:e.length,feedbackBufferMode:"interleaved",outputs:s.varyings});try{return d.run({inputBuffers:{ids:n.buffer},outputBuffers:{[s.varyings[0]]:t}}),{success:!0}}finally{d.destroy(),f.destroy()}}});var YN,sS,aS=b(()=>{st();YN=`void row_dot(in TYPE x[X_LEN], in TYPE y[Y_LEN], out float result[1]) {
  float sum = 0.0;
  for (int i = 0; i < X_LEN; i++) {
    sum += float(x[i]) * float(y[i]);
  }
  result[0] = sum;
}
`,sS=({inputs:r,output:e,target:t})=>(ke({module:{name:"row_dot",vs:YN},inputs:r,output:e,operationType:"float32",outputBuffer:t}),{success:!0})});var qN,cS,lS=b(()=>{st();qN=`void equalAll(in TYPE x[X_LEN], in TYPE y[Y_LEN], out uint result[1]) {
  uint allEqual = uint(1);
  for (int i = 0; i < X_LEN; i++) {
    if (x[i] != y[i]) {
      allEqual = uint(0);
      break;
    }
  }
  result[0] = allEqual;
}
`,cS=({inputs:r,output:e,target:t})=>(ke({module:{name:"equalAll",vs:qN},inputs:r,output:e,operationType:e.type==="uint32"?r.x.type:e.type,outputBuffer:t}),{success:!0})});var ZN,fS,uS=b(()=>{st();ZN=`void row_length(in TYPE x[X_LEN], out float result[1]) {
  float sum = 0.0;
  for (int i = 0; i < X_LEN; i++) {
    sum += float(x[i]) * float(x[i]);
  }
  result[0] = sqrt(sum);
}
`,fS=({inputs:r,output:e,target:t})=>(ke({module:{name:"row_length",vs:ZN},inputs:r,output:e,operationType:"float32",outputBuffer:t}),{success:!0})});function XN(){return{name:"segmentedMap",vs:`
uint read_segment_start(int segmentIndex) {
  TYPE value[1];
  read_source_values(segmentIndex, value);
  return uint(value[0]);
}

void segmentedMap(out TYPE result[RESULT_LEN]) {
  uint vertexIndex = uint(gl_InstanceID);
  int low = 0;
  int high = SEGMENTS_LENGTH;

  while (low < high) {
    int mid = low + (high - low) / 2;
    uint midStart = read_segment_start(mid);
    if (midStart <= vertexIndex) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }

  uint segmentIndex = uint(max(low - 1, 0));
  uint segmentStart = read_segment_start(int(segmentIndex));
  result[0] = segmentIndex;
  result[1] = vertexIndex - segmentStart;
}
`}}var dS,hS=b(()=>{se();Ym();st();dS=async({inputs:r,output:e,target:t})=>{let{segments:n}=r,i=t.device,o=ni("result",e.type,e.size),s=n.type,a=Au(n,s,i),c=new Be(i,{vs:`#version 300 es

void main() {
  TYPE result[RESULT_LEN];
  segmentedMap(result);
  set_result(result);
}
`,defines:{TYPE:"uint",RESULT_LEN:e.size.toString(),SEGMENTS_LENGTH:n.length.toString()},modules:[Lu(n,e.type,s),XN(),o],bindings:{source_values_texture:a},vertexCount:1,instanceCount:e.length,feedbackBufferMode:"interleaved",outputs:o.varyings});try{return c.run({outputBuffers:{[o.varyings[0]]:t}}),{success:!0}}finally{c.destroy(),a.destroy()}}});function qm(r,e,t,n){return t<e.size?`${r}[${t}]`:e.size===1?`${r}[0]`:n}var pS,gS=b(()=>{st();fo();pS=async({inputs:r,output:e,target:t})=>{let n=De(e.type,1,e.normalized),i=tn(n);return ke({module:{name:"select",vs:""},inputs:r,output:e,operationType:e.type,outputBuffer:t,expression:o=>{let s=qm("condition",r.condition,o,i),a=qm("whenTrue",r.whenTrue,o,i),c=qm("whenFalse",r.whenFalse,o,i);return`(${s} != ${i} ? ${a} : ${c})`}}),{success:!0}}});var mS,yS=b(()=>{se();st();mS=({inputs:r,output:e,target:t})=>{let n=ni("result",e.type,e.size),i=new Be(t.device,{vs:`#version 300 es

void main() {
  int result[1];
  result[0] = START + gl_InstanceID * STEP;
  set_result(result);
}
`,defines:{START:r.start.toString(),STEP:r.step.toString()},modules:[n],vertexCount:1,instanceCount:e.length,feedbackBufferMode:"interleaved",outputs:n.varyings});try{return i.run({outputBuffers:{[n.varyings[0]]:t}}),{success:!0}}finally{i.destroy()}}});var _S,xS=b(()=>{st();_S=({inputs:r,output:e,target:t})=>{let{columns:n}=r;return ke({module:{name:"swizzle",vs:"// swizzle expression handled inline"},expression:i=>`x[${n[i]}]`,inputs:{x:r.x},output:e,outputBuffer:t}),{success:!0}}});var bS={};ur(bS,{arithmetic:()=>Tu,dot:()=>sS,equalAll:()=>cS,extent:()=>Q2,fround:()=>rS,gather:()=>iS,interleave:()=>eS,length:()=>fS,segmentedMap:()=>dS,select:()=>pS,sequence:()=>mS,swizzle:()=>_S});var vS=b(()=>{Hm();J2();tS();nS();oS();aS();lS();uS();hS();gS();yS();xS()});function fr(r,e){let t=KN(e),n=Math.max(1,Math.ceil(r)),i=Math.min(n,t),o=Math.min(Math.ceil(n/i),t),s=Math.ceil(n/i/o);if(s>t)throw new Error(`WebGPU dispatch requires ${n} workgroups, exceeding the 3D dispatch limit of ${t} per dimension`);return{x:i,y:o,z:s}}function Zm(r,e="workgroupId"){return`((${e}.z * ${r.y}u + ${e}.y) * ${r.x}u + ${e}.x)`}function rn(r,e,t="workgroupId",n="localId"){return`(${Zm(r,t)} * ${e}u + ${n}.x)`}function KN(r){return Number.isFinite(r)&&r>0?Math.floor(r):65535}var uo=b(()=>{});function nn(r,e){switch(r){case"u32":return`${e}u`;case"f32":return Number.isInteger(e)?`${e}.0`:`${e}`;default:return`${e}`}}function wS(r,e){switch(r){case"uint32":return nn("u32",Math.trunc(e));case"sint32":return`${Math.trunc(e)}`;case"float32":return nn("f32",e);default:throw new Error(`WebGPU operations only support 32-bit output types, got ${r}`)}}function on(r){switch(r){case"uint32":return"0u";case"sint32":return"0";case"float32":return"0.0";default:throw new Error(`WebGPU operations only support 32-bit output types, got ${r}`)}}function ie(r){switch(r){case"uint32":return"u32";case"sint32":return"i32";case"float32":return"f32";default:throw new Error(`WebGPU operations only support 32-bit storage types, got ${r}`)}}var ii=b(()=>{});function Ne({module:r,elementWise:e=!1,expression:t,inputs:n,output:i,operationType:o=i.type,outputBuffer:s}){if(!r.source)throw new Error(`WebGPU computation ${r.name} requires WGSL source`);let a=sF(n),c=a.map(([v,_])=>({name:v,input:_})),l=c.filter(({input:v})=>!v.isConstant).map((v,_)=>({...v,index:_})),f=ie(o),u=ie(i.type),d={TYPE:f,RESULT_LEN:i.size.toString()},p=fr(Math.ceil(i.length/Xm),s.device.limits.maxComputeWorkgroupsPerDimension);for(let[v,_]of a)d[`${v.toUpperCase()}_LEN`]=_.size.toString();let g=`
${cF(r.source,d)}
${l.map(({name:v,input:_,index:w})=>tF(v,_,w)).join(`
`)}
${c.map(({name:v,input:_})=>rF(v,_,o)).join(`
`)}
${nF(i,l.length)}
${iF(i)}

@compute @workgroup_size(${Xm}) fn main(
  @builtin(workgroup_id) workgroupId: vec3<u32>,
  @builtin(local_invocation_id) localId: vec3<u32>
) {
  let rowIndex = ${rn(p,Xm)};
  if (rowIndex >= ${i.length}u) {
    return;
  }

${c.map(({name:v})=>`  let ${v} = read_${v}(rowIndex);`).join(`
`)}
  var result: array<${u}, ${i.size}>;
${oF(r.name,a,i,e,t)}
  write_result(rowIndex, result);
}
`,m=new it(s.device,{source:g,modules:r.dependencies,shaderAssembler:eF,shaderLayout:{bindings:[...l.map(({name:v},_)=>({name:v,type:"storage",group:0,location:_})),{name:"result",type:"storage",group:0,location:l.length}]}}),y=Object.fromEntries(l.map(({name:v,input:_})=>[v,_.buffer]));y.result=s,m.setBindings(y);let x=s.device.beginComputePass({});s.device.statsManager.getStats(QN).get(JN).incrementCount(),m.dispatch(x,p.x,p.y,p.z),x.end(),s.device.submit(),m.destroy()}function tF(r,e,t){if(e.isConstant)return"";let n=ie(e.type);return`@group(0) @binding(${t}) var<storage, read> ${r}: array<${n}>;`}function rF(r,e,t){let n=ie(t),i=e.type===t?"":n,o=e.stride/e.ValueType.BYTES_PER_ELEMENT,s=e.offset/e.ValueType.BYTES_PER_ELEMENT;return e.isConstant?`fn read_${r}(_rowIndex: u32) -> array<${n}, ${e.size}> {
  return array<${n}, ${e.size}>(${aF(e,i)});
}`:`fn read_${r}(rowIndex: u32) -> array<${n}, ${e.size}> {
  var value: array<${n}, ${e.size}>;
  let rowOffset = ${s}u + rowIndex * ${o}u;
${Array.from({length:e.size},(a,c)=>i?`  value[${c}] = ${i}(${r}[rowOffset + ${c}u]);`:`  value[${c}] = ${r}[rowOffset + ${c}u];`).join(`
`)}
  return value;
}`}function nF(r,e){let t=ie(r.type);return`@group(0) @binding(${e}) var<storage, read_write> result: array<${t}>;`}function iF(r){let e=r.stride/r.ValueType.BYTES_PER_ELEMENT,t=r.offset/r.ValueType.BYTES_PER_ELEMENT;return`fn write_result(rowIndex: u32, value: array<${ie(r.type)}, ${r.size}>) {
  let rowOffset = ${t}u + rowIndex * ${e}u;
${Array.from({length:r.size},(i,o)=>`  result[rowOffset + ${o}u] = value[${o}];`).join(`
`)}
}`}function oF(r,e,t,n,i){let o="";if(i)for(let s=0;s<t.size;s++)o+=`  result[${s}] = ${i(s)};
`;else if(n){let s=on(t.type),a=ie(t.type);for(let c=0;c<t.size;c++){let l=e.map(([f,u])=>c<u.size?ie(u.type)===a?`${f}[${c}]`:`${a}(${f}[${c}])`:s);o+=`  result[${c}] = ${r}(${l.join(", ")});
`}}else o+=`result = ${r}(${e.map(([s])=>s).join(", ")});`;return o.trimEnd()}function sF(r){return Array.isArray(r)?r.map((e,t)=>[`x${t}`,e]):Object.entries(r)}function aF(r,e){let t=r.value;if(!t)throw new Error(`Constant input ${r} is missing CPU values`);return Array.from({length:r.size},(n,i)=>nn(e,t[i]??0)).join(", ")}function cF(r,e){for(let t in e)r=r.replaceAll(`{${t}}`,e[t]);return r}var Xm,QN,JN,eF,Mr=b(()=>{se();He();uo();ii();Xm=64,QN="GPGPU Operation Counts",JN="Computation Runs",eF=new jr});var lF,ES,PS=b(()=>{He();Vm();Eu();Mr();ii();lF=`fn arithmetic_add(x: {TYPE}, y: {TYPE}) -> {TYPE} {
  return x + y;
}

fn arithmetic_subtract(x: {TYPE}, y: {TYPE}) -> {TYPE} {
  return x - y;
}

fn arithmetic_multiply(x: {TYPE}, y: {TYPE}) -> {TYPE} {
  return x * y;
}

fn arithmetic_divide(x: {TYPE}, y: {TYPE}) -> {TYPE} {
  return x / y;
}

fn arithmetic_tan(x: f32) -> f32 {
  return tan_fp32(x);
}
`,ES=({inputs:r,output:e,target:t})=>{let n=e.type,i=ie(n),o=on(n),s=r.namedInputs;return Ne({module:{name:"arithmetic",source:lF,dependencies:[Fn]},inputs:s,output:e,operationType:n,outputBuffer:t,expression:a=>Pu(r.expression,{operations:co,inputs:s,laneIndex:a,formatInput:c=>`${c}[${a}]`,formatOutOfBoundsInput:c=>s[c].size===1?`${c}[0]`:o,formatLiteral:c=>{let l=Array.isArray(c)?c[a]??0:c;return`${i}(${wS(n,l)})`},formatCall:(c,l)=>`${c}(${l.join(", ")})`})}),{success:!0}}});var fF,SS,TS=b(()=>{Mr();fF=`fn row_dot(x: array<{TYPE}, {X_LEN}>, y: array<{TYPE}, {Y_LEN}>) -> array<f32, 1> {
  var sum = 0.0;
  for (var i = 0u; i < {X_LEN}u; i = i + 1u) {
    sum += f32(x[i]) * f32(y[i]);
  }
  return array<f32, 1>(sum);
}
`,SS=({inputs:r,output:e,target:t})=>(Ne({module:{name:"row_dot",source:fF},inputs:r,output:e,operationType:"float32",outputBuffer:t}),{success:!0})});var uF,LS,AS=b(()=>{Mr();uF=`fn equalAll(x: array<{TYPE}, {X_LEN}>, y: array<{TYPE}, {Y_LEN}>) -> array<u32, 1> {
  var allEqual = 1u;
  for (var i = 0u; i < {X_LEN}u; i = i + 1u) {
    if (x[i] != y[i]) {
      allEqual = 0u;
      break;
    }
  }
  return array<u32, 1>(allEqual);
}
`,LS=({inputs:r,output:e,target:t})=>(Ne({module:{name:"equalAll",source:uF},inputs:r,output:e,operationType:r.x.type,outputBuffer:t}),{success:!0})});function ho(r,e,t){let n=ie(e.type);return`@group(0) @binding(${t}) var<storage, read> ${r}: array<${n}>;`}function Km(r,e,t,n=r){let i=ie(t);if(e.isConstant){let l=e.value;if(!l)throw new Error(`Constant input ${e} is missing CPU values`);return`fn read_${n}(_sourceIndex: u32) -> array<${i}, ${e.size}> {
  return array<${i}, ${e.size}>(${Array.from({length:e.size},(f,u)=>nn(i,l[u]??0)).join(", ")});
}`}let o=e.stride/e.ValueType.BYTES_PER_ELEMENT,s=e.offset/e.ValueType.BYTES_PER_ELEMENT,c=ie(e.type)===i?"":`${i}`;return`fn read_${n}(sourceIndex: u32) -> array<${i}, ${e.size}> {
  var value: array<${i}, ${e.size}>;
  let rowOffset = ${s}u + sourceIndex * ${o}u;
${Array.from({length:e.size},(l,f)=>c?`  value[${f}] = ${c}(${r}[rowOffset + ${f}u]);`:`  value[${f}] = ${r}[rowOffset + ${f}u];`).join(`
`)}
  return value;
}`}function Cu(r,e){return Km("sourceValues",r,e,"source_values")}function po(r,e){let t=ie(r.type);return`@group(0) @binding(${e}) var<storage, read_write> result: array<${t}>;`}function go(r){let e=r.stride/r.ValueType.BYTES_PER_ELEMENT,t=r.offset/r.ValueType.BYTES_PER_ELEMENT;return`fn write_result(rowIndex: u32, value: array<${ie(r.type)}, ${r.size}>) {
  let rowOffset = ${t}u + rowIndex * ${e}u;
${Array.from({length:r.size},(i,o)=>`  result[rowOffset + ${o}u] = value[${o}];`).join(`
`)}
}`}function CS(r,e){let t=on(r);return`fn zero_result() -> array<${ie(r)}, ${e}> {
  var result: array<${ie(r)}, ${e}>;
${Array.from({length:e},(n,i)=>`  result[${i}] = ${t};`).join(`
`)}
  return result;
}`}var We,Mu=b(()=>{ii();We=64});function dF({input:r,inputMode:e,inputGroupCount:t,channelCount:n,outputType:i,outputBuffer:o,outputLength:s,outputStride:a,outputOffset:c}){let l=ie(i),f=fr(s,o.device.limits.maxComputeWorkgroupsPerDimension),u=new ee({buffer:o,type:i,size:2,length:s,stride:a,offset:c}),d=`
${r.isConstant?"":ho("sourceValues",r,0)}
${Cu(r,i)}
${po(u,r.isConstant?0:1)}
${go(u)}
${hF(e,i,n,t)}

var<workgroup> sharedMin: array<${l}, ${We}>;
var<workgroup> sharedMax: array<${l}, ${We}>;

@compute @workgroup_size(${We}) fn main(
  @builtin(workgroup_id) workgroupId: vec3<u32>,
  @builtin(local_invocation_id) localId: vec3<u32>
) {
  let outputRowIndex = ${Zm(f)};
  if (outputRowIndex >= ${s}u) {
    return;
  }

  let channelIndex = outputRowIndex % ${n}u;
  let outputGroupIndex = outputRowIndex / ${n}u;
  let inputGroupIndex = outputGroupIndex * ${We}u + localId.x;

  let result = extent_pass(channelIndex, inputGroupIndex);
  sharedMin[localId.x] = result[0];
  sharedMax[localId.x] = result[1];
  workgroupBarrier();

  var stride = ${Math.floor(We/2)}u;
  loop {
    if (stride == 0u) {
      break;
    }
    if (localId.x < stride) {
      let compareIndex = localId.x + stride;
      if (sharedMin[compareIndex] < sharedMin[localId.x]) {
        sharedMin[localId.x] = sharedMin[compareIndex];
      }
      if (sharedMax[compareIndex] > sharedMax[localId.x]) {
        sharedMax[localId.x] = sharedMax[compareIndex];
      }
    }
    workgroupBarrier();
    stride = stride / 2u;
  }

  if (localId.x == 0u) {
    write_result(outputRowIndex, array<${l}, 2>(sharedMin[0], sharedMax[0]));
  }
}
`,p=new it(o.device,{source:d,shaderLayout:{bindings:[...r.isConstant?[]:[{name:"sourceValues",type:"storage",group:0,location:0}],{name:"result",type:"storage",group:0,location:r.isConstant?0:1}]}}),g={result:o};r.isConstant||(g.sourceValues=r.buffer),p.setBindings(g);let m=o.device.beginComputePass({});p.dispatch(m,f.x,f.y,f.z),m.end(),o.device.submit(),p.destroy()}function hF(r,e,t,n){let i=ie(e),[o,s]=pF(e);return r==="raw"?`fn extent_pass(channelIndex: u32, inputGroupIndex: u32) -> array<${i}, 2> {
  var result: array<${i}, 2>;
  result[0] = ${o};
  result[1] = ${s};

  if (inputGroupIndex < ${n}u) {
    let value = read_source_values(inputGroupIndex);
    result[0] = value[channelIndex];
    result[1] = value[channelIndex];
  }

  return result;
}`:`fn extent_pass(channelIndex: u32, inputGroupIndex: u32) -> array<${i}, 2> {
  var result: array<${i}, 2>;
  result[0] = ${o};
  result[1] = ${s};

  if (inputGroupIndex < ${n}u) {
    let rowIndex = inputGroupIndex * ${t}u + channelIndex;
    let value = read_source_values(rowIndex);
    result[0] = value[0];
    result[1] = value[1];
  }

  return result;
}`}function pF(r){switch(r){case"uint32":return["0xffffffffu","0u"];case"sint32":return["2147483647","-2147483648"];case"float32":return["3.402823e38","-3.402823e38"];default:throw new Error(`Unsupported WebGPU extent type for ${r}`)}}var MS,IS=b(()=>{se();Cr();Sa();uo();ii();Mu();MS=({inputs:r,output:e,target:t})=>{let{sourceValues:n}=r;if(n.length===0){let c=new e.ValueType(e.length*e.size);return t.write(c),{success:!0,value:c}}if(n.isConstant){let c=n.value;if(!c)throw new Error(`Constant input ${n} is missing CPU values`);let l=new e.ValueType(e.length*e.size);for(let f=0;f<e.length;f++){let u=c[f];l[f*2]=u,l[f*2+1]=u}return t.write(l),{success:!0,value:l}}let i=[],o=n,s="raw",a=n.length;try{for(;;){let c=Math.ceil(a/We),l=e.length*c,f=c===1?t:Ve.createOrReuse(t.device,l*e.stride);if(c>1&&i.push(f),dF({input:o,inputMode:s,inputGroupCount:a,channelCount:e.length,outputType:e.type,outputBuffer:f,outputLength:l,outputStride:e.stride,outputOffset:e.offset}),c===1)break;o=new ee({buffer:f,type:e.type,size:2,length:l}),s="partial",a=c}return{success:!0}}finally{for(let c of i)Ve.recycle(c)}}});function gF(){let r=new Uint16Array([255]);return new Uint8Array(r.buffer)[0]>0}var mF,RS,OS=b(()=>{Mr();mF=`const LE: bool = ${gF()?"true":"false"};
const F32_NAN: u32 = 0xffffffffu;
const F32_INF: u32 = 0x7f800000u;

fn roundShiftRight(value: u32, shift: i32) -> u32 {
  if (shift <= 0) {
    return value << u32(-shift);
  }

  if (shift >= 32) {
    if (shift == 32 && value > 0x80000000u) {
      return 1u;
    }
    return 0u;
  }

  let shiftU32 = u32(shift);
  let truncated = value >> shiftU32;
  let halfShift = 1u << u32(shift - 1);
  let remainder = value & ((1u << shiftU32) - 1u);
  if (remainder > halfShift || (remainder == halfShift && (truncated & 1u) == 1u)) {
    return truncated + 1u;
  }
  return truncated;
}

fn makeFloatImmediate(sign: u32, exponent: i32, mantissa: u32) -> u32 {
  return (sign << 31u) | (u32(exponent + 127) << 23u) | (mantissa & 0x7fffffu);
}

fn makeFloat(sign: u32, exponent: i32, significand: u32) -> u32 {
  if (significand == 0u) {
    return sign << 31u;
  }

  let leadingZeros = i32(countLeadingZeros(significand));
  var normalizedExponent = exponent + 31 - leadingZeros;

  if (normalizedExponent > 127) {
    return (sign << 31u) | F32_INF;
  }

  var mantissa: u32;
  if (normalizedExponent >= -126) {
    mantissa = roundShiftRight(significand, 8 - leadingZeros);
    if (mantissa >= 0x1000000u) {
      mantissa = mantissa >> 1u;
      normalizedExponent += 1;
      if (normalizedExponent > 127) {
        return (sign << 31u) | F32_INF;
      }
    }
    return makeFloatImmediate(sign, normalizedExponent, mantissa);
  }

  let subnormalShift = -149 - exponent;
  mantissa = roundShiftRight(significand, subnormalShift);
  if (mantissa >= 0x800000u) {
    return (sign << 31u) | (1u << 23u);
  }
  return (sign << 31u) | mantissa;
}

fn parseAsDouble(words: vec2<u32>) -> vec2<u32> {
  var d = words;
  if (LE) {
    d = d.yx;
  }

  let sign = (d.x >> 31u) & 1u;
  let exponentBits = (d.x >> 20u) & 0x7ffu;
  let exponent = i32(exponentBits) - 1023;
  let fractionHigh = d.x & 0xfffffu;
  let fractionLow = d.y;

  if (exponentBits == 0x7ffu) {
    if (fractionHigh == 0u && fractionLow == 0u) {
      return vec2<u32>((sign << 31u) | F32_INF, F32_NAN);
    }
    return vec2<u32>(F32_NAN);
  }

  if (exponentBits == 0u) {
    return vec2<u32>(sign << 31u);
  }

  if (exponent > 127) {
    return vec2<u32>((sign << 31u) | F32_INF, ((1u - sign) << 31u) | F32_INF);
  }

  let highSignificand = 0x800000u | (fractionHigh << 3u) | (fractionLow >> 29u);
  let lowSignificand = fractionLow & 0x1fffffffu;

  if (exponent < -126) {
    let highPart = makeFloat(sign, exponent - 23, highSignificand);
    let lowPart = makeFloat(sign, exponent - 52, lowSignificand);
    return vec2<u32>(highPart, lowPart);
  }

  let roundUp = lowSignificand > 0x10000000u ||
    (lowSignificand == 0x10000000u && (highSignificand & 1u) == 1u);

  var roundedSignificand = highSignificand + select(0u, 1u, roundUp);
  var highExponent = exponent;
  if (roundedSignificand == 0x1000000u) {
    roundedSignificand = 0x800000u;
    highExponent += 1;
  }

  if (highExponent > 127) {
    return vec2<u32>((sign << 31u) | F32_INF, ((1u - sign) << 31u) | F32_INF);
  }

  let highPart = makeFloatImmediate(sign, highExponent, roundedSignificand);

  var remainder = i32(lowSignificand);
  var lowSign = sign;
  if (roundUp) {
    remainder -= 0x20000000;
  }
  if (remainder < 0) {
    lowSign = 1u - sign;
    remainder = -remainder;
  }

  let lowPart = makeFloat(lowSign, exponent - 52, u32(remainder));
  return vec2<u32>(highPart, lowPart);
}

fn fround(x: array<u32, {X_LEN}>) -> array<f32, {RESULT_LEN}> {
  var result: array<f32, {RESULT_LEN}>;
  let n = {X_LEN}u / 2u;
  for (var i = 0u; i < n; i = i + 1u) {
    let parts = parseAsDouble(vec2<u32>(x[i * 2u], x[i * 2u + 1u]));
    result[i] = bitcast<f32>(parts.x);
    result[i + n] = bitcast<f32>(parts.y);
  }
  return result;
}
`,RS=({inputs:r,output:e,target:t})=>(Ne({module:{name:"fround",source:mF},inputs:r,output:e,operationType:"uint32",outputBuffer:t}),{success:!0})});function yF(r,e){if(r.isConstant){let i=r.value;if(!i)throw new Error(`Constant input ${r} is missing CPU values`);return`fn read_ids(_rowIndex: u32) -> ${e} {
  return ${nn(e,i[0]??0)};
}`}let t=r.stride/r.ValueType.BYTES_PER_ELEMENT,n=r.offset/r.ValueType.BYTES_PER_ELEMENT;return`fn read_ids(rowIndex: u32) -> ${e} {
  let rowOffset = ${n}u + rowIndex * ${t}u;
  return ids[rowOffset];
}`}function _F(r,e,t,n){let i=ie(r),o=ie(e);return`fn gather(idsValue: ${i}) -> array<${o}, ${t}> {
  let sourceIndex = ${i==="u32"?"i32(idsValue)":i==="i32"?"idsValue":"i32(idsValue)"};
  if (sourceIndex < 0 || sourceIndex >= ${n}) {
    return zero_result();
  }
  return read_source_values(u32(sourceIndex));
}`}var BS,DS=b(()=>{se();uo();ii();Mu();BS=async({inputs:r,output:e,target:t})=>{let{ids:n,sourceValues:i}=r,o=ie(n.type),s=[];n.isConstant||s.push({name:"ids",input:n,index:s.length}),i.isConstant||s.push({name:"sourceValues",input:i,index:s.length});let a=fr(Math.ceil(e.length/We),t.device.limits.maxComputeWorkgroupsPerDimension),c=`
${s.map(({name:d,input:p,index:g})=>ho(d,p,g)).join(`
`)}
${yF(n,o)}
${Cu(i,e.type)}
${po(e,s.length)}
${go(e)}
${CS(e.type,e.size)}
${_F(n.type,e.type,e.size,i.length)}

@compute @workgroup_size(${We}) fn main(
  @builtin(workgroup_id) workgroupId: vec3<u32>,
  @builtin(local_invocation_id) localId: vec3<u32>
) {
  let rowIndex = ${rn(a,We)};
  if (rowIndex >= ${e.length}u) {
    return;
  }

  let idsValue = read_ids(rowIndex);
  let result = gather(idsValue);
  write_result(rowIndex, result);
}
`,l=new it(t.device,{source:c,shaderLayout:{bindings:[...s.map(({name:d,index:p})=>({name:d,type:"storage",group:0,location:p})),{name:"result",type:"storage",group:0,location:s.length}]}}),f={};n.isConstant||(f.ids=n.buffer),i.isConstant||(f.sourceValues=i.buffer),f.result=t,l.setBindings(f);let u=t.device.beginComputePass({});return l.dispatch(u,a.x,a.y,a.z),u.end(),t.device.submit(),l.destroy(),{success:!0}}});function xF(r){return`fn segmented_map(vertexIndex: u32) -> array<u32, 2> {
  var low = 0i;
  var high = ${r}i;
  while (low < high) {
    let mid = low + (high - low) / 2i;
    let midStart = read_segments(u32(mid))[0];
    if (midStart <= vertexIndex) {
      low = mid + 1i;
    } else {
      high = mid;
    }
  }

  let segmentIndex = u32(max(low - 1i, 0i));
  let segmentStart = read_segments(segmentIndex)[0];
  return array<u32, 2>(segmentIndex, vertexIndex - segmentStart);
}`}var kS,NS=b(()=>{se();uo();Mu();kS=async({inputs:r,output:e,target:t})=>{let{segments:n}=r,i=n.isConstant?[]:[{name:"segments",input:n,index:0}],o=fr(Math.ceil(e.length/We),t.device.limits.maxComputeWorkgroupsPerDimension),s=`
${i.map(({name:f,input:u,index:d})=>ho(f,u,d)).join(`
`)}
${Km("segments",n,"uint32")}
${po(e,i.length)}
${go(e)}
${xF(n.length)}

@compute @workgroup_size(${We}) fn main(
  @builtin(workgroup_id) workgroupId: vec3<u32>,
  @builtin(local_invocation_id) localId: vec3<u32>
) {
  let rowIndex = ${rn(o,We)};
  if (rowIndex >= ${e.length}u) {
    return;
  }

  let result = segmented_map(rowIndex);
  write_result(rowIndex, result);
}
`,a=new it(t.device,{source:s,shaderLayout:{bindings:[...i.map(({name:f,index:u})=>({name:f,type:"storage",group:0,location:u})),{name:"result",type:"storage",group:0,location:i.length}]}}),c=Object.fromEntries(i.map(({name:f,input:u})=>[f,u.buffer]));c.result=t,a.setBindings(c);let l=t.device.beginComputePass({});return a.dispatch(l,o.x,o.y,o.z),l.end(),t.device.submit(),a.destroy(),{success:!0}}});function bF(r,e){let n=e.filter(([,i])=>!i.isConstant).length+1;if(n>r.maxStorageBuffersPerShaderStage)throw new Error(`interleave() requires ${n} storage buffers, exceeding device limit ${r.maxStorageBuffersPerShaderStage}`);if(n>r.maxBindingsPerBindGroup)throw new Error(`interleave() requires ${n} bindings, exceeding bind group limit ${r.maxBindingsPerBindGroup}`)}var Iu,FS=b(()=>{Mr();Iu=({inputs:r,output:e,target:t})=>{let n=r.map((c,l)=>[`x${l}`,c]);bF(t.device.limits,n);let i=n.map(([c,l])=>`${c}: array<{TYPE}, ${l.size}>`).join(", "),o=0,s=n.map(([c,l])=>{let f=Array.from({length:l.size},(u,d)=>`  out[${o+d}] = ${c}[${d}];`).join(`
`);return o+=l.size,f}).join(`
`),a=`fn interleave(${i}) -> array<{TYPE}, {RESULT_LEN}> {
  var out: array<{TYPE}, {RESULT_LEN}>;
${s}
  return out;
}
`;return Ne({module:{name:"interleave",source:a},inputs:r,output:e,outputBuffer:t}),{success:!0}}});var vF,zS,US=b(()=>{Mr();vF=`fn row_length(x: array<{TYPE}, {X_LEN}>) -> array<f32, 1> {
  var sum = 0.0;
  for (var i = 0u; i < {X_LEN}u; i = i + 1u) {
    sum += f32(x[i]) * f32(x[i]);
  }
  return array<f32, 1>(sqrt(sum));
}
`,zS=({inputs:r,output:e,target:t})=>(Ne({module:{name:"row_length",source:vF},inputs:r,output:e,operationType:"float32",outputBuffer:t}),{success:!0})});function Qm(r,e,t,n){return t<e.size?`${r}[${t}]`:e.size===1?`${r}[0]`:n}var GS,$S=b(()=>{Mr();ii();GS=async({inputs:r,output:e,target:t})=>{let n=on(e.type);return Ne({module:{name:"select",source:`// inline expression select
`},inputs:r,output:e,operationType:e.type,outputBuffer:t,expression:i=>{let o=Qm("condition",r.condition,i,n),s=Qm("whenTrue",r.whenTrue,i,n);return`select(${Qm("whenFalse",r.whenFalse,i,n)}, ${s}, ${o} != ${n})`}}),{success:!0}}});var Jm,VS,WS=b(()=>{se();uo();Jm=64,VS=({inputs:r,output:e,target:t})=>{let n=fr(Math.ceil(e.length/Jm),t.device.limits.maxComputeWorkgroupsPerDimension),i=`@group(0) @binding(0) var<storage, read_write> result: array<i32>;

@compute @workgroup_size(${Jm}) fn main(
  @builtin(workgroup_id) workgroupId: vec3<u32>,
  @builtin(local_invocation_id) localId: vec3<u32>
) {
  let rowIndex = ${rn(n,Jm)};
  if (rowIndex >= ${e.length}u) {
    return;
  }

  let rowOffset = ${e.offset/e.ValueType.BYTES_PER_ELEMENT}u + rowIndex * ${e.stride/e.ValueType.BYTES_PER_ELEMENT}u;
  result[rowOffset] = ${r.start} + i32(rowIndex) * ${r.step};
}
`,o=new it(t.device,{source:i,shaderLayout:{bindings:[{name:"result",type:"storage",group:0,location:0}]}});o.setBindings({result:t});let s=t.device.beginComputePass({});return o.dispatch(s,n.x,n.y,n.z),s.end(),t.device.submit(),o.destroy(),{success:!0}}});var jS,HS=b(()=>{Mr();jS=({inputs:r,output:e,target:t})=>{let{columns:n}=r;return Ne({module:{name:"swizzle",source:"// swizzle expression handled inline"},expression:i=>`x[${n[i]}]`,inputs:{x:r.x},output:e,outputBuffer:t}),{success:!0}}});var YS={};ur(YS,{arithmetic:()=>ES,dot:()=>SS,equalAll:()=>LS,extent:()=>MS,fround:()=>RS,gather:()=>BS,interleave:()=>Iu,length:()=>zS,segmentedMap:()=>kS,select:()=>GS,sequence:()=>VS,swizzle:()=>jS});var ey=b(()=>{PS();TS();AS();IS();OS();DS();NS();FS();US();$S();WS();HS()});var C1=$y((Va,Yu)=>{(function(r){"use strict";var e="Compound",t="Identifier",n="MemberExpression",i="Literal",o="ThisExpression",s="CallExpression",a="UnaryExpression",c="BinaryExpression",l="LogicalExpression",f="ConditionalExpression",u="ArrayExpression",d=46,p=44,g=39,m=34,y=40,x=41,v=91,_=93,w=63,E=59,P=58,L=function(F,M){var Ut=new Error(F+" at character "+M);throw Ut.index=M,Ut.description=F,Ut},A=!0,C={"-":A,"!":A,"~":A,"+":A},T={"||":1,"&&":2,"|":3,"^":4,"&":5,"==":6,"!=":6,"===":6,"!==":6,"<":7,">":7,"<=":7,">=":7,"<<":8,">>":8,">>>":8,"+":9,"-":9,"*":10,"/":10,"%":10},D=function(F){var M=0,Ut;for(var ai in F)(Ut=ai.length)>M&&F.hasOwnProperty(ai)&&(M=Ut);return M},O=D(C),I=D(T),k={true:!0,false:!1,null:null},J="this",j=function(F){return T[F]||0},H=function(F,M,Ut){var ai=F==="||"||F==="&&"?l:c;return{type:ai,operator:F,left:M,right:Ut}},Ke=function(F){return F>=48&&F<=57},Et=function(F){return F===36||F===95||F>=65&&F<=90||F>=97&&F<=122||F>=128&&!T[String.fromCharCode(F)]},zt=function(F){return F===36||F===95||F>=65&&F<=90||F>=97&&F<=122||F>=48&&F<=57||F>=128&&!T[String.fromCharCode(F)]},we=function(F){for(var M=0,Ut=F.charAt,ai=F.charCodeAt,Fe=function(B){return Ut.call(F,B)},ae=function(B){return ai.call(F,B)},Lo=F.length,Gt=function(){for(var B=ae(M);B===32||B===9||B===10||B===13;)B=ae(++M)},ci=function(){var B=_T(),U,W;if(Gt(),ae(M)===w){if(M++,U=ci(),U||L("Expected expression",M),Gt(),ae(M)===P)return M++,W=ci(),W||L("Expected expression",M),{type:f,test:B,consequent:U,alternate:W};L("Expected :",M)}else return B},Ny=function(){Gt();for(var B,U=F.substr(M,I),W=U.length;W>0;){if(T.hasOwnProperty(U)&&(!Et(ae(M))||M+U.length<F.length&&!zt(ae(M+U.length))))return M+=W,U;U=U.substr(0,--W)}return!1},_T=function(){var B,U,W,Se,Ae,$t,Rr,Ao,li,Gy;if(Rr=yc(),W=Ny(),!W)return Rr;for($t={value:W,prec:j(W)},Ao=yc(),Ao||L("Expected expression after "+W,M),Ae=[Rr,$t,Ao];(W=Ny())&&(Se=j(W),Se!==0);){for($t={value:W,prec:Se},Gy=W;Ae.length>2&&Se<=Ae[Ae.length-2].prec;)Ao=Ae.pop(),W=Ae.pop().value,Rr=Ae.pop(),U=H(W,Rr,Ao),Ae.push(U);U=yc(),U||L("Expected expression after "+Gy,M),Ae.push($t,U)}for(li=Ae.length-1,U=Ae[li];li>1;)U=H(Ae[li-1].value,Ae[li-2],U),li-=2;return U},yc=function(){var B,U,W;if(Gt(),B=ae(M),Ke(B)||B===d)return xT();if(B===g||B===m)return bT();if(B===v)return ET();for(U=F.substr(M,O),W=U.length;W>0;){if(C.hasOwnProperty(U)&&(!Et(ae(M))||M+U.length<F.length&&!zt(ae(M+U.length))))return M+=W,{type:a,operator:U,argument:yc(),prefix:!0};U=U.substr(0,--W)}return Et(B)||B===y?vT():!1},xT=function(){for(var B="",U,W;Ke(ae(M));)B+=Fe(M++);if(ae(M)===d)for(B+=Fe(M++);Ke(ae(M));)B+=Fe(M++);if(U=Fe(M),U==="e"||U==="E"){for(B+=Fe(M++),U=Fe(M),(U==="+"||U==="-")&&(B+=Fe(M++));Ke(ae(M));)B+=Fe(M++);Ke(ae(M-1))||L("Expected exponent ("+B+Fe(M)+")",M)}return W=ae(M),Et(W)?L("Variable names cannot start with a number ("+B+Fe(M)+")",M):W===d&&L("Unexpected period",M),{type:i,value:parseFloat(B),raw:B}},bT=function(){for(var B="",U=Fe(M++),W=!1,Se;M<Lo;)if(Se=Fe(M++),Se===U){W=!0;break}else if(Se==="\\")switch(Se=Fe(M++),Se){case"n":B+=`
`;break;case"r":B+="\r";break;case"t":B+="	";break;case"b":B+="\b";break;case"f":B+="\f";break;case"v":B+="\v";break;default:B+=Se}else B+=Se;return W||L('Unclosed quote after "'+B+'"',M),{type:i,value:B,raw:U+B+U}},Fy=function(){var B=ae(M),U=M,W;for(Et(B)?M++:L("Unexpected "+Fe(M),M);M<Lo&&(B=ae(M),zt(B));)M++;return W=F.slice(U,M),k.hasOwnProperty(W)?{type:i,value:k[W],raw:W}:W===J?{type:o}:{type:t,name:W}},zy=function(B){for(var U,W=[],Se,Ae=!1,$t=0;M<Lo;)if(Gt(),U=ae(M),U===B){Ae=!0,M++,B===x&&$t&&$t>=W.length&&L("Unexpected token "+String.fromCharCode(B),M);break}else if(U===p){if(M++,$t++,$t!==W.length){if(B===x)L("Unexpected token ,",M);else if(B===_)for(var Rr=W.length;Rr<$t;Rr++)W.push(null)}}else Se=ci(),(!Se||Se.type===e)&&L("Expected comma",M),W.push(Se);return Ae||L("Expected "+String.fromCharCode(B),M),W},vT=function(){var B,U;for(B=ae(M),B===y?U=wT():U=Fy(),Gt(),B=ae(M);B===d||B===v||B===y;)M++,B===d?(Gt(),U={type:n,computed:!1,object:U,property:Fy()}):B===v?(U={type:n,computed:!0,object:U,property:ci()},Gt(),B=ae(M),B!==_&&L("Unclosed [",M),M++):B===y&&(U={type:s,arguments:zy(x),callee:U}),Gt(),B=ae(M);return U},wT=function(){M++;var B=ci();if(Gt(),ae(M)===x)return M++,B;L("Unclosed (",M)},ET=function(){return M++,{type:u,elements:zy(_)}},_c=[],bd,Uy;M<Lo;)bd=ae(M),bd===E||bd===p?M++:(Uy=ci())?_c.push(Uy):M<Lo&&L('Unexpected "'+Fe(M)+'"',M);return _c.length===1?_c[0]:{type:e,body:_c}};if(we.version="0.3.5",we.toString=function(){return"JavaScript Expression Parser (JSEP) v"+we.version},we.addUnaryOp=function(F){return O=Math.max(F.length,O),C[F]=A,this},we.addBinaryOp=function(F,M){return I=Math.max(F.length,I),T[F]=M,this},we.addLiteral=function(F,M){return k[F]=M,this},we.removeUnaryOp=function(F){return delete C[F],F.length===O&&(O=D(C)),this},we.removeAllUnaryOps=function(){return C={},O=0,this},we.removeBinaryOp=function(F){return delete T[F],F.length===I&&(I=D(T)),this},we.removeAllBinaryOps=function(){return T={},I=0,this},we.removeLiteral=function(F){return delete k[F],this},we.removeAllLiterals=function(){return k={},this},typeof Va>"u"){var yT=r.jsep;r.jsep=we,we.noConflict=function(){return r.jsep===we&&(r.jsep=yT),we}}else typeof Yu<"u"&&Yu.exports?Va=Yu.exports=we:Va.parse=we})(Va)});var _3=$y((Ipe,Iy)=>{"use strict";Iy.exports=ad;Iy.exports.default=ad;function ad(r,e,t){t=t||2;var n=e&&e.length,i=n?e[0]*t:r.length,o=g3(r,0,i,t,!0),s=[];if(!o||o.next===o.prev)return s;var a,c,l,f,u,d,p;if(n&&(o=Ez(r,e,o,t)),r.length>80*t){a=l=r[0],c=f=r[1];for(var g=t;g<i;g+=t)u=r[g],d=r[g+1],u<a&&(a=u),d<c&&(c=d),u>l&&(l=u),d>f&&(f=d);p=Math.max(l-a,f-c),p=p!==0?32767/p:0}return rc(o,s,t,a,c,p,0),s}function g3(r,e,t,n,i){var o,s;if(i===My(r,e,t,n)>0)for(o=e;o<t;o+=n)s=p3(o,r[o],r[o+1],s);else for(o=t-n;o>=e;o-=n)s=p3(o,r[o],r[o+1],s);return s&&cd(s,s.next)&&(ic(s),s=s.next),s}function oi(r,e){if(!r)return r;e||(e=r);var t=r,n;do if(n=!1,!t.steiner&&(cd(t,t.next)||le(t.prev,t,t.next)===0)){if(ic(t),t=e=t.prev,t===t.next)break;n=!0}else t=t.next;while(n||t!==e);return e}function rc(r,e,t,n,i,o,s){if(r){!s&&o&&Az(r,n,i,o);for(var a=r,c,l;r.prev!==r.next;){if(c=r.prev,l=r.next,o?bz(r,n,i,o):xz(r)){e.push(c.i/t|0),e.push(r.i/t|0),e.push(l.i/t|0),ic(r),r=l.next,a=l.next;continue}if(r=l,r===a){s?s===1?(r=vz(oi(r),e,t),rc(r,e,t,n,i,o,2)):s===2&&wz(r,e,t,n,i,o):rc(oi(r),e,t,n,i,o,1);break}}}}function xz(r){var e=r.prev,t=r,n=r.next;if(le(e,t,n)>=0)return!1;for(var i=e.x,o=t.x,s=n.x,a=e.y,c=t.y,l=n.y,f=i<o?i<s?i:s:o<s?o:s,u=a<c?a<l?a:l:c<l?c:l,d=i>o?i>s?i:s:o>s?o:s,p=a>c?a>l?a:l:c>l?c:l,g=n.next;g!==e;){if(g.x>=f&&g.x<=d&&g.y>=u&&g.y<=p&&Eo(i,a,o,c,s,l,g.x,g.y)&&le(g.prev,g,g.next)>=0)return!1;g=g.next}return!0}function bz(r,e,t,n){var i=r.prev,o=r,s=r.next;if(le(i,o,s)>=0)return!1;for(var a=i.x,c=o.x,l=s.x,f=i.y,u=o.y,d=s.y,p=a<c?a<l?a:l:c<l?c:l,g=f<u?f<d?f:d:u<d?u:d,m=a>c?a>l?a:l:c>l?c:l,y=f>u?f>d?f:d:u>d?u:d,x=Ay(p,g,e,t,n),v=Ay(m,y,e,t,n),_=r.prevZ,w=r.nextZ;_&&_.z>=x&&w&&w.z<=v;){if(_.x>=p&&_.x<=m&&_.y>=g&&_.y<=y&&_!==i&&_!==s&&Eo(a,f,c,u,l,d,_.x,_.y)&&le(_.prev,_,_.next)>=0||(_=_.prevZ,w.x>=p&&w.x<=m&&w.y>=g&&w.y<=y&&w!==i&&w!==s&&Eo(a,f,c,u,l,d,w.x,w.y)&&le(w.prev,w,w.next)>=0))return!1;w=w.nextZ}for(;_&&_.z>=x;){if(_.x>=p&&_.x<=m&&_.y>=g&&_.y<=y&&_!==i&&_!==s&&Eo(a,f,c,u,l,d,_.x,_.y)&&le(_.prev,_,_.next)>=0)return!1;_=_.prevZ}for(;w&&w.z<=v;){if(w.x>=p&&w.x<=m&&w.y>=g&&w.y<=y&&w!==i&&w!==s&&Eo(a,f,c,u,l,d,w.x,w.y)&&le(w.prev,w,w.next)>=0)return!1;w=w.nextZ}return!0}function vz(r,e,t){var n=r;do{var i=n.prev,o=n.next.next;!cd(i,o)&&m3(i,n,n.next,o)&&nc(i,o)&&nc(o,i)&&(e.push(i.i/t|0),e.push(n.i/t|0),e.push(o.i/t|0),ic(n),ic(n.next),n=r=o),n=n.next}while(n!==r);return oi(n)}function wz(r,e,t,n,i,o){var s=r;do{for(var a=s.next.next;a!==s.prev;){if(s.i!==a.i&&Iz(s,a)){var c=y3(s,a);s=oi(s,s.next),c=oi(c,c.next),rc(s,e,t,n,i,o,0),rc(c,e,t,n,i,o,0);return}a=a.next}s=s.next}while(s!==r)}function Ez(r,e,t,n){var i=[],o,s,a,c,l;for(o=0,s=e.length;o<s;o++)a=e[o]*n,c=o<s-1?e[o+1]*n:r.length,l=g3(r,a,c,n,!1),l===l.next&&(l.steiner=!0),i.push(Mz(l));for(i.sort(Pz),o=0;o<i.length;o++)t=Sz(i[o],t);return t}function Pz(r,e){return r.x-e.x}function Sz(r,e){var t=Tz(r,e);if(!t)return e;var n=y3(t,r);return oi(n,n.next),oi(t,t.next)}function Tz(r,e){var t=e,n=r.x,i=r.y,o=-1/0,s;do{if(i<=t.y&&i>=t.next.y&&t.next.y!==t.y){var a=t.x+(i-t.y)*(t.next.x-t.x)/(t.next.y-t.y);if(a<=n&&a>o&&(o=a,s=t.x<t.next.x?t:t.next,a===n))return s}t=t.next}while(t!==e);if(!s)return null;var c=s,l=s.x,f=s.y,u=1/0,d;t=s;do n>=t.x&&t.x>=l&&n!==t.x&&Eo(i<f?n:o,i,l,f,i<f?o:n,i,t.x,t.y)&&(d=Math.abs(i-t.y)/(n-t.x),nc(t,r)&&(d<u||d===u&&(t.x>s.x||t.x===s.x&&Lz(s,t)))&&(s=t,u=d)),t=t.next;while(t!==c);return s}function Lz(r,e){return le(r.prev,r,e.prev)<0&&le(e.next,r,r.next)<0}function Az(r,e,t,n){var i=r;do i.z===0&&(i.z=Ay(i.x,i.y,e,t,n)),i.prevZ=i.prev,i.nextZ=i.next,i=i.next;while(i!==r);i.prevZ.nextZ=null,i.prevZ=null,Cz(i)}function Cz(r){var e,t,n,i,o,s,a,c,l=1;do{for(t=r,r=null,o=null,s=0;t;){for(s++,n=t,a=0,e=0;e<l&&(a++,n=n.nextZ,!!n);e++);for(c=l;a>0||c>0&&n;)a!==0&&(c===0||!n||t.z<=n.z)?(i=t,t=t.nextZ,a--):(i=n,n=n.nextZ,c--),o?o.nextZ=i:r=i,i.prevZ=o,o=i;t=n}o.nextZ=null,l*=2}while(s>1);return r}function Ay(r,e,t,n,i){return r=(r-t)*i|0,e=(e-n)*i|0,r=(r|r<<8)&16711935,r=(r|r<<4)&252645135,r=(r|r<<2)&858993459,r=(r|r<<1)&1431655765,e=(e|e<<8)&16711935,e=(e|e<<4)&252645135,e=(e|e<<2)&858993459,e=(e|e<<1)&1431655765,r|e<<1}function Mz(r){var e=r,t=r;do(e.x<t.x||e.x===t.x&&e.y<t.y)&&(t=e),e=e.next;while(e!==r);return t}function Eo(r,e,t,n,i,o,s,a){return(i-s)*(e-a)>=(r-s)*(o-a)&&(r-s)*(n-a)>=(t-s)*(e-a)&&(t-s)*(o-a)>=(i-s)*(n-a)}function Iz(r,e){return r.next.i!==e.i&&r.prev.i!==e.i&&!Rz(r,e)&&(nc(r,e)&&nc(e,r)&&Oz(r,e)&&(le(r.prev,r,e.prev)||le(r,e.prev,e))||cd(r,e)&&le(r.prev,r,r.next)>0&&le(e.prev,e,e.next)>0)}function le(r,e,t){return(e.y-r.y)*(t.x-e.x)-(e.x-r.x)*(t.y-e.y)}function cd(r,e){return r.x===e.x&&r.y===e.y}function m3(r,e,t,n){var i=sd(le(r,e,t)),o=sd(le(r,e,n)),s=sd(le(t,n,r)),a=sd(le(t,n,e));return!!(i!==o&&s!==a||i===0&&od(r,t,e)||o===0&&od(r,n,e)||s===0&&od(t,r,n)||a===0&&od(t,e,n))}function od(r,e,t){return e.x<=Math.max(r.x,t.x)&&e.x>=Math.min(r.x,t.x)&&e.y<=Math.max(r.y,t.y)&&e.y>=Math.min(r.y,t.y)}function sd(r){return r>0?1:r<0?-1:0}function Rz(r,e){var t=r;do{if(t.i!==r.i&&t.next.i!==r.i&&t.i!==e.i&&t.next.i!==e.i&&m3(t,t.next,r,e))return!0;t=t.next}while(t!==r);return!1}function nc(r,e){return le(r.prev,r,r.next)<0?le(r,e,r.next)>=0&&le(r,r.prev,e)>=0:le(r,e,r.prev)<0||le(r,r.next,e)<0}function Oz(r,e){var t=r,n=!1,i=(r.x+e.x)/2,o=(r.y+e.y)/2;do t.y>o!=t.next.y>o&&t.next.y!==t.y&&i<(t.next.x-t.x)*(o-t.y)/(t.next.y-t.y)+t.x&&(n=!n),t=t.next;while(t!==r);return n}function y3(r,e){var t=new Cy(r.i,r.x,r.y),n=new Cy(e.i,e.x,e.y),i=r.next,o=e.prev;return r.next=e,e.prev=r,t.next=i,i.prev=t,n.next=t,t.prev=n,o.next=n,n.prev=o,n}function p3(r,e,t,n){var i=new Cy(r,e,t);return n?(i.next=n.next,i.prev=n,n.next.prev=i,n.next=i):(i.prev=i,i.next=i),i}function ic(r){r.next.prev=r.prev,r.prev.next=r.next,r.prevZ&&(r.prevZ.nextZ=r.nextZ),r.nextZ&&(r.nextZ.prevZ=r.prevZ)}function Cy(r,e,t){this.i=r,this.x=e,this.y=t,this.prev=null,this.next=null,this.z=0,this.prevZ=null,this.nextZ=null,this.steiner=!1}ad.deviation=function(r,e,t,n){var i=e&&e.length,o=i?e[0]*t:r.length,s=Math.abs(My(r,0,o,t));if(i)for(var a=0,c=e.length;a<c;a++){var l=e[a]*t,f=a<c-1?e[a+1]*t:r.length;s-=Math.abs(My(r,l,f,t))}var u=0;for(a=0;a<n.length;a+=3){var d=n[a]*t,p=n[a+1]*t,g=n[a+2]*t;u+=Math.abs((r[d]-r[g])*(r[p+1]-r[d+1])-(r[d]-r[p])*(r[g+1]-r[d+1]))}return s===0&&u===0?0:Math.abs((u-s)/s)};function My(r,e,t,n){for(var i=0,o=e,s=t-n;o<t;o+=n)i+=(r[s]-r[o])*(r[o+1]+r[s+1]),s=o;return i}ad.flatten=function(r){for(var e=r[0][0].length,t={vertices:[],holes:[],dimensions:e},n=0,i=0;i<r.length;i++){for(var o=0;o<r[i].length;o++)for(var s=0;s<e;s++)t.vertices.push(r[i][o][s]);i>0&&(n+=r[i-1].length,t.holes.push(n))}return t}});function Or(r,e){if(!r)throw new Error(e||"loader assertion failed.")}var Vt={self:typeof self<"u"&&self,window:typeof window<"u"&&window,global:typeof global<"u"&&global,document:typeof document<"u"&&document},IT=Vt.self||Vt.window||Vt.global||{},RT=Vt.window||Vt.self||Vt.global||{},OT=Vt.global||Vt.self||Vt.window||{},BT=Vt.document||{};var fn=!!(typeof process!="object"||String(process)!=="[object process]"||process.browser);var Wy=typeof process<"u"&&process.version&&/v([0-9]*)/.exec(process.version),DT=Wy&&parseFloat(Wy[1])||0;Mo();var Id="4.5.4",VT=Id[0]>="0"&&Id[0]<="9"?`v${Id}`:"";function WT(){let r=new ze({id:"loaders.gl"});return globalThis.loaders||(globalThis.loaders={}),globalThis.loaders.log=r,globalThis.loaders.version=VT,globalThis.probe||(globalThis.probe={}),globalThis.probe.loaders=r,r}var Rd=WT();var jT=r=>typeof r=="boolean",jt=r=>typeof r=="function",Ht=r=>r!==null&&typeof r=="object",Tc=r=>Ht(r)&&r.constructor==={}.constructor;var Od=r=>typeof SharedArrayBuffer<"u"&&r instanceof SharedArrayBuffer,di=r=>Ht(r)&&typeof r.byteLength=="number"&&typeof r.slice=="function";var Bd=r=>!!r&&jt(r[Symbol.iterator]),Dd=r=>!!r&&jt(r[Symbol.asyncIterator]);var Je=r=>typeof Response<"u"&&r instanceof Response||Ht(r)&&jt(r.arrayBuffer)&&jt(r.text)&&jt(r.json);var et=r=>typeof Blob<"u"&&r instanceof Blob;var s_=r=>typeof ReadableStream<"u"&&r instanceof ReadableStream||Ht(r)&&jt(r.tee)&&jt(r.cancel)&&jt(r.getReader);var a_=r=>Ht(r)&&jt(r.read)&&jt(r.pipe)&&jT(r.readable),Io=r=>s_(r)||a_(r);function kd(r,e){return c_(r||{},e)}function c_(r,e,t=0){if(t>3)return e;let n={...r};for(let[i,o]of Object.entries(e))o&&typeof o=="object"&&!Array.isArray(o)?n[i]=c_(n[i]||{},e[i],t+1):n[i]=e[i];return n}var l_="latest";function HT(){return globalThis._loadersgl_?.version||(globalThis._loadersgl_=globalThis._loadersgl_||{},globalThis._loadersgl_.version="4.5.4"),globalThis._loadersgl_.version}var f_=HT();function Ue(r,e){if(!r)throw new Error(e||"loaders.gl assertion failed.")}var Yt={self:typeof self<"u"&&self,window:typeof window<"u"&&window,global:typeof global<"u"&&global,document:typeof document<"u"&&document},lG=Yt.self||Yt.window||Yt.global||{},fG=Yt.window||Yt.self||Yt.global||{},uG=Yt.global||Yt.self||Yt.window||{},dG=Yt.document||{};var lt=typeof process!="object"||String(process)!=="[object process]"||process.browser;var d_=typeof window<"u"&&typeof window.orientation<"u",u_=typeof process<"u"&&process.version&&/v([0-9]*)/.exec(process.version),hG=u_&&parseFloat(u_[1])||0;var Ro=class{constructor(e,t){h(this,"name");h(this,"workerThread");h(this,"isRunning",!0);h(this,"result");h(this,"_resolve",()=>{});h(this,"_reject",()=>{});this.name=e,this.workerThread=t,this.result=new Promise((n,i)=>{this._resolve=n,this._reject=i})}postMessage(e,t){this.workerThread.postMessage({source:"loaders.gl",type:e,payload:t})}done(e){Ue(this.isRunning),this.isRunning=!1,this._resolve(e)}error(e){Ue(this.isRunning),this.isRunning=!1,this._reject(e)}};var hi=class{terminate(){}};var Nd=new Map;function h_(r){Ue(r.source&&!r.url||!r.source&&r.url);let e=Nd.get(r.source||r.url);return e||(r.url&&(e=YT(r.url),Nd.set(r.url,e)),r.source&&(e=p_(r.source),Nd.set(r.source,e))),Ue(e),e}function YT(r){if(!r.startsWith("http"))return r;let e=qT(r);return p_(e)}function p_(r){let e=new Blob([r],{type:"application/javascript"});return URL.createObjectURL(e)}function qT(r){return`try {
  importScripts('${r}');
} catch (error) {
  console.error(error);
  throw error;
}`}function Fd(r,e=!0,t){let n=t||new Set;if(r){if(g_(r))n.add(r);else if(g_(r.buffer))n.add(r.buffer);else if(!ArrayBuffer.isView(r)){if(e&&typeof r=="object")for(let i in r)Fd(r[i],e,n)}}return t===void 0?Array.from(n):[]}function g_(r){return r?r instanceof ArrayBuffer||typeof MessagePort<"u"&&r instanceof MessagePort||typeof ImageBitmap<"u"&&r instanceof ImageBitmap||typeof OffscreenCanvas<"u"&&r instanceof OffscreenCanvas:!1}var zd=()=>{},Br=class{constructor(e){h(this,"name");h(this,"source");h(this,"url");h(this,"terminated",!1);h(this,"worker");h(this,"onMessage");h(this,"onError");h(this,"_loadableURL","");let{name:t,source:n,url:i}=e;Ue(n||i),this.name=t,this.source=n,this.url=i,this.onMessage=zd,this.onError=o=>console.log(o),this.worker=lt?this._createBrowserWorker():this._createNodeWorker()}static isSupported(){return typeof Worker<"u"&&lt||typeof hi<"u"&&!lt}destroy(){this.onMessage=zd,this.onError=zd,this.worker.terminate(),this.terminated=!0}get isRunning(){return!!this.onMessage}postMessage(e,t){t=t||Fd(e),this.worker.postMessage(e,t)}_getErrorFromErrorEvent(e){let t="Failed to load ";return t+=`worker ${this.name} from ${this.url}. `,e.message&&(t+=`${e.message} in `),e.lineno&&(t+=`:${e.lineno}:${e.colno}`),new Error(t)}_createBrowserWorker(){this._loadableURL=h_({source:this.source,url:this.url});let e=new Worker(this._loadableURL,{name:this.name});return e.onmessage=t=>{t.data?this.onMessage(t.data):this.onError(new Error("No data received"))},e.onerror=t=>{this.onError(this._getErrorFromErrorEvent(t)),this.terminated=!0},e.onmessageerror=t=>console.error(t),e}_createNodeWorker(){let e;if(this.url){let n=this.url.includes(":/")||this.url.startsWith("/")?this.url:`./${this.url}`,i=this.url.endsWith(".ts")||this.url.endsWith(".mjs")?"module":"commonjs";e=new hi(n,{eval:!1,type:i})}else if(this.source)e=new hi(this.source,{eval:!0});else throw new Error("no worker");return e.on("message",t=>{this.onMessage(t)}),e.on("error",t=>{this.onError(t)}),e.on("exit",t=>{}),e}};var Oo=class{constructor(e){h(this,"name","unnamed");h(this,"source");h(this,"url");h(this,"maxConcurrency",1);h(this,"maxMobileConcurrency",1);h(this,"onDebug",()=>{});h(this,"reuseWorkers",!0);h(this,"props",{});h(this,"jobQueue",[]);h(this,"idleQueue",[]);h(this,"count",0);h(this,"isDestroyed",!1);this.source=e.source,this.url=e.url,this.setProps(e)}static isSupported(){return Br.isSupported()}destroy(){this.idleQueue.forEach(e=>e.destroy()),this.isDestroyed=!0}setProps(e){this.props={...this.props,...e},e.name!==void 0&&(this.name=e.name),e.maxConcurrency!==void 0&&(this.maxConcurrency=e.maxConcurrency),e.maxMobileConcurrency!==void 0&&(this.maxMobileConcurrency=e.maxMobileConcurrency),e.reuseWorkers!==void 0&&(this.reuseWorkers=e.reuseWorkers),e.onDebug!==void 0&&(this.onDebug=e.onDebug)}async startJob(e,t=(i,o,s)=>i.done(s),n=(i,o)=>i.error(o)){let i=new Promise(o=>(this.jobQueue.push({name:e,onMessage:t,onError:n,onStart:o}),this));return this._startQueuedJob(),await i}async _startQueuedJob(){if(!this.jobQueue.length)return;let e=this._getAvailableWorker();if(!e)return;let t=this.jobQueue.shift();if(t){this.onDebug({message:"Starting job",name:t.name,workerThread:e,backlog:this.jobQueue.length});let n=new Ro(t.name,e);e.onMessage=i=>t.onMessage(n,i.type,i.payload),e.onError=i=>t.onError(n,i),t.onStart(n);try{await n.result}catch(i){console.error(`Worker exception: ${i}`)}finally{this.returnWorkerToQueue(e)}}}returnWorkerToQueue(e){!lt||this.isDestroyed||!this.reuseWorkers||this.count>this._getMaxConcurrency()?(e.destroy(),this.count--):this.idleQueue.push(e),this.isDestroyed||this._startQueuedJob()}_getAvailableWorker(){if(this.idleQueue.length>0)return this.idleQueue.shift()||null;if(this.count<this._getMaxConcurrency()){this.count++;let e=`${this.name.toLowerCase()} (#${this.count} of ${this.maxConcurrency})`;return new Br({name:e,source:this.source,url:this.url})}return null}_getMaxConcurrency(){return d_?this.maxMobileConcurrency:this.maxConcurrency}};var ZT={maxConcurrency:3,maxMobileConcurrency:1,reuseWorkers:!0,onDebug:()=>{}},Dr=class Dr{constructor(e){h(this,"props");h(this,"workerPools",new Map);this.props={...ZT},this.setProps(e),this.workerPools=new Map}static isSupported(){return Br.isSupported()}static getWorkerFarm(e={}){return Dr._workerFarm=Dr._workerFarm||new Dr({}),Dr._workerFarm.setProps(e),Dr._workerFarm}destroy(){for(let e of this.workerPools.values())e.destroy();this.workerPools=new Map}setProps(e){this.props={...this.props,...e};for(let t of this.workerPools.values())t.setProps(this._getWorkerPoolProps())}getWorkerPool(e){let{name:t,source:n,url:i}=e,o=this.workerPools.get(t);return o||(o=new Oo({name:t,source:n,url:i}),o.setProps(this._getWorkerPoolProps()),this.workerPools.set(t,o)),o}_getWorkerPoolProps(){return{maxConcurrency:this.props.maxConcurrency,maxMobileConcurrency:this.props.maxMobileConcurrency,reuseWorkers:this.props.reuseWorkers,onDebug:this.props.onDebug}}};h(Dr,"_workerFarm");var hn=Dr;function Ud(r,e={}){let t=e[r.id]||{},n=lt?r.workerFile||`${r.id}-worker.js`:`${r.id}-worker-node.js`,i=t.workerUrl;if(!i&&r.id==="compression"&&(i=e.workerUrl),(e._workerType||e?.core?._workerType)==="test"&&(lt?i=`modules/${r.module}/dist/${n}`:i=`modules/${r.module}/src/workers/${r.id}-worker-node.ts`),!i){let s=r.version;s==="latest"&&(s=l_);let a=s?`@${s}`:"";i=`https://unpkg.com/@loaders.gl/${r.module}${a}/dist/${n}`}return Ue(i),i}function Gd(r,e=f_){Ue(r,"no worker provided");let t=r.version;return!(!e||!t)}function $d(r,e){if(!hn.isSupported())return!1;let t=e?._nodeWorkers??e?.core?._nodeWorkers;if(!lt&&!t)return!1;let n=e?.worker??e?.core?.worker;return!!(r.worker&&n)}async function Vd(r,e,t,n,i){let o=r.id,s=Ud(r,t),c=hn.getWorkerFarm(t?.core).getWorkerPool({name:o,url:s});t=JSON.parse(JSON.stringify(t||{})),t._workerLoaderId=r.id,n=JSON.parse(JSON.stringify(n||{}));let l=await c.startJob("process-on-worker",XT.bind(null,i));return l.postMessage("process",{input:e,options:t,context:n}),await(await l.result).result}async function XT(r,e,t,n){switch(t){case"done":e.done(n);break;case"error":e.error(new Error(n.error));break;case"process":let{id:i,input:o,options:s}=n;try{let a=await r(o,s);e.postMessage("done",{id:i,result:a})}catch(a){let c=a instanceof Error?a.message:"unknown error";e.postMessage("error",{id:i,error:c})}break;default:console.warn(`parse-with-worker unknown message ${t}`)}}function Wd(r,e,t){if(t=t||r.byteLength,r.byteLength<t||e.byteLength<t)return!1;let n=new Uint8Array(r),i=new Uint8Array(e);for(let o=0;o<n.length;++o)if(n[o]!==i[o])return!1;return!0}function jd(...r){return m_(r)}function m_(r){let e=r.map(o=>o instanceof ArrayBuffer?new Uint8Array(o):o),t=e.reduce((o,s)=>o+s.byteLength,0),n=new Uint8Array(t),i=0;for(let o of e)n.set(o,i),i+=o.byteLength;return n.buffer}async function Hd(r){let e=[];for await(let t of r)e.push(KT(t));return jd(...e)}function KT(r){if(r instanceof ArrayBuffer)return r;if(ArrayBuffer.isView(r)){let{buffer:e,byteOffset:t,byteLength:n}=r;return y_(e,t,n)}return y_(r)}function y_(r,e=0,t=r.byteLength-e){let n=new Uint8Array(r,e,t),i=new Uint8Array(n.length);return i.set(n),i.buffer}var QT="",x_={};function Zd(r){for(let e in x_)if(r.startsWith(e)){let t=x_[e];r=r.replace(e,t)}return!r.startsWith("http://")&&!r.startsWith("https://")&&(r=`${QT}${r}`),r}function Ac(r){return r&&typeof r=="object"&&r.isBuffer}function pi(r){if(Ac(r))return r;if(r instanceof ArrayBuffer)return r;if(Od(r))return Lc(r);if(ArrayBuffer.isView(r)){let e=r.buffer;return r.byteOffset===0&&r.byteLength===r.buffer.byteLength?e:e.slice(r.byteOffset,r.byteOffset+r.byteLength)}if(typeof r=="string"){let e=r;return new TextEncoder().encode(e).buffer}if(r&&typeof r=="object"&&r._toArrayBuffer)return r._toArrayBuffer();throw new Error("toArrayBuffer")}function ko(r){if(r instanceof ArrayBuffer)return r;if(Od(r))return Lc(r);let{buffer:e,byteOffset:t,byteLength:n}=r;return e instanceof ArrayBuffer&&t===0&&n===e.byteLength?e:Lc(e,t,n)}function Lc(r,e=0,t=r.byteLength-e){let n=new Uint8Array(r,e,t),i=new Uint8Array(n.length);return i.set(n),i.buffer}function Xd(r){return ArrayBuffer.isView(r)?r:new Uint8Array(r)}var dr={};ur(dr,{dirname:()=>eL,filename:()=>JT,join:()=>tL,resolve:()=>rL});function b_(){if(typeof process<"u"&&typeof process.cwd<"u")return process.cwd();let r=window.location?.pathname;return r?.slice(0,r.lastIndexOf("/")+1)||""}function JT(r){let e=r?r.lastIndexOf("/"):-1;return e>=0?r.substr(e+1):r}function eL(r){let e=r?r.lastIndexOf("/"):-1;return e>=0?r.substr(0,e):""}function tL(...r){return r=r.map((t,n)=>(n&&(t=t.replace(new RegExp("^/"),"")),n!==r.length-1&&(t=t.replace(new RegExp("/$"),"")),t)),r.join("/")}function rL(...r){let e=[];for(let o=0;o<r.length;o++)e[o]=r[o];let t="",n=!1,i;for(let o=e.length-1;o>=-1&&!n;o--){let s;o>=0?s=e[o]:(i===void 0&&(i=b_()),s=i),s.length!==0&&(t=`${s}/${t}`,n=s.charCodeAt(0)===No)}return t=nL(t,!n),n?`/${t}`:t.length>0?t:"."}var No=47,Kd=46;function nL(r,e){let t="",n=-1,i=0,o,s=!1;for(let a=0;a<=r.length;++a){if(a<r.length)o=r.charCodeAt(a);else{if(o===No)break;o=No}if(o===No){if(!(n===a-1||i===1))if(n!==a-1&&i===2){if(t.length<2||!s||t.charCodeAt(t.length-1)!==Kd||t.charCodeAt(t.length-2)!==Kd){if(t.length>2){let c=t.length-1,l=c;for(;l>=0&&t.charCodeAt(l)!==No;--l);if(l!==c){t=l===-1?"":t.slice(0,l),n=a,i=0,s=!1;continue}}else if(t.length===2||t.length===1){t="",n=a,i=0,s=!1;continue}}e&&(t.length>0?t+="/..":t="..",s=!0)}else{let c=r.slice(n+1,a);t.length>0?t+=`/${c}`:t=c,s=!1}n=a,i=0}else o===Kd&&i!==-1?++i:i=-1}return t}var Cc=class extends Error{constructor(t,n){super(t);h(this,"reason");h(this,"url");h(this,"response");this.reason=n.reason,this.url=n.url,this.response=n.response}};var sL=/^data:([-\w.]+\/[-\w.+]+)(;|,)/,aL=/^([-\w.]+\/[-\w.+]+)/;function Qd(r,e){return r.toLowerCase()===e.toLowerCase()}function v_(r){let e=aL.exec(r);return e?e[1]:r}function Jd(r){let e=sL.exec(r);return e?e[1]:""}var w_=/\?.*/;function E_(r){let e=r.match(w_);return e&&e[0]}function kr(r){return r.replace(w_,"")}function P_(r){if(r.length<50)return r;let e=r.slice(r.length-15);return`${r.substr(0,32)}...${e}`}function gn(r){return Je(r)?r.url:et(r)?("name"in r?r.name:"")||"":typeof r=="string"?r:""}function gi(r){if(Je(r)){let e=r.headers.get("content-type")||"",t=kr(r.url);return v_(e)||Jd(t)}return et(r)?r.type||"":typeof r=="string"?Jd(r):""}function S_(r){return Je(r)?r.headers["content-length"]||-1:et(r)?r.size:typeof r=="string"?r.length:r instanceof ArrayBuffer||ArrayBuffer.isView(r)?r.byteLength:-1}async function Mc(r){if(Je(r))return r;let e={},t=S_(r);t>=0&&(e["content-length"]=String(t));let n=gn(r),i=gi(r);i&&(e["content-type"]=i);let o=await lL(r);o&&(e["x-first-bytes"]=o),typeof r=="string"&&(r=new TextEncoder().encode(r));let s=new Response(r,{headers:e});return Object.defineProperty(s,"url",{value:n}),s}async function T_(r){if(!r.ok)throw await cL(r)}async function cL(r){let e=P_(r.url),t=`Failed to fetch resource (${r.status}) ${r.statusText}: ${e}`;t=t.length>100?`${t.slice(0,100)}...`:t;let n={reason:r.statusText,url:r.url,response:r};try{let i=r.headers.get("Content-Type");n.reason=!r.bodyUsed&&i?.includes("application/json")?await r.json():await r.text()}catch{}return new Cc(t,n)}async function lL(r){if(typeof r=="string")return`data:,${r.slice(0,5)}`;if(r instanceof Blob){let t=r.slice(0,5);return await new Promise(n=>{let i=new FileReader;i.onload=o=>n(o?.target?.result),i.readAsDataURL(t)})}if(r instanceof ArrayBuffer){let t=r.slice(0,5);return`data:base64,${fL(t)}`}return null}function fL(r){let e="",t=new Uint8Array(r);for(let n=0;n<t.byteLength;n++)e+=String.fromCharCode(t[n]);return btoa(e)}function uL(r){return!dL(r)&&!hL(r)}function dL(r){return r.startsWith("http:")||r.startsWith("https:")}function hL(r){return r.startsWith("data:")}async function eh(r,e){if(typeof r=="string"){let t=Zd(r);return uL(t)&&globalThis.loaders?.fetchNode?globalThis.loaders?.fetchNode(t,e):await fetch(t,e)}return await Mc(r)}Mo();var Fo=new ze({id:"loaders.gl"}),Ic=class{log(){return()=>{}}info(){return()=>{}}warn(){return()=>{}}error(){return()=>{}}},Rc=class{constructor(){h(this,"console");this.console=console}log(...e){return this.console.log.bind(this.console,...e)}info(...e){return this.console.info.bind(this.console,...e)}warn(...e){return this.console.warn.bind(this.console,...e)}error(...e){return this.console.error.bind(this.console,...e)}};var Oc={core:{baseUrl:void 0,fetch:null,mimeType:void 0,fallbackMimeType:void 0,ignoreRegisteredLoaders:void 0,nothrow:!1,log:new Rc,useLocalLibraries:!1,CDN:"https://unpkg.com/@loaders.gl",worker:!0,maxConcurrency:3,maxMobileConcurrency:1,reuseWorkers:fn,_nodeWorkers:!1,_workerType:"",limit:0,_limitMB:0,batchSize:"auto",batchDebounceMs:0,metadata:!1,transforms:[]}},L_={baseUri:"core.baseUrl",fetch:"core.fetch",mimeType:"core.mimeType",fallbackMimeType:"core.fallbackMimeType",ignoreRegisteredLoaders:"core.ignoreRegisteredLoaders",nothrow:"core.nothrow",log:"core.log",useLocalLibraries:"core.useLocalLibraries",CDN:"core.CDN",worker:"core.worker",maxConcurrency:"core.maxConcurrency",maxMobileConcurrency:"core.maxMobileConcurrency",reuseWorkers:"core.reuseWorkers",_nodeWorkers:"core.nodeWorkers",_workerType:"core._workerType",_worker:"core._workerType",limit:"core.limit",_limitMB:"core._limitMB",batchSize:"core.batchSize",batchDebounceMs:"core.batchDebounceMs",metadata:"core.metadata",transforms:"core.transforms",throws:"nothrow",dataType:"(no longer used)",uri:"core.baseUrl",method:"core.fetch.method",headers:"core.fetch.headers",body:"core.fetch.body",mode:"core.fetch.mode",credentials:"core.fetch.credentials",cache:"core.fetch.cache",redirect:"core.fetch.redirect",referrer:"core.fetch.referrer",referrerPolicy:"core.fetch.referrerPolicy",integrity:"core.fetch.integrity",keepalive:"core.fetch.keepalive",signal:"core.fetch.signal"};var th=["baseUrl","fetch","mimeType","fallbackMimeType","ignoreRegisteredLoaders","nothrow","log","useLocalLibraries","CDN","worker","maxConcurrency","maxMobileConcurrency","reuseWorkers","_nodeWorkers","_workerType","limit","_limitMB","batchSize","batchDebounceMs","metadata","transforms"];function rh(){globalThis.loaders=globalThis.loaders||{};let{loaders:r}=globalThis;return r._state||(r._state={}),r._state}function nh(){let r=rh();return r.globalOptions=r.globalOptions||{...Oc,core:{...Oc.core}},hr(r.globalOptions)}function M_(r,e,t,n){return t=t||[],t=Array.isArray(t)?t:[t],pL(r,t),hr(mL(e,r,n))}function hr(r){let e=_L(r);I_(e);for(let t of th)e.core&&e.core[t]!==void 0&&delete e[t];return e.core&&e.core._workerType!==void 0&&delete e._worker,e}function pL(r,e){A_(r,null,Oc,L_,e);for(let t of e){let n=r&&r[t.id]||{},i=t.options&&t.options[t.id]||{},o=t.deprecatedOptions&&t.deprecatedOptions[t.id]||{};A_(n,t.id,i,o,e)}}function A_(r,e,t,n,i){let o=e||"Top level",s=e?`${e}.`:"";for(let a in r){let c=!e&&Ht(r[a]),l=a==="baseUri"&&!e,f=a==="workerUrl"&&e;if(!(a in t)&&!l&&!f){if(a in n)Fo.level>0&&Fo.warn(`${o} loader option '${s}${a}' no longer supported, use '${n[a]}'`)();else if(!c&&Fo.level>0){let u=gL(a,i);Fo.warn(`${o} loader option '${s}${a}' not recognized. ${u}`)()}}}}function gL(r,e){let t=r.toLowerCase(),n="";for(let i of e)for(let o in i.options){if(r===o)return`Did you mean '${i.id}.${o}'?`;let s=o.toLowerCase();(t.startsWith(s)||s.startsWith(t))&&(n=n||`Did you mean '${i.id}.${o}'?`)}return n}function mL(r,e,t){let n=r.options||{},i={...n};n.core&&(i.core={...n.core}),I_(i),i.core?.log===null&&(i.core={...i.core,log:new Ic}),C_(i,hr(nh()));let o=hr(e);return C_(i,o),yL(i,t),xL(i),i}function C_(r,e){for(let t in e)if(t in e){let n=e[t];Tc(n)&&Tc(r[t])?r[t]={...r[t],...e[t]}:r[t]=e[t]}}function yL(r,e){if(!e)return;r.core?.baseUrl!==void 0||(r.core||(r.core={}),r.core.baseUrl=dr.dirname(kr(e)))}function _L(r){let e={...r};return r.core&&(e.core={...r.core}),e}function I_(r){r.baseUri!==void 0&&(r.core||(r.core={}),r.core.baseUrl===void 0&&(r.core.baseUrl=r.baseUri));for(let t of th)if(r[t]!==void 0){let i=r.core=r.core||{};i[t]===void 0&&(i[t]=r[t])}let e=r._worker;e!==void 0&&(r.core||(r.core={}),r.core._workerType===void 0&&(r.core._workerType=e))}function xL(r){let e=r.core;if(e)for(let t of th)e[t]!==void 0&&(r[t]=e[t])}function zo(r){return r?(Array.isArray(r)&&(r=r[0]),Array.isArray(r?.extensions)):!1}function Uo(r){Or(r,"null loader"),Or(zo(r),"invalid loader");let e;return Array.isArray(r)&&(e=r[1],r=r[0],r={...r,options:{...r.options,...e}}),(r?.parseTextSync||r?.parseText)&&(r.text=!0),r.text||(r.binary=!0),r}var R_=()=>{let r=rh();return r.loaderRegistry=r.loaderRegistry||[],r.loaderRegistry};function ih(r){let e=R_();r=Array.isArray(r)?r:[r];for(let t of r){let n=Uo(t);e.find(i=>n===i)||e.unshift(n)}}function O_(){return R_()}var bL=/\.([^.]+)$/;async function k_(r,e=[],t,n){if(!N_(r))return null;let i=hr(t||{});if(i.core||(i.core={}),r instanceof Response&&B_(r)){let s=await r.clone().text(),a=Bc(s,e,{...i,core:{...i.core,nothrow:!0}},n);if(a)return a}let o=Bc(r,e,{...i,core:{...i.core,nothrow:!0}},n);if(o)return o;if(et(r)&&(r=await r.slice(0,10).arrayBuffer(),o=Bc(r,e,i,n)),!o&&r instanceof Response&&B_(r)){let s=await r.clone().text();o=Bc(s,e,i,n)}if(!o&&!i.core.nothrow)throw new Error(F_(r));return o}function B_(r){let e=gi(r);return!!(e&&(e.startsWith("text/")||e==="application/json"||e.endsWith("+json")))}function Bc(r,e=[],t,n){if(!N_(r))return null;let i=hr(t||{});if(i.core||(i.core={}),e&&!Array.isArray(e))return Uo(e);let o=[];e&&(o=o.concat(e)),i.core.ignoreRegisteredLoaders||o.push(...O_()),wL(o);let s=vL(r,o,i,n);if(!s&&!i.core.nothrow)throw new Error(F_(r));return s}function vL(r,e,t,n){let i=gn(r),o=gi(r),s=kr(i)||n?.url,a=null,c="";return t?.core?.mimeType&&(a=oh(e,t?.core?.mimeType),c=`match forced by supplied MIME type ${t?.core?.mimeType}`),a=a||EL(e,s),c=c||(a?`matched url ${s}`:""),a=a||oh(e,o),c=c||(a?`matched MIME type ${o}`:""),a=a||SL(e,r),c=c||(a?`matched initial data ${z_(r)}`:""),t?.core?.fallbackMimeType&&(a=a||oh(e,t?.core?.fallbackMimeType),c=c||(a?`matched fallback MIME type ${o}`:"")),c&&Rd.log(1,`selectLoader selected ${a?.name}: ${c}.`),a}function N_(r){return!(r instanceof Response&&r.status===204)}function F_(r){let e=gn(r),t=gi(r),n="No valid loader found (";n+=e?`${dr.filename(e)}, `:"no url provided, ",n+=`MIME type: ${t?`"${t}"`:"not provided"}, `;let i=r?z_(r):"";return n+=i?` first bytes: "${i}"`:"first bytes: not available",n+=")",n}function wL(r){for(let e of r)Uo(e)}function EL(r,e){let t=e&&bL.exec(e),n=t&&t[1];return n?PL(r,n):null}function PL(r,e){e=e.toLowerCase();for(let t of r)for(let n of t.extensions)if(n.toLowerCase()===e)return t;return null}function oh(r,e){for(let t of r)if(t.mimeTypes?.some(n=>Qd(e,n))||Qd(e,`application/x.${t.id}`))return t;return null}function SL(r,e){if(!e)return null;for(let t of r)if(typeof e=="string"){if(TL(e,t))return t}else if(ArrayBuffer.isView(e)){if(D_(e.buffer,e.byteOffset,t))return t}else if(e instanceof ArrayBuffer&&D_(e,0,t))return t;return null}function TL(r,e){return e.testText?e.testText(r):(Array.isArray(e.tests)?e.tests:[e.tests]).some(n=>r.startsWith(n))}function D_(r,e,t){return(Array.isArray(t.tests)?t.tests:[t.tests]).some(i=>LL(r,e,t,i))}function LL(r,e,t,n){if(di(n))return Wd(n,r,n.byteLength);switch(typeof n){case"function":return n(ko(r));case"string":let i=sh(r,e,n.length);return n===i;default:return!1}}function z_(r,e=5){return typeof r=="string"?r.slice(0,e):ArrayBuffer.isView(r)?sh(r.buffer,r.byteOffset,e):r instanceof ArrayBuffer?sh(r,0,e):""}function sh(r,e,t){if(r.byteLength<e+t)return"";let n=new DataView(r),i="";for(let o=0;o<t;o++)i+=String.fromCharCode(n.getUint8(e+o));return i}var AL=256*1024;function*U_(r,e){let t=e?.chunkSize||AL,n=0,i=new TextEncoder;for(;n<r.length;){let o=Math.min(r.length-n,t),s=r.slice(n,n+o);n+=o,yield ko(i.encode(s))}}function*G_(r,e={}){let{chunkSize:t=262144}=e,n=0;for(;n<r.byteLength;){let i=Math.min(r.byteLength-n,t),o=new ArrayBuffer(i),s=new Uint8Array(r,n,i);new Uint8Array(o).set(s),n+=i,yield o}}async function*$_(r,e){let t=e?.chunkSize||1048576,n=0;for(;n<r.size;){let i=n+t,o=await r.slice(n,i).arrayBuffer();n=i,yield o}}function ah(r,e){return fn?CL(r,e):ML(r,e)}async function*CL(r,e){let t=r.getReader(),n;try{for(;;){let i=n||t.read();e?._streamReadAhead&&(n=t.read());let{done:o,value:s}=await i;if(o)return;yield pi(s)}}catch{t.releaseLock()}}async function*ML(r,e){for await(let t of r)yield pi(t)}function V_(r,e){if(typeof r=="string")return U_(r,e);if(r instanceof ArrayBuffer)return G_(r,e);if(et(r))return $_(r,e);if(Io(r))return ah(r,e);if(Je(r)){let t=r.body;if(!t)throw new Error("Readable stream not available on Response");return ah(t,e)}throw new Error("makeIterator")}var W_="Cannot convert supplied data type";function IL(r,e,t){if(e.text&&typeof r=="string")return r;if(Ac(r)&&(r=r.buffer),di(r)){let n=Xd(r);return e.text&&!e.binary?new TextDecoder("utf8").decode(n):pi(n)}throw new Error(W_)}async function j_(r,e,t){if(typeof r=="string"||di(r))return IL(r,e,t);if(et(r)&&(r=await Mc(r)),Je(r))return await T_(r),e.binary?await r.arrayBuffer():await r.text();if(Io(r)&&(r=V_(r,t)),Bd(r)||Dd(r))return Hd(r);throw new Error(W_)}function Dc(r,e){let t=nh(),n=r||t,i=n.fetch??n.core?.fetch;return typeof i=="function"?i:Ht(i)?o=>eh(o,i):e?.fetch?e?.fetch:eh}function H_(r,e,t){if(t)return t;let n={fetch:Dc(e,r),...r};if(n.url){let i=kr(n.url);n.baseUrl=i,n.queryString=E_(n.url),n.filename=dr.filename(i),n.baseUrl=dr.dirname(i)}return Array.isArray(n.loaders)||(n.loaders=null),n}function Y_(r,e){if(r&&!Array.isArray(r))return r;let t;if(r&&(t=Array.isArray(r)?r:[r]),e&&e.loaders){let n=Array.isArray(e.loaders)?e.loaders:[e.loaders];t=t?[...t,...n]:n}return t&&t.length?t:void 0}async function Go(r,e,t,n){e&&!Array.isArray(e)&&!zo(e)&&(n=void 0,t=e,e=void 0),r=await r,t=t||{};let i=gn(r),s=Y_(e,n),a=await k_(r,s,t);if(!a)return null;let c=M_(t,a,s,i);return n=H_({url:i,_parse:Go,loaders:s},c,n||null),await RL(a,r,c,n)}async function RL(r,e,t,n){if(Gd(r),t=kd(r.options,t),Je(e)){let{ok:o,redirected:s,status:a,statusText:c,type:l,url:f}=e,u=Object.fromEntries(e.headers.entries());n.response={headers:u,ok:o,redirected:s,status:a,statusText:c,type:l,url:f}}e=await j_(e,r,t);let i=r;if(i.parseTextSync&&typeof e=="string")return i.parseTextSync(e,t,n);if($d(r,t))return await Vd(r,e,t,n,Go);if(i.parseText&&typeof e=="string")return await i.parseText(e,t,n);if(i.parse)return await i.parse(e,t,n);throw Ue(!i.parseSync),new Error(`${r.id} loader - no parser found and worker is disabled`)}async function Nr(r,e,t,n){let i,o;!Array.isArray(e)&&!zo(e)?(i=[],o=e,n=void 0):(i=e,o=t);let s=Dc(o),a=r;return typeof r=="string"&&(a=await s(r)),et(r)&&(a=await s(r)),typeof r=="string"&&(hr(o||{}).core?.baseUrl||(o={...o,core:{...o?.core,baseUrl:r}})),Array.isArray(i)?await Go(a,i,o):await Go(a,i,o)}var K_="4.5.4";var OL=globalThis.loaders?.parseImageNode,lh=typeof Image<"u",fh=typeof ImageBitmap<"u",BL=!!OL,uh=fn?!0:BL;function Q_(r){switch(r){case"auto":return fh||lh||uh;case"imagebitmap":return fh;case"image":return lh;case"data":return uh;default:throw new Error(`@loaders.gl/images: image ${r} not supported in this environment`)}}function J_(){if(fh)return"imagebitmap";if(lh)return"image";if(uh)return"data";throw new Error("Install '@loaders.gl/polyfills' to parse images under Node.js")}function DL(r){let e=kL(r);if(!e)throw new Error("Not an image");return e}function ex(r){switch(DL(r)){case"data":return r;case"image":case"imagebitmap":let e=document.createElement("canvas"),t=e.getContext("2d");if(!t)throw new Error("getImageData");return e.width=r.width,e.height=r.height,t.drawImage(r,0,0),t.getImageData(0,0,r.width,r.height);default:throw new Error("getImageData")}}function kL(r){return typeof ImageBitmap<"u"&&r instanceof ImageBitmap?"imagebitmap":typeof Image<"u"&&r instanceof Image?"image":r&&typeof r=="object"&&r.data&&r.width&&r.height?"data":null}var NL=/^data:image\/svg\+xml/,FL=/\.svg((\?|#).*)?$/;function kc(r){return r&&(NL.test(r)||FL.test(r))}function tx(r,e){if(kc(e)){let n=new TextDecoder().decode(r);try{typeof unescape=="function"&&typeof encodeURIComponent=="function"&&(n=unescape(encodeURIComponent(n)))}catch(o){throw new Error(o.message)}return`data:image/svg+xml;base64,${btoa(n)}`}return dh(r,e)}function dh(r,e){if(kc(e))throw new Error("SVG cannot be parsed directly to imagebitmap");return new Blob([new Uint8Array(r)])}async function Nc(r,e,t){let n=tx(r,t),i=self.URL||self.webkitURL,o=typeof n!="string"&&i.createObjectURL(n);try{return await zL(o||n,e)}finally{o&&i.revokeObjectURL(o)}}async function zL(r,e){let t=new Image;return t.src=r,e.image&&e.image.decode&&t.decode?(await t.decode(),t):await new Promise((n,i)=>{try{t.onload=()=>n(t),t.onerror=o=>{let s=o instanceof Error?o.message:"error";i(new Error(s))}}catch(o){i(o)}})}var rx=!0;async function nx(r,e,t){let n;kc(t)?n=await Nc(r,e,t):n=dh(r,t);let i=e&&e.imagebitmap;return await UL(n,i)}async function UL(r,e=null){if((GL(e)||!rx)&&(e=null),e)try{return await createImageBitmap(r,e)}catch(t){console.warn(t),rx=!1}return await createImageBitmap(r)}function GL(r){if(!r)return!0;for(let e in r)if(Object.prototype.hasOwnProperty.call(r,e))return!1;return!0}function ix(r){return!jL(r,"ftyp",4)||(r[8]&96)===0?null:$L(r)}function $L(r){switch(VL(r,8,12).replace("\0"," ").trim()){case"avif":case"avis":return{extension:"avif",mimeType:"image/avif"};default:return null}}function VL(r,e,t){return String.fromCharCode(...r.slice(e,t))}function WL(r){return[...r].map(e=>e.charCodeAt(0))}function jL(r,e,t=0){let n=WL(e);for(let i=0;i<n.length;++i)if(n[i]!==r[i+t])return!1;return!0}var qt=!1,Vo=!0;function Fc(r){let e=Wo(r);return YL(e)||XL(e)||qL(e)||ZL(e)||HL(e)}function HL(r){let e=new Uint8Array(r instanceof DataView?r.buffer:r),t=ix(e);return t?{mimeType:t.mimeType,width:0,height:0}:null}function YL(r){let e=Wo(r);return e.byteLength>=24&&e.getUint32(0,qt)===2303741511?{mimeType:"image/png",width:e.getUint32(16,qt),height:e.getUint32(20,qt)}:null}function qL(r){let e=Wo(r);return e.byteLength>=10&&e.getUint32(0,qt)===1195984440?{mimeType:"image/gif",width:e.getUint16(6,Vo),height:e.getUint16(8,Vo)}:null}function ZL(r){let e=Wo(r);return e.byteLength>=14&&e.getUint16(0,qt)===16973&&e.getUint32(2,Vo)===e.byteLength?{mimeType:"image/bmp",width:e.getUint32(18,Vo),height:e.getUint32(22,Vo)}:null}function XL(r){let e=Wo(r);if(!(e.byteLength>=3&&e.getUint16(0,qt)===65496&&e.getUint8(2)===255))return null;let{tableMarkers:n,sofMarkers:i}=KL(),o=2;for(;o+9<e.byteLength;){let s=e.getUint16(o,qt);if(i.has(s))return{mimeType:"image/jpeg",height:e.getUint16(o+5,qt),width:e.getUint16(o+7,qt)};if(!n.has(s))return null;o+=2,o+=e.getUint16(o,qt)}return null}function KL(){let r=new Set([65499,65476,65484,65501,65534]);for(let t=65504;t<65520;++t)r.add(t);return{tableMarkers:r,sofMarkers:new Set([65472,65473,65474,65475,65477,65478,65479,65481,65482,65483,65485,65486,65487,65502])}}function Wo(r){if(r instanceof DataView)return r;if(ArrayBuffer.isView(r))return new DataView(r.buffer);if(r instanceof ArrayBuffer)return new DataView(r);throw new Error("toDataView")}async function ox(r,e){let{mimeType:t}=Fc(r)||{},n=globalThis.loaders?.parseImageNode;return Or(n),await n(r,t)}async function sx(r,e,t){e=e||{};let i=(e.image||{}).type||"auto",{url:o}=t||{},s=QL(i),a;switch(s){case"imagebitmap":a=await nx(r,e,o);break;case"image":a=await Nc(r,e,o);break;case"data":a=await ox(r,e);break;default:Or(!1)}return i==="data"&&(a=ex(a)),a}function QL(r){switch(r){case"auto":case"data":return J_();default:return Q_(r),r}}var JL=["png","jpg","jpeg","gif","webp","bmp","ico","svg","avif"],eA=["image/png","image/jpeg","image/gif","image/webp","image/avif","image/bmp","image/vnd.microsoft.icon","image/svg+xml"],tA={image:{type:"auto",decode:!0}},hh={dataType:null,batchType:null,id:"image",module:"images",name:"Images",version:K_,mimeTypes:eA,extensions:JL,parse:sx,tests:[r=>!!Fc(new DataView(r))],options:tA};Mo();var rA=new ze({id:"deck"}),N=rA;var ph={};function ax(r){ph=r}function fe(r,e,t,n){N.level>0&&ph[r]&&ph[r].call(null,e,t,n)}function nA(r){let e=r[0],t=r[r.length-1];return e==="{"&&t==="}"||e==="["&&t==="]"}var cx={dataType:null,batchType:null,id:"JSON",name:"JSON",module:"",version:"",options:{},extensions:["json","geojson"],mimeTypes:["application/json","application/geo+json"],testText:nA,parseTextSync:JSON.parse};function iA(){let r="9.4.0",e=globalThis.deck&&globalThis.deck.VERSION;if(e&&e!==r)throw new Error(`deck.gl - multiple versions detected: ${e} vs ${r}`);return e||(N.log(1,`deck.gl ${r}`)(),globalThis.deck={...globalThis.deck,VERSION:r,version:r,log:N,_registerLoggers:ax},ih([cx,[hh,{imagebitmap:{premultiplyAlpha:"none"}}]])),r}var lx=iA();He();var JO=`struct LayerUniforms {
  opacity: f32,
};

@group(0) @binding(auto)
var<uniform> layer: LayerUniforms;
`,iw=`layout(std140) uniform layerUniforms {
  uniform float opacity;
} layer;
`,_g={name:"layer",source:JO,vs:iw,fs:iw,getUniforms:r=>({opacity:Math.pow(r.opacity,.45454545454545453)}),uniformTypes:{opacity:"f32"}};var eB=`

@must_use
fn deckgl_premultiplied_alpha(fragColor: vec4<f32>) -> vec4<f32> {
    return vec4(fragColor.rgb * fragColor.a, fragColor.a); 
};
`,gt={name:"color",dependencies:[],source:eB,getUniforms:r=>({})};var tB=`const SMOOTH_EDGE_RADIUS: f32 = 0.5;

struct VertexGeometry {
  position: vec4<f32>,
  worldPosition: vec3<f32>,
  worldPositionAlt: vec3<f32>,
  normal: vec3<f32>,
  uv: vec2<f32>,
  pickingColor: vec3<f32>,
};

var<private> geometry_: VertexGeometry = VertexGeometry(
  vec4<f32>(0.0, 0.0, 1.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0),
  vec2<f32>(0.0, 0.0),
  vec3<f32>(0.0, 0.0, 0.0)
);

struct FragmentGeometry {
  uv: vec2<f32>,
};

var<private> fragmentGeometry: FragmentGeometry;

fn smoothedge(edge: f32, x: f32) -> f32 {
  return smoothstep(edge - SMOOTH_EDGE_RADIUS, edge + SMOOTH_EDGE_RADIUS, x);
}
`,ow="#define SMOOTH_EDGE_RADIUS 0.5",rB=`${ow}

struct VertexGeometry {
  vec4 position;
  vec3 worldPosition;
  vec3 worldPositionAlt;
  vec3 normal;
  vec2 uv;
  vec3 pickingColor;
} geometry = VertexGeometry(
  vec4(0.0, 0.0, 1.0, 0.0),
  vec3(0.0),
  vec3(0.0),
  vec3(0.0),
  vec2(0.0),
  vec3(0.0)
);
`,nB=`${ow}

struct FragmentGeometry {
  vec2 uv;
};
FragmentGeometry geometry;

float smoothedge(float edge, float x) {
  return smoothstep(edge - SMOOTH_EDGE_RADIUS, edge + SMOOTH_EDGE_RADIUS, x);
}
`,Kl={name:"geometry",source:tB,vs:rB,fs:nB};He();be();var $;(function(r){r[r.Start=1]="Start",r[r.Move=2]="Move",r[r.End=4]="End",r[r.Cancel=8]="Cancel"})($||($={}));var ce;(function(r){r[r.None=0]="None",r[r.Left=1]="Left",r[r.Right=2]="Right",r[r.Up=4]="Up",r[r.Down=8]="Down",r[r.Horizontal=3]="Horizontal",r[r.Vertical=12]="Vertical",r[r.All=15]="All"})(ce||(ce={}));var R;(function(r){r[r.Possible=1]="Possible",r[r.Began=2]="Began",r[r.Changed=4]="Changed",r[r.Ended=8]="Ended",r[r.Recognized=8]="Recognized",r[r.Cancelled=16]="Cancelled",r[r.Failed=32]="Failed"})(R||(R={}));var sw="compute",xg="auto",Un="manipulation",Gn="none",Ss="pan-x",Ts="pan-y";function bg(r){if(r.includes(Gn))return Gn;let e=r.includes(Ss),t=r.includes(Ts);return e&&t?Gn:e||t?e?Ss:Ts:r.includes(Un)?Un:xg}var Ls=class{constructor(e,t){this.actions="",this.manager=e,this.set(t)}set(e){e===sw&&(e=this.compute()),this.manager.element&&(this.manager.element.style.touchAction=e,this.actions=e)}update(){this.set(this.manager.options.touchAction)}compute(){let e=[];for(let t of this.manager.recognizers)t.options.enable&&(e=e.concat(t.getTouchAction()));return bg(e.join(" "))}};function Bi(r){return r.trim().split(/\s+/g)}function Ql(r,e,t){if(r)for(let n of Bi(e))r.addEventListener(n,t,!1)}function Jl(r,e,t){if(r)for(let n of Bi(e))r.removeEventListener(n,t,!1)}function vg(r){return(r.ownerDocument||r).defaultView}function wg(r,e){let t=r;for(;t;){if(t===e)return!0;t=t.parentNode}return!1}function ef(r){let e=r.length;if(e===1)return{x:Math.round(r[0].clientX),y:Math.round(r[0].clientY)};let t=0,n=0,i=0;for(;i<e;)t+=r[i].clientX,n+=r[i].clientY,i++;return{x:Math.round(t/e),y:Math.round(n/e)}}function Eg(r){let e=[],t=0;for(;t<r.pointers.length;)e[t]={clientX:Math.round(r.pointers[t].clientX),clientY:Math.round(r.pointers[t].clientY)},t++;return{timeStamp:Date.now(),pointers:e,center:ef(e),deltaX:r.deltaX,deltaY:r.deltaY}}function Di(r,e){let t=e.x-r.x,n=e.y-r.y;return Math.sqrt(t*t+n*n)}function As(r,e){let t=e.clientX-r.clientX,n=e.clientY-r.clientY;return Math.sqrt(t*t+n*n)}function aw(r,e){let t=e.x-r.x,n=e.y-r.y;return Math.atan2(n,t)*180/Math.PI}function Pg(r,e){let t=e.clientX-r.clientX,n=e.clientY-r.clientY;return Math.atan2(n,t)*180/Math.PI}function ki(r,e){return r===e?ce.None:Math.abs(r)>=Math.abs(e)?r<0?ce.Left:ce.Right:e<0?ce.Up:ce.Down}function cw(r,e){let t=e.center,n=r.offsetDelta,i=r.prevDelta,o=r.prevInput;return(e.eventType===$.Start||o?.eventType===$.End)&&(i=r.prevDelta={x:o?.deltaX||0,y:o?.deltaY||0},n=r.offsetDelta={x:t.x,y:t.y}),{deltaX:i.x+(t.x-n.x),deltaY:i.y+(t.y-n.y)}}function tf(r,e,t){return{x:e/r||0,y:t/r||0}}function lw(r,e){return As(e[0],e[1])/As(r[0],r[1])}function fw(r,e){return Pg(e[1],e[0])-Pg(r[1],r[0])}function uw(r,e){let t=r.lastInterval||e,n=e.timeStamp-t.timeStamp,i,o,s,a;if(e.eventType!==$.Cancel&&(n>25||t.velocity===void 0)){let c=e.deltaX-t.deltaX,l=e.deltaY-t.deltaY,f=tf(n,c,l);o=f.x,s=f.y,i=Math.abs(f.x)>Math.abs(f.y)?f.x:f.y,a=ki(c,l),r.lastInterval=e}else i=t.velocity,o=t.velocityX,s=t.velocityY,a=t.direction;e.velocity=i,e.velocityX=o,e.velocityY=s,e.direction=a}function Sg(r,e){return"pointerId"in r?r.pointerId:e}function dw(r,e){r.movementOrigin=new Map(e.map((t,n)=>[Sg(t,n),{clientX:t.clientX,clientY:t.clientY}])),r.firstMovementTime=void 0}function oB(r,e){let t=e.pointers.map(Sg);if(r.movementOrigin?.size===t.length&&t.every(i=>r.movementOrigin.has(i))||dw(r,e.pointers),e.distancePerPointer=e.pointers.map((i,o)=>As(r.movementOrigin.get(t[o]),i)),e.eventType&$.Move&&e.distancePerPointer.some(i=>i>0)&&(r.firstMovementTime??(r.firstMovementTime=e.timeStamp)),e.movementDeltaTime=r.firstMovementTime===void 0?0:e.timeStamp-r.firstMovementTime,e.eventType&($.End|$.Cancel)){let i=e.changedPointers.map(o=>Sg(o,e.pointers.indexOf(o)));dw(r,e.pointers.filter((o,s)=>!i.includes(t[s])))}}function hw(r,e){let{session:t}=r,{pointers:n}=e,{length:i}=n;t.firstInput||(t.firstInput=Eg(e)),i>1&&!t.firstMultiple?t.firstMultiple=Eg(e):i===1&&(t.firstMultiple=!1);let{firstInput:o,firstMultiple:s}=t,a=s?s.center:o.center,c=e.center=ef(n);e.timeStamp=Date.now(),e.deltaTime=e.timeStamp-o.timeStamp,oB(t,e),e.angle=aw(a,c),e.distance=Di(a,c);let{deltaX:l,deltaY:f}=cw(t,e);e.deltaX=l,e.deltaY=f,e.offsetDirection=ki(e.deltaX,e.deltaY);let u=tf(e.deltaTime,e.deltaX,e.deltaY);e.overallVelocityX=u.x,e.overallVelocityY=u.y,e.overallVelocity=Math.abs(u.x)>Math.abs(u.y)?u.x:u.y,e.scale=s?lw(s.pointers,n):1,e.rotation=s?fw(s.pointers,n):0,e.maxPointers=t.prevInput?e.pointers.length>t.prevInput.maxPointers?e.pointers.length:t.prevInput.maxPointers:e.pointers.length;let d=r.element;return wg(e.srcEvent.target,d)&&(d=e.srcEvent.target),e.target=d,uw(t,e),e}function pw(r,e,t){let n=t.pointers.length,i=t.changedPointers.length,o=e&$.Start&&n-i===0,s=e&($.End|$.Cancel)&&n-i===0;t.isFirst=!!o,t.isFinal=!!s,o&&(r.session={}),t.eventType=e;let a=hw(r,t);r.emit("hammer.input",a),r.recognize(a),r.session.prevInput=a}var Cs=class{constructor(e){this.evEl="",this.evWin="",this.evTarget="",this.domHandler=t=>{this.manager.options.enable&&this.handler(t)},this.manager=e,this.element=e.element,this.target=e.options.inputTarget||e.element}callback(e,t){pw(this.manager,e,t)}init(){Ql(this.element,this.evEl,this.domHandler),Ql(this.target,this.evTarget,this.domHandler),Ql(vg(this.element),this.evWin,this.domHandler)}destroy(){Jl(this.element,this.evEl,this.domHandler),Jl(this.target,this.evTarget,this.domHandler),Jl(vg(this.element),this.evWin,this.domHandler)}};var sB={pointerdown:$.Start,pointermove:$.Move,pointerup:$.End,pointercancel:$.Cancel,pointerout:$.Cancel},aB="pointerdown",cB="pointermove pointerup pointercancel",Ms=class extends Cs{constructor(e){super(e),this.evEl=aB,this.evWin=cB,this.store=this.manager.session.pointerEvents=[],this.init()}handler(e){let{store:t}=this,n=!1,i=sB[e.type],o=e.pointerType,s=o==="touch",a=t.findIndex(c=>c.pointerId===e.pointerId);i&$.Start&&(e.buttons||s)?a<0&&(t.push(e),a=t.length-1):i&($.End|$.Cancel)&&(n=!0),!(a<0)&&(t[a]=e,this.callback(i,{pointers:t,changedPointers:[e],eventType:i,pointerType:o,srcEvent:e}),n&&t.splice(a,1))}};var lB=["","webkit","Moz","MS","ms","o"];function gw(r,e){let t=e[0].toUpperCase()+e.slice(1);for(let n of lB){let i=n?n+t:e;if(i in r)return i}}var fB=1,mw=2,yw={touchAction:"compute",enable:!0,inputTarget:null,cssProps:{userSelect:"none",userDrag:"none",touchCallout:"none",tapHighlightColor:"rgba(0,0,0,0)"}},Is=class{constructor(e,t){this.options={...yw,...t,cssProps:{...yw.cssProps,...t.cssProps},inputTarget:t.inputTarget||e},this.handlers={},this.session={},this.recognizers=[],this.oldCssProps={},this.element=e,this.input=new Ms(this),this.touchAction=new Ls(this,this.options.touchAction),this.toggleCssProps(!0)}set(e){return Object.assign(this.options,e),e.touchAction&&this.touchAction.update(),e.inputTarget&&(this.input.destroy(),this.input.target=e.inputTarget,this.input.init()),this}stop(e){this.session.stopped=e?mw:fB}recognize(e){let{session:t}=this;if(t.stopped)return;this.session.prevented&&e.srcEvent.preventDefault();let n,{recognizers:i}=this,{curRecognizer:o}=t;(!o||o&&o.state&R.Recognized)&&(o=t.curRecognizer=null);let s=0;for(;s<i.length;)n=i[s],t.stopped!==mw&&(!o||n===o||n.canRecognizeWith(o))?n.recognize(e):n.reset(),!o&&n.state&(R.Began|R.Changed|R.Ended)&&(o=t.curRecognizer=n),s++}get(e){let{recognizers:t}=this;for(let n=0;n<t.length;n++)if(t[n].options.event===e)return t[n];return null}add(e){if(Array.isArray(e)){for(let n of e)this.add(n);return this}let t=this.get(e.options.event);return t&&this.remove(t),this.recognizers.push(e),e.manager=this,this.touchAction.update(),e}remove(e){if(Array.isArray(e)){for(let n of e)this.remove(n);return this}let t=typeof e=="string"?this.get(e):e;if(t){let{recognizers:n}=this,i=n.indexOf(t);i!==-1&&(n.splice(i,1),this.touchAction.update())}return this}on(e,t){if(!e||!t)return;let{handlers:n}=this;for(let i of Bi(e))n[i]=n[i]||[],n[i].push(t)}off(e,t){if(!e)return;let{handlers:n}=this;for(let i of Bi(e))t?n[i]&&n[i].splice(n[i].indexOf(t),1):delete n[i]}emit(e,t){let n=this.handlers[e]&&this.handlers[e].slice();if(!n||!n.length)return;let i=t;i.type=e,i.preventDefault=function(){t.srcEvent.preventDefault()};let o=0;for(;o<n.length;)n[o](i),o++}destroy(){this.toggleCssProps(!1),this.handlers={},this.session={},this.input.destroy(),this.element=null}toggleCssProps(e){let{element:t}=this;if(t){for(let[n,i]of Object.entries(this.options.cssProps)){let o=gw(t.style,n);e?(this.oldCssProps[o]=t.style[o],t.style[o]=i):t.style[o]=this.oldCssProps[o]||""}e||(this.oldCssProps={})}}};var uB=1;function _w(){return uB++}function Tg(r){return r&R.Cancelled?"cancel":r&R.Ended?"end":r&R.Changed?"move":r&R.Began?"start":""}var Lt=class{constructor(e){this.options=e,this.id=_w(),this.state=R.Possible,this.simultaneous={},this.requireFail=[]}set(e){return Object.assign(this.options,e),this.manager.touchAction.update(),this}recognizeWith(e){if(Array.isArray(e)){for(let i of e)this.recognizeWith(i);return this}let t;if(typeof e=="string"){if(t=this.manager.get(e),!t)throw new Error(`Cannot find recognizer ${e}`)}else t=e;let{simultaneous:n}=this;return n[t.id]||(n[t.id]=t,t.recognizeWith(this)),this}dropRecognizeWith(e){if(Array.isArray(e)){for(let n of e)this.dropRecognizeWith(n);return this}let t;return typeof e=="string"?t=this.manager.get(e):t=e,t&&delete this.simultaneous[t.id],this}requireFailure(e){if(Array.isArray(e)){for(let i of e)this.requireFailure(i);return this}let t;if(typeof e=="string"){if(t=this.manager.get(e),!t)throw new Error(`Cannot find recognizer ${e}`)}else t=e;let{requireFail:n}=this;return n.indexOf(t)===-1&&(n.push(t),t.requireFailure(this)),this}dropRequireFailure(e){if(Array.isArray(e)){for(let n of e)this.dropRequireFailure(n);return this}let t;if(typeof e=="string"?t=this.manager.get(e):t=e,t){let n=this.requireFail.indexOf(t);n>-1&&this.requireFail.splice(n,1)}return this}hasRequireFailures(){return!!this.requireFail.find(e=>e.options.enable)}canRecognizeWith(e){return!!this.simultaneous[e.id]}emit(e){if(!e)return;let{state:t}=this;t<R.Ended&&this.manager.emit(this.options.event+Tg(t),e),this.manager.emit(this.options.event,e),e.additionalEvent&&this.manager.emit(e.additionalEvent,e),t>=R.Ended&&this.manager.emit(this.options.event+Tg(t),e)}tryEmit(e){this.canEmit()?this.emit(e):this.state=R.Failed}canEmit(){let e=0;for(;e<this.requireFail.length;){if(!(this.requireFail[e].state&(R.Failed|R.Possible)))return!1;e++}return!0}recognize(e){let t={...e};if(!this.options.enable){this.reset(),this.state=R.Failed;return}this.state&(R.Recognized|R.Cancelled|R.Failed)&&(this.state=R.Possible),this.state=this.process(t),this.state&(R.Began|R.Changed|R.Ended|R.Cancelled)&&this.tryEmit(t)}getEventNames(){return[this.options.event]}reset(){}};function dB(r){return Math.abs(((r+180)%360+360)%360-180)}function hB(r,e){return(e.distance===void 0||r.distance>=e.distance)&&(e.distancePerPointer===void 0||r.distancePerPointer.length>0&&r.distancePerPointer.every(t=>t>=e.distancePerPointer))&&(e.movementDeltaTime===void 0||r.movementDeltaTime>=e.movementDeltaTime)&&(e.rotation===void 0||dB(r.rotation)>=e.rotation)&&(e.scale===void 0||Math.abs(r.scale-1)>=e.scale)}var $n=class extends Lt{attrTest(e){let t=this.options.pointers;return t===0||e.pointers.length===t}coherentTest(e){let t=this.options.coherent;return!t?.length||t.some(n=>hB(e,n))}process(e){let{state:t}=this,{eventType:n}=e,i=t&(R.Began|R.Changed),o=this.attrTest(e);return i&&(n&$.Cancel||!o)?t|R.Cancelled:i||o?n&$.End?t|R.Ended:t&R.Began?t|R.Changed:R.Began:R.Failed}};var pB=["","start","move","end","cancel"],Ni=class extends Lt{constructor(e={}){super({enable:!0,event:"doubleclickdrag",pointers:1,interval:500,time:350,threshold:28,dragThreshold:1,pixelsPerScale:120,...e}),this._tapStart=null,this._lastTap=null,this._drag=null,this._emittedStart=!1}getTouchAction(){return[Un]}getEventNames(){return pB.map(e=>this.options.event+e)}process(e){let{options:t}=this;return e.pointers.length===t.pointers?e.eventType&$.Start?this._handleStart(e):e.eventType&$.Move?this._handleMove(e):e.eventType&$.Cancel?this._handleEnd(e,!0):e.eventType&$.End?this._handleEnd(e,!1):R.Failed:(this.reset(),R.Failed)}reset(){this._tapStart=null,this._lastTap=null,this._drag=null,this._emittedStart=!1}emit(e){if(e){if(this.state===R.Began){if(!this._drag?.active||this._emittedStart)return;this._emittedStart=!0,this.manager.emit(`${this.options.event}start`,e),this.manager.emit(this.options.event,e);return}if(this.state===R.Changed){if(!this._emittedStart)return;this.manager.emit(`${this.options.event}move`,e),this.manager.emit(this.options.event,e);return}if(this.state===R.Ended){if(!this._emittedStart)return;this.manager.emit(this.options.event,e),this.manager.emit(`${this.options.event}end`,e),this._emittedStart=!1;return}if(this.state===R.Cancelled){if(!this._emittedStart)return;this.manager.emit(this.options.event,e),this.manager.emit(`${this.options.event}cancel`,e),this._emittedStart=!1}}}_handleStart(e){let t=this._getPointerId(e);return this._lastTap&&this._isTapMatch(e,this._lastTap)?(this._tapStart=null,this._lastTap=null,this._drag={startCenter:e.center,pointerId:t,active:!1},this._emittedStart=!1,R.Began):(this._tapStart={center:e.center,timeStamp:e.timeStamp,pointerId:t},this._lastTap=null,this._drag=null,this._emittedStart=!1,R.Failed)}_handleMove(e){if(!this._drag||!this._isSamePointer(e,this._drag.pointerId))return R.Failed;let t=this._drag.startCenter.y-e.center.y;return!this._drag.active&&Math.abs(t)<this.options.dragThreshold?R.Began:(this._drag.active=!0,e.scale=Math.pow(2,t/this.options.pixelsPerScale),this._emittedStart?R.Changed:R.Began)}_handleEnd(e,t){if(this._drag&&this._isSamePointer(e,this._drag.pointerId)){let{active:n,startCenter:i}=this._drag;if(this._drag=null,this._tapStart=null,this._lastTap=null,!n)return this._emittedStart=!1,R.Failed;let o=i.y-e.center.y;return e.scale=Math.pow(2,o/this.options.pixelsPerScale),t?R.Cancelled:R.Ended}return!this._tapStart||!this._isSamePointer(e,this._tapStart.pointerId)?(t&&this.reset(),R.Failed):(this._isValidTap(e)?this._lastTap={center:e.center,timeStamp:e.timeStamp,pointerId:this._tapStart.pointerId}:this._lastTap=null,this._tapStart=null,R.Failed)}_isTapMatch(e,t){return e.timeStamp-t.timeStamp<=this.options.interval&&Di(e.center,t.center)<=this.options.threshold}_isValidTap(e){return e.deltaTime<=this.options.time&&e.distance<=this.options.threshold}_getPointerId(e){return"pointerId"in e.srcEvent?e.srcEvent.pointerId:null}_isSamePointer(e,t){return t===null||this._getPointerId(e)===t}};var Vn=class extends Lt{constructor(e={}){super({enable:!0,event:"tap",pointers:1,taps:1,interval:300,time:250,threshold:9,posThreshold:10,...e}),this.pTime=null,this.pCenter=null,this._timer=null,this._input=null,this.count=0}getTouchAction(){return[Un]}process(e){let{options:t}=this,n=e.pointers.length===t.pointers,i=e.distance<t.threshold,o=e.deltaTime<t.time;if(this.reset(),e.eventType&$.Start&&this.count===0)return this.failTimeout();if(i&&o&&n){if(e.eventType!==$.End)return this.failTimeout();let s=this.pTime?e.timeStamp-this.pTime<t.interval:!0,a=!this.pCenter||Di(this.pCenter,e.center)<t.posThreshold;if(this.pTime=e.timeStamp,this.pCenter=e.center,!a||!s?this.count=1:this.count+=1,this._input=e,this.count%t.taps===0)return this.hasRequireFailures()?(this._timer=setTimeout(()=>{this.state=R.Recognized,this.tryEmit(this._input)},t.interval),R.Began):R.Recognized}return R.Failed}failTimeout(){return this._timer=setTimeout(()=>{this.state=R.Failed},this.options.interval),R.Failed}reset(){clearTimeout(this._timer)}emit(e){this.state===R.Recognized&&(e.tapCount=this.count,this.manager.emit(this.options.event,e))}};var Fi=class extends $n{constructor(){super(...arguments),this.wheelSession=null,this.wheelSessionUnsubscribe=null,this.handleWheelSessionEvent=e=>{e.device==="trackpad"&&this.handleTrackpadEvent(e)}}set(e){let{wheelSession:t,...n}=e;return t&&t!==this.wheelSession&&(this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=null,this.wheelSession=t),super.set(n),this.updateWheelSessionSubscription(),this}getTrackpadInput(e,t={}){let{srcEvent:n}=e,i=t.deltaX??e.deltaX,o=t.deltaY??e.deltaY,s=ki(i,o),a=Math.sqrt(e.deltaX*e.deltaX+e.deltaY*e.deltaY),c=n;return{pointers:[c,c],changedPointers:[c,c],pointerType:"trackpad",srcEvent:c,eventType:e.eventType,timeStamp:e.timeStamp,deltaTime:e.deltaTime,center:e.center,deltaX:i,deltaY:o,angle:Math.atan2(o,i)*180/Math.PI,distance:Math.sqrt(i*i+o*o),distancePerPointer:[a,a],movementDeltaTime:e.deltaTime,scale:1,rotation:0,direction:s,offsetDirection:s,velocity:e.velocity,velocityX:e.velocityX,velocityY:e.velocityY,overallVelocity:e.overallVelocity,overallVelocityX:e.overallVelocityX,overallVelocityY:e.overallVelocityY,maxPointers:2,target:n.target||this.manager.element,additionalEvent:"",...t}}updateWheelSessionSubscription(){let e=!!(this.wheelSession&&this.options.enable&&this.options.trackpad&&this.options.pointers===2);e&&!this.wheelSessionUnsubscribe?this.wheelSessionUnsubscribe=this.wheelSession.on(this.handleWheelSessionEvent):!e&&this.wheelSessionUnsubscribe&&(this.wheelSessionUnsubscribe(),this.wheelSessionUnsubscribe=null)}};var gB=["","start","move","end","cancel","up","down","left","right"],qr=class extends Fi{constructor(e={}){super({enable:!0,pointers:1,event:"pan",threshold:10,direction:ce.All,trackpad:!1,coherent:[],...e}),this.trackpadGesture=!1,this.pX=null,this.pY=null}getTouchAction(){let{options:{direction:e}}=this,t=[];return e&ce.Horizontal&&t.push(Ts),e&ce.Vertical&&t.push(Ss),t}getEventNames(){return gB.map(e=>this.options.event+e)}directionTest(e){let{options:t}=this,n=!0,{distance:i}=e,{direction:o}=e,s=e.deltaX,a=e.deltaY;return o&t.direction||(t.direction&ce.Horizontal?(o=s===0?ce.None:s<0?ce.Left:ce.Right,n=s!==this.pX,i=Math.abs(e.deltaX)):(o=a===0?ce.None:a<0?ce.Up:ce.Down,n=a!==this.pY,i=Math.abs(e.deltaY))),e.direction=o,n&&i>t.threshold&&!!(o&t.direction)}attrTest(e){let t=!!(this.state&R.Began),n=!(this.options.coherent?.length&&e.eventType&($.End|$.Cancel));return super.attrTest(e)&&(t||n&&this.coherentTest(e)&&this.directionTest(e))}emit(e){this.pX=e.deltaX,this.pY=e.deltaY;let t=ce[e.direction].toLowerCase();t&&(e.additionalEvent=this.options.event+t),super.emit(e)}handleTrackpadEvent(e){e.isFirst&&(this.trackpadGesture=!e.srcEvent.ctrlKey,!this.trackpadGesture&&this.state&(R.Recognized|R.Cancelled|R.Failed)&&(this.state=R.Possible)),this.trackpadGesture&&(this.recognize(this.getTrackpadInput(e,{deltaX:-e.deltaX,deltaY:-e.deltaY,velocity:-e.velocity,velocityX:-e.velocityX,velocityY:-e.velocityY,overallVelocity:-e.overallVelocity,overallVelocityX:-e.overallVelocityX,overallVelocityY:-e.overallVelocityY})),e.isFinal&&(this.trackpadGesture=!1))}};var mB=["","start","move","end","cancel","in","out"],zi=class extends Fi{constructor(e={}){super({enable:!0,event:"pinch",threshold:0,pointers:2,trackpad:!1,coherent:[],...e}),this.trackpadGesture=!1}getTouchAction(){return[Gn]}getEventNames(){return mB.map(e=>this.options.event+e)}attrTest(e){let t=!!this.options.coherent?.length,n=!!(this.state&R.Began),i=!(t&&e.eventType&($.End|$.Cancel));return super.attrTest(e)&&(n||i&&(t?this.coherentTest(e):Math.abs(e.scale-1)>this.options.threshold))}emit(e){if(e.scale!==1){let t=e.scale<1?"in":"out";e.additionalEvent=this.options.event+t}super.emit(e)}handleTrackpadEvent(e){e.isFirst&&(this.trackpadGesture=e.srcEvent.ctrlKey,!this.trackpadGesture&&this.state&(R.Recognized|R.Cancelled|R.Failed)&&(this.state=R.Possible)),this.trackpadGesture&&(this.recognize(this.getTrackpadInput(e,{deltaX:0,deltaY:0,velocity:0,velocityX:0,velocityY:0,overallVelocity:0,overallVelocityX:0,overallVelocityY:0,scale:Math.exp(-e.deltaY/100)})),e.isFinal&&(this.trackpadGesture=!1))}};var Jt=class{constructor(e,t,n){this.element=e,this.callback=t,this.options=n}listen(e,t){t?this.element.addEventListener(e,this.handleEvent,{passive:!1}):this.element.removeEventListener(e,this.handleEvent)}};var xw=typeof navigator<"u"&&navigator.userAgent?navigator.userAgent.toLowerCase():"";var bB=xw.indexOf("firefox")!==-1,vB=40,wB=.25,rf=class extends Jt{constructor(e,t,n){n.enable=n.enable??!1,super(e,t,n),this.handleEvent=i=>{if(!this.options.enable)return;let o=i.deltaY;globalThis.WheelEvent&&(bB&&i.deltaMode===globalThis.WheelEvent.DOM_DELTA_PIXEL&&(o/=globalThis.devicePixelRatio),i.deltaMode===globalThis.WheelEvent.DOM_DELTA_LINE&&(o*=vB)),i.shiftKey&&o&&(o=o*wB),this.callback({type:"wheel",center:{x:i.clientX,y:i.clientY},delta:-o,device:this.options.wheelSession?.device??"unknown",srcEvent:i,pointerType:"mouse",target:i.target})},n.enable&&(this.wheelSessionUnsubscribe=this.options.wheelSession?.on(()=>{}),this.listen("wheel",!0))}destroy(){this.listen("wheel",!1),this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=void 0}enableEventType(e,t){e==="wheel"&&this.options.enable!==t&&(this.options.enable=t,t&&!this.wheelSessionUnsubscribe&&(this.wheelSessionUnsubscribe=this.options.wheelSession?.on(()=>{})),this.listen("wheel",t),t||(this.wheelSessionUnsubscribe?.(),this.wheelSessionUnsubscribe=void 0))}};var EB=4.000244140625,bw=40,PB=0,SB=1,TB=40,vw=40,LB=120,AB={classificationDelay:32,endDelay:80},nf=class{constructor(e,t={}){this.subscriptions=new Map,this.session=null,this.classificationTimer=null,this.endTimer=null,this.pressedControlKeys=new Set,this.listeningForControlKeys=!1,this.handleEvent=n=>{if(!this.hasSubscribers)return"unknown";let i=MB(n,this.pressedControlKeys.size>0),o=this.session;if(o&&i.timeStamp-o.lastTimeStamp>=this.options.endDelay){if(this.end(),!this.hasSubscribers)return"unknown";o=null}o?(this.scheduleEnd(),this.addSample(o,i)):(o=this.startPendingSession(i),this.scheduleEnd());let{device:s}=o;return s==="unknown"&&(s=Lg(o.samples,!1),s!=="unknown"&&this.begin(o,s)),s},this.finishClassification=()=>{if(this.classificationTimer=null,!this.session||this.session.device!=="unknown")return;let n=this.session,i=Lg(n.samples,!0);this.begin(n,i==="unknown"?"mouse":i)},this.end=()=>{if(!this.session)return;if(this.session.device==="unknown"){let i=this.session,o=Lg(i.samples,!0);this.begin(i,o==="unknown"?"mouse":o)}if(!this.session)return;let n=this.session;this.emit($.End,n.lastEvent),this.reset()},this.handleKeyDown=n=>{n.key==="Control"&&this.pressedControlKeys.add(n.code||n.key)},this.handleKeyUp=n=>{n.key==="Control"&&(n.code?this.pressedControlKeys.delete(n.code):this.pressedControlKeys.clear())},this.handleWindowBlur=()=>{this.pressedControlKeys.clear()},this.element=e,this.options={...AB,...t},this.element?.addEventListener("wheel",this.handleEvent,{passive:!0})}get hasSubscribers(){return this.subscriptions.size>0}get device(){return this.session?.device??"unknown"}on(e){let t={listener:e};return this.subscriptions.set(e,t),this.updateControlKeyEventListeners(),()=>{this.subscriptions.get(e)===t&&this.off(e)}}off(e){this.subscriptions.delete(e),this.updateControlKeyEventListeners(),this.hasSubscribers||this.reset()}cancel(){let e=this.session;e&&e.device!=="unknown"&&this.emit($.Cancel,e.lastEvent),this.reset()}destroy(){this.cancel(),this.subscriptions.clear(),this.updateControlKeyEventListeners(),this.element?.removeEventListener("wheel",this.handleEvent)}startPendingSession(e){let t={samples:[e],device:"unknown",firstTimeStamp:e.timeStamp,lastTimeStamp:e.timeStamp,totalDeltaX:e.deltaX,totalDeltaY:e.deltaY,velocityX:0,velocityY:0,lastEvent:e.event};return this.session=t,this.classificationTimer=globalThis.setTimeout(this.finishClassification,this.options.classificationDelay),t}addSample(e,t){if(e.samples.push(t),e.lastTimeStamp=t.timeStamp,e.lastEvent=t.event,e.totalDeltaX+=t.deltaX,e.totalDeltaY+=t.deltaY,e.device!=="unknown"){let n=e.samples[e.samples.length-2],i=t.timeStamp-n.timeStamp;e.velocityX=i>0?t.deltaX/i:0,e.velocityY=i>0?t.deltaY/i:0,this.emit($.Move,t.event,{velocityX:e.velocityX,velocityY:e.velocityY})}}begin(e,t){e.device=t,this.clearClassificationTimer(),this.emit($.Start,e.samples[0].event);let n=e.lastTimeStamp-e.firstTimeStamp;e.velocityX=n>0?e.totalDeltaX/n:0,e.velocityY=n>0?e.totalDeltaY/n:0,this.emit($.Move,e.lastEvent,{velocityX:e.velocityX,velocityY:e.velocityY})}scheduleEnd(){this.clearEndTimer(),this.endTimer=globalThis.setTimeout(this.end,this.options.endDelay)}emit(e,t,n){let i=this.session;if(!i||i.device==="unknown")return;let o=e===$.Start,s=e===$.End||e===$.Cancel,a=o?i.firstTimeStamp:i.lastTimeStamp,c=o?0:Math.max(0,a-i.firstTimeStamp),l=o?0:i.totalDeltaX,f=o?0:i.totalDeltaY,u=c>0?l/c:0,d=c>0?f/c:0,p=o?0:n?.velocityX??i.velocityX,g=o?0:n?.velocityY??i.velocityY,m={eventType:e,device:i.device,srcEvent:t,timeStamp:a,center:{x:t.clientX,y:t.clientY},deltaX:l,deltaY:f,deltaTime:c,velocity:Math.abs(p)>Math.abs(g)?p:g,velocityX:p,velocityY:g,overallVelocity:Math.abs(u)>Math.abs(d)?u:d,overallVelocityX:u,overallVelocityY:d,isFirst:o,isFinal:s};for(let{listener:y}of[...this.subscriptions.values()])y(m)}reset(){this.clearClassificationTimer(),this.clearEndTimer(),this.session=null}clearClassificationTimer(){this.classificationTimer!==null&&(globalThis.clearTimeout(this.classificationTimer),this.classificationTimer=null)}clearEndTimer(){this.endTimer!==null&&(globalThis.clearTimeout(this.endTimer),this.endTimer=null)}updateControlKeyEventListeners(){let e=this.hasSubscribers,t=CB();!t||e===this.listeningForControlKeys||(this.listeningForControlKeys=e,e?(t.addEventListener("keydown",this.handleKeyDown,!0),t.addEventListener("keyup",this.handleKeyUp,!0),t.addEventListener("blur",this.handleWindowBlur)):(t.removeEventListener("keydown",this.handleKeyDown,!0),t.removeEventListener("keyup",this.handleKeyUp,!0),t.removeEventListener("blur",this.handleWindowBlur),this.pressedControlKeys.clear()))}};function CB(){return typeof window<"u"?window:globalThis.document?.defaultView}function MB(r,e){let t=r.deltaX,n=r.deltaY;return r.deltaMode===SB&&(t*=bw,n*=bw),{event:r,timeStamp:r.timeStamp,deltaX:t,deltaY:n,isControlKeyDown:e}}function Lg(r,e){return r.some(({event:t,isControlKeyDown:n})=>t.ctrlKey&&!n)?"trackpad":r.some(({event:t})=>t.deltaMode!==PB)||r.some(IB)||r.every(({event:t})=>{let n=t.wheelDelta;return n!==void 0&&Math.abs(n)%40===0})?"mouse":r.some(({deltaX:t})=>t!==0)||r.length>1&&RB(r)?"trackpad":e?"mouse":"unknown"}function IB({event:r,deltaX:e,deltaY:t}){if(e!==0||t===0)return!1;let n=Math.abs(t/EB);if(Number.isInteger(n))return!0;let i=r.wheelDelta;return typeof i=="number"&&i!==0&&i%LB===0}function RB(r){for(let e=0;e<r.length;e++){let t=r[e];if(Math.abs(t.deltaX)>vw||Math.abs(t.deltaY)>vw||e>0&&t.timeStamp-r[e-1].timeStamp>TB)return!1}return!0}var ww=["mousedown","mousemove","mouseup","mouseover","mouseout","mouseenter","mouseleave"],of=class extends Jt{constructor(e,t,n){super(e,t,{enable:!0,...n}),this.handleEvent=o=>{this.handleOverEvent(o),this.handleOutEvent(o),this.handleEnterEvent(o),this.handleLeaveEvent(o),this.handleMoveEvent(o)},this.pressed=!1;let{enable:i=!1}=this.options;this.enableMoveEvent=i,this.enableLeaveEvent=i,this.enableEnterEvent=i,this.enableOutEvent=i,this.enableOverEvent=i,i&&ww.forEach(o=>this.listen(o,!0))}destroy(){ww.forEach(e=>this.listen(e,!1))}enableEventType(e,t){switch(e){case"pointermove":this.enableMoveEvent!==t&&(this.enableMoveEvent=t,this.listen("mousedown",t),this.listen("mousemove",t),this.listen("mouseup",t));break;case"pointerover":this.enableOverEvent!==t&&(this.enableOverEvent=t,this.listen("mouseover",t));break;case"pointerout":this.enableOutEvent!==t&&(this.enableOutEvent=t,this.listen("mouseout",t));break;case"pointerenter":this.enableEnterEvent!==t&&(this.enableEnterEvent=t,this.listen("mouseenter",t));break;case"pointerleave":this.enableLeaveEvent!==t&&(this.enableLeaveEvent=t,this.listen("mouseleave",t));break;default:}}handleOverEvent(e){this.enableOverEvent&&e.type==="mouseover"&&this._emit("pointerover",e)}handleOutEvent(e){this.enableOutEvent&&e.type==="mouseout"&&this._emit("pointerout",e)}handleEnterEvent(e){this.enableEnterEvent&&e.type==="mouseenter"&&this._emit("pointerenter",e)}handleLeaveEvent(e){this.enableLeaveEvent&&e.type==="mouseleave"&&this._emit("pointerleave",e)}handleMoveEvent(e){if(this.enableMoveEvent)switch(e.type){case"mousedown":e.button>=0&&(this.pressed=!0);break;case"mousemove":e.buttons===0&&(this.pressed=!1),this.pressed||this._emit("pointermove",e);break;case"mouseup":this.pressed=!1;break;default:}}_emit(e,t){this.callback({type:e,center:{x:t.clientX,y:t.clientY},srcEvent:t,pointerType:"mouse",target:t.target})}};var Ew=["keydown","keyup"],sf=class extends Jt{constructor(e,t,n){super(e,t,{enable:!0,tabIndex:0,...n}),this.handleEvent=o=>{let s=o.target||o.srcElement;s.tagName==="INPUT"&&s.type==="text"||s.tagName==="TEXTAREA"||(this.enableDownEvent&&o.type==="keydown"&&this.callback({type:"keydown",srcEvent:o,key:o.key,target:o.target}),this.enableUpEvent&&o.type==="keyup"&&this.callback({type:"keyup",srcEvent:o,key:o.key,target:o.target}))};let{enable:i=!1}=this.options;this.enableDownEvent=i,this.enableUpEvent=i,e.tabIndex=this.options.tabIndex,e.style.outline="none",i&&Ew.forEach(o=>this.listen(o,!0))}destroy(){Ew.forEach(e=>this.listen(e,!1))}enableEventType(e,t){e==="keydown"&&this.enableDownEvent!==t&&(this.enableDownEvent=t,this.listen(e,t)),e==="keyup"&&this.enableUpEvent!==t&&(this.enableUpEvent=t,this.listen(e,t))}};var af=class extends Jt{constructor(e,t,n){n.enable=n.enable??!1,super(e,t,n),this.handleEvent=i=>{this.options.enable&&this.callback({type:"contextmenu",center:{x:i.clientX,y:i.clientY},srcEvent:i,pointerType:"mouse",target:i.target})},n.enable&&this.listen("contextmenu",!0)}destroy(){this.listen("contextmenu",!1)}enableEventType(e,t){e==="contextmenu"&&this.options.enable!==t&&(this.options.enable=t,this.listen("contextmenu",t))}};var OB={pointerdown:1,pointermove:2,pointerup:4,mousedown:1,mousemove:2,mouseup:4},BB=0,DB=1,kB=2,NB=1,FB=2,zB=4;function Pw(r){let e=OB[r.srcEvent.type];if(!e)return null;let{buttons:t,button:n}=r.srcEvent,i=!1,o=!1,s=!1;return e===2?(i=!!(t&NB),o=!!(t&zB),s=!!(t&FB)):(i=n===BB,o=n===DB,s=n===kB),{leftButton:i,middleButton:o,rightButton:s}}function Sw(r,e){let t=r.center;if(!t)return null;let n=e.getBoundingClientRect(),i=n.width/e.offsetWidth||1,o=n.height/e.offsetHeight||1,s={x:(t.x-n.left-e.clientLeft)/i,y:(t.y-n.top-e.clientTop)/o};return{center:t,offsetCenter:s}}var UB={srcElement:"root",priority:0},cf=class{constructor(e,t){this.handleEvent=n=>{if(this.isEmpty())return;let i=this._normalizeEvent(n),o=n.srcEvent.target;for(;o&&o!==i.rootElement;){if(this._emit(i,o),i.handled)return;o=o.parentNode}this._emit(i,"root")},this.eventManager=e,this.recognizerName=t,this.handlers=[],this.handlersByElement=new Map,this._active=!1}isEmpty(){return!this._active}add(e,t,n,i=!1,o=!1){let{handlers:s,handlersByElement:a}=this,c={...UB,...n},l=a.get(c.srcElement);l||(l=[],a.set(c.srcElement,l));let f={type:e,handler:t,srcElement:c.srcElement,priority:c.priority};i&&(f.once=!0),o&&(f.passive=!0),s.push(f),this._active=this._active||!f.passive;let u=l.length-1;for(;u>=0&&!(l[u].priority>=f.priority);)u--;l.splice(u+1,0,f)}remove(e,t){let{handlers:n,handlersByElement:i}=this;for(let o=n.length-1;o>=0;o--){let s=n[o];if(s.type===e&&s.handler===t){n.splice(o,1);let a=i.get(s.srcElement);a.splice(a.indexOf(s),1),a.length===0&&i.delete(s.srcElement)}}this._active=n.some(o=>!o.passive)}_emit(e,t){let n=this.handlersByElement.get(t);if(n){let i=!1,o=()=>{e.handled=!0},s=()=>{e.handled=!0,i=!0},a=[];for(let c=0;c<n.length;c++){let{type:l,handler:f,once:u}=n[c];if(f({...e,type:l,stopPropagation:o,stopImmediatePropagation:s}),u&&a.push(n[c]),i)break}for(let c=0;c<a.length;c++){let{type:l,handler:f}=a[c];this.remove(l,f)}}}_normalizeEvent(e){let t=this.eventManager.getElement();return{...e,...Pw(e),...Sw(e,t),preventDefault:()=>{e.srcEvent.preventDefault()},stopImmediatePropagation:null,stopPropagation:null,handled:!1,rootElement:t}}};function GB(r){if("recognizer"in r)return r;let e,t=Array.isArray(r)?[...r]:[r];if(typeof t[0]=="function"){let n=t.shift(),i=t.shift()||{};e=new n(i)}else e=t.shift();return{recognizer:e,recognizeWith:typeof t[0]=="string"?[t[0]]:t[0],requireFailure:typeof t[1]=="string"?[t[1]]:t[1]}}var Rs=class{constructor(e=null,t={}){if(this._onBasicInput=n=>{this.manager.emit(n.srcEvent.type,n)},this._onOtherEvent=n=>{this.manager.emit(n.type,n)},this.options={recognizers:[],events:{},touchAction:"compute",tabIndex:0,cssProps:{},...t},this.events=new Map,this.element=e,this.wheelSession=new nf(e),!!e){this.manager=new Is(e,this.options);for(let n of this.options.recognizers){let{recognizer:i,recognizeWith:o,requireFailure:s}=GB(n);this.manager.add(i),o&&i.recognizeWith(o),s&&i.requireFailure(s)}this.manager.on("hammer.input",this._onBasicInput),this.wheelInput=new rf(e,this._onOtherEvent,{enable:!1,wheelSession:this.wheelSession}),this.moveInput=new of(e,this._onOtherEvent,{enable:!1}),this.keyInput=new sf(e,this._onOtherEvent,{enable:!1,tabIndex:t.tabIndex}),this.contextmenuInput=new af(e,this._onOtherEvent,{enable:!1}),this.on(this.options.events)}}getElement(){return this.element}destroy(){if(!this.element){this.wheelSession.destroy();return}this.wheelInput.destroy(),this.wheelSession.destroy(),this.moveInput.destroy(),this.keyInput.destroy(),this.contextmenuInput.destroy(),this.manager.destroy()}on(e,t,n){this._addEventHandler(e,t,n,!1)}once(e,t,n){this._addEventHandler(e,t,n,!0)}watch(e,t,n){this._addEventHandler(e,t,n,!1,!0)}off(e,t){this._removeEventHandler(e,t)}emit(e){this.manager?.emit(e.type,e)}_toggleRecognizer(e,t){let{manager:n}=this;if(!n)return;let i=n.get(e);i&&(i.set({enable:t,wheelSession:this.wheelSession}),n.touchAction.update()),this.wheelInput?.enableEventType(e,t),this.moveInput?.enableEventType(e,t),this.keyInput?.enableEventType(e,t),this.contextmenuInput?.enableEventType(e,t)}_addEventHandler(e,t,n,i,o){if(typeof e!="string"){n=t;for(let[l,f]of Object.entries(e))this._addEventHandler(l,f,n,i,o);return}let{manager:s,events:a}=this;if(!s)return;let c=a.get(e);if(!c){let l=this._getRecognizerName(e)||e;c=new cf(this,l),a.set(e,c),s&&s.on(e,c.handleEvent)}c.add(e,t,n,i,o),c.isEmpty()||this._toggleRecognizer(c.recognizerName,!0)}_removeEventHandler(e,t){if(typeof e!="string"){for(let[o,s]of Object.entries(e))this._removeEventHandler(o,s);return}let{events:n}=this,i=n.get(e);if(i&&(i.remove(e,t),i.isEmpty())){let{recognizerName:o}=i,s=!1;for(let a of n.values())if(a.recognizerName===o&&!a.isEmpty()){s=!0;break}s||this._toggleRecognizer(o,!1)}}_getRecognizerName(e){return this.manager.recognizers.find(t=>t.getEventNames().includes(e))?.options.event}};var Ag={DEFAULT:"default",LNGLAT:"lnglat",METER_OFFSETS:"meter-offsets",LNGLAT_OFFSETS:"lnglat-offsets",CARTESIAN:"cartesian"};Object.defineProperty(Ag,"IDENTITY",{get:()=>(N.deprecated("COORDINATE_SYSTEM.IDENTITY","COORDINATE_SYSTEM.CARTESIAN")(),Ag.CARTESIAN)});var ge={WEB_MERCATOR:1,GLOBE:2,WEB_MERCATOR_AUTO_OFFSET:4,IDENTITY:0},Ie={common:0,meters:1,pixels:2},Ui={click:"onClick",dblclick:"onClick",panstart:"onDragStart",panmove:"onDrag",panend:"onDragEnd"},Cg={multipan:[qr,{threshold:10,pointers:2,trackpad:!0}],pinch:[zi,{trackpad:!0},null,["multipan"]],pan:[qr,{threshold:1},["pinch"],["multipan"]],dblclick:[Vn,{event:"dblclick",taps:2,enable:!1}],dblclickdrag:[Ni,{event:"dblclickdrag",enable:!1},["dblclick"],null],click:[Vn,{event:"click"},["dblclickdrag"],["dblclick","dblclickdrag"]]};function $B(r,e){if(r===e)return!0;if(Array.isArray(r)){let t=r.length;if(!e||e.length!==t)return!1;for(let n=0;n<t;n++)if(r[n]!==e[n])return!1;return!0}return!1}function er(r){let e={},t;return n=>{for(let i in n)if(!$B(n[i],e[i])){t=r(n),e=n;break}return t}}var Tw=[0,0,0,0],VB=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0],Lw=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1],WB=[0,0,0],Aw=[0,0,0],jB={default:-1,cartesian:0,lnglat:1,"meter-offsets":2,"lnglat-offsets":3};function Wn(r){let e=jB[r];if(e===void 0)throw new Error(`Invalid coordinateSystem: ${r}`);return e}var HB=er(qB);function Mg(r,e,t=Aw){t.length<3&&(t=[t[0],t[1],0]);let n=t,i,o=!0;switch(e==="lnglat-offsets"||e==="meter-offsets"?i=t:i=r.isGeospatial?[Math.fround(r.longitude),Math.fround(r.latitude),0]:null,r.projectionMode){case ge.WEB_MERCATOR:(e==="lnglat"||e==="cartesian")&&(i=[0,0,0],o=!1);break;case ge.WEB_MERCATOR_AUTO_OFFSET:e==="lnglat"?n=i:e==="cartesian"&&(n=[Math.fround(r.center[0]),Math.fround(r.center[1]),0],i=r.unprojectPosition(n),n[0]-=t[0],n[1]-=t[1],n[2]-=t[2]);break;case ge.IDENTITY:n=r.position.map(Math.fround),n[2]=n[2]||0;break;case ge.GLOBE:o=!1,i=null;break;default:o=!1}return{geospatialOrigin:i,shaderCoordinateOrigin:n,offsetMode:o}}function YB(r,e,t){let{viewMatrixUncentered:n,projectionMatrix:i}=r,{viewMatrix:o,viewProjectionMatrix:s}=r,a=Tw,c=Tw,l=r.cameraPosition,{geospatialOrigin:f,shaderCoordinateOrigin:u,offsetMode:d}=Mg(r,e,t);return d&&(c=r.projectPosition(f||u),l=[l[0]-c[0],l[1]-c[1],l[2]-c[2]],c[3]=1,a=je.transformMat4([],c,s),o=n||o,s=_e.multiply([],i,o),s=_e.multiply([],s,VB)),{viewMatrix:o,viewProjectionMatrix:s,projectionCenter:a,originCommon:c,cameraPosCommon:l,shaderCoordinateOrigin:u,geospatialOrigin:f}}function Cw({viewport:r,devicePixelRatio:e=1,modelMatrix:t=null,coordinateSystem:n="default",coordinateOrigin:i=Aw,autoWrapLongitude:o=!1}){n==="default"&&(n=r.isGeospatial?"lnglat":"cartesian");let s=HB({viewport:r,devicePixelRatio:e,coordinateSystem:n,coordinateOrigin:i});return s.wrapLongitude=o,s.modelMatrix=t||Lw,s}function qB({viewport:r,devicePixelRatio:e,coordinateSystem:t,coordinateOrigin:n}){let{projectionCenter:i,viewProjectionMatrix:o,originCommon:s,cameraPosCommon:a,shaderCoordinateOrigin:c,geospatialOrigin:l}=YB(r,t,n),f=r.getDistanceScales(),u=[r.width*e,r.height*e],d=je.transformMat4([],[0,0,-r.focalDistance,1],r.projectionMatrix)[3]||1,p={coordinateSystem:Wn(t),projectionMode:r.projectionMode,coordinateOrigin:c,commonOrigin:s.slice(0,3),center:i,pseudoMeters:!!r._pseudoMeters,viewportSize:u,devicePixelRatio:e,focalDistance:d,commonUnitsPerMeter:f.unitsPerMeter,commonUnitsPerWorldUnit:f.unitsPerMeter,commonUnitsPerWorldUnit2:WB,scale:r.scale,wrapLongitude:!1,viewProjectionMatrix:o,modelMatrix:Lw,cameraPosition:a};if(l){let g=r.getDistanceScales(l);switch(t){case"meter-offsets":p.commonUnitsPerWorldUnit=g.unitsPerMeter,p.commonUnitsPerWorldUnit2=g.unitsPerMeter2;break;case"lnglat":case"lnglat-offsets":r._pseudoMeters||(p.commonUnitsPerMeter=g.unitsPerMeter),p.commonUnitsPerWorldUnit=g.unitsPerDegree,p.commonUnitsPerWorldUnit2=g.unitsPerDegree2;break;case"cartesian":p.commonUnitsPerWorldUnit=[1,1,g.unitsPerMeter[2]],p.commonUnitsPerWorldUnit2=[0,0,g.unitsPerMeter2[2]];break;default:break}}if(r.projectionMode===ge.GLOBE&&t==="meter-offsets"){let y=n[0]*Math.PI/180,x=n[1]*Math.PI/180,v=Math.cos(x),_=((n[2]||0)/6370972+1)*256;p.commonOrigin=[Math.sin(y)*v*_,-Math.cos(y)*v*_,Math.sin(x)*_]}return p}var ZB=["default","lnglat","meter-offsets","lnglat-offsets","cartesian"],XB=ZB.map(r=>`const COORDINATE_SYSTEM_${r.toUpperCase().replaceAll("-","_")}: i32 = ${Wn(r)};`).join(""),KB=Object.keys(ge).map(r=>`const PROJECTION_MODE_${r}: i32 = ${ge[r]};`).join(""),QB=Object.keys(Ie).map(r=>`const UNIT_${r.toUpperCase()}: i32 = ${Ie[r]};`).join(""),JB=`${XB}
${KB}
${QB}

const TILE_SIZE: f32 = 512.0;
const PI: f32 = 3.1415926536;
const WORLD_SCALE: f32 = TILE_SIZE / (PI * 2.0);
const ZERO_64_LOW: vec3<f32> = vec3<f32>(0.0, 0.0, 0.0);
const EARTH_RADIUS: f32 = 6370972.0; // meters
const GLOBE_RADIUS: f32 = 256.0;

// -----------------------------------------------------------------------------
// Uniform block (converted from GLSL uniform block)
// -----------------------------------------------------------------------------
struct ProjectUniforms {
  wrapLongitude: i32,
  coordinateSystem: i32,
  commonUnitsPerMeter: vec3<f32>,
  projectionMode: i32,
  scale: f32,
  commonUnitsPerWorldUnit: vec3<f32>,
  commonUnitsPerWorldUnit2: vec3<f32>,
  center: vec4<f32>,
  modelMatrix: mat4x4<f32>,
  viewProjectionMatrix: mat4x4<f32>,
  viewportSize: vec2<f32>,
  devicePixelRatio: f32,
  focalDistance: f32,
  cameraPosition: vec3<f32>,
  coordinateOrigin: vec3<f32>,
  commonOrigin: vec3<f32>,
  pseudoMeters: i32,
};

@group(0) @binding(auto)
var<uniform> project: ProjectUniforms;

// -----------------------------------------------------------------------------
// Geometry data shared across the project helpers.
// The active layer shader is responsible for populating this private module
// state before calling the project functions below.
// -----------------------------------------------------------------------------

// Structure to carry additional geometry data used by deck.gl filters.
struct Geometry {
  worldPosition: vec3<f32>,
  worldPositionAlt: vec3<f32>,
  position: vec4<f32>,
  normal: vec3<f32>,
  uv: vec2<f32>,
  pickingColor: vec3<f32>,
};

var<private> geometry: Geometry;
`,Mw=`${JB}

// -----------------------------------------------------------------------------
// Functions
// -----------------------------------------------------------------------------

// Returns an adjustment factor for commonUnitsPerMeter
fn _project_size_at_latitude(lat: f32) -> f32 {
  let y = clamp(lat, -89.9, 89.9);
  return 1.0 / cos(radians(y));
}

// Overloaded version: scales a value in meters at a given latitude.
fn _project_size_at_latitude_m(meters: f32, lat: f32) -> f32 {
  return meters * project.commonUnitsPerMeter.z * _project_size_at_latitude(lat);
}

// Computes a non-linear scale factor based on geometry.
// (Note: This function relies on "geometry" being provided.)
fn project_size() -> f32 {
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR &&
      project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT &&
      project.pseudoMeters == 0) {
    if (geometry.position.w == 0.0) {
      return _project_size_at_latitude(geometry.worldPosition.y);
    }
    let y: f32 = geometry.position.y / TILE_SIZE * 2.0 - 1.0;
    let y2 = y * y;
    let y4 = y2 * y2;
    let y6 = y4 * y2;
    return 1.0 + 4.9348 * y2 + 4.0587 * y4 + 1.5642 * y6;
  }
  return 1.0;
}

// Overloads to scale offsets (meters to world units)
fn project_size_float(meters: f32) -> f32 {
  return meters * project.commonUnitsPerMeter.z * project_size();
}

fn project_size_vec2(meters: vec2<f32>) -> vec2<f32> {
  return meters * project.commonUnitsPerMeter.xy * project_size();
}

fn project_size_vec3(meters: vec3<f32>) -> vec3<f32> {
  return meters * project.commonUnitsPerMeter * project_size();
}

fn project_size_vec4(meters: vec4<f32>) -> vec4<f32> {
  return vec4<f32>(meters.xyz * project.commonUnitsPerMeter, meters.w);
}

// Returns a rotation matrix aligning the z\u2011axis with the given up vector.
fn project_get_orientation_matrix(up: vec3<f32>) -> mat3x3<f32> {
  let uz = normalize(up);
  let ux = select(
    vec3<f32>(1.0, 0.0, 0.0),
    normalize(vec3<f32>(uz.y, -uz.x, 0.0)),
    abs(uz.z) == 1.0
  );
  let uy = cross(uz, ux);
  return mat3x3<f32>(ux, uy, uz);
}

// Since WGSL does not support "out" parameters, we return a struct.
struct RotationResult {
  needsRotation: bool,
  transform: mat3x3<f32>,
};

fn project_needs_rotation(commonPosition: vec3<f32>) -> RotationResult {
  if (project.projectionMode == PROJECTION_MODE_GLOBE) {
    return RotationResult(true, project_get_orientation_matrix(commonPosition));
  } else {
    return RotationResult(false, mat3x3<f32>());  // identity alternative if needed
  };
}

// Projects a normal vector from the current coordinate system to world space.
fn project_normal(vector: vec3<f32>) -> vec3<f32> {
  let normal_modelspace = project.modelMatrix * vec4<f32>(vector, 0.0);
  var n = normalize(normal_modelspace.xyz * project.commonUnitsPerMeter);
  let rotResult = project_needs_rotation(geometry.position.xyz);
  if (rotResult.needsRotation) {
    n = rotResult.transform * n;
  }
  return n;
}

// Applies a scale offset based on y-offset (dy)
fn project_offset_(offset: vec4<f32>) -> vec4<f32> {
  let dy: f32 = offset.y;
  let commonUnitsPerWorldUnit = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * dy;
  return vec4<f32>(offset.xyz * commonUnitsPerWorldUnit, offset.w);
}

// Projects lng/lat coordinates to a unit tile [0,1]
fn project_mercator_(lnglat: vec2<f32>) -> vec2<f32> {
  var x = lnglat.x;
  if (project.wrapLongitude != 0) {
    x = ((x + 180.0) % 360.0) - 180.0;
  }
  let y = clamp(lnglat.y, -89.9, 89.9);
  return vec2<f32>(
    radians(x) + PI,
    PI + log(tan_fp32(PI * 0.25 + radians(y) * 0.5))
  ) * WORLD_SCALE;
}

// Projects lng/lat/z coordinates for a globe projection.
fn project_globe_(lnglatz: vec3<f32>) -> vec3<f32> {
  let lambda = radians(lnglatz.x);
  let phi = radians(lnglatz.y);
  let cosPhi = cos(phi);
  let D = (lnglatz.z / EARTH_RADIUS + 1.0) * GLOBE_RADIUS;
  return vec3<f32>(
    sin(lambda) * cosPhi,
    -cos(lambda) * cosPhi,
    sin(phi)
  ) * D;
}

// Projects positions (with an optional 64-bit low part) from the input
// coordinate system to the common space.
fn project_position_vec4_f64(position: vec4<f32>, position64Low: vec3<f32>) -> vec4<f32> {
  var position_world = project.modelMatrix * position;

  // Work around for a Mac+NVIDIA bug:
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      return vec4<f32>(
        project_mercator_(position_world.xy),
        _project_size_at_latitude_m(position_world.z, position_world.y),
        position_world.w
      );
    }
    if (project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN) {
      position_world = vec4f(position_world.xyz + project.coordinateOrigin, position_world.w);
    }
  }
  if (project.projectionMode == PROJECTION_MODE_GLOBE) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      return vec4<f32>(
        project_globe_(position_world.xyz),
        position_world.w
      );
    }
    if (project.coordinateSystem == COORDINATE_SYSTEM_METER_OFFSETS) {
      let enuMatrix = project_get_orientation_matrix(project.commonOrigin);
      let metersToCommon = GLOBE_RADIUS / EARTH_RADIUS;
      let offsetCommon = (enuMatrix * vec3<f32>(-position_world.x, -position_world.y, position_world.z)) * metersToCommon;
      return vec4<f32>(project.commonOrigin + offsetCommon, position_world.w);
    }
  }
  if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET) {
    if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
      if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {
        return vec4<f32>(
          project_mercator_(position_world.xy) - project.commonOrigin.xy,
          project_size_float(position_world.z),
          position_world.w
        );
      }
    }
  }
  if (project.projectionMode == PROJECTION_MODE_IDENTITY ||
      (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET &&
       (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
        project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN))) {
    position_world = vec4f(position_world.xyz - project.coordinateOrigin, position_world.w);
  }

  return project_offset_(position_world) +
         project_offset_(project.modelMatrix * vec4<f32>(position64Low, 0.0));
}

// Overloaded versions for different input types.
fn project_position_vec4_f32(position: vec4<f32>) -> vec4<f32> {
  return project_position_vec4_f64(position, ZERO_64_LOW);
}

fn project_position_vec3_f64(position: vec3<f32>, position64Low: vec3<f32>) -> vec3<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 1.0), position64Low);
  return projected_position.xyz;
}

fn project_position_vec3_f32(position: vec3<f32>) -> vec3<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 1.0), ZERO_64_LOW);
  return projected_position.xyz;
}

fn project_position_vec2_f32(position: vec2<f32>) -> vec2<f32> {
  let projected_position = project_position_vec4_f64(vec4<f32>(position, 0.0, 1.0), ZERO_64_LOW);
  return projected_position.xy;
}

// Transforms a common space position to clip space.
fn project_common_position_to_clipspace_with_projection(position: vec4<f32>, viewProjectionMatrix: mat4x4<f32>, center: vec4<f32>) -> vec4<f32> {
  var clipPosition = viewProjectionMatrix * position + center;
  // deck.gl projection matrices use WebGL's [-w, w] depth range; WebGPU clips z to [0, w].
  clipPosition.z = (clipPosition.z + clipPosition.w) * 0.5;
  return clipPosition;
}

// Uses the project viewProjectionMatrix and center.
fn project_common_position_to_clipspace(position: vec4<f32>) -> vec4<f32> {
  return project_common_position_to_clipspace_with_projection(position, project.viewProjectionMatrix, project.center);
}

// Returns a clip space offset corresponding to a given number of screen pixels.
fn project_pixel_size_to_clipspace(pixels: vec2<f32>) -> vec2<f32> {
  let offset = pixels / project.viewportSize * project.devicePixelRatio * 2.0;
  return offset * project.focalDistance;
}

fn project_meter_size_to_pixel(meters: f32) -> f32 {
  return project_size_float(meters) * project.scale;
}

fn project_unit_size_to_pixel(size: f32, unit: i32) -> f32 {
  if (unit == UNIT_METERS) {
    return project_meter_size_to_pixel(size);
  } else if (unit == UNIT_COMMON) {
    return size * project.scale;
  }
  // UNIT_PIXELS: no scaling applied.
  return size;
}

fn project_pixel_size_float(pixels: f32) -> f32 {
  return pixels / project.scale;
}

fn project_pixel_size_vec2(pixels: vec2<f32>) -> vec2<f32> {
  return pixels / project.scale;
}
`;var eD=["default","lnglat","meter-offsets","lnglat-offsets","cartesian"],tD=eD.map(r=>`const int COORDINATE_SYSTEM_${r.toUpperCase().replaceAll("-","_")} = ${Wn(r)};`).join(""),rD=Object.keys(ge).map(r=>`const int PROJECTION_MODE_${r} = ${ge[r]};`).join(""),nD=Object.keys(Ie).map(r=>`const int UNIT_${r.toUpperCase()} = ${Ie[r]};`).join(""),Iw=`${tD}
${rD}
${nD}
layout(std140) uniform projectUniforms {
bool wrapLongitude;
int coordinateSystem;
vec3 commonUnitsPerMeter;
int projectionMode;
float scale;
vec3 commonUnitsPerWorldUnit;
vec3 commonUnitsPerWorldUnit2;
vec4 center;
mat4 modelMatrix;
mat4 viewProjectionMatrix;
vec2 viewportSize;
float devicePixelRatio;
float focalDistance;
vec3 cameraPosition;
vec3 coordinateOrigin;
vec3 commonOrigin;
bool pseudoMeters;
} project;
const float TILE_SIZE = 512.0;
const float PI = 3.1415926536;
const float WORLD_SCALE = TILE_SIZE / (PI * 2.0);
const vec3 ZERO_64_LOW = vec3(0.0);
const float EARTH_RADIUS = 6370972.0;
const float GLOBE_RADIUS = 256.0;
float project_size_at_latitude(float lat) {
float y = clamp(lat, -89.9, 89.9);
return 1.0 / cos(radians(y));
}
float project_size() {
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR &&
project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT &&
project.pseudoMeters == false) {
if (geometry.position.w == 0.0) {
return project_size_at_latitude(geometry.worldPosition.y);
}
float y = geometry.position.y / TILE_SIZE * 2.0 - 1.0;
float y2 = y * y;
float y4 = y2 * y2;
float y6 = y4 * y2;
return 1.0 + 4.9348 * y2 + 4.0587 * y4 + 1.5642 * y6;
}
return 1.0;
}
float project_size_at_latitude(float meters, float lat) {
return meters * project.commonUnitsPerMeter.z * project_size_at_latitude(lat);
}
float project_size(float meters) {
return meters * project.commonUnitsPerMeter.z * project_size();
}
vec2 project_size(vec2 meters) {
return meters * project.commonUnitsPerMeter.xy * project_size();
}
vec3 project_size(vec3 meters) {
return meters * project.commonUnitsPerMeter * project_size();
}
vec4 project_size(vec4 meters) {
return vec4(meters.xyz * project.commonUnitsPerMeter, meters.w);
}
mat3 project_get_orientation_matrix(vec3 up) {
vec3 uz = normalize(up);
vec3 ux = abs(uz.z) == 1.0 ? vec3(1.0, 0.0, 0.0) : normalize(vec3(uz.y, -uz.x, 0));
vec3 uy = cross(uz, ux);
return mat3(ux, uy, uz);
}
bool project_needs_rotation(vec3 commonPosition, out mat3 transform) {
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
transform = project_get_orientation_matrix(commonPosition);
return true;
}
return false;
}
vec3 project_normal(vec3 vector) {
vec4 normal_modelspace = project.modelMatrix * vec4(vector, 0.0);
vec3 n = normalize(normal_modelspace.xyz * project.commonUnitsPerMeter);
mat3 rotation;
if (project_needs_rotation(geometry.position.xyz, rotation)) {
n = rotation * n;
}
return n;
}
vec4 project_offset_(vec4 offset) {
float dy = offset.y;
vec3 commonUnitsPerWorldUnit = project.commonUnitsPerWorldUnit + project.commonUnitsPerWorldUnit2 * dy;
return vec4(offset.xyz * commonUnitsPerWorldUnit, offset.w);
}
vec2 project_mercator_(vec2 lnglat) {
float x = lnglat.x;
if (project.wrapLongitude) {
x = mod(x + 180., 360.0) - 180.;
}
float y = clamp(lnglat.y, -89.9, 89.9);
return vec2(
radians(x) + PI,
PI + log(tan_fp32(PI * 0.25 + radians(y) * 0.5))
) * WORLD_SCALE;
}
vec3 project_globe_(vec3 lnglatz) {
float lambda = radians(lnglatz.x);
float phi = radians(lnglatz.y);
float cosPhi = cos(phi);
float D = (lnglatz.z / EARTH_RADIUS + 1.0) * GLOBE_RADIUS;
return vec3(
sin(lambda) * cosPhi,
-cos(lambda) * cosPhi,
sin(phi)
) * D;
}
vec4 project_position(vec4 position, vec3 position64Low) {
vec4 position_world = project.modelMatrix * position;
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
return vec4(
project_mercator_(position_world.xy),
project_size_at_latitude(position_world.z, position_world.y),
position_world.w
);
}
if (project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN) {
position_world.xyz += project.coordinateOrigin;
}
}
if (project.projectionMode == PROJECTION_MODE_GLOBE) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
return vec4(
project_globe_(position_world.xyz),
position_world.w
);
}
if (project.coordinateSystem == COORDINATE_SYSTEM_METER_OFFSETS) {
mat3 enuMatrix = project_get_orientation_matrix(project.commonOrigin);
float metersToCommon = GLOBE_RADIUS / EARTH_RADIUS;
vec3 offsetCommon = (enuMatrix * vec3(-position_world.xy, position_world.z)) * metersToCommon;
return vec4(project.commonOrigin + offsetCommon, position_world.w);
}
}
if (project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT) {
if (abs(position_world.y - project.coordinateOrigin.y) > 0.25) {
return vec4(
project_mercator_(position_world.xy) - project.commonOrigin.xy,
project_size(position_world.z),
position_world.w
);
}
}
}
if (project.projectionMode == PROJECTION_MODE_IDENTITY ||
(project.projectionMode == PROJECTION_MODE_WEB_MERCATOR_AUTO_OFFSET &&
(project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
project.coordinateSystem == COORDINATE_SYSTEM_CARTESIAN))) {
position_world.xyz -= project.coordinateOrigin;
}
return project_offset_(position_world) + project_offset_(project.modelMatrix * vec4(position64Low, 0.0));
}
vec4 project_position(vec4 position) {
return project_position(position, ZERO_64_LOW);
}
vec3 project_position(vec3 position, vec3 position64Low) {
vec4 projected_position = project_position(vec4(position, 1.0), position64Low);
return projected_position.xyz;
}
vec3 project_position(vec3 position) {
vec4 projected_position = project_position(vec4(position, 1.0), ZERO_64_LOW);
return projected_position.xyz;
}
vec2 project_position(vec2 position) {
vec4 projected_position = project_position(vec4(position, 0.0, 1.0), ZERO_64_LOW);
return projected_position.xy;
}
vec4 project_common_position_to_clipspace(vec4 position, mat4 viewProjectionMatrix, vec4 center) {
return viewProjectionMatrix * position + center;
}
vec4 project_common_position_to_clipspace(vec4 position) {
return project_common_position_to_clipspace(position, project.viewProjectionMatrix, project.center);
}
vec2 project_pixel_size_to_clipspace(vec2 pixels) {
vec2 offset = pixels / project.viewportSize * project.devicePixelRatio * 2.0;
return offset * project.focalDistance;
}
float project_size_to_pixel(float meters) {
return project_size(meters) * project.scale;
}
vec2 project_size_to_pixel(vec2 meters) {
return project_size(meters) * project.scale;
}
float project_size_to_pixel(float size, int unit) {
if (unit == UNIT_METERS) return project_size_to_pixel(size);
if (unit == UNIT_COMMON) return size * project.scale;
return size;
}
float project_pixel_size(float pixels) {
return pixels / project.scale;
}
vec2 project_pixel_size(vec2 pixels) {
return pixels / project.scale;
}
`;var iD={};function oD(r=iD){return"viewport"in r?Cw(r):{}}var _r={name:"project",dependencies:[Fn,Kl],source:Mw,vs:Iw,getUniforms:oD,uniformTypes:{wrapLongitude:"f32",coordinateSystem:"i32",commonUnitsPerMeter:"vec3<f32>",projectionMode:"i32",scale:"f32",commonUnitsPerWorldUnit:"vec3<f32>",commonUnitsPerWorldUnit2:"vec3<f32>",center:"vec4<f32>",modelMatrix:"mat4x4<f32>",viewProjectionMatrix:"mat4x4<f32>",viewportSize:"vec2<f32>",devicePixelRatio:"f32",focalDistance:"f32",cameraPosition:"vec3<f32>",coordinateOrigin:"vec3<f32>",commonOrigin:"vec3<f32>",pseudoMeters:"f32"}};var sD=`// Define a structure to hold both the clip-space position and the common position.
struct ProjectResult {
  clipPosition: vec4<f32>,
  commonPosition: vec4<f32>,
};

// This function mimics the GLSL version with the 'out' parameter by returning both values.
fn project_position_to_clipspace_and_commonspace(
    position: vec3<f32>,
    position64Low: vec3<f32>,
    offset: vec3<f32>
) -> ProjectResult {
  // Compute the projected position.
  let projectedPosition: vec3<f32> = project_position_vec3_f64(position, position64Low);

  // Start with the provided offset.
  var finalOffset: vec3<f32> = offset;

  // Get whether a rotation is needed and the rotation matrix.
  let rotationResult = project_needs_rotation(projectedPosition);

  // If rotation is needed, update the offset.
  if (rotationResult.needsRotation) {
    finalOffset = rotationResult.transform * offset;
  }

  // Compute the common position.
  let commonPosition: vec4<f32> = vec4<f32>(projectedPosition + finalOffset, 1.0);

  // Convert to clip-space.
  let clipPosition: vec4<f32> = project_common_position_to_clipspace(commonPosition);

  return ProjectResult(clipPosition, commonPosition);
}

// A convenience overload that returns only the clip-space position.
fn project_position_to_clipspace(
    position: vec3<f32>,
    position64Low: vec3<f32>,
    offset: vec3<f32>
) -> vec4<f32> {
  return project_position_to_clipspace_and_commonspace(position, position64Low, offset).clipPosition;
}
`,aD=`vec4 project_position_to_clipspace(
  vec3 position, vec3 position64Low, vec3 offset, out vec4 commonPosition
) {
  vec3 projectedPosition = project_position(position, position64Low);
  mat3 rotation;
  if (project_needs_rotation(projectedPosition, rotation)) {
    // offset is specified as ENU
    // when in globe projection, rotate offset so that the ground alighs with the surface of the globe
    offset = rotation * offset;
  }
  commonPosition = vec4(projectedPosition + offset, 1.0);
  return project_common_position_to_clipspace(commonPosition);
}

vec4 project_position_to_clipspace(
  vec3 position, vec3 position64Low, vec3 offset
) {
  vec4 commonPosition;
  return project_position_to_clipspace(position, position64Low, offset, commonPosition);
}
`,mt={name:"project32",dependencies:[_r],source:sD,vs:aD};be();be();function Ig(){return[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}function Zr(r,e){let t=je.transformMat4([],e,r);return je.scale(t,t,1/t[3]),t}function Os(r,e,t){return r<e?e:r>t?t:r}function cD(r){return Math.log(r)*Math.LOG2E}var Bs=Math.log2||cD;be();function At(r,e){if(!r)throw new Error(e||"@math.gl/web-mercator: assertion failed.")}var Ct=Math.PI,Rw=Ct/4,yt=Ct/180,Rg=180/Ct,Gi=512,lf=4003e4,Ye=85.051129,Ow=1.5;function Og(r){return Bs(r)}function _t(r){let[e,t]=r;At(Number.isFinite(e)),At(Number.isFinite(t)&&t>=-90&&t<=90,"invalid latitude");let n=e*yt,i=t*yt,o=Gi*(n+Ct)/(2*Ct),s=Gi*(Ct+Math.log(Math.tan(Rw+i*.5)))/(2*Ct);return[o,s]}function nt(r){let[e,t]=r,n=e/Gi*(2*Ct)-Ct,i=2*(Math.atan(Math.exp(t/Gi*(2*Ct)-Ct))-Rw);return[n*Rg,i*Rg]}function Bg(r){let{latitude:e}=r;At(Number.isFinite(e));let t=Math.cos(e*yt);return Og(lf*t)-9}function Ds(r){let e=Math.cos(r*yt);return Gi/lf/e}function $i(r){let{latitude:e,longitude:t,highPrecision:n=!1}=r;At(Number.isFinite(e)&&Number.isFinite(t));let i=Gi,o=Math.cos(e*yt),s=i/360,a=s/o,c=i/lf/o,l={unitsPerMeter:[c,c,c],metersPerUnit:[1/c,1/c,1/c],unitsPerDegree:[s,a,c],degreesPerUnit:[1/s,1/a,1/c]};if(n){let f=yt*Math.tan(e*yt)/o,u=s*f/2,d=i/lf*f,p=d/a*c;l.unitsPerDegree2=[0,u,d],l.unitsPerMeter2=[p,0,p]}return l}function ks(r,e){let[t,n,i]=r,[o,s,a]=e,{unitsPerMeter:c,unitsPerMeter2:l}=$i({longitude:t,latitude:n,highPrecision:!0}),f=_t(r);f[0]+=o*(c[0]+l[0]*s),f[1]+=s*(c[1]+l[1]*s);let u=nt(f),d=(i||0)+(a||0);return Number.isFinite(i)||Number.isFinite(a)?[u[0],u[1],d]:u}function ff(r){let{height:e,pitch:t,bearing:n,altitude:i,scale:o,center:s}=r,a=Ig();_e.translate(a,a,[0,0,-i]),_e.rotateX(a,a,-t*yt),_e.rotateZ(a,a,n*yt);let c=o/e;return _e.scale(a,a,[c,c,c]),s&&_e.translate(a,a,Q.negate([],s)),a}function Dg(r){let{width:e,height:t,altitude:n,pitch:i=0,offset:o,center:s,scale:a,nearZMultiplier:c=1,farZMultiplier:l=1}=r,{fovy:f=xr(Ow)}=r;n!==void 0&&(f=xr(n));let u=f*yt,d=i*yt,p=jn(f),g=p;s&&(g+=s[2]*a/Math.cos(d)/t);let m=u*(.5+(o?o[1]:0)/t),y=Math.sin(m)*g/Math.sin(Os(Math.PI/2-d-m,.01,Math.PI-.01)),x=Math.sin(d)*y+g,v=g*10,_=Math.min(x*l,v);return{fov:u,aspect:e/t,focalDistance:p,near:c,far:_}}function xr(r){return 2*Math.atan(.5/r)*Rg}function jn(r){return .5/Math.tan(.5*r*yt)}function Xr(r,e){let[t,n,i=0]=r;return At(Number.isFinite(t)&&Number.isFinite(n)&&Number.isFinite(i)),Zr(e,[t,n,i,1])}function Kr(r,e,t=0){let[n,i,o]=r;if(At(Number.isFinite(n)&&Number.isFinite(i),"invalid pixel coordinate"),Number.isFinite(o))return Zr(e,[n,i,o,1]);let s=Zr(e,[n,i,0,1]),a=Zr(e,[n,i,1,1]),c=s[2],l=a[2],f=c===l?0:((t||0)-c)/(l-c);return Tt.lerp([],s,a,f)}function uf(r){let{width:e,height:t,bounds:n,minExtent:i=0,maxZoom:o=24,offset:s=[0,0]}=r,[[a,c],[l,f]]=n,u=lD(r.padding),d=_t([a,Os(f,-Ye,Ye)]),p=_t([l,Os(c,-Ye,Ye)]),g=[Math.max(Math.abs(p[0]-d[0]),i),Math.max(Math.abs(p[1]-d[1]),i)],m=[e-u.left-u.right-Math.abs(s[0])*2,t-u.top-u.bottom-Math.abs(s[1])*2];At(m[0]>0&&m[1]>0);let y=m[0]/g[0],x=m[1]/g[1],v=(u.right-u.left)/2/y,_=(u.top-u.bottom)/2/x,w=[(p[0]+d[0])/2+v,(p[1]+d[1])/2+_],E=nt(w),P=Math.min(o,Bs(Math.abs(Math.min(y,x))));return At(Number.isFinite(P)),{longitude:E[0],latitude:E[1],zoom:P}}function lD(r=0){return typeof r=="number"?{top:r,bottom:r,left:r,right:r}:(At(Number.isFinite(r.top)&&Number.isFinite(r.bottom)&&Number.isFinite(r.left)&&Number.isFinite(r.right)),r)}be();var Bw=Math.PI/180;function df(r,e=0){let{width:t,height:n,unproject:i}=r,o={targetZ:e},s=i([0,n],o),a=i([t,n],o),c,l,f=r.fovy?.5*r.fovy*Bw:Math.atan(.5/r.altitude),u=(90-r.pitch)*Bw;return f>u-.01?(c=Dw(r,0,e),l=Dw(r,t,e)):(c=i([0,0],o),l=i([t,0],o)),[s,a,l,c]}function Dw(r,e,t){let{pixelUnprojectionMatrix:n}=r,i=Zr(n,[e,0,1,1]),o=Zr(n,[e,r.height,1,1]),a=(t*r.distanceScales.unitsPerMeter[2]-i[2])/(o[2]-i[2]),c=Tt.lerp([],i,o,a),l=nt(c);return l.push(t),l}var Nw=`
layout(std140) uniform shadowUniforms {
  bool drawShadowMap;
  bool useShadowMap;
  vec4 color;
  highp int lightId;
  float lightCount;
  mat4 viewProjectionMatrix0;
  mat4 viewProjectionMatrix1;
  vec4 projectCenter0;
  vec4 projectCenter1;
} shadow;
`,dD=`
const int max_lights = 2;

out vec3 shadow_vPosition[max_lights];

vec4 shadow_setVertexPosition(vec4 position_commonspace) {
  mat4 viewProjectionMatrices[max_lights];
  viewProjectionMatrices[0] = shadow.viewProjectionMatrix0;
  viewProjectionMatrices[1] = shadow.viewProjectionMatrix1;
  vec4 projectCenters[max_lights];
  projectCenters[0] = shadow.projectCenter0;
  projectCenters[1] = shadow.projectCenter1;

  if (shadow.drawShadowMap) {
    return project_common_position_to_clipspace(position_commonspace, viewProjectionMatrices[shadow.lightId], projectCenters[shadow.lightId]);
  }
  if (shadow.useShadowMap) {
    for (int i = 0; i < max_lights; i++) {
      if(i < int(shadow.lightCount)) {
        vec4 shadowMap_position = project_common_position_to_clipspace(position_commonspace, viewProjectionMatrices[i], projectCenters[i]);
        shadow_vPosition[i] = (shadowMap_position.xyz / shadowMap_position.w + 1.0) / 2.0;
      }
    }
  }
  return gl_Position;
}
`,hD=`
${Nw}
${dD}
`,pD=`
const int max_lights = 2;
uniform sampler2D shadow_uShadowMap0;
uniform sampler2D shadow_uShadowMap1;

in vec3 shadow_vPosition[max_lights];

const vec4 bitPackShift = vec4(1.0, 255.0, 65025.0, 16581375.0);
const vec4 bitUnpackShift = 1.0 / bitPackShift;
const vec4 bitMask = vec4(1.0 / 255.0, 1.0 / 255.0, 1.0 / 255.0,  0.0);

float shadow_getShadowWeight(vec3 position, sampler2D shadowMap) {
  vec4 rgbaDepth = texture(shadowMap, position.xy);

  float z = dot(rgbaDepth, bitUnpackShift);
  return smoothstep(0.001, 0.01, position.z - z);
}

vec4 shadow_filterShadowColor(vec4 color) {
  if (shadow.drawShadowMap) {
    vec4 rgbaDepth = fract(gl_FragCoord.z * bitPackShift);
    rgbaDepth -= rgbaDepth.gbaa * bitMask;
    return rgbaDepth;
  }
  if (shadow.useShadowMap) {
    float shadowAlpha = 0.0;
    shadowAlpha += shadow_getShadowWeight(shadow_vPosition[0], shadow_uShadowMap0);
    if(shadow.lightCount > 1.0) {
      shadowAlpha += shadow_getShadowWeight(shadow_vPosition[1], shadow_uShadowMap1);
    }
    shadowAlpha *= shadow.color.a / shadow.lightCount;
    float blendedAlpha = shadowAlpha + color.a * (1.0 - shadowAlpha);

    return vec4(
      mix(color.rgb, shadow.color.rgb, shadowAlpha / blendedAlpha),
      blendedAlpha
    );
  }
  return color;
}
`,gD=`
${Nw}
${pD}
`,mD=er(vD),yD=er(wD),_D=[0,0,0,1],xD=[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,0];function bD(r,e){let[t,n,i]=r,o=Kr([t,n,i],e);return Number.isFinite(i)?o:[o[0],o[1],0]}function vD({viewport:r,center:e}){return new xe(r.viewProjectionMatrix).invert().transform(e)}function wD({viewport:r,shadowMatrices:e}){let t=[],n=r.pixelUnprojectionMatrix,i=r.isGeospatial?void 0:1,o=[[0,0,i],[r.width,0,i],[0,r.height,i],[r.width,r.height,i],[0,0,-1],[r.width,0,-1],[0,r.height,-1],[r.width,r.height,-1]].map(s=>bD(s,n));for(let s of e){let a=s.clone().translate(new Me(r.center).negate()),c=o.map(f=>a.transform(f)),l=new xe().ortho({left:Math.min(...c.map(f=>f[0])),right:Math.max(...c.map(f=>f[0])),bottom:Math.min(...c.map(f=>f[1])),top:Math.max(...c.map(f=>f[1])),near:Math.min(...c.map(f=>-f[2])),far:Math.max(...c.map(f=>-f[2]))});t.push(l.multiplyRight(s))}return t}function ED(r){let{shadowEnabled:e=!0,project:t}=r;if(!e||!t||!r.shadowMatrices||!r.shadowMatrices.length)return{drawShadowMap:!1,useShadowMap:!1,shadow_uShadowMap0:r.dummyShadowMap,shadow_uShadowMap1:r.dummyShadowMap};let n=_r.getUniforms(t),i=mD({viewport:t.viewport,center:n.center}),o=[],s=yD({shadowMatrices:r.shadowMatrices,viewport:t.viewport}).slice();for(let c=0;c<r.shadowMatrices.length;c++){let l=s[c],f=l.clone().translate(new Me(t.viewport.center).negate());n.coordinateSystem===Wn("lnglat")&&n.projectionMode===ge.WEB_MERCATOR?(s[c]=f,o[c]=i):(s[c]=l.clone().multiplyRight(xD),o[c]=f.transform(i))}let a={drawShadowMap:!!r.drawToShadowMap,useShadowMap:r.shadowMaps?r.shadowMaps.length>0:!1,color:r.shadowColor||_D,lightId:r.shadowLightId||0,lightCount:r.shadowMatrices.length,shadow_uShadowMap0:r.dummyShadowMap,shadow_uShadowMap1:r.dummyShadowMap};for(let c=0;c<s.length;c++)a[`viewProjectionMatrix${c}`]=s[c],a[`projectCenter${c}`]=o[c];for(let c=0;c<2;c++)a[`shadow_uShadowMap${c}`]=r.shadowMaps&&r.shadowMaps[c]||r.dummyShadowMap;return a}var hf={name:"shadow",dependencies:[_r],vs:hD,fs:gD,inject:{"vs:DECKGL_FILTER_GL_POSITION":`
    position = shadow_setVertexPosition(geometry.position);
    `,"fs:DECKGL_FILTER_COLOR":`
    color = shadow_filterShadowColor(color);
    `},getUniforms:ED,uniformTypes:{drawShadowMap:"f32",useShadowMap:"f32",color:"vec4<f32>",lightId:"i32",lightCount:"f32",viewProjectionMatrix0:"mat4x4<f32>",viewProjectionMatrix1:"mat4x4<f32>",projectCenter0:"vec4<f32>",projectCenter1:"vec4<f32>"}};He();var pf=10,Ns=16777215;function zw(r,e){r.length===pf?N.warn(`pickMultipleObjects can only exclude ${pf} previously picked objects for layers without picking buffers`)():r.push(e)}var PD=`  float disabledPickingIndexCount;
  vec4 disabledPickingIndices0;
  vec4 disabledPickingIndices1;
  vec4 disabledPickingIndices2;
`;function Fw(r){return r.replace(`  vec4 highlightColor;
} picking;`,`  vec4 highlightColor;
${PD}} picking;`)}function kg(r,e){return[r[e]||0,r[e+1]||0,r[e+2]||0,r[e+3]||0]}var SD=`vec3 picking_getPickingColorFromIndex(float objectIndex) {
  if (objectIndex < 0.0 || objectIndex >= ${Ns}.0) {
    return vec3(0.0);
  }

  for (int i = 0; i < ${pf}; i++) {
    if (float(i) >= picking.disabledPickingIndexCount) {
      break;
    }
    vec4 disabledIndices = i < 4
      ? picking.disabledPickingIndices0
      : (i < 8 ? picking.disabledPickingIndices1 : picking.disabledPickingIndices2);
    float disabledIndex = disabledIndices[i - (i / 4) * 4];
    if (disabledIndex == objectIndex) {
      return vec3(0.0);
    }
  }

  float encodedIndex = objectIndex + 1.0;
  return vec3(
    mod(encodedIndex, 256.0),
    mod(floor(encodedIndex / 256.0), 256.0),
    mod(floor(encodedIndex / 65536.0), 256.0)
  );
}

vec3 picking_getPickingColorFromIndex(uint objectIndex) {
  return picking_getPickingColorFromIndex(float(objectIndex));
}

vec3 picking_getPickingColorFromInstanceID() {
  return picking_getPickingColorFromIndex(float(gl_InstanceID));
}

void picking_setPickingColorFromInstanceID() {
  picking_setPickingColor(picking_getPickingColorFromInstanceID());
}
`,TD=`struct pickingUniforms {
  isActive: f32,
  isAttribute: f32,
  isHighlightActive: f32,
  useByteColors: f32,
  highlightedObjectColor: vec3<f32>,
  highlightColor: vec4<f32>,
  disabledPickingIndexCount: f32,
  disabledPickingIndices0: vec4<f32>,
  disabledPickingIndices1: vec4<f32>,
  disabledPickingIndices2: vec4<f32>,
};

@group(0) @binding(auto) var<uniform> picking: pickingUniforms;

fn picking_normalizeColor(color: vec3<f32>) -> vec3<f32> {
  return select(color, color / 255.0, picking.useByteColors > 0.5);
}

fn picking_normalizeColor4(color: vec4<f32>) -> vec4<f32> {
  return select(color, color / 255.0, picking.useByteColors > 0.5);
}

fn picking_isColorZero(color: vec3<f32>) -> bool {
  return dot(color, vec3<f32>(1.0)) < 0.00001;
}

fn picking_isColorValid(color: vec3<f32>) -> bool {
  return dot(color, vec3<f32>(1.0)) > 0.00001;
}

fn picking_getPickingColorFromIndex(objectIndex: u32) -> vec3<f32> {
  if (objectIndex >= ${Ns}u) {
    return vec3<f32>(0.0);
  }

  for (var i = 0; i < ${pf}; i = i + 1) {
    if (f32(i) >= picking.disabledPickingIndexCount) {
      break;
    }
    let disabledIndices = select(
      picking.disabledPickingIndices2,
      select(picking.disabledPickingIndices1, picking.disabledPickingIndices0, i < 4),
      i < 8
    );
    let disabledIndex = disabledIndices[i % 4];
    if (disabledIndex == f32(objectIndex)) {
      return vec3<f32>(0.0);
    }
  }

  let encodedIndex = objectIndex + 1u;
  return vec3<f32>(
    f32(encodedIndex % 256u),
    f32((encodedIndex / 256u) % 256u),
    f32((encodedIndex / 65536u) % 256u)
  ) / 255.0;
}
`,xt={...Yr,vs:`${Fw(Yr.vs)}
${SD}`,fs:Fw(Yr.fs),source:TD,uniformTypes:{...Yr.uniformTypes,disabledPickingIndexCount:"f32",disabledPickingIndices0:"vec4<f32>",disabledPickingIndices1:"vec4<f32>",disabledPickingIndices2:"vec4<f32>"},defaultUniforms:{...Yr.defaultUniforms,useByteColors:!0,disabledPickingIndexCount:0,disabledPickingIndices0:[0,0,0,0],disabledPickingIndices1:[0,0,0,0],disabledPickingIndices2:[0,0,0,0]},getUniforms(r,e){let t=Yr.getUniforms(r,e),n=r.disabledPickingIndices||[];return t.disabledPickingIndexCount=n.length,t.disabledPickingIndices0=kg(n,0),t.disabledPickingIndices1=kg(n,4),t.disabledPickingIndices2=kg(n,8),t},inject:{"vs:DECKGL_FILTER_GL_POSITION":`
    // for picking depth values
    picking_setPickingAttribute(position.z / position.w);
  `,"vs:DECKGL_FILTER_COLOR":`
  picking_setPickingColor(geometry.pickingColor);
  `,"fs:DECKGL_FILTER_COLOR":{order:99,injection:`
  // use highlight color if this fragment belongs to the selected object.
  color = picking_filterHighlightColor(color);

  // use picking color if rendering to picking FBO.
  color = picking_filterPickingColor(color);
    `}}};var AD=[Kl],CD=["vs:DECKGL_FILTER_SIZE(inout vec3 size, VertexGeometry geometry)","vs:DECKGL_FILTER_GL_POSITION(inout vec4 position, VertexGeometry geometry)","vs:DECKGL_FILTER_COLOR(inout vec4 color, VertexGeometry geometry)","fs:DECKGL_FILTER_COLOR(inout vec4 color, FragmentGeometry geometry)"],MD=[];function Uw(r){let e=ht.getDefaultShaderAssembler(r);for(let n of AD)e.addDefaultModule(n);e._hookFunctions.length=0;let t=r==="glsl"?CD:MD;for(let n of t)e.addShaderHook(n);return e}var ID=[255,255,255],RD=1,OD=0,gf=class{constructor(e={}){this.type="ambient";let{color:t=ID}=e,{intensity:n=RD}=e;this.id=e.id||`ambient-${OD++}`,this.color=t,this.intensity=n}};be();var BD=[255,255,255],DD=1,kD=[0,0,-1],ND=0,Fs=class{constructor(e={}){this.type="directional";let{color:t=BD}=e,{intensity:n=DD}=e,{direction:i=kD}=e,{_shadow:o=!1}=e;this.id=e.id||`directional-${ND++}`,this.color=t,this.intensity=n,this.type="directional",this.direction=new Me(i).normalize().toArray(),this.shadow=o}getProjectedLight(e){return this}};be();var zs=class{constructor(e,t={id:"pass"}){let{id:n}=t;this.id=n,this.device=e,this.props={...t}}setProps(e){Object.assign(this.props,e)}render(e){}cleanup(){}};var FD={depthWriteEnabled:!0,depthCompare:"less-equal",blendColorOperation:"add",blendColorSrcFactor:"one",blendColorDstFactor:"one-minus-src-alpha",blendAlphaOperation:"add",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one-minus-src-alpha"},br=class extends zs{constructor(){super(...arguments),this._lastRenderIndex=-1}render(e){this._render(e)}_render(e){let{canvasContext:t=this.device.canvasContext}=e,n=e.target??t.getCurrentFramebuffer(),[i,o]=t.getDrawingBufferSize(),s=e.clearCanvas??!0,a=e.clearColor??(s?[0,0,0,0]:!1),c=s?1:!1,l=s?0:!1,f=e.colorMask??15,u={viewport:[0,0,i,o]};e.colorMask&&(u.colorMask=f),e.scissorRect&&(u.scissorRect=e.scissorRect);let{shaderModuleProps:d,viewports:p,views:g,onViewportActive:m,clearStack:y=!0}=e,x=e.pass||"unknown",v=this.device.type==="webgpu";y&&(this._lastRenderIndex=-1);let _=[];if(!p.length)return this.device.beginRenderPass({framebuffer:n,parameters:u,clearColor:a,clearDepth:c,clearStencil:l}).end(),this.device.submit(),_;try{for(let w of p){m?.(w);let E=this._getDrawLayerParams(w,e),P=g&&g[w.id],L=w.subViewports||[w],A=v?L.map(C=>[C]):[L];for(let C of A){let T=this.device.beginRenderPass({framebuffer:n,parameters:u,clearColor:a,clearDepth:c,clearStencil:l});try{for(let D of C){let O=this._drawLayersInViewport(T,{target:n,canvasContext:t,shaderModuleProps:d,viewport:D,view:P,pass:x,layers:e.layers,isPicking:e.isPicking},E);_.push(O)}}finally{T.end(),v&&this.device.submit()}a=!1,c=!1,l=!1}}return _}finally{v||this.device.submit()}}_getDrawLayerParams(e,{layers:t,pass:n,isPicking:i=!1,layerFilter:o,cullRect:s,views:a,effects:c,canvasContext:l=this.device.canvasContext,shaderModuleProps:f},u=!1){let d=[],p=$w(this._lastRenderIndex+1),g={layer:t[0],viewport:e,isPicking:i,renderPass:n,cullRect:s},m={};for(let y=0;y<t.length;y++){let x=t[y],v=this._shouldDrawLayer(x,g,o,m),_={shouldDrawLayer:v};if(v&&!u){_.shouldDrawLayer=!0,_.layerRenderIndex=p(x,v),_.shaderModuleProps=this._getShaderModuleProps(x,c,n,l,f);let w=x.context.device.type==="webgpu"?FD:null;_.layerParameters={...w,...x.context.deck?.props.parameters,...a?.[e.id]?.props.parameters,...this.getLayerParameters(x,y,e)}}d[y]=_}return d}_drawLayersInViewport(e,{layers:t,shaderModuleProps:n,pass:i,target:o,canvasContext:s,viewport:a,view:c,isPicking:l},f){let u=zD(this.device,{canvasContext:s,shaderModuleProps:n,target:o,viewport:a});if(c){let{clear:p,clearColor:g,clearDepth:m,clearStencil:y}=c.props;if(p){let x=[0,0,0,0],v=1,_=0;Array.isArray(g)&&!l?x=[...g.slice(0,3),g[3]||255].map(E=>E/255):g===!1&&(x=!1),m!==void 0&&(v=m),y!==void 0&&(_=y),this.device.beginRenderPass({framebuffer:o,parameters:{viewport:u,scissorRect:u},clearColor:x,clearDepth:v,clearStencil:_}).end()}}let d={totalCount:t.length,visibleCount:0,compositeCount:0,pickableCount:0};e.setParameters({viewport:u});for(let p=0;p<t.length;p++){let g=t[p],m=f[p],{shouldDrawLayer:y}=m;if(y&&g.props.pickable&&d.pickableCount++,g.isComposite&&d.compositeCount++,g.isDrawable&&m.shouldDrawLayer){let{layerRenderIndex:x,shaderModuleProps:v,layerParameters:_}=m;d.visibleCount++,this._lastRenderIndex=Math.max(this._lastRenderIndex,x),v.project&&(v.project.viewport=a),g.context.renderPass=e;try{g._drawLayer({renderPass:e,shaderModuleProps:v,uniforms:{layerIndex:x},parameters:_})}catch(w){g.raiseError(w,`drawing ${g} to ${i}`)}}}return d}shouldDrawLayer(e){return!0}getShaderModuleProps(e,t,n){return null}getLayerParameters(e,t,n){return e.props.parameters}_shouldDrawLayer(e,t,n,i){if(!(e.props.visible&&this.shouldDrawLayer(e)))return!1;t.layer=e;let s=e.parent;for(;s;){if(!s.props.visible||!s.filterSubLayer(t))return!1;t.layer=s,s=s.parent}if(n){let a=t.layer.id;if(a in i||(i[a]=n(t)),!i[a])return!1}return e.activateViewport(t.viewport),!0}_getShaderModuleProps(e,t,n,i,o){let s=i.cssToDeviceRatio(),a=e.internalState?.propsInTransition||e.props,c={layer:a,picking:{isActive:!1},project:{viewport:e.context.viewport,devicePixelRatio:s,modelMatrix:a.modelMatrix,coordinateSystem:a.coordinateSystem,coordinateOrigin:a.coordinateOrigin,autoWrapLongitude:e.wrapLongitude}};if(t)for(let l of t)Gw(c,l.getShaderModuleProps?.(e,c));for(let l of e.context.defaultShaderModules)l.name in c||(c[l.name]={});return Gw(c,this.getShaderModuleProps(e,t,c),o)}};function $w(r=0,e={}){let t={},n=(i,o)=>{let s=i.props._offset,a=i.id,c=i.parent&&i.parent.id,l;if(c&&!(c in e)&&n(i.parent,!1),c in t){let f=t[c]=t[c]||$w(e[c],e);l=f(i,o),t[a]=f}else Number.isFinite(s)?(l=s+(e[c]||0),t[a]=null):l=r;return o&&l>=r&&(r=l+1),e[a]=l,l};return n}function zD(r,{canvasContext:e=r.canvasContext,shaderModuleProps:t,target:n,viewport:i}){let o=t?.project?.devicePixelRatio??e.cssToDeviceRatio(),[,s]=e.getDrawingBufferSize(),a=n?n.height:s,c=i;return[c.x*o,a-(c.y+c.height)*o,c.width*o,c.height*o]}function Gw(r,...e){for(let t of e)if(t)for(let n in t)r[n]?Object.assign(r[n],t[n]):r[n]=t[n];return r}var Us=class extends br{constructor(e,t){super(e,t);let n=e.createTexture({format:"rgba8unorm",width:1,height:1,sampler:{minFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"}}),i=e.createTexture({format:"depth16unorm",width:1,height:1});this.fbo=e.createFramebuffer({id:"shadowmap",width:1,height:1,colorAttachments:[n],depthStencilAttachment:i})}delete(){this.fbo&&(this.fbo.destroy(),this.fbo=null)}getShadowMap(){return this.fbo.colorAttachments[0].texture}render(e){let t=this.fbo,n=this.device.canvasContext.cssToDeviceRatio(),i=e.viewports[0],o=i.width*n,s=i.height*n,a=[1,1,1,1];(o!==t.width||s!==t.height)&&t.resize({width:o,height:s}),super.render({...e,clearColor:a,target:t,pass:"shadow"})}getLayerParameters(e,t,n){return{...e.props.parameters,blend:!1,depthWriteEnabled:!0,depthCompare:"less-equal"}}shouldDrawLayer(e){return e.props.shadowEnabled!==!1}getShaderModuleProps(e,t,n){return{shadow:{project:n.project,drawToShadowMap:!0}}}};var UD={color:[255,255,255],intensity:1},Vw=[{color:[255,255,255],intensity:1,direction:[-1,3,-1]},{color:[255,255,255],intensity:.9,direction:[1,-8,-2.5]}],GD=[0,0,0,200/255],Vi=class{constructor(e={}){this.id="lighting-effect",this.shadowColor=GD,this.shadow=!1,this.directionalLights=[],this.pointLights=[],this.shadowPasses=[],this.dummyShadowMap=null,this.setProps(e)}setup(e){this.context=e;let{device:t,deck:n}=e;this.shadow&&!this.dummyShadowMap&&(this._createShadowPasses(t),n._addDefaultShaderModule(hf),this.dummyShadowMap=t.createTexture({width:1,height:1}))}setProps(e){this.ambientLight=void 0,this.directionalLights=[],this.pointLights=[];for(let t in e){let n=e[t];switch(n.type){case"ambient":this.ambientLight=n;break;case"directional":this.directionalLights.push(n);break;case"point":this.pointLights.push(n);break;default:}}this._applyDefaultLights(),this.shadow=this.directionalLights.some(t=>t.shadow),this.context&&this.setup(this.context),this.props=e}preRender({layers:e,layerFilter:t,viewports:n,onViewportActive:i,views:o}){if(this.shadow){this.shadowMatrices=this._calculateMatrices();for(let s=0;s<this.shadowPasses.length;s++)this.shadowPasses[s].render({layers:e,layerFilter:t,viewports:n,onViewportActive:i,views:o,shaderModuleProps:{shadow:{shadowLightId:s,dummyShadowMap:this.dummyShadowMap,shadowMatrices:this.shadowMatrices}}})}}getShaderModuleProps(e,t){let n=this.shadow?{project:t.project,shadowMaps:this.shadowPasses.map(s=>s.getShadowMap()),dummyShadowMap:this.dummyShadowMap,shadowColor:this.shadowColor,shadowMatrices:this.shadowMatrices}:{},i={enabled:!0,lights:this._getLights(e)},o=e.props.material;return{shadow:n,lighting:i,phongMaterial:o,gouraudMaterial:o}}cleanup(e){for(let t of this.shadowPasses)t.delete();this.shadowPasses.length=0,this.dummyShadowMap&&(this.dummyShadowMap.destroy(),this.dummyShadowMap=null,e.deck._removeDefaultShaderModule(hf))}_calculateMatrices(){let e=[];for(let t of this.directionalLights){let n=new xe().lookAt({eye:new Me(t.direction).negate()});e.push(n)}return e}_createShadowPasses(e){for(let t=0;t<this.directionalLights.length;t++){let n=new Us(e);this.shadowPasses[t]=n}}_applyDefaultLights(){let{ambientLight:e,pointLights:t,directionalLights:n}=this;!e&&t.length===0&&n.length===0&&(this.ambientLight=new gf(UD),this.directionalLights.push(new Fs(Vw[0]),new Fs(Vw[1])))}_getLights(e){let t=[];this.ambientLight&&t.push(this.ambientLight);for(let n of this.pointLights)t.push(n.getProjectedLight({layer:e}));for(let n of this.directionalLights)t.push(n.getProjectedLight({layer:e}));return t}};var Ng=class{constructor(e={}){this._pool=[],this.opts={overAlloc:2,poolSize:100},this.setOptions(e)}setOptions(e){Object.assign(this.opts,e)}allocate(e,t,{size:n=1,type:i,padding:o=0,copy:s=!1,initialize:a=!1,maxCount:c}){let l=i||e&&e.constructor||Float32Array,f=t*n+o;if(ArrayBuffer.isView(e)){if(f<=e.length)return e;if(f*e.BYTES_PER_ELEMENT<=e.buffer.byteLength)return new l(e.buffer,0,f)}let u=1/0;c&&(u=c*n+o);let d=this._allocate(l,f,a,u);return e&&s?d.set(e):a||d.fill(0,0,4),this._release(e),d}release(e){this._release(e)}_allocate(e,t,n,i){let o=Math.max(Math.ceil(t*this.opts.overAlloc),1);o>i&&(o=i);let s=this._pool,a=e.BYTES_PER_ELEMENT*o,c=s.findIndex(l=>l.byteLength>=a);if(c>=0){let l=new e(s.splice(c,1)[0],0,o);return n&&l.fill(0),l}return new e(o)}_release(e){if(!ArrayBuffer.isView(e))return;let t=this._pool,{buffer:n}=e,{byteLength:i}=n,o=t.findIndex(s=>s.byteLength>=i);o<0?t.push(n):(o>0||t.length<this.opts.poolSize)&&t.splice(o,0,n),t.length>this.opts.poolSize&&t.shift()}},Mt=new Ng;be();function ji(){return[1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1]}function vr(r,e){let t=r%e;return t<0?e+t:t}function jw(r){return[r[12],r[13],r[14]]}function Hw(r){return{left:Wi(r[3]+r[0],r[7]+r[4],r[11]+r[8],r[15]+r[12]),right:Wi(r[3]-r[0],r[7]-r[4],r[11]-r[8],r[15]-r[12]),bottom:Wi(r[3]+r[1],r[7]+r[5],r[11]+r[9],r[15]+r[13]),top:Wi(r[3]-r[1],r[7]-r[5],r[11]-r[9],r[15]-r[13]),near:Wi(r[3]+r[2],r[7]+r[6],r[11]+r[10],r[15]+r[14]),far:Wi(r[3]-r[2],r[7]-r[6],r[11]-r[10],r[15]-r[14])}}var Ww=new Me;function Wi(r,e,t,n){Ww.set(r,e,t);let i=Ww.len();return{distance:n/i,normal:new Me(-r/i,-e/i,-t/i)}}function $D(r){return r-Math.fround(r)}var Gs;function Hi(r,e){let{size:t=1,startIndex:n=0}=e,i=e.endIndex!==void 0?e.endIndex:r.length,o=(i-n)/t;Gs=Mt.allocate(Gs,o,{type:Float32Array,size:t*2});let s=n,a=0;for(;s<i;){for(let c=0;c<t;c++){let l=r[s++];Gs[a+c]=l,Gs[a+c+t]=$D(l)}a+=t*2}return Gs.subarray(0,o*t*2)}function Yw(r){let e=null,t=!1;for(let n of r)n&&(e?(t||(e=[[e[0][0],e[0][1]],[e[1][0],e[1][1]]],t=!0),e[0][0]=Math.min(e[0][0],n[0][0]),e[0][1]=Math.min(e[0][1],n[0][1]),e[1][0]=Math.max(e[1][0],n[1][0]),e[1][1]=Math.max(e[1][1],n[1][1])):e=n);return e}be();var VD=Math.PI/180,WD=ji(),qw=[0,0,0],jD={unitsPerMeter:[1,1,1],metersPerUnit:[1,1,1]};function HD({width:r,height:e,orthographic:t,fovyRadians:n,focalDistance:i,padding:o,near:s,far:a}){let c=r/e,l=t?new xe().orthographic({fovy:n,aspect:c,focalDistance:i,near:s,far:a}):new xe().perspective({fovy:n,aspect:c,near:s,far:a});if(o){let{left:f=0,right:u=0,top:d=0,bottom:p=0}=o,g=K((f+r-u)/2,0,r)-r/2,m=K((d+e-p)/2,0,e)-e/2;l[8]-=g*2/r,l[9]+=m*2/e}return l}var mf=class r{constructor(e={}){this._frustumPlanes={},this.id=e.id||this.constructor.displayName||"viewport",this.x=e.x||0,this.y=e.y||0,this.width=e.width||1,this.height=e.height||1,this.zoom=e.zoom||0,this.padding=e.padding,this.distanceScales=e.distanceScales||jD,this.focalDistance=e.focalDistance||1,this.position=e.position||qw,this.modelMatrix=e.modelMatrix||null;let{longitude:t,latitude:n}=e;this.isGeospatial=Number.isFinite(n)&&Number.isFinite(t),this._initProps(e),this._initMatrices(e),this.equals=this.equals.bind(this),this.project=this.project.bind(this),this.unproject=this.unproject.bind(this),this.projectPosition=this.projectPosition.bind(this),this.unprojectPosition=this.unprojectPosition.bind(this),this.projectFlat=this.projectFlat.bind(this),this.unprojectFlat=this.unprojectFlat.bind(this)}get subViewports(){return null}get metersPerPixel(){return this.distanceScales.metersPerUnit[2]/this.scale}get projectionMode(){return this.isGeospatial?this.zoom<12?ge.WEB_MERCATOR:ge.WEB_MERCATOR_AUTO_OFFSET:ge.IDENTITY}equals(e){return e instanceof r?this===e?!0:e.width===this.width&&e.height===this.height&&e.scale===this.scale&&e.projectionMode===this.projectionMode&&e.resolution===this.resolution&&Kt(e.distanceScales.unitsPerMeter,this.distanceScales.unitsPerMeter)&&Kt(e.projectionMatrix,this.projectionMatrix)&&Kt(e.viewMatrix,this.viewMatrix):!1}project(e,{topLeft:t=!0}={}){let n=this.projectPosition(e),i=Xr(n,this.pixelProjectionMatrix),[o,s]=i,a=t?s:this.height-s;return e.length===2?[o,a]:[o,a,i[2]]}unproject(e,{topLeft:t=!0,targetZ:n}={}){let[i,o,s]=e,a=t?o:this.height-o,c=n&&n*this.distanceScales.unitsPerMeter[2],l=Kr([i,a,s],this.pixelUnprojectionMatrix,c),[f,u,d]=this.unprojectPosition(l);return Number.isFinite(s)?[f,u,d]:Number.isFinite(n)?[f,u,n]:[f,u]}projectPosition(e){let[t,n]=this.projectFlat(e),i=(e[2]||0)*this.distanceScales.unitsPerMeter[2];return[t,n,i]}unprojectPosition(e){let[t,n]=this.unprojectFlat(e),i=(e[2]||0)*this.distanceScales.metersPerUnit[2];return[t,n,i]}projectFlat(e){if(this.isGeospatial){let t=_t(e);return t[1]=K(t[1],-318,830),t}return e}unprojectFlat(e){return this.isGeospatial?nt(e):e}getBounds(e={}){let t={targetZ:e.z||0},n=this.unproject([0,0],t),i=this.unproject([this.width,0],t),o=this.unproject([0,this.height],t),s=this.unproject([this.width,this.height],t);return[Math.min(n[0],i[0],o[0],s[0]),Math.min(n[1],i[1],o[1],s[1]),Math.max(n[0],i[0],o[0],s[0]),Math.max(n[1],i[1],o[1],s[1])]}getDistanceScales(e){return e&&this.isGeospatial?$i({longitude:e[0],latitude:e[1],highPrecision:!0}):this.distanceScales}containsPixel({x:e,y:t,width:n=1,height:i=1}){return e<this.x+this.width&&this.x<e+n&&t<this.y+this.height&&this.y<t+i}getFrustumPlanes(){return this._frustumPlanes.near?this._frustumPlanes:(Object.assign(this._frustumPlanes,Hw(this.viewProjectionMatrix)),this._frustumPlanes)}panByPosition(e,t,n){return null}_initProps(e){let t=e.longitude,n=e.latitude;this.isGeospatial&&(Number.isFinite(e.zoom)||(this.zoom=Bg({latitude:n})+Math.log2(this.focalDistance)),this.distanceScales=e.distanceScales||$i({latitude:n,longitude:t}));let i=Math.pow(2,this.zoom);this.scale=i;let{position:o,modelMatrix:s}=e,a=qw;if(o&&(a=s?new xe(s).transformAsVector(o,[]):o),this.isGeospatial){let c=this.projectPosition([t,n,0]);this.center=new Me(a).scale(this.distanceScales.unitsPerMeter).add(c)}else this.center=this.projectPosition(a)}_initMatrices(e){let{viewMatrix:t=WD,projectionMatrix:n=null,orthographic:i=!1,fovyRadians:o,fovy:s=75,near:a=.1,far:c=1e3,padding:l=null,focalDistance:f=1}=e;this.viewMatrixUncentered=t,this.viewMatrix=new xe().multiplyRight(t).translate(new Me(this.center).negate()),this.projectionMatrix=n||HD({width:this.width,height:this.height,orthographic:i,fovyRadians:o||s*VD,focalDistance:f,padding:l,near:a,far:c});let u=ji();_e.multiply(u,u,this.projectionMatrix),_e.multiply(u,u,this.viewMatrix),this.viewProjectionMatrix=u,this.viewMatrixInverse=_e.invert([],this.viewMatrix)||this.viewMatrix,this.cameraPosition=jw(this.viewMatrixInverse);let d=ji(),p=ji();_e.scale(d,d,[this.width/2,-this.height/2,1]),_e.translate(d,d,[1,-1,0]),_e.multiply(p,d,this.viewProjectionMatrix),this.pixelProjectionMatrix=p,this.pixelUnprojectionMatrix=_e.invert(ji(),this.pixelProjectionMatrix),this.pixelUnprojectionMatrix||N.warn("Pixel project matrix not invertible")()}};mf.displayName="Viewport";var Yi=mf;be();var yf=class r extends Yi{constructor(e={}){let{latitude:t=0,longitude:n=0,zoom:i=0,pitch:o=0,bearing:s=0,nearZMultiplier:a=.1,farZMultiplier:c=1.01,nearZ:l,farZ:f,orthographic:u=!1,projectionMatrix:d,repeat:p=!1,worldOffset:g=0,position:m,padding:y,legacyMeterSizes:x=!1}=e,{width:v,height:_,altitude:w=1.5}=e,E=Math.pow(2,i);v=v||1,_=_||1;let P,L=null;if(d)w=d[5]/2,P=xr(w);else{e.fovy?(P=e.fovy,w=jn(P)):P=xr(w);let C;if(y){let{top:T=0,bottom:D=0}=y;C=[0,K((T+_-D)/2,0,_)-_/2]}L=Dg({width:v,height:_,scale:E,center:m&&[0,0,m[2]*Ds(t)],offset:C,pitch:o,fovy:P,nearZMultiplier:a,farZMultiplier:c}),Number.isFinite(l)&&(L.near=l),Number.isFinite(f)&&(L.far=f)}let A=ff({height:_,pitch:o,bearing:s,scale:E,altitude:w});g&&(A=new xe().translate([512*g,0,0]).multiplyLeft(A)),super({...e,width:v,height:_,viewMatrix:A,longitude:n,latitude:t,zoom:i,...L,fovy:P,focalDistance:w}),this.latitude=t,this.longitude=n,this.zoom=i,this.pitch=o,this.bearing=s,this.altitude=w,this.fovy=P,this.orthographic=u,this._subViewports=p?[]:null,this._pseudoMeters=x,Object.freeze(this)}get subViewports(){if(this._subViewports&&!this._subViewports.length){let e=this.getBounds(),t=Math.floor((e[0]+180)/360),n=Math.ceil((e[2]-180)/360);for(let i=t;i<=n;i++){let o=i?new r({...this,worldOffset:i}):this;this._subViewports.push(o)}}return this._subViewports}equals(e){return e instanceof r&&e._pseudoMeters===this._pseudoMeters&&super.equals(e)}projectPosition(e){if(this._pseudoMeters)return super.projectPosition(e);let[t,n]=this.projectFlat(e),i=(e[2]||0)*Ds(e[1]);return[t,n,i]}unprojectPosition(e){if(this._pseudoMeters)return super.unprojectPosition(e);let[t,n]=this.unprojectFlat(e),i=(e[2]||0)/Ds(n);return[t,n,i]}addMetersToLngLat(e,t){return ks(e,t)}panByPosition(e,t,n){let i=Kr(t,this.pixelUnprojectionMatrix),o=this.projectFlat(e),s=Tt.add([],o,Tt.negate([],i)),a=Tt.add([],this.center,s),[c,l]=this.unprojectFlat(a);return{longitude:c,latitude:l}}panByPosition3D(e,t){let n=e[2]||0,i=Tt.sub([],e,this.unproject(t,{targetZ:n}));return{longitude:this.longitude+i[0],latitude:this.latitude+i[1]}}getBounds(e={}){let t=df(this,e.z||0);return[Math.min(t[0][0],t[1][0],t[2][0],t[3][0]),Math.min(t[0][1],t[1][1],t[2][1],t[3][1]),Math.max(t[0][0],t[1][0],t[2][0],t[3][0]),Math.max(t[0][1],t[1][1],t[2][1],t[3][1])]}fitBounds(e,t={}){let{width:n,height:i}=this,{longitude:o,latitude:s,zoom:a}=uf({width:n,height:i,bounds:e,...t});return new r({width:n,height:i,longitude:o,latitude:s,zoom:a})}};yf.displayName="WebMercatorViewport";var wr=yf;be();var Zw=[0,0,0];function Fg(r,e,t=!1){let n=e.projectPosition(r);if(t&&e instanceof wr){let[i,o,s=0]=r,a=e.getDistanceScales([i,o]);n[2]=s*a.unitsPerMeter[2]}return n}function YD(r){let{viewport:e,modelMatrix:t,coordinateOrigin:n}=r,{coordinateSystem:i,fromCoordinateSystem:o,fromCoordinateOrigin:s}=r;return i==="default"&&(i=e.isGeospatial?"lnglat":"cartesian"),o===void 0?o=i:o==="default"&&(o=e.isGeospatial?"lnglat":"cartesian"),s===void 0&&(s=n),{viewport:e,coordinateSystem:i,coordinateOrigin:n,modelMatrix:t,fromCoordinateSystem:o,fromCoordinateOrigin:s}}function _f(r,{viewport:e,modelMatrix:t,coordinateSystem:n,coordinateOrigin:i,offsetMode:o}){let[s,a,c=0]=r;switch(t&&([s,a,c]=je.transformMat4([],[s,a,c,1],t)),n){case"default":return _f(r,{viewport:e,modelMatrix:t,coordinateSystem:e.isGeospatial?"lnglat":"cartesian",coordinateOrigin:i,offsetMode:o});case"lnglat":return Fg([s,a,c],e,o);case"lnglat-offsets":return Fg([s+i[0],a+i[1],c+(i[2]||0)],e,o);case"meter-offsets":return Fg(ks(i,[s,a,c]),e,o);case"cartesian":return e.isGeospatial?[s+i[0],a+i[1],c+i[2]]:e.projectPosition([s,a,c]);default:throw new Error(`Invalid coordinateSystem: ${n}`)}}function Xw(r,e){let{viewport:t,coordinateSystem:n,coordinateOrigin:i,modelMatrix:o,fromCoordinateSystem:s,fromCoordinateOrigin:a}=YD(e),{autoOffset:c=!0}=e,{geospatialOrigin:l=Zw,shaderCoordinateOrigin:f=Zw,offsetMode:u=!1}=c?Mg(t,n,i):{},d=_f(r,{viewport:t,modelMatrix:o,coordinateSystem:s,coordinateOrigin:a,offsetMode:u});if(u){let p=t.projectPosition(l||f);Q.sub(d,d,p)}return d}var C4={blendColorOperation:"add",blendColorSrcFactor:"one",blendColorDstFactor:"zero",blendAlphaOperation:"add",blendAlphaSrcFactor:"constant",blendAlphaDstFactor:"zero"},qn=class extends br{constructor(){super(...arguments),this._colorEncoderState=null}render(e){return"pickingFBO"in e?this._drawPickingBuffer(e):{decodePickingColor:null,stats:super._render(e)}}_drawPickingBuffer({layers:e,layerFilter:t,views:n,viewports:i,onViewportActive:o,pickingFBO:s,deviceRect:{x:a,y:c,width:l,height:f},cullRect:u,effects:d,pass:p="picking",pickZ:g,canvasContext:m,shaderModuleProps:y,clearColor:x}){this.pickZ=g;let v=this._resetColorEncoder(g),_=[a,c,l,f],w=super._render({target:s,layers:e,layerFilter:t,views:n,viewports:i,onViewportActive:o,cullRect:u,effects:d?.filter(P=>P.useInPicking),pass:p,canvasContext:m,isPicking:!0,shaderModuleProps:y,clearColor:x??[0,0,0,0],colorMask:15,scissorRect:_});return this._colorEncoderState=null,{decodePickingColor:v&&M4.bind(null,v),stats:w}}shouldDrawLayer(e){let{pickable:t,operation:n}=e.props;return t&&n.includes("draw")||n.includes("terrain")||n.includes("mask")}getShaderModuleProps(e,t,n){return{picking:{isActive:1,isAttribute:this.pickZ,disabledPickingIndices:e.internalState?.disabledPickingIndices},lighting:{enabled:!1}}}getLayerParameters(e,t,n){let i={...e.props.parameters},{pickable:o,operation:s}=e.props;return this._colorEncoderState?o&&s.includes("draw")?(Object.assign(i,C4),i.blend=!0,this.device.type==="webgpu"?i.blendConstant=AE(this._colorEncoderState,e,n):i.blendColor=AE(this._colorEncoderState,e,n),s.includes("terrain")&&e.state?._hasPickingCover&&(i.blendAlphaSrcFactor="one")):s.includes("terrain")&&(i.blend=!1):i.blend=!1,i}_resetColorEncoder(e){return this._colorEncoderState=e?null:{byLayer:new Map,byAlpha:[]},this._colorEncoderState}};function AE(r,e,t){let{byLayer:n,byAlpha:i}=r,o,s=n.get(e);return s?(s.viewports.push(t),o=s.a):(o=n.size+1,o<=255?(s={a:o,layer:e,viewports:[t]},n.set(e,s),i[o]=s):(N.warn("Too many pickable layers, only picking the first 255")(),o=0)),[0,0,0,o/255]}function M4(r,e){let t=r.byAlpha[e[3]];return t&&{pickedLayer:t.layer,pickedViewports:t.viewports,pickedObjectIndex:t.layer.decodePickingColor(e)}}se();var Qr={NO_STATE:"Awaiting state",MATCHED:"Matched. State transferred from previous layer",INITIALIZED:"Initialized",AWAITING_GC:"Discarded. Awaiting garbage collection",AWAITING_FINALIZATION:"No longer matched. Awaiting garbage collection",FINALIZED:"Finalized! Awaiting garbage collection"},Ji=Symbol.for("component"),bt=Symbol.for("propTypes"),Pf=Symbol.for("deprecatedProps"),Er=Symbol.for("asyncPropDefaults"),nr=Symbol.for("asyncPropOriginal"),It=Symbol.for("asyncPropResolved");function eo(r,e=()=>!0){return Array.isArray(r)?CE(r,e,[]):e(r)?[r]:[]}function CE(r,e,t){let n=-1;for(;++n<r.length;){let i=r[n];Array.isArray(i)?CE(i,e,t):e(i)&&t.push(i)}return t}function ME({target:r,source:e,start:t=0,count:n=1}){let i=e.length,o=n*i,s=0;for(let a=t;s<i;s++)r[a++]=e[s];for(;s<o;)s<o-s?(r.copyWithin(t+s,t,t+s),s*=2):(r.copyWithin(t+s,t,t+o-s),s=o);return r}Do();var Zs=class{constructor(e,t,n){this._loadCount=0,this._subscribers=new Set,this.id=e,this.context=n,this.setData(t)}subscribe(e){this._subscribers.add(e)}unsubscribe(e){this._subscribers.delete(e)}inUse(){return this._subscribers.size>0}delete(){}getData(){return this.isLoaded?this._error?Promise.reject(this._error):this._content:this._loader.then(()=>this.getData())}setData(e,t){if(e===this._data&&!t)return;this._data=e;let n=++this._loadCount,i=e;typeof e=="string"&&(i=Nr(e)),i instanceof Promise?(this.isLoaded=!1,this._loader=i.then(o=>{this._loadCount===n&&(this.isLoaded=!0,this._error=void 0,this._content=o)}).catch(o=>{this._loadCount===n&&(this.isLoaded=!0,this._error=o||!0)})):(this.isLoaded=!0,this._error=void 0,this._content=e);for(let o of this._subscribers)o.onChange(this.getData())}};var Xs=class{constructor(e){this.protocol=e.protocol||"resource://",this._context={device:e.device,gl:e.device?.gl,resourceManager:this},this._resources={},this._consumers={},this._pruneRequest=null}contains(e){return e.startsWith(this.protocol)?!0:e in this._resources}add({resourceId:e,data:t,forceUpdate:n=!1,persistent:i=!0}){let o=this._resources[e];o?o.setData(t,n):(o=new Zs(e,t,this._context),this._resources[e]=o),o.persistent=i}remove(e){let t=this._resources[e];t&&(t.delete(),delete this._resources[e])}unsubscribe({consumerId:e}){let t=this._consumers[e];if(t){for(let n in t){let i=t[n],o=this._resources[i.resourceId];o&&o.unsubscribe(i)}delete this._consumers[e],this.prune()}}subscribe({resourceId:e,onChange:t,consumerId:n,requestId:i="default"}){let{_resources:o,protocol:s}=this;e.startsWith(s)&&(e=e.replace(s,""),o[e]||this.add({resourceId:e,data:null,persistent:!1}));let a=o[e];if(this._track(n,i,a,t),a)return a.getData()}prune(){this._pruneRequest||(this._pruneRequest=setTimeout(()=>this._prune(),0))}finalize(){for(let e in this._resources)this._resources[e].delete()}_track(e,t,n,i){let o=this._consumers,s=o[e]=o[e]||{},a=s[t],c=a&&a.resourceId&&this._resources[a.resourceId];c&&(c.unsubscribe(a),this.prune()),n&&(a?(a.onChange=i,a.resourceId=n.id):a={onChange:i,resourceId:n.id},s[t]=a,n.subscribe(a))}_prune(){this._pruneRequest=null;for(let e of Object.keys(this._resources)){let t=this._resources[e];!t.persistent&&!t.inUse()&&(t.delete(),delete this._resources[e])}}};var I4="layerManager.setLayers",R4="layerManager.activateViewport",Ks=class{constructor(e,t){this._lastRenderedLayers=[],this._needsRedraw=!1,this._needsUpdate=!1,this._nextLayers=null,this._debug=!1,this._defaultShaderModulesChanged=!1,this.activateViewport=a=>{fe(R4,this,a),a&&(this.context.viewport=a)};let{deck:n,stats:i,viewport:o,timeline:s}=t||{};this.layers=[],this.resourceManager=new Xs({device:e,protocol:"deck://"}),this.context={mousePosition:null,userData:{},layerManager:this,device:e,gl:e?.gl,deck:n,shaderAssembler:Uw(e?.info?.shadingLanguage||"glsl"),defaultShaderModules:[_g],renderPass:void 0,stats:i||new ft({id:"deck.gl"}),viewport:o||new Yi({id:"DEFAULT-INITIAL-VIEWPORT"}),timeline:s||new Yn,resourceManager:this.resourceManager,onError:void 0},Object.seal(this)}finalize(){this.resourceManager.finalize();for(let e of this.layers)this._finalizeLayer(e)}needsRedraw(e={clearRedrawFlags:!1}){let t=this._needsRedraw;e.clearRedrawFlags&&(this._needsRedraw=!1);for(let n of this.layers){let i=n.getNeedsRedraw(e);t=t||i}return t}needsUpdate(){return this._nextLayers&&this._nextLayers!==this._lastRenderedLayers?"layers changed":this._defaultShaderModulesChanged?"shader modules changed":this._needsUpdate}setNeedsRedraw(e){this._needsRedraw=this._needsRedraw||e}setNeedsUpdate(e){this._needsUpdate=this._needsUpdate||e}getLayers({layerIds:e}={}){return e?this.layers.filter(t=>e.find(n=>t.id.indexOf(n)===0)):this.layers}setProps(e){"debug"in e&&(this._debug=e.debug),"userData"in e&&(this.context.userData=e.userData),"layers"in e&&(this._nextLayers=e.layers),"onError"in e&&(this.context.onError=e.onError)}setLayers(e,t){fe(I4,this,t,e),this._lastRenderedLayers=e;let n=eo(e,Boolean);for(let i of n)i.context=this.context;this._updateLayers(this.layers,n)}updateLayers(){let e=this.needsUpdate();e&&(this.setNeedsRedraw(`updating layers: ${e}`),this.setLayers(this._nextLayers||this._lastRenderedLayers,e)),this._nextLayers=null}addDefaultShaderModule(e){let{defaultShaderModules:t}=this.context;t.find(n=>n.name===e.name)||(t.push(e),this._defaultShaderModulesChanged=!0)}removeDefaultShaderModule(e){let{defaultShaderModules:t}=this.context,n=t.findIndex(i=>i.name===e.name);n>=0&&(t.splice(n,1),this._defaultShaderModulesChanged=!0)}_handleError(e,t,n){n.raiseError(t,`${e} of ${n}`)}_updateLayers(e,t){let n={};for(let s of e)n[s.id]?N.warn(`Multiple old layers with same id ${s.id}`)():n[s.id]=s;if(this._defaultShaderModulesChanged){for(let s of e)s.setNeedsUpdate(),s.setChangeFlags({extensionsChanged:!0});this._defaultShaderModulesChanged=!1}let i=[];this._updateSublayersRecursively(t,n,i),this._finalizeOldLayers(n);let o=!1;for(let s of i)if(s.hasUniformTransition()){o=`Uniform transition in ${s}`;break}this._needsUpdate=o,this.layers=i}_updateSublayersRecursively(e,t,n){for(let i of e){i.context=this.context;let o=t[i.id];o===null&&N.warn(`Multiple new layers with same id ${i.id}`)(),t[i.id]=null;let s=null;try{this._debug&&o!==i&&i.validateProps(),o?(this._transferLayerState(o,i),this._updateLayer(i)):this._initializeLayer(i),n.push(i),s=i.isComposite?i.getSubLayers():null}catch(a){this._handleError("matching",a,i)}s&&this._updateSublayersRecursively(s,t,n)}}_finalizeOldLayers(e){for(let t in e){let n=e[t];n&&this._finalizeLayer(n)}}_initializeLayer(e){try{e._initialize(),e.lifecycle=Qr.INITIALIZED}catch(t){this._handleError("initialization",t,e)}}_transferLayerState(e,t){t._transferState(e),t.lifecycle=Qr.MATCHED,t!==e&&(e.lifecycle=Qr.AWAITING_GC)}_updateLayer(e){try{e._update()}catch(t){this._handleError("update",t,e)}}_finalizeLayer(e){this._needsRedraw=this._needsRedraw||`finalized ${e}`,e.lifecycle=Qr.AWAITING_FINALIZATION;try{e._finalize(),e.lifecycle=Qr.FINALIZED}catch(t){this._handleError("finalization",t,e)}}};function ue(r,e,t){if(r===e)return!0;if(!t||!r||!e)return!1;if(Array.isArray(r)){if(!Array.isArray(e)||r.length!==e.length)return!1;for(let n=0;n<r.length;n++)if(!ue(r[n],e[n],t-1))return!1;return!0}if(Array.isArray(e))return!1;if(typeof r=="object"&&typeof e=="object"){let n=Object.keys(r),i=Object.keys(e);if(n.length!==i.length)return!1;for(let o of n)if(!e.hasOwnProperty(o)||!ue(r[o],e[o],t-1))return!1;return!0}return!1}var Jr="default-canvas",Qs=class{constructor(e){this.views=[],this.width=100,this.height=100,this.viewState={},this.controllers={},this.timeline=e.timeline,this._viewports=[],this._viewportMap={},this._isUpdating=!1,this._needsRedraw="First render",this._needsUpdate="Initialize",this._eventManager=e.eventManager,this._eventManagers=e.eventManagers||{},this._viewEventManagers={},this._eventCallbacks={onViewStateChange:e.onViewStateChange,onInteractionStateChange:e.onInteractionStateChange},this._pickPosition=e.pickPosition,this._getCanvasContext=e.getCanvasContext,Object.seal(this),this.setProps(e)}finalize(){for(let e in this.controllers){let t=this.controllers[e];t&&t.finalize()}this.controllers={}}needsRedraw(e={clearRedrawFlags:!1}){let t=this._needsRedraw;return e.clearRedrawFlags&&(this._needsRedraw=!1),t}setNeedsUpdate(e){this._needsUpdate=this._needsUpdate||e,this._needsRedraw=this._needsRedraw||e}updateViewStates(){for(let e in this.controllers){let t=this.controllers[e];t&&t.updateTransition()}}getViewports(e){return e?this._viewports.filter(t=>{let n=!e.canvasId||this.getCanvasId(t.id)===e.canvasId,i=!("x"in e)||t.containsPixel(e);return n&&i}):this._viewports}getViews(){let e={};return this.views.forEach(t=>{e[t.id]=t}),e}getView(e){return this.views.find(t=>t.id===e)}getViewState(e){let t=typeof e=="string"?this.getView(e):e,n=t&&this.viewState[t.getViewStateId()]||this.viewState;return t?t.filterViewState(n):n}getViewport(e){return this._viewportMap[e]}getCanvasId(e){let t=typeof e=="string"?this.getView(e):e;return t?this._viewEventManagers[t.id]?.canvasId||this._getCanvasIdFromView(t):void 0}unproject(e,t){let n=this.getViewports(),i={x:e[0],y:e[1]};for(let o=n.length-1;o>=0;--o){let s=n[o];if(s.containsPixel(i)){let a=e.slice();return a[0]-=s.x,a[1]-=s.y,s.unproject(a,t)}}return null}setProps(e){e.views&&this._setViews(e.views),e.viewState&&this._setViewState(e.viewState),("width"in e||"height"in e)&&this._setSize(e.width,e.height),"pickPosition"in e&&(this._pickPosition=e.pickPosition),"eventManagers"in e&&this._setEventManagers(e.eventManagers||{}),this._isUpdating||this._update()}_update(){this._isUpdating=!0,this._needsUpdate&&(this._needsUpdate=!1,this._rebuildViewports()),this._needsUpdate&&(this._needsUpdate=!1,this._rebuildViewports()),this._isUpdating=!1}_setSize(e,t){(e!==this.width||t!==this.height)&&(this.width=e,this.height=t,this.setNeedsUpdate("Size changed"))}_setViews(e){e=eo(e,Boolean),this._diffViews(e,this.views)&&this.setNeedsUpdate("views changed"),this.views=e}_setViewState(e){e?(!ue(e,this.viewState,3)&&this.setNeedsUpdate("viewState changed"),this.viewState=e):N.warn("missing `viewState` or `initialViewState`")()}_setEventManagers(e){this._eventManagers!==e&&(this._eventManagers=e,this.setNeedsUpdate("eventManagers changed"))}_getCanvasIdFromView(e){return e.props.canvasId||this._getCanvasContext?.(e.id)?.id||Jr}_getCanvasDimensions(e){let t=this._getCanvasContext?.(e.id),[n,i]=t?.getCSSSize()||[this.width,this.height];return{width:n,height:i}}_getViewEventManager(e){let t=this.getCanvasId(e)||Jr;return{canvasId:t,eventManager:this._eventManagers[t]||this._eventManager}}_startViewportRebuild(){let e=this.controllers,t=this._viewEventManagers;return this._viewports=[],this.controllers={},this._viewEventManagers={},{oldControllers:e,oldViewEventManagers:t}}_getReusableController(e,t,n){return e&&(t?.canvasId!==n.canvasId||t?.eventManager!==n.eventManager)?(e.finalize(),null):e}_createController(e,t){let n=t.type;return new n({timeline:this.timeline,eventManager:this._getViewEventManager(e).eventManager,onViewStateChange:this._eventCallbacks.onViewStateChange,onStateChange:this._eventCallbacks.onInteractionStateChange,makeViewport:o=>this.getView(e.id)?.makeViewport({viewState:o,...this._getCanvasDimensions(e)}),pickPosition:(o,s)=>this._pickPosition?.(o,s,e.id)})}_updateController(e,t,n,i){let o=e.controller;if(o&&n){let s={...t,...o,id:e.id,x:n.x,y:n.y,width:n.width,height:n.height};return(!i||i.constructor!==o.type)&&(i=this._createController(e,s)),i&&i.setProps(s),i}return null}_rebuildViewports(){let{views:e}=this,{oldControllers:t,oldViewEventManagers:n}=this._startViewportRebuild(),i=!1;for(let o=e.length;o--;){let s=e[o],{width:a,height:c}=this._getCanvasDimensions(s),l=this._getViewEventManager(s);this._viewEventManagers[s.id]=l;let f=this.getViewState(s),u=s.makeViewport({viewState:f,width:a,height:c}),d=this._getReusableController(t[s.id],n[s.id],l),p=!!s.controller;p&&!d&&(i=!0),(i||!p)&&d&&(d.finalize(),d=null),this.controllers[s.id]=this._updateController(s,f,u,d),u&&this._viewports.unshift(u)}for(let o in t){let s=t[o];s&&!this.controllers[o]&&s.finalize()}this._buildViewportMap()}_buildViewportMap(){this._viewportMap={},this._viewports.forEach(e=>{e.id&&(this._viewportMap[e.id]=this._viewportMap[e.id]||e)})}_diffViews(e,t){return e.length!==t.length?!0:e.some((n,i)=>!e[i].equals(t[i]))}};var O4=/^(?:\d+\.?\d*|\.\d+)$/;function qe(r){switch(typeof r){case"number":if(!Number.isFinite(r))throw new Error(`Could not parse position string ${r}`);return{type:"literal",value:r};case"string":try{let e=B4(r);return new Qg(e).parseExpression()}catch(e){let t=e instanceof Error?e.message:String(e);throw new Error(`Could not parse position string ${r}: ${t}`)}default:throw new Error(`Could not parse position string ${r}`)}}function Kg(r,e){switch(r.type){case"literal":return r.value;case"percentage":return Math.round(r.value*e);case"binary":let t=Kg(r.left,e),n=Kg(r.right,e);return r.operator==="+"?t+n:t-n;default:throw new Error("Unknown layout expression type")}}function Ze(r,e){return Kg(r,e)}function B4(r){let e=[],t=0;for(;t<r.length;){let n=r[t];if(/\s/.test(n)){t++;continue}if(n==="+"||n==="-"||n==="("||n===")"||n==="%"){e.push({type:"symbol",value:n}),t++;continue}if(IE(n)||n==="."){let i=t,o=n===".";for(t++;t<r.length;){let a=r[t];if(IE(a)){t++;continue}if(a==="."&&!o){o=!0,t++;continue}break}let s=r.slice(i,t);if(!O4.test(s))throw new Error("Invalid number token");e.push({type:"number",value:parseFloat(s)});continue}if(RE(n)){let i=t;for(;t<r.length&&RE(r[t]);)t++;let o=r.slice(i,t).toLowerCase();e.push({type:"word",value:o});continue}throw new Error("Invalid token in position string")}return e}var Qg=class{constructor(e){this.index=0,this.tokens=e}parseExpression(){let e=this.parseBinaryExpression();if(this.index<this.tokens.length)throw new Error("Unexpected token at end of expression");return e}parseBinaryExpression(){let e=this.parseFactor(),t=this.peek();for(;D4(t);){this.index++;let n=this.parseFactor();e={type:"binary",operator:t.value,left:e,right:n},t=this.peek()}return e}parseFactor(){let e=this.peek();if(!e)throw new Error("Unexpected end of expression");if(e.type==="symbol"&&e.value==="+")return this.index++,this.parseFactor();if(e.type==="symbol"&&e.value==="-"){this.index++;let t=this.parseFactor();return{type:"binary",operator:"-",left:{type:"literal",value:0},right:t}}if(e.type==="symbol"&&e.value==="("){this.index++;let t=this.parseBinaryExpression();if(!this.consumeSymbol(")"))throw new Error("Missing closing parenthesis");return t}if(e.type==="word"&&e.value==="calc"){if(this.index++,!this.consumeSymbol("("))throw new Error("Missing opening parenthesis after calc");let t=this.parseBinaryExpression();if(!this.consumeSymbol(")"))throw new Error("Missing closing parenthesis");return t}if(e.type==="number"){this.index++;let t=e.value,n=this.peek();return n&&n.type==="symbol"&&n.value==="%"?(this.index++,{type:"percentage",value:t/100}):n&&n.type==="word"&&n.value==="px"?(this.index++,{type:"literal",value:t}):{type:"literal",value:t}}throw new Error("Unexpected token in expression")}consumeSymbol(e){let t=this.peek();return t&&t.type==="symbol"&&t.value===e?(this.index++,!0):!1}peek(){return this.tokens[this.index]||null}};function IE(r){return r>="0"&&r<="9"}function RE(r){return r>="a"&&r<="z"||r>="A"&&r<="Z"}function D4(r){return!!(r&&r.type==="symbol"&&(r.value==="+"||r.value==="-"))}function OE(r,e){let t={...r};for(let n in e)n!=="id"&&(Array.isArray(t[n])&&Array.isArray(e[n])?t[n]=k4(t[n],e[n]):t[n]=e[n]);return t}function k4(r,e){r=r.slice();for(let t=0;t<e.length;t++){let n=e[t];Number.isFinite(n)&&(r[t]=n)}return r}var Zn=class{constructor(e){let{id:t,x:n=0,y:i=0,width:o="100%",height:s="100%",padding:a=null}=e;this.id=t||this.constructor.displayName||"view",this.props={...e,id:this.id},this._x=qe(n),this._y=qe(i),this._width=qe(o),this._height=qe(s),this._padding=a&&{left:qe(a.left||0),right:qe(a.right||0),top:qe(a.top||0),bottom:qe(a.bottom||0)},this.equals=this.equals.bind(this),Object.seal(this)}equals(e){return this===e?!0:this.constructor===e.constructor&&ue(this.props,e.props,2)}clone(e){let t=this.constructor;return new t({...this.props,...e})}makeViewport({width:e,height:t,viewState:n}){n=this.filterViewState(n);let i=this.getDimensions({width:e,height:t});if(!i.height||!i.width)return null;let o=this.getViewportType(n);return new o({...n,...this.props,...i})}getViewStateId(){let{viewState:e}=this.props;return typeof e=="string"?e:e?.id||this.id}filterViewState(e){return this.props.viewState&&typeof this.props.viewState=="object"?this.props.viewState.id?OE(e,this.props.viewState):this.props.viewState:e}getDimensions({width:e,height:t}){let n={x:Ze(this._x,e),y:Ze(this._y,t),width:Ze(this._width,e),height:Ze(this._height,t)};return this._padding&&(n.padding={left:Ze(this._padding.left,e),top:Ze(this._padding.top,t),right:Ze(this._padding.right,e),bottom:Ze(this._padding.bottom,t)}),n}get controller(){let e=this.props.controller;return e?e===!0?{type:this.ControllerType}:typeof e=="function"?{type:e}:{type:this.ControllerType,...e}:null}};be();var Rt=class{constructor(e){this._inProgress=!1,this._handle=null,this.time=0,this.settings={duration:0},this._timeline=e}get inProgress(){return this._inProgress}start(e){this.cancel(),this.settings=e,this._inProgress=!0,this.settings.onStart?.(this)}end(){this._inProgress&&(this._timeline.removeChannel(this._handle),this._handle=null,this._inProgress=!1,this.settings.onEnd?.(this))}cancel(){this._inProgress&&(this.settings.onInterrupt?.(this),this._timeline.removeChannel(this._handle),this._handle=null,this._inProgress=!1)}update(){if(!this._inProgress)return!1;if(this._handle===null){let{_timeline:e,settings:t}=this;this._handle=e.addChannel({delay:e.getTime(),duration:t.duration})}return this.time=this._timeline.getTime(this._handle),this._onUpdate(),this.settings.onUpdate?.(this),this._timeline.isFinished(this._handle)&&this.end(),!0}_onUpdate(){}};var BE=()=>{},DE={mode:"preserve"},N4={mode:"hard"},Jg={BREAK:1,SNAP_TO_END:2,IGNORE:3},F4=r=>r,z4=Jg.BREAK,Js=class{constructor(e){this._onTransitionUpdate=t=>{let{time:n,settings:{interpolator:i,startProps:o,endProps:s,duration:a,easing:c}}=t,l=c(n/a),f=i.interpolateProps(o,s,l);this.propsInTransition=this.getControllerState({...this.props,...f},DE).getViewportProps(),this.onViewStateChange({viewState:this.propsInTransition,oldViewState:this.props})},this.getControllerState=e.getControllerState,this.propsInTransition=null,this.transition=new Rt(e.timeline),this.onViewStateChange=e.onViewStateChange||BE,this.onStateChange=e.onStateChange||BE}finalize(){this.transition.cancel()}getViewportInTransition(){return this.propsInTransition}processViewStateChange(e){let t=!1,n=this.props;if(this.props=e,!n||this._shouldIgnoreViewportChange(n,e))return!1;if(this._isTransitionEnabled(e)){let i=n;if(this.transition.inProgress){let{interruption:o,endProps:s}=this.transition.settings;i={...n,...o===Jg.SNAP_TO_END?s:this.propsInTransition||n}}this._triggerTransition(i,e),t=!0}else this.transition.cancel();return t}updateTransition(){this.transition.update()}_isTransitionEnabled(e){let{transitionDuration:t,transitionInterpolator:n}=e;return(t>0||t==="auto")&&!!n}_isUpdateDueToCurrentTransition(e){return this.transition.inProgress&&this.propsInTransition?this.transition.settings.interpolator.arePropsEqual(e,this.propsInTransition):!1}_shouldIgnoreViewportChange(e,t){return this.transition.inProgress?this.transition.settings.interruption===Jg.IGNORE||this._isUpdateDueToCurrentTransition(t):this._isTransitionEnabled(t)?t.transitionInterpolator.arePropsEqual(e,t):!0}_triggerTransition(e,t){let n=this.getControllerState(e,DE),i=this.getControllerState(t,N4).shortestPathFrom(n),o=t.transitionInterpolator,s=o.getDuration?o.getDuration(e,t):t.transitionDuration;if(s===0)return;let a=o.initializeProps(e,i);this.propsInTransition={};let c={duration:s,easing:t.transitionEasing||F4,interpolator:o,interruption:t.transitionInterruption||z4,startProps:a.start,endProps:a.end,onStart:t.onTransitionStart,onUpdate:this._onTransitionUpdate,onInterrupt:this._onTransitionEnd(t.onTransitionInterrupt),onEnd:this._onTransitionEnd(t.onTransitionEnd)};this.transition.start(c),this.onStateChange({inTransition:!0}),this.updateTransition()}_onTransitionEnd(e){return t=>{this.propsInTransition=null,this.onStateChange({inTransition:!1,isZooming:!1,isPanning:!1,isRotating:!1}),e?.(t)}}};be();function Z(r,e){if(!r)throw new Error(e||"deck.gl: assertion failed.")}var Xn=class{constructor(e){let{compare:t,extract:n,required:i}=e;this._propsToCompare=t,this._propsToExtract=n||t,this._requiredProps=i}arePropsEqual(e,t){for(let n of this._propsToCompare)if(!(n in e)||!(n in t)||!Kt(e[n],t[n]))return!1;return!0}initializeProps(e,t){let n={},i={};for(let o of this._propsToExtract)(o in e||o in t)&&(n[o]=e[o],i[o]=t[o]);return this._checkRequiredProps(n),this._checkRequiredProps(i),{start:n,end:i}}getDuration(e,t){return t.transitionDuration}_checkRequiredProps(e){this._requiredProps&&this._requiredProps.forEach(t=>{let n=e[t];Z(Number.isFinite(n)||Array.isArray(n),`${t} is required for transition`)})}};be();var U4=["longitude","latitude","zoom","bearing","pitch"],G4=["longitude","latitude","zoom"],Pr=class extends Xn{constructor(e={}){let t=Array.isArray(e)?e:e.transitionProps,n=Array.isArray(e)?{}:e;n.transitionProps=Array.isArray(t)?{compare:t,required:t}:t||{compare:U4,required:G4},super(n.transitionProps),this.opts=n}initializeProps(e,t){let n=super.initializeProps(e,t),{makeViewport:i,around:o}=this.opts;if(i&&o){let s=i(e),a=i(t),c=s.unproject(o);n.start.around=o,Object.assign(n.end,{around:a.project(c),aroundPosition:c,width:t.width,height:t.height})}return n}interpolateProps(e,t,n){let i={};for(let o of this._propsToExtract)i[o]=Rn(e[o]||0,t[o]||0,n);if(t.aroundPosition&&this.opts.makeViewport){let o=this.opts.makeViewport({...t,...i});Object.assign(i,o.panByPosition(t.aroundPosition,Rn(e.around,t.around,n)))}return i}};var ir={transitionDuration:0},$4=300,V4=300,em=r=>1-(1-r)*(1-r),W4=r=>r===1?1:1-Math.pow(2,-10*r),Kn={WHEEL:["wheel"],PAN:["panstart","panmove","panend"],PINCH:["pinchstart","pinchmove","pinchend"],MULTI_PAN:["multipanstart","multipanmove","multipanend"],DOUBLE_CLICK:["dblclick"],DOUBLE_CLICK_DRAG:["dblclickdragstart","dblclickdragmove","dblclickdragend","dblclickdragcancel"],KEYBOARD:["keydown"]},Qn={},Jn=class{constructor(e){this.state={},this._events={},this._interactionState={isDragging:!1},this._customEvents=[],this._eventStartBlocked=null,this._panMove=!1,this._multiPanMode=null,this._multiPanStartCenter=null,this._doubleClickDragAnchor=null,this._suppressDoubleClickUntil=0,this.invertPan=!1,this.dragMode="rotate",this.inertia=0,this.scrollZoom=!0,this.dragPan=!0,this.dragRotate=!0,this.doubleClickZoom=!0,this.doubleClickDragZoom=!0,this.touchZoom=!0,this.touchRotate=!1,this.multiTouchDrag=null,this.trackpadGesture=!1,this.zoomAround="pointer",this.keyboard=!0,this.transitionManager=new Js({...e,getControllerState:(t,n)=>new this.ControllerState({...t,constraintContext:n,makeViewport:e.makeViewport}),onViewStateChange:this._onTransition.bind(this),onStateChange:this._setInteractionState.bind(this)}),this.handleEvent=this.handleEvent.bind(this),this.eventManager=e.eventManager,this.onViewStateChange=e.onViewStateChange||(()=>{}),this.onStateChange=e.onStateChange||(()=>{}),this.makeViewport=e.makeViewport,this.pickPosition=e.pickPosition}set events(e){this.toggleEvents(this._customEvents,!1),this.toggleEvents(e,!0),this._customEvents=e,this.props&&this.setProps(this.props)}finalize(){for(let e in this._events)this._events[e]&&this.eventManager?.off(e,this.handleEvent);this.transitionManager.finalize()}handleEvent(e){this._controllerState=void 0;let t=this._eventStartBlocked;switch(e.type){case"panstart":return t?!1:this._onPanStart(e);case"panmove":return this._onPan(e);case"panend":return this._onPanEnd(e);case"pinchstart":return t||!this._isTrackpadGestureAllowed(e)?!1:this._onPinchStart(e);case"pinchmove":return this._isTrackpadGestureAllowed(e)?this._onPinch(e):!1;case"pinchend":return this._isTrackpadGestureAllowed(e)?this._onPinchEnd(e):!1;case"multipanstart":return t?!1:this._onMultiPanStart(e);case"multipanmove":return this._onMultiPan(e);case"multipanend":return this._onMultiPanEnd(e);case"dblclick":return this._onDoubleClick(e);case"dblclickdragstart":return t?!1:this._onDoubleClickDragStart(e);case"dblclickdragmove":return this._onDoubleClickDrag(e);case"dblclickdragend":case"dblclickdragcancel":return this._onDoubleClickDragEnd(e);case"wheel":return this._onWheel(e);case"keydown":return this._onKeyDown(e);default:return!1}}get controllerState(){return this._controllerState=this._controllerState||new this.ControllerState({makeViewport:this.makeViewport,...this.props,...this.state}),this._controllerState}getCenter(e){let{x:t,y:n}=this.props,{offsetCenter:i}=e;return[i.x-t,i.y-n]}getZoomPosition(e){if(this.zoomAround==="pointer")return e;let t=this.makeViewport(this.controllerState.getViewportProps()),[n,i]=Xr(t.center,t.pixelProjectionMatrix);return[n,i]}isPointInBounds(e,t){let{width:n,height:i}=this.props;if(t&&t.handled)return!1;let o=e[0]>=0&&e[0]<=n&&e[1]>=0&&e[1]<=i;return o&&t&&t.stopPropagation(),o}isFunctionKeyPressed(e){let{srcEvent:t}=e;return!!(t.metaKey||t.altKey||t.ctrlKey||t.shiftKey)}isDragging(){return this._interactionState.isDragging||!1}blockEvents(e){let t=setTimeout(()=>{this._eventStartBlocked===t&&(this._eventStartBlocked=null)},e);this._eventStartBlocked=t}setProps(e){e.maxBoundsPadding===void 0&&(e.maxBoundsPadding=null),e.dragMode&&(this.dragMode=e.dragMode);let t=this.props;this.props=e,"transitionInterpolator"in e||(e.transitionInterpolator=this._getTransitionProps().transitionInterpolator),this.transitionManager.processViewStateChange(e);let{inertia:n}=e;this.inertia=Number.isFinite(n)?n:n===!0?$4:0;let{scrollZoom:i=!0,dragPan:o=!0,dragRotate:s=!0,doubleClickZoom:a=!0,doubleClickDragZoom:c=!1,touchZoom:l=!0,touchRotate:f=!1,multiTouchDrag:u=f?"rotate":null,trackpadGesture:d=!1,zoomAround:p="pointer",keyboard:g=!0}=e,m=!!this.onViewStateChange;if(this.toggleEvents(Kn.WHEEL,m&&i),this.toggleEvents(Kn.PAN,m),this.toggleEvents(Kn.PINCH,m&&(l||u==="rotate")),this.toggleEvents(Kn.MULTI_PAN,m&&!!u),this.toggleEvents(Kn.DOUBLE_CLICK,m&&a),this.toggleEvents(Kn.DOUBLE_CLICK_DRAG,m&&c),this.toggleEvents(Kn.KEYBOARD,m&&g),this.scrollZoom=i,this.dragPan=o,this.dragRotate=s,this.doubleClickZoom=a,this.doubleClickDragZoom=c,this.touchZoom=l,this.touchRotate=u==="rotate",this.multiTouchDrag=u,this.trackpadGesture=d,this.zoomAround=p,this.keyboard=g,(!t||t.height!==e.height||t.width!==e.width||t.maxBounds!==e.maxBounds||t.maxBoundsPadding!==e.maxBoundsPadding)&&e.maxBounds){let x=new this.ControllerState({...e,makeViewport:this.makeViewport}),v=x.getViewportProps();Object.keys(v).some(w=>!ue(v[w],e[w],1))&&this.updateViewport(x)}}updateTransition(){this.transitionManager.updateTransition()}toggleEvents(e,t){this.eventManager&&e.forEach(n=>{this._events[n]!==t&&(this._events[n]=t,t?this.eventManager.on(n,this.handleEvent):this.eventManager.off(n,this.handleEvent))})}updateViewport(e,t=null,n={}){let i={...e.getViewportProps(),...t},o=this.controllerState!==e;if(this.state=e.getState(),this._setInteractionState(n),o){let s=this.controllerState&&this.controllerState.getViewportProps();this.onViewStateChange&&this.onViewStateChange({viewState:i,interactionState:this._interactionState,oldViewState:s,viewId:this.props.id})}}_onTransition(e){this.onViewStateChange({...e,interactionState:this._interactionState,viewId:this.props.id})}_setInteractionState(e){Object.assign(this._interactionState,e),this.onStateChange(this._interactionState)}_getConstraintContext(e,t){return this.props.rubberBand?{mode:t==="update"?"elastic":t==="end"?"rebound":"hard"}:{mode:"hard"}}_getReboundTransition(e,t){if(e.mode!=="rebound")return null;let n=t.getViewportProps();return Object.keys(n).some(o=>!ue(this.props[o],n[o],1))?{...this._getTransitionProps(),transitionDuration:V4,transitionEasing:W4}:null}_onPanStart(e){let t=this.getCenter(e);if(!this.isPointInBounds(t,e))return!1;let n=this.isFunctionKeyPressed(e)||e.rightButton||!1;(this.invertPan||this.dragMode==="pan")&&(n=!n);let i=n?"pan":"rotate",o=this._getConstraintContext(i,"start"),s=n?this.controllerState.panStart({pos:t},o):this.controllerState.rotateStart({pos:t},o);return this._panMove=n,this.updateViewport(s,ir,{isDragging:!0}),!0}_onPan(e){return this.isDragging()?this._panMove?this._onPanMove(e):this._onPanRotate(e):!1}_onPanEnd(e){return this.isDragging()?this._panMove?this._onPanMoveEnd(e):this._onPanRotateEnd(e):!1}_onPanMove(e){if(!this.dragPan)return!1;let t=this.getCenter(e),n=this.controllerState.pan({pos:t},this._getConstraintContext("pan","update"));return this.updateViewport(n,ir,{isDragging:!0,isPanning:!0}),!0}_onPanMoveEnd(e){let{inertia:t}=this;if(this.dragPan&&t&&e.velocity){let n=this.getCenter(e),i=[n[0]+e.velocityX*t/2,n[1]+e.velocityY*t/2],o=this.controllerState.pan({pos:i}).panEnd();this.updateViewport(o,{...this._getTransitionProps(),transitionDuration:t,transitionEasing:em},{isDragging:!1,isPanning:!0})}else{let n=this.controllerState,i=this._getConstraintContext("pan","end"),o=n.panEnd(i),s=this._getReboundTransition(i,o);this.updateViewport(o,s,{isDragging:!1,isPanning:!!s})}return!0}_onPanRotate(e){if(!this.dragRotate)return!1;let t=this.getCenter(e),n=this.controllerState.rotate({pos:t},this._getConstraintContext("rotate","update"));return this.updateViewport(n,ir,{isDragging:!0,isRotating:!0}),!0}_onPanRotateEnd(e){let{inertia:t}=this;if(this.dragRotate&&t&&e.velocity){let n=this.getCenter(e),i=[n[0]+e.velocityX*t/2,n[1]+e.velocityY*t/2],o=this.controllerState.rotate({pos:i}).rotateEnd();this.updateViewport(o,{...this._getTransitionProps(),transitionDuration:t,transitionEasing:em},{isDragging:!1,isRotating:!0})}else{let n=this.controllerState,i=this._getConstraintContext("rotate","end"),o=n.rotateEnd(i),s=this._getReboundTransition(i,o);this.updateViewport(o,s,{isDragging:!1,isRotating:!!s})}return!0}_onWheel(e){if(!this.scrollZoom||this.trackpadGesture&&e.device!=="mouse")return!1;let t=this.getCenter(e);if(!this.isPointInBounds(t,e))return!1;e.srcEvent.preventDefault();let{speed:n=.01,smooth:i=!1}=this.scrollZoom===!0?{}:this.scrollZoom,{delta:o}=e,s=2/(1+Math.exp(-Math.abs(o*n)));o<0&&s!==0&&(s=1/s);let a=this.getZoomPosition(t),c=i?{...this._getTransitionProps({around:a}),transitionDuration:250}:ir,l=this.controllerState.zoom({pos:a,scale:s});return this.updateViewport(l,c,{isZooming:!0,isPanning:!0}),i||this._setInteractionState({isZooming:!1,isPanning:!1}),!0}_onMultiPanStart(e){let{multiTouchDrag:t}=this;if(!t||!this._isMultiPanEventAllowed(e,t))return!1;let n=e.offsetCenter;if(!this.isPointInBounds(this.getCenter(e),e))return!1;let i=e.pointerType==="trackpad",o={x:n.x-(i?0:e.deltaX),y:n.y-(i?0:e.deltaY)},s={...e,offsetCenter:o},a=this.getCenter(s),c=t==="pan"?this.controllerState.panStart({pos:a},this._getConstraintContext("pan","start")):this.controllerState.rotateStart({pos:a},this._getConstraintContext("rotate","start"));return this._multiPanMode=t,this._multiPanStartCenter=o,this.updateViewport(c,ir,{isDragging:!0}),!0}_onMultiPan(e){let{mode:t,event:n}=this._getMultiPanEvent(e);return!t||!n||!this.isDragging()?!1:t==="pan"?this._onPanMove(n):this._onPanRotate(n)}_onMultiPanEnd(e){let{mode:t,event:n}=this._getMultiPanEvent(e);if(!t||!n||!this.isDragging())return this._resetMultiPan(),!1;let i=t==="pan"?this._onPanMoveEnd(n):this._onPanRotateEnd(n);return this._resetMultiPan(),i}_isTrackpadGestureAllowed(e){return e.pointerType!=="trackpad"||this.trackpadGesture}_isMultiPanEventAllowed(e,t){return e.pointerType==="trackpad"?this.trackpadGesture&&(t==="pan"?this.dragPan:this.dragRotate):e.pointerType==="touch"&&(t==="pan"?this.dragPan:this.dragRotate)}_getMultiPanEvent(e){let t=this._multiPanMode,n=this._multiPanStartCenter;return!t||!n?{mode:null,event:null}:{mode:t,event:{...e,offsetCenter:{x:n.x+e.deltaX,y:n.y+e.deltaY}}}}_resetMultiPan(){this._multiPanMode=null,this._multiPanStartCenter=null}_onPinchStart(e){this._doubleClickDragAnchor=null;let t=this.getCenter(e);if(!this.isPointInBounds(t,e))return!1;let n=this.controllerState.zoomStart({pos:this.getZoomPosition(t)},this._getConstraintContext("zoom","start")).rotateStart({pos:t},this._getConstraintContext("rotate","start"));return Qn._startPinchRotation=e.rotation,Qn._lastPinchEvent=e,this.updateViewport(n,ir,{isDragging:!0}),!0}_onPinch(e){if(!this.touchZoom&&!this.touchRotate||!this.isDragging())return!1;let t=this.controllerState;if(this.touchZoom){let{scale:n}=e,i=this.getCenter(e);t=t.zoom({pos:this.getZoomPosition(i),scale:n},this._getConstraintContext("zoom","update"))}if(this.touchRotate){let{rotation:n}=e;t=t.rotate({deltaAngleX:Qn._startPinchRotation-n},this._getConstraintContext("rotate","update"))}return this.updateViewport(t,ir,{isDragging:!0,isPanning:this.touchZoom,isZooming:this.touchZoom,isRotating:this.touchRotate}),Qn._lastPinchEvent=e,!0}_onPinchEnd(e){if(!this.isDragging())return!1;let{inertia:t}=this,{_lastPinchEvent:n}=Qn;if(this.touchZoom&&t&&n&&e.scale!==n.scale){let i=this.getCenter(e),o=this.getZoomPosition(i),s=this.controllerState.rotateEnd(),a=Math.log2(e.scale),c=(a-Math.log2(n.scale))/(e.deltaTime-n.deltaTime),l=Math.pow(2,a+c*t/2);s=s.zoom({pos:o,scale:l}).zoomEnd(),this.updateViewport(s,{...this._getTransitionProps({around:o}),transitionDuration:t,transitionEasing:em},{isDragging:!1,isPanning:this.touchZoom,isZooming:this.touchZoom,isRotating:!1}),this.blockEvents(t)}else{let i=this.controllerState,o=this._getConstraintContext("zoom","end"),s=this._getConstraintContext("rotate","end"),a=i.zoomEnd(o).rotateEnd(s),c=this._getReboundTransition(this.touchZoom?o:s,a);this.updateViewport(a,c,{isDragging:!1,isPanning:!!c&&this.touchZoom,isZooming:!!c&&this.touchZoom,isRotating:!!c&&this.touchRotate})}return Qn._startPinchRotation=null,Qn._lastPinchEvent=null,!0}_onDoubleClick(e){if(!this.doubleClickZoom||Date.now()<this._suppressDoubleClickUntil)return!1;let t=this.getCenter(e);if(!this.isPointInBounds(t,e))return!1;let n=this.isFunctionKeyPressed(e),i=this.getZoomPosition(t),o=this.controllerState.zoom({pos:i,scale:n?.5:2});return this.updateViewport(o,this._getTransitionProps({around:i}),{isZooming:!0,isPanning:!0}),this.blockEvents(100),!0}_onDoubleClickDragStart(e){if(!this.doubleClickDragZoom)return this._doubleClickDragAnchor=null,!1;let t=this.getCenter(e);if(!this.isPointInBounds(t,e))return this._doubleClickDragAnchor=null,!1;this._doubleClickDragAnchor=this.getZoomPosition(t);let n=this.controllerState.zoomStart({pos:this._doubleClickDragAnchor},this._getConstraintContext("zoom","start"));return e.scale!==1&&(n=n.zoom({pos:this._doubleClickDragAnchor,scale:e.scale},this._getConstraintContext("zoom","update"))),this.updateViewport(n,ir,{isDragging:!0,isPanning:!0,isZooming:!0}),!0}_onDoubleClickDrag(e){let t=this._doubleClickDragAnchor;if(!t)return!1;let n=this.controllerState.zoom({pos:t,scale:e.scale},this._getConstraintContext("zoom","update"));return this.updateViewport(n,ir,{isDragging:!0,isPanning:!0,isZooming:!0}),!0}_onDoubleClickDragEnd(e){if(!this._doubleClickDragAnchor)return!1;this._doubleClickDragAnchor=null;let n=this.controllerState,i=this._getConstraintContext("zoom","end"),o=n.zoomEnd(i),s=this._getReboundTransition(i,o);return this.updateViewport(o,s,{isDragging:!1,isPanning:!!s,isZooming:!!s}),this._suppressDoubleClickUntil=Date.now()+100,this.blockEvents(100),!0}_onKeyDown(e){if(!this.keyboard)return!1;let t=this.isFunctionKeyPressed(e),{zoomSpeed:n,moveSpeed:i,rotateSpeedX:o,rotateSpeedY:s}=this.keyboard===!0?{}:this.keyboard,{controllerState:a}=this,c,l={};switch(e.srcEvent.code){case"Minus":c=t?a.zoomOut(n).zoomOut(n):a.zoomOut(n),l.isZooming=!0;break;case"Equal":c=t?a.zoomIn(n).zoomIn(n):a.zoomIn(n),l.isZooming=!0;break;case"ArrowLeft":t?(c=a.rotateLeft(o),l.isRotating=!0):(c=a.moveLeft(i),l.isPanning=!0);break;case"ArrowRight":t?(c=a.rotateRight(o),l.isRotating=!0):(c=a.moveRight(i),l.isPanning=!0);break;case"ArrowUp":t?(c=a.rotateUp(s),l.isRotating=!0):(c=a.moveUp(i),l.isPanning=!0);break;case"ArrowDown":t?(c=a.rotateDown(s),l.isRotating=!0):(c=a.moveDown(i),l.isPanning=!0);break;default:return!1}return this.updateViewport(c,this._getTransitionProps(),l),!0}_getTransitionProps(e){let{transition:t}=this;return!t||!t.transitionInterpolator?ir:e?{...t,transitionInterpolator:new Pr({...e,...t.transitionInterpolator.opts,makeViewport:this.controllerState.makeViewport})}:t}};var Sr=Symbol("constraintAround"),ea=class{constructor(e,t,n,i){this.makeViewport=n,this._viewportProps=this.applyConstraints(e,i),this._state=t}getViewportProps(){return this._viewportProps}getState(){return this._state}};function Sf(r,e,t){let n=r-e;return n&&Number.isFinite(n)?e+n*t/(t+Math.abs(n)):e}function to(r,e,t){let n=Ze(qe(t?.left??0),r),i=Ze(qe(t?.right??0),r),o=Ze(qe(t?.top??0),e),s=Ze(qe(t?.bottom??0),e);return{x:n,y:o,width:r-n-i,height:e-o-s}}function Tf(r,e,t){let[n,i]=r.project(e);return n=Number.isFinite(n)?n:r.width/2,i=Number.isFinite(i)?i:r.height/2,{left:n-t.x,right:t.x+t.width-n,top:i-t.y,bottom:t.y+t.height-i}}var kE=5,j4=1.2,NE=512,FE=[[-1/0,-90],[1/0,90]],H4=1;function ta([r,e]){if(Math.abs(e)>90&&(e=Math.sign(e)*90),Number.isFinite(r)){let[n,i]=_t([r,e]);return[n,K(i,0,NE)]}let[,t]=_t([0,e]);return[r,K(t,0,NE)]}var ra=class extends ea{constructor(e){let{width:t,height:n,latitude:i,longitude:o,zoom:s,bearing:a=0,pitch:c=0,altitude:l=1.5,position:f=[0,0,0],maxZoom:u=20,minZoom:d=0,maxPitch:p=60,minPitch:g=0,startPanLngLat:m,startZoomLngLat:y,startRotatePos:x,startRotateLngLat:v,startBearing:_,startPitch:w,startZoom:E,normalize:P=!0,rubberBand:L=!1}=e,{[Sr]:A}=e;Z(Number.isFinite(o)),Z(Number.isFinite(i)),Z(Number.isFinite(s));let C=e.maxBounds||(P?FE:null),T=e.maxBoundsPadding||null;super({width:t,height:n,latitude:i,longitude:o,zoom:s,bearing:a,pitch:c,altitude:l,maxZoom:u,minZoom:d,maxPitch:p,minPitch:g,normalize:P,position:f,maxBounds:C,maxBoundsPadding:T,rubberBand:L,[Sr]:A},{startPanLngLat:m,startZoomLngLat:y,startRotatePos:x,startRotateLngLat:v,startBearing:_,startPitch:w,startZoom:E},e.makeViewport,e.constraintContext),this.getAltitude=e.getAltitude}panStart({pos:e},t){return this._getUpdatedState({startPanLngLat:this._unproject(e)},t)}pan({pos:e,startPos:t},n){let i=this.getState().startPanLngLat||this._unproject(t);if(!i)return this;let s=this.makeViewport(this.getViewportProps()).panByPosition(i,e);return this._getUpdatedState(s,n)}panEnd(e){return this._getUpdatedState({startPanLngLat:null},e)}rotateStart({pos:e}){let t=this.getAltitude?.(e);return this._getUpdatedState({startRotatePos:e,startRotateLngLat:t!==void 0?this._unproject3D(e,t):void 0,startBearing:this.getViewportProps().bearing,startPitch:this.getViewportProps().pitch})}rotate({pos:e,deltaAngleX:t=0,deltaAngleY:n=0}){let{startRotatePos:i,startRotateLngLat:o,startBearing:s,startPitch:a}=this.getState();if(!i||s===void 0||a===void 0)return this;let c;if(e?c=this._getNewRotation(e,i,a,s):c={bearing:s+t,pitch:a+n},o){let l=this.makeViewport({...this.getViewportProps(),...c}),f="panByPosition3D"in l?"panByPosition3D":"panByPosition";return this._getUpdatedState({...c,...l[f](o,i)})}return this._getUpdatedState(c)}rotateEnd(){return this._getUpdatedState({startRotatePos:null,startRotateLngLat:null,startBearing:null,startPitch:null})}zoomStart({pos:e},t){return this._getUpdatedState({startZoomLngLat:this._unproject(e),startZoom:this.getViewportProps().zoom},t)}zoom({pos:e,startPos:t,scale:n},i){let{startZoom:o,startZoomLngLat:s}=this.getState();return s||(o=this.getViewportProps().zoom,s=this._unproject(t)||this._unproject(e)),s?this._getUpdatedState({zoom:o+Math.log2(n),[Sr]:{position:s,screenPosition:e}},i):this}zoomEnd(e){return this._getUpdatedState({startZoomLngLat:null,startZoom:null},e)}zoomIn(e=2,t){return this._zoomFromCenter(e,t)}zoomOut(e=2,t){return this._zoomFromCenter(1/e,t)}moveLeft(e=100,t){return this._panFromCenter([e,0],t)}moveRight(e=100,t){return this._panFromCenter([-e,0],t)}moveUp(e=100,t){return this._panFromCenter([0,e],t)}moveDown(e=100,t){return this._panFromCenter([0,-e],t)}rotateLeft(e=15){return this._getUpdatedState({bearing:this.getViewportProps().bearing-e})}rotateRight(e=15){return this._getUpdatedState({bearing:this.getViewportProps().bearing+e})}rotateUp(e=10){return this._getUpdatedState({pitch:this.getViewportProps().pitch+e})}rotateDown(e=10){return this._getUpdatedState({pitch:this.getViewportProps().pitch-e})}shortestPathFrom(e){let t=e.getViewportProps(),n={...this.getViewportProps()},{bearing:i,longitude:o}=n;return Math.abs(i-t.bearing)>180&&(n.bearing=i<0?i+360:i-360),Math.abs(o-t.longitude)>180&&(n.longitude=o<0?o+360:o-360),n}applyConstraints(e,t){let n=e,i=n[Sr];delete n[Sr];let{maxPitch:o,minPitch:s,pitch:a,bearing:c,normalize:l,maxBounds:f,rubberBand:u}=e;l&&(c<-180||c>180)&&(e.bearing=vr(c+180,360)-180),e.pitch=K(a,s,o);let d=this._constrainZoom(e.zoom,e),p=u&&t?.mode==="elastic";if(e.zoom=t?.mode==="preserve"?e.zoom:p?Sf(e.zoom,d,H4):d,i){let g=this.makeViewport(e);Object.assign(e,g.panByPosition(i.position,i.screenPosition))}if(l&&(e.longitude<-180||e.longitude>180)&&(e.longitude=vr(e.longitude+180,360)-180),f){let g=to(e.width,e.height,e.maxBoundsPadding),m=this.makeViewport({...e,bearing:0,pitch:0}),y=Tf(m,[e.longitude,e.latitude],g),x=ta(f[0]),v=ta(f[1]),_=2**e.zoom,w=[x[0]+y.left/_,x[1]+y.bottom/_],E=[v[0]-y.right/_,v[1]-y.top/_],P=ta([e.longitude,e.latitude]),L=[K(P[0],w[0],E[0]),K(P[1],w[1],E[1])],A=P.slice();if(g.width>=0&&(A[0]=t?.mode==="preserve"?P[0]:p?Sf(P[0],L[0],g.width/2/_):L[0]),g.height>=0&&(A[1]=t?.mode==="preserve"?P[1]:p?Sf(P[1],L[1],g.height/2/_):L[1]),A[0]!==P[0]||A[1]!==P[1]){let[C,T]=nt(A);A[0]!==P[0]&&(e.longitude=C),A[1]!==P[1]&&(e.latitude=T)}}return e}_constrainZoom(e,t){t||(t=this.getViewportProps());let{maxZoom:n,maxBounds:i}=t,o=i!==null&&t.width>0&&t.height>0,{minZoom:s}=t;if(o){let a=to(t.width,t.height,t.maxBoundsPadding),c=ta(i[0]),l=ta(i[1]),f=l[0]-c[0],u=l[1]-c[1];a.width>0&&Number.isFinite(f)&&f>0&&(s=Math.max(s,Math.log2(a.width/f))),a.height>0&&Number.isFinite(u)&&u>0&&(s=Math.max(s,Math.log2(a.height/u))),s>n&&(s=n)}return K(e,s,n)}_zoomFromCenter(e,t){let{width:n,height:i}=this.getViewportProps();return this.zoom({pos:[n/2,i/2],scale:e},t)}_panFromCenter(e,t){let{width:n,height:i}=this.getViewportProps();return this.pan({startPos:[n/2,i/2],pos:[n/2+e[0],i/2+e[1]]},t)}_getUpdatedState(e,t){return new this.constructor({makeViewport:this.makeViewport,...this.getViewportProps(),...this.getState(),...e,constraintContext:t})}_unproject(e){let t=this.makeViewport(this.getViewportProps());return e&&t.unproject(e)}_unproject3D(e,t){return this.makeViewport(this.getViewportProps()).unproject(e,{targetZ:t})}_getNewRotation(e,t,n,i){let o=e[0]-t[0],s=e[1]-t[1],a=e[1],c=t[1],{width:l,height:f}=this.getViewportProps(),u=o/l,d=0;s>0?Math.abs(f-c)>kE&&(d=s/(c-f)*j4):s<0&&c>kE&&(d=1-a/c),d=K(d,-1,1);let{minPitch:p,maxPitch:g}=this.getViewportProps(),m=i+180*u,y=n;return d>0?y=n+d*(g-n):d<0&&(y=n-d*(p-n)),{pitch:y,bearing:m}}},na=class extends Jn{constructor(){super(...arguments),this.ControllerState=ra,this.transition={transitionDuration:300,transitionInterpolator:new Pr({transitionProps:{compare:["longitude","latitude","zoom","bearing","pitch","position"],required:["longitude","latitude","zoom"]}})},this.dragMode="pan",this.rotationPivot="center",this._getAltitude=e=>{if(this.rotationPivot==="2d")return 0;if(this.rotationPivot==="3d"&&this.pickPosition){let{x:t,y:n}=this.props,i=this.pickPosition(t+e[0],n+e[1]);if(i&&i.coordinate&&i.coordinate.length>=3)return i.coordinate[2]}}}setProps(e){"rotationPivot"in e&&(this.rotationPivot=e.rotationPivot||"center"),e.getAltitude=this._getAltitude,e.position=e.position||[0,0,0],e.maxBounds=e.maxBounds||(e.normalize===!1?null:FE),super.setProps(e)}updateViewport(e,t=null,n={}){let i=e.getState();n.isDragging&&i.startRotateLngLat?n={...n,rotationPivotPosition:i.startRotateLngLat}:n.isDragging===!1&&(n={...n,rotationPivotPosition:void 0}),super.updateViewport(e,t,n)}};var Lf=class extends Zn{constructor(e={}){super(e)}getViewportType(){return wr}get ControllerType(){return na}};Lf.displayName="MapView";var Af=Lf;var Y4=new Vi;function q4(r,e){let t=r.order??1/0,n=e.order??1/0;return t-n}var ia=class{constructor(e){this._resolvedEffects=[],this._defaultEffects=[],this.effects=[],this._context=e,this._needsRedraw="Initial render",this._setEffects([])}addDefaultEffect(e){let t=this._defaultEffects;if(!t.find(n=>n.id===e.id)){let n=t.findIndex(i=>q4(i,e)>0);n<0?t.push(e):t.splice(n,0,e),e.setup(this._context),this._setEffects(this.effects)}}setProps(e){"effects"in e&&(ue(e.effects,this.effects,1)||this._setEffects(e.effects))}needsRedraw(e={clearRedrawFlags:!1}){let t=this._needsRedraw;return e.clearRedrawFlags&&(this._needsRedraw=!1),t}getEffects(){return this._resolvedEffects}_setEffects(e){let t={};for(let i of this.effects)t[i.id]=i;let n=[];for(let i of e){let o=t[i.id],s=i;o&&o!==i?o.setProps?(o.setProps(i.props),s=o):o.cleanup(this._context):o||i.setup(this._context),n.push(s),delete t[i.id]}for(let i in t)t[i].cleanup(this._context);this.effects=n,this._resolvedEffects=n.concat(this._defaultEffects),e.some(i=>i instanceof Vi)||this._resolvedEffects.push(Y4),this._needsRedraw="effects changed"}finalize(){for(let e of this._resolvedEffects)e.cleanup(this._context);this.effects.length=0,this._resolvedEffects.length=0,this._defaultEffects.length=0}};var oa=class extends br{shouldDrawLayer(e){let{operation:t}=e.props;return t.includes("draw")||t.includes("terrain")}render(e){return this._render(e)}};var Z4="deckRenderer.renderLayers",sa=class{constructor(e,t={}){this.device=e,this.stats=t.stats,this.layerFilter=null,this.drawPickingColors=!1,this.drawLayersPass=new oa(e),this.pickLayersPass=new qn(e),this.renderCount=0,this._needsRedraw="Initial render",this.renderBuffers=[],this.lastPostProcessEffect=null}setProps(e){this.layerFilter!==e.layerFilter&&(this.layerFilter=e.layerFilter,this._needsRedraw="layerFilter changed"),this.drawPickingColors!==e.drawPickingColors&&(this.drawPickingColors=e.drawPickingColors,this._needsRedraw="drawPickingColors changed")}renderLayers(e){let t=this.drawPickingColors?this.pickLayersPass:this.drawLayersPass,n={layerFilter:this.layerFilter,isPicking:this.drawPickingColors,...e};if(!e.viewports.length){let a=t.render(n),c="stats"in a?a.stats:a;this._updateStats(c);return}n.effects&&this._preRender(n.effects,n);let i=this.lastPostProcessEffect?this.renderBuffers[0]:n.target;this.lastPostProcessEffect&&(n.clearColor=[0,0,0,0],n.clearCanvas=!0);let o=t.render({...n,target:i}),s="stats"in o?o.stats:o;n.effects&&(this.lastPostProcessEffect&&(n.clearCanvas=e.clearCanvas===void 0?!0:e.clearCanvas),this._postRender(n.effects,n)),this.renderCount++,fe(Z4,this,s,e),this._updateStats(s)}needsRedraw(e={clearRedrawFlags:!1}){let t=this._needsRedraw;return e.clearRedrawFlags&&(this._needsRedraw=!1),t}finalize(){let{renderBuffers:e}=this;for(let t of e)t.delete();e.length=0}_updateStats(e){if(!this.stats)return;let t=0;for(let{visibleCount:n}of e)t+=n;this.stats.get("Layers rendered").addCount(t)}_preRender(e,t){this.lastPostProcessEffect=null,t.preRenderStats=t.preRenderStats||{};for(let n of e)t.preRenderStats[n.id]=n.preRender(t),n.postRender&&(this.lastPostProcessEffect=n.id);this.lastPostProcessEffect&&this._resizeRenderBuffers(t.canvasContext)}_resizeRenderBuffers(e=this.device.canvasContext){let{renderBuffers:t}=this,n=e.getDrawingBufferSize(),[i,o]=n;t.length===0&&[0,1].map(s=>{let a=this.device.createTexture({sampler:{minFilter:"linear",magFilter:"linear"},width:i,height:o});t.push(this.device.createFramebuffer({id:`deck-renderbuffer-${s}`,colorAttachments:[a]}))});for(let s of t)s.resize(n)}_postRender(e,t){let{renderBuffers:n}=this,i=t.target??t.canvasContext?.getCurrentFramebuffer()??t.target,o={...t,inputBuffer:n[0],swapBuffer:n[1]};for(let s of e)if(s.postRender){o.target=s.id===this.lastPostProcessEffect?i:void 0;let a=s.postRender(o);o.inputBuffer=a,o.swapBuffer=a===n[0]?n[1]:n[0]}}};z();var X4={pickedColor:null,pickedObjectIndex:-1};function tm({pickedColors:r,decodePickingColor:e,deviceX:t,deviceY:n,deviceRadius:i,deviceRect:o}){let{x:s,y:a,width:c,height:l}=o,f=i*i,u=-1,d=0;for(let p=0;p<l;p++){let g=p+a-n,m=g*g;if(m>f)d+=4*c;else for(let y=0;y<c;y++){if(r[d+3]-1>=0){let v=y+s-t,_=v*v+m;_<=f&&(f=_,u=d)}d+=4}}if(u>=0){let p=r.slice(u,u+4),g=e(p);if(g){let m=Math.floor(u/4/c),y=u/4-m*c;return{...g,pickedColor:p,pickedX:s+y,pickedY:a+m}}N.error("Picked non-existent layer. Is picking buffer corrupt?")()}return X4}function rm({pickedColors:r,decodePickingColor:e}){let t=new Map;if(r){for(let n=0;n<r.length;n+=4)if(r[n+3]-1>=0){let o=r.slice(n,n+4),s=o.join(",");if(!t.has(s)){let a=e(o);a?t.set(s,{...a,color:o}):N.error("Picked non-existent layer. Is picking buffer corrupt?")()}}}return Array.from(t.values())}function Cf({pickInfo:r,viewports:e,pixelRatio:t,x:n,y:i,z:o}){let s=e[0];e.length>1&&(s=K4(r?.pickedViewports||e,{x:n,y:i}));let a;if(s){let c=[n-s.x,i-s.y];o!==void 0&&(c[2]=o),a=s.unproject(c)}return{color:null,layer:null,viewport:s,index:-1,picked:!1,x:n,y:i,pixel:[n,i],coordinate:a,devicePixel:r&&"pickedX"in r?[r.pickedX,r.pickedY]:void 0,pixelRatio:t}}function nm(r){let{pickInfo:e,lastPickedInfo:t,mode:n,layers:i}=r,{pickedColor:o,pickedLayer:s,pickedObjectIndex:a}=e,c=s?[s]:[];if(n==="hover"){let u=t.index,d=t.layerId,p=s?s.props.id:null;if(p!==d||a!==u){if(p!==d){let g=i.find(m=>m.props.id===d);g&&c.unshift(g)}t.layerId=p,t.index=a,t.info=null}}let l=Cf(r),f=new Map;return f.set(null,l),c.forEach(u=>{let d={...l};u===s&&(d.color=o,d.index=a,d.picked=!0),d=Mf({layer:u,info:d,mode:n});let p=d.layer;u===s&&n==="hover"&&(t.info=d),f.set(p.id,d),n==="hover"&&p.updateAutoHighlight(d)}),f}function Mf({layer:r,info:e,mode:t}){for(;r&&e;){let n=e.layer||null;e.sourceLayer=n,e.layer=r,e=r.getPickingInfo({info:e,mode:t,sourceLayer:n}),r=r.parent}return e}function K4(r,e){for(let t=r.length-1;t>=0;t--){let n=r[t];if(n.containsPixel(e))return n}return r[0]}var aa=class{constructor(e,t={}){this._pickable=!0,this.device=e,this.stats=t.stats,this.pickLayersPass=new qn(e),this.lastPickedInfo={index:-1,layerId:null,info:null}}setProps(e){"layerFilter"in e&&(this.layerFilter=e.layerFilter),"_pickable"in e&&(this._pickable=e._pickable)}finalize(){this.pickingFBO&&this.pickingFBO.destroy(),this.depthFBO&&this.depthFBO.destroy()}pickObjectAsync(e){return this._pickClosestObjectAsync(e)}pickObjectsAsync(e){return this._pickVisibleObjectsAsync(e)}pickObject(e){return this._pickClosestObject(e)}pickObjects(e){return this._pickVisibleObjects(e)}getLastPickedObject({x:e,y:t,layers:n,viewports:i},o=this.lastPickedInfo.info){let s=o&&o.layer&&o.layer.id,a=o&&o.viewport&&o.viewport.id,c=s?n.find(d=>d.id===s):null,l=a&&i.find(d=>d.id===a)||i[0],f=l&&l.unproject([e-l.x,t-l.y]);return{...o,...{x:e,y:t,viewport:l,coordinate:f,layer:c}}}_resizeBuffer(e=this.device.getDefaultCanvasContext()){if(!this.pickingFBO){let i=this.device.createTexture({format:"rgba8unorm",width:1,height:1,usage:q.RENDER_ATTACHMENT|q.COPY_SRC});if(this.pickingFBO=this.device.createFramebuffer({colorAttachments:[i],depthStencilAttachment:"depth16unorm"}),this.device.isTextureFormatRenderable("rgba32float")){let o=this.device.createTexture({format:"rgba32float",width:1,height:1,usage:q.RENDER_ATTACHMENT|q.COPY_SRC}),s=this.device.createFramebuffer({colorAttachments:[o],depthStencilAttachment:"depth16unorm"});this.depthFBO=s}}let[t,n]=e.getDrawingBufferSize();this.pickingFBO?.resize({width:t,height:n}),this.depthFBO?.resize({width:t,height:n})}_getPickable(e){if(this._pickable===!1)return null;let t=e.filter(n=>this.pickLayersPass.shouldDrawLayer(n)&&!n.isComposite);return t.length?t:null}async _pickClosestObjectAsync({layers:e,views:t,viewports:n,x:i,y:o,radius:s=0,depth:a=1,mode:c="query",unproject3D:l,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:u,effects:d}){let p=f.cssToDeviceRatio(),g=this._getPickable(e);if(!g||n.length===0)return{result:[],emptyInfo:Cf({viewports:n,x:i,y:o,pixelRatio:p})};this._resizeBuffer(f);let m=f.cssToDevicePixels([i,o],!0),y=[m.x+Math.floor(m.width/2),m.y+Math.floor(m.height/2)],x=Math.round(s*p),{width:v,height:_}=this.pickingFBO,w=this._getPickingRect({deviceX:y[0],deviceY:y[1],deviceRadius:x,deviceWidth:v,deviceHeight:_}),E={x:i-s,y:o-s,width:s*2+1,height:s*2+1},P,L=[],A=new Set;for(let C=0;C<a;C++){let T;if(w){let I=await this._drawAndSampleAsync({layers:g,views:t,viewports:n,onViewportActive:u,deviceRect:w,cullRect:E,effects:d,pass:`picking:${c}`,canvasContext:f});T=tm({...I,deviceX:y[0],deviceY:y[1],deviceRadius:x,deviceRect:w})}else T={pickedColor:null,pickedObjectIndex:-1};let D,O=this._getDepthLayers(T,g,l);if(O.length>0){let{pickedColors:I}=await this._drawAndSampleAsync({layers:O,views:t,viewports:n,onViewportActive:u,deviceRect:{x:T.pickedX??y[0],y:T.pickedY??y[1],width:1,height:1},cullRect:E,effects:d,pass:`picking:${c}:z`,canvasContext:f},!0);I[3]&&(D=I[0])}T.pickedLayer&&C+1<a&&(A.add(T.pickedLayer),T.pickedLayer.disablePickingIndex(T.pickedObjectIndex)),P=nm({pickInfo:T,lastPickedInfo:this.lastPickedInfo,mode:c,layers:g,viewports:n,x:i,y:o,z:D,pixelRatio:p});for(let I of P.values())I.layer&&L.push(I);if(!T.pickedColor)break}for(let C of A)C.restorePickingColors();return{result:L,emptyInfo:P.get(null)}}_pickClosestObject({layers:e,views:t,viewports:n,x:i,y:o,radius:s=0,depth:a=1,mode:c="query",unproject3D:l,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:u,effects:d}){let p=f.cssToDeviceRatio(),g=this._getPickable(e);if(!g||n.length===0)return{result:[],emptyInfo:Cf({viewports:n,x:i,y:o,pixelRatio:p})};this._resizeBuffer(f);let m=f.cssToDevicePixels([i,o],!0),y=[m.x+Math.floor(m.width/2),m.y+Math.floor(m.height/2)],x=Math.round(s*p),{width:v,height:_}=this.pickingFBO,w=this._getPickingRect({deviceX:y[0],deviceY:y[1],deviceRadius:x,deviceWidth:v,deviceHeight:_}),E={x:i-s,y:o-s,width:s*2+1,height:s*2+1},P,L=[],A=new Set;for(let C=0;C<a;C++){let T;if(w){let I=this._drawAndSample({layers:g,views:t,viewports:n,onViewportActive:u,deviceRect:w,cullRect:E,effects:d,pass:`picking:${c}`,canvasContext:f});T=tm({...I,deviceX:y[0],deviceY:y[1],deviceRadius:x,deviceRect:w})}else T={pickedColor:null,pickedObjectIndex:-1};let D,O=this._getDepthLayers(T,g,l);if(O.length>0){let{pickedColors:I}=this._drawAndSample({layers:O,views:t,viewports:n,onViewportActive:u,deviceRect:{x:T.pickedX??y[0],y:T.pickedY??y[1],width:1,height:1},cullRect:E,effects:d,pass:`picking:${c}:z`,canvasContext:f},!0);I[3]&&(D=I[0])}T.pickedLayer&&C+1<a&&(A.add(T.pickedLayer),T.pickedLayer.disablePickingIndex(T.pickedObjectIndex)),P=nm({pickInfo:T,lastPickedInfo:this.lastPickedInfo,mode:c,layers:g,viewports:n,x:i,y:o,z:D,pixelRatio:p});for(let I of P.values())I.layer&&L.push(I);if(!T.pickedColor)break}for(let C of A)C.restorePickingColors();return{result:L,emptyInfo:P.get(null)}}async _pickVisibleObjectsAsync({layers:e,views:t,viewports:n,x:i,y:o,width:s=1,height:a=1,mode:c="query",maxObjects:l=null,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:u,effects:d}){let p=this._getPickable(e);if(!p||n.length===0)return[];this._resizeBuffer(f);let g=f.cssToDeviceRatio(),m=f.cssToDevicePixels([i,o],!0),y=m.x,x=m.y+m.height,v=f.cssToDevicePixels([i+s,o+a],!0),_=v.x+v.width,w=v.y,E={x:y,y:w,width:_-y,height:x-w},P=await this._drawAndSampleAsync({layers:p,views:t,viewports:n,onViewportActive:u,deviceRect:E,cullRect:{x:i,y:o,width:s,height:a},effects:d,pass:`picking:${c}`,canvasContext:f}),L=rm(P),A=new Map,C=[],T=Number.isFinite(l);for(let D=0;D<L.length&&!(T&&C.length>=l);D++){let O=L[D],I={color:O.pickedColor,layer:null,index:O.pickedObjectIndex,picked:!0,x:i,y:o,pixelRatio:g};I=Mf({layer:O.pickedLayer,info:I,mode:c});let k=I.layer.id;A.has(k)||A.set(k,new Set);let J=A.get(k),j=I.object??I.index;J.has(j)||(J.add(j),C.push(I))}return C}_pickVisibleObjects({layers:e,views:t,viewports:n,x:i,y:o,width:s=1,height:a=1,mode:c="query",maxObjects:l=null,canvasContext:f=this.device.getDefaultCanvasContext(),onViewportActive:u,effects:d}){let p=this._getPickable(e);if(!p||n.length===0)return[];this._resizeBuffer(f);let g=f.cssToDeviceRatio(),m=f.cssToDevicePixels([i,o],!0),y=m.x,x=m.y+m.height,v=f.cssToDevicePixels([i+s,o+a],!0),_=v.x+v.width,w=v.y,E={x:y,y:w,width:_-y,height:x-w},P=this._drawAndSample({layers:p,views:t,viewports:n,onViewportActive:u,deviceRect:E,cullRect:{x:i,y:o,width:s,height:a},effects:d,pass:`picking:${c}`,canvasContext:f}),L=rm(P),A=new Map,C=[],T=Number.isFinite(l);for(let D=0;D<L.length&&!(T&&C.length>=l);D++){let O=L[D],I={color:O.pickedColor,layer:null,index:O.pickedObjectIndex,picked:!0,x:i,y:o,pixelRatio:g};I=Mf({layer:O.pickedLayer,info:I,mode:c});let k=I.layer.id;A.has(k)||A.set(k,new Set);let J=A.get(k),j=I.object??I.index;J.has(j)||(J.add(j),C.push(I))}return C}async _drawAndSampleAsync({layers:e,views:t,viewports:n,onViewportActive:i,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l},f=!1){let u=f?this.depthFBO:this.pickingFBO,d={layers:e,layerFilter:this.layerFilter,views:t,viewports:n,onViewportActive:i,pickingFBO:u,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l,pickZ:f,preRenderStats:{},isPicking:!0};for(let E of a)E.useInPicking&&(d.preRenderStats[E.id]=E.preRender(d));let{decodePickingColor:p,stats:g}=this.pickLayersPass.render(d);this._updateStats(g);let{x:m,y,width:x,height:v}=o,_=u.colorAttachments[0]?.texture;if(!_)throw new Error("Picking framebuffer color attachment is missing");let w=await this._readTextureDataAsync(_,{x:m,y,width:x,height:v},f?Float32Array:Uint8Array);if(!f){let E=!1;for(let P=3;P<w.length;P+=4)if(w[P]!==0){E=!0;break}!E&&w.length>0&&N.warn("Async pick readback returned only zero alpha values",{deviceRect:o,bytes:Array.from(w.subarray(0,Math.min(w.length,16)))})()}return{pickedColors:w,decodePickingColor:p}}async _readTextureDataAsync(e,t,n){let{width:i,height:o}=t,s=e.computeMemoryLayout(t),a=this.device.createBuffer({byteLength:s.byteLength,usage:V.COPY_DST|V.MAP_READ});try{e.readBuffer(t,a);let c=await a.readAsync(0,s.byteLength),l=n.BYTES_PER_ELEMENT;if(s.bytesPerRow%l!==0)throw new Error(`Texture readback row stride ${s.bytesPerRow} is not aligned to ${l}-byte elements.`);let f=new n(c.buffer,c.byteOffset,s.byteLength/l),u=i*4,d=s.bytesPerRow/l;if(d<u)throw new Error(`Texture readback row stride ${d} is smaller than packed row length ${u}.`);let p=new n(i*o*4);for(let g=0;g<o;g++){let m=g*d;p.set(f.subarray(m,m+u),g*u)}return p}finally{a.destroy()}}_drawAndSample({layers:e,views:t,viewports:n,onViewportActive:i,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l},f=!1){let u=f?this.depthFBO:this.pickingFBO,d={layers:e,layerFilter:this.layerFilter,views:t,viewports:n,onViewportActive:i,pickingFBO:u,deviceRect:o,cullRect:s,effects:a,pass:c,canvasContext:l,pickZ:f,preRenderStats:{},isPicking:!0};for(let w of a)w.useInPicking&&(d.preRenderStats[w.id]=w.preRender(d));let{decodePickingColor:p,stats:g}=this.pickLayersPass.render(d);this._updateStats(g);let{x:m,y,width:x,height:v}=o,_=new(f?Float32Array:Uint8Array)(x*v*4);return this.device.readPixelsToArrayWebGL(u,{sourceX:m,sourceY:y,sourceWidth:x,sourceHeight:v,target:_}),{pickedColors:_,decodePickingColor:p}}_updateStats(e){if(!this.stats)return;let t=0;for(let{visibleCount:n}of e)t+=n;this.stats.get("Layers picked").addCount(t)}_getDepthLayers(e,t,n){if(!n||!this.depthFBO)return[];let{pickedLayer:i}=e,o=i?.state?.terrainDrawMode==="drape";return i&&!o?[i]:t.filter(s=>s.props.operation.includes("terrain"))}_getPickingRect({deviceX:e,deviceY:t,deviceRadius:n,deviceWidth:i,deviceHeight:o}){let s=Math.max(0,e-n),a=Math.max(0,t-n),c=Math.min(i,e+n+1)-s,l=Math.min(o,t+n+1)-a;return c<=0||l<=0?null:{x:s,y:a,width:c,height:l}}};var Q4={"top-left":{top:0,left:0},"top-right":{top:0,right:0},"bottom-left":{bottom:0,left:0},"bottom-right":{bottom:0,right:0},fill:{top:0,left:0,bottom:0,right:0}},J4="top-left",zE="root",If=class{constructor({deck:e,parentElement:t}){this.defaultWidgets=[],this.widgets=[],this.resolvedWidgets=[],this.containers={},this.lastViewports={},this.deck=e,t?.classList.add("deck-widget-container"),this.parentElement=t}getWidgets(){return this.resolvedWidgets}setProps(e){if(e.widgets&&!ue(e.widgets,this.widgets,1)){let t=e.widgets.filter(Boolean);this._setWidgets(t)}}finalize(){for(let e of this.getWidgets())this._removeWidget(e);this.defaultWidgets.length=0,this.resolvedWidgets.length=0;for(let e in this.containers)this.containers[e].remove()}addDefault(e){this.defaultWidgets.find(t=>t.id===e.id)||(this._addWidget(e),this.defaultWidgets.push(e),this._setWidgets(this.widgets))}onRedraw({viewports:e,layers:t}){let n=e.reduce((i,o)=>(i[o.id]=o,i),{});for(let i of this.getWidgets()){let{viewId:o}=i;if(o){let s=n[o];s&&(i.onViewportChange&&i.onViewportChange(s),i.onRedraw?.({viewports:[s],layers:t}))}else{if(i.onViewportChange)for(let s of e)i.onViewportChange(s);i.onRedraw?.({viewports:e,layers:t})}}this.lastViewports=n,this._updateContainers()}onHover(e,t){for(let n of this.getWidgets()){let{viewId:i}=n;(!i||i===e.viewport?.id)&&n.onHover?.(e,t)}}getCanvasBounds(e){let n=this.deck?.getCanvas?.()?.getBoundingClientRect(),i=this.parentElement?.getBoundingClientRect(),o=this.deck?.getCanvasContext?.(e?.id);if(o&&i){o.updatePosition();let[s,a]=o.getPosition(),[c,l]=o.getCSSSize();return{x:s-i.left,y:a-i.top,width:c,height:l}}return{x:n&&i?n.left-i.left:0,y:n&&i?n.top-i.top:0,width:n?.width||this.deck?.width||0,height:n?.height||this.deck?.height||0}}onEvent(e,t){let n=Ui[t.type];if(n)for(let i of this.getWidgets()){let{viewId:o}=i;(!o||o===e.viewport?.id)&&i[n]?.(e,t)}}_setWidgets(e){let t={};for(let n of this.resolvedWidgets)t[n.id]=n;this.resolvedWidgets.length=0;for(let n of this.defaultWidgets)t[n.id]=null,this.resolvedWidgets.push(n);for(let n of e){let i=t[n.id];i?i.viewId!==n.viewId||i.placement!==n.placement?(this._removeWidget(i),this._addWidget(n)):n!==i&&(i.setProps(n.props),n=i):this._addWidget(n),t[n.id]=null,this.resolvedWidgets.push(n)}for(let n in t){let i=t[n];i&&this._removeWidget(i)}this.widgets=e}_addWidget(e){let{viewId:t=null,placement:n=J4}=e,i=e.props._container??t;e.widgetManager=this,e.deck=this.deck,e.rootElement=e._onAdd({deck:this.deck,viewId:t}),e.rootElement&&this._getContainer(i,n).append(e.rootElement),e.updateHTML()}_removeWidget(e){e.onRemove?.(),e.rootElement&&e.rootElement.remove(),e.rootElement=void 0,e.deck=void 0,e.widgetManager=void 0}_getContainer(e,t){if(e&&typeof e!="string")return e;let n=e||zE,i=this.containers[n];i||(i=document.createElement("div"),i.style.pointerEvents="none",i.style.position="absolute",i.style.overflow="hidden",this.parentElement?.append(i),this.containers[n]=i);let o=i.querySelector(`.${t}`);return o||(o=globalThis.document.createElement("div"),o.className=t,o.style.position="absolute",o.style.zIndex="2",Object.assign(o.style,Q4[t]),i.append(o)),o}_updateContainers(){for(let e in this.containers){let t=this.lastViewports[e]||null,n=e===zE||t,i=this.containers[e];if(n){let o=this._getContainerBounds(t);i.style.display="block",i.style.left=`${o.x}px`,i.style.top=`${o.y}px`,i.style.width=`${o.width}px`,i.style.height=`${o.height}px`}else i.style.display="none"}}_getContainerBounds(e){if(!e)return{x:0,y:0,width:this.parentElement?.clientWidth||this.deck.width,height:this.parentElement?.clientHeight||this.deck.height};let t=this.getCanvasBounds(e);return{x:t.x+e.x,y:t.y+e.y,width:e.width,height:e.height}}};function im(r,e){e&&Object.entries(e).map(([t,n])=>{t.startsWith("--")?r.style.setProperty(t,n):r.style[t]=n})}function UE(r,e){e&&Object.keys(e).map(t=>{t.startsWith("--")?r.style.removeProperty(t):r.style[t]=""})}var ro=class{constructor(e){this.viewId=null,this.props={...this.constructor.defaultProps,...e},this.id=this.props.id}setProps(e){let t=this.props,n=this.rootElement;n&&t.className!==e.className&&(t.className&&n.classList.remove(t.className),e.className&&n.classList.add(e.className)),n&&!ue(t.style,e.style,1)&&(UE(n,t.style),im(n,e.style)),Object.assign(this.props,e),this.updateHTML()}updateHTML(){this.rootElement&&this.onRenderHTML(this.rootElement)}get viewIds(){return this.viewId?[this.viewId]:this.deck?.getViews().map(e=>e.id)??[]}getViewState(e){return this.deck?.viewManager?.getViewState(e)||{}}setViewState(e,t){this.deck?._onViewStateChange({viewId:e,viewState:t,interactionState:{}})}onCreateRootElement(){let e=["deck-widget",this.className,this.props.className],t=document.createElement("div");return e.filter(n=>typeof n=="string"&&n.length>0).forEach(n=>t.classList.add(n)),im(t,this.props.style),t}_onAdd(e){return this.onAdd(e)??this.onCreateRootElement()}onAdd(e){}onRemove(){}onViewportChange(e){}onRedraw(e){}onHover(e,t){}onClick(e,t){}onDrag(e,t){}onDragStart(e,t){}onDragEnd(e,t){}};ro.defaultProps={id:"widget",style:{},_container:null,className:""};var ek={zIndex:"1",position:"absolute",pointerEvents:"none",color:"#a0a7b4",backgroundColor:"#29323c",padding:"10px",top:"0",left:"0",display:"none"},ca=class extends ro{constructor(e={}){super(e),this.id="default-tooltip",this.placement="fill",this.className="deck-tooltip",this.isVisible=!1,this.setProps(e)}onCreateRootElement(){let e=document.createElement("div");return e.className=this.className,Object.assign(e.style,ek),e}onRenderHTML(e){}onViewportChange(e){this.isVisible&&e.id===this.lastViewport?.id&&!e.equals(this.lastViewport)&&this.setTooltip(null),this.lastViewport=e}onHover(e){let{deck:t}=this,n=t&&t.props.getTooltip;if(!n)return;let i=n(e),o=this.widgetManager?.getCanvasBounds(e.viewport),s=e.x+(o?.x||0),a=e.y+(o?.y||0);this.setTooltip(i,s,a)}setTooltip(e,t,n){let i=this.rootElement;if(i){if(typeof e=="string")i.innerText=e;else if(e)e.text&&(i.innerText=e.text),e.html&&(i.innerHTML=e.html),e.className&&(i.className=e.className);else{this.isVisible=!1,i.style.display="none";return}this.isVisible=!0,i.style.display="block",i.style.transform=`translate(${t}px, ${n}px)`,e&&typeof e=="object"&&"style"in e&&Object.assign(i.style,e.style)}}};ca.defaultProps={...ro.defaultProps};var la=class{constructor(e){this.targets={},this.order=[],this.eventManagers={},this._eventRootToCanvasId=new WeakMap,this._createEventManager=e.createEventManager,this._getEventRoot=e.getEventRoot}finalize(){for(let e of Object.values(this.targets))e.eventManager.destroy(),e.presentationContext.destroy();this.targets={},this.order=[],this.eventManagers={},this._eventRootToCanvasId=new WeakMap}syncCanvasEntries(e){let t=this._normalizeCanvasList(e.canvases),n={},i=[],o=new Map;for(let{canvas:a}of t){let c=this._getEventRoot(a);o.set(c,(o.get(c)||0)+1)}for(let{id:a,canvas:c}of t){let l=this._getEventRoot(c),f=o.get(l)===1?l:c,u=this.targets[a];if(!u||u.device!==e.device||u.canvas!==c||u.eventRoot!==f){u?.eventManager.destroy(),u?.presentationContext.destroy();let d=e.device.createPresentationContext({id:a,canvas:c,useDevicePixels:e.useDevicePixels,autoResize:!0});u={id:a,device:e.device,canvas:c,eventRoot:f,presentationContext:d,eventManager:this._createEventManager(f)}}this._eventRootToCanvasId.set(f,a),this._eventRootToCanvasId.set(c,a),n[a]=u,i.push(a)}for(let[a,c]of Object.entries(this.targets))n[a]||(c.eventManager.destroy(),c.presentationContext.destroy());this.targets=n,this.order=i;let s=Object.fromEntries(Object.entries(n).map(([a,c])=>[a,c.eventManager]));this._haveSameEventManagers(s)||(this.eventManagers=s)}getCanvasIdFromEvent(e){return e?this._eventRootToCanvasId.get(e):void 0}getTarget(e){return this.targets[e||this.order[0]||Jr]||null}_normalizeCanvasList(e=[]){let t=new Set;return e.map((n,i)=>{let o,s;return typeof n=="string"?(o=document.getElementById(n),Z(o,`Canvas with id ${n} not found`),s=n):(o=n,s=o.id||`deckgl-canvas-${i}`),Z(!t.has(s),`Duplicate canvas id ${s}`),t.add(s),{id:s,canvas:o}})}_haveSameEventManagers(e){let t=Object.keys(e),n=Object.keys(this.eventManagers);return t.length===n.length&&t.every(i=>e[i]===this.eventManagers[i])}};z();lu();se();se();Do();function Tr(){}var uN=({isDragging:r})=>r?"grabbing":"grab",d2={id:"",width:"100%",height:"100%",style:null,viewState:null,initialViewState:null,pickingRadius:0,pickAsync:"auto",layerFilter:null,parameters:{},parent:null,device:null,deviceProps:{},gl:null,canvas:null,_canvases:null,layers:[],effects:[],views:null,controller:null,useDevicePixels:!0,touchAction:"none",eventRecognizerOptions:{},_framebuffer:null,_animate:!1,_pickable:!0,_typedArrayManagerProps:{},_customRender:null,widgets:[],onDeviceInitialized:Tr,onWebGLInitialized:Tr,onResize:Tr,onViewStateChange:Tr,onInteractionStateChange:Tr,onBeforeRender:Tr,onAfterRender:Tr,onLoad:Tr,onError:r=>N.error(r.message,r.cause)(),onHover:null,onClick:null,onDragStart:null,onDrag:null,onDragEnd:null,_onMetrics:null,getCursor:uN,getTooltip:null,debug:!1,drawPickingColors:!1},va=class{constructor(e){this.width=0,this.height=0,this.userData={},this.device=null,this.canvas=null,this.viewManager=null,this.layerManager=null,this.effectManager=null,this.deckRenderer=null,this.deckPicker=null,this.eventManager=null,this.eventManagers={},this.widgetManager=null,this.tooltip=null,this.animationLoop=null,this._canvasContext=null,this._deviceResizeHandler=null,this.cursorState={isHovering:!1,isDragging:!1},this.stats=new ft({id:"deck.gl"}),this.metrics={fps:0,setPropsTime:0,layersCount:0,drawLayersCount:0,updateLayersCount:0,updateAttributesCount:0,updateAttributesTime:0,framesRedrawn:0,pickTime:0,pickCount:0,pickLayersCount:0,gpuTime:0,gpuTimePerFrame:0,cpuTime:0,cpuTimePerFrame:0,bufferMemory:0,textureMemory:0,renderbufferMemory:0,gpuMemory:0},this._metricsCounter=0,this._hoverPickSequence=0,this._pointerDownPickSequence=0,this._needsRedraw="Initial render",this._canvasManager=new la({createEventManager:i=>this._createEventManager(i),getEventRoot:i=>this._getEventRoot(i)}),this._ownedCanvas=null,this._pickRequest={mode:"hover",x:-1,y:-1,radius:0,canvasId:void 0,event:null,unproject3D:!1},this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=null,this._onPointerMove=i=>{let{_pickRequest:o}=this,s=this._getCanvasIdFromEvent(i);if(i.type==="pointerleave")o.x=-1,o.y=-1,o.radius=0,o.canvasId=s;else{if(i.leftButton||i.rightButton)return;{let a=i.offsetCenter;if(!a)return;o.x=a.x,o.y=a.y,o.radius=this.props.pickingRadius,o.canvasId=s}}this.layerManager&&(this.layerManager.context.mousePosition={x:o.x,y:o.y}),o.event=i},this._onEvent=i=>{let o=Ui[i.type],s=i.offsetCenter,a=this._getCanvasIdFromEvent(i);if(!o||!s||!this.layerManager)return;let c=this.layerManager.getLayers(),l=this._getInternalPickingMode();if(!l)return;if(l==="sync"){let u=i.type==="click"&&this._shouldUnproject3D(c)?this._getFirstPickedInfo(this._pickPointSync(this._getPointPickOptions(s.x,s.y,{unproject3D:!0,canvasId:a},c))):this._getLastPointerDownPickingInfo(s.x,s.y,a,c);this._dispatchPickingEvent(u,i);return}(this._lastPointerDownInfoPromise||Promise.resolve(this._getLastPointerDownPickingInfo(s.x,s.y,a,c))).then(u=>{this._dispatchPickingEvent(u,i)}).catch(u=>this.props.onError?.(u))},this._onPointerDown=i=>{let o=i.offsetCenter,s=this._getCanvasIdFromEvent(i);if(!o)return;let a=this._getInternalPickingMode();if(!a)return;let c=this.layerManager?.getLayers()||[],l=++this._pointerDownPickSequence;if(a==="sync"){let u=this._pickPointSync({x:o.x,y:o.y,canvasId:s,radius:this.props.pickingRadius}),d=this._getFirstPickedInfo(u);this._lastPointerDownInfo=d,this._lastPointerDownInfoPromise=Promise.resolve(d);return}let f=this._pickPointAsync(this._getPointPickOptions(o.x,o.y,{canvasId:s},c)).then(u=>this._getFirstPickedInfo(u)).then(u=>(l===this._pointerDownPickSequence&&(this._lastPointerDownInfo=u),u)).catch(u=>{this.props.onError?.(u);let d=this.deckPicker&&this.viewManager?this._getLastPointerDownPickingInfo(o.x,o.y,s,c):{};return l===this._pointerDownPickSequence&&(this._lastPointerDownInfo=d),d});this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=f};let t=e;this.props={...d2,...e},e=this.props,this._validateCanvasConfiguration(e),e.viewState&&e.initialViewState&&N.warn("View state tracking is disabled. Use either `initialViewState` for auto update or `viewState` for manual update.")(),this.viewState=this.props.initialViewState,e.device&&(this.device=e.device,this._setDeviceCanvasContext(e.device));let n=this.device;!n&&e.gl&&(e.gl instanceof WebGLRenderingContext&&N.error("WebGL1 context not supported.")(),n=ba.attach(e.gl,{_cacheShaders:!0,_cachePipelines:!0,...this.props.deviceProps})),n||(n=this._createDevice(e)),this.animationLoop=this._createAnimationLoop(n,e),this.setProps(t),e._typedArrayManagerProps&&Mt.setOptions(e._typedArrayManagerProps),this.animationLoop.start()}finalize(){this._restoreDeviceResizeHandler(),this.animationLoop?.stop(),this.animationLoop?.destroy(),this.animationLoop=null,this._hoverPickSequence++,this._pointerDownPickSequence++,this._lastPointerDownInfo=null,this._lastPointerDownInfoPromise=null,this.layerManager?.finalize(),this.layerManager=null,this.viewManager?.finalize(),this.viewManager=null,this.effectManager?.finalize(),this.effectManager=null,this.deckRenderer?.finalize(),this.deckRenderer=null,this.deckPicker?.finalize(),this.deckPicker=null,Object.keys(this._canvasManager.targets).length||this.eventManager?.destroy(),this.eventManager=null,this.eventManagers={},this.widgetManager?.finalize(),this.widgetManager=null,this._canvasManager.finalize(),this._isMultiCanvasMode()?this.canvas=null:this.canvas&&this.canvas===this._ownedCanvas&&(this.canvas.parentElement?.removeChild(this.canvas),this.canvas=null,this._ownedCanvas=null),this._canvasContext=null}setProps(e){this.stats.get("setProps Time").timeStart(),"onLayerHover"in e&&N.removed("onLayerHover","onHover")(),"onLayerClick"in e&&N.removed("onLayerClick","onClick")(),e.initialViewState&&!ue(this.props.initialViewState,e.initialViewState,3)&&(this.viewState=e.initialViewState),Z(!("_canvases"in e)||Array.isArray(e._canvases)===this._isMultiCanvasMode()),Object.assign(this.props,e),this._validateCanvasConfiguration(this.props),this._validateInternalPickingMode(),this.device&&this._isMultiCanvasMode()&&this._syncCanvasTargets(),this._setCanvasSize(this.props);let t=Object.create(this.props);if(Object.assign(t,{views:this._getViews(),width:this.width,height:this.height,viewState:this._getViewState(),eventManagers:this.eventManagers}),e.device&&e.device.id!==this.device?.id){let n=e.device.getDefaultCanvasContext();this.animationLoop?.stop(),!this._isMultiCanvasMode()&&this.canvas!==n.canvas&&(this.canvas?.remove(),this.eventManager?.destroy(),this.canvas=null),this._setDeviceCanvasContext(e.device),N.log(`recreating animation loop for new device! id=${e.device.id}`)(),this.animationLoop=this._createAnimationLoop(e.device,e),this.animationLoop.start()}if(this.animationLoop?.setProps(t),e.useDevicePixels!==void 0&&this._canvasContext?.setProps){this._canvasContext.setProps({useDevicePixels:e.useDevicePixels});for(let n of Object.values(this._canvasManager.targets))n.presentationContext.setProps({useDevicePixels:e.useDevicePixels})}this.layerManager&&(this.viewManager.setProps(t),this.layerManager.activateViewport(this.getViewports()[0]),this.layerManager.setProps(t),this.effectManager.setProps(t),this.deckRenderer.setProps(t),this.deckPicker.setProps(t),this.widgetManager.setProps(t)),this.stats.get("setProps Time").timeEnd()}needsRedraw(e={clearRedrawFlags:!1}){if(!this.layerManager)return!1;if(this.props._animate)return"Deck._animate";let t=this._needsRedraw;e.clearRedrawFlags&&(this._needsRedraw=!1);let n=this.viewManager.needsRedraw(e),i=this.layerManager.needsRedraw(e),o=this.effectManager.needsRedraw(e),s=this.deckRenderer.needsRedraw(e);return t=t||n||i||o||s,t}redraw(e){if(!this.layerManager)return;let t=this.needsRedraw({clearRedrawFlags:!0});t=e||t,t&&(this.stats.get("Redraw Count").incrementCount(),this.props._customRender?this.props._customRender(t):this._drawLayers(t))}get isInitialized(){return this.viewManager!==null}getViews(){return Z(this.viewManager),this.viewManager.views}getView(e){return Z(this.viewManager),this.viewManager.getView(e)}getViewports(e){return Z(this.viewManager),this.viewManager.getViewports(e)}getCanvas(){return this.canvas}getCanvasContext(e){let t=e?this.viewManager?.getView(e)?.props.canvasId:void 0;return this._getCanvasContext(t)}getEventManager(e){if(!e||!this.viewManager)return this.eventManager;let t=this.viewManager.getCanvasId(e)||Jr;return this.eventManagers[t]||this.eventManager}async pickObjectAsync(e){let t=(await this._pickAsync("pickObjectAsync","pickObject Time",e)).result;return t.length?t[0]:null}async pickObjectsAsync(e){return await this._pickAsync("pickObjectsAsync","pickObjects Time",e)}pickObject(e){let t=this._pick("pickObject","pickObject Time",e).result;return t.length?t[0]:null}pickMultipleObjects(e){return e.depth=e.depth||10,this._pick("pickObject","pickMultipleObjects Time",e).result}pickObjects(e){return this._pick("pickObjects","pickObjects Time",e)}_pickPositionForController(e,t,n){return this._getInternalPickingMode()!=="sync"?null:this.pickObject({x:e,y:t,radius:0,unproject3D:!0,canvasId:n?this.viewManager?.getCanvasId(n):void 0})}_addResources(e,t=!1){for(let n in e)this.layerManager.resourceManager.add({resourceId:n,data:e[n],forceUpdate:t})}_removeResources(e){for(let t of e)this.layerManager.resourceManager.remove(t)}_addDefaultEffect(e){this.effectManager.addDefaultEffect(e)}_addDefaultShaderModule(e){this.layerManager.addDefaultShaderModule(e)}_removeDefaultShaderModule(e){this.layerManager?.removeDefaultShaderModule(e)}_resolveInternalPickingMode(){let{pickAsync:e}=this.props,t=this.device?.type||this.props.deviceProps?.type;if(e==="auto")return t==="webgpu"?"async":"sync";if(e==="sync"&&t==="webgpu")throw new Error('`pickAsync: "sync"` is not supported when Deck is using a WebGPU device.');return e}_getInternalPickingMode(){try{return this._resolveInternalPickingMode()}catch(e){return this.props.onError?.(e),null}}_validateInternalPickingMode(){this._getInternalPickingMode()}_getFirstPickedInfo({result:e,emptyInfo:t}){return e[0]||t}_shouldUnproject3D(e=this.layerManager?.getLayers()||[]){return e.some(t=>t.props.pickable==="3d")}_getPointPickOptions(e,t,n={},i=this.layerManager?.getLayers()||[]){return{x:e,y:t,canvasId:n.canvasId,radius:this.props.pickingRadius,unproject3D:this._shouldUnproject3D(i),...n}}_pickPointSync(e){return this._pick("pickObject","pickObject Time",e)}_pickPointAsync(e){return this._pickAsync("pickObjectAsync","pickObject Time",e)}_getLastPointerDownPickingInfo(e,t,n,i=this.layerManager?.getLayers()||[]){return this.deckPicker.getLastPickedObject({x:e,y:t,layers:i,viewports:this.getViewports({x:e,y:t,canvasId:n})},this._lastPointerDownInfo)}_applyHoverCallbacks({result:e,emptyInfo:t},n){if(!this.widgetManager)return;this.cursorState.isHovering=e.length>0;let i=t,o=!1;for(let s of e)i=s,o=s.layer?.onHover(s,n)||o;o||(this.props.onHover?.(i,n),this.widgetManager.onHover(i,n))}_dispatchPickingEvent(e,t){if(!this.layerManager||!this.widgetManager)return;let n=Ui[t.type];if(!n)return;let{layer:i}=e,o=i&&(i[n]||i.props[n]),s=this.props[n],a=!1;o&&(a=o.call(i,e,t)),a||(s?.(e,t),this.widgetManager.onEvent(e,t))}_pickAsync(e,t,n){Z(this.deckPicker);let{stats:i}=this,o=this._isMultiCanvasMode()?n.canvasId||this._getDefaultCanvasId():n.canvasId,s=this._getCanvasContext(o)||void 0;i.get("Pick Count").incrementCount(),i.get(t).timeStart(),this._resizeForCanvasTarget(o);let a=this.deckPicker[e]({layers:this.layerManager.getLayers(n),views:this.viewManager.getViews(),viewports:this.getViewports({...n,canvasId:o}),onViewportActive:this.layerManager.activateViewport,effects:this.effectManager.getEffects(),...n,canvasId:o,canvasContext:s});return i.get(t).timeEnd(),a}_pick(e,t,n){Z(this.deckPicker);let{stats:i}=this,o=this._isMultiCanvasMode()?n.canvasId||this._getDefaultCanvasId():n.canvasId,s=this._getCanvasContext(o)||void 0;i.get("Pick Count").incrementCount(),i.get(t).timeStart(),this._resizeForCanvasTarget(o);let a=this.deckPicker[e]({layers:this.layerManager.getLayers(n),views:this.viewManager.getViews(),viewports:this.getViewports({...n,canvasId:o}),onViewportActive:this.layerManager.activateViewport,effects:this.effectManager.getEffects(),...n,canvasId:o,canvasContext:s});return i.get(t).timeEnd(),a}_createCanvas(e){let t=e.canvas;return typeof t=="string"&&(t=document.getElementById(t),Z(t)),t?this._ownedCanvas=null:(t=document.createElement("canvas"),t.id=e.id||"deckgl-overlay",e.width&&typeof e.width=="number"&&(t.width=e.width),e.height&&typeof e.height=="number"&&(t.height=e.height),(e.parent||document.body).appendChild(t),this._ownedCanvas=t),Object.assign(t.style,e.style),t}_isMultiCanvasMode(){return Array.isArray(this.props._canvases)}_getDefaultCanvasId(){return this._canvasManager.order[0]||Jr}_validateCanvasConfiguration(e){Array.isArray(e._canvases)&&(Z(!e.canvas),Z(!e.gl),Z(!e.device?.canvasContext||e.device.getDefaultCanvasContext().offscreenCanvas))}_createEventManager(e){let t=new Rs(e,{touchAction:this.props.touchAction,recognizers:Object.keys(Cg).map(n=>{let[i,o,s,a]=Cg[n],c=this.props.eventRecognizerOptions?.[n],l={...o,...c,event:n};return{recognizer:new i(l),recognizeWith:s,requireFailure:a}}),events:{pointerdown:this._onPointerDown,pointermove:this._onPointerMove,pointerleave:this._onPointerMove}});for(let n in Ui)n==="dblclick"?t.watch(n,this._onEvent):t.on(n,this._onEvent);return t}_getEventRoot(e){return e.closest(".deck-events-root")||this.props.parent?.querySelector(".deck-events-root")||e}_syncCanvasTargets(){if(!this.device||!this._isMultiCanvasMode())return;this._canvasManager.syncCanvasEntries({device:this.device,canvases:this.props._canvases||[],useDevicePixels:this.props.useDevicePixels}),this.eventManagers=this._canvasManager.eventManagers;let e=this._getDefaultCanvasId();this.eventManager=this.eventManagers[e]||null,this.canvas=this._canvasManager.targets[e]?.canvas||null}_setCanvasContext(e){this._canvasContext=e,"style"in e.canvas&&(this.canvas=e.canvas)}_setDeviceCanvasContext(e,t={}){let n=e.getDefaultCanvasContext();this._setCanvasContext(n),this._setDeviceResizeHandler(e,t)}_setDeviceResizeHandler(e,t={}){let n=!!t.syncDrawingBuffer;if(this._deviceResizeHandler?.device===e){this._deviceResizeHandler.syncDrawingBuffer=n;return}this._restoreDeviceResizeHandler();let i=o=>{this._isMultiCanvasMode()?this._updateMultiCanvasDimensions():o===this._canvasContext&&this._canvasContext&&this._onCanvasContextResize(this._canvasContext,{syncDrawingBuffer:this._deviceResizeHandler?.syncDrawingBuffer})};e.props.onResize=i,this._deviceResizeHandler={device:e,onResize:i,syncDrawingBuffer:n}}_restoreDeviceResizeHandler(){let e=this._deviceResizeHandler;e&&e.device.props?.onResize===e.onResize&&(e.device.props.onResize=Tr),this._deviceResizeHandler=null}_setCanvasSize(e){if(this._isMultiCanvasMode()||!this.canvas)return;let{width:t,height:n}=e;if(t||t===0){let i=Number.isFinite(t)?`${t}px`:t;this.canvas.style.width=i}if(n||n===0){let i=Number.isFinite(n)?`${n}px`:n;this.canvas.style.position=e.style?.position||"absolute",this.canvas.style.height=i}}_getCanvasIdFromEvent(e){return this._canvasManager.getCanvasIdFromEvent(e?.rootElement)}_getCanvasContext(e){return this._canvasManager.getTarget(e)?.presentationContext||this._canvasContext}_resizeForCanvasTarget(e){let t=this._canvasManager.getTarget(e);if(!t||!this.device?.canvasContext)return;let[n,i]=t.presentationContext.getDrawingBufferSize();this.device.canvasContext.setDrawingBufferSize(n,i)}_createDeviceCanvas(e){if(this._isMultiCanvasMode()){let t=globalThis.OffscreenCanvas;if(!t)throw new Error("`_canvases` requires OffscreenCanvas support.");let n=typeof e.width=="number"&&Number.isFinite(e.width)?e.width:1,i=typeof e.height=="number"&&Number.isFinite(e.height)?e.height:1;return new t(n,i)}return this._createCanvas(e)}_updateCanvasSize(e=this._canvasContext){if(this._isMultiCanvasMode()){this._updateMultiCanvasDimensions();return}let{canvas:t}=this,[n,i]=e?e.getCSSSize():[t?.clientWidth??t?.width??0,t?.clientHeight??t?.height??0];(n!==this.width||i!==this.height)&&(this.width=n,this.height=i,this.viewManager?.setProps({width:n,height:i}),this.layerManager?.activateViewport(this.getViewports()[0]),this.props.onResize({width:n,height:i},e||void 0))}_onCanvasContextResize(e,t={}){if(t.syncDrawingBuffer){let{width:n,height:i}=e.canvas;e.setDrawingBufferSize(n,i)}this._needsRedraw="Canvas resized",this._updateCanvasSize(e)}_updateMultiCanvasDimensions(){let[e,t]=this._getCanvasContext()?.getCSSSize()||[0,0];(e!==this.width||t!==this.height)&&(this.width=e,this.height=t,this.props.onResize({width:e,height:t})),this._needsRedraw="Canvas resized",this.viewManager?.setNeedsUpdate("Canvas resized"),this.viewManager?.setProps({width:this.width,height:this.height})}_createAnimationLoop(e,t){let{gl:n,onError:i}=t;return new Vs({device:e,autoResizeDrawingBuffer:!n&&!Array.isArray(t._canvases),autoResizeViewport:!1,onInitialize:o=>this._setDevice(o.device),onRender:this._onRenderFrame.bind(this),onError:i})}_createDevice(e){let t=this.props.deviceProps?.createCanvasContext,n=typeof t=="object"?t:void 0,i={adapters:[],_cacheShaders:!0,_cachePipelines:!0,...e.deviceProps};i.adapters.includes(ba)||i.adapters.push(ba);let o={alphaMode:this.props.deviceProps?.type==="webgpu"?"premultiplied":void 0};return xi.createDevice({_reuseDevices:!0,type:"webgl",...i,createCanvasContext:{...o,...n,canvas:this._createDeviceCanvas(e),useDevicePixels:this.props.useDevicePixels,autoResize:!0}})}_getViewState(){return this.props.viewState||this.viewState}_getViews(){let{views:e}=this.props,t=Array.isArray(e)?e:e?[e]:[new Af({id:"default-view"})];return t.length&&this.props.controller&&(t[0]=t[0].clone({controller:this.props.controller})),t}_onContextLost(){let{onError:e}=this.props;this.animationLoop&&e&&e(new Error("WebGL context is lost"))}_pickAndCallback(){let{_pickRequest:e}=this;if(e.event){let t=e.event,n=this.layerManager?.getLayers()||[],i=this._getPointPickOptions(e.x,e.y,{canvasId:e.canvasId,radius:e.radius,mode:e.mode},n),o=this._getInternalPickingMode(),s=++this._hoverPickSequence;if(e.event=null,e.canvasId=void 0,!o)return;if(o==="sync"){this._applyHoverCallbacks(this._pickPointSync(i),t);return}this._pickPointAsync(i).then(({result:a,emptyInfo:c})=>{s===this._hoverPickSequence&&this._applyHoverCallbacks({result:a,emptyInfo:c},t)}).catch(a=>this.props.onError?.(a))}}_updateCursor(){let e=this.props.getCursor(this.cursorState);if(this._isMultiCanvasMode()){for(let n of Object.values(this._canvasManager.targets))n.canvas.style.cursor=e;return}let t=this.props.parent||this.canvas;t&&(t.style.cursor=e)}_setDevice(e){if(this.device=e,this._validateInternalPickingMode(),!this.animationLoop)return;this._setDeviceCanvasContext(e,{syncDrawingBuffer:!!(this.props.gl&&this.props.device!==e)}),this._isMultiCanvasMode()?this._syncCanvasTargets():this.canvas&&!this.canvas.isConnected&&this.props.parent&&this.props.parent.insertBefore(this.canvas,this.props.parent.firstChild),this.device.type==="webgl"&&this.device.setParametersWebGL({blend:!0,blendFunc:[770,771,1,771],polygonOffsetFill:!0,depthTest:!0,depthFunc:515}),this.props.onDeviceInitialized(this.device),this.device.type==="webgl"&&this.props.onWebGLInitialized(this.device.gl);let t=new Yn;if(t.play(),this.animationLoop.attachTimeline(t),!this._isMultiCanvasMode()){let o=this.canvas&&this._getEventRoot(this.canvas);Z(o),this.eventManager=this._createEventManager(o),this.eventManagers={[Jr]:this.eventManager}}this.viewManager=new Qs({timeline:t,eventManager:this.eventManager,eventManagers:this.eventManagers,getCanvasContext:this._isMultiCanvasMode()?this.getCanvasContext.bind(this):void 0,onViewStateChange:this._onViewStateChange.bind(this),onInteractionStateChange:this._onInteractionStateChange.bind(this),pickPosition:this._pickPositionForController.bind(this),views:this._getViews(),viewState:this._getViewState(),width:this.width,height:this.height});let n=this.viewManager.getViewports()[0];this.layerManager=new Ks(this.device,{deck:this,stats:this.stats,viewport:n,timeline:t}),this.effectManager=new ia({deck:this,device:this.device}),this.deckRenderer=new sa(this.device,{stats:this.stats}),this.deckPicker=new aa(this.device,{stats:this.stats});let i=this.props.parent?.querySelector(".deck-widgets-root")||(this._isMultiCanvasMode()?this.props.parent||this.canvas?.parentElement:null)||this.canvas?.parentElement;this.widgetManager=new If({deck:this,parentElement:i}),this.widgetManager.addDefault(new ca),this.setProps({}),this._updateCanvasSize(this._canvasContext),this.props.onLoad()}_drawLayers(e,t){let{device:n,gl:i}=this.layerManager.context;this.props.onBeforeRender({device:n,gl:i});let o={target:this.props._framebuffer,layers:this.layerManager.getLayers(),viewports:this.viewManager.getViewports(),onViewportActive:this.layerManager.activateViewport,views:this.viewManager.getViews(),pass:"screen",effects:this.effectManager.getEffects(),...t};if(this._isMultiCanvasMode()&&o.pass==="screen"&&!o.target&&this._canvasManager.order.length)for(let s of this._canvasManager.order){let a=o.viewports.filter(f=>this.viewManager.getCanvasId(f.id)===s);if(!a.length){let f=this._canvasManager.targets[s];this._resizeForCanvasTarget(s),this.deckRenderer?.renderLayers({...o,canvasContext:f.presentationContext,target:f.presentationContext.getCurrentFramebuffer(),viewports:[],clearCanvas:!0}),f.presentationContext.present();continue}let c=this._canvasManager.targets[s];this._resizeForCanvasTarget(s);let l=c.presentationContext.getCurrentFramebuffer();this.deckRenderer?.renderLayers({...o,canvasContext:c.presentationContext,target:l,viewports:a}),c.presentationContext.present()}else this.deckRenderer?.renderLayers(o);o.pass==="screen"&&this.widgetManager.onRedraw({viewports:o.viewports,layers:o.layers}),this.props.onAfterRender({device:n,gl:i})}_onRenderFrame(){this._getFrameStats(),this._metricsCounter++%60===0&&(this._getMetrics(),this.stats.reset(),N.table(4,this.metrics)(),this.props._onMetrics&&this.props._onMetrics(this.metrics)),this._updateCursor(),this.layerManager.updateLayers(),this._pickAndCallback(),this.redraw(),this.viewManager&&this.viewManager.updateViewStates()}_onViewStateChange(e){let t=this.props.onViewStateChange(e)||e.viewState;this.viewState&&(this.viewState={...this.viewState,[e.viewId]:t},this.props.viewState||this.viewManager&&this.viewManager.setProps({viewState:this.viewState}))}_onInteractionStateChange(e){this.cursorState.isDragging=e.isDragging||!1,this.props.onInteractionStateChange(e)}_getFrameStats(){let{stats:e}=this;e.get("frameRate").timeEnd(),e.get("frameRate").timeStart();let t=this.animationLoop.stats;e.get("GPU Time").addTime(t.get("GPU Time").lastTiming),e.get("CPU Time").addTime(t.get("CPU Time").lastTiming)}_getMetrics(){let{metrics:e,stats:t}=this;e.fps=t.get("frameRate").getHz(),e.setPropsTime=t.get("setProps Time").time,e.updateAttributesTime=t.get("Update Attributes").time,e.framesRedrawn=t.get("Redraw Count").count,e.pickTime=t.get("pickObject Time").time+t.get("pickMultipleObjects Time").time+t.get("pickObjects Time").time,e.pickCount=t.get("Pick Count").count,e.layersCount=this.layerManager?.layers.length??0,e.drawLayersCount=t.get("Layers rendered").lastSampleCount,e.pickLayersCount=t.get("Layers picked").lastSampleCount,e.updateLayersCount=t.get("Layer updates").count,e.updateAttributesCount=t.get("Attributes updated").count,e.gpuTime=t.get("GPU Time").time,e.cpuTime=t.get("CPU Time").time,e.gpuTimePerFrame=t.get("GPU Time").getAverageTime(),e.cpuTimePerFrame=t.get("CPU Time").getAverageTime();let n=xi.stats.get("GPU Time and Memory");e.bufferMemory=n.get("Buffer Memory").count,e.textureMemory=n.get("Texture Memory").count,e.renderbufferMemory=n.get("Renderbuffer Memory").count,e.gpuMemory=n.get("GPU Memory").count}};va.defaultProps=d2;va.VERSION=lx;var h2=va;z();z();function p2(r){switch(r){case"float64":return Float64Array;case"uint8":case"unorm8":return Uint8ClampedArray;default:return xn(r)}}var g2=Le.getDataType.bind(Le);function wa(r,e,t){if(e.size>4)return null;let n=t==="webgpu"&&e.type==="uint8"?"unorm8":e.type,i=e.size,o=!!(t!=="webgpu"&&i===3&&n&&["uint8","sint8","unorm8","snorm8","uint16","sint16","unorm16","snorm16"].includes(n));return{attribute:r,format:i>1?`${n}x${i}${o?"-webgl":""}`:e.type,byteOffset:e.offset||0}}function vt(r){return r.stride||r.size*r.bytesPerElement}function m2(r,e){return r.type===e.type&&r.size===e.size&&vt(r)===vt(e)&&(r.offset||0)===(e.offset||0)}function Rm(r,e){e.offset&&N.removed("shaderAttribute.offset","vertexOffset, elementOffset")();let t=vt(r),n=e.vertexOffset!==void 0?e.vertexOffset:r.vertexOffset||0,i=e.elementOffset||0,o=n*t+i*r.bytesPerElement+(r.offset||0);return{...e,offset:o,stride:t}}function dN(r,e){let t=Rm(r,e);return{high:t,low:{...t,offset:t.offset+r.size*4}}}var Ea=class{constructor(e,t,n){this._buffer=null,this.device=e,this.id=t.id||"",this.size=t.size||1;let i=t.logicalType||t.type,o=i==="float64",{defaultValue:s}=t;s=Number.isFinite(s)?[s]:s||new Array(this.size).fill(0);let a;o?a="float32":!i&&t.isIndexed?a="uint32":a=i||"float32";let c=p2(i||a);this.doublePrecision=o,o&&t.fp64===!1&&(c=Float32Array),this.value=null,this.settings={...t,defaultType:c,defaultValue:s,logicalType:i,type:a,normalized:a.includes("norm"),size:this.size,bytesPerElement:c.BYTES_PER_ELEMENT},this.state={...n,externalBuffer:null,bufferAccessor:this.settings,allocatedValue:null,numInstances:0,bounds:null,constant:!1}}get isConstant(){return this.state.constant}get buffer(){return this._buffer}get byteOffset(){let e=this.getAccessor();return e.vertexOffset?e.vertexOffset*vt(e):0}get numInstances(){return this.state.numInstances}set numInstances(e){this.state.numInstances=e}get isDoublePrecisionBuffer(){return this._shouldSplitDoublePrecisionValue(this.value)}delete(){this._buffer&&(this._buffer.delete(),this._buffer=null),Mt.release(this.state.allocatedValue),this.state.allocatedValue=null}getBuffer(){return this.state.constant&&this.device.type!=="webgpu"?null:this.state.externalBuffer||this._buffer}getValue(e=this.id,t=null){let n={};if(this.state.constant){let i=this.value;if(this.device.type==="webgpu"&&this._buffer)n[e]=this._buffer;else if(t){let o=Rm(this.getAccessor(),t),s=o.offset/i.BYTES_PER_ELEMENT,a=o.size||this.size;n[e]=i.subarray(s,s+a)}else n[e]=i}else n[e]=this.getBuffer();return this.doublePrecision&&(this.isDoublePrecisionBuffer?n[`${e}64Low`]=n[e]:n[`${e}64Low`]=new Float32Array(this.size)),n}_getBufferLayout(e=this.id,t=null){let n=this.getAccessor(),i=[],o={name:this.id,byteStride:this.device.type==="webgpu"&&this.state.constant?0:vt(n)};if(this.doublePrecision){let s=dN(n,t||{});i.push(wa(e,{...n,...s.high},this.device.type),wa(`${e}64Low`,{...n,...s.low},this.device.type))}else if(t){let s=Rm(n,t);i.push(wa(e,{...n,...s},this.device.type))}else i.push(wa(e,n,this.device.type));return o.attributes=i.filter(Boolean),o}setAccessor(e){this.state.bufferAccessor=e}getAccessor(){return this.state.bufferAccessor}getBounds(){if(this.state.bounds)return this.state.bounds;let e=null;if(this.state.constant&&this.value){let t=Array.from(this.value);e=[t,t]}else{let{value:t,numInstances:n,size:i}=this,o=n*i;if(t&&o&&t.length>=o){let s=new Array(i).fill(1/0),a=new Array(i).fill(-1/0);for(let c=0;c<o;)for(let l=0;l<i;l++){let f=t[c++];f<s[l]&&(s[l]=f),f>a[l]&&(a[l]=f)}e=[s,a]}}return this.state.bounds=e,e}setData(e){let{state:t}=this,n;ArrayBuffer.isView(e)?n={value:e}:e instanceof V?n={buffer:e}:n=e;let i={...this.settings,...n};if(ArrayBuffer.isView(n.value)){if(!n.type)if(this.doublePrecision&&n.value instanceof Float64Array)i.type="float32";else{let s=g2(n.value);i.type=i.normalized?s.replace("int","norm"):s}i.bytesPerElement=n.value.BYTES_PER_ELEMENT,i.stride=vt(i)}if(t.bounds=null,n.constant){let o=n.value;if(o=this._normalizeValue(o,[],0),this.settings.normalized&&(o=this.normalizeConstant(o)),!(!t.constant||!this._areValuesEqual(o,this.value)))return!1;t.externalBuffer=null,t.constant=!0,this.value=ArrayBuffer.isView(o)?o:new Float32Array(o)}else if(n.buffer){let o=n.buffer;t.externalBuffer=o,t.constant=!1,this.value=n.value||null}else if(n.value){this._checkExternalBuffer(n);let o=n.value,s=o;t.externalBuffer=null,t.constant=!1,this.value=o,this._shouldSplitDoublePrecisionValue(s)&&(s=Hi(s,i),o instanceof Float32Array&&(i.stride=i.size*2*Float32Array.BYTES_PER_ELEMENT));let{buffer:a}=this,c=vt(i),l=(i.vertexOffset||0)*c;if(this.settings.isIndexed){let u=this.settings.defaultType;s.constructor!==u&&(s=new u(s))}let f=s.byteLength+l+c*2;(!a||a.byteLength<f)&&(a=this._createBuffer(f)),a.write(s,l)}return this.setAccessor(i),!0}updateSubBuffer(e={}){this.state.bounds=null;let t=this.value,{startOffset:n=0,endOffset:i}=e,o=this._shouldSplitDoublePrecisionValue(t);this.buffer.write(o?Hi(t,{size:this.size,startIndex:n,endIndex:i}):t.subarray(n,i),n*(o?8:t.BYTES_PER_ELEMENT)+this.byteOffset)}allocate(e,t=!1){let{state:n}=this,i=n.allocatedValue,o=Mt.allocate(i,e+1,{size:this.size,type:this.settings.defaultType,copy:t});this.value=o;let s=this._shouldSplitDoublePrecisionValue(o),a=s&&o instanceof Float32Array?{...this.settings,stride:this.size*2*Float32Array.BYTES_PER_ELEMENT}:this.settings;this.setAccessor(a);let{byteOffset:c}=this,{buffer:l}=this,f=o.byteLength*(s&&o instanceof Float32Array?2:1);return(!l||l.byteLength<f+c)&&(l=this._createBuffer(f+c),t&&i&&l.write(this._shouldSplitDoublePrecisionValue(i)?Hi(i,this):i,c)),n.allocatedValue=o,n.constant=!1,n.externalBuffer=null,!0}_shouldSplitDoublePrecisionValue(e){return!!(this.doublePrecision&&(e instanceof Float64Array||this.device.type==="webgpu"&&e instanceof Float32Array))}_checkExternalBuffer(e){let{value:t}=e;if(!ArrayBuffer.isView(t))throw new Error(`Attribute ${this.id} value is not TypedArray`);let n=this.settings.defaultType,i=!1;if(this.doublePrecision&&(i=t.BYTES_PER_ELEMENT<4),i)throw new Error(`Attribute ${this.id} does not support ${t.constructor.name}`);!(t instanceof n)&&this.settings.normalized&&!("normalized"in e)&&N.warn(`Attribute ${this.id} is normalized`)()}normalizeConstant(e){switch(this.settings.type){case"snorm8":return new Float32Array(e).map(t=>(t+128)/255*2-1);case"snorm16":return new Float32Array(e).map(t=>(t+32768)/65535*2-1);case"unorm8":return new Float32Array(e).map(t=>t/255);case"unorm16":return new Float32Array(e).map(t=>t/65535);default:return e}}_normalizeValue(e,t,n){let{defaultValue:i,size:o}=this.settings;if(Number.isFinite(e))return t[n]=e,t;if(!e){let s=o;for(;--s>=0;)t[n+s]=i[s];return t}switch(o){case 4:t[n+3]=Number.isFinite(e[3])?e[3]:i[3];case 3:t[n+2]=Number.isFinite(e[2])?e[2]:i[2];case 2:t[n+1]=Number.isFinite(e[1])?e[1]:i[1];case 1:t[n+0]=Number.isFinite(e[0])?e[0]:i[0];break;default:let s=o;for(;--s>=0;)t[n+s]=Number.isFinite(e[s])?e[s]:i[s]}return t}_areValuesEqual(e,t){if(!e||!t)return!1;let{size:n}=this;for(let i=0;i<n;i++)if(e[i]!==t[i])return!1;return!0}_createBuffer(e){this._buffer&&this._buffer.destroy();let{isIndexed:t,type:n}=this.settings,i=this.device.type==="webgpu"&&!t?V.VERTEX|V.STORAGE|V.COPY_DST|V.COPY_SRC:(t?V.INDEX:V.VERTEX)|V.COPY_DST;return this._buffer=this.device.createBuffer({...this._buffer?.props,id:this.id,usage:i,indexType:t?n:void 0,byteLength:e}),this._buffer}};var y2=[],_2=[];function Ft(r,e=0,t=1/0){let n=y2,i={index:-1,data:r,target:[]};return r?typeof r[Symbol.iterator]=="function"?n=r:r.length>0&&(_2.length=r.length,n=_2):n=y2,(e>0||Number.isFinite(t))&&(n=(Array.isArray(n)?n:Array.from(n)).slice(e,t),i.index=e-1),{iterable:n,objectInfo:i}}function hu(r){return r&&r[Symbol.asyncIterator]}function pu(r,e){let{size:t,stride:n,offset:i,startIndices:o,nested:s}=e,a=r.BYTES_PER_ELEMENT,c=n?n/a:t,l=i?i/a:0,f=Math.floor((r.length-l)/c);return(u,{index:d,target:p})=>{if(!o){let x=d*c+l;for(let v=0;v<t;v++)p[v]=r[x+v];return p}let g=o[d],m=o[d+1]||f,y;if(s){y=new Array(m-g);for(let x=g;x<m;x++){let v=x*c+l;p=new Array(t);for(let _=0;_<t;_++)p[_]=r[v+_];y[x-g]=p}}else if(c===t)y=r.subarray(g*t+l,m*t+l);else{y=new r.constructor((m-g)*t);let x=0;for(let v=g;v<m;v++){let _=v*c+l;for(let w=0;w<t;w++)y[x++]=r[_+w]}}return y}}var x2=[],Pa=[[0,1/0]];function b2(r,e){if(r===Pa||(e[0]<0&&(e[0]=0),e[0]>=e[1]))return r;let t=[],n=r.length,i=0;for(let o=0;o<n;o++){let s=r[o];s[1]<e[0]?(t.push(s),i=o+1):s[0]>e[1]?t.push(s):e=[Math.min(s[0],e[0]),Math.max(s[1],e[1])]}return t.splice(i,0,e),t}var pN={interpolation:{duration:0,easing:r=>r},spring:{stiffness:.05,damping:.5}};function gu(r,e){if(!r)return null;Number.isFinite(r)&&(r={type:"interpolation",duration:r});let t=r.type||"interpolation";return{...pN[t],...e,...r,type:t}}var ri=class extends Ea{constructor(e,t){super(e,t,{startIndices:null,constantValue:null,lastExternalBuffer:null,binaryValue:null,binaryAccessor:null,needsUpdate:!0,needsRedraw:!1,layoutChanged:!1,updateRanges:Pa}),this.constant=!1,this.settings.update=t.update||(t.accessor?this._autoUpdater:void 0),Object.seal(this.settings),Object.seal(this.state),this._validateAttributeUpdaters()}get startIndices(){return this.state.startIndices}set startIndices(e){this.state.startIndices=e}needsUpdate(){return this.state.needsUpdate}needsRedraw({clearChangedFlags:e=!1}={}){let t=this.state.needsRedraw;return this.state.needsRedraw=t&&!e,t}layoutChanged(){return this.state.layoutChanged}setAccessor(e){var t;(t=this.state).layoutChanged||(t.layoutChanged=!m2(e,this.getAccessor())),super.setAccessor(e)}getUpdateTriggers(){let{accessor:e}=this.settings;return[this.id].concat(typeof e!="function"&&e||[])}supportsTransition(){return!!this.settings.transition}getTransitionSetting(e){if(!e||!this.supportsTransition())return null;let{accessor:t}=this.settings,n=this.settings.transition,i=Array.isArray(t)?e[t.find(o=>e[o])]:e[t];return gu(i,n)}setNeedsUpdate(e=this.id,t){if(this.state.needsUpdate=this.state.needsUpdate||e,this.setNeedsRedraw(e),t){let{startRow:n=0,endRow:i=1/0}=t;this.state.updateRanges=b2(this.state.updateRanges,[n,i])}else this.state.updateRanges=Pa}clearNeedsUpdate(){this.state.needsUpdate=!1,this.state.updateRanges=x2}setNeedsRedraw(e=this.id){this.state.needsRedraw=this.state.needsRedraw||e}allocate(e){let{state:t,settings:n}=this;if(n.noAlloc)return!1;if(n.update){let i=this.isConstant;return super.allocate(e,t.updateRanges!==Pa),t.layoutChanged||(t.layoutChanged=i&&this.device.type==="webgpu"),!0}return!1}updateBuffer({numInstances:e,data:t,props:n,context:i}){if(!this.needsUpdate())return!1;let{state:{updateRanges:o},settings:{update:s,noAlloc:a}}=this,c=!0;if(s){for(let[l,f]of o)s.call(i,this,{data:t,startRow:l,endRow:f,props:n,numInstances:e});if(this.value)if(this.constant||!this.buffer||this.buffer.byteLength<this.value.byteLength+this.byteOffset){if(this.constant){let l=this.value;this.value=null,this.setConstantValue(i,l)}else this.setData({value:this.value,constant:this.constant});this.constant=!1}else for(let[l,f]of o){let u=Number.isFinite(l)?this.getVertexOffset(l):0,d=Number.isFinite(f)?this.getVertexOffset(f):a||!Number.isFinite(e)?this.value.length:e*this.size;super.updateSubBuffer({startOffset:u,endOffset:d})}this._checkAttributeArray()}else c=!1;return this.clearNeedsUpdate(),this.setNeedsRedraw(),c}setConstantValue(e,t){var n;if(t===void 0||typeof t=="function")return!1;let i=this.isConstant,o=this.settings.transform&&e?this.settings.transform.call(e,t):t,s=this.settings.defaultType;this.state.constantValue=this._normalizeValue(o,new s(this.size),0);let a=this.setData({constant:!0,value:o});if(this.device.type==="webgpu"){let c=this.state.constantValue;this.doublePrecision&&(c instanceof Float32Array||c instanceof Float64Array)&&(c=Hi(c,{size:this.size}),this.setAccessor({...this.getAccessor(),stride:this.size*2*Float32Array.BYTES_PER_ELEMENT}));let l=this._buffer;(!l||l.byteLength<c.byteLength)&&(l=this._createBuffer(c.byteLength)),l.write(c),(n=this.state).layoutChanged||(n.layoutChanged=!i),this.constant=!1}return a&&this.setNeedsRedraw(),this.clearNeedsUpdate(),!0}getConstantValue(){return this.isConstant?this.state.constantValue:null}setExternalBuffer(e){let{state:t}=this;return e?(this.clearNeedsUpdate(),t.lastExternalBuffer===e||(t.lastExternalBuffer=e,this.setNeedsRedraw(),this.setData(e)),!0):(t.lastExternalBuffer=null,!1)}setBinaryValue(e,t=null){let{state:n,settings:i}=this;if(!e)return n.binaryValue=null,n.binaryAccessor=null,!1;if(i.noAlloc)return!1;if(n.binaryValue===e)return this.clearNeedsUpdate(),!0;if(n.binaryValue=e,this.setNeedsRedraw(),i.transform||t!==this.startIndices){ArrayBuffer.isView(e)&&(e={value:e});let s=e;Z(ArrayBuffer.isView(s.value),`invalid ${i.accessor}`);let a=!!s.size&&s.size!==this.size;return n.binaryAccessor=pu(s.value,{size:s.size||this.size,stride:s.stride,offset:s.offset,startIndices:t,nested:a}),!1}return this.clearNeedsUpdate(),this.setData(e),!0}getVertexOffset(e){let{startIndices:t}=this;return(t?e<t.length?t[e]:this.numInstances:e)*this.size}getValue(){let e=this.settings.shaderAttributes,t=super.getValue();if(!e)return t;for(let n in e)Object.assign(t,super.getValue(n,e[n]));return t}getBufferLayout(e){this.state.layoutChanged=!1;let t=this.settings.shaderAttributes,n=super._getBufferLayout(),{stepMode:i}=this.settings;if(i==="dynamic"?n.stepMode=e?e.isInstanced?"instance":"vertex":"instance":n.stepMode=i??"vertex",!t)return n;for(let o in t){let s=super._getBufferLayout(o,t[o]);n.attributes.push(...s.attributes)}return n}_autoUpdater(e,{data:t,startRow:n,endRow:i,props:o,numInstances:s}){let{settings:a,state:c,value:l,size:f,startIndices:u}=e,{accessor:d,transform:p}=a,g=c.binaryAccessor||(typeof d=="function"?d:o[d]);Z(typeof g=="function",`accessor "${d}" is not a function`);let m=e.getVertexOffset(n),{iterable:y,objectInfo:x}=Ft(t,n,i);for(let v of y){x.index++;let _=g(v,x);if(p&&(_=p.call(this,_)),u){let w=(x.index<u.length-1?u[x.index+1]:s)-u[x.index];if(_&&Array.isArray(_[0])){let E=m;for(let P of _)e._normalizeValue(P,l,E),E+=f}else _&&_.length>f?l.set(_,m):(e._normalizeValue(_,x.target,0),ME({target:l,source:x.target,start:m,count:w}));m+=w*f}else e._normalizeValue(_,l,m),m+=f}}_validateAttributeUpdaters(){let{settings:e}=this;if(!(e.noAlloc||typeof e.update=="function"))throw new Error(`Attribute ${this.id} missing update or accessor`)}_checkAttributeArray(){let{value:e}=this,t=Math.min(4,this.size);if(e&&e.length>=t){let n=!0;switch(t){case 4:n=n&&Number.isFinite(e[3]);case 3:n=n&&Number.isFinite(e[2]);case 2:n=n&&Number.isFinite(e[1]);case 1:n=n&&Number.isFinite(e[0]);break;default:n=!1}if(!n)throw new Error(`Illegal attribute generated for ${this.id}`)}}};Cr();Fm();Cr();var Ta=class r{constructor({id:e,gpuDataEvaluators:t,gpuVector:n,format:i}){h(this,"gpuDataEvaluators");h(this,"format");h(this,"length");h(this,"id");h(this,"_gpuVector");h(this,"_ownsGPUDataEvaluators");h(this,"_destroyed",!1);if(t.length===0)throw new Error("GPUVectorEvaluator requires at least one GPUData evaluator");LN(t),this.id=e,this.gpuDataEvaluators=t,this.format=i??t[0].format,this.length=t.reduce((o,s)=>o+s.length,0),this._gpuVector=n,this._ownsGPUDataEvaluators=!n}static fromGPUVector(e){if(e.bufferLayout)throw new Error(`GPUVectorEvaluator.fromGPUVector() does not accept interleaved vector "${e.name}"`);if(e.data.length===0)throw new Error(`GPUVectorEvaluator.fromGPUVector() requires GPUData for "${e.name}"`);return new r({id:e.name,gpuDataEvaluators:e.data.map(t=>ee.fromGPUData(t,{id:e.name})),gpuVector:e,format:e.format})}static fromGPUDataEvaluators(e,t={}){return new r({id:t.id,gpuDataEvaluators:e,format:t.format})}get evaluated(){return!!this._gpuVector}get gpuVector(){if(!this._gpuVector)throw new Error(`${this} not evaluated`);return this._gpuVector}mapGPUData(e){return r.fromGPUDataEvaluators(this.gpuDataEvaluators.map((t,n)=>e(t,n)),{id:this.id})}async evaluate(e,t={}){if(this._destroyed)throw new Error(`GPUVectorEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n=await Promise.all(this.gpuDataEvaluators.map(a=>a.evaluate(e,t))),i=n[0],o=n.map(R2),s=t.format??this.format??i.format;return this._gpuVector=new lr({type:"data",name:t.name??this.id??"vector",format:s,data:o,stride:i.stride,byteStride:i.byteStride,rowByteLength:i.rowByteLength,bufferLayout:i.bufferLayout}),this._gpuVector}evaluateSync(e,t={}){if(this._destroyed)throw new Error(`GPUVectorEvaluator ${this} already destroyed`);if(this._gpuVector)return this._gpuVector;let n=this.gpuDataEvaluators.map(a=>a.evaluateSync(e,t)),i=n[0],o=n.map(R2),s=t.format??this.format??i.format;return this._gpuVector=new lr({type:"data",name:t.name??this.id??"vector",format:s,data:o,stride:i.stride,byteStride:i.byteStride,rowByteLength:i.rowByteLength,bufferLayout:i.bufferLayout}),this._gpuVector}destroy(){if(this._ownsGPUDataEvaluators)for(let e of this.gpuDataEvaluators)e.destroy();this._gpuVector=void 0,this._destroyed=!0}toString(){return this.id??this.constructor.name}};function LN(r){let e=r[0];for(let t of r.slice(1))if(t.type!==e.type||t.size!==e.size||t.normalized!==e.normalized||t.format!==e.format)throw new Error("GPUVectorEvaluator requires matching GPUData evaluator layouts")}function R2(r){let[e,...t]=r.data;if(!e||t.length>0)throw new Error(`GPUVectorEvaluator requires one GPUData chunk for "${r.name}"`);return e}Cr();z();var $m={};ur($m,{arithmetic:()=>O2,dot:()=>z2,equalAll:()=>U2,extent:()=>D2,fround:()=>k2,gather:()=>N2,interleave:()=>F2,length:()=>G2,segmentedMap:()=>$2,select:()=>V2,sequence:()=>W2,swizzle:()=>j2});Eu();function lo({elementWise:r,func:e,inputs:t,output:n,outputBuffer:i}){let o=Array.isArray(t)?t:Object.values(t);for(let g of o)if(!g.value)throw new Error(`${g} does not have CPU value`);let s=n.length,a=n.size,c=new n.ValueType(s*a);for(let g=0;g<s;g++){let m=o.map(y=>pe(y,g));if(r)for(let y=0;y<a;y++)c[g*a+y]=e.apply(null,m.map(x=>x[y]));else e.call(null,c.subarray(g*a,g*a+a),...m)}let l=n.ValueType.BYTES_PER_ELEMENT,f=n.offset/l,u=n.stride/l,d=a,p=c;if(f!==0||u!==d){p=new n.ValueType(f+n.byteLength/l);for(let g=0;g<s;g++){let m=g*d,y=f+g*u,x=c.subarray(m,m+a);p.set(x,y),i.write(x,y*l)}}else i.write(c);return{success:!0,value:p}}function pe(r,e){let t=r.value,n=r.size,i=r.offset/r.ValueType.BYTES_PER_ELEMENT,o=r.stride/r.ValueType.BYTES_PER_ELEMENT,s=r.isConstant?0:e,a=i+s*o,c=t.slice(a,a+n);if(!r.normalized)return c;let l=new Float32Array(n);for(let f=0;f<n;f++)l[f]=AN(c[f],r.type);return l}function AN(r,e){switch(e){case"uint8":return r/255;case"uint16":return r/65535;case"uint32":return r/4294967295;case"sint8":return Math.max(r/127,-1);case"sint16":return Math.max(r/32767,-1);case"sint32":return Math.max(r/2147483647,-1);case"float32":return r;default:throw new Error(`Unsupported normalized source type ${e}`)}}var O2=({inputs:r,output:e,target:t})=>{for(let i of Object.values(r.namedInputs))if(!i.value)throw new Error(`${i} does not have CPU value`);let n=new e.ValueType(e.length*e.size);for(let i=0;i<e.length;i++){let o=Object.fromEntries(Object.entries(r.namedInputs).map(([s,a])=>[s,pe(a,i)]));for(let s=0;s<e.size;s++)n[i*e.size+s]=B2(r.expression,o,s)}return t.write(n),{success:!0,value:n}};function B2(r,e,t){switch(r.kind){case"input":{let n=e[r.name];return t<n.length?n[t]:n.length===1?n[0]:0}case"literal":return Array.isArray(r.value)?r.value[t]??0:r.value;case"call":{CN(r.op,r.args.length);let n=r.args.map(i=>B2(i,e,t));switch(r.op){case"add":return n[0]+n[1];case"subtract":return n[0]-n[1];case"multiply":return n[0]*n[1];case"divide":return n[0]/n[1];case"pow":return Math.pow(n[0],n[1]);case"sqrt":return Math.sqrt(n[0]);case"abs":return Math.abs(n[0]);case"sin":return Math.sin(n[0]);case"cos":return Math.cos(n[0]);case"tan":return Math.tan(n[0]);case"exp":return Math.exp(n[0]);case"log":return Math.log(n[0]);default:{let i=r.op;throw new Error(`Unsupported arithmetic op ${i}`)}}}default:{let n=r;throw new Error(`Unsupported expression node ${n.kind}`)}}}function CN(r,e){let t=co[r].arity;if(e!==t)throw new Error(`Arithmetic op '${r}' expects ${t} args, got ${e}`)}var D2=({inputs:r,output:e,target:t})=>{let{sourceValues:n}=r;if(!n.value)throw new Error(`${n} does not have CPU value`);let o=new e.ValueType(e.length*e.size);if(n.length===0)return{success:!1,error:new Error(`${n} is empty`)};for(let s=0;s<n.size;s++){let a=pe(n,0)[s],c=s*e.size,l=c+1;o[c]=a,o[l]=a;for(let f=1;f<n.length;f++){let u=pe(n,f)[s];u<o[c]&&(o[c]=u),u>o[l]&&(o[l]=u)}}return t.write(o),{success:!0,value:o}};var k2=({inputs:r,output:e,target:t})=>lo({func:(n,i)=>{let o=n.length/2,s=new Float64Array(i.buffer);for(let a=0;a<o;a++){let c=s[a];n[a]=Math.fround(c),n[a+o]=c-n[a]}return n},inputs:r,output:e,outputBuffer:t});var N2=async({inputs:r,output:e,target:t})=>{let{ids:n,sourceValues:i}=r,o=n.value,s=i.value;if(!o)throw new Error(`${n} does not have CPU value`);if(!s)throw new Error(`${i} does not have CPU value`);let a=new e.ValueType(e.length*e.size),c=new Array(e.size).fill(0);for(let l=0;l<e.length;l++){let f=pe(n,l),u=Number(f[0]),d=MN(u,i.length)?pe(i,u):c;a.set(d,l*e.size)}return t.write(a),{success:!0,value:a}};function MN(r,e){return Number.isInteger(r)&&r>=0&&r<e}var F2=({inputs:r,output:e,target:t})=>lo({func:(n,...i)=>{let o=0;for(let s of i)n.set(s,o),o+=s.length},inputs:r,output:e,outputBuffer:t});var z2=({inputs:r,output:e,target:t})=>{let{x:n,y:i}=r,o=new e.ValueType(e.length);for(let s=0;s<e.length;s++){let a=pe(n,s),c=pe(i,s),l=0;for(let f=0;f<n.size;f++)l+=a[f]*c[f];o[s]=l}return t.write(o),{success:!0,value:o}};var U2=({inputs:r,output:e,target:t})=>{let{x:n,y:i}=r,o=new e.ValueType(e.length);for(let s=0;s<e.length;s++){let a=pe(n,s),c=pe(i,s),l=1;for(let f=0;f<n.size;f++)if(a[f]!==c[f]){l=0;break}o[s]=l}return t.write(o),{success:!0,value:o}};var G2=({inputs:r,output:e,target:t})=>{let{x:n}=r,i=new e.ValueType(e.length);for(let o=0;o<e.length;o++){let s=pe(n,o),a=0;for(let c=0;c<n.size;c++)a+=s[c]*s[c];i[o]=Math.sqrt(a)}return t.write(i),{success:!0,value:i}};var $2=async({inputs:r,output:e,target:t})=>{let{segments:n,vertexCount:i}=r,o=n.value;if(!o)throw new Error(`${n} does not have CPU value`);IN(o,n,i);let s=new e.ValueType(e.length*e.size),a=0;for(let c=0;c<i;c++){for(;a+1<n.length&&o[Um(n,a+1)]<=c;)a++;let l=o[Um(n,a)],f=c*e.size;s[f]=a,s[f+1]=c-l}return t.write(s),{success:!0,value:s}};function IN(r,e,t){if(e.length<1)throw new Error("segmentedMap segments must contain at least one segment start");let n=0;for(let i=0;i<e.length;i++){let o=r[Um(e,i)];if(i===0&&o!==0)throw new Error(`segmentedMap segments must start at 0, got ${o}`);if(i>0&&o<n)throw new Error(`segmentedMap segments must be non-decreasing, got ${o} after ${n}`);n=o}if(n>t)throw new Error(`segmentedMap last segment start must be <= vertexCount, got ${n} > ${t}`)}function Um(r,e){return r.offset/r.ValueType.BYTES_PER_ELEMENT+e*(r.stride/r.ValueType.BYTES_PER_ELEMENT)}var V2=async({inputs:r,output:e,target:t})=>{let{condition:n,whenTrue:i,whenFalse:o}=r,s=new e.ValueType(e.length*e.size);for(let a=0;a<e.length;a++){let c=pe(n,a),l=pe(i,a),f=pe(o,a);for(let u=0;u<e.size;u++){let d=Gm(c,n.size,u);s[a*e.size+u]=d!==0?Gm(l,i.size,u):Gm(f,o.size,u)}}return t.write(s),{success:!0,value:s}};function Gm(r,e,t){return t<e?r[t]:e===1?r[0]:0}var W2=({inputs:r,output:e,target:t})=>{let n=new e.ValueType(e.length);for(let i=0;i<e.length;i++)n[i]=r.start+i*r.step;return t.write(n),{success:!0,value:n}};var j2=({inputs:r,output:e,target:t})=>{let{columns:n}=r;return lo({func:(i,o)=>{for(let s=0;s<n.length;s++)i[s]=o[n[s]]},inputs:{x:r.x},output:e,outputBuffer:t})};var ty=class{constructor(){h(this,"_modules",{cpu:$m})}add(e,t){let n=this._modules[e];if(typeof t.then=="function"){let o=Promise.all([Promise.resolve(n||{}),t]).then(([s,a])=>({...s,...a}));return this._modules[e]=o,o.then(s=>{this._modules[e]=s}).catch(s=>{S.error(`Failed to register ${e} backend: ${s}`)()}),o}if(n&&typeof n.then=="function"){let o=Promise.resolve(n).then(s=>({...s,...t})).then(s=>(this._modules[e]=s,s)).catch(s=>{throw S.error(`Failed to register ${e} backend: ${s}`)(),s});return this._modules[e]=o,o}let i={...n||{},...t};return this._modules[e]=i,Promise.resolve(i)}async get(e,t){let n=this._modules[e];if(!n)if(e==="webgl")n=this.add("webgl",Promise.resolve().then(()=>(vS(),bS)));else if(e==="webgpu")n=this.add("webgpu",Promise.resolve().then(()=>(ey(),YS)));else throw new Error(`${e} backend not registered`);let o=(await n)[t];if(typeof o!="function")throw new Error(`${e} backend does not implement ${t}`);return o}getSync(e,t){let n=this._modules[e];if(!n)throw new Error(`${e} backend not registered`);if(typeof n.then=="function")throw new Error(`${e} backend is not loaded yet`);let o=n[t];if(typeof o!="function")throw new Error(`${e} backend does not implement ${t}`);return o}clear(){this._modules={}}},mo=new ty;var Ru=class{constructor(e){h(this,"inputs");h(this,"dependencies");this.inputs=e,this.dependencies=Array.from(e instanceof Array?e:Object.values(e)).filter(t=>t instanceof ee)}async execute(e,t){return await this._resolveDependencies(e),await this._executeWithHandler(await mo.get(this._getHandlerRegistry(e),this.name),t)}executeSync(e,t){this._resolveDependenciesSync(e);let n=this._executeWithHandler(mo.getSync(this._getHandlerRegistry(e),this.name),t);if(wF(n))throw new Error(`${this.name} returned a Promise in executeSync()`);return n}shouldExecuteOnCPU(){return this.output.length<=1&&Array.from(this.dependencies).every(e=>!!e.value)}_getHandlerRegistry(e){return this.shouldExecuteOnCPU()?"cpu":e.type}async _resolveDependencies(e){for(let n of this.dependencies)await n.evaluate(e);if(this._getHandlerRegistry(e)==="cpu"||e.type==="null")for(let n of this.dependencies)await n.ensureCPUValue()}_resolveDependenciesSync(e){for(let n of this.dependencies)n.evaluateSync(e);if(this._getHandlerRegistry(e)==="cpu"||e.type==="null")for(let n of this.dependencies)n.ensureCPUValueSync()}_executeWithHandler(e,t){return e({device:t.device,inputs:this.inputs,output:this.output,target:t})}};function wF(r){return typeof r?.then=="function"}function qS(...r){let e=EF(r.map(t=>t.type));return e[0]!=="f"&&r.some(t=>t.normalized)&&(e="float32"),{isConstant:r.every(t=>t.isConstant),type:e,size:r.reduce((t,n)=>Math.max(t,n.size),0),length:r.reduce((t,n)=>Math.max(t,n.length),0)}}function EF(r){let e=0,t=0;for(let n of r){if(n[0]==="f")return"float32";let i=n.endsWith("8")?8:n.endsWith("6")?16:32;n[0]==="u"?e=Math.max(e,i):t=Math.max(t,i)}return e&&!t?`uint${e}`:t&&e<32?`sint${Math.max(t,e*2)}`:"float32"}Cr();var ry=class extends Ru{constructor(t){super(t);h(this,"name","interleave");h(this,"output");let{isConstant:n,type:i,length:o}=qS(...t);this.output=new ee({isConstant:n,type:i,size:t.reduce((s,a)=>s+a.size,0),length:o,source:this})}toString(){return`_${this.inputs.join("_")}_`}};function ny(...r){if(r.length===0)throw new Error("interleave() requires at least one input");return r.length===1?wu(r[0]):new ry(r.map(wu)).output}se();Cr();function oy(r,e){let t=SF(e);for(let n of t)n.evaluateSync(r);return PF(t),e}function PF(r){let e=new Set(r.flatMap(LF)),t=new Set;for(let n of r)Ou(n,t);for(let n of t)n.evaluated&&!e.has(n.buffer)&&n.destroy()}function SF(r){let e=new Set;return iy(r,e,new Set),Array.from(e)}function iy(r,e,t){if(AF(r)){e.add(r);return}if(!(!r||typeof r!="object"||t.has(r))){if(t.add(r),Array.isArray(r)){for(let n of r)iy(n,e,t);return}if(TF(r))for(let n of Object.values(r))iy(n,e,t)}}function TF(r){let e=Object.getPrototypeOf(r);return e===Object.prototype||e===null}function Ou(r,e){if(r instanceof Ta){for(let n of r.gpuDataEvaluators)Ou(n,e);return}let t=r.source;if(t){if(t instanceof ee){e.has(t)||(e.add(t),Ou(t,e));return}for(let n of t.dependencies)e.has(n)||(e.add(n),Ou(n,e))}}function LF(r){return r instanceof ee?[r.buffer]:r.gpuVector.data.map(e=>e.buffer instanceof Oe?e.buffer.buffer:e.buffer)}function AF(r){return r instanceof ee||r instanceof Ta}ey();var Aa=class{constructor(e,{id:t,isTransitionAttribute:n}){this.packedBuffers={},this.device=e,this.id=t,this.isTransitionAttribute=n,this.device.type==="webgpu"&&mo.add("webgpu",{interleave:Iu})}hasGroups(e){return this.device.type==="webgpu"&&Object.values(e).some(t=>!!t.settings.bufferGroup)}finalize(){for(let e of Object.values(this.packedBuffers))e.packed.destroy();this.packedBuffers={}}getBufferLayouts(e,t){let n=this._getPackedGroups(e,t,{requireValues:!1,excludeAttributes:{}});return this._getBufferLayouts(e,n,t)}getBindings(e,t,n,i){let o=this._getPackedGroups(e,n,{requireValues:!0,excludeAttributes:i}),s={},a=new Set;for(let c of o.values()){let l=!this.packedBuffers[c.id]||c.attributes.some(f=>!!t[f.id]);s[c.id]=this._getPackedBuffer(c,l);for(let f of c.attributes)a.add(f.id)}return{bufferLayouts:this._getBufferLayouts(e,o,n).filter(c=>!i[c.name]&&!e[c.name]?.settings.isIndexed),buffers:s,groupedAttributeIds:a}}_getPackedGroups(e,t,{requireValues:n,excludeAttributes:i}){let o=new Map;for(let a of Object.values(e)){let c=a.settings.bufferGroup;if(!c)continue;let l=o.get(c)||[];l.push(a),o.set(c,l)}let s=new Map;for(let[a,c]of o){let l=this._getPackedGroup(a,c,t,n,i);l&&s.set(a,l)}return s}_getPackedGroup(e,t,n,i,o){if(t.length<2)return null;let s=t.map(p=>p.getBufferLayout(n)),a=s[0].stepMode,c=Math.max(1,t[0].numInstances),l=i&&t.every(p=>p.isConstant);for(let p=0;p<t.length;p++){let g=t[p],m=g.getAccessor(),y=m.size*m.bytesPerElement;if(o[g.id]||g.settings.isIndexed||g.settings.noAlloc||g.doublePrecision||this.isTransitionAttribute(g.id)||s[p].stepMode!==a||g.numInstances!==t[0].numInstances||(m.offset||0)!==0||(m.vertexOffset||0)!==0||vt(m)!==y||i&&(g.isConstant?!g.getConstantValue()||g.getConstantValue().byteLength<y:!ArrayBuffer.isView(g.value)||g.value.byteLength<c*y))return null}let f={},u=[],d=0;for(let p=0;p<t.length;p++){let g=t[p];d=ZS(d),f[g.id]=d;for(let m of s[p].attributes||[])u.push({...m,byteOffset:d+(m.byteOffset||0)});d+=vt(g.getAccessor())}return d=ZS(d),{id:e,attributes:t,byteStride:d,byteOffsets:f,rowCount:c,layout:{name:e,byteStride:l?0:d,stepMode:a,attributes:u}}}_getBufferLayouts(e,t,n){let i=[],o=new Set,s=new Set;for(let a of t.values())for(let c of a.attributes)s.add(c.id);for(let a of Object.values(e)){let c=a.settings.bufferGroup,l=c&&t.get(c);l&&s.has(a.id)?o.has(l.id)||(i.push(l.layout),o.add(l.id)):i.push(a.getBufferLayout(n))}return i}_getPackedBuffer(e,t){let n=JSON.stringify({byteStride:e.layout.byteStride,attributes:e.layout.attributes}),i=this.packedBuffers[e.id];if((!i||i.layoutKey!==n)&&(t=!0),t){i&&(i.packed.destroy(),delete this.packedBuffers[e.id]);let o=this._interleavePackedGroup(e);return this.packedBuffers[e.id]={packed:o,layoutKey:n},o.buffer}if(!i)throw new Error(`Attribute buffer group ${e.id} has no packed buffer`);return i.packed.buffer}_interleavePackedGroup(e){let t=e.attributes.map(i=>this._getInterleaveInput(e,i)),n=ny(...t);return oy(this.device,n),n}_getInterleaveInput(e,t){let n=vt(t.getAccessor()),i=e.byteOffsets[t.id];if(La(`${e.id}.${t.id} rowByteLength`,n),La(`${e.id}.${t.id} groupByteOffset`,i),t.isConstant){let c=t.getConstantValue();if(!c)throw new Error(`Attribute group ${e.id} is missing constant value ${t.id}`);return La(`${e.id}.${t.id} constant byteOffset`,c.byteOffset),new ee({id:t.id,type:"uint32",size:n/4,isConstant:!0,value:new Uint32Array(c.buffer,c.byteOffset,n/Uint32Array.BYTES_PER_ELEMENT)})}let o=t.getBuffer(),s=t.byteOffset,a=t.getAccessor().stride||n;if(La(`${e.id}.${t.id} byteOffset`,s),La(`${e.id}.${t.id} stride`,a),!o)throw new Error(`Attribute group ${e.id} cannot interleave missing buffer ${t.id}`);return new ee({id:t.id,type:"uint32",size:n/4,offset:s,stride:a,length:e.rowCount,buffer:o})}};function ZS(r){return Math.ceil(r/4)*4}function La(r,e){if(e%4!==0)throw new Error(`Attribute buffer groups require 32-bit alignment: ${r}=${e}`)}se();He();function sy(r){let{source:e,target:t,start:n=0,size:i,getData:o}=r,s=r.end||t.length,a=e.length,c=s-n;if(a>c){t.set(e.subarray(0,c),n);return}if(t.set(e,n),!o)return;let l=a;for(;l<c;){let f=o(l,e);for(let u=0;u<i;u++)t[n+l]=f[u]||0,l++}}function XS({source:r,target:e,size:t,getData:n,sourceStartIndices:i,targetStartIndices:o}){if(!i||!o)return sy({source:r,target:e,size:t,getData:n}),e;let s=0,a=0,c=n&&((f,u)=>n(f+a,u)),l=Math.min(i.length,o.length);for(let f=1;f<l;f++){let u=i[f]*t,d=o[f]*t;sy({source:r.subarray(s,u),target:e,start:a,end:d,size:t,getData:c}),s=u,a=d}return a<e.length&&sy({source:[],target:e,start:a,size:t,getData:c}),e}function KS(r){let{device:e,settings:t,value:n}=r,i=new ri(e,t);return i.setData({value:n instanceof Float64Array?new Float64Array(0):new Float32Array(0),normalized:t.normalized}),i}function Bu(r){switch(r){case 1:return"float";case 2:return"vec2";case 3:return"vec3";case 4:return"vec4";default:throw new Error(`No defined attribute type for size "${r}"`)}}function Du(r){switch(r){case 1:return"float32";case 2:return"float32x2";case 3:return"float32x3";case 4:return"float32x4";default:throw new Error("invalid type size")}}function ku(r){r.push(r.shift())}function QS(r,e){let{settings:t,value:n,size:i}=r,o=r.isDoublePrecisionBuffer?2:1,s=0,{shaderAttributes:a}=r.settings;if(a)for(let c of Object.values(a))s=Math.max(s,c.vertexOffset??0);return(t.noAlloc?n.length:(e+s)*i)*o}function Nu({device:r,source:e,target:t}){return(!t||t.byteLength<e.byteLength)&&(t?.destroy(),t=r.createBuffer({byteLength:e.byteLength,usage:e.usage})),t}function Fu({device:r,buffer:e,attribute:t,fromLength:n,toLength:i,fromStartIndices:o,getData:s=a=>a}){let a=t.isDoublePrecisionBuffer?2:1,c=t.size*a,l=t.byteOffset,f=t.settings.bytesPerElement<4?l/t.settings.bytesPerElement*4:l,u=t.startIndices,d=o&&u,p=t.isConstant;if(!d&&e&&n>=i)return e;let g=t.value instanceof Float64Array?Float32Array:t.value.constructor,m=p?t.value:new g(t.getBuffer().readSyncWebGL(l,i*g.BYTES_PER_ELEMENT).buffer);if(t.settings.normalized&&!p){let _=s;s=(w,E)=>t.normalizeConstant(_(w,E))}let y=p?(_,w)=>s(m,w):(_,w)=>s(m.subarray(_+l,_+l+c),w),x=e?new Float32Array(e.readSyncWebGL(f,n*4).buffer):new Float32Array(0),v=new Float32Array(i);return XS({source:x,target:v,sourceStartIndices:o,targetStartIndices:u,size:c,getData:y}),(!e||e.byteLength<v.byteLength+f)&&(e?.destroy(),e=r.createBuffer({byteLength:v.byteLength+f,usage:35050})),e.write(v,f),e}var yo=class{constructor({device:e,attribute:t,timeline:n}){this.buffers=[],this.currentLength=0,this.device=e,this.transition=new Rt(n),this.attribute=t,this.attributeInTransition=KS(t),this.currentStartIndices=t.startIndices}get inProgress(){return this.transition.inProgress}start(e,t,n=1/0){this.settings=e,this.currentStartIndices=this.attribute.startIndices,this.currentLength=QS(this.attribute,t),this.transition.start({...e,duration:n})}update(){let e=this.transition.update();return e&&this.onUpdate(),e}setBuffer(e){let{stride:t}=this.attributeInTransition.getAccessor();this.attributeInTransition.setData({buffer:e,normalized:this.attribute.settings.normalized,value:this.attributeInTransition.value,stride:t})}cancel(){this.transition.cancel()}delete(){this.cancel();for(let e of this.buffers)e.destroy();this.buffers.length=0}};var Ca=class extends yo{constructor({device:e,attribute:t,timeline:n}){super({device:e,attribute:t,timeline:n}),this.type="interpolation",this.transform=RF(e,t)}start(e,t){let n=this.currentLength,i=this.currentStartIndices;if(super.start(e,t,e.duration),e.duration<=0){this.transition.cancel();return}let{buffers:o,attribute:s}=this;ku(o),o[0]=Fu({device:this.device,buffer:o[0],attribute:s,fromLength:n,toLength:this.currentLength,fromStartIndices:i,getData:e.enter}),o[1]=Nu({device:this.device,source:o[0],target:o[1]}),this.setBuffer(o[1]);let{transform:a}=this,c=a.model,l=Math.floor(this.currentLength/s.size);e1(s)&&(l/=2),c.setVertexCount(l),s.isConstant?(c.setAttributes({aFrom:o[0]}),c.setConstantAttributes({aTo:s.value})):c.setAttributes({aFrom:o[0],aTo:s.getBuffer()}),a.transformFeedback.setBuffers({vCurrent:o[1]})}onUpdate(){let{duration:e,easing:t}=this.settings,{time:n}=this.transition,i=n/e;t&&(i=t(i));let{model:o}=this.transform,s={time:i};o.shaderInputs.setProps({interpolation:s}),this.transform.run({discard:!0})}delete(){super.delete(),this.transform.destroy()}},CF=`layout(std140) uniform interpolationUniforms {
  float time;
} interpolation;
`,JS={name:"interpolation",vs:CF,uniformTypes:{time:"f32"}},MF=`#version 300 es
#define SHADER_NAME interpolation-transition-vertex-shader

in ATTRIBUTE_TYPE aFrom;
in ATTRIBUTE_TYPE aTo;
out ATTRIBUTE_TYPE vCurrent;

void main(void) {
  vCurrent = mix(aFrom, aTo, interpolation.time);
  gl_Position = vec4(0.0);
}
`,IF=`#version 300 es
#define SHADER_NAME interpolation-transition-vertex-shader

in ATTRIBUTE_TYPE aFrom;
in ATTRIBUTE_TYPE aFrom64Low;
in ATTRIBUTE_TYPE aTo;
in ATTRIBUTE_TYPE aTo64Low;
out ATTRIBUTE_TYPE vCurrent;
out ATTRIBUTE_TYPE vCurrent64Low;

vec2 mix_fp64(vec2 a, vec2 b, float x) {
  vec2 range = sub_fp64(b, a);
  return sum_fp64(a, mul_fp64(range, vec2(x, 0.0)));
}

void main(void) {
  for (int i=0; i<ATTRIBUTE_SIZE; i++) {
    vec2 value = mix_fp64(vec2(aFrom[i], aFrom64Low[i]), vec2(aTo[i], aTo64Low[i]), interpolation.time);
    vCurrent[i] = value.x;
    vCurrent64Low[i] = value.y;
  }
  gl_Position = vec4(0.0);
}
`;function e1(r){return r.isDoublePrecisionBuffer}function RF(r,e){let t=e.size,n=Bu(t),i=Du(t),o=e.getBufferLayout();return e1(e)?new Be(r,{vs:IF,bufferLayout:[{name:"aFrom",byteStride:8*t,attributes:[{attribute:"aFrom",format:i,byteOffset:0},{attribute:"aFrom64Low",format:i,byteOffset:4*t}]},{name:"aTo",byteStride:8*t,attributes:[{attribute:"aTo",format:i,byteOffset:0},{attribute:"aTo64Low",format:i,byteOffset:4*t}]}],modules:[mg,JS],defines:{ATTRIBUTE_TYPE:n,ATTRIBUTE_SIZE:t},moduleSettings:{},varyings:["vCurrent","vCurrent64Low"],bufferMode:35980,disableWarnings:!0}):new Be(r,{vs:MF,bufferLayout:[{name:"aFrom",format:i},{name:"aTo",format:o.attributes[0].format}],modules:[JS],defines:{ATTRIBUTE_TYPE:n},varyings:["vCurrent"],disableWarnings:!0})}se();var Ma=class extends yo{constructor({device:e,attribute:t,timeline:n}){super({device:e,attribute:t,timeline:n}),this.type="spring",this.texture=FF(e),this.framebuffer=zF(e,this.texture),this.transform=NF(e,t)}start(e,t){let n=this.currentLength,i=this.currentStartIndices;super.start(e,t);let{buffers:o,attribute:s}=this;for(let c=0;c<2;c++)o[c]=Fu({device:this.device,buffer:o[c],attribute:s,fromLength:n,toLength:this.currentLength,fromStartIndices:i,getData:e.enter});o[2]=Nu({device:this.device,source:o[0],target:o[2]}),this.setBuffer(o[1]);let{model:a}=this.transform;a.setVertexCount(Math.floor(this.currentLength/s.size)),s.isConstant?a.setConstantAttributes({aTo:s.value}):a.setAttributes({aTo:s.getBuffer()})}onUpdate(){let{buffers:e,transform:t,framebuffer:n,transition:i}=this,o=this.settings;t.model.setAttributes({aPrev:e[0],aCur:e[1]}),t.transformFeedback.setBuffers({vNext:e[2]});let s={stiffness:o.stiffness,damping:o.damping};t.model.shaderInputs.setProps({spring:s}),t.run({framebuffer:n,discard:!1,parameters:{viewport:[0,0,1,1]},clearColor:[0,0,0,0]}),ku(e),this.setBuffer(e[1]),this.device.readPixelsToArrayWebGL(n)[0]>0||i.end()}delete(){super.delete(),this.transform.destroy(),this.texture.destroy(),this.framebuffer.destroy()}},OF=`layout(std140) uniform springUniforms {
  float damping;
  float stiffness;
} spring;
`,BF={name:"spring",vs:OF,uniformTypes:{damping:"f32",stiffness:"f32"}},DF=`#version 300 es
#define SHADER_NAME spring-transition-vertex-shader

#define EPSILON 0.00001

in ATTRIBUTE_TYPE aPrev;
in ATTRIBUTE_TYPE aCur;
in ATTRIBUTE_TYPE aTo;
out ATTRIBUTE_TYPE vNext;
out float vIsTransitioningFlag;

ATTRIBUTE_TYPE getNextValue(ATTRIBUTE_TYPE cur, ATTRIBUTE_TYPE prev, ATTRIBUTE_TYPE dest) {
  ATTRIBUTE_TYPE velocity = cur - prev;
  ATTRIBUTE_TYPE delta = dest - cur;
  ATTRIBUTE_TYPE force = delta * spring.stiffness;
  ATTRIBUTE_TYPE resistance = velocity * spring.damping;
  return force - resistance + velocity + cur;
}

void main(void) {
  bool isTransitioning = length(aCur - aPrev) > EPSILON || length(aTo - aCur) > EPSILON;
  vIsTransitioningFlag = isTransitioning ? 1.0 : 0.0;

  vNext = getNextValue(aCur, aPrev, aTo);
  gl_Position = vec4(0, 0, 0, 1);
  gl_PointSize = 100.0;
}
`,kF=`#version 300 es
#define SHADER_NAME spring-transition-is-transitioning-fragment-shader

in float vIsTransitioningFlag;

out vec4 fragColor;

void main(void) {
  if (vIsTransitioningFlag == 0.0) {
    discard;
  }
  fragColor = vec4(1.0);
}`;function NF(r,e){let t=Bu(e.size),n=Du(e.size);return new Be(r,{vs:DF,fs:kF,bufferLayout:[{name:"aPrev",format:n},{name:"aCur",format:n},{name:"aTo",format:e.getBufferLayout().attributes[0].format}],varyings:["vNext"],modules:[BF],defines:{ATTRIBUTE_TYPE:t},parameters:{depthCompare:"always",blendColorOperation:"max",blendColorSrcFactor:"one",blendColorDstFactor:"one",blendAlphaOperation:"max",blendAlphaSrcFactor:"one",blendAlphaDstFactor:"one"}})}function FF(r){return r.createTexture({data:new Uint8Array(4),format:"rgba8unorm",width:1,height:1})}function zF(r,e){return r.createFramebuffer({id:"spring-transition-is-transitioning-framebuffer",width:1,height:1,colorAttachments:[e]})}var UF={interpolation:Ca,spring:Ma},Ia=class{constructor(e,{id:t,timeline:n}){if(!e)throw new Error("AttributeTransitionManager is constructed without device");this.id=t,this.device=e,this.timeline=n,this.transitions={},this.needsRedraw=!1,this.numInstances=1}finalize(){for(let e in this.transitions)this._removeTransition(e)}update({attributes:e,transitions:t,numInstances:n}){this.numInstances=n||1;for(let i in e){let o=e[i],s=o.getTransitionSetting(t);s&&this._updateAttribute(i,o,s)}for(let i in this.transitions){let o=e[i];(!o||!o.getTransitionSetting(t))&&this._removeTransition(i)}}hasAttribute(e){let t=this.transitions[e];return t&&t.inProgress}getAttributes(){let e={};for(let t in this.transitions){let n=this.transitions[t];n.inProgress&&(e[t]=n.attributeInTransition)}return e}run(){if(this.numInstances===0)return!1;for(let t in this.transitions)this.transitions[t].update()&&(this.needsRedraw=!0);let e=this.needsRedraw;return this.needsRedraw=!1,e}_removeTransition(e){this.transitions[e].delete(),delete this.transitions[e]}_updateAttribute(e,t,n){let i=this.transitions[e],o=!i||i.type!==n.type;if(o){i&&this._removeTransition(e);let s=UF[n.type];s?this.transitions[e]=new s({attribute:t,timeline:this.timeline,device:this.device}):(N.error(`unsupported transition type '${n.type}'`)(),o=!1)}(o||t.needsRedraw())&&(this.needsRedraw=!0,this.transitions[e].start(n,this.numInstances))}};var t1="attributeManager.invalidate",GF="attributeManager.updateStart",$F="attributeManager.updateEnd",VF="attribute.updateStart",WF="attribute.allocate",jF="attribute.updateEnd",Ra=class{constructor(e,{id:t="attribute-manager",stats:n,timeline:i}={}){this.mergeBoundsMemoized=er(Yw),this.id=t,this.device=e,this.attributes={},this.updateTriggers={},this.needsRedraw=!0,this.userData={},this.stats=n,this.attributeTransitionManager=new Ia(e,{id:`${t}-transitions`,timeline:i}),this.attributeBufferGroups=e.type==="webgpu"?new Aa(e,{id:t,isTransitionAttribute:o=>this.attributeTransitionManager.hasAttribute(o)}):null,Object.seal(this)}finalize(){this.attributeBufferGroups?.finalize();for(let e in this.attributes)this.attributes[e].delete();this.attributeTransitionManager.finalize()}getNeedsRedraw(e={clearRedrawFlags:!1}){let t=this.needsRedraw;return this.needsRedraw=this.needsRedraw&&!e.clearRedrawFlags,t&&this.id}setNeedsRedraw(){this.needsRedraw=!0}add(e){this._add(e)}addInstanced(e){this._add(e,{stepMode:"instance"})}remove(e){for(let t of e)this.attributes[t]!==void 0&&(this.attributes[t].delete(),delete this.attributes[t])}invalidate(e,t){let n=this._invalidateTrigger(e,t);fe(t1,this,e,n)}invalidateAll(e){for(let t in this.attributes)this.attributes[t].setNeedsUpdate(t,e);fe(t1,this,"all")}update({data:e,numInstances:t,startIndices:n=null,transitions:i,props:o={},buffers:s={},context:a={}}){let c=!1;fe(GF,this),this.stats&&this.stats.get("Update Attributes").timeStart();for(let l in this.attributes){let f=this.attributes[l],u=f.settings.accessor;f.startIndices=n,f.numInstances=t,o[l]&&N.removed(`props.${l}`,`data.attributes.${l}`)(),f.setExternalBuffer(s[l])||f.setBinaryValue(typeof u=="string"?s[u]:void 0,e.startIndices)||typeof u=="string"&&!s[u]&&f.setConstantValue(a,o[u])||f.needsUpdate()&&(c=!0,this._updateAttribute({attribute:f,numInstances:t,data:e,props:o,context:a})),this.needsRedraw=this.needsRedraw||f.needsRedraw()}c&&fe($F,this,t),this.stats&&(this.stats.get("Update Attributes").timeEnd(),c&&this.stats.get("Attributes updated").incrementCount()),this.attributeTransitionManager.update({attributes:this.attributes,numInstances:t,transitions:i})}updateTransition(){let{attributeTransitionManager:e}=this,t=e.run();return this.needsRedraw=this.needsRedraw||t,t}getAttributes(){return{...this.attributes,...this.attributeTransitionManager.getAttributes()}}getBounds(e){let t=e.map(n=>this.attributes[n]?.getBounds());return this.mergeBoundsMemoized(t)}getChangedAttributes(e={clearChangedFlags:!1}){let{attributes:t,attributeTransitionManager:n}=this,i={...n.getAttributes()};for(let o in t){let s=t[o];s.needsRedraw(e)&&!n.hasAttribute(o)&&(i[o]=s)}return i}getBufferLayouts(e){return this.hasBufferGroups()?this.attributeBufferGroups.getBufferLayouts(this.getAttributes(),e):Object.values(this.getAttributes()).map(t=>t.getBufferLayout(e))}hasBufferGroups(){return!!this.attributeBufferGroups?.hasGroups(this.attributes)}getBufferGroupBindings(e,t,n={}){return this.attributeBufferGroups?this.attributeBufferGroups.getBindings(this.getAttributes(),e,t,n):{bufferLayouts:this.getBufferLayouts(t),buffers:{},groupedAttributeIds:new Set}}_add(e,t){for(let n in e){let i=e[n],o={...i,id:n,size:i.isIndexed&&1||i.size||1,...t};this.attributes[n]=new ri(this.device,o)}this._mapUpdateTriggersToAttributes()}_mapUpdateTriggersToAttributes(){let e={};for(let t in this.attributes)this.attributes[t].getUpdateTriggers().forEach(i=>{e[i]||(e[i]=[]),e[i].push(t)});this.updateTriggers=e}_invalidateTrigger(e,t){let{attributes:n,updateTriggers:i}=this,o=i[e];return o&&o.forEach(s=>{let a=n[s];a&&a.setNeedsUpdate(a.id,t)}),o}_updateAttribute(e){let{attribute:t,numInstances:n}=e;if(fe(VF,t),t.constant){t.setConstantValue(e.context,t.value);return}t.allocate(n)&&fe(WF,t,n),t.updateBuffer(e)&&(this.needsRedraw=!0,fe(jF,t,n))}};z();lu();be();var Oa=class extends Rt{get value(){return this._value}_onUpdate(){let{time:e,settings:{fromValue:t,toValue:n,duration:i,easing:o}}=this,s=o(e/i);this._value=Rn(t,n,s)}};var r1=1e-5;function n1(r,e,t,n,i){let o=e-r,a=(t-e)*i,c=-o*n;return a+c+o+e}function HF(r,e,t,n,i){if(Array.isArray(t)){let o=[];for(let s=0;s<t.length;s++)o[s]=n1(r[s],e[s],t[s],n,i);return o}return n1(r,e,t,n,i)}function i1(r,e){if(Array.isArray(r)){let t=0;for(let n=0;n<r.length;n++){let i=r[n]-e[n];t+=i*i}return Math.sqrt(t)}return Math.abs(r-e)}var Ba=class extends Rt{get value(){return this._currValue}_onUpdate(){let{fromValue:e,toValue:t,damping:n,stiffness:i}=this.settings,{_prevValue:o=e,_currValue:s=e}=this,a=HF(o,s,t,n,i),c=i1(a,t),l=i1(a,s);c<r1&&l<r1&&(a=t,this.end()),this._prevValue=s,this._currValue=a}};var YF={interpolation:Oa,spring:Ba},Da=class{constructor(e){this.transitions=new Map,this.timeline=e}get active(){return this.transitions.size>0}add(e,t,n,i){let{transitions:o}=this;if(o.has(e)){let c=o.get(e),{value:l=c.settings.fromValue}=c;t=l,this.remove(e)}if(i=gu(i),!i)return;let s=YF[i.type];if(!s){N.error(`unsupported transition type '${i.type}'`)();return}let a=new s(this.timeline);a.start({...i,fromValue:t,toValue:n}),o.set(e,a)}remove(e){let{transitions:t}=this;t.has(e)&&(t.get(e).cancel(),t.delete(e))}update(){let e={};for(let[t,n]of this.transitions)n.update(),e[t]=n.value,n.inProgress||this.remove(t);return e}clear(){for(let e of this.transitions.keys())this.remove(e)}};function s1(r){let e=r[bt];for(let t in e){let n=e[t],{validate:i}=n;if(i&&!i(r[t],n))throw new Error(`Invalid prop ${t}: ${r[t]}`)}}function a1(r,e){let t=c1({newProps:r,oldProps:e,propTypes:r[bt],ignoreProps:{data:null,updateTriggers:null,extensions:null,transitions:null}}),n=ZF(r,e),i=!1;return n||(i=XF(r,e)),{dataChanged:n,propsChanged:t,updateTriggersChanged:i,extensionsChanged:KF(r,e),transitionsChanged:qF(r,e)}}function qF(r,e){if(!r.transitions)return!1;let t={},n=r[bt],i=!1;for(let o in r.transitions){let s=n[o],a=s&&s.type;(a==="number"||a==="color"||a==="array")&&ay(r[o],e[o],s)&&(t[o]=!0,i=!0)}return i?t:!1}function c1({newProps:r,oldProps:e,ignoreProps:t={},propTypes:n={},triggerName:i="props"}){if(e===r)return!1;if(typeof r!="object"||r===null)return`${i} changed shallowly`;if(typeof e!="object"||e===null)return`${i} changed shallowly`;for(let o of Object.keys(r))if(!(o in t)){if(!(o in e))return`${i}.${o} added`;let s=ay(r[o],e[o],n[o]);if(s)return`${i}.${o} ${s}`}for(let o of Object.keys(e))if(!(o in t)){if(!(o in r))return`${i}.${o} dropped`;if(!Object.hasOwnProperty.call(r,o)){let s=ay(r[o],e[o],n[o]);if(s)return`${i}.${o} ${s}`}}return!1}function ay(r,e,t){let n=t&&t.equal;return n&&!n(r,e,t)||!n&&(n=r&&e&&r.equals,n&&!n.call(r,e))?"changed deeply":!n&&e!==r?"changed shallowly":null}function ZF(r,e){if(e===null)return"oldProps is null, initial diff";let t=!1,{dataComparator:n,_dataDiff:i}=r;return n?n(r.data,e.data)||(t="Data comparator detected a change"):r.data!==e.data&&(t="A new data container was supplied"),t&&i&&(t=i(r.data,e.data)||t),t}function XF(r,e){if(e===null)return{all:!0};if("all"in r.updateTriggers&&o1(r,e,"all"))return{all:!0};let t={},n=!1;for(let i in r.updateTriggers)i!=="all"&&o1(r,e,i)&&(t[i]=!0,n=!0);return n?t:!1}function KF(r,e){if(e===null)return!0;let t=e.extensions,{extensions:n}=r;if(n===t)return!1;if(!t||!n||n.length!==t.length)return!0;for(let i=0;i<n.length;i++)if(!n[i].equals(t[i]))return!0;return!1}function o1(r,e,t){let n=r.updateTriggers[t];n=n??{};let i=e.updateTriggers[t];return i=i??{},c1({oldProps:i,newProps:n,triggerName:t})}var QF="count(): argument not an object",JF="count(): argument not a container";function l1(r){if(!t6(r))throw new Error(QF);if(typeof r.count=="function")return r.count();if(Number.isFinite(r.size))return r.size;if(Number.isFinite(r.length))return r.length;if(e6(r))return Object.keys(r).length;throw new Error(JF)}function e6(r){return r!==null&&typeof r=="object"&&r.constructor===Object}function t6(r){return r!==null&&typeof r=="object"}function cy(r,e){if(!e)return r;let t={...r,...e};if("defines"in e&&(t.defines={...r.defines,...e.defines}),"modules"in e&&(t.modules=(r.modules||[]).concat(e.modules),e.modules.some(n=>n.name==="project64"))){let n=t.modules.findIndex(i=>i.name==="project32");n>=0&&t.modules.splice(n,1)}if("inject"in e)if(!r.inject)t.inject=e.inject;else{let n={...r.inject};for(let i in e.inject)n[i]=(n[i]||"")+e.inject[i];t.inject=n}return t}z();var r6={minFilter:"linear",mipmapFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"},ly={};function f1(r,e,t,n){if(t instanceof q)return t;t.constructor&&t.constructor.name!=="Object"&&(t={data:t});let i=null;t.compressed&&(i={minFilter:"linear",mipmapFilter:t.data.length>1?"nearest":"linear"});let{width:o,height:s}=t.data,a=e.createTexture({...t,sampler:{...r6,...i,...n},mipLevels:e.getMipLevelCount(o,s)});return e.type==="webgl"?a.generateMipmapsWebGL():e.type==="webgpu"&&e.generateMipmapsWebGPU(a),ly[a.id]=r,a}function u1(r,e){!e||!(e instanceof q)||ly[e.id]===r&&(e.delete(),delete ly[e.id])}var n6={boolean:{validate(r,e){return!0},equal(r,e,t){return!!r==!!e}},number:{validate(r,e){return Number.isFinite(r)&&(!("max"in e)||r<=e.max)&&(!("min"in e)||r>=e.min)}},color:{validate(r,e){return e.optional&&!r||fy(r)&&(r.length===3||r.length===4)},equal(r,e,t){return ue(r,e,1)}},accessor:{validate(r,e){let t=zu(r);return t==="function"||t===zu(e.value)},equal(r,e,t){return typeof e=="function"?!0:ue(r,e,1)}},array:{validate(r,e){return e.optional&&!r||fy(r)},equal(r,e,t){let{compare:n}=t,i=Number.isInteger(n)?n:n?1:0;return n?ue(r,e,i):r===e}},object:{equal(r,e,t){if(t.ignore)return!0;let{compare:n}=t,i=Number.isInteger(n)?n:n?1:0;return n?ue(r,e,i):r===e}},function:{validate(r,e){return e.optional&&!r||typeof r=="function"},equal(r,e,t){return!t.compare&&t.ignore!==!1||r===e}},data:{transform:(r,e,t)=>{if(!r)return r;let{dataTransform:n}=t.props;return n?n(r):typeof r.shape=="string"&&r.shape.endsWith("-table")&&Array.isArray(r.data)?r.data:r}},image:{transform:(r,e,t)=>{let n=t.context;return!n||!n.device?null:f1(t.id,n.device,r,{...e.parameters,...t.props.textureParameters})},release:(r,e,t)=>{u1(t.id,r)}}};function d1(r){let e={},t={},n={};for(let[i,o]of Object.entries(r)){let s=o?.deprecatedFor;if(s)n[i]=Array.isArray(s)?s:[s];else{let a=i6(i,o);e[i]=a,t[i]=a.value}}return{propTypes:e,defaultProps:t,deprecatedProps:n}}function i6(r,e){switch(zu(e)){case"object":return ka(r,e);case"array":return ka(r,{type:"array",value:e,compare:!1});case"boolean":return ka(r,{type:"boolean",value:e});case"number":return ka(r,{type:"number",value:e});case"function":return ka(r,{type:"function",value:e,compare:!0});default:return{name:r,type:"unknown",value:e}}}function ka(r,e){return"type"in e?{name:r,...n6[e.type],...e}:"value"in e?{name:r,type:zu(e.value),...e}:{name:r,type:"object",value:e}}function fy(r){return Array.isArray(r)||ArrayBuffer.isView(r)}function zu(r){return fy(r)?"array":r===null?"null":typeof r}function h1(r,e){let t;for(let o=e.length-1;o>=0;o--){let s=e[o];"extensions"in s&&(t=s.extensions)}let n=uy(r.constructor,t),i=Object.create(n);i[Ji]=r,i[nr]={},i[It]={};for(let o=0;o<e.length;++o){let s=e[o];for(let a in s)i[a]=s[a]}return Object.freeze(i),i}var o6="_mergedDefaultProps";function uy(r,e){if(!(r instanceof Uu.constructor))return{};let t=o6;if(e)for(let i of e){let o=i.constructor;o&&(t+=`:${o.extensionName||o.name}`)}let n=p1(r,t);return n||(r[t]=s6(r,e||[]))}function s6(r,e){if(!r.prototype)return null;let n=Object.getPrototypeOf(r),i=uy(n),o=p1(r,"defaultProps")||{},s=d1(o),a=Object.assign(Object.create(null),i,s.defaultProps),c=Object.assign(Object.create(null),i?.[bt],s.propTypes),l=Object.assign(Object.create(null),i?.[Pf],s.deprecatedProps);for(let f of e){let u=uy(f.constructor);u&&(Object.assign(a,u),Object.assign(c,u[bt]),Object.assign(l,u[Pf]))}return a6(a,r),l6(a,c),c6(a,l),a[bt]=c,a[Pf]=l,e.length===0&&!dy(r,"_propTypes")&&(r._propTypes=c),a}function a6(r,e){let t=u6(e);Object.defineProperties(r,{id:{writable:!0,value:t}})}function c6(r,e){for(let t in e)Object.defineProperty(r,t,{enumerable:!1,set(n){let i=`${this.id}: ${t}`;for(let o of e[t])dy(this,o)||(this[o]=n);N.deprecated(i,e[t].join("/"))()}})}function l6(r,e){let t={},n={};for(let i in e){let o=e[i],{name:s,value:a}=o;o.async&&(t[s]=a,n[s]=f6(s))}r[Er]=t,r[nr]={},Object.defineProperties(r,n)}function f6(r){return{enumerable:!0,set(e){typeof e=="string"||e instanceof Promise||hu(e)?this[nr][r]=e:this[It][r]=e},get(){if(this[It]){if(r in this[It])return this[It][r]||this[Er][r];if(r in this[nr]){let e=this[Ji]&&this[Ji].internalState;if(e&&e.hasAsyncProp(r))return e.getAsyncProp(r)||this[Er][r]}}return this[Er][r]}}}function dy(r,e){return Object.prototype.hasOwnProperty.call(r,e)}function p1(r,e){return dy(r,e)&&r[e]}function u6(r){let e=r.componentName;return e||N.warn(`${r.name}.componentName not specified`)(),e||r.name}var d6=0,Na=class{constructor(...e){this.props=h1(this,e),this.id=this.props.id,this.count=d6++}clone(e){let{props:t}=this,n={};for(let i in t[Er])i in t[It]?n[i]=t[It][i]:i in t[nr]&&(n[i]=t[nr][i]);return new this.constructor({...t,...n,...e})}};Na.componentName="Component";Na.defaultProps={};var Uu=Na;var h6=Object.freeze({}),Fa=class{constructor(e){this.component=e,this.asyncProps={},this.onAsyncPropUpdated=()=>{},this.oldProps=null,this.oldAsyncProps=null}finalize(){for(let e in this.asyncProps){let t=this.asyncProps[e];t&&t.type&&t.type.release&&t.type.release(t.resolvedValue,t.type,this.component)}this.asyncProps={},this.component=null,this.resetOldProps()}getOldProps(){return this.oldAsyncProps||this.oldProps||h6}resetOldProps(){this.oldAsyncProps=null,this.oldProps=this.component?this.component.props:null}hasAsyncProp(e){return e in this.asyncProps}getAsyncProp(e){let t=this.asyncProps[e];return t&&t.resolvedValue}isAsyncPropLoading(e){if(e){let t=this.asyncProps[e];return!!(t&&t.pendingLoadCount>0&&t.pendingLoadCount!==t.resolvedLoadCount)}for(let t in this.asyncProps)if(this.isAsyncPropLoading(t))return!0;return!1}reloadAsyncProp(e,t){this._watchPromise(e,Promise.resolve(t))}setAsyncProps(e){this.component=e[Ji]||this.component;let t=e[It]||{},n=e[nr]||e,i=e[Er]||{};for(let o in t){let s=t[o];this._createAsyncPropData(o,i[o]),this._updateAsyncProp(o,s),t[o]=this.getAsyncProp(o)}for(let o in n){let s=n[o];this._createAsyncPropData(o,i[o]),this._updateAsyncProp(o,s)}}_fetch(e,t){return null}_onResolve(e,t){}_onError(e,t){}_updateAsyncProp(e,t){if(this._didAsyncInputValueChange(e,t)){if(typeof t=="string"&&(t=this._fetch(e,t)),t instanceof Promise){this._watchPromise(e,t);return}if(hu(t)){this._resolveAsyncIterable(e,t);return}this._setPropValue(e,t)}}_freezeAsyncOldProps(){if(!this.oldAsyncProps&&this.oldProps){this.oldAsyncProps=Object.create(this.oldProps);for(let e in this.asyncProps)Object.defineProperty(this.oldAsyncProps,e,{enumerable:!0,value:this.oldProps[e]})}}_didAsyncInputValueChange(e,t){let n=this.asyncProps[e];return t===n.resolvedValue||t===n.lastValue?!1:(n.lastValue=t,!0)}_setPropValue(e,t){this._freezeAsyncOldProps();let n=this.asyncProps[e];n&&(t=this._postProcessValue(n,t),n.resolvedValue=t,n.pendingLoadCount++,n.resolvedLoadCount=n.pendingLoadCount)}_setAsyncPropValue(e,t,n){let i=this.asyncProps[e];i&&n>=i.resolvedLoadCount&&t!==void 0&&(this._freezeAsyncOldProps(),i.resolvedValue=t,i.resolvedLoadCount=n,this.onAsyncPropUpdated(e,t))}_watchPromise(e,t){let n=this.asyncProps[e];if(n){n.pendingLoadCount++;let i=n.pendingLoadCount;t.then(o=>{this.component&&(o=this._postProcessValue(n,o),this._setAsyncPropValue(e,o,i),this._onResolve(e,o))}).catch(o=>{this._onError(e,o)})}}async _resolveAsyncIterable(e,t){if(e!=="data"){this._setPropValue(e,t);return}let n=this.asyncProps[e];if(!n)return;n.pendingLoadCount++;let i=n.pendingLoadCount,o=[],s=0;for await(let a of t){if(!this.component)return;let{dataTransform:c}=this.component.props;c?o=c(a,o):o=o.concat(a),Object.defineProperty(o,"__diff",{enumerable:!1,value:[{startRow:s,endRow:o.length}]}),s=o.length,this._setAsyncPropValue(e,o,i)}this._onResolve(e,o)}_postProcessValue(e,t){let n=e.type;return n&&this.component&&(n.release&&n.release(e.resolvedValue,n,this.component),n.transform)?n.transform(t,n,this.component):t}_createAsyncPropData(e,t){if(!this.asyncProps[e]){let i=this.component&&this.component.props[bt];this.asyncProps[e]={type:i&&i[e],lastValue:null,resolvedValue:t,pendingLoadCount:0,resolvedLoadCount:0}}}};var za=class extends Fa{constructor({attributeManager:e,layer:t}){super(t),this.attributeManager=e,this.needsRedraw=!0,this.needsUpdate=!0,this.subLayers=null,this.usesPickingColorCache=!1,this.disabledPickingIndices=[]}get layer(){return this.component}_fetch(e,t){let n=this.layer,i=n?.props.fetch;return i?i(t,{propName:e,layer:n}):super._fetch(e,t)}_onResolve(e,t){let n=this.layer;if(n){let i=n.props.onDataLoad;e==="data"&&i&&i(t,{propName:e,layer:n})}}_onError(e,t){let n=this.layer;n&&n.raiseError(t,`loading ${e} of ${this.layer}`)}};var p6="layer.changeFlag",g6="layer.initialize",m6="layer.update",y6="layer.finalize",_6="layer.matched",g1=2**24-1,x6=Object.freeze([]),b6=er(({oldViewport:r,viewport:e})=>r.equals(e)),wt=new Uint8ClampedArray(0);function m1(r){return r.rowIndexes||r.pickingColors||r.instancePickingColors}function hy(r){return r.rowIndexes}function py(r){return r.pickingColors||r.instancePickingColors}var v6={data:{type:"data",value:x6,async:!0},dataComparator:{type:"function",value:null,optional:!0},_dataDiff:{type:"function",value:r=>r&&r.__diff,optional:!0},dataTransform:{type:"function",value:null,optional:!0},onDataLoad:{type:"function",value:null,optional:!0},onError:{type:"function",value:null,optional:!0},fetch:{type:"function",value:(r,{propName:e,layer:t,loaders:n,loadOptions:i,signal:o})=>{let{resourceManager:s}=t.context;i=i||t.getLoadOptions(),n=n||t.props.loaders,o&&(i={...i,core:{...i?.core,fetch:{...i?.core?.fetch,signal:o}}});let a=s.contains(r);return!a&&!i&&(s.add({resourceId:r,data:Nr(r,n),persistent:!1}),a=!0),a?s.subscribe({resourceId:r,onChange:c=>t.internalState?.reloadAsyncProp(e,c),consumerId:t.id,requestId:e}):Nr(r,n,i)}},updateTriggers:{},visible:!0,pickable:!1,opacity:{type:"number",min:0,max:1,value:1},operation:"draw",onHover:{type:"function",value:null,optional:!0},onClick:{type:"function",value:null,optional:!0},onDragStart:{type:"function",value:null,optional:!0},onDrag:{type:"function",value:null,optional:!0},onDragEnd:{type:"function",value:null,optional:!0},coordinateSystem:"default",coordinateOrigin:{type:"array",value:[0,0,0],compare:!0},modelMatrix:{type:"array",value:null,compare:!0,optional:!0},wrapLongitude:!1,positionFormat:"XYZ",colorFormat:"RGBA",parameters:{type:"object",value:{},optional:!0,compare:2},loadOptions:{type:"object",value:null,optional:!0,ignore:!0},transitions:null,extensions:[],loaders:{type:"array",value:[],optional:!0,ignore:!0},getPolygonOffset:{type:"function",value:({layerIndex:r})=>[0,-r*100]},highlightedObjectIndex:null,autoHighlight:!1,highlightColor:{type:"accessor",value:[0,0,128,128]}},Ua=class extends Uu{constructor(){super(...arguments),this.internalState=null,this.lifecycle=Qr.NO_STATE,this.parent=null}static get componentName(){return Object.prototype.hasOwnProperty.call(this,"layerName")?this.layerName:""}get root(){let e=this;for(;e.parent;)e=e.parent;return e}toString(){return`${this.constructor.layerName||this.constructor.name}({id: '${this.props.id}'})`}project(e){Z(this.internalState);let t=this.internalState.viewport||this.context.viewport,n=_f(e,{viewport:t,modelMatrix:this.props.modelMatrix,coordinateOrigin:this.props.coordinateOrigin,coordinateSystem:this.props.coordinateSystem}),[i,o,s]=Xr(n,t.pixelProjectionMatrix);return e.length===2?[i,o]:[i,o,s]}unproject(e){return Z(this.internalState),(this.internalState.viewport||this.context.viewport).unproject(e)}projectPosition(e,t){Z(this.internalState);let n=this.internalState.viewport||this.context.viewport;return Xw(e,{viewport:n,modelMatrix:this.props.modelMatrix,coordinateOrigin:this.props.coordinateOrigin,coordinateSystem:this.props.coordinateSystem,...t})}get isComposite(){return!1}get isDrawable(){return!0}setState(e){this.setChangeFlags({stateChanged:!0}),Object.assign(this.state,e),this.setNeedsRedraw()}setNeedsRedraw(){this.internalState&&(this.internalState.needsRedraw=!0)}setNeedsUpdate(){this.internalState&&(this.context.layerManager.setNeedsUpdate(String(this)),this.internalState.needsUpdate=!0)}get isLoaded(){return this.internalState?!this.internalState.isAsyncPropLoading():!1}get wrapLongitude(){return this.props.wrapLongitude}isPickable(){return this.props.pickable&&this.props.visible}getModels(){let e=this.state;return e&&(e.models||e.model&&[e.model])||[]}setShaderModuleProps(...e){for(let t of this.getModels())t.shaderInputs.setProps(...e)}getAttributeManager(){return this.internalState&&this.internalState.attributeManager}getCurrentLayer(){return this.internalState&&this.internalState.layer}getLoadOptions(){return this.props.loadOptions}use64bitPositions(){let{coordinateSystem:e}=this.props;return e==="default"||e==="lnglat"||e==="cartesian"}onHover(e,t){return this.props.onHover&&this.props.onHover(e,t)||!1}onClick(e,t){return this.props.onClick&&this.props.onClick(e,t)||!1}nullPickingColor(){return[0,0,0]}encodePickingColor(e,t=[]){return t[0]=e+1&255,t[1]=e+1>>8&255,t[2]=e+1>>8>>8&255,t}decodePickingColor(e){Z(e instanceof Uint8Array);let[t,n,i]=e;return t+n*256+i*65536-1}getNumInstances(){return Number.isFinite(this.props.numInstances)?this.props.numInstances:this.state&&this.state.numInstances!==void 0?this.state.numInstances:l1(this.props.data)}getStartIndices(){return this.props.startIndices?this.props.startIndices:this.state&&this.state.startIndices?this.state.startIndices:null}getBounds(){return this.getAttributeManager()?.getBounds(["positions","instancePositions"])}getShaders(e){e=cy(e,{disableWarnings:!0,modules:this.context.defaultShaderModules});for(let t of this.props.extensions)e=cy(e,t.getShaders.call(this,t));return e}shouldUpdateState(e){return e.changeFlags.propsOrDataChanged}updateState(e){let t=this.getAttributeManager(),{dataChanged:n}=e.changeFlags;if(n&&t)if(Array.isArray(n))for(let i of n)t.invalidateAll(i);else t.invalidateAll();if(t){let{props:i}=e,o=this.internalState.hasPickingBuffer,s=Number.isInteger(i.highlightedObjectIndex)||!!i.pickable||i.extensions.some(a=>a.getNeedsPickingBuffer.call(this,a));if(o!==s){this.internalState.hasPickingBuffer=s;let a=m1(t.attributes);a&&(s&&a.constant&&(a.constant=!1,t.invalidate(a.id)),!a.value&&!s&&(a.constant=!0,a.value=hy(t.attributes)?[Ns]:[0,0,0]))}}}finalizeState(e){for(let n of this.getModels())n.destroy();let t=this.getAttributeManager();t&&t.finalize(),this.context&&this.context.resourceManager.unsubscribe({consumerId:this.id}),this.internalState&&(this.internalState.uniformTransitions.clear(),this.internalState.finalize())}draw(e){for(let t of this.getModels())t.draw(e.renderPass)}getPickingInfo({info:e,mode:t,sourceLayer:n}){let{index:i}=e;return i>=0&&Array.isArray(this.props.data)&&(e.object=this.props.data[i]),e}raiseError(e,t){t&&(e=new Error(`${t}: ${e.message}`,{cause:e})),this.props.onError?.(e)||this.context?.onError?.(e,this)}getNeedsRedraw(e={clearRedrawFlags:!1}){return this._getNeedsRedraw(e)}needsUpdate(){return this.internalState?this.internalState.needsUpdate||this.hasUniformTransition()||this.shouldUpdateState(this._getUpdateParams()):!1}hasUniformTransition(){return this.internalState?.uniformTransitions.active||!1}activateViewport(e){if(!this.internalState)return;let t=this.internalState.viewport;this.internalState.viewport=e,(!t||!b6({oldViewport:t,viewport:e}))&&(this.setChangeFlags({viewportChanged:!0}),this.isComposite?this.needsUpdate()&&this.setNeedsUpdate():this._update())}invalidateAttribute(e="all"){let t=this.getAttributeManager();t&&(e==="all"?t.invalidateAll():t.invalidate(e))}updateAttributes(e){let t=!1;for(let n in e)e[n].layoutChanged()&&(t=!0);for(let n of this.getModels())this._setModelAttributes(n,e,t)}_updateAttributes(){let e=this.getAttributeManager();if(!e)return;let t=this.props,n=this.getNumInstances(),i=this.getStartIndices();e.update({data:t.data,numInstances:n,startIndices:i,props:t,transitions:t.transitions,buffers:t.data.attributes,context:this});let o=e.getChangedAttributes({clearChangedFlags:!0});this.updateAttributes(o)}_updateAttributeTransition(){let e=this.getAttributeManager();e&&e.updateTransition()}_updateUniformTransition(){let{uniformTransitions:e}=this.internalState;if(e.active){let t=e.update(),n=Object.create(this.props);for(let i in t)Object.defineProperty(n,i,{value:t[i]});return n}return this.props}calculateInstancePickingColors(e,{numInstances:t}){if(e.constant)return;let n=Math.floor(wt.length/4);this.internalState.usesPickingColorCache=!0;let i=t>0&&wt[0]===0;if(n<t||i){t>g1&&N.warn("Layer has too many data objects. Picking might not be able to distinguish all objects.")(),wt=Mt.allocate(wt,t,{size:4,copy:!0,maxCount:Math.max(t,g1)});let o=Math.floor(wt.length/4),s=[0,0,0],a=i?0:n;for(let c=a;c<o;c++)this.encodePickingColor(c,s),wt[c*4+0]=s[0],wt[c*4+1]=s[1],wt[c*4+2]=s[2],wt[c*4+3]=0}e.value=wt.subarray(0,t*4)}_setModelAttributes(e,t,n=!1){if(!Object.keys(t).length)return;let i=this.getAttributeManager();if(i?.hasBufferGroups()){this._setGroupedModelAttributes(e,i,t);return}if(n){let c=this.getAttributeManager();e.setBufferLayout(c.getBufferLayouts(e)),t=c.getAttributes()}let o=e.userData?.excludeAttributes||{},s={},a={};for(let c in t){if(o[c])continue;let l=t[c].getValue();for(let f in l){let u=l[f];u instanceof V?t[c].settings.isIndexed?e.setIndexBuffer(u):s[f]=u:u&&(a[f]=u)}}e.setAttributes(s),e.setConstantAttributes(a)}_setGroupedModelAttributes(e,t,n){let i=e.userData?.excludeAttributes||{},o=t.getBufferGroupBindings(n,e,i);e.setBufferLayout(o.bufferLayouts);let s={...o.buffers},a={},c=t.getAttributes();for(let l in c){if(i[l]||o.groupedAttributeIds.has(l))continue;let f=c[l],u=f.getValue();for(let d in u){let p=u[d];p instanceof V?f.settings.isIndexed?e.setIndexBuffer(p):s[d]=p:p&&(a[d]=p)}}e.setAttributes(s),e.setConstantAttributes(a)}disablePickingIndex(e){let t=this.props.data;if(!("attributes"in t)){this._disablePickingIndex(e);return}let n=this.getAttributeManager().attributes,i=hy(n),o=py(n),s=i&&t.attributes&&t.attributes[i.id];if(s&&s.value){let c=s.value;for(let l=0;l<t.length;l++){let f=i.getVertexOffset(l);c[f]===e&&this._disablePickingIndex(l)}return}let a=o&&t.attributes&&t.attributes[o.id];if(a&&a.value){let c=a.value,l=this.encodePickingColor(e);for(let f=0;f<t.length;f++){let u=o.getVertexOffset(f);c[u]===l[0]&&c[u+1]===l[1]&&c[u+2]===l[2]&&this._disablePickingIndex(f)}}else this._disablePickingIndex(e)}_disablePickingIndex(e){let t=this.getAttributeManager().attributes,n=hy(t);if(n){let a=n.getVertexOffset(e),c=n.getVertexOffset(e+1),l=new Uint32Array(c-a);l.fill(Ns),n.buffer.write(l,a*l.BYTES_PER_ELEMENT);return}let i=py(t);if(!i){this.internalState&&zw(this.internalState.disabledPickingIndices,e);return}let o=i.getVertexOffset(e),s=i.getVertexOffset(e+1);i.buffer.write(new Uint8Array(s-o),o)}restorePickingColors(){let e=this.getAttributeManager().attributes,t=m1(e);if(!t){this.internalState&&(this.internalState.disabledPickingIndices.length=0);return}let n=py(e);this.internalState.usesPickingColorCache&&n&&n.value.buffer!==wt.buffer&&(n.value=wt.subarray(0,n.value.length)),t.updateSubBuffer({startOffset:0})}_initialize(){Z(!this.internalState),fe(g6,this);let e=this._getAttributeManager();this.internalState=new za({attributeManager:e,layer:this}),this._clearChangeFlags(),this.state={},Object.defineProperty(this.state,"attributeManager",{get:()=>(N.deprecated("layer.state.attributeManager","layer.getAttributeManager()")(),e)}),this.internalState.uniformTransitions=new Da(this.context.timeline),this.internalState.onAsyncPropUpdated=this._onAsyncPropUpdated.bind(this),this.internalState.setAsyncProps(this.props),this.initializeState(this.context);for(let t of this.props.extensions)t.initializeState.call(this,this.context,t);this.setChangeFlags({dataChanged:"init",propsChanged:"init",viewportChanged:!0,extensionsChanged:!0}),this._update()}_transferState(e){fe(_6,this,this===e);let{state:t,internalState:n}=e;this!==e&&(this.internalState=n,this.state=t,this.internalState.setAsyncProps(this.props),this._diffProps(this.props,this.internalState.getOldProps()))}_update(){let e=this.needsUpdate();if(fe(m6,this,e),!e)return;this.context.stats.get("Layer updates").incrementCount();let t=this.props,n=this.context,i=this.internalState,o=n.viewport,s=this._updateUniformTransition();i.propsInTransition=s,n.viewport=i.viewport||o,this.props=s;try{let a=this._getUpdateParams(),c=this.getModels();if(n.device)this.updateState(a);else try{this.updateState(a)}catch{}for(let f of this.props.extensions)f.updateState.call(this,a,f);this.setNeedsRedraw(),this._updateAttributes();let l=this.getModels()[0]!==c[0];this._postUpdate(a,l)}finally{n.viewport=o,this.props=t,this._clearChangeFlags(),i.needsUpdate=!1,i.resetOldProps()}}_finalize(){fe(y6,this),this.finalizeState(this.context);for(let e of this.props.extensions)e.finalizeState.call(this,this.context,e)}_drawLayer({renderPass:e,shaderModuleProps:t=null,uniforms:n={},parameters:i={}}){this._updateAttributeTransition();let o=this.props,s=this.context;this.props=this.internalState.propsInTransition||o;try{t&&this.setShaderModuleProps(t);let{getPolygonOffset:a}=this.props,c=a&&a(n)||[0,0];s.device instanceof en&&s.device.setParametersWebGL({polygonOffset:c});let l=s.device instanceof en?null:w6(i);if(E6(this.getModels(),e,i,l),s.device instanceof en)s.device.withParametersWebGL(i,()=>{let f={renderPass:e,shaderModuleProps:t,uniforms:n,parameters:i,context:s};for(let u of this.props.extensions)u.draw.call(this,f,u);this.draw(f)});else{l?.renderPassParameters&&e.setParameters(l.renderPassParameters);let f={renderPass:e,shaderModuleProps:t,uniforms:n,parameters:i,context:s};for(let u of this.props.extensions)u.draw.call(this,f,u);this.draw(f)}}finally{this.props=o}}getChangeFlags(){return this.internalState?.changeFlags}setChangeFlags(e){if(!this.internalState)return;let{changeFlags:t}=this.internalState;for(let i in e)if(e[i]){let o=!1;switch(i){case"dataChanged":let s=e[i],a=t[i];s&&Array.isArray(a)&&(t.dataChanged=Array.isArray(s)?a.concat(s):s,o=!0);default:t[i]||(t[i]=e[i],o=!0)}o&&fe(p6,this,i,e)}let n=!!(t.dataChanged||t.updateTriggersChanged||t.propsChanged||t.extensionsChanged);t.propsOrDataChanged=n,t.somethingChanged=n||t.viewportChanged||t.stateChanged}_clearChangeFlags(){this.internalState.changeFlags={dataChanged:!1,propsChanged:!1,updateTriggersChanged:!1,viewportChanged:!1,stateChanged:!1,extensionsChanged:!1,propsOrDataChanged:!1,somethingChanged:!1}}_diffProps(e,t){let n=a1(e,t);if(n.updateTriggersChanged)for(let i in n.updateTriggersChanged)n.updateTriggersChanged[i]&&this.invalidateAttribute(i);if(n.transitionsChanged)for(let i in n.transitionsChanged)this.internalState.uniformTransitions.add(i,t[i],e[i],e.transitions?.[i]);return this.setChangeFlags(n)}validateProps(){s1(this.props)}updateAutoHighlight(e){this.props.autoHighlight&&!Number.isInteger(this.props.highlightedObjectIndex)&&this._updateAutoHighlight(e)}_updateAutoHighlight(e){let t={highlightedObjectColor:e.picked?e.color:null},{highlightColor:n}=this.props;e.picked&&typeof n=="function"&&(t.highlightColor=n(e)),this.setShaderModuleProps({picking:t}),this.setNeedsRedraw()}_getAttributeManager(){let e=this.context;return new Ra(e.device,{id:this.props.id,stats:e.stats,timeline:e.timeline})}_postUpdate(e,t){let{props:n,oldProps:i}=e,o=this.state.model;o?.isInstanced&&o.setInstanceCount(this.getNumInstances());let{autoHighlight:s,highlightedObjectIndex:a,highlightColor:c}=n;if(t||i.autoHighlight!==s||i.highlightedObjectIndex!==a||i.highlightColor!==c){let l={};Array.isArray(c)&&(l.highlightColor=c),(t||i.autoHighlight!==s||a!==i.highlightedObjectIndex)&&(l.highlightedObjectColor=Number.isFinite(a)&&a>=0?this.encodePickingColor(a):null),this.setShaderModuleProps({picking:l})}}_getUpdateParams(){return{props:this.props,oldProps:this.internalState.getOldProps(),context:this.context,changeFlags:this.internalState.changeFlags}}_getNeedsRedraw(e){if(!this.internalState)return!1;let t=!1;t=t||this.internalState.needsRedraw&&this.id;let n=this.getAttributeManager(),i=n?n.getNeedsRedraw(e):!1;if(t=t||i,t)for(let o of this.props.extensions)o.onNeedsRedraw.call(this,o);return this.internalState.needsRedraw=this.internalState.needsRedraw&&!e.clearRedrawFlags,t}_onAsyncPropUpdated(){this._diffProps(this.props,this.internalState.getOldProps()),this.setNeedsUpdate()}};Ua.defaultProps=v6;Ua.layerName="Layer";var at=Ua;function w6(r){let{blendConstant:e,...t}=r;return e?{pipelineParameters:t,renderPassParameters:{blendConstant:e}}:{pipelineParameters:t}}function E6(r,e,t,n){for(let i of r)i.device.type==="webgpu"?(P6(i,e),i.setParameters({...i.parameters,...n?.pipelineParameters})):i.setParameters(t)}function P6(r,e){let t=e.props.framebuffer||(e.framebuffer??null);if(!t)return;let n=t.colorAttachments.map(s=>s?.texture?.format??null),i=t.depthStencilAttachment?.texture?.format,o=r;(!S6(o.props.colorAttachmentFormats,n)||o.props.depthStencilAttachmentFormat!==i)&&(o.props.colorAttachmentFormats=n,o.props.depthStencilAttachmentFormat=i,o._setPipelineNeedsUpdate("attachment formats"))}function S6(r,e){if(r===e)return!0;if(!r||!e||r.length!==e.length)return!1;for(let t=0;t<r.length;t++)if(r[t]!==e[t])return!1;return!0}var T6="compositeLayer.renderLayers",Gu=class extends at{get isComposite(){return!0}get isDrawable(){return!1}get isLoaded(){return super.isLoaded&&this.getSubLayers().every(e=>e.isLoaded)}getSubLayers(){return this.internalState&&this.internalState.subLayers||[]}initializeState(e){}setState(e){super.setState(e),this.setNeedsUpdate()}getPickingInfo({info:e}){let{object:t}=e;return t&&t.__source&&t.__source.parent&&t.__source.parent.id===this.id&&(e.object=t.__source.object,e.index=t.__source.index),e}filterSubLayer(e){return!0}shouldRenderSubLayer(e,t){return t&&t.length}getSubLayerClass(e,t){let{_subLayerProps:n}=this.props;return n&&n[e]&&n[e].type||t}getSubLayerRow(e,t,n){return e.__source={parent:this,object:t,index:n},e}getSubLayerAccessor(e){if(typeof e=="function"){let t={index:-1,data:this.props.data,target:[]};return(n,i)=>n&&n.__source?(t.index=n.__source.index,e(n.__source.object,t)):e(n,i)}return e}getSubLayerProps(e={}){let{opacity:t,pickable:n,visible:i,parameters:o,getPolygonOffset:s,highlightedObjectIndex:a,autoHighlight:c,highlightColor:l,coordinateSystem:f,coordinateOrigin:u,wrapLongitude:d,positionFormat:p,modelMatrix:g,extensions:m,fetch:y,operation:x,_subLayerProps:v}=this.props,_={id:"",updateTriggers:{},opacity:t,pickable:n,visible:i,parameters:o,getPolygonOffset:s,highlightedObjectIndex:a,autoHighlight:c,highlightColor:l,coordinateSystem:f,coordinateOrigin:u,wrapLongitude:d,positionFormat:p,modelMatrix:g,extensions:m,fetch:y,operation:x},w=v&&e.id&&v[e.id],E=w&&w.updateTriggers,P=e.id||"sublayer";if(w){let L=this.props[bt],A=e.type?e.type._propTypes:{};for(let C in w){let T=A[C]||L[C];T&&T.type==="accessor"&&(w[C]=this.getSubLayerAccessor(w[C]))}}Object.assign(_,e,w),_.id=`${this.props.id}-${P}`,_.updateTriggers={all:this.props.updateTriggers?.all,...e.updateTriggers,...E};for(let L of m){let A=L.getSubLayerProps.call(this,L);A&&Object.assign(_,A,{updateTriggers:Object.assign(_.updateTriggers,A.updateTriggers)})}return _}_updateAutoHighlight(e){for(let t of this.getSubLayers())t.updateAutoHighlight(e)}_getAttributeManager(){return null}_postUpdate(e,t){let n=this.internalState.subLayers,i=!n||this.needsUpdate();if(i){let o=this.renderLayers();n=eo(o,Boolean),this.internalState.subLayers=n}fe(T6,this,i,n);for(let o of n)o.parent=this}};Gu.layerName="CompositeLayer";var Ga=Gu;be();var _o=Math.PI/180,y1=180/Math.PI,L6=1,$u=6370972,Ir=256,_1=.75,x1=1.15;function b1(r){let e=vr(r+180,360)-180;return Math.abs(e)<L6}function A6(){let r=Ir/$u,e=Math.PI/180*Ir;return{unitsPerMeter:[r,r,r],unitsPerMeter2:[0,0,0],metersPerUnit:[1/r,1/r,1/r],unitsPerDegree:[e,e,r],unitsPerDegree2:[0,0,0],degreesPerUnit:[1/e,1/e,1/r]}}var Vu=class extends Yi{constructor(e={}){let{longitude:t=0,bearing:n=0,pitch:i=0,zoom:o=0,nearZMultiplier:s=.5,farZMultiplier:a=1,resolution:c=10}=e,{latitude:l=0,height:f,altitude:u=1.5,fovy:d}=e;l=Math.max(Math.min(l,90),-90),f=f||1,d?u=jn(d):d=xr(u);let p=Math.max(Math.min(l,Ye),-Ye),g=Math.pow(2,o-ve(p)),m=i*_o,y=e.nearZ??s,x=e.farZ??(u+Ir*2*g/f/Math.max(Math.cos(m),.1))*a,v=new xe().lookAt({eye:[0,-u,0],up:[0,0,1]}).rotateX(-m).rotateY(-n*_o).rotateX(l*_o).rotateZ(-t*_o).scale(g/f);super({...e,height:f,viewMatrix:v,longitude:t,latitude:l,zoom:o,distanceScales:A6(),fovy:d,focalDistance:u,near:y,far:x}),this.scale=g,this.latitude=l,this.longitude=t,this.bearing=n,this.pitch=i,this.fovy=d,this.resolution=c}get projectionMode(){return ge.GLOBE}getDistanceScales(){return this.distanceScales}getBounds(e={}){let t={targetZ:e.z||0},n=this.unproject([0,this.height/2],t),i=this.unproject([this.width/2,0],t),o=this.unproject([this.width,this.height/2],t),s=this.unproject([this.width/2,this.height],t);return o[0]<this.longitude&&(o[0]+=360),n[0]>this.longitude&&(n[0]-=360),[Math.min(n[0],o[0],i[0],s[0]),Math.min(n[1],o[1],i[1],s[1]),Math.max(n[0],o[0],i[0],s[0]),Math.max(n[1],o[1],i[1],s[1])]}_getRayToGlobe(e,{topLeft:t=!0,targetZ:n}={}){let[i,o]=e,s=t?o:this.height-o,{pixelUnprojectionMatrix:a}=this,c=gy(a,[i,s,-1,1]),l=gy(a,[i,s,1,1]),f=((n||0)/$u+1)*Ir,u=Q.sqrLen(Q.sub([],c,l)),d=Q.sqrLen(c),p=Q.sqrLen(l),m=4*((4*d*p-(u-d-p)**2)/16)/u;return{rayStartPosition:c,rayEndPosition:l,radius:f,rayLengthSquared:u,rayStartDistanceSquared:d,distanceToCenterSquared:m}}_getRayDistanceToGlobeCenterRatio(e,t){let{distanceToCenterSquared:n,radius:i}=this._getRayToGlobe(e,t);return Math.sqrt(Math.max(0,n))/i}getZoomAnchorStrength(e){let t=this._getRayDistanceToGlobeCenterRatio(e);if(t>=x1)return 0;let n=Math.max(0,Math.min(1,(t-_1)/(x1-_1)));return 1-n*n*(3-2*n)}unproject(e,{topLeft:t=!0,targetZ:n}={}){let[i,o,s]=e,a=t?o:this.height-o,{pixelUnprojectionMatrix:c}=this,l;if(Number.isFinite(s))l=gy(c,[i,a,s,1]);else{let{rayStartPosition:p,rayEndPosition:g,radius:m,rayLengthSquared:y,rayStartDistanceSquared:x,distanceToCenterSquared:v}=this._getRayToGlobe(e,{topLeft:t,targetZ:n}),_=Math.sqrt(x-v),w=Math.sqrt(Math.max(0,m*m-v)),E=(_-w)/Math.sqrt(y);l=Q.lerp([],p,g,E)}let[f,u,d]=this.unprojectPosition(l);return Number.isFinite(s)?[f,u,d]:Number.isFinite(n)?[f,u,n]:[f,u]}projectPosition(e){let[t,n,i=0]=e,o=t*_o,s=n*_o,a=Math.cos(s),c=(i/$u+1)*Ir;return[Math.sin(o)*a*c,-Math.cos(o)*a*c,Math.sin(s)*c]}unprojectPosition(e){let[t,n,i]=e,o=Q.len(e),s=Math.asin(i/o),c=Math.atan2(t,-n)*y1,l=s*y1,f=(o/Ir-1)*$u;return[c,l,f]}projectFlat(e){return e}unprojectFlat(e){return e}panByPosition(e,t,n){if(!n){let d=this.getZoomAnchorStrength(t);if(d===0)return{longitude:this.longitude,latitude:this.latitude};let p=this.unproject(t),g=vr(e[0]-p[0]+180,360)-180,m=e[1]-p[1],y=Math.abs(p[1])>Ye||Math.abs(g)>90;if(b1(this.bearing)&&y)return{longitude:this.longitude,latitude:this.latitude};if(b1(this.bearing)&&m!==0){let w=((m>0?Ye:-Ye)-this.latitude)/m;d=Math.min(d,Math.max(0,w))}let x=this.longitude+g*d,v=Math.max(Math.min(this.latitude+m*d,90),-90);return{longitude:x,latitude:v}}let[i,o,s]=e,c=.25/Math.pow(2,this.zoom-ve(this.latitude)),l=i+c*(n[0]-t[0]),f=o-c*(n[1]-t[1]);f=Math.max(Math.min(f,90),-90);let u={longitude:l,latitude:f,zoom:s-ve(o)};return u.zoom+=ve(u.latitude),u}};Vu.displayName="GlobeViewport";var v1=Vu;function ve(r,e){e&&(r=Math.max(Math.min(r,Ye),-Ye));let t=Math.PI*Math.cos(r*Math.PI/180);return Math.log2(t)}function gy(r,e){let t=je.transformMat4([],e,r);return je.scale(t,t,1/t[3]),t}be();be();var xo=Math.PI/180,my=180/Math.PI,ct=class r{static toPosition(e,t){let n=t*xo,i=e*xo,o=Math.cos(n);return[o*Math.cos(i),o*Math.sin(i),Math.sin(n)]}static toLngLat(e){return[Math.atan2(e[1],e[0])*my,Math.asin(K(e[2],-1,1))*my]}static tangentBasis(e,t){let n=t*xo,i=e*xo,o=Math.sin(n),s=Math.cos(n),a=Math.sin(i),c=Math.cos(i);return{N:[-o*c,-o*a,s],E:[-a,c,0]}}static upVector(e,t,n){let{N:i,E:o}=r.tangentBasis(e,t),s=n*xo,a=Math.cos(s),c=Math.sin(s);return[i[0]*a+o[0]*c,i[1]*a+o[1]*c,i[2]*a+o[2]*c]}static bearing(e,t,n){let{N:i,E:o}=r.tangentBasis(t,n);return Math.atan2(Q.dot(e,o),Q.dot(e,i))*my}static cameraFrame(e,t,n){let i=r.toPosition(e,t),o=r.upVector(e,t,n),{N:s,E:a}=r.tangentBasis(e,t),c=n*xo,l=Math.cos(c),f=Math.sin(c),u=[a[0]*l-s[0]*f,a[1]*l-s[1]*f,a[2]*l-s[2]*f];return{position:i,up:o,axisHorizontal:Q.cross([],i,u),axisVertical:Q.cross([],i,o),longitude:e,latitude:t,bearing:n}}static angularDistance(e,t){let n=r.toPosition(e.longitude,e.latitude),i=r.toPosition(t.longitude,t.latitude);return Math.acos(K(Q.dot(n,i),-1,1))}static greatCircleAxis(e,t){let n=r.toPosition(e.longitude,e.latitude),i=r.toPosition(t.longitude,t.latitude);return Q.normalize([],Q.cross([],n,i))}static rotate(e,t,n){let i=new Ps().fromAxisRotation(t,n);return Q.transformQuat([],e,i)}static rotateFrame(e,t,n,i){let o=r.rotate(e.position,e.axisHorizontal,t);o=r.rotate(o,e.axisVertical,n);let s=r.rotate(e.up,e.axisHorizontal,t);s=r.rotate(s,e.axisVertical,n);let[a,c]=r.toLngLat(o),l=i?0:r.bearing(s,a,c);return{...e,position:o,up:s,longitude:a,latitude:c,bearing:l}}static rotateFrameToMatch(e,t,n,i=1){let o=r.toPosition(...t),s=r.toPosition(...n),a=Q.cross([],o,s),c=Q.len(a),l=K(Q.dot(o,s),-1,1);if(c<1e-12){if(l>0)return e;a=Q.cross([],o,e.up),Q.len(a)<1e-12&&(a=Q.cross([],o,e.axisVertical))}Q.normalize(a,a);let f=Math.atan2(c,l)*K(i,0,1),u=r.rotate(e.position,a,f),d=r.rotate(e.up,a,f),[p,g]=r.toLngLat(u);return{...e,position:u,up:d,longitude:p,latitude:g,bearing:r.bearing(d,p,g)}}},w1=5,C6=1/(1-Math.exp(-w1)),E1=r=>(1-Math.exp(-w1*r))*C6,Wu=class extends Xn{constructor(e){let t="axis"in e;super({compare:["longitude","latitude"],extract:t?["longitude","latitude","zoom","bearing"]:["longitude","latitude","zoom"],required:["longitude","latitude"]}),t?(this._mode="rotation",this._axis=e.axis,this._totalAngle=e.totalAngle):(this._mode="linear",this._targetLongitude=e.targetLongitude)}initializeProps(e,t){let n=super.initializeProps(e,t);return this._startZoom=e.zoom,this._mode==="rotation"?this._startFrame={...ct.cameraFrame(e.longitude,e.latitude,e.bearing||0),axisHorizontal:this._axis}:n.end.longitude=this._targetLongitude,n}interpolateProps(e,t,n){if(this._mode==="rotation"){let{longitude:a,latitude:c,bearing:l}=ct.rotateFrame(this._startFrame,this._totalAngle*n,0),f=this._startZoom+ve(c,!0)-ve(this._startFrame.latitude,!0);return{bearing:l,longitude:a,latitude:c,zoom:f}}let i=e.longitude+(t.longitude-e.longitude)*n,o=e.latitude+(t.latitude-e.latitude)*n,s=this._startZoom+ve(o,!0)-ve(e.latitude,!0);return{longitude:i,latitude:o,zoom:s}}};var vo=Math.PI/180,M6=180/Math.PI;function P1(r,e=0){let t=Math.min(180,r)*vo;return Ir*2*Math.sin(t/2)*Math.pow(2,e)}function bo(r,e=0){let t=r/Math.pow(2,e);return Math.asin(Math.min(1,t/Ir/2))*2*M6}var yy=class extends ra{constructor(e){let{startPanPos:t,startPanCameraFrame:n,startPanAngularRate:i,...o}=e;o.normalize=!1,super(o);let s=this._state;t!==void 0&&(s.startPanPos=t),n!==void 0&&(s.startPanCameraFrame=n),i!==void 0&&(s.startPanAngularRate=i)}panStart({pos:e}){let{latitude:t,longitude:n,zoom:i,bearing:o=0}=this.getViewportProps(),s=ct.cameraFrame(n,t,o),c=.25/Math.pow(2,i-ve(t,!0))*vo;return this._getUpdatedState({startPanPos:e,startPanCameraFrame:s,startPanAngularRate:c,startZoom:i})}pan({pos:e,startPos:t}){let n=this.getState(),i=n.startPanPos||t;if(!i)return this;let o=n.startPanCameraFrame,s=n.startPanAngularRate,a=n.startZoom??this.getViewportProps().zoom;if(!o||!s)return this;let c=i[0]-e[0],l=i[1]-e[1],f=c*s,u=-l*s,d=ct.rotateFrame(o,f,u),p=a+ve(d.latitude,!0)-ve(o.latitude,!0);return this._getUpdatedState({longitude:d.longitude,latitude:d.latitude,bearing:d.bearing,zoom:p})}panEnd(){return this._getUpdatedState({startPanPos:null,startPanCameraFrame:null,startPanAngularRate:null,startZoom:null})}_panFromCenter(e){let{width:t,height:n}=this.getViewportProps(),i=[t/2,n/2];return this.panStart({pos:i}).pan({pos:[i[0]+e[0],i[1]+e[1]]}).panEnd()}applyConstraints(e){let t=e,n=t[Sr];delete t[Sr];let{latitude:i,maxBounds:o}=e;if(e.zoom=this._constrainZoom(e.zoom,e),n){let a=this.makeViewport(e),c=a.getZoomAnchorStrength(n.screenPosition);if(c>0){let l=a.unproject(n.screenPosition),f=ct.cameraFrame(e.longitude,e.latitude,e.bearing||0),u=ct.rotateFrameToMatch(f,[l[0],l[1]],[n.position[0],n.position[1]],c);e.longitude=u.longitude,e.latitude=u.latitude,e.bearing=u.bearing}}(e.longitude<-180||e.longitude>180)&&(e.longitude=vr(e.longitude+180,360)-180),(e.bearing<-180||e.bearing>180)&&(e.bearing=vr(e.bearing+180,360)-180),e.latitude=K(e.latitude,-90,90),e.pitch=K(e.pitch,e.minPitch,e.maxPitch);let s=o?to(e.width,e.height,e.maxBoundsPadding):null;if(o&&s&&(s.width>=0&&(e.longitude=K(e.longitude,o[0][0],o[1][0])),s.height>=0&&(e.latitude=K(e.latitude,o[0][1],o[1][1]))),o&&s){let a=this.makeViewport({...e,bearing:0,pitch:0}),c=Tf(a,[e.longitude,e.latitude],s),l=e.zoom-ve(i),f=o[1][0]-o[0][0],u=o[1][1]-o[0][1];if(s.height>=0&&u>0&&u<180){let d=Math.min(bo(s.height,l),u),p=s.height?d*c.bottom/s.height:bo(c.bottom,l),g=s.height?d*c.top/s.height:bo(c.top,l);e.latitude=K(e.latitude,o[0][1]+p,o[1][1]-g)}if(s.width>=0&&f>0&&f<360){let d=Math.min(bo(s.width/Math.cos(e.latitude*vo),l),f),p=s.width?d*c.left/s.width:bo(c.left/Math.cos(e.latitude*vo),l),g=s.width?d*c.right/s.width:bo(c.right/Math.cos(e.latitude*vo),l);e.longitude=K(e.longitude,o[0][0]+p,o[1][0]-g)}}return e.latitude=K(e.latitude,-90,90),e.latitude!==i&&(e.zoom+=ve(e.latitude,!0)-ve(i,!0)),e}_constrainZoom(e,t){t||(t=this.getViewportProps());let{maxZoom:n,maxBounds:i}=t,{minZoom:o}=t;if(i!==null&&t.width>0&&t.height>0){let c=to(t.width,t.height,t.maxBoundsPadding),l=i[0][1],f=i[1][1],u=Math.sign(l)===Math.sign(f)?Math.min(Math.abs(l),Math.abs(f)):0,d=ve(0),p=P1(i[1][0]-i[0][0])*Math.cos(u*vo),g=P1(i[1][1]-i[0][1]);c.width>0&&p>0&&(o=Math.max(o,Math.log2(c.width/p)+d)),c.height>0&&g>0&&(o=Math.max(o,Math.log2(c.height/g)+d)),o>n&&(o=n)}let a=ve(t.latitude,!0)-ve(0,!0);return K(e,o+a,n+a)}},$a=class extends Jn{constructor(){super(...arguments),this.ControllerState=yy,this.transition={transitionDuration:300,transitionInterpolator:new Pr({transitionProps:{compare:["longitude","latitude","zoom","bearing","pitch"],required:["longitude","latitude","zoom"]}})},this.dragMode="pan",this._panHistory=[]}_onPanStart(e){return this._panHistory=[],super._onPanStart(e)}_onMultiPanStart(e){return this._panHistory=[],super._onMultiPanStart(e)}_onPanMove(e){if(!this.dragPan)return!1;let t=this.getCenter(e),n=this.controllerState.pan({pos:t});this.updateViewport(n,{transitionDuration:0},{isDragging:!0,isPanning:!0});let{longitude:i,latitude:o}=n.getViewportProps();return this._panHistory.push({longitude:i,latitude:o,timestamp:Date.now()}),this._panHistory.length>5&&this._panHistory.shift(),!0}_onPanMoveEnd(e){let{inertia:t}=this;if(this.dragPan&&t&&this._panHistory.length>=2){let i=this._panHistory[0],o=this._panHistory[this._panHistory.length-1],s=o.timestamp-i.timestamp;if(s>0){let a=this.controllerState.getViewportProps(),l=ct.angularDistance(i,o)/s;if(l>1e-6){let f=l*t/2,u=ct.greatCircleAxis(i,o),d=ct.cameraFrame(a.longitude,a.latitude,a.bearing||0),p=ct.rotateFrame({...d,axisHorizontal:u},f,0),g=p.longitude,m=K(p.latitude,-90,90),y=new Wu({axis:u,totalAngle:f}),x=this.controllerState.panEnd();return this.updateViewport(x,{transitionInterpolator:y,transitionDuration:t,transitionEasing:E1,longitude:g,latitude:m},{isDragging:!1,isPanning:!0}),this._panHistory=[],!0}}}this._panHistory=[];let n=this.controllerState.panEnd();return this.updateViewport(n,null,{isDragging:!1,isPanning:!1}),!0}};var I6={cullMode:"back"},ju=class extends Zn{constructor(e={}){super({...e,parameters:{...I6,...e.parameters}})}getViewportType(e){return e.zoom>12?wr:v1}get ControllerType(){return $a}};ju.displayName="GlobeView";var S1=ju;z();var sn=class{constructor(e){this.indexStarts=[0],this.vertexStarts=[0],this.vertexCount=0,this.instanceCount=0;let{attributes:t={}}=e;this.typedArrayManager=Mt,this.attributes={},this._attributeDefs=t,this.opts=e,this.updateGeometry(e)}updateGeometry(e){Object.assign(this.opts,e);let{data:t,buffers:n={},getGeometry:i,geometryBuffer:o,positionFormat:s,dataChanged:a,normalize:c=!0}=this.opts;if(this.data=t,this.getGeometry=i,this.positionSize=o&&o.size||(s==="XY"?2:3),this.buffers=n,this.normalize=c,o&&(Z(t.startIndices),this.getGeometry=this.getGeometryFromBuffer(o),c||(n.vertexPositions=o)),this.geometryBuffer=n.vertexPositions,Array.isArray(a))for(let l of a)this._rebuildGeometry(l);else this._rebuildGeometry()}updatePartialGeometry({startRow:e,endRow:t}){this._rebuildGeometry({startRow:e,endRow:t})}getGeometryFromBuffer(e){let t=e.value||e;return ArrayBuffer.isView(t)?pu(t,{size:this.positionSize,offset:e.offset,stride:e.stride,startIndices:this.data.startIndices}):null}_allocate(e,t){let{attributes:n,buffers:i,_attributeDefs:o,typedArrayManager:s}=this;for(let a in o)if(a in i)s.release(n[a]),n[a]=null;else{let c=o[a];c.copy=t,n[a]=s.allocate(n[a],e,c)}}_forEachGeometry(e,t,n){let{data:i,getGeometry:o}=this,{iterable:s,objectInfo:a}=Ft(i,t,n);for(let c of s){a.index++;let l=o?o(c,a):null;e(l,a.index)}}_rebuildGeometry(e){if(!this.data)return;let{indexStarts:t,vertexStarts:n,instanceCount:i}=this,{data:o,geometryBuffer:s}=this,{startRow:a=0,endRow:c=1/0}=e||{},l={};if(e||(t=[0],n=[0]),this.normalize||!s)this._forEachGeometry((u,d)=>{let p=u&&this.normalizeGeometry(u);l[d]=p,n[d+1]=n[d]+(p?this.getGeometrySize(p):0)},a,c),i=n[n.length-1];else if(n=o.startIndices,i=n[o.length]||0,ArrayBuffer.isView(s))i=i||s.length/this.positionSize;else if(s instanceof V){let u=this.positionSize*4;i=i||s.byteLength/u}else if(s.buffer){let u=s.stride||this.positionSize*4;i=i||s.buffer.byteLength/u}else if(s.value){let u=s.value,d=s.stride/u.BYTES_PER_ELEMENT||this.positionSize;i=i||u.length/d}this._allocate(i,!!e),this.indexStarts=t,this.vertexStarts=n,this.instanceCount=i;let f={};this._forEachGeometry((u,d)=>{let p=l[d]||u;f.vertexStart=n[d],f.indexStart=t[d];let g=d<n.length-1?n[d+1]:i;f.geometrySize=g-n[d],f.geometryIndex=d,this.updateGeometryAttributes(p,f)},a,c),this.vertexCount=t[t.length-1]}};var T1="@@type",Hu="@@function";function A1(r,e){let t=O6(e),n=r;for(let i of t)n=R6(n)?n[i]:void 0;return n}function R6(r){return r!==null&&typeof r=="object"}var L1={};function O6(r){if(typeof r=="string"){let e=L1[r];return e||(e=r.split("."),L1[r]=e),e}return Array.isArray(r)?r:[r]}var _y=Vy(C1(),1);var M1={"||":(r,e)=>r||e,"&&":(r,e)=>r&&e,"|":(r,e)=>r|e,"^":(r,e)=>r^e,"&":(r,e)=>r&e,"==":(r,e)=>r==e,"!=":(r,e)=>r!=e,"===":(r,e)=>r===e,"!==":(r,e)=>r!==e,"<":(r,e)=>r<e,">":(r,e)=>r>e,"<=":(r,e)=>r<=e,">=":(r,e)=>r>=e,"<<":(r,e)=>r<<e,">>":(r,e)=>r>>e,">>>":(r,e)=>r>>>e,"+":(r,e)=>r+e,"-":(r,e)=>r-e,"*":(r,e)=>r*e,"/":(r,e)=>r/e,"%":(r,e)=>r%e},B6={"-":r=>-r,"+":r=>+r,"~":r=>~r,"!":r=>!r};function I1(r,e){return r.map(function(t){return Pe(t,e)})}function R1(r,e){let t=Pe(r.object,e),n;if(r.computed?n=Pe(r.property,e):n=r.property.name,/^__proto__|prototype|constructor$/.test(n))throw Error(`Access to member "${n}" disallowed.`);return[t,t[n]]}function Pe(r,e){let t=r;switch(t.type){case"ArrayExpression":return I1(t.elements,e);case"BinaryExpression":return M1[t.operator](Pe(t.left,e),Pe(t.right,e));case"CallExpression":let n,i,o;return t.callee.type==="MemberExpression"?(o=R1(t.callee,e),n=o[0],i=o[1]):i=Pe(t.callee,e),typeof i!="function"?void 0:i.apply(n,I1(t.arguments,e));case"ConditionalExpression":return Pe(t.test,e)?Pe(t.consequent,e):Pe(t.alternate,e);case"Identifier":return e[t.name];case"Literal":return t.value;case"LogicalExpression":return t.operator==="||"?Pe(t.left,e)||Pe(t.right,e):t.operator==="&&"?Pe(t.left,e)&&Pe(t.right,e):M1[t.operator](Pe(t.left,e),Pe(t.right,e));case"MemberExpression":return R1(t,e)[1];case"ThisExpression":return e;case"UnaryExpression":return B6[t.operator](Pe(t.argument,e));default:return}}var xy={"-":r=>r};function qu(r,e){if(r in xy)return xy[r];let t,n=(0,_y.default)(r);return n.type==="Identifier"?t=i=>A1(i,r):(by(n,i=>{if(i.type==="CallExpression")throw new Error("Function calls not allowed in JSON expressions")}),t=i=>Pe(n,i)),xy[r]=t,t}function by(r,e){if(Array.isArray(r))r.forEach(t=>by(t,e));else if(r&&typeof r=="object"){r.type&&e(r);for(let t in r)by(r[t],e)}}var D6=r=>r&&typeof r=="object",an=class r{constructor(e){this.config={...r.defaultProps},this.convertFunction=qu,this.preProcessClassProps=(t,n)=>n,this.postProcessConvertedJson=t=>t,this.merge(e)}merge(e){for(let t in e)if(t in this.config){let n=e[t];this.config[t]=D6(this.config[t])?Object.assign(this.config[t],n):n}else t==="convertFunction"&&e.convertFunction?this.convertFunction=e.convertFunction:t==="preProcessClassProps"&&e.preProcessClassProps?this.preProcessClassProps=e.preProcessClassProps:t==="postProcessConvertedJson"&&e.postProcessConvertedJson&&(this.postProcessConvertedJson=e.postProcessConvertedJson)}getProps(){return{...this.config,convertFunction:this.convertFunction,preProcessClassProps:this.preProcessClassProps,postProcessConvertedJson:this.postProcessConvertedJson}}};an.defaultProps={log:console,typeKey:T1,functionKey:Hu,classes:{},reactComponents:{},enumerations:{},constants:{},functions:{},React:void 0};function k6(r){return typeof r=="string"&&r.startsWith("@@=")}function N6(r){return r.replace("@@=","")}function vy(r,e){let t={};for(let n in r){let i=r[n];if(k6(i)){let o=N6(i);i=qu(o,e)}t[n]=i}return t}function O1(r,e,t){let n=t.config.classes[r],i=t.config.reactComponents[r];if(!n&&!i){let{log:o}=t.config;if(o){let s=JSON.stringify(e,null,0).slice(0,40);o.warn(`JSON converter: No registered class of type ${r}(${s}...)  `)}return null}return n?F6(n,e,t):z6(i,e,t)}function F6(r,e,t){return t.preProcessClassProps&&(e=t.preProcessClassProps(r,e)),e=vy(e,t),new r(e)}function z6(r,e,t){let{React:n}=t.config,{children:i=[]}=e;return delete e.children,t.preProcessClassProps&&(e=t.preProcessClassProps(r,e)),e=vy(e,t),n.createElement(r,e,i)}function B1(r,e,t){let n=t.config.functions[r];if(!n){let{log:i}=t.config;if(i){let o=JSON.stringify(e,null,0).slice(0,40);i.warn(`JSON converter: No registered function ${r}(${o}...)  `)}return null}return n(e)}function D1(r){return typeof r=="string"?JSON.parse(r):r}function Ku(r){return!!r&&typeof r=="object"}var Xu=class{constructor(e){this.log=console,this.onJSONChange=()=>{},this.json=null,this.convertedJson=null,this.setProps(e)}finalize(){}setProps(e){"configuration"in e&&(this.configuration=e.configuration instanceof an?e.configuration:new an(e.configuration)),"onJSONChange"in e&&(this.onJSONChange=e.onJSONChange)}mergeConfiguration(e){this.configuration.merge(e instanceof an?e.getProps():e)}convert(e){if(!e||e===this.json)return this.convertedJson;this.json=e;let t=D1(e);if(!Ku(t))throw new Error("JSONConverter: expected an object");let n=U6(t,this.configuration);return n=this.configuration.postProcessConvertedJson(n),this.convertedJson=n,n}convertJson(e){return this.convert(e)}};function U6(r,e){return e=new an(e.getProps()),wy(r,"",e)}function wy(r,e,t){return Array.isArray(r)?r.map((n,i)=>wy(n,String(i),t)):Ku(r)?G6(r,t)?$6(r,t):Hu in r?V6(r,t):Ey(r,t):typeof r=="string"?W6(r,e,t):r}function G6(r,e){let{typeKey:t}=e.config;return Ku(r)&&!!r[t]}function $6(r,e){let{typeKey:t}=e.config,n=r[t],i={...r};return delete i[t],i=Ey(i,e),O1(n,i,e)}function V6(r,e){let{functionKey:t}=e.config,n=r[t],i={...r};return delete i[t],i=Ey(i,e),B1(n,i,e)}function Ey(r,e){if(!Ku(r))throw new Error("convertPlainObject: expected an object");let t={};for(let[n,i]of Object.entries(r))t[n]=wy(i,n,e);return t}function W6(r,e,t){if(r.startsWith("@@=")&&t.convertFunction)return r=r.replace("@@=",""),t.convertFunction(r,t);if(r.startsWith("@@#")){if(r=r.replace("@@#",""),t.config.constants[r])return t.config.constants[r];let[n,i]=r.split(".");return t.config.enumerations[n][i]}return r}se();var N1=`layout(std140) uniform iconUniforms {
  float sizeScale;
  vec2 iconsTextureDim;
  float sizeBasis;
  float sizeMinPixels;
  float sizeMaxPixels;
  bool billboard;
  highp int sizeUnits;
  float alphaCutoff;
} icon;
`,F1={name:"icon",vs:N1,fs:N1,uniformTypes:{sizeScale:"f32",iconsTextureDim:"vec2<f32>",sizeBasis:"f32",sizeMinPixels:"f32",sizeMaxPixels:"f32",billboard:"f32",sizeUnits:"i32",alphaCutoff:"f32"}};var z1=`#version 300 es
#define SHADER_NAME icon-layer-vertex-shader
in vec2 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceSizes;
in float instanceAngles;
in vec4 instanceColors;
#ifdef USE_ROW_INDEXES
in float rowIndexes;
#endif
in vec4 instanceIconFrames;
in float instanceColorModes;
in vec2 instanceOffsets;
in vec2 instancePixelOffset;
out float vColorMode;
out vec4 vColor;
out vec2 vTextureCoords;
out vec2 uv;
vec2 rotate_by_angle(vec2 vertex, float angle) {
float angle_radian = angle * PI / 180.0;
float cos_angle = cos(angle_radian);
float sin_angle = sin(angle_radian);
mat2 rotationMatrix = mat2(cos_angle, -sin_angle, sin_angle, cos_angle);
return rotationMatrix * vertex;
}
void main(void) {
geometry.worldPosition = instancePositions;
geometry.uv = positions;
#ifdef USE_ROW_INDEXES
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
#else
geometry.pickingColor = picking_getPickingColorFromInstanceID();
#endif
uv = positions;
vec2 iconSize = instanceIconFrames.zw;
float sizePixels = clamp(
project_size_to_pixel(instanceSizes * icon.sizeScale, icon.sizeUnits),
icon.sizeMinPixels, icon.sizeMaxPixels
);
float iconConstraint = icon.sizeBasis == 0.0 ? iconSize.x : iconSize.y;
float instanceScale = iconConstraint == 0.0 ? 0.0 : sizePixels / iconConstraint;
vec2 pixelOffset = positions / 2.0 * iconSize + instanceOffsets;
pixelOffset = rotate_by_angle(pixelOffset, instanceAngles) * instanceScale;
pixelOffset += instancePixelOffset;
pixelOffset.y *= -1.0;
if (icon.billboard)  {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = vec3(pixelOffset, 0.0);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset_common = vec3(project_pixel_size(pixelOffset), 0.0);
DECKGL_FILTER_SIZE(offset_common, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset_common, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vTextureCoords = mix(
instanceIconFrames.xy,
instanceIconFrames.xy + iconSize,
(positions.xy + 1.0) / 2.0
) / icon.iconsTextureDim;
vColor = instanceColors;
DECKGL_FILTER_COLOR(vColor, geometry);
vColorMode = instanceColorModes;
}
`;var U1=`#version 300 es
#define SHADER_NAME icon-layer-fragment-shader
precision highp float;
uniform sampler2D iconsTexture;
in float vColorMode;
in vec4 vColor;
in vec2 vTextureCoords;
in vec2 uv;
out vec4 fragColor;
void main(void) {
geometry.uv = uv;
vec4 texColor = texture(iconsTexture, vTextureCoords);
vec3 color = mix(texColor.rgb, vColor.rgb, vColorMode);
float a = texColor.a * layer.opacity * vColor.a;
if (a < icon.alphaCutoff) {
discard;
}
fragColor = vec4(color, a);
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var j6=`struct IconUniforms {
  sizeScale: f32,
  iconsTextureDim: vec2<f32>,
  sizeBasis: f32,
  sizeMinPixels: f32,
  sizeMaxPixels: f32,
  billboard: i32,
  sizeUnits: i32,
  alphaCutoff: f32
};

@group(0) @binding(auto) var<uniform> icon: IconUniforms;
@group(0) @binding(auto) var iconsTexture : texture_2d<f32>;
@group(0) @binding(auto) var iconsTextureSampler : sampler;

fn rotate_by_angle(vertex: vec2<f32>, angle_deg: f32) -> vec2<f32> {
  let angle_radian = angle_deg * PI / 180.0;
  let c = cos(angle_radian);
  let s = sin(angle_radian);
  let rotation = mat2x2<f32>(vec2<f32>(c, s), vec2<f32>(-s, c));
  return rotation * vertex;
}

struct Attributes {
  @builtin(instance_index) instanceIndex : u32,
  @location(0) positions: vec2<f32>,

  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceSizes: f32,
  @location(4) instanceAngles: f32,
  @location(5) instanceColors: vec4<f32>,
  @location(6) instanceIconFrames: vec4<f32>,
  @location(7) instanceColorModes: f32,
  @location(8) instanceOffsets: vec2<f32>,
  @location(9) instancePixelOffset: vec2<f32>,
  PICKING_COLOR_ATTRIBUTE
};

struct Varyings {
  @builtin(position) position: vec4<f32>,

  @location(0) vColorMode: f32,
  @location(1) vColor: vec4<f32>,
  @location(2) vTextureCoords: vec2<f32>,
  @location(3) uv: vec2<f32>,
  @location(4) pickingColor: vec3<f32>,
};

@vertex
fn vertexMain(inp: Attributes) -> Varyings {
  // write geometry fields used by filters + FS
  geometry.worldPosition = inp.instancePositions;
  geometry.uv = inp.positions;
  geometry.pickingColor = PICKING_COLOR_VALUE;

  var outp: Varyings;
  outp.uv = inp.positions;

  let iconSize = inp.instanceIconFrames.zw;

  // convert size in meters to pixels, then clamp
  let sizePixels = clamp(
    project_unit_size_to_pixel(inp.instanceSizes * icon.sizeScale, icon.sizeUnits),
    icon.sizeMinPixels, icon.sizeMaxPixels
  );

  // scale icon height to match instanceSize
  let iconConstraint = select(iconSize.y, iconSize.x, icon.sizeBasis == 0.0);
  let instanceScale = select(sizePixels / iconConstraint, 0.0, iconConstraint == 0.0);

  // scale and rotate vertex in "pixel" units; then add per-instance pixel offset
  var pixelOffset = inp.positions / 2.0 * iconSize + inp.instanceOffsets;
  pixelOffset = rotate_by_angle(pixelOffset, inp.instanceAngles) * instanceScale;
  pixelOffset = pixelOffset + inp.instancePixelOffset;
  pixelOffset.y = pixelOffset.y * -1.0;

  if (icon.billboard != 0) {
    var pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, vec3<f32>(0.0)); // TODO, &geometry.position);
    // DECKGL_FILTER_GL_POSITION(pos, geometry);

    var offset = vec3<f32>(pixelOffset, 0.0);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let clipOffset = project_pixel_size_to_clipspace(offset.xy);
    pos = vec4<f32>(pos.x + clipOffset.x, pos.y + clipOffset.y, pos.z, pos.w);
    outp.position = pos;
  } else {
    var offset_common = vec3<f32>(project_pixel_size_vec2(pixelOffset), 0.0);
    // DECKGL_FILTER_SIZE(offset_common, geometry);
    var pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, offset_common); // TODO, &geometry.position);
    // DECKGL_FILTER_GL_POSITION(pos, geometry);
    outp.position = pos;
  }

  let uvMix = (inp.positions.xy + vec2<f32>(1.0, 1.0)) * 0.5;
  outp.vTextureCoords = mix(inp.instanceIconFrames.xy, inp.instanceIconFrames.xy + iconSize, uvMix) / icon.iconsTextureDim;

  outp.vColor = inp.instanceColors;
  // DECKGL_FILTER_COLOR(outp.vColor, geometry);

  outp.vColorMode = inp.instanceColorModes;
  outp.pickingColor = geometry.pickingColor;

  return outp;
}

@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  // expose to deck.gl filter hooks
  geometry.uv = inp.uv;

  let texColor = textureSample(iconsTexture, iconsTextureSampler, inp.vTextureCoords);

  // if colorMode == 0, use pixel color from the texture
  // if colorMode == 1 (or picking), use texture as transparency mask
  let rgb = mix(texColor.rgb, inp.vColor.rgb, inp.vColorMode);
  let a = texColor.a * layer.opacity * inp.vColor.a;

  if (a < icon.alphaCutoff) {
    discard;
  }

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  var fragColor = deckgl_premultiplied_alpha(vec4<f32>(rgb, a));

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return fragColor;
}
`;function G1(r){return j6.replace("PICKING_COLOR_ATTRIBUTE",r?"@location(10) rowIndexes: u32,":"").replace("PICKING_COLOR_VALUE",r?"picking_getPickingColorFromIndex(inp.rowIndexes)":"picking_getPickingColorFromIndex(inp.instanceIndex)")}var H6=1024,Y6=4,$1=()=>{},V1={minFilter:"linear",mipmapFilter:"linear",magFilter:"linear",addressModeU:"clamp-to-edge",addressModeV:"clamp-to-edge"},q6={x:0,y:0,width:0,height:0};function Z6(r){return Math.pow(2,Math.ceil(Math.log2(r)))}function X6(r,e,t,n){let i=Math.min(t/e.width,n/e.height),o=Math.floor(e.width*i),s=Math.floor(e.height*i);return i===1?{image:e,width:o,height:s}:(r.canvas.height=s,r.canvas.width=o,r.clearRect(0,0,o,s),r.drawImage(e,0,0,e.width,e.height,0,0,o,s),{image:r.canvas,width:o,height:s})}function Wa(r){return r&&(r.id||r.url)}function j1(r){let{device:e}=r;e.type==="webgl"?r.generateMipmapsWebGL():e.type==="webgpu"&&e.generateMipmapsWebGPU(r)}function K6(r,e,t,n){let{width:i,height:o,device:s}=r,a=s.createTexture({format:"rgba8unorm",width:e,height:t,sampler:n,mipLevels:s.getMipLevelCount(e,t)}),c=s.createCommandEncoder();c.copyTextureToTexture({sourceTexture:r,destinationTexture:a,width:i,height:o});let l=c.finish();return s.submit(l),j1(a),r.destroy(),a}function W1(r,e,t){for(let n=0;n<e.length;n++){let{icon:i,xOffset:o}=e[n],s=Wa(i);r[s]={...i,x:o,y:t}}}function Q6({icons:r,buffer:e,mapping:t={},xOffset:n=0,yOffset:i=0,rowHeight:o=0,canvasWidth:s}){let a=[];for(let c=0;c<r.length;c++){let l=r[c],f=Wa(l);if(!t[f]){let{height:u,width:d}=l;n+d+e>s&&(W1(t,a,i),n=0,i=o+i+e,o=0,a=[]),a.push({icon:l,xOffset:n}),n=n+d+e,o=Math.max(o,u)}}return a.length>0&&W1(t,a,i),{mapping:t,rowHeight:o,xOffset:n,yOffset:i,canvasWidth:s,canvasHeight:Z6(o+i+e)}}function J6(r,e,t){if(!r||!e)return null;t=t||{};let n={},{iterable:i,objectInfo:o}=Ft(r);for(let s of i){o.index++;let a=e(s,o),c=Wa(a);if(!a)throw new Error("Icon is missing.");if(!a.url)throw new Error("Icon url is missing.");!n[c]&&(!t[c]||a.url!==t[c].url)&&(n[c]={...a,source:s,sourceIndex:o.index})}return n}var ja=class{constructor(e,{onUpdate:t=$1,onError:n=$1}){this._loadOptions=null,this._texture=null,this._externalTexture=null,this._mapping={},this._samplerParameters=null,this._pendingCount=0,this._autoPacking=!1,this._xOffset=0,this._yOffset=0,this._rowHeight=0,this._buffer=Y6,this._canvasWidth=H6,this._canvasHeight=0,this._canvas=null,this.device=e,this.onUpdate=t,this.onError=n}finalize(){this._texture?.delete()}getTexture(){return this._texture||this._externalTexture}getIconMapping(e){let t=this._autoPacking?Wa(e):e;return this._mapping[t]||q6}setProps({loadOptions:e,autoPacking:t,iconAtlas:n,iconMapping:i,textureParameters:o}){e&&(this._loadOptions=e),t!==void 0&&(this._autoPacking=t),i&&(this._mapping=i),n&&(this._texture?.delete(),this._texture=null,this._externalTexture=n),o&&(this._samplerParameters=o)}get isLoaded(){return this._pendingCount===0}packIcons(e,t){if(!this._autoPacking||typeof document>"u")return;let n=Object.values(J6(e,t,this._mapping)||{});if(n.length>0){let{mapping:i,xOffset:o,yOffset:s,rowHeight:a,canvasHeight:c}=Q6({icons:n,buffer:this._buffer,canvasWidth:this._canvasWidth,mapping:this._mapping,rowHeight:this._rowHeight,xOffset:this._xOffset,yOffset:this._yOffset});this._rowHeight=a,this._mapping=i,this._xOffset=o,this._yOffset=s,this._canvasHeight=c,this._texture||(this._texture=this.device.createTexture({format:"rgba8unorm",data:null,width:this._canvasWidth,height:this._canvasHeight,sampler:this._samplerParameters||V1,mipLevels:this.device.getMipLevelCount(this._canvasWidth,this._canvasHeight)})),this._texture.height!==this._canvasHeight&&(this._texture=K6(this._texture,this._canvasWidth,this._canvasHeight,this._samplerParameters||V1)),this.onUpdate(!0),this._canvas=this._canvas||document.createElement("canvas"),this._loadIcons(n)}}_loadIcons(e){let t=this._canvas.getContext("2d",{willReadFrequently:!0});for(let n of e)this._pendingCount++,Nr(n.url,this._loadOptions).then(i=>{let o=Wa(n),s=this._mapping[o],{x:a,y:c,width:l,height:f}=s,{image:u,width:d,height:p}=X6(t,i,l,f),g=a+(l-d)/2,m=c+(f-p)/2;this._texture?.copyExternalImage({image:u,x:g,y:m,width:d,height:p}),s.x=g,s.y=m,s.width=d,s.height=p,this._texture&&j1(this._texture),this.onUpdate(d!==l||p!==f)}).catch(i=>{this.onError({url:n.url,source:n.source,sourceIndex:n.sourceIndex,loadOptions:this._loadOptions,error:i})}).finally(()=>{this._pendingCount--})}};var H1=[0,0,0,255],ez={iconAtlas:{type:"image",value:null,async:!0},iconMapping:{type:"object",value:{},async:!0},sizeScale:{type:"number",value:1,min:0},billboard:!0,sizeUnits:"pixels",sizeBasis:"height",sizeMinPixels:{type:"number",min:0,value:0},sizeMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},alphaCutoff:{type:"number",value:.05,min:0,max:1},getPosition:{type:"accessor",value:r=>r.position},getIcon:{type:"accessor",value:r=>r.icon},getColor:{type:"accessor",value:H1},getSize:{type:"accessor",value:1},getAngle:{type:"accessor",value:0},getPixelOffset:{type:"accessor",value:[0,0]},onIconError:{type:"function",value:null,optional:!0},textureParameters:{type:"object",ignore:!0,value:null}},Ha=class extends at{getShaders(){let e=!!this.props.data?.attributes?.rowIndexes;return super.getShaders({vs:z1,fs:U1,source:G1(e),defines:e?{USE_ROW_INDEXES:!0}:{},modules:[mt,gt,xt,F1]})}initializeState(){this.state={iconManager:new ja(this.context.device,{onUpdate:this._onUpdate.bind(this),onError:this._onError.bind(this)})},this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceSizes:{size:1,transition:!0,bufferGroup:"icon-instance-data",accessor:"getSize",defaultValue:1},instanceIconDefs:{size:7,bufferGroup:"icon-instance-data",accessor:"getIcon",transform:this.getInstanceIconDef,shaderAttributes:{instanceOffsets:{size:2,elementOffset:0},instanceIconFrames:{size:4,elementOffset:2},instanceColorModes:{size:1,elementOffset:6}}},instanceColors:{size:this.props.colorFormat.length,type:"unorm8",transition:!0,bufferGroup:"icon-instance-data",accessor:"getColor",defaultValue:H1},instanceAngles:{size:1,transition:!0,bufferGroup:"icon-instance-data",accessor:"getAngle"},instancePixelOffset:{size:2,transition:!0,bufferGroup:"icon-instance-data",accessor:"getPixelOffset"},...this.props.data?.attributes?.rowIndexes?{rowIndexes:{size:1,type:"uint32",noAlloc:!0}}:{}})}updateState(e){super.updateState(e);let{props:t,oldProps:n,changeFlags:i}=e,o=this.getAttributeManager(),{iconAtlas:s,iconMapping:a,data:c,getIcon:l,textureParameters:f}=t,{iconManager:u}=this.state;if(typeof s=="string")return;let d=s||this.internalState.isAsyncPropLoading("iconAtlas");u.setProps({loadOptions:t.loadOptions,autoPacking:!d,iconAtlas:s,iconMapping:d?a:null,textureParameters:f}),d?n.iconMapping!==t.iconMapping&&o.invalidate("getIcon"):(i.dataChanged||i.updateTriggersChanged&&(i.updateTriggersChanged.all||i.updateTriggersChanged.getIcon))&&u.packIcons(c,l),i.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),o.invalidateAll())}get isLoaded(){return super.isLoaded&&this.state.iconManager.isLoaded}finalizeState(e){super.finalizeState(e),this.state.iconManager.finalize()}draw({uniforms:e}){this._drawModel(this.state.model)}_drawModel(e){let{sizeScale:t,sizeBasis:n,sizeMinPixels:i,sizeMaxPixels:o,sizeUnits:s,billboard:a,alphaCutoff:c}=this.props,{iconManager:l}=this.state,f=l.getTexture();if(f){let u={iconsTexture:f,iconsTextureDim:[f.width,f.height],sizeUnits:Ie[s],sizeScale:t,sizeBasis:n==="height"?1:0,sizeMinPixels:i,sizeMaxPixels:o,billboard:a,alphaCutoff:c};e.shaderInputs.setProps({icon:u}),e.draw(this.context.renderPass)}}_getModel(e=this.props.id){let t=[-1,-1,1,-1,-1,1,1,1];return new me(this.context.device,{...this.getShaders(),id:e,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Re({topology:"triangle-strip",attributes:{positions:{size:2,value:new Float32Array(t)}}}),isInstanced:!0})}_onUpdate(e){e?(this.getAttributeManager()?.invalidate("getIcon"),this.setNeedsUpdate()):this.setNeedsRedraw()}_onError(e){let t=this.getCurrentLayer()?.props.onIconError;t?t(e):N.error(e.error.message)()}getInstanceIconDef(e){let{x:t,y:n,width:i,height:o,mask:s,anchorX:a=i/2,anchorY:c=o/2}=this.state.iconManager.getIconMapping(e);return[i/2-a,o/2-c,t,n,i,o,s?1:0]}};Ha.defaultProps=ez;Ha.layerName="IconLayer";var Qu=Ha;se();var Y1=`layout(std140) uniform scatterplotUniforms {
  float radiusScale;
  float radiusMinPixels;
  float radiusMaxPixels;
  float lineWidthScale;
  float lineWidthMinPixels;
  float lineWidthMaxPixels;
  float stroked;
  float filled;
  bool antialiasing;
  bool billboard;
  highp int radiusUnits;
  highp int lineWidthUnits;
} scatterplot;
`,q1={name:"scatterplot",vs:Y1,fs:Y1,source:"",uniformTypes:{radiusScale:"f32",radiusMinPixels:"f32",radiusMaxPixels:"f32",lineWidthScale:"f32",lineWidthMinPixels:"f32",lineWidthMaxPixels:"f32",stroked:"f32",filled:"f32",antialiasing:"f32",billboard:"f32",radiusUnits:"i32",lineWidthUnits:"i32"}};var Z1=`#version 300 es
#define SHADER_NAME scatterplot-layer-vertex-shader
in vec3 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceRadius;
in float instanceLineWidths;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
#ifdef USE_ROW_INDEXES
in float rowIndexes;
#endif
in vec2 instancePixelOffset;
out vec4 vFillColor;
out vec4 vLineColor;
out vec2 unitPosition;
out float innerUnitRadius;
out float outerRadiusPixels;
void main(void) {
geometry.worldPosition = instancePositions;
outerRadiusPixels = clamp(
project_size_to_pixel(scatterplot.radiusScale * instanceRadius, scatterplot.radiusUnits),
scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
);
float lineWidthPixels = clamp(
project_size_to_pixel(scatterplot.lineWidthScale * instanceLineWidths, scatterplot.lineWidthUnits),
scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
);
outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
float edgePadding = scatterplot.antialiasing ? (outerRadiusPixels + SMOOTH_EDGE_RADIUS) / outerRadiusPixels : 1.0;
unitPosition = edgePadding * positions.xy;
geometry.uv = unitPosition;
#ifdef USE_ROW_INDEXES
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
#else
geometry.pickingColor = picking_getPickingColorFromInstanceID();
#endif
innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / outerRadiusPixels;
if (scatterplot.billboard) {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = edgePadding * positions * outerRadiusPixels;
offset.xy += instancePixelOffset;
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset = edgePadding * positions * project_pixel_size(outerRadiusPixels);
offset.xy += project_pixel_size(instancePixelOffset);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vFillColor = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vFillColor, geometry);
vLineColor = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;var X1=`#version 300 es
#define SHADER_NAME scatterplot-layer-fragment-shader
precision highp float;
in vec4 vFillColor;
in vec4 vLineColor;
in vec2 unitPosition;
in float innerUnitRadius;
in float outerRadiusPixels;
out vec4 fragColor;
void main(void) {
geometry.uv = unitPosition;
float distToCenter = length(unitPosition) * outerRadiusPixels;
float inCircle = scatterplot.antialiasing ?
smoothedge(distToCenter, outerRadiusPixels) :
step(distToCenter, outerRadiusPixels);
if (inCircle == 0.0) {
discard;
}
if (scatterplot.stroked > 0.5) {
float isLine = scatterplot.antialiasing ?
smoothedge(innerUnitRadius * outerRadiusPixels, distToCenter) :
step(innerUnitRadius * outerRadiusPixels, distToCenter);
if (scatterplot.filled > 0.5) {
fragColor = mix(vFillColor, vLineColor, isLine);
} else {
if (isLine == 0.0) {
discard;
}
fragColor = vec4(vLineColor.rgb, vLineColor.a * isLine);
}
} else if (scatterplot.filled < 0.5) {
discard;
} else {
fragColor = vFillColor;
}
fragColor.a *= inCircle;
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var tz=`// Main shaders

struct ScatterplotUniforms {
  radiusScale: f32,
  radiusMinPixels: f32,
  radiusMaxPixels: f32,
  lineWidthScale: f32,
  lineWidthMinPixels: f32,
  lineWidthMaxPixels: f32,
  stroked: f32,
  filled: i32,
  antialiasing: i32,
  billboard: i32,
  radiusUnits: i32,
  lineWidthUnits: i32,
};

@group(0) @binding(0) var<uniform> scatterplot: ScatterplotUniforms;

struct Attributes {
  @builtin(instance_index) instanceIndex : u32,
  @builtin(vertex_index) vertexIndex : u32,
  @location(0) positions: vec3<f32>,
  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceRadius: f32,
  @location(4) instanceLineWidths: f32,
  @location(5) instanceFillColors: vec4<f32>,
  @location(6) instanceLineColors: vec4<f32>,
  @location(7) instancePixelOffset: vec2<f32>,
  PICKING_COLOR_ATTRIBUTE
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vFillColor: vec4<f32>,
  @location(1) vLineColor: vec4<f32>,
  @location(2) unitPosition: vec2<f32>,
  @location(3) innerUnitRadius: f32,
  @location(4) outerRadiusPixels: f32,
  @location(5) pickingColor: vec3<f32>,
  @location(6) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var varyings: Varyings;

  // Draw an inline geometry constant array clip space triangle to verify that rendering works.
  // var positions = array<vec2<f32>, 3>(vec2(0.0, 0.5), vec2(-0.5, -0.5), vec2(0.5, -0.5));
  // if (attributes.instanceIndex == 0) {
  //   varyings.position = vec4<f32>(positions[attributes.vertexIndex], 0.0, 1.0);
  //   return varyings;
  // }

  geometry.worldPosition = attributes.instancePositions;

  // Multiply out radius and clamp to limits
  varyings.outerRadiusPixels = clamp(
    project_unit_size_to_pixel(scatterplot.radiusScale * attributes.instanceRadius, scatterplot.radiusUnits),
    scatterplot.radiusMinPixels, scatterplot.radiusMaxPixels
  );

  // Multiply out line width and clamp to limits
  let lineWidthPixels = clamp(
    project_unit_size_to_pixel(scatterplot.lineWidthScale * attributes.instanceLineWidths, scatterplot.lineWidthUnits),
    scatterplot.lineWidthMinPixels, scatterplot.lineWidthMaxPixels
  );

  // outer radius needs to offset by half stroke width
  varyings.outerRadiusPixels += scatterplot.stroked * lineWidthPixels / 2.0;
  // Expand geometry to accommodate edge smoothing
  // WGSL selects the second value when the condition is true, so keep the antialiased path second.
  let edgePadding = select(
    1.0,
    (varyings.outerRadiusPixels + SMOOTH_EDGE_RADIUS) / varyings.outerRadiusPixels,
    scatterplot.antialiasing != 0
  );

  // position on the containing square in [-1, 1] space
  varyings.unitPosition = edgePadding * attributes.positions.xy;
  geometry.uv = varyings.unitPosition;
  geometry.pickingColor = PICKING_COLOR_VALUE;

  varyings.innerUnitRadius = 1.0 - scatterplot.stroked * lineWidthPixels / varyings.outerRadiusPixels;

  if (scatterplot.billboard != 0) {
    let projectedPosition = project_position_to_clipspace_and_commonspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      vec3<f32>(0.0)
    );
    geometry.position = projectedPosition.commonPosition;
    varyings.position = projectedPosition.clipPosition;
    // DECKGL_FILTER_GL_POSITION(varyings.position, geometry);
    var offset = edgePadding * attributes.positions * varyings.outerRadiusPixels;
    offset = vec3<f32>(offset.xy + attributes.instancePixelOffset, offset.z);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let clipPixels = project_pixel_size_to_clipspace(offset.xy);
    varyings.position = vec4<f32>(varyings.position.x + clipPixels.x, varyings.position.y + clipPixels.y, varyings.position.z, varyings.position.w);
    geometry.position = vec4<f32>(
      geometry.position.xy + project_pixel_size_vec2(offset.xy),
      geometry.position.zw
    );
  } else {
    var offset = edgePadding * attributes.positions * project_pixel_size_float(varyings.outerRadiusPixels);
    offset = vec3<f32>(offset.xy + project_pixel_size_vec2(attributes.instancePixelOffset), offset.z);
    // DECKGL_FILTER_SIZE(offset, geometry);
    let projectedPosition = project_position_to_clipspace_and_commonspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      offset
    );
    geometry.position = projectedPosition.commonPosition;
    varyings.position = projectedPosition.clipPosition;
    // DECKGL_FILTER_GL_POSITION(varyings.position, geometry);
  }

  varyings.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&varyings.position, geometry.worldPosition.xy);

  // Apply opacity to instance color, or return instance picking color
  varyings.vFillColor = vec4<f32>(attributes.instanceFillColors.rgb, attributes.instanceFillColors.a * layer.opacity);
  // DECKGL_FILTER_COLOR(varyings.vFillColor, geometry);
  varyings.vLineColor = vec4<f32>(attributes.instanceLineColors.rgb, attributes.instanceLineColors.a * layer.opacity);
  // DECKGL_FILTER_COLOR(varyings.vLineColor, geometry);
  varyings.pickingColor = geometry.pickingColor;

  return varyings;
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  // var geometry: Geometry;
  // geometry.uv = unitPosition;

  let distToCenter = length(varyings.unitPosition) * varyings.outerRadiusPixels;
  let inCircle = select(
    step(distToCenter, varyings.outerRadiusPixels),
    smoothedge(distToCenter, varyings.outerRadiusPixels),
    scatterplot.antialiasing != 0
  );

  if (inCircle == 0.0) {
    discard;
  }

  var fragColor: vec4<f32>;

  if (scatterplot.stroked != 0) {
    let isLine = select(
      step(varyings.innerUnitRadius * varyings.outerRadiusPixels, distToCenter),
      smoothedge(varyings.innerUnitRadius * varyings.outerRadiusPixels, distToCenter),
      scatterplot.antialiasing != 0
    );

    if (scatterplot.filled != 0) {
      fragColor = mix(varyings.vFillColor, varyings.vLineColor, isLine);
    } else {
      if (isLine == 0.0) {
        discard;
      }
      fragColor = vec4<f32>(varyings.vLineColor.rgb, varyings.vLineColor.a * isLine);
    }
  } else if (scatterplot.filled == 0) {
    discard;
  } else {
    fragColor = varyings.vFillColor;
  }

  fragColor.a *= inCircle;

  clip_filterColor(varyings.clipCoordinates);

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(varyings.pickingColor)) {
      discard;
    }
    return vec4<f32>(varyings.pickingColor, 1.0);
  }

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(varyings.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  // Apply premultiplied alpha as required by transparent canvas
  fragColor = deckgl_premultiplied_alpha(fragColor);

  return fragColor;
  // return vec4<f32>(0, 0, 1, 1);
}
`;function K1(r){return tz.replace("PICKING_COLOR_ATTRIBUTE",r?"@location(8) rowIndexes: u32,":"").replace("PICKING_COLOR_VALUE",r?"picking_getPickingColorFromIndex(attributes.rowIndexes)":"picking_getPickingColorFromIndex(attributes.instanceIndex)")}var rz=`struct ClipUniforms {
  enabled: i32,
  mode: i32,
  bounds: vec4<f32>,
};

@group(2) @binding(auto) var<uniform> clipUniforms: ClipUniforms;

fn clip_isInBounds(coordinates: vec2<f32>) -> bool {
  return coordinates.x >= clipUniforms.bounds.x &&
    coordinates.y >= clipUniforms.bounds.y &&
    coordinates.x < clipUniforms.bounds.z &&
    coordinates.y < clipUniforms.bounds.w;
}

fn clip_filterPosition(position: ptr<function, vec4<f32>>, instanceCoordinates: vec2<f32>) {
  if (
    clipUniforms.enabled != 0 &&
    clipUniforms.mode == 1 &&
    !clip_isInBounds(instanceCoordinates)
  ) {
    *position = vec4<f32>(2.0, 2.0, 2.0, 1.0);
  }
}

fn clip_filterColor(geometryCoordinates: vec2<f32>) {
  if (
    clipUniforms.enabled != 0 &&
    clipUniforms.mode == 0 &&
    !clip_isInBounds(geometryCoordinates)
  ) {
    discard;
  }
}
`,nz={name:"clip",source:rz,props:{},uniforms:{},bindingLayout:[{name:"clip",group:2}],uniformTypes:{enabled:"i32",mode:"i32",bounds:"vec4<f32>"},defaultUniforms:{enabled:0,mode:0,bounds:[0,0,1,1]},getUniforms(r={}){let e={};return r.enabled!==void 0&&(e.enabled=r.enabled?1:0),r.mode!==void 0&&(e.mode=r.mode==="instance"?1:0),r.bounds!==void 0&&(e.bounds=r.bounds),e}},wo=nz;var Q1=[0,0,0,255],iz={radiusUnits:"meters",radiusScale:{type:"number",min:0,value:1},radiusMinPixels:{type:"number",min:0,value:0},radiusMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},lineWidthUnits:"meters",lineWidthScale:{type:"number",min:0,value:1},lineWidthMinPixels:{type:"number",min:0,value:0},lineWidthMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},stroked:!1,filled:!0,billboard:!1,antialiasing:!0,getPosition:{type:"accessor",value:r=>r.position},getRadius:{type:"accessor",value:1},getFillColor:{type:"accessor",value:Q1},getLineColor:{type:"accessor",value:Q1},getLineWidth:{type:"accessor",value:1},getPixelOffset:{type:"accessor",value:[0,0]},strokeWidth:{deprecatedFor:"getLineWidth"},outline:{deprecatedFor:"stroked"},getColor:{deprecatedFor:["getFillColor","getLineColor"]}},Ya=class extends at{getShaders(){let e=!!this.props.data?.attributes?.rowIndexes;return super.getShaders({vs:Z1,fs:X1,source:K1(e),defines:e?{USE_ROW_INDEXES:!0}:{},modules:[mt,gt,xt,q1,...this.context.device.type==="webgpu"?[wo]:[]]})}initializeState(){let e=this.props.data?.attributes?.rowIndexes?{rowIndexes:{size:1,type:"uint32",noAlloc:!0}}:{};this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceRadius:{size:1,transition:!0,accessor:"getRadius",defaultValue:1,bufferGroup:"scatterplot-instance-data"},instanceFillColors:{size:this.props.colorFormat.length,transition:!0,type:"unorm8",accessor:"getFillColor",defaultValue:[0,0,0,255],bufferGroup:"scatterplot-instance-data"},instanceLineColors:{size:this.props.colorFormat.length,transition:!0,type:"unorm8",accessor:"getLineColor",defaultValue:[0,0,0,255],bufferGroup:"scatterplot-instance-data"},instanceLineWidths:{size:1,transition:!0,accessor:"getLineWidth",defaultValue:1,bufferGroup:"scatterplot-instance-data"},instancePixelOffset:{size:2,transition:!0,accessor:"getPixelOffset",bufferGroup:"scatterplot-instance-data"},...e})}updateState(e){super.updateState(e),e.changeFlags.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),this.getAttributeManager().invalidateAll())}draw({uniforms:e}){let{radiusUnits:t,radiusScale:n,radiusMinPixels:i,radiusMaxPixels:o,stroked:s,filled:a,billboard:c,antialiasing:l,lineWidthUnits:f,lineWidthScale:u,lineWidthMinPixels:d,lineWidthMaxPixels:p}=this.props,g={stroked:s,filled:a,billboard:c,antialiasing:l,radiusUnits:Ie[t],radiusScale:n,radiusMinPixels:i,radiusMaxPixels:o,lineWidthUnits:Ie[f],lineWidthScale:u,lineWidthMinPixels:d,lineWidthMaxPixels:p},m=this.state.model;m.shaderInputs.setProps({scatterplot:g}),m.draw(this.context.renderPass)}_getModel(){let e=[-1,-1,0,1,-1,0,-1,1,0,1,1,0];return new me(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Re({topology:"triangle-strip",attributes:{positions:{size:3,value:new Float32Array(e)}}}),isInstanced:!0})}};Ya.defaultProps=iz;Ya.layerName="ScatterplotLayer";var Ju=Ya;var ed={CLOCKWISE:1,COUNTER_CLOCKWISE:-1};function qa(r,e,t={}){return J1(r,t)!==e?(oz(r,t),!0):!1}function J1(r,e={}){return Math.sign(td(r,e))}var Py={x:0,y:1,z:2};function td(r,e={}){let{start:t=0,end:n=r.length,plane:i="xy"}=e,o=e.size||2,s=0,a=Py[i[0]],c=Py[i[1]];for(let l=t,f=n-o;l<n;l+=o)s+=(r[l+a]-r[f+a])*(r[l+c]+r[f+c]),f=l;return s/2}function oz(r,e){let{start:t=0,end:n=r.length,size:i=2}=e,o=(n-t)/i,s=Math.floor(o/2);for(let a=0;a<s;++a){let c=t+a*i,l=t+(o-1-a)*i;for(let f=0;f<i;++f){let u=r[c+f];r[c+f]=r[l+f],r[l+f]=u}}}function Xe(r,e){let t=e.length,n=r.length;if(n>0){let i=!0;for(let o=0;o<t;o++)if(r[n-t+o]!==e[o]){i=!1;break}if(i)return!1}for(let i=0;i<t;i++)r[n+i]=e[i];return!0}function Za(r,e){let t=e.length;for(let n=0;n<t;n++)r[n]=e[n]}function cn(r,e,t,n,i=[]){let o=n+e*t;for(let s=0;s<t;s++)i[s]=r[o+s];return i}function rd(r,e,t,n,i=[]){let o,s;if(t&8)o=(n[3]-r[1])/(e[1]-r[1]),s=3;else if(t&4)o=(n[1]-r[1])/(e[1]-r[1]),s=1;else if(t&2)o=(n[2]-r[0])/(e[0]-r[0]),s=2;else if(t&1)o=(n[0]-r[0])/(e[0]-r[0]),s=0;else return null;for(let a=0;a<r.length;a++)i[a]=(s&1)===a?n[s]:o*(e[a]-r[a])+r[a];return i}function Xa(r,e){let t=0;return r[0]<e[0]?t|=1:r[0]>e[2]&&(t|=2),r[1]<e[1]?t|=4:r[1]>e[3]&&(t|=8),t}function Ka(r,e){let{size:t=2,broken:n=!1,gridResolution:i=10,gridOffset:o=[0,0],startIndex:s=0,endIndex:a=r.length}=e||{},c=(a-s)/t,l=[],f=[l],u=cn(r,0,t,s),d,p,g=r3(u,i,o,[]),m=[];Xe(l,u);for(let y=1;y<c;y++){for(d=cn(r,y,t,s,d),p=Xa(d,g);p;){rd(u,d,p,g,m);let x=Xa(m,g);x&&(rd(u,m,x,g,m),p=x),Xe(l,m),Za(u,m),cz(g,i,p),n&&l.length>t&&(l=[],f.push(l),Xe(l,u)),p=Xa(d,g)}Xe(l,d),Za(u,d)}return n?f:f[0]}var e3=0,az=1;function Qa(r,e=null,t){if(!r.length)return[];let{size:n=2,gridResolution:i=10,gridOffset:o=[0,0],edgeTypes:s=!1}=t||{},a=[],c=[{pos:r,types:s?new Array(r.length/n).fill(az):null,holes:e||[]}],l=[[],[]],f=[];for(;c.length;){let{pos:u,types:d,holes:p}=c.shift();lz(u,n,p[0]||u.length,l),f=r3(l[0],i,o,f);let g=Xa(l[1],f);if(g){let m=t3(u,d,n,0,p[0]||u.length,f,g),y={pos:m[0].pos,types:m[0].types,holes:[]},x={pos:m[1].pos,types:m[1].types,holes:[]};c.push(y,x);for(let v=0;v<p.length;v++)m=t3(u,d,n,p[v],p[v+1]||u.length,f,g),m[0]&&(y.holes.push(y.pos.length),y.pos=nd(y.pos,m[0].pos),s&&(y.types=nd(y.types,m[0].types))),m[1]&&(x.holes.push(x.pos.length),x.pos=nd(x.pos,m[1].pos),s&&(x.types=nd(x.types,m[1].types)))}else{let m={positions:u};s&&(m.edgeTypes=d),p.length&&(m.holeIndices=p),a.push(m)}}return a}function t3(r,e,t,n,i,o,s){let a=(i-n)/t,c=[],l=[],f=[],u=[],d=[],p,g,m,y=cn(r,a-1,t,n),x=Math.sign(s&8?y[1]-o[3]:y[0]-o[2]),v=e&&e[a-1],_=0,w=0;for(let E=0;E<a;E++)p=cn(r,E,t,n,p),g=Math.sign(s&8?p[1]-o[3]:p[0]-o[2]),m=e&&e[n/t+E],g&&x&&x!==g&&(rd(y,p,s,o,d),Xe(c,d)&&f.push(v),Xe(l,d)&&u.push(v)),g<=0?(Xe(c,p)&&f.push(m),_-=g):f.length&&(f[f.length-1]=e3),g>=0?(Xe(l,p)&&u.push(m),w+=g):u.length&&(u[u.length-1]=e3),Za(y,p),x=g,v=m;return[_?{pos:c,types:e&&f}:null,w?{pos:l,types:e&&u}:null]}function r3(r,e,t,n){let i=Math.floor((r[0]-t[0])/e)*e+t[0],o=Math.floor((r[1]-t[1])/e)*e+t[1];return n[0]=i,n[1]=o,n[2]=i+e,n[3]=o+e,n}function cz(r,e,t){t&8?(r[1]+=e,r[3]+=e):t&4?(r[1]-=e,r[3]-=e):t&2?(r[0]+=e,r[2]+=e):t&1&&(r[0]-=e,r[2]-=e)}function lz(r,e,t,n){let i=1/0,o=-1/0,s=1/0,a=-1/0;for(let c=0;c<t;c+=e){let l=r[c],f=r[c+1];i=l<i?l:i,o=l>o?l:o,s=f<s?f:s,a=f>a?f:a}return n[0][0]=i,n[0][1]=s,n[1][0]=o,n[1][1]=a,n}function nd(r,e){for(let t=0;t<e.length;t++)r.push(e[t]);return r}var fz=85.051129;function Sy(r,e){let{size:t=2,startIndex:n=0,endIndex:i=r.length,normalize:o=!0}=e||{},s=r.slice(n,i);n3(s,t,0,i-n);let a=Ka(s,{size:t,broken:!0,gridResolution:360,gridOffset:[-180,-180]});if(o)for(let c of a)i3(c,t);return a}function Ty(r,e=null,t){let{size:n=2,normalize:i=!0,edgeTypes:o=!1}=t||{};e=e||[];let s=[],a=[],c=0,l=0;for(let u=0;u<=e.length;u++){let d=e[u]||r.length,p=l,g=uz(r,n,c,d);for(let m=g;m<d;m++)s[l++]=r[m];for(let m=c;m<g;m++)s[l++]=r[m];n3(s,n,p,l),dz(s,n,p,l,t?.maxLatitude),c=d,a[u]=l}a.pop();let f=Qa(s,a,{size:n,gridResolution:360,gridOffset:[-180,-180],edgeTypes:o});if(i)for(let u of f)i3(u.positions,n);return f}function uz(r,e,t,n){let i=-1,o=-1;for(let s=t+1;s<n;s+=e){let a=Math.abs(r[s]);a>i&&(i=a,o=s-1)}return o}function dz(r,e,t,n,i=fz){let o=r[t],s=r[n-e];if(Math.abs(o-s)>180){let a=cn(r,0,e,t);a[0]+=Math.round((s-o)/360)*360,Xe(r,a),a[1]=Math.sign(a[1])*i,Xe(r,a),a[0]=o,Xe(r,a)}}function n3(r,e,t,n){let i=r[0],o;for(let s=t;s<n;s+=e){o=r[s];let a=o-i;(a>180||a<-180)&&(o-=Math.round(a/360)*360),r[s]=i=o}}function i3(r,e){let t,n=r.length/e;for(let o=0;o<n&&(t=r[o*e],(t+180)%360===0);o++);let i=-Math.round(t/360)*360;if(i!==0)for(let o=0;o<n;o++)r[o*e]+=i}se();se();function o3(r,e,t,n){let i;if(Array.isArray(r[0])){let o=r.length*e;i=new Array(o);for(let s=0;s<r.length;s++)for(let a=0;a<e;a++)i[s*e+a]=r[s][a]||0}else i=r;return t?Ka(i,{size:e,gridResolution:t}):n?Sy(i,{size:e}):i}var pz=1,gz=2,Ja=4,ec=class extends sn{constructor(e){super({...e,attributes:{positions:{size:3,padding:18,initialize:!0,type:e.fp64?Float64Array:Float32Array},segmentTypes:{size:1,type:e.isWebGPU?Float32Array:Uint8ClampedArray}}})}get(e){return this.attributes[e]}getPathSegmentIndices(e){let t=this.attributes.segmentTypes,n=this.vertexStarts[e],i=Math.min(this.vertexStarts[e+1]??this.instanceCount,this.instanceCount),o=[];for(let s=n;s<i-1;s++)(t[s]&Ja)===0&&o.push(s);return o.length&&(t[n]&Ja)!==0&&o.unshift(o.pop()),o}getGeometryFromBuffer(e){return this.normalize||this.opts.isWebGPU?super.getGeometryFromBuffer(e):null}normalizeGeometry(e){return this.normalize?o3(e,this.positionSize,this.opts.resolution,this.opts.wrapLongitude):e}getGeometrySize(e){if(s3(e)){let n=0;for(let i of e)n+=this.getGeometrySize(i);return n}let t=this.getPathLength(e);return t<2?0:this.isClosed(e)?t<3?0:t+2:t}updateGeometryAttributes(e,t){if(t.geometrySize!==0)if(e&&s3(e))for(let n of e){let i=this.getGeometrySize(n);t.geometrySize=i,this.updateGeometryAttributes(n,t),t.vertexStart+=i}else this._updateSegmentTypes(e,t),this._updatePositions(e,t)}_updateSegmentTypes(e,t){let n=this.attributes.segmentTypes,i=e?this.isClosed(e):!1,{vertexStart:o,geometrySize:s}=t;n.fill(0,o,o+s),i?(n[o]=Ja,n[o+s-2]=Ja):(n[o]+=pz,n[o+s-2]+=gz),n[o+s-1]=Ja}_updatePositions(e,t){let{positions:n}=this.attributes;if(!n||!e)return;let{vertexStart:i,geometrySize:o}=t,s=new Array(3);for(let a=i,c=0;c<o;a++,c++)this.getPointOnPath(e,c,s),n[a*3]=s[0],n[a*3+1]=s[1],n[a*3+2]=s[2]}getPathLength(e){return e.length/this.positionSize}getPointOnPath(e,t,n=[]){let{positionSize:i}=this;t*i>=e.length&&(t+=1-e.length/i);let o=t*i;return n[0]=e[o],n[1]=e[o+1],n[2]=i===3&&e[o+2]||0,n}isClosed(e){if(!this.normalize)return!!this.opts.loop;let{positionSize:t}=this,n=e.length-t;return e[0]===e[n]&&e[1]===e[n+1]&&(t===2||e[2]===e[n+2])}};function s3(r){return Array.isArray(r[0])}var mz=`struct PathUniforms {
  widthScale: f32,
  widthMinPixels: f32,
  widthMaxPixels: f32,
  jointType: f32,
  capType: f32,
  miterLimit: f32,
  billboard: f32,
  widthUnits: i32,
};

@group(0) @binding(auto)
var<uniform> path: PathUniforms;
`,a3=`layout(std140) uniform pathUniforms {
  float widthScale;
  float widthMinPixels;
  float widthMaxPixels;
  float jointType;
  float capType;
  float miterLimit;
  bool billboard;
  highp int widthUnits;
} path;
`,c3={name:"path",source:mz,vs:a3,fs:a3,uniformTypes:{widthScale:"f32",widthMinPixels:"f32",widthMaxPixels:"f32",jointType:"f32",capType:"f32",miterLimit:"f32",billboard:"f32",widthUnits:"i32"}};var l3=`const EPSILON: f32 = 0.001;
const ZERO_OFFSET: vec3<f32> = vec3<f32>(0.0, 0.0, 0.0);

struct JoinResult {
  offset: vec3<f32>,
  cornerOffset: vec2<f32>,
  miterLength: f32,
  pathPosition: vec2<f32>,
  pathLength: f32,
  jointType: f32,
};

struct Attributes {
  @location(0) positions: vec2<f32>,
  @location(1) instanceTypes: f32,
  @location(2) instanceLeftPositions: vec3<f32>,
  @location(3) instanceStartPositions: vec3<f32>,
  @location(4) instanceEndPositions: vec3<f32>,
  @location(5) instanceRightPositions: vec3<f32>,
  @location(6) instanceLeftPositions64Low: vec3<f32>,
  @location(7) instanceStartPositions64Low: vec3<f32>,
  @location(8) instanceEndPositions64Low: vec3<f32>,
  @location(9) instanceRightPositions64Low: vec3<f32>,
  @location(10) instanceStrokeWidths: f32,
  @location(11) instanceColors: vec4<f32>,
  @location(12) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) vCornerOffset: vec2<f32>,
  @location(2) vMiterLength: f32,
  @location(3) vPathPosition: vec2<f32>,
  @location(4) vPathLength: f32,
  @location(5) vJointType: f32,
  // Location 6 is reserved for TripsLayer's injected vTime varying.
  @location(7) clipCoordinates: vec2<f32>,
#ifdef DASH_ENABLED
  @location(8) vPathBounds: vec2<f32>,
#endif
};

fn flipIfTrue(flag: bool) -> f32 {
  return select(1.0, -1.0, flag);
}

fn clipLine(position: vec4<f32>, refPosition: vec4<f32>) -> vec4<f32> {
  if (position.w < EPSILON) {
    let r = (EPSILON - refPosition.w) / (position.w - refPosition.w);
    return refPosition + (position - refPosition) * r;
  }
  return position;
}

#ifdef DASH_ENABLED
// Return the visible interval of the original segment before clipLine moves either endpoint.
fn getClippedPathRange(startW: f32, endW: f32) -> vec2<f32> {
  let startClipped = startW < EPSILON;
  let endClipped = endW < EPSILON;
  if (startClipped && endClipped) {
    return vec2<f32>(0.0, 0.0);
  }
  if (startClipped || endClipped) {
    let intersection = clamp((EPSILON - startW) / (endW - startW), 0.0, 1.0);
    if (startClipped) {
      return vec2<f32>(intersection, 1.0);
    }
    return vec2<f32>(0.0, intersection);
  }
  return vec2<f32>(0.0, 1.0);
}
#endif

fn getLineJoinOffset(
  prevPoint: vec3<f32>,
  currPoint: vec3<f32>,
  nextPoint: vec3<f32>,
  width: vec2<f32>,
#ifdef DASH_ENABLED
  sourcePathLength: f32,
  sourcePathRange: vec2<f32>,
#endif
#ifdef ANTIALIASING
  coverageScale: f32,
#endif
  positions: vec2<f32>,
  instanceTypes: f32
) -> JoinResult {
  let isEnd = positions.x > 0.0;
  let sideOfPath = positions.y;
  let isJoint = select(0.0, 1.0, sideOfPath == 0.0);

  var deltaA3 = currPoint - prevPoint;
  var deltaB3 = nextPoint - currPoint;

  let rotationResult = project_needs_rotation(currPoint);
  if (path.billboard == 0.0 && rotationResult.needsRotation) {
    deltaA3 = rotationResult.transform * deltaA3;
    deltaB3 = rotationResult.transform * deltaB3;
  }

  let deltaA = deltaA3.xy / width;
  let deltaB = deltaB3.xy / width;

  let lenA = length(deltaA);
  let lenB = length(deltaB);

  let dirA = select(vec2<f32>(0.0, 0.0), normalize(deltaA), lenA > 0.0);
  let dirB = select(vec2<f32>(0.0, 0.0), normalize(deltaB), lenB > 0.0);

  let perpA = vec2<f32>(-dirA.y, dirA.x);
  let perpB = vec2<f32>(-dirB.y, dirB.x);

  var tangent = dirA + dirB;
  tangent = select(perpA, normalize(tangent), length(tangent) > 0.0);
  let miterVec = vec2<f32>(-tangent.y, tangent.x);
  let dir = select(dirB, dirA, isEnd);
  let perp = select(perpB, perpA, isEnd);
#ifdef DASH_ENABLED
  let segmentLength2D = select(lenB, lenA, isEnd);

  // Extrusion happens in the XY plane, so segmentLength2D is a 2D length and pathPosition.y
  // below measures 2D distance along the segment. For a path that also moves in Z the true
  // arc length is longer by this ratio. Scaling pathLength and pathPosition.y by it makes
  // the coordinate measure real 3D distance while leaving the joint tests unchanged, since
  // they compare the two against each other and both are scaled alike. Billboard mode
  // extrudes in clip space, where the perspective divide has already reduced the segment to
  // its screen projection, so its complete common-space length is supplied by the caller.
  // Mirrors path-layer-vertex.glsl.ts.
  let currDelta3 = select(deltaB3, deltaA3, isEnd);
  let currLength2D = length(currDelta3.xy);
  // Do not clamp a valid denominator to EPSILON: high-zoom Web Mercator deltas are often
  // smaller than that in common space, and changing their scale corrupts even flat paths.
  let safeLength2D = select(1.0, currLength2D, currLength2D > 0.0);
  var arcLengthRatio = 1.0;
  var pathPositionOffset = 0.0;
  var pathLength = segmentLength2D;
  if (path.billboard != 0.0) {
    // clipLine may shorten the visible screen-space segment. Preserve the corresponding interval
    // of the complete common-space arclength instead of compressing the full dash period into the
    // visible span. Keep pathLength complete so justification is stable as the camera clips it.
    let visiblePathLength = sourcePathLength * (sourcePathRange.y - sourcePathRange.x);
    arcLengthRatio = 0.0;
    if (segmentLength2D > 0.0) {
      arcLengthRatio = visiblePathLength / segmentLength2D;
    }
    pathPositionOffset = sourcePathLength * sourcePathRange.x;
    pathLength = sourcePathLength;
  } else if (currLength2D > 0.0) {
    arcLengthRatio = length(currDelta3) / safeLength2D;
    pathLength = segmentLength2D * arcLengthRatio;
  }
#else
  let pathLength = select(lenB, lenA, isEnd);
#endif

  let sinHalfA = abs(dot(miterVec, perp));
  let cosHalfA = abs(dot(dirA, miterVec));
  let turnDirection = flipIfTrue(dirA.x * dirB.y >= dirA.y * dirB.x);
  let cornerPosition = sideOfPath * turnDirection;

  var miterSize = 1.0 / max(sinHalfA, EPSILON);
  miterSize = mix(
    min(miterSize, max(lenA, lenB) / max(cosHalfA, EPSILON)),
    miterSize,
    step(0.0, cornerPosition)
  );

  var offsetVec =
    mix(miterVec * miterSize, perp, step(0.5, cornerPosition)) *
    (sideOfPath + isJoint * turnDirection);

  let isStartCap = lenA == 0.0 || (!isEnd && (instanceTypes == 1.0 || instanceTypes == 3.0));
  let isEndCap = lenB == 0.0 || (isEnd && (instanceTypes == 2.0 || instanceTypes == 3.0));
  let isCap = isStartCap || isEndCap;

  var jointType = path.jointType;
  if (isCap) {
    offsetVec = mix(
      perp * sideOfPath,
      dir * path.capType * 4.0 * flipIfTrue(isStartCap),
      isJoint
    );
    jointType = path.capType;
  }

#ifdef ANTIALIASING
  let coverageOffsetVec = offsetVec * coverageScale;
  var miterLength = dot(coverageOffsetVec, miterVec * turnDirection);
#else
  var miterLength = dot(offsetVec, miterVec * turnDirection);
#endif
  miterLength = select(miterLength, isJoint, isCap);

#ifdef ANTIALIASING
  let offsetFromStartOfPath = coverageOffsetVec + deltaA * select(0.0, 1.0, isEnd);
#else
  let offsetFromStartOfPath = offsetVec + deltaA * select(0.0, 1.0, isEnd);
#endif
  let pathPosition = vec2<f32>(
    dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
    pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
    dot(offsetFromStartOfPath, dir)
#endif
  );
  let isValid = step(f32(instanceTypes), 3.5);
#ifdef ANTIALIASING
  var offset = vec3<f32>(coverageOffsetVec * width * isValid, 0.0);
#else
  var offset = vec3<f32>(offsetVec * width * isValid, 0.0);
#endif

  if (path.billboard == 0.0 && rotationResult.needsRotation) {
    offset = rotationResult.transform * offset;
  }

#ifdef ANTIALIASING
  return JoinResult(
    offset, coverageOffsetVec, miterLength, pathPosition, pathLength, jointType
  );
#else
  return JoinResult(offset, offsetVec, miterLength, pathPosition, pathLength, jointType);
#endif
}

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var varyings: Varyings;

  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let isEnd = attributes.positions.x;

  let prevPosition = mix(attributes.instanceLeftPositions, attributes.instanceStartPositions, isEnd);
  let prevPosition64Low = mix(
    attributes.instanceLeftPositions64Low,
    attributes.instanceStartPositions64Low,
    isEnd
  );
  let currPosition = mix(attributes.instanceStartPositions, attributes.instanceEndPositions, isEnd);
  let currPosition64Low = mix(
    attributes.instanceStartPositions64Low,
    attributes.instanceEndPositions64Low,
    isEnd
  );
  let nextPosition = mix(attributes.instanceEndPositions, attributes.instanceRightPositions, isEnd);
  let nextPosition64Low = mix(
    attributes.instanceEndPositions64Low,
    attributes.instanceRightPositions64Low,
    isEnd
  );

  geometry.worldPosition = currPosition;

  let widthPixels =
    clamp(
      project_unit_size_to_pixel(attributes.instanceStrokeWidths * path.widthScale, path.widthUnits),
      path.widthMinPixels,
      path.widthMaxPixels
    ) / 2.0;

  if (path.billboard != 0.0) {
#ifdef DASH_ENABLED
    let prevProjection = project_position_to_clipspace_and_commonspace(
      prevPosition, prevPosition64Low, ZERO_OFFSET
    );
    let nextProjection = project_position_to_clipspace_and_commonspace(
      nextPosition, nextPosition64Low, ZERO_OFFSET
    );
    let prevPositionCommon = prevProjection.commonPosition.xyz;
    let nextPositionCommon = nextProjection.commonPosition.xyz;
    var prevPositionScreen = prevProjection.clipPosition;
    var nextPositionScreen = nextProjection.clipPosition;
#else
    var prevPositionScreen = project_position_to_clipspace(
      prevPosition, prevPosition64Low, ZERO_OFFSET
    );
    var nextPositionScreen = project_position_to_clipspace(
      nextPosition, nextPosition64Low, ZERO_OFFSET
    );
#endif
    let currProjection = project_position_to_clipspace_and_commonspace(
      currPosition, currPosition64Low, ZERO_OFFSET
    );
    geometry.position = currProjection.commonPosition;
    var currPositionScreen = currProjection.clipPosition;
#ifdef DASH_ENABLED
    let currPositionCommon = currProjection.commonPosition.xyz;
    let sourcePathStartScreen = mix(currPositionScreen, prevPositionScreen, isEnd);
    let sourcePathEndScreen = mix(nextPositionScreen, currPositionScreen, isEnd);
    let billboardPathRange = getClippedPathRange(
      sourcePathStartScreen.w, sourcePathEndScreen.w
    );
#endif

    prevPositionScreen = clipLine(prevPositionScreen, currPositionScreen);
    nextPositionScreen = clipLine(nextPositionScreen, currPositionScreen);
    currPositionScreen = clipLine(currPositionScreen, mix(nextPositionScreen, prevPositionScreen, isEnd));

#ifdef ANTIALIASING
    let coverageScale = select(
      1.0,
      (widthPixels + 0.5 / project.devicePixelRatio) / max(widthPixels, 1e-6),
      widthPixels > 0.0
    );
#endif
#ifdef DASH_ENABLED
    let currentDeltaCommon = select(
      nextPositionCommon - currPositionCommon,
      currPositionCommon - prevPositionCommon,
      isEnd > 0.0
    );
    let billboardPathLength = select(
      0.0,
      length(currentDeltaCommon) * project.scale / (widthPixels * project.focalDistance),
      widthPixels > 0.0
    );
#endif
    let join = getLineJoinOffset(
      prevPositionScreen.xyz / prevPositionScreen.w,
      currPositionScreen.xyz / currPositionScreen.w,
      nextPositionScreen.xyz / nextPositionScreen.w,
      project_pixel_size_to_clipspace(vec2<f32>(widthPixels, widthPixels)),
#ifdef DASH_ENABLED
      billboardPathLength,
      billboardPathRange,
#endif
#ifdef ANTIALIASING
      coverageScale,
#endif
      attributes.positions,
      attributes.instanceTypes
    );
#ifdef DASH_ENABLED
    // Phase and justification use the complete source segment, while cap and joint coverage
    // must still recognize the endpoints moved by clipLine.
    varyings.vPathBounds = billboardPathLength * billboardPathRange;
#endif

    geometry.uv = join.pathPosition;
    varyings.position = vec4<f32>(
      currPositionScreen.xyz + join.offset * currPositionScreen.w,
      currPositionScreen.w
    );
    varyings.vCornerOffset = join.cornerOffset;
    varyings.vMiterLength = join.miterLength;
    varyings.vPathPosition = join.pathPosition;
    varyings.vPathLength = join.pathLength;
    varyings.vJointType = join.jointType;
  } else {
    let prevPositionCommon = project_position_vec3_f64(prevPosition, prevPosition64Low);
    let currPositionCommon = project_position_vec3_f64(currPosition, currPosition64Low);
    let nextPositionCommon = project_position_vec3_f64(nextPosition, nextPosition64Low);

    let width = vec2<f32>(
      project_pixel_size_float(widthPixels),
      project_pixel_size_float(widthPixels)
    );
#ifdef ANTIALIASING
    let coverageScale = select(
      1.0,
      (widthPixels + 0.5 / project.devicePixelRatio) / max(widthPixels, 1e-6),
      widthPixels > 0.0
    );
#endif
    let join = getLineJoinOffset(
      prevPositionCommon,
      currPositionCommon,
      nextPositionCommon,
      width,
#ifdef DASH_ENABLED
      1.0,
      vec2<f32>(0.0, 1.0),
#endif
#ifdef ANTIALIASING
      coverageScale,
#endif
      attributes.positions,
      attributes.instanceTypes
    );
#ifdef DASH_ENABLED
    varyings.vPathBounds = vec2<f32>(0.0, join.pathLength);
#endif

    geometry.position = vec4<f32>(currPositionCommon + join.offset, 1.0);
    geometry.uv = join.pathPosition;
    varyings.position = project_common_position_to_clipspace(geometry.position);
    varyings.vCornerOffset = join.cornerOffset;
    varyings.vMiterLength = join.miterLength;
    varyings.vPathPosition = join.pathPosition;
    varyings.vPathLength = join.pathLength;
    varyings.vJointType = join.jointType;
  }

  varyings.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&varyings.position, geometry.worldPosition.xy);

  varyings.vColor = vec4<f32>(
    attributes.instanceColors.rgb,
    attributes.instanceColors.a * layer.opacity
  );
  return varyings;
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = varyings.vPathPosition;

#ifdef ANTIALIASING
  // Coordinates of the outer silhouette, in units of half-width: rounded joints and caps are
  // bounded by the corner offset, everywhere else by the edge of the stroke. Dividing by the
  // screen-space derivative converts the distance to the boundary into device pixels, which stays
  // correct under perspective foreshortening and under extensions that rescale the stroke.
#ifdef DASH_ENABLED
  let isCorner =
    varyings.vPathPosition.y < varyings.vPathBounds.x ||
    varyings.vPathPosition.y > varyings.vPathBounds.y;
#else
  let isCorner = varyings.vPathPosition.y < 0.0 || varyings.vPathPosition.y > varyings.vPathLength;
#endif
  let isRound = varyings.vJointType > 0.5;

  // Distance to the silhouette in device pixels, from the derivative of the coordinate that
  // bounds it. Computed before the discards below: derivatives need uniform control flow and are
  // undefined after a discard in the quad. See dev-docs/RFCs/v9.4/analytic-antialiasing-rfc.md
  let bodyCoord = abs(varyings.vPathPosition.x);
  let cornerCoord = length(varyings.vCornerOffset);
  // Both evaluated so each derivative stays on one field across the corner/body boundary
  let bodyPixels = (1.0 - bodyCoord) / max(fwidth(bodyCoord), 1e-6);
  let cornerPixels = (1.0 - cornerCoord) / max(fwidth(cornerCoord), 1e-6);
#ifdef PATH_STYLE_OFFSET
  // Rounded corners still intersect the stroke-width envelope. Extensions may remap
  // vPathPosition.x independently of vCornerOffset, as PathStyleExtension does for offsets.
  let edgePixels = select(bodyPixels, min(cornerPixels, bodyPixels), isRound && isCorner);
#else
  let edgePixels = select(bodyPixels, cornerPixels, isRound && isCorner);
#endif

  // Fragments outside the coverage ramp must not write depth or picking colors.
  if (edgePixels <= -SMOOTH_EDGE_RADIUS) {
    discard;
  }

  if (isCorner) {
    if (!isRound && varyings.vMiterLength > path.miterLimit + 1.0) {
      discard;
    }
  }

  var color = varyings.vColor;

  // Feather one device pixel across the width only, before premultiplication. edgePixels is a
  // signed device-pixel distance and SMOOTH_EDGE_RADIUS is 0.5, so this ramps across one pixel.
  color.a *= smoothedge(0.0, edgePixels);
#else
#ifdef DASH_ENABLED
  if (
    varyings.vPathPosition.y < varyings.vPathBounds.x ||
    varyings.vPathPosition.y > varyings.vPathBounds.y
  ) {
#else
  if (
    varyings.vPathPosition.y < 0.0 ||
    varyings.vPathPosition.y > varyings.vPathLength
  ) {
#endif
    if (varyings.vJointType > 0.5 && length(varyings.vCornerOffset) > 1.0) {
      discard;
    }
    if (
      varyings.vJointType < 0.5 &&
      varyings.vMiterLength > path.miterLimit + 1.0
    ) {
      discard;
    }
  }
#endif

  // Fragment-layer injections that discard pixels must run after analytic coverage derivatives.
  // See TripsLayer, which rejects fragments outside of the active time window at this anchor.
  // DECKGL_FILTER_COLOR
  clip_filterColor(varyings.clipCoordinates);
#ifdef ANTIALIASING
  return deckgl_premultiplied_alpha(color);
#else
  return deckgl_premultiplied_alpha(varyings.vColor);
#endif
}
`;var f3=`#version 300 es
#define SHADER_NAME path-layer-vertex-shader
in vec2 positions;
in float instanceTypes;
in vec3 instanceStartPositions;
in vec3 instanceEndPositions;
in vec3 instanceLeftPositions;
in vec3 instanceRightPositions;
in vec3 instanceLeftPositions64Low;
in vec3 instanceStartPositions64Low;
in vec3 instanceEndPositions64Low;
in vec3 instanceRightPositions64Low;
in float instanceStrokeWidths;
in vec4 instanceColors;
in float rowIndexes;
uniform float opacity;
out vec4 vColor;
out vec2 vCornerOffset;
out float vMiterLength;
out vec2 vPathPosition;
out float vPathLength;
out float vJointType;
#ifdef DASH_ENABLED
out vec2 vPathBounds;
#endif
const float EPSILON = 0.001;
const vec3 ZERO_OFFSET = vec3(0.0);
float flipIfTrue(bool flag) {
return -(float(flag) * 2. - 1.);
}
vec3 getLineJoinOffset(
vec3 prevPoint, vec3 currPoint, vec3 nextPoint,
vec2 width
#ifdef DASH_ENABLED
, float sourcePathLength, vec2 sourcePathRange
#endif
#ifdef ANTIALIASING
, float coverageScale
#endif
) {
bool isEnd = positions.x > 0.0;
float sideOfPath = positions.y;
float isJoint = float(sideOfPath == 0.0);
vec3 deltaA3 = (currPoint - prevPoint);
vec3 deltaB3 = (nextPoint - currPoint);
mat3 rotationMatrix;
bool needsRotation = !path.billboard && project_needs_rotation(currPoint, rotationMatrix);
if (needsRotation) {
deltaA3 = deltaA3 * rotationMatrix;
deltaB3 = deltaB3 * rotationMatrix;
}
vec2 deltaA = deltaA3.xy / width;
vec2 deltaB = deltaB3.xy / width;
float lenA = length(deltaA);
float lenB = length(deltaB);
vec2 dirA = lenA > 0. ? normalize(deltaA) : vec2(0.0, 0.0);
vec2 dirB = lenB > 0. ? normalize(deltaB) : vec2(0.0, 0.0);
vec2 perpA = vec2(-dirA.y, dirA.x);
vec2 perpB = vec2(-dirB.y, dirB.x);
vec2 tangent = dirA + dirB;
tangent = length(tangent) > 0. ? normalize(tangent) : perpA;
vec2 miterVec = vec2(-tangent.y, tangent.x);
vec2 dir = isEnd ? dirA : dirB;
vec2 perp = isEnd ? perpA : perpB;
float L = isEnd ? lenA : lenB;
#ifdef DASH_ENABLED
vec3 currDelta3 = isEnd ? deltaA3 : deltaB3;
float currLength2D = length(currDelta3.xy);
float arcLengthRatio = 1.0;
float pathPositionOffset = 0.0;
float pathLength = L;
if (path.billboard) {
float visiblePathLength = sourcePathLength * (sourcePathRange.y - sourcePathRange.x);
arcLengthRatio = L > 0.0 ? visiblePathLength / L : 0.0;
pathPositionOffset = sourcePathLength * sourcePathRange.x;
pathLength = sourcePathLength;
} else if (currLength2D > 0.0) {
arcLengthRatio = length(currDelta3) / currLength2D;
pathLength = L * arcLengthRatio;
}
#endif
float sinHalfA = abs(dot(miterVec, perp));
float cosHalfA = abs(dot(dirA, miterVec));
float turnDirection = flipIfTrue(dirA.x * dirB.y >= dirA.y * dirB.x);
float cornerPosition = sideOfPath * turnDirection;
float miterSize = 1.0 / max(sinHalfA, EPSILON);
miterSize = mix(
min(miterSize, max(lenA, lenB) / max(cosHalfA, EPSILON)),
miterSize,
step(0.0, cornerPosition)
);
vec2 offsetVec = mix(miterVec * miterSize, perp, step(0.5, cornerPosition))
* (sideOfPath + isJoint * turnDirection);
bool isStartCap = lenA == 0.0 || (!isEnd && (instanceTypes == 1.0 || instanceTypes == 3.0));
bool isEndCap = lenB == 0.0 || (isEnd && (instanceTypes == 2.0 || instanceTypes == 3.0));
bool isCap = isStartCap || isEndCap;
if (isCap) {
offsetVec = mix(perp * sideOfPath, dir * path.capType * 4.0 * flipIfTrue(isStartCap), isJoint);
vJointType = path.capType;
} else {
vJointType = path.jointType;
}
#ifdef ANTIALIASING
vec2 coverageOffsetVec = offsetVec * coverageScale;
#ifdef DASH_ENABLED
vPathLength = pathLength;
#else
vPathLength = L;
#endif
vCornerOffset = coverageOffsetVec;
vMiterLength = dot(vCornerOffset, miterVec * turnDirection);
vMiterLength = isCap ? isJoint : vMiterLength;
vec2 offsetFromStartOfPath = coverageOffsetVec + deltaA * float(isEnd);
vPathPosition = vec2(
dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
dot(offsetFromStartOfPath, dir)
#endif
);
geometry.uv = vPathPosition;
float isValid = step(instanceTypes, 3.5);
vec3 offset = vec3(coverageOffsetVec * width * isValid, 0.0);
#else
#ifdef DASH_ENABLED
vPathLength = pathLength;
#else
vPathLength = L;
#endif
vCornerOffset = offsetVec;
vMiterLength = dot(vCornerOffset, miterVec * turnDirection);
vMiterLength = isCap ? isJoint : vMiterLength;
vec2 offsetFromStartOfPath = vCornerOffset + deltaA * float(isEnd);
vPathPosition = vec2(
dot(offsetFromStartOfPath, perp),
#ifdef DASH_ENABLED
pathPositionOffset + dot(offsetFromStartOfPath, dir) * arcLengthRatio
#else
dot(offsetFromStartOfPath, dir)
#endif
);
geometry.uv = vPathPosition;
float isValid = step(instanceTypes, 3.5);
vec3 offset = vec3(offsetVec * width * isValid, 0.0);
#endif
if (needsRotation) {
offset = rotationMatrix * offset;
}
return offset;
}
void clipLine(inout vec4 position, vec4 refPosition) {
if (position.w < EPSILON) {
float r = (EPSILON - refPosition.w) / (position.w - refPosition.w);
position = refPosition + (position - refPosition) * r;
}
}
#ifdef DASH_ENABLED
vec2 getClippedPathRange(float startW, float endW) {
bool startClipped = startW < EPSILON;
bool endClipped = endW < EPSILON;
if (startClipped && endClipped) {
return vec2(0.0);
}
if (startClipped || endClipped) {
float intersection = clamp((EPSILON - startW) / (endW - startW), 0.0, 1.0);
return startClipped ? vec2(intersection, 1.0) : vec2(0.0, intersection);
}
return vec2(0.0, 1.0);
}
#endif
void main() {
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
vColor = vec4(instanceColors.rgb, instanceColors.a * layer.opacity);
float isEnd = positions.x;
vec3 prevPosition = mix(instanceLeftPositions, instanceStartPositions, isEnd);
vec3 prevPosition64Low = mix(instanceLeftPositions64Low, instanceStartPositions64Low, isEnd);
vec3 currPosition = mix(instanceStartPositions, instanceEndPositions, isEnd);
vec3 currPosition64Low = mix(instanceStartPositions64Low, instanceEndPositions64Low, isEnd);
vec3 nextPosition = mix(instanceEndPositions, instanceRightPositions, isEnd);
vec3 nextPosition64Low = mix(instanceEndPositions64Low, instanceRightPositions64Low, isEnd);
geometry.worldPosition = currPosition;
vec2 widthPixels = vec2(clamp(
project_size_to_pixel(instanceStrokeWidths * path.widthScale, path.widthUnits),
path.widthMinPixels, path.widthMaxPixels) / 2.0);
vec3 width;
if (path.billboard) {
#ifdef DASH_ENABLED
vec4 prevPositionCommon;
vec4 nextPositionCommon;
vec4 prevPositionScreen = project_position_to_clipspace(
prevPosition, prevPosition64Low, ZERO_OFFSET, prevPositionCommon
);
#else
vec4 prevPositionScreen = project_position_to_clipspace(
prevPosition, prevPosition64Low, ZERO_OFFSET
);
#endif
vec4 currPositionScreen = project_position_to_clipspace(currPosition, currPosition64Low, ZERO_OFFSET, geometry.position);
#ifdef DASH_ENABLED
vec4 nextPositionScreen = project_position_to_clipspace(
nextPosition, nextPosition64Low, ZERO_OFFSET, nextPositionCommon
);
#else
vec4 nextPositionScreen = project_position_to_clipspace(
nextPosition, nextPosition64Low, ZERO_OFFSET
);
#endif
#ifdef DASH_ENABLED
vec4 sourcePathStartScreen = mix(currPositionScreen, prevPositionScreen, isEnd);
vec4 sourcePathEndScreen = mix(nextPositionScreen, currPositionScreen, isEnd);
vec2 billboardPathRange = getClippedPathRange(
sourcePathStartScreen.w, sourcePathEndScreen.w
);
#endif
clipLine(prevPositionScreen, currPositionScreen);
clipLine(nextPositionScreen, currPositionScreen);
clipLine(currPositionScreen, mix(nextPositionScreen, prevPositionScreen, isEnd));
width = vec3(widthPixels, 0.0);
DECKGL_FILTER_SIZE(width, geometry);
#ifdef ANTIALIASING
vec2 coveragePadding = vec2(0.5 / project.devicePixelRatio);
float coverageScale = length(width.xy) > 0.0
? length(width.xy + coveragePadding) / length(width.xy)
: 1.0;
#endif
#ifdef DASH_ENABLED
vec3 currentDeltaCommon = isEnd > 0.0
? geometry.position.xyz - prevPositionCommon.xyz
: nextPositionCommon.xyz - geometry.position.xyz;
float billboardPathLength = width.x > 0.0
? length(currentDeltaCommon) * project.scale / (width.x * project.focalDistance)
: 0.0;
#endif
vec3 offset = getLineJoinOffset(
prevPositionScreen.xyz / prevPositionScreen.w,
currPositionScreen.xyz / currPositionScreen.w,
nextPositionScreen.xyz / nextPositionScreen.w,
project_pixel_size_to_clipspace(width.xy)
#ifdef DASH_ENABLED
,
billboardPathLength, billboardPathRange
#endif
#ifdef ANTIALIASING
,
coverageScale
#endif
);
#ifdef DASH_ENABLED
vPathBounds = billboardPathLength * billboardPathRange;
#endif
DECKGL_FILTER_GL_POSITION(currPositionScreen, geometry);
gl_Position = vec4(currPositionScreen.xyz + offset * currPositionScreen.w, currPositionScreen.w);
} else {
prevPosition = project_position(prevPosition, prevPosition64Low);
currPosition = project_position(currPosition, currPosition64Low);
nextPosition = project_position(nextPosition, nextPosition64Low);
width = vec3(project_pixel_size(widthPixels), 0.0);
DECKGL_FILTER_SIZE(width, geometry);
#ifdef ANTIALIASING
vec2 coveragePadding = project_pixel_size(vec2(0.5 / project.devicePixelRatio));
float coverageScale = length(width.xy) > 0.0
? length(width.xy + coveragePadding) / length(width.xy)
: 1.0;
#endif
vec3 offset = getLineJoinOffset(
prevPosition, currPosition, nextPosition, width.xy
#ifdef DASH_ENABLED
, 1.0, vec2(0.0, 1.0)
#endif
#ifdef ANTIALIASING
, coverageScale
#endif
);
#ifdef DASH_ENABLED
vPathBounds = vec2(0.0, vPathLength);
#endif
geometry.position = vec4(currPosition + offset, 1.0);
gl_Position = project_common_position_to_clipspace(geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
DECKGL_FILTER_COLOR(vColor, geometry);
}
`;var u3=`#version 300 es
#define SHADER_NAME path-layer-fragment-shader
precision highp float;
in vec4 vColor;
in vec2 vCornerOffset;
in float vMiterLength;
in vec2 vPathPosition;
in float vPathLength;
in float vJointType;
#ifdef DASH_ENABLED
in vec2 vPathBounds;
#endif
out vec4 fragColor;
void main(void) {
geometry.uv = vPathPosition;
#ifdef ANTIALIASING
#ifdef DASH_ENABLED
bool isCorner = vPathPosition.y < vPathBounds.x || vPathPosition.y > vPathBounds.y;
#else
bool isCorner = vPathPosition.y < 0.0 || vPathPosition.y > vPathLength;
#endif
bool isRound = vJointType > 0.5;
float bodyCoord = abs(vPathPosition.x);
float cornerCoord = length(vCornerOffset);
float bodyPixels = (1.0 - bodyCoord) / max(fwidth(bodyCoord), 1e-6);
float cornerPixels = (1.0 - cornerCoord) / max(fwidth(cornerCoord), 1e-6);
#ifdef PATH_STYLE_OFFSET
float edgePixels = isRound && isCorner ? min(cornerPixels, bodyPixels) : bodyPixels;
#else
float edgePixels = isRound && isCorner ? cornerPixels : bodyPixels;
#endif
if (edgePixels <= -SMOOTH_EDGE_RADIUS) {
discard;
}
if (isCorner) {
if (!isRound && vMiterLength > path.miterLimit + 1.0) {
discard;
}
}
fragColor = vColor;
fragColor.a *= smoothedge(0.0, edgePixels);
#else
#ifdef DASH_ENABLED
if (vPathPosition.y < vPathBounds.x || vPathPosition.y > vPathBounds.y) {
#else
if (vPathPosition.y < 0.0 || vPathPosition.y > vPathLength) {
#endif
if (vJointType > 0.5 && length(vCornerOffset) > 1.0) {
discard;
}
if (vJointType < 0.5 && vMiterLength > path.miterLimit + 1.0) {
discard;
}
}
fragColor = vColor;
#endif
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var h3=[0,0,0,255],yz={widthUnits:"meters",widthScale:{type:"number",min:0,value:1},widthMinPixels:{type:"number",min:0,value:0},widthMaxPixels:{type:"number",min:0,value:Number.MAX_SAFE_INTEGER},jointRounded:!1,capRounded:!1,miterLimit:{type:"number",min:0,value:4},antialiasing:!1,billboard:!1,_pathType:null,getPath:{type:"accessor",value:r=>r.path},getColor:{type:"accessor",value:h3},getWidth:{type:"accessor",value:1},rounded:{deprecatedFor:["jointRounded","capRounded"]}},Ly={enter:(r,e)=>e.length?e.subarray(e.length-r.length):r};function _z(r){if(r.isGeospatial)return null;let{unitsPerMeter:e}=r.distanceScales;return[e[0],e[1],e[2]]}function d3(r,e){return r===e||!!(r&&e&&r.length===e.length&&r.every((t,n)=>t===e[n]))}var tc=class extends at{getShaders(){let{antialiasing:e}=this.props;return super.getShaders({vs:f3,fs:u3,source:l3,defines:e?{ANTIALIASING:1}:{},modules:[mt,gt,xt,c3,...this.context.device.type==="webgpu"?[wo]:[]]})}get wrapLongitude(){return!1}getBounds(){return this.context.device.type==="webgpu"?null:this.getAttributeManager()?.getBounds(["vertexPositions"])}getPathProjectionScale(e){let t=this.props.coordinateSystem;if(!!!this.getAttributeManager()?.getAttributes().instanceDashOffsets)return null;if(e instanceof wr&&e.zoom>=12&&(t==="default"||t==="lnglat"||t==="cartesian")){let s=_r.getUniforms({viewport:e,coordinateSystem:t,coordinateOrigin:this.props.coordinateOrigin,autoWrapLongitude:this.wrapLongitude});return[e.projectionMode,s.coordinateOrigin[1],s.commonOrigin[1],...s.commonUnitsPerWorldUnit,...s.commonUnitsPerWorldUnit2,s.commonUnitsPerMeter[2]]}let o=_z(e);return o?[e.projectionMode,...o]:[e.projectionMode]}shouldUpdateState(e){let{viewport:t}=this.context;return super.shouldUpdateState(e)||this.state?.tessellationResolution!==t.resolution||!d3(this.state?.pathProjectionScale,this.getPathProjectionScale(t))}initializeState(){let t=this.context.device.type==="webgpu";this.getAttributeManager().addInstanced({...t?{pathPositions:{size:24,type:"float32",transition:!1,accessor:"getPath",update:this.calculateWebGPUPositions,shaderAttributes:{instanceLeftPositions:{size:3,elementOffset:0},instanceStartPositions:{size:3,elementOffset:3},instanceEndPositions:{size:3,elementOffset:6},instanceRightPositions:{size:3,elementOffset:9},instanceLeftPositions64Low:{size:3,elementOffset:12},instanceStartPositions64Low:{size:3,elementOffset:15},instanceEndPositions64Low:{size:3,elementOffset:18},instanceRightPositions64Low:{size:3,elementOffset:21}},noAlloc:!0}}:{vertexPositions:{size:3,vertexOffset:1,type:"float64",fp64:this.use64bitPositions(),transition:Ly,accessor:"getPath",update:this.calculatePositions,noAlloc:!0,shaderAttributes:{instanceLeftPositions:{vertexOffset:0},instanceStartPositions:{vertexOffset:1},instanceEndPositions:{vertexOffset:2},instanceRightPositions:{vertexOffset:3}}}},instanceTypes:{size:1,type:t?"float32":"uint8",update:this.calculateSegmentTypes,noAlloc:!0},instanceStrokeWidths:{size:1,accessor:"getWidth",transition:t?!1:Ly,defaultValue:1,bufferGroup:"path-instance-data"},instanceColors:{size:this.props.colorFormat.length,type:"unorm8",accessor:"getColor",transition:t?!1:Ly,defaultValue:h3,bufferGroup:"path-instance-data"},rowIndexes:{size:1,type:"uint32",accessor:(i,{index:o})=>i&&i.__source?i.__source.index:o,bufferGroup:"path-instance-data"}}),this.setState({pathTesselator:new ec({fp64:this.use64bitPositions(),isWebGPU:t}),tessellationResolution:this.context.viewport.resolution,pathProjectionScale:this.getPathProjectionScale(this.context.viewport)})}updateState(e){super.updateState(e);let{props:t,oldProps:n,changeFlags:i}=e,o=this.getAttributeManager(),{viewport:s}=this.context,a=this.state.tessellationResolution!==s.resolution,c=this.getPathProjectionScale(s),l=!d3(this.state.pathProjectionScale,c),u=i.updateTriggersChanged&&(i.updateTriggersChanged.all||i.updateTriggersChanged.getPath)||t._pathType!==n._pathType||t.positionFormat!==n.positionFormat||t.wrapLongitude!==n.wrapLongitude||a;if(i.dataChanged||u){let{pathTesselator:p}=this.state,g=t.data.attributes||{};p.updateGeometry({data:t.data,geometryBuffer:g.getPath,buffers:g,normalize:!t._pathType,loop:t._pathType==="loop",getGeometry:t.getPath,positionFormat:t.positionFormat,wrapLongitude:t.wrapLongitude,resolution:s.resolution,dataChanged:u?void 0:i.dataChanged}),this.setState({numInstances:p.instanceCount,startIndices:p.vertexStarts,tessellationResolution:s.resolution,pathProjectionScale:c}),!i.dataChanged||u?o.invalidateAll():l&&o.invalidate("instanceDashOffsets")}else l&&(this.setState({pathProjectionScale:c}),o.invalidate("instanceDashOffsets"));(i.extensionsChanged||t.antialiasing!==n.antialiasing)&&(this.state.model?.destroy(),this.state.model=this._getModel(),o.invalidateAll())}getPickingInfo(e){let t=super.getPickingInfo(e),{index:n}=t,i=this.props.data;return i[0]&&i[0].__source&&(t.object=i.find(o=>o.__source.index===n)),t}disablePickingIndex(e){let t=this.props.data;if(t[0]&&t[0].__source)for(let n=0;n<t.length;n++)t[n].__source.index===e&&this._disablePickingIndex(n);else super.disablePickingIndex(e)}draw({uniforms:e}){let{jointRounded:t,capRounded:n,billboard:i,miterLimit:o,widthUnits:s,widthScale:a,widthMinPixels:c,widthMaxPixels:l}=this.props,f=this.state.model,u={jointType:Number(t),capType:Number(n),billboard:i,widthUnits:Ie[s],widthScale:a,miterLimit:o,widthMinPixels:c,widthMaxPixels:l};f.shaderInputs.setProps({path:u}),f.draw(this.context.renderPass)}_getModel(){let e=[0,1,2,1,4,2,1,3,4,3,5,4],t=[0,0,0,-1,0,1,1,-1,1,1,1,0];return new me(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Re({topology:"triangle-list",attributes:{indices:new Uint16Array(e),positions:{value:new Float32Array(t),size:2}}}),isInstanced:!0})}calculatePositions(e){let{pathTesselator:t}=this.state;e.startIndices=t.vertexStarts,e.value=t.get("positions")}calculateSegmentTypes(e){let{pathTesselator:t}=this.state;e.startIndices=t.vertexStarts,e.value=t.get("segmentTypes")}calculateWebGPUPositions(e){let{pathTesselator:t}=this.state,n=t.get("positions");if(!n){e.value=null;return}let i=t.instanceCount,o=new Float32Array(i*24),s=[-1,0,1,2];for(let a=0;a<i;a++){let c=a*24;for(let l=0;l<4;l++){let f=a+s[l],u=c+l*3;for(let d=0;d<3;d++){let p=f>=0&&f<i?n[f*3+d]:0,g=Math.fround(p);o[u+d]=g,o[u+d+12]=p-g}}}e.startIndices=t.vertexStarts,e.value=o}};tc.defaultProps=yz;tc.layerName="PathLayer";var id=tc;se();var E3=Vy(_3(),1);var ld=ed.CLOCKWISE,x3=ed.COUNTER_CLOCKWISE,ln={isClosed:!0};function Bz(r){if(r=r&&r.positions||r,!Array.isArray(r)&&!ArrayBuffer.isView(r))throw new Error("invalid polygon")}function Po(r){return"positions"in r?r.positions:r}function oc(r){return"holeIndices"in r?r.holeIndices:null}function Dz(r){return Array.isArray(r[0])}function kz(r){return r.length>=1&&r[0].length>=2&&Number.isFinite(r[0][0])}function Nz(r){let e=r[0],t=r[r.length-1];return e[0]===t[0]&&e[1]===t[1]&&e[2]===t[2]}function Fz(r,e,t,n){for(let i=0;i<e;i++)if(r[t+i]!==r[n-e+i])return!1;return!0}function b3(r,e,t,n,i){let o=e,s=t.length;for(let a=0;a<s;a++)for(let c=0;c<n;c++)r[o++]=t[a][c]||0;if(!Nz(t))for(let a=0;a<n;a++)r[o++]=t[0][a]||0;return ln.start=e,ln.end=o,ln.size=n,qa(r,i,ln),o}function v3(r,e,t,n,i=0,o,s){o=o||t.length;let a=o-i;if(a<=0)return e;let c=e;for(let l=0;l<a;l++)r[c++]=t[i+l];if(!Fz(t,n,i,o))for(let l=0;l<n;l++)r[c++]=t[i+l];return ln.start=e,ln.end=c,ln.size=n,qa(r,s,ln),c}function P3(r,e){Bz(r);let t=[],n=[];if("positions"in r){let{positions:i,holeIndices:o}=r;if(o){let s=0;for(let a=0;a<=o.length;a++)s=v3(t,s,i,e,o[a-1],o[a],a===0?ld:x3),n.push(s);return n.pop(),{positions:t,holeIndices:n}}r=i}if(!Dz(r))return v3(t,0,r,e,0,t.length,ld),t;if(!kz(r)){let i=0;for(let[o,s]of r.entries())i=b3(t,i,s,e,o===0?ld:x3),n.push(i);return n.pop(),{positions:t,holeIndices:n}}return b3(t,0,r,e,ld),t}function Ry(r,e,t){let n=r.length/3,i=0;for(let o=0;o<n;o++){let s=(o+1)%n;i+=r[o*3+e]*r[s*3+t],i-=r[s*3+e]*r[o*3+t]}return Math.abs(i/2)}function w3(r,e,t,n){let i=r.length/3;for(let o=0;o<i;o++){let s=o*3,a=r[s+0],c=r[s+1],l=r[s+2];r[s+e]=a,r[s+t]=c,r[s+n]=l}}function S3(r,e,t,n){let i=oc(r);i&&(i=i.map(a=>a/e));let o=Po(r),s=n&&e===3;if(t){let a=o.length;o=o.slice();let c=[];for(let l=0;l<a;l+=e){c[0]=o[l],c[1]=o[l+1],s&&(c[2]=o[l+2]);let f=t(c);o[l]=f[0],o[l+1]=f[1],s&&(o[l+2]=f[2])}}if(s){let a=Ry(o,0,1),c=Ry(o,0,2),l=Ry(o,1,2);if(!a&&!c&&!l)return[];a>c&&a>l||(c>l?(t||(o=o.slice()),w3(o,0,2,1)):(t||(o=o.slice()),w3(o,2,0,1)))}return(0,E3.default)(o,i,e)}var sc=class extends sn{constructor(e){let{fp64:t,IndexType:n=Uint32Array}=e;super({...e,attributes:{positions:{size:3,type:t?Float64Array:Float32Array},vertexValid:{type:Uint16Array,size:1},indices:{type:n,size:1}}})}get(e){let{attributes:t}=this;return e==="indices"?t.indices&&t.indices.subarray(0,this.vertexCount):t[e]}updateGeometry(e){super.updateGeometry(e);let t=this.buffers.indices;if(t)this.vertexCount=(t.value||t).length;else if(this.data&&!this.getGeometry)throw new Error("missing indices buffer")}normalizeGeometry(e){if(this.normalize){let t=P3(e,this.positionSize);return this.opts.resolution?Qa(Po(t),oc(t),{size:this.positionSize,gridResolution:this.opts.resolution,edgeTypes:!0}):this.opts.wrapLongitude?Ty(Po(t),oc(t),{size:this.positionSize,maxLatitude:86,edgeTypes:!0}):t}return e}getGeometrySize(e){if(T3(e)){let t=0;for(let n of e)t+=this.getGeometrySize(n);return t}return Po(e).length/this.positionSize}getGeometryFromBuffer(e){return this.normalize||!this.buffers.indices?super.getGeometryFromBuffer(e):null}updateGeometryAttributes(e,t){if(e&&T3(e))for(let n of e){let i=this.getGeometrySize(n);t.geometrySize=i,this.updateGeometryAttributes(n,t),t.vertexStart+=i,t.indexStart=this.indexStarts[t.geometryIndex+1]}else{let n=e;this._updateIndices(n,t),this._updatePositions(n,t),this._updateVertexValid(n,t)}}_updateIndices(e,{geometryIndex:t,vertexStart:n,indexStart:i}){let{attributes:o,indexStarts:s,typedArrayManager:a}=this,c=o.indices;if(!c||!e)return;let l=i,f=S3(e,this.positionSize,this.opts.preproject,this.opts.full3d);c=a.allocate(c,i+f.length,{copy:!0});for(let u=0;u<f.length;u++)c[l++]=f[u]+n;s[t+1]=i+f.length,o.indices=c}_updatePositions(e,{vertexStart:t,geometrySize:n}){let{attributes:{positions:i},positionSize:o}=this;if(!i||!e)return;let s=Po(e);for(let a=t,c=0;c<n;a++,c++){let l=s[c*o],f=s[c*o+1],u=o>2?s[c*o+2]:0;i[a*3]=l,i[a*3+1]=f,i[a*3+2]=u}}_updateVertexValid(e,{vertexStart:t,geometrySize:n}){let{positionSize:i}=this,o=this.attributes.vertexValid,s=e&&oc(e);if(e&&e.edgeTypes?o.set(e.edgeTypes,t):o.fill(1,t,t+n),s)for(let a=0;a<s.length;a++)o[t+s[a]/i-1]=0;o[t+n-1]=0}};function T3(r){return Array.isArray(r)&&r.length>0&&!Number.isFinite(r[0])}var Uz=`struct SolidPolygonUniforms {
  extruded: f32,
  isWireframe: f32,
  elevationScale: f32,
};

@group(0) @binding(auto) var<uniform> solidPolygon: SolidPolygonUniforms;
`,L3=`layout(std140) uniform solidPolygonUniforms {
  bool extruded;
  bool isWireframe;
  float elevationScale;
} solidPolygon;
`,A3={name:"solidPolygon",source:Uz,vs:L3,fs:L3,uniformTypes:{extruded:"f32",isWireframe:"f32",elevationScale:"f32"}};var fd=`in vec4 fillColors;
in vec4 lineColors;
in float rowIndexes;
out vec4 vColor;
struct PolygonProps {
vec3 positions;
vec3 positions64Low;
vec3 normal;
float elevations;
};
vec3 project_offset_normal(vec3 vector) {
if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT_OFFSETS) {
return normalize(vector * project.commonUnitsPerWorldUnit);
}
return project_normal(vector);
}
void calculatePosition(PolygonProps props) {
vec3 pos = props.positions;
vec3 pos64Low = props.positions64Low;
vec3 normal = props.normal;
vec4 colors = solidPolygon.isWireframe ? lineColors : fillColors;
geometry.worldPosition = props.positions;
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
if (solidPolygon.extruded) {
pos.z += props.elevations * solidPolygon.elevationScale;
}
gl_Position = project_position_to_clipspace(pos, pos64Low, vec3(0.), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
if (solidPolygon.extruded) {
#ifdef IS_SIDE_VERTEX
normal = project_offset_normal(normal);
#else
normal = project_normal(normal);
#endif
geometry.normal = normal;
vec3 lightColor = lighting_getLightColor(colors.rgb, project.cameraPosition, geometry.position.xyz, geometry.normal);
vColor = vec4(lightColor, colors.a * layer.opacity);
} else {
vColor = vec4(colors.rgb, colors.a * layer.opacity);
}
DECKGL_FILTER_COLOR(vColor, geometry);
}
`;var C3=`#version 300 es
#define SHADER_NAME solid-polygon-layer-vertex-shader
in vec3 vertexPositions;
in vec3 vertexPositions64Low;
in float elevations;
${fd}
void main(void) {
PolygonProps props;
props.positions = vertexPositions;
props.positions64Low = vertexPositions64Low;
props.elevations = elevations;
props.normal = vec3(0.0, 0.0, 1.0);
calculatePosition(props);
}
`;var M3=`#version 300 es
#define SHADER_NAME solid-polygon-layer-vertex-shader-side
#define IS_SIDE_VERTEX
in vec2 positions;
in vec3 vertexPositions;
in vec3 nextVertexPositions;
in vec3 vertexPositions64Low;
in vec3 nextVertexPositions64Low;
in float elevations;
in float instanceVertexValid;
${fd}
void main(void) {
if(instanceVertexValid < 0.5){
gl_Position = vec4(0.);
return;
}
PolygonProps props;
vec3 pos;
vec3 pos64Low;
vec3 nextPos;
vec3 nextPos64Low;
#if RING_WINDING_ORDER_CW == 1
pos = vertexPositions;
pos64Low = vertexPositions64Low;
nextPos = nextVertexPositions;
nextPos64Low = nextVertexPositions64Low;
#else
pos = nextVertexPositions;
pos64Low = nextVertexPositions64Low;
nextPos = vertexPositions;
nextPos64Low = vertexPositions64Low;
#endif
props.positions = mix(pos, nextPos, positions.x);
props.positions64Low = mix(pos64Low, nextPos64Low, positions.x);
props.normal = vec3(
pos.y - nextPos.y + (pos64Low.y - nextPos64Low.y),
nextPos.x - pos.x + (nextPos64Low.x - pos64Low.x),
0.0);
props.elevations = elevations * positions.y;
calculatePosition(props);
}
`;var I3=`#version 300 es
#define SHADER_NAME solid-polygon-layer-fragment-shader
precision highp float;
in vec4 vColor;
out vec4 fragColor;
void main(void) {
fragColor = vColor;
geometry.uv = vec2(0.);
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;function R3(){return`fn project_offset_normal(vector: vec3<f32>) -> vec3<f32> {
  if (project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT ||
      project.coordinateSystem == COORDINATE_SYSTEM_LNGLAT_OFFSETS) {
    return normalize(vector * project.commonUnitsPerWorldUnit);
  }
  return project_normal(vector);
}

fn apply_polygon_color(
  colors: vec4<f32>,
  normal: vec3<f32>,
  position: vec4<f32>
) -> vec4<f32> {
  if (solidPolygon.extruded > 0.5) {
    let lightColor = lighting_getLightColor2(
      colors.rgb,
      project.cameraPosition,
      position.xyz,
      normal
    );
    return vec4<f32>(lightColor, colors.a * layer.opacity);
  }
  return vec4<f32>(colors.rgb, colors.a * layer.opacity);
}
`}function O3(){return`@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = vec2<f32>(0.0, 0.0);

  clip_filterColor(inp.clipCoordinates);

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  var fragColor = inp.vColor;

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return deckgl_premultiplied_alpha(fragColor);
}
`}function Gz(){return`${R3()}

struct Attributes {
  @location(0) vertexPositions: vec3<f32>,
  @location(1) vertexPositions64Low: vec3<f32>,
  @location(2) elevations: f32,
  @location(3) fillColors: vec4<f32>,
  @location(4) lineColors: vec4<f32>,
  @location(5) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) pickingColor: vec3<f32>,
  @location(2) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var outp: Varyings;

  var pos = attributes.vertexPositions;
  if (solidPolygon.extruded > 0.5) {
    pos.z += attributes.elevations * solidPolygon.elevationScale;
  }

  geometry.worldPosition = attributes.vertexPositions;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let projectedPosition = project_position_to_clipspace_and_commonspace(
    pos,
    attributes.vertexPositions64Low,
    vec3<f32>(0.0)
  );
  geometry.position = projectedPosition.commonPosition;
  outp.position = projectedPosition.clipPosition;

  let normal = project_normal(vec3<f32>(0.0, 0.0, 1.0));
  geometry.normal = normal;

  let colors = select(
    attributes.fillColors,
    attributes.lineColors,
    solidPolygon.isWireframe > 0.5
  );
  outp.vColor = apply_polygon_color(colors, normal, geometry.position);
  outp.pickingColor = geometry.pickingColor;

  outp.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&outp.position, geometry.worldPosition.xy);

  return outp;
}

${O3()}
`}function $z(r){return`const RING_WINDING_ORDER_CW: bool = ${r?"true":"false"};

${R3()}

struct Attributes {
  @location(0) positions: vec2<f32>,
  @location(1) vertexPositions: vec3<f32>,
  @location(2) vertexPositions64Low: vec3<f32>,
  @location(3) nextVertexPositions: vec3<f32>,
  @location(4) nextVertexPositions64Low: vec3<f32>,
  @location(5) vertexValid: f32,
  @location(6) elevations: f32,
  @location(7) fillColors: vec4<f32>,
  @location(8) lineColors: vec4<f32>,
  @location(9) rowIndexes: u32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vColor: vec4<f32>,
  @location(1) pickingColor: vec3<f32>,
  @location(2) clipCoordinates: vec2<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  var outp: Varyings;
  outp.position = vec4<f32>(0.0);
  outp.vColor = vec4<f32>(0.0);
  outp.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);
  outp.clipCoordinates = vec2<f32>(0.0);

  if (attributes.vertexValid < 0.5) {
    return outp;
  }

  let pos = select(attributes.nextVertexPositions, attributes.vertexPositions, RING_WINDING_ORDER_CW);
  let pos64Low = select(
    attributes.nextVertexPositions64Low,
    attributes.vertexPositions64Low,
    RING_WINDING_ORDER_CW
  );
  let nextPos = select(attributes.vertexPositions, attributes.nextVertexPositions, RING_WINDING_ORDER_CW);
  let nextPos64Low = select(
    attributes.vertexPositions64Low,
    attributes.nextVertexPositions64Low,
    RING_WINDING_ORDER_CW
  );

  let position = mix(pos, nextPos, attributes.positions.x);
  let position64Low = mix(pos64Low, nextPos64Low, attributes.positions.x);

  var worldPosition = position;
  if (solidPolygon.extruded > 0.5) {
    worldPosition.z += attributes.elevations * attributes.positions.y * solidPolygon.elevationScale;
  }

  geometry.worldPosition = position;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.rowIndexes);

  let projectedPosition = project_position_to_clipspace_and_commonspace(
    worldPosition,
    position64Low,
    vec3<f32>(0.0)
  );
  geometry.position = projectedPosition.commonPosition;
  outp.position = projectedPosition.clipPosition;

  let normal = project_offset_normal(vec3<f32>(
    pos.y - nextPos.y + (pos64Low.y - nextPos64Low.y),
    nextPos.x - pos.x + (nextPos64Low.x - pos64Low.x),
    0.0
  ));
  geometry.normal = normal;

  let colors = select(
    attributes.fillColors,
    attributes.lineColors,
    solidPolygon.isWireframe > 0.5
  );
  outp.vColor = apply_polygon_color(colors, normal, geometry.position);
  outp.pickingColor = geometry.pickingColor;

  outp.clipCoordinates = geometry.position.xy;
  clip_filterPosition(&outp.position, geometry.worldPosition.xy);

  return outp;
}

${O3()}
`}function B3(r,e){return r==="top"?Gz():$z(e)}var dd=[0,0,0,255],Vz={filled:!0,extruded:!1,wireframe:!1,_normalize:!0,_windingOrder:"CW",_full3d:!1,elevationScale:{type:"number",min:0,value:1},getPolygon:{type:"accessor",value:r=>r.polygon},getElevation:{type:"accessor",value:1e3},getFillColor:{type:"accessor",value:dd},getLineColor:{type:"accessor",value:dd},material:!0},ud={enter:(r,e)=>e.length?e.subarray(e.length-r.length):r},ac=class extends at{getShaders(e){let t=!this.props._normalize&&this.props._windingOrder==="CCW"?0:1;return super.getShaders({vs:e==="top"?C3:M3,fs:I3,source:B3(e,!!t),defines:{RING_WINDING_ORDER_CW:t},modules:[mt,gt,Oi,xt,A3,...this.context.device.type==="webgpu"?[wo]:[]]})}get wrapLongitude(){return!1}getBounds(){return this.getAttributeManager()?.getBounds(["vertexPositions"])}initializeState(){let{viewport:e}=this.context,{coordinateSystem:t}=this.props,{_full3d:n}=this.props;e.isGeospatial&&t==="default"&&(t="lnglat");let i;t==="lnglat"&&(n?i=e.projectPosition.bind(e):i=e.projectFlat.bind(e)),this.setState({numInstances:0,polygonTesselator:new sc({preproject:i,fp64:this.use64bitPositions(),IndexType:Uint32Array})});let o=this.getAttributeManager(),s=!0,a=this.context.device.type==="webgpu";o.add({indices:{size:1,isIndexed:!0,update:this.calculateIndices,noAlloc:s},vertexPositions:{size:3,type:"float64",stepMode:"dynamic",fp64:this.use64bitPositions(),transition:ud,accessor:"getPolygon",update:this.calculatePositions,noAlloc:s,...a?{}:{shaderAttributes:{nextVertexPositions:{vertexOffset:1}}}},...a?{nextVertexPositions:{size:3,type:"float64",stepMode:"dynamic",fp64:this.use64bitPositions(),transition:!1,update:this.calculateNextPositions,noAlloc:s}}:{},[a?"vertexValid":"instanceVertexValid"]:{size:1,type:a?"float32":"uint16",stepMode:"instance",update:this.calculateVertexValid,noAlloc:s},elevations:{size:1,stepMode:"dynamic",transition:ud,accessor:"getElevation",bufferGroup:"solid-polygon-instance-data"},fillColors:{size:this.props.colorFormat.length,type:"unorm8",stepMode:"dynamic",transition:ud,accessor:"getFillColor",defaultValue:dd,bufferGroup:"solid-polygon-instance-data"},lineColors:{size:this.props.colorFormat.length,type:"unorm8",stepMode:"dynamic",transition:ud,accessor:"getLineColor",defaultValue:dd,bufferGroup:"solid-polygon-instance-data"},rowIndexes:{size:1,type:"uint32",stepMode:"dynamic",accessor:(c,{index:l})=>c&&c.__source?c.__source.index:l,bufferGroup:"solid-polygon-instance-data"}})}getPickingInfo(e){let t=super.getPickingInfo(e),{index:n}=t,i=this.props.data;return i[0]&&i[0].__source&&(t.object=i.find(o=>o.__source.index===n)),t}disablePickingIndex(e){let t=this.props.data;if(t[0]&&t[0].__source)for(let n=0;n<t.length;n++)t[n].__source.index===e&&this._disablePickingIndex(n);else super.disablePickingIndex(e)}draw({uniforms:e}){let{extruded:t,filled:n,wireframe:i,elevationScale:o}=this.props,{topModel:s,sideModel:a,wireframeModel:c,polygonTesselator:l}=this.state,f={extruded:!!t,elevationScale:o,isWireframe:!1};c&&i&&(c.setInstanceCount(l.instanceCount-1),c.shaderInputs.setProps({solidPolygon:{...f,isWireframe:!0}}),c.draw(this.context.renderPass)),a&&n&&(a.setInstanceCount(l.instanceCount-1),a.shaderInputs.setProps({solidPolygon:f}),a.draw(this.context.renderPass)),s&&n&&(s.setVertexCount(l.vertexCount),s.shaderInputs.setProps({solidPolygon:f}),s.draw(this.context.renderPass))}updateState(e){super.updateState(e),this.updateGeometry(e);let{props:t,oldProps:n,changeFlags:i}=e,o=this.getAttributeManager();(i.extensionsChanged||t.filled!==n.filled||t.extruded!==n.extruded)&&(this.state.models?.forEach(a=>a.destroy()),this.setState(this._getModels()),o.invalidateAll())}updateGeometry({props:e,oldProps:t,changeFlags:n}){if(n.dataChanged||n.updateTriggersChanged&&(n.updateTriggersChanged.all||n.updateTriggersChanged.getPolygon)){let{polygonTesselator:o}=this.state,s=e.data.attributes||{};o.updateGeometry({data:e.data,normalize:e._normalize,geometryBuffer:s.getPolygon,buffers:this.context.device.type==="webgpu"?{...s}:s,getGeometry:e.getPolygon,positionFormat:e.positionFormat,wrapLongitude:e.wrapLongitude,resolution:this.context.viewport.resolution,fp64:this.use64bitPositions(),dataChanged:n.dataChanged,full3d:e._full3d}),this.setState({numInstances:o.instanceCount,startIndices:o.vertexStarts}),n.dataChanged||this.getAttributeManager().invalidateAll()}}_getModels(){let{id:e,filled:t,extruded:n}=this.props,i,o,s;if(t){let a=this.getShaders("top");a.defines={...a.defines,NON_INSTANCED_MODEL:1};let c=this.getAttributeManager().getBufferLayouts({isInstanced:!1});this.context.device.type==="webgpu"&&(c=c.filter(l=>l.name!=="indices"&&l.name!=="vertexValid"&&l.name!=="instanceVertexValid"&&l.name!=="nextVertexPositions")),i=new me(this.context.device,{...a,id:`${e}-top`,topology:"triangle-list",bufferLayout:c,isIndexed:!0,userData:{excludeAttributes:{vertexValid:!0,instanceVertexValid:!0,nextVertexPositions:!0}}})}if(n){let a=this.getAttributeManager().getBufferLayouts({isInstanced:!0});this.context.device.type==="webgpu"&&(a=a.filter(c=>c.name!=="indices")),o=new me(this.context.device,{...this.getShaders("side"),id:`${e}-side`,bufferLayout:a,geometry:new Re({topology:"triangle-strip",attributes:{positions:{size:2,value:new Float32Array([1,0,0,0,1,1,0,1])}}}),isInstanced:!0,userData:{excludeAttributes:{indices:!0}}}),s=new me(this.context.device,{...this.getShaders("side"),id:`${e}-wireframe`,bufferLayout:a,geometry:new Re({topology:"line-strip",attributes:{positions:{size:2,value:new Float32Array([1,0,0,0,0,1,1,1])}}}),isInstanced:!0,userData:{excludeAttributes:{indices:!0}}})}return{models:[o,s,i].filter(Boolean),topModel:i,sideModel:o,wireframeModel:s}}calculateIndices(e){let{polygonTesselator:t}=this.state;e.startIndices=t.indexStarts,e.value=t.get("indices")}calculatePositions(e){let{polygonTesselator:t}=this.state;e.startIndices=t.vertexStarts;let n=this.props.data.attributes?.getPolygon;if(this.context.device.type==="webgpu"&&ArrayBuffer.isView(n?.value)){let{value:i,size:o=3,offset:s=0,stride:a}=n,c=s/i.BYTES_PER_ELEMENT,l=a?a/i.BYTES_PER_ELEMENT:o,f=new Float64Array(t.instanceCount*3);for(let u=0;u<t.instanceCount;u++){let d=c+u*l,p=u*3;f[p]=i[d],f[p+1]=i[d+1],f[p+2]=o>2?i[d+2]:0}e.value=f;return}e.value=t.get("positions")}calculateVertexValid(e){let t=this.props.data.attributes?.instanceVertexValid?.value,n=this.context.device.type==="webgpu"&&t?t:this.state.polygonTesselator.get("vertexValid");e.value=this.context.device.type==="webgpu"&&n?Float32Array.from(n):n}calculateNextPositions(e){let{polygonTesselator:t}=this.state,n=this.getAttributeManager().getAttributes(),i=n.vertexPositions.value,o=this.props.data.attributes?.instanceVertexValid?.value||n.vertexValid?.value||t.get("vertexValid");if(e.startIndices=t.vertexStarts,!i){e.value=i;return}let s=i.length/3,a=new i.constructor(i.length);for(let c=0;c<s;c++){let l=c*3,f=o?.[c]&&c+1<s?l+3:l;for(let u=0;u<3;u++)a[l+u]=i[f+u]}e.value=a}};ac.defaultProps=Vz;ac.layerName="SolidPolygonLayer";var hd=ac;function D3({data:r,getIndex:e,dataRange:t,replace:n}){let{startRow:i=0,endRow:o=1/0}=t,s=r.length,a=s,c=s;for(let d=0;d<s;d++){let p=e(r[d]);if(a>d&&p>=i&&(a=d),p>=o){c=d;break}}let l=a,u=c-a!==n.length?r.slice(c):void 0;for(let d=0;d<n.length;d++)r[l++]=n[d];if(u){for(let d=0;d<u.length;d++)r[l++]=u[d];r.length=l}return{startRow:a,endRow:a+n.length}}function k3(r,e){if(!r)return null;let t="startIndices"in r?r.startIndices[e]:e,n=r.featureIds.value[t];return t!==-1?Wz(r,n,t):null}function Wz(r,e,t){let n={properties:{...r.properties[e]}};for(let i in r.numericProps)n.properties[i]=r.numericProps[i].value[t];return n}function N3(r){let e={points:null,lines:null,polygons:null};for(let t in e){let n=r[t].globalFeatureIds.value;e[t]=new Uint32Array(n)}return e}var F3=`layout(std140) uniform sdfUniforms {
  float gamma;
  bool enabled;
  float buffer;
  float outlineBuffer;
  vec4 outlineColor;
} sdf;
`,z3={name:"sdf",vs:F3,fs:F3,uniformTypes:{gamma:"f32",enabled:"f32",buffer:"f32",outlineBuffer:"f32",outlineColor:"vec4<f32>"}};var cc={none:0,start:1,center:2,end:3},jz=`layout(std140) uniform textUniforms {
  highp vec2 cutoffPixels;
  highp ivec2 align;
  highp float fontSize;
  bool flipY;
} text;

#define ALIGN_MODE_START ${cc.start}
#define ALIGN_MODE_CENTER ${cc.center}
#define ALIGN_MODE_END ${cc.end}
`,pd={name:"text",vs:jz,getUniforms:({contentCutoffPixels:r=[0,0],contentAlignHorizontal:e="none",contentAlignVertical:t="none",fontSize:n,viewport:i})=>({cutoffPixels:r,align:[cc[e],cc[t]],fontSize:n,flipY:i?.flipY??!1}),uniformTypes:{cutoffPixels:"vec2<f32>",align:"vec2<i32>",fontSize:"f32",flipY:"f32"}};var U3=`#version 300 es
#define SHADER_NAME multi-icon-layer-vertex-shader
in vec2 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in float instanceSizes;
in float instanceAngles;
in vec4 instanceColors;
in float rowIndexes;
in vec4 instanceIconFrames;
in float instanceColorModes;
in vec2 instanceOffsets;
in vec2 instancePixelOffset;
in vec4 instanceClipRect;
out float vColorMode;
out vec4 vColor;
out vec2 vTextureCoords;
out vec2 uv;
vec2 rotate_by_angle(vec2 vertex, float angle) {
float angle_radian = angle * PI / 180.0;
float cos_angle = cos(angle_radian);
float sin_angle = sin(angle_radian);
mat2 rotationMatrix = mat2(cos_angle, -sin_angle, sin_angle, cos_angle);
return rotationMatrix * vertex;
}
float getPixelOffsetFromAlignment(float anchor, float extent, float clipStart, float clipEnd, int mode) {
if (clipEnd < clipStart) return 0.0;
if (mode == ALIGN_MODE_START) {
return max(- (anchor + clipStart), 0.0);
}
if (mode == ALIGN_MODE_CENTER) {
float _min = max(0., anchor + clipStart);
float _max = min(extent, anchor + clipEnd);
return _min < _max ? (_min + _max) / 2.0 - anchor : 0.0;
}
if (mode == ALIGN_MODE_END) {
return min(extent - (anchor + clipEnd), 0.);
}
return 0.0;
}
void main(void) {
geometry.worldPosition = instancePositions;
geometry.uv = positions;
geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
uv = positions;
vec2 iconSize = instanceIconFrames.zw;
float sizePixels = clamp(
project_size_to_pixel(instanceSizes * icon.sizeScale, icon.sizeUnits),
icon.sizeMinPixels, icon.sizeMaxPixels
);
float instanceScale = sizePixels / text.fontSize;
vec2 pixelOffset = positions / 2.0 * iconSize + instanceOffsets;
pixelOffset = rotate_by_angle(pixelOffset, instanceAngles) * instanceScale;
pixelOffset += instancePixelOffset;
pixelOffset.y *= -1.0;
vec2 anchorPosScreen;
if (icon.billboard)  {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
anchorPosScreen = gl_Position.xy / gl_Position.w;
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = vec3(pixelOffset, 0.0);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset_common = vec3(project_pixel_size(pixelOffset), 0.0);
if (text.flipY) {
offset_common.y *= -1.;
}
DECKGL_FILTER_SIZE(offset_common, geometry);
vec4 anchorPos = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0));
anchorPosScreen = anchorPos.xy / anchorPos.w;
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset_common, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
anchorPosScreen = vec2(anchorPosScreen.x + 1.0, 1.0 - anchorPosScreen.y) / 2.0 * project.viewportSize / project.devicePixelRatio;
vec2 xy = project_size_to_pixel(instanceClipRect.xy);
vec2 wh = project_size_to_pixel(instanceClipRect.zw);
if (text.flipY) {
xy.y = -xy.y - wh.y;
}
if (text.align.x > 0 || text.align.y > 0) {
vec2 viewportPixels = project.viewportSize / project.devicePixelRatio;
vec2 scrollPixels = vec2(
getPixelOffsetFromAlignment(anchorPosScreen.x, viewportPixels.x, xy.x, xy.x + wh.x, text.align.x),
-getPixelOffsetFromAlignment(anchorPosScreen.y, viewportPixels.y, -xy.y - wh.y, -xy.y, text.align.y)
);
pixelOffset += scrollPixels;
gl_Position.xy += project_pixel_size_to_clipspace(scrollPixels);
}
if (instanceClipRect.z >= 0.) {
if (pixelOffset.x < xy.x || pixelOffset.x > xy.x + wh.x) {
gl_Position = vec4(0.0);
}
else if (text.cutoffPixels.x > 0.) {
float vpWidth = project.viewportSize.x / project.devicePixelRatio;
float l = max(anchorPosScreen.x + xy.x, 0.0);
float r = min(anchorPosScreen.x + xy.x + wh.x, vpWidth);
if (r - l < text.cutoffPixels.x) {
gl_Position = vec4(0.0);
}
}
}
if (instanceClipRect.w >= 0.) {
if (pixelOffset.y < xy.y || pixelOffset.y > xy.y + wh.y) {
gl_Position = vec4(0.0);
}
else if (text.cutoffPixels.y > 0.) {
float vpHeight = project.viewportSize.y / project.devicePixelRatio;
float t = max(anchorPosScreen.y - xy.y - wh.y, 0.0);
float b = min(anchorPosScreen.y - xy.y, vpHeight);
if (b - t < text.cutoffPixels.y) {
gl_Position = vec4(0.0);
}
}
}
vTextureCoords = mix(
instanceIconFrames.xy,
instanceIconFrames.xy + iconSize,
(positions.xy + 1.0) / 2.0
) / icon.iconsTextureDim;
vColor = instanceColors;
DECKGL_FILTER_COLOR(vColor, geometry);
vColorMode = instanceColorModes;
}
`;var G3=`#version 300 es
#define SHADER_NAME multi-icon-layer-fragment-shader
precision highp float;
uniform sampler2D iconsTexture;
in vec4 vColor;
in vec2 vTextureCoords;
in vec2 uv;
out vec4 fragColor;
void main(void) {
geometry.uv = uv;
if (!bool(picking.isActive)) {
float alpha = texture(iconsTexture, vTextureCoords).a;
vec4 color = vColor;
if (sdf.enabled) {
float distance = alpha;
alpha = smoothstep(sdf.buffer - sdf.gamma, sdf.buffer + sdf.gamma, distance);
if (sdf.outlineBuffer > 0.0) {
float inFill = alpha;
float inBorder = smoothstep(sdf.outlineBuffer - sdf.gamma, sdf.outlineBuffer + sdf.gamma, distance);
color = mix(sdf.outlineColor, vColor, inFill);
alpha = inBorder;
}
}
float a = alpha * color.a;
if (a < icon.alphaCutoff) {
discard;
}
fragColor = vec4(color.rgb, a * layer.opacity);
}
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;function Hz({collision:r=!1}={}){return`struct IconUniforms {
  sizeScale: f32,
  iconsTextureDim: vec2<f32>,
  sizeBasis: f32,
  sizeMinPixels: f32,
  sizeMaxPixels: f32,
  billboard: i32,
  sizeUnits: i32,
  alphaCutoff: f32
};

struct TextUniforms {
  cutoffPixels: vec2<f32>,
  align: vec2<i32>,
  fontSize: f32,
  flipY: f32
};

struct SdfUniforms {
  gamma: f32,
  enabled: f32,
  buffer: f32,
  outlineBuffer: f32,
  outlineColor: vec4<f32>
};

${r?`struct CollisionUniforms {
  sort: i32,
  enabled: i32
};
`:""}

const ALIGN_MODE_START: i32 = 1;
const ALIGN_MODE_CENTER: i32 = 2;
const ALIGN_MODE_END: i32 = 3;

@group(0) @binding(auto) var<uniform> icon: IconUniforms;
@group(0) @binding(auto) var<uniform> text: TextUniforms;
@group(0) @binding(auto) var<uniform> sdf: SdfUniforms;
${r?"@group(0) @binding(auto) var<uniform> collision: CollisionUniforms;":""}
@group(0) @binding(auto) var iconsTexture : texture_2d<f32>;
@group(0) @binding(auto) var iconsTextureSampler : sampler;
${r?`@group(0) @binding(auto) var collision_texture : texture_2d<f32>;
`:""}

fn rotate_by_angle(vertex: vec2<f32>, angle_deg: f32) -> vec2<f32> {
  let angle_radian = angle_deg * PI / 180.0;
  let c = cos(angle_radian);
  let s = sin(angle_radian);
  let rotation = mat2x2<f32>(vec2<f32>(c, -s), vec2<f32>(s, c));
  return rotation * vertex;
}

fn get_pixel_offset_from_alignment(
  anchor: f32,
  extent: f32,
  clipStart: f32,
  clipEnd: f32,
  mode: i32
) -> f32 {
  if (clipEnd < clipStart) {
    return 0.0;
  }
  if (mode == ALIGN_MODE_START) {
    return max(-(anchor + clipStart), 0.0);
  }
  if (mode == ALIGN_MODE_CENTER) {
    let minValue = max(0.0, anchor + clipStart);
    let maxValue = min(extent, anchor + clipEnd);
    if (minValue < maxValue) {
      return (minValue + maxValue) / 2.0 - anchor;
    }
    return 0.0;
  }
  if (mode == ALIGN_MODE_END) {
    return min(extent - (anchor + clipEnd), 0.0);
  }
  return 0.0;
}

${r?`fn collision_match(texCoords: vec2<f32>, pickingColor: vec3<f32>) -> f32 {
  let textureSize = vec2<i32>(textureDimensions(collision_texture));
  let pixelCoords = clamp(
    vec2<i32>(texCoords * vec2<f32>(textureSize)),
    vec2<i32>(0),
    textureSize - vec2<i32>(1)
  );
  let collisionPickingColor = textureLoad(collision_texture, pixelCoords, 0);
  let delta = dot(abs(collisionPickingColor.rgb - pickingColor), vec3<f32>(1.0));
  return step(delta, 0.001);
}

fn collision_is_visible(texCoords: vec2<f32>, pickingColor: vec3<f32>) -> f32 {
  if (collision.enabled == 0) {
    return 1.0;
  }

  var accumulator = 0.0;
  let stepSize = vec2<f32>(1.0) / project.viewportSize;

  for (var i: i32 = -2; i <= 2; i = i + 1) {
    for (var j: i32 = -2; j <= 2; j = j + 1) {
      let delta = vec2<f32>(f32(j), f32(i)) * stepSize;
      accumulator = accumulator + collision_match(texCoords + delta, pickingColor);
    }
  }

  return pow(accumulator / 25.0, 2.2);
}
`:""}

struct Attributes {
  @location(0) positions: vec2<f32>,

  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceSizes: f32,
  @location(4) instanceAngles: f32,
  @location(5) instanceColors: vec4<f32>,
  @location(6) instanceIconFrames: vec4<f32>,
  @location(7) instanceColorModes: f32,
  @location(8) instanceOffsets: vec2<f32>,
  @location(9) instancePixelOffset: vec2<f32>,
  @location(10) rowIndexes: u32,
  @location(11) instanceClipRect: vec4<f32>,
  ${r?"@location(12) collisionPriorities: f32,":""}
};

struct Varyings {
  @builtin(position) position: vec4<f32>,

  @location(0) vColorMode: f32,
  @location(1) vColor: vec4<f32>,
  @location(2) vTextureCoords: vec2<f32>,
  @location(3) uv: vec2<f32>,
  @location(4) pickingColor: vec3<f32>,
};

@vertex
fn vertexMain(inp: Attributes) -> Varyings {
  geometry.worldPosition = inp.instancePositions;
  geometry.uv = inp.positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(inp.rowIndexes);

  var outp: Varyings;
  outp.uv = inp.positions;

  let iconSize = inp.instanceIconFrames.zw;

  let sizePixels = clamp(
    project_unit_size_to_pixel(inp.instanceSizes * icon.sizeScale, icon.sizeUnits),
    icon.sizeMinPixels, icon.sizeMaxPixels
  );
  let instanceScale = sizePixels / text.fontSize;

  var pixelOffset = inp.positions / 2.0 * iconSize + inp.instanceOffsets;
  pixelOffset = rotate_by_angle(pixelOffset, inp.instanceAngles) * instanceScale;
  pixelOffset = pixelOffset + inp.instancePixelOffset;
  pixelOffset.y = pixelOffset.y * -1.0;

  var pos: vec4<f32>;
  var anchorPosScreen: vec2<f32>;
  if (icon.billboard != 0) {
    pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, vec3<f32>(0.0));
    anchorPosScreen = pos.xy / pos.w;

    let clipOffset = project_pixel_size_to_clipspace(pixelOffset);
    pos = vec4<f32>(pos.x + clipOffset.x, pos.y + clipOffset.y, pos.z, pos.w);
  } else {
    var offsetCommon = vec3<f32>(project_pixel_size_vec2(pixelOffset), 0.0);
    if (text.flipY > 0.5) {
      offsetCommon.y = offsetCommon.y * -1.0;
    }
    let anchorPos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, vec3<f32>(0.0));
    anchorPosScreen = anchorPos.xy / anchorPos.w;
    pos = project_position_to_clipspace(inp.instancePositions, inp.instancePositions64Low, offsetCommon);
  }

  anchorPosScreen = vec2<f32>(anchorPosScreen.x + 1.0, 1.0 - anchorPosScreen.y) / 2.0 *
    project.viewportSize / project.devicePixelRatio;
  var xy = project_size_vec2(inp.instanceClipRect.xy) * project.scale;
  var wh = project_size_vec2(inp.instanceClipRect.zw) * project.scale;

  if (text.flipY > 0.5) {
    xy.y = -xy.y - wh.y;
  }
  if (text.align.x > 0 || text.align.y > 0) {
    let viewportPixels = project.viewportSize / project.devicePixelRatio;
    let scrollPixels = vec2<f32>(
      get_pixel_offset_from_alignment(anchorPosScreen.x, viewportPixels.x, xy.x, xy.x + wh.x, text.align.x),
      -get_pixel_offset_from_alignment(anchorPosScreen.y, viewportPixels.y, -xy.y - wh.y, -xy.y, text.align.y)
    );
    pixelOffset = pixelOffset + scrollPixels;
    let scrollClipOffset = project_pixel_size_to_clipspace(scrollPixels);
    pos.x = pos.x + scrollClipOffset.x;
    pos.y = pos.y + scrollClipOffset.y;
  }

  if (inp.instanceClipRect.z >= 0.0) {
    if (pixelOffset.x < xy.x || pixelOffset.x > xy.x + wh.x) {
      pos = vec4<f32>(0.0);
    } else if (text.cutoffPixels.x > 0.0) {
      let viewportWidth = project.viewportSize.x / project.devicePixelRatio;
      let left = max(anchorPosScreen.x + xy.x, 0.0);
      let right = min(anchorPosScreen.x + xy.x + wh.x, viewportWidth);
      if (right - left < text.cutoffPixels.x) {
        pos = vec4<f32>(0.0);
      }
    }
  }
  if (inp.instanceClipRect.w >= 0.0) {
    if (pixelOffset.y < xy.y || pixelOffset.y > xy.y + wh.y) {
      pos = vec4<f32>(0.0);
    } else if (text.cutoffPixels.y > 0.0) {
      let viewportHeight = project.viewportSize.y / project.devicePixelRatio;
      let top = max(anchorPosScreen.y - xy.y - wh.y, 0.0);
      let bottom = min(anchorPosScreen.y - xy.y, viewportHeight);
      if (bottom - top < text.cutoffPixels.y) {
        pos = vec4<f32>(0.0);
      }
    }
  }

  ${r?`  if (collision.sort != 0) {
    pos.z = -0.001 * inp.collisionPriorities * pos.w;
  }
  `:""}

  let uvMix = (inp.positions.xy + vec2<f32>(1.0, 1.0)) * 0.5;
  outp.vTextureCoords = mix(inp.instanceIconFrames.xy, inp.instanceIconFrames.xy + iconSize, uvMix) / icon.iconsTextureDim;

  outp.position = pos;
  outp.vColor = inp.instanceColors;
  outp.vColorMode = inp.instanceColorModes;
  outp.pickingColor = picking_getPickingColorFromIndex(inp.rowIndexes);

  return outp;
}

@fragment
fn fragmentMain(inp: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = inp.uv;

  let texColor = textureSample(iconsTexture, iconsTextureSampler, inp.vTextureCoords);
  var alpha = texColor.a;
  var color = inp.vColor;

  if (sdf.enabled > 0.5) {
    let distance = alpha;
    alpha = smoothstep(sdf.buffer - sdf.gamma, sdf.buffer + sdf.gamma, distance);

    if (sdf.outlineBuffer > 0.0) {
      let inFill = alpha;
      let inBorder = smoothstep(sdf.outlineBuffer - sdf.gamma, sdf.outlineBuffer + sdf.gamma, distance);
      color = mix(sdf.outlineColor, inp.vColor, inFill);
      alpha = inBorder;
    }
  } else if (inp.vColorMode == 0.0) {
    color = texColor;
  }

  var a = alpha * color.a * layer.opacity;
  if (a < icon.alphaCutoff) {
    discard;
  }

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(inp.pickingColor)) {
      discard;
    }
    return vec4<f32>(inp.pickingColor, 1.0);
  }

  ${r?`  let collisionFade = collision_is_visible(inp.position.xy / project.viewportSize, inp.pickingColor);
  a = a * collisionFade;
  if (a <= 0.0001) {
    discard;
  }
  `:""}

  var fragColor = deckgl_premultiplied_alpha(vec4<f32>(color.rgb, a));

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(inp.pickingColor - highlightedObjectColor))) {
      let highLightAlpha = picking.highlightColor.a;
      let blendedAlpha = highLightAlpha + fragColor.a * (1.0 - highLightAlpha);
      if (blendedAlpha > 0.0) {
        let highLightRatio = highLightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highLightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return fragColor;
}
`}var $3=Hz();var Oy=192/256;var Yz={getIconOffsets:{type:"accessor",value:r=>r.offsets},getContentBox:{type:"accessor",value:[0,0,-1,-1]},fontSize:1,alphaCutoff:.001,smoothing:.1,outlineWidth:0,outlineColor:{type:"color",value:[0,0,0,255]},contentCutoffPixels:{type:"array",value:[0,0]},contentAlignHorizontal:"none",contentAlignVertical:"none"},lc=class extends Qu{getShaders(){let e=super.getShaders();return{...e,modules:[...e.modules,pd,z3],vs:U3,fs:G3,source:$3}}initializeState(){super.initializeState();let e=this.getAttributeManager(),t=e.attributes.instanceIconDefs;t.settings.update=this.calculateInstanceIconDefs,e.addInstanced({rowIndexes:{type:"uint32",size:1,bufferGroup:"icon-instance-data",accessor:(n,{index:i})=>i},instanceClipRect:{size:4,bufferGroup:"icon-instance-data",accessor:"getContentBox",defaultValue:[0,0,-1,-1]}})}updateState(e){super.updateState(e);let{props:t,oldProps:n,changeFlags:i}=e,{outlineColor:o}=t;if(i.extensionsChanged){this.state.fillModel?.destroy();let s=this.context.device.type==="webgpu"?this._getModel(`${this.props.id}-fill`):void 0;this.setState({fillModel:s,models:s?[this.state.model,s]:[this.state.model]})}if(i.updateTriggersChanged&&(i.updateTriggersChanged.getIcon||i.updateTriggersChanged.getIconOffsets)&&this.getAttributeManager().invalidate("instanceIconDefs"),o!==n.outlineColor){let s=[o[0]/255,o[1]/255,o[2]/255,(o[3]??255)/255];this.setState({outlineColor:s})}!t.sdf&&t.outlineWidth&&N.warn(`${this.id}: fontSettings.sdf is required to render outline`)()}draw(e){let{sdf:t,smoothing:n,fontSize:i,outlineWidth:o,contentCutoffPixels:s,contentAlignHorizontal:a,contentAlignVertical:c}=this.props,{outlineColor:l}=this.state,f=o?Math.max(n,Oy*(1-o)):-1,u=this.state.model,d={buffer:Oy,outlineBuffer:f,gamma:n,enabled:!!t,outlineColor:l},p={contentCutoffPixels:s,contentAlignHorizontal:a,contentAlignVertical:c,fontSize:i,viewport:this.context.viewport};if(u.shaderInputs.setProps({sdf:d,text:p}),super.draw(e),t&&o){let{iconManager:g}=this.state;if(g.getTexture()){let y=this.state.fillModel||u;y.shaderInputs.setProps({sdf:{...d,outlineBuffer:Oy},text:p}),this._drawModel(y)}}}calculateInstanceIconDefs(e,{startRow:t,endRow:n}){let{data:i,getIcon:o,getIconOffsets:s}=this.props,a=e.getVertexOffset(t),c=e.value,{iterable:l,objectInfo:f}=Ft(i,t,n);for(let u of l){f.index++;let d=o(u,f),p=s(u,f);if(d){let g=0;for(let m of Array.from(d)){let y=super.getInstanceIconDef(m);y[0]=p[g*2],y[1]+=p[g*2+1],y[6]=1,c.set(y,a),a+=e.size,g++}}}}};lc.defaultProps=Yz;lc.layerName="MultiIconLayer";var V3=lc;var By=new Float64Array(256);for(let r=0;r<256;r++){let e=.5-Math.pow(r/255,.45454545454545453);By[r]=e*Math.abs(e)}By[255]=-1e20;var fc=class{constructor({fontSize:e=24,buffer:t=3,radius:n=8,cutoff:i=.25,fontFamily:o="sans-serif",fontWeight:s="normal",fontStyle:a="normal",lang:c=null}={}){t=this.buffer=Math.round(t),this.radius=n,this.cutoff=i,this.lang=c;let l=this.size=Math.ceil(e)+t*4,f=this._createCanvas(l),u=this.ctx=f.getContext("2d",{willReadFrequently:!0});u.font=`${a} ${s} ${e}px ${o}`,u.textBaseline="alphabetic",u.textAlign="left",u.fillStyle="black",c&&(u.lang=c);let p=(this.maxGlyphDim=l-t)+2*t;this.gridOuter=new Float64Array(p*p),this.gridInner=new Float64Array(p*p),this.f=new Float64Array(p),this.z=new Float64Array(p+1),this.v=new Uint16Array(p)}_createCanvas(e){if(typeof OffscreenCanvas<"u")return new OffscreenCanvas(e,e);let t=document.createElement("canvas");return t.width=t.height=e,t}draw(e){let{width:t,actualBoundingBoxAscent:n,actualBoundingBoxDescent:i,actualBoundingBoxLeft:o,actualBoundingBoxRight:s}=this.ctx.measureText(e),a=Math.ceil(n),c=Math.floor(-o),l=Math.max(0,Math.min(this.maxGlyphDim,Math.ceil(s)-c)),f=Math.max(0,Math.min(this.maxGlyphDim,a+Math.ceil(i))),u=l+2*this.buffer,d=f+2*this.buffer,p=u*d,g=new Uint8ClampedArray(p),m={data:g,width:u,height:d,glyphWidth:l,glyphHeight:f,glyphTop:a,glyphLeft:c,glyphAdvance:t};if(l===0||f===0)return m;let{ctx:y,buffer:x,gridInner:v,gridOuter:_}=this;y.clearRect(x,x,l,f),y.fillText(e,x-c,x+a);let w=y.getImageData(x,x,l,f);_.fill(1e20,0,p),v.fill(0,0,p);let E=3;for(let C=0;C<f;C++){let T=(C+x)*u+x;for(let D=0;D<l;D++,E+=4,T++){let O=w.data[E];if(O===0)continue;let I=By[O];_[T]=Math.max(0,I),v[T]=Math.max(0,-I)}}W3(_,0,0,u,d,u,this.f,this.v,this.z,x);let P=Math.min(x,1);W3(v,x-P,x-P,l+2*P,f+2*P,u,this.f,this.v,this.z);let L=255/this.radius,A=255*(1-this.cutoff);for(let C=0;C<p;C++){let T=Math.sqrt(_[C])-Math.sqrt(v[C]);g[C]=A-L*T}return m}};function W3(r,e,t,n,i,o,s,a,c,l=0){for(let f=e+l;f<e+n-l;f++)j3(r,t*o+f,o,i,s,a,c);for(let f=t;f<t+i;f++)j3(r,f*o+e,1,n,s,a,c)}function j3(r,e,t,n,i,o,s){o[0]=0,s[0]=-1e20,s[1]=1e20,i[0]=r[e];for(let a=1,c=0;a<n;a++){let l=i[a]=r[e+a*t],f=a*a,u;do{let d=o[c];u=(l-i[d]+f-d*d)/(a-d)/2}while(u<=s[c]&&--c>-1);c++,o[c]=a,s[c]=u,s[c+1]=1e20}for(let a=0,c=0;a<n;a++){for(;s[c+1]<a;)c++;let l=o[c],f=a-l;r[e+a*t]=i[l]+f*f}}var qz=32,Zz=[];function Xz(r){return Math.pow(2,Math.ceil(Math.log2(r)))}function H3({characterSet:r,measureText:e,buffer:t,maxCanvasWidth:n,mapping:i={},xOffset:o=0,yOffsetMin:s=0,yOffsetMax:a=0}){let l=o,f=s,u=a;for(let d of r)if(!i[d]){let{advance:p,width:g,ascent:m,descent:y}=e(d),x=m+y;l+g+t*2>n&&(l=0,f=u),i[d]={x:l+t,y:f+t,width:g,height:x,advance:p,anchorX:g/2,anchorY:m},l+=g+t*2,u=Math.max(u,f+x+t*2)}return{mapping:i,xOffset:l,yOffsetMin:f,yOffsetMax:u,canvasHeight:Xz(u)}}function Y3(r,e,t,n){let i=0;for(let o=e;o<t;o++){let s=r[o];i+=n[s]?.advance||0}return i}function q3(r,e,t,n,i,o){let s=e,a=0;for(let c=e;c<t;c++){let l=Y3(r,c,c+1,i);a+l>n&&(s<c&&o.push(c),s=c,a=0),a+=l}return a}function Kz(r,e,t,n,i,o){let s=e,a=e,c=e,l=0;for(let f=e;f<t;f++)if((r[f]===" "||r[f+1]===" "||f+1===t)&&(c=f+1),c>a){let u=Y3(r,a,c,i);l+u>n&&(s<a&&(o.push(a),s=a,l=0),u>n&&(u=q3(r,a,c,n,i,o),s=o[o.length-1])),a=c,l+=u}return l}function Qz(r,e,t,n,i=0,o){o===void 0&&(o=r.length);let s=[];return e==="break-all"?q3(r,i,o,t,n,s):Kz(r,i,o,t,n,s),s}function Jz(r,e,t,n,i,o){let s=0,a=0;for(let c=e;c<t;c++){let l=r[c],f=n[l];f&&(a=Math.max(a,f.height))}for(let c=e;c<t;c++){let l=r[c],f=n[l];f?(i[c]=s+f.anchorX,s+=f.advance):(N.warn(`Missing character: ${l} (${l.codePointAt(0)})`)(),i[c]=s,s+=qz)}o[0]=s,o[1]=a}function Z3(r,e,t,n,i,o){let s=Array.from(r),a=s.length,c=new Array(a),l=new Array(a),f=new Array(a),u=(n==="break-word"||n==="break-all")&&isFinite(i)&&i>0,d=[0,0],p=[0,0],g=0,m=e+t/2,y=0,x=0;for(let v=0;v<=a;v++){let _=s[v];if((_===`
`||v===a)&&(x=v),x>y){let w=u?Qz(s,n,i,o,y,x):Zz;for(let E=0;E<=w.length;E++){let P=E===0?y:w[E-1],L=E<w.length?w[E]:x;Jz(s,P,L,o,c,p);for(let A=P;A<L;A++)l[A]=m,f[A]=p[0];g++,m+=t,d[0]=Math.max(d[0],p[0])}y=x}_===`
`&&(c[y]=0,l[y]=0,f[y]=0,y++)}return d[1]=g*t,{x:c,y:l,rowWidth:f,size:d}}function X3({value:r,length:e,stride:t,offset:n,startIndices:i,characterSet:o}){let s=r.BYTES_PER_ELEMENT,a=t?t/s:1,c=n?n/s:0,l=i[e]||Math.ceil((r.length-c)/a),f=o&&new Set,u=new Array(e),d=r;if(a>1||c>0){let p=r.constructor;d=new p(l);for(let g=0;g<l;g++)d[g]=r[g*a+c]}for(let p=0;p<e;p++){let g=i[p],m=i[p+1]||l,y=d.subarray(g,m);u[p]=String.fromCodePoint.apply(null,y),f&&y.forEach(f.add,f)}if(f)for(let p of f)o.add(String.fromCodePoint(p));return{texts:u,characterCount:l}}var So=class{constructor(e=5){this._cache={},this._order=[],this.limit=e}get(e){let t=this._cache[e];return t&&(this._deleteOrder(e),this._appendOrder(e)),t}set(e,t){this._cache[e]?(this.delete(e),this._cache[e]=t,this._appendOrder(e)):(Object.keys(this._cache).length===this.limit&&this.delete(this._order[0]),this._cache[e]=t,this._appendOrder(e))}delete(e){this._cache[e]&&(delete this._cache[e],this._deleteOrder(e))}_deleteOrder(e){let t=this._order.indexOf(e);t>=0&&this._order.splice(t,1)}_appendOrder(e){this._order.push(e)}};function eU(){let r=[];for(let e=32;e<128;e++)r.push(String.fromCharCode(e));return r}var si={fontFamily:"Monaco, monospace",fontWeight:"normal",characterSet:eU(),fontSize:64,buffer:4,sdf:!1,cutoff:.25,radius:12,smoothing:.1},K3=1024,Q3=.9,J3=.3,tT=3,gd=new So(tT);function tU(r,e){let t;typeof e=="string"?t=new Set(Array.from(e)):t=new Set(e);let n=gd.get(r);if(!n)return t;for(let i in n.mapping)t.has(i)&&t.delete(i);return t}function rU(r,e){for(let t=0;t<r.length;t++)e.data[4*t+3]=r[t]}function eT(r,e,t,n){r.font=`${n} ${t}px ${e}`,r.fillStyle="#000",r.textBaseline="alphabetic",r.textAlign="left"}function nU(r,e,t){if(t===void 0){let i=r.measureText("A");return i.fontBoundingBoxAscent?{advance:0,width:0,ascent:Math.ceil(i.fontBoundingBoxAscent),descent:Math.ceil(i.fontBoundingBoxDescent)}:{advance:0,width:0,ascent:e*Q3,descent:e*J3}}let n=r.measureText(t);return n.actualBoundingBoxAscent?{advance:n.width,width:Math.ceil(n.actualBoundingBoxRight-n.actualBoundingBoxLeft),ascent:Math.ceil(n.actualBoundingBoxAscent),descent:Math.ceil(n.actualBoundingBoxDescent)}:{advance:n.width,width:n.width,ascent:e*Q3,descent:e*J3}}function rT(r){N.assert(Number.isFinite(r)&&r>=tT,"Invalid cache limit"),gd=new So(r)}var uc=class{constructor(){this.props={...si}}get atlas(){return this._atlas}get mapping(){return this._atlas&&this._atlas.mapping}setProps(e={}){Object.assign(this.props,e),e._getFontRenderer&&(this._getFontRenderer=e._getFontRenderer),this._key=this._getKey();let t=tU(this._key,this.props.characterSet),n=gd.get(this._key);if(n&&t.size===0){this._atlas!==n&&(this._atlas=n);return}let i=this._generateFontAtlas(t,n);this._atlas=i,gd.set(this._key,i)}_generateFontAtlas(e,t){let{fontFamily:n,fontWeight:i,fontSize:o,buffer:s,sdf:a,radius:c,cutoff:l}=this.props,f=t&&t.data;f||(f=document.createElement("canvas"),f.width=K3);let u=f.getContext("2d",{willReadFrequently:!0});eT(u,n,o,i);let d=w=>nU(u,o,w),p;this._getFontRenderer?p=this._getFontRenderer(this.props):a&&(p={measure:d,draw:iU(this.props)});let{mapping:g,canvasHeight:m,xOffset:y,yOffsetMin:x,yOffsetMax:v}=H3({measureText:w=>p?p.measure(w):d(w),buffer:s,characterSet:e,maxCanvasWidth:K3,...t&&{mapping:t.mapping,xOffset:t.xOffset,yOffsetMin:t.yOffsetMin,yOffsetMax:t.yOffsetMax}});if(f.height!==m){let w=f.height>0?u.getImageData(0,0,f.width,f.height):null;f.height=m,w&&u.putImageData(w,0,0)}if(eT(u,n,o,i),p)for(let w of e){let E=g[w],P=E.width,{data:L,left:A=0,top:C=0}=p.draw(w),T=E.x-A,D=E.y-C,O=Math.max(0,Math.round(T)),I=Math.max(0,Math.round(D)),k=Math.min(L.width,f.width-O),J=Math.min(L.height,f.height-I);u.putImageData(L,O,I,0,0,k,J),E.x=O,E.y=I,E.width=k,E.height=J,E.anchorX+=k/2-A-P/2,E.anchorY+=C}else for(let w of e){let E=g[w];u.fillText(w,E.x,E.y+E.anchorY)}let _=p?p.measure():d();return{baselineOffset:(_.ascent-_.descent)/2,xOffset:y,yOffsetMin:x,yOffsetMax:v,mapping:g,data:f,width:f.width,height:f.height}}_getKey(){let{fontFamily:e,fontWeight:t,fontSize:n,buffer:i,sdf:o,radius:s,cutoff:a}=this.props;return o?`${e} ${t} ${n} ${i} ${s} ${a}`:`${e} ${t} ${n} ${i}`}};function iU({fontSize:r,buffer:e,radius:t,cutoff:n,fontFamily:i,fontWeight:o}){let s=new fc({fontSize:r,buffer:e,radius:t,cutoff:n,fontFamily:i,fontWeight:`${o}`});return a=>{let{data:c,width:l,height:f}=s.draw(a),u=new ImageData(l,f);return rU(c,u),{data:u,left:e,top:e}}}se();se();var oU=`struct TextBackgroundUniforms {
  billboard: f32,
  sizeScale: f32,
  sizeMinPixels: f32,
  sizeMaxPixels: f32,
  borderRadius: vec4<f32>,
  padding: vec4<f32>,
  sizeUnits: i32,
  stroked: f32,
};

@group(0) @binding(auto) var<uniform> textBackground: TextBackgroundUniforms;
`,nT=`layout(std140) uniform textBackgroundUniforms {
  bool billboard;
  float sizeScale;
  float sizeMinPixels;
  float sizeMaxPixels;
  vec4 borderRadius;
  vec4 padding;
  highp int sizeUnits;
  bool stroked;
} textBackground;
`,iT={name:"textBackground",source:oU,vs:nT,fs:nT,uniformTypes:{billboard:"f32",sizeScale:"f32",sizeMinPixels:"f32",sizeMaxPixels:"f32",borderRadius:"vec4<f32>",padding:"vec4<f32>",sizeUnits:"i32",stroked:"f32"}};var oT=`#version 300 es
#define SHADER_NAME text-background-layer-vertex-shader
in vec2 positions;
in vec3 instancePositions;
in vec3 instancePositions64Low;
in vec4 instanceRects;
in vec4 instanceClipRect;
in float instanceSizes;
in float instanceAngles;
in vec2 instancePixelOffsets;
in float instanceLineWidths;
in vec4 instanceFillColors;
in vec4 instanceLineColors;
out vec4 vFillColor;
out vec4 vLineColor;
out float vLineWidth;
out vec2 uv;
out vec2 dimensions;
vec2 rotate_by_angle(vec2 vertex, float angle) {
float angle_radian = radians(angle);
float cos_angle = cos(angle_radian);
float sin_angle = sin(angle_radian);
mat2 rotationMatrix = mat2(cos_angle, -sin_angle, sin_angle, cos_angle);
return rotationMatrix * vertex;
}
void main(void) {
geometry.worldPosition = instancePositions;
geometry.uv = positions;
geometry.pickingColor = picking_getPickingColorFromInstanceID();
uv = positions;
vLineWidth = instanceLineWidths;
float sizePixels = clamp(
project_size_to_pixel(instanceSizes * textBackground.sizeScale, textBackground.sizeUnits),
textBackground.sizeMinPixels, textBackground.sizeMaxPixels
);
float instanceScale = sizePixels / text.fontSize;
dimensions = instanceRects.zw * instanceScale + textBackground.padding.xy + textBackground.padding.zw;
vec2 pixelOffset = (positions * instanceRects.zw + instanceRects.xy) * instanceScale + mix(-textBackground.padding.xy, textBackground.padding.zw, positions);
pixelOffset = rotate_by_angle(pixelOffset, instanceAngles);
pixelOffset += instancePixelOffsets;
pixelOffset.y *= -1.0;
vec2 xy = project_size_to_pixel(instanceClipRect.xy);
vec2 wh = project_size_to_pixel(instanceClipRect.zw);
if (text.flipY) {
xy.y = -xy.y - wh.y;
}
if (instanceClipRect.z >= 0.0) {
dimensions.x = wh.x;
pixelOffset.x = xy.x + uv.x * wh.x + mix(-textBackground.padding.x, textBackground.padding.z, uv.x);
}
if (instanceClipRect.w >= 0.0) {
dimensions.y = wh.y;
pixelOffset.y = xy.y + uv.y * wh.y + mix(-textBackground.padding.y, textBackground.padding.w, uv.y);
}
if (textBackground.billboard)  {
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, vec3(0.0), geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
vec3 offset = vec3(pixelOffset, 0.0);
DECKGL_FILTER_SIZE(offset, geometry);
gl_Position.xy += project_pixel_size_to_clipspace(offset.xy);
} else {
vec3 offset_common = vec3(project_pixel_size(pixelOffset), 0.0);
if (text.flipY) {
offset_common.y *= -1.;
}
DECKGL_FILTER_SIZE(offset_common, geometry);
gl_Position = project_position_to_clipspace(instancePositions, instancePositions64Low, offset_common, geometry.position);
DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
}
vFillColor = vec4(instanceFillColors.rgb, instanceFillColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vFillColor, geometry);
vLineColor = vec4(instanceLineColors.rgb, instanceLineColors.a * layer.opacity);
DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;var sT=`#version 300 es
#define SHADER_NAME text-background-layer-fragment-shader
precision highp float;
in vec4 vFillColor;
in vec4 vLineColor;
in float vLineWidth;
in vec2 uv;
in vec2 dimensions;
out vec4 fragColor;
float round_rect(vec2 p, vec2 size, vec4 radii) {
vec2 pixelPositionCB = (p - 0.5) * size;
vec2 sizeCB = size * 0.5;
float maxBorderRadius = min(size.x, size.y) * 0.5;
vec4 borderRadius = vec4(min(radii, maxBorderRadius));
borderRadius.xy =
(pixelPositionCB.x > 0.0) ? borderRadius.xy : borderRadius.zw;
borderRadius.x = (pixelPositionCB.y > 0.0) ? borderRadius.x : borderRadius.y;
vec2 q = abs(pixelPositionCB) - sizeCB + borderRadius.x;
return -(min(max(q.x, q.y), 0.0) + length(max(q, 0.0)) - borderRadius.x);
}
float rect(vec2 p, vec2 size) {
vec2 pixelPosition = p * size;
return min(min(pixelPosition.x, size.x - pixelPosition.x),
min(pixelPosition.y, size.y - pixelPosition.y));
}
vec4 get_stroked_fragColor(float dist) {
float isBorder = smoothedge(dist, vLineWidth);
return mix(vFillColor, vLineColor, isBorder);
}
void main(void) {
geometry.uv = uv;
if (textBackground.borderRadius != vec4(0.0)) {
float distToEdge = round_rect(uv, dimensions, textBackground.borderRadius);
float shapeAlpha = smoothedge(-distToEdge, 0.0);
if (shapeAlpha == 0.0) {
discard;
}
if (textBackground.stroked) {
fragColor = get_stroked_fragColor(distToEdge);
} else {
fragColor = vFillColor;
}
fragColor.a *= shapeAlpha;
} else {
if (textBackground.stroked) {
float distToEdge = rect(uv, dimensions);
fragColor = get_stroked_fragColor(distToEdge);
} else {
fragColor = vFillColor;
}
}
DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;var aT=`struct TextUniforms {
  cutoffPixels: vec2<f32>,
  align: vec2<i32>,
  fontSize: f32,
  flipY: f32,
};

@group(0) @binding(auto) var<uniform> text: TextUniforms;

fn rotate_by_angle(vertex: vec2<f32>, angle: f32) -> vec2<f32> {
  let angleRadian = radians(angle);
  let cosine = cos(angleRadian);
  let sine = sin(angleRadian);
  let rotationMatrix = mat2x2<f32>(
    vec2<f32>(cosine, -sine),
    vec2<f32>(sine, cosine)
  );
  return rotationMatrix * vertex;
}

struct Attributes {
  @builtin(instance_index) instanceIndex: u32,
  @location(0) positions: vec2<f32>,
  @location(1) instancePositions: vec3<f32>,
  @location(2) instancePositions64Low: vec3<f32>,
  @location(3) instanceSizes: f32,
  @location(4) instanceAngles: f32,
  @location(5) instanceRects: vec4<f32>,
  @location(6) instanceClipRect: vec4<f32>,
  @location(7) instancePixelOffsets: vec2<f32>,
  @location(8) instanceFillColors: vec4<f32>,
  @location(9) instanceLineColors: vec4<f32>,
  @location(10) instanceLineWidths: f32,
};

struct Varyings {
  @builtin(position) position: vec4<f32>,
  @location(0) vFillColor: vec4<f32>,
  @location(1) vLineColor: vec4<f32>,
  @location(2) vLineWidth: f32,
  @location(3) uv: vec2<f32>,
  @location(4) dimensions: vec2<f32>,
  @location(5) pickingColor: vec3<f32>,
};

@vertex
fn vertexMain(attributes: Attributes) -> Varyings {
  geometry.worldPosition = attributes.instancePositions;
  geometry.uv = attributes.positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(attributes.instanceIndex);

  var varyings: Varyings;
  varyings.uv = attributes.positions;
  varyings.vLineWidth = attributes.instanceLineWidths;

  let sizePixels = clamp(
    project_unit_size_to_pixel(
      attributes.instanceSizes * textBackground.sizeScale,
      textBackground.sizeUnits
    ),
    textBackground.sizeMinPixels,
    textBackground.sizeMaxPixels
  );
  let instanceScale = sizePixels / text.fontSize;

  varyings.dimensions = attributes.instanceRects.zw * instanceScale +
    textBackground.padding.xy + textBackground.padding.zw;

  var pixelOffset =
    (attributes.positions * attributes.instanceRects.zw + attributes.instanceRects.xy) *
      instanceScale +
    mix(-textBackground.padding.xy, textBackground.padding.zw, attributes.positions);
  pixelOffset = rotate_by_angle(pixelOffset, attributes.instanceAngles);
  pixelOffset = pixelOffset + attributes.instancePixelOffsets;
  pixelOffset.y = pixelOffset.y * -1.0;

  var xy = project_size_vec2(attributes.instanceClipRect.xy) * project.scale;
  let wh = project_size_vec2(attributes.instanceClipRect.zw) * project.scale;
  if (text.flipY > 0.5) {
    xy.y = -xy.y - wh.y;
  }
  if (attributes.instanceClipRect.z >= 0.0) {
    varyings.dimensions.x = wh.x;
    pixelOffset.x = xy.x + varyings.uv.x * wh.x + mix(
      -textBackground.padding.x,
      textBackground.padding.z,
      varyings.uv.x
    );
  }
  if (attributes.instanceClipRect.w >= 0.0) {
    varyings.dimensions.y = wh.y;
    pixelOffset.y = xy.y + varyings.uv.y * wh.y + mix(
      -textBackground.padding.y,
      textBackground.padding.w,
      varyings.uv.y
    );
  }

  if (textBackground.billboard > 0.5) {
    var position = project_position_to_clipspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      vec3<f32>(0.0)
    );
    let clipOffset = project_pixel_size_to_clipspace(pixelOffset);
    position = vec4<f32>(
      position.x + clipOffset.x,
      position.y + clipOffset.y,
      position.z,
      position.w
    );
    varyings.position = position;
  } else {
    var offsetCommon = vec3<f32>(project_pixel_size_vec2(pixelOffset), 0.0);
    if (text.flipY > 0.5) {
      offsetCommon.y = offsetCommon.y * -1.0;
    }
    varyings.position = project_position_to_clipspace(
      attributes.instancePositions,
      attributes.instancePositions64Low,
      offsetCommon
    );
  }

  varyings.vFillColor = vec4<f32>(
    attributes.instanceFillColors.rgb,
    attributes.instanceFillColors.a * layer.opacity
  );
  varyings.vLineColor = vec4<f32>(
    attributes.instanceLineColors.rgb,
    attributes.instanceLineColors.a * layer.opacity
  );
  varyings.pickingColor = geometry.pickingColor;
  return varyings;
}

fn round_rect(point: vec2<f32>, size: vec2<f32>, radii: vec4<f32>) -> f32 {
  let pixelPosition = (point - 0.5) * size;
  let halfSize = size * 0.5;
  let maxBorderRadius = min(size.x, size.y) * 0.5;
  var borderRadius = min(radii, vec4<f32>(maxBorderRadius));

  borderRadius = select(borderRadius.zwxy, borderRadius, pixelPosition.x > 0.0);
  let radius = select(borderRadius.y, borderRadius.x, pixelPosition.y > 0.0);
  let q = abs(pixelPosition) - halfSize + radius;
  return -(min(max(q.x, q.y), 0.0) + length(max(q, vec2<f32>(0.0))) - radius);
}

fn rect(point: vec2<f32>, size: vec2<f32>) -> f32 {
  let pixelPosition = point * size;
  return min(
    min(pixelPosition.x, size.x - pixelPosition.x),
    min(pixelPosition.y, size.y - pixelPosition.y)
  );
}

fn get_stroked_frag_color(
  distanceToEdge: f32,
  lineWidth: f32,
  fillColor: vec4<f32>,
  lineColor: vec4<f32>
) -> vec4<f32> {
  let isBorder = smoothedge(distanceToEdge, lineWidth);
  return mix(fillColor, lineColor, isBorder);
}

@fragment
fn fragmentMain(varyings: Varyings) -> @location(0) vec4<f32> {
  geometry.uv = varyings.uv;
  var fragColor: vec4<f32>;

  if (any(textBackground.borderRadius != vec4<f32>(0.0))) {
    let distanceToEdge = round_rect(
      varyings.uv,
      varyings.dimensions,
      textBackground.borderRadius
    );
    let shapeAlpha = smoothedge(-distanceToEdge, 0.0);
    if (shapeAlpha == 0.0) {
      discard;
    }
    if (textBackground.stroked > 0.5) {
      fragColor = get_stroked_frag_color(
        distanceToEdge,
        varyings.vLineWidth,
        varyings.vFillColor,
        varyings.vLineColor
      );
    } else {
      fragColor = varyings.vFillColor;
    }
    fragColor.a = fragColor.a * shapeAlpha;
  } else if (textBackground.stroked > 0.5) {
    let distanceToEdge = rect(varyings.uv, varyings.dimensions);
    fragColor = get_stroked_frag_color(
      distanceToEdge,
      varyings.vLineWidth,
      varyings.vFillColor,
      varyings.vLineColor
    );
  } else {
    fragColor = varyings.vFillColor;
  }

  if (picking.isActive > 0.5) {
    if (!picking_isColorValid(varyings.pickingColor)) {
      discard;
    }
    return vec4<f32>(varyings.pickingColor, 1.0);
  }

  if (picking.isHighlightActive > 0.5) {
    let highlightedObjectColor = picking_normalizeColor(picking.highlightedObjectColor);
    if (picking_isColorZero(abs(varyings.pickingColor - highlightedObjectColor))) {
      let highlightAlpha = picking.highlightColor.a;
      let blendedAlpha = highlightAlpha + fragColor.a * (1.0 - highlightAlpha);
      if (blendedAlpha > 0.0) {
        let highlightRatio = highlightAlpha / blendedAlpha;
        fragColor = vec4<f32>(
          mix(fragColor.rgb, picking.highlightColor.rgb, highlightRatio),
          blendedAlpha
        );
      } else {
        fragColor = vec4<f32>(fragColor.rgb, 0.0);
      }
    }
  }

  return deckgl_premultiplied_alpha(fragColor);
}
`;var sU={billboard:!0,sizeScale:1,sizeUnits:"pixels",sizeMinPixels:0,sizeMaxPixels:Number.MAX_SAFE_INTEGER,fontSize:1,borderRadius:{type:"object",value:0},padding:{type:"array",value:[0,0,0,0]},getPosition:{type:"accessor",value:r=>r.position},getSize:{type:"accessor",value:1},getAngle:{type:"accessor",value:0},getPixelOffset:{type:"accessor",value:[0,0]},getBoundingRect:{type:"accessor",value:[0,0,0,0]},getClipRect:{type:"accessor",value:[0,0,-1,-1]},getFillColor:{type:"accessor",value:[0,0,0,255]},getLineColor:{type:"accessor",value:[0,0,0,255]},getLineWidth:{type:"accessor",value:1}},dc=class extends at{getShaders(){return super.getShaders({vs:oT,fs:sT,source:aT,modules:[mt,gt,xt,iT,pd]})}initializeState(){this.getAttributeManager().addInstanced({instancePositions:{size:3,type:"float64",fp64:this.use64bitPositions(),transition:!0,accessor:"getPosition"},instanceSizes:{size:1,transition:!0,bufferGroup:"text-background-instance-data",accessor:"getSize",defaultValue:1},instanceAngles:{size:1,transition:!0,bufferGroup:"text-background-instance-data",accessor:"getAngle"},instanceRects:{size:4,bufferGroup:"text-background-instance-data",accessor:"getBoundingRect"},instanceClipRect:{size:4,bufferGroup:"text-background-instance-data",accessor:"getClipRect",defaultValue:[0,0,-1,-1]},instancePixelOffsets:{size:2,transition:!0,bufferGroup:"text-background-instance-data",accessor:"getPixelOffset"},instanceFillColors:{size:4,transition:!0,type:"unorm8",accessor:"getFillColor",defaultValue:[0,0,0,255]},instanceLineColors:{size:4,transition:!0,type:"unorm8",accessor:"getLineColor",defaultValue:[0,0,0,255]},instanceLineWidths:{size:1,transition:!0,bufferGroup:"text-background-instance-data",accessor:"getLineWidth",defaultValue:1}})}updateState(e){super.updateState(e);let{changeFlags:t}=e;t.extensionsChanged&&(this.state.model?.destroy(),this.state.model=this._getModel(),this.getAttributeManager().invalidateAll())}draw({uniforms:e}){let{billboard:t,sizeScale:n,sizeUnits:i,sizeMinPixels:o,sizeMaxPixels:s,getLineWidth:a,fontSize:c}=this.props,{padding:l,borderRadius:f}=this.props;l.length<4&&(l=[l[0],l[1],l[0],l[1]]),Array.isArray(f)||(f=[f,f,f,f]);let u=this.state.model,d={billboard:t,stroked:!!a,borderRadius:f,padding:l,sizeUnits:Ie[i],sizeScale:n,sizeMinPixels:o,sizeMaxPixels:s},p={fontSize:c,viewport:this.context.viewport};u.shaderInputs.setProps({textBackground:d,text:p}),u.draw(this.context.renderPass)}_getModel(){let e=[0,0,1,0,0,1,1,1];return new me(this.context.device,{...this.getShaders(),id:this.props.id,bufferLayout:this.getAttributeManager().getBufferLayouts(),geometry:new Re({topology:"triangle-strip",vertexCount:4,attributes:{positions:{size:2,value:new Float32Array(e)}}}),isInstanced:!0})}};dc.defaultProps=sU;dc.layerName="TextBackgroundLayer";var cT=dc;var lT={start:1,middle:0,end:-1},fT={top:1,center:0,bottom:-1},Dy=[0,0,0,255],aU=1,cU={billboard:!0,sizeScale:1,sizeUnits:"pixels",sizeMinPixels:0,sizeMaxPixels:Number.MAX_SAFE_INTEGER,background:!1,getBackgroundColor:{type:"accessor",value:[255,255,255,255]},getBorderColor:{type:"accessor",value:Dy},getBorderWidth:{type:"accessor",value:0},backgroundBorderRadius:{type:"object",value:0},backgroundPadding:{type:"array",value:[0,0,0,0]},characterSet:{type:"object",value:si.characterSet},fontFamily:si.fontFamily,fontWeight:si.fontWeight,lineHeight:aU,outlineWidth:{type:"number",value:0,min:0},outlineColor:{type:"color",value:Dy},fontSettings:{type:"object",value:{},compare:1},wordBreak:"break-word",maxWidth:{type:"number",value:-1},contentCutoffPixels:{type:"array",value:[0,0]},contentAlignHorizontal:"none",contentAlignVertical:"none",getText:{type:"accessor",value:r=>r.text},getPosition:{type:"accessor",value:r=>r.position},getColor:{type:"accessor",value:Dy},getSize:{type:"accessor",value:32},getAngle:{type:"accessor",value:0},getTextAnchor:{type:"accessor",value:"middle"},getAlignmentBaseline:{type:"accessor",value:"center"},getPixelOffset:{type:"accessor",value:[0,0]},getContentBox:{type:"accessor",value:[0,0,-1,-1]},backgroundColor:{deprecatedFor:["background","getBackgroundColor"]}},hc=class extends Ga{constructor(){super(...arguments),this.getBoundingRect=(e,t)=>{let{size:[n,i]}=this.transformParagraph(e,t),{getTextAnchor:o,getAlignmentBaseline:s}=this.props,a=lT[typeof o=="function"?o(e,t):o],c=fT[typeof s=="function"?s(e,t):s];return[(a-1)*n/2,(c-1)*i/2,n,i]},this.getIconOffsets=(e,t)=>{let{getTextAnchor:n,getAlignmentBaseline:i}=this.props,{x:o,y:s,rowWidth:a,size:[,c]}=this.transformParagraph(e,t),l=lT[typeof n=="function"?n(e,t):n],f=fT[typeof i=="function"?i(e,t):i],u=o.length,d=new Array(u*2),p=0;for(let g=0;g<u;g++)d[p++]=(l-1)*a[g]/2+o[g],d[p++]=(f-1)*c/2+s[g];return d}}initializeState(){this.state={styleVersion:0,fontAtlasManager:new uc},this.props.maxWidth>0&&N.once(1,"v8.9 breaking change: TextLayer maxWidth is now relative to text size")()}updateState(e){let{props:t,oldProps:n,changeFlags:i}=e;(i.dataChanged||i.updateTriggersChanged&&(i.updateTriggersChanged.all||i.updateTriggersChanged.getText))&&this._updateText(),(this._updateFontAtlas()||t.lineHeight!==n.lineHeight||t.wordBreak!==n.wordBreak||t.maxWidth!==n.maxWidth)&&this.setState({styleVersion:this.state.styleVersion+1})}getPickingInfo({info:e}){return e.object=e.index>=0?this.props.data[e.index]:null,e}_updateFontAtlas(){let{fontSettings:e,fontFamily:t,fontWeight:n,_getFontRenderer:i}=this.props,{fontAtlasManager:o,characterSet:s}=this.state,a={...e,characterSet:s,fontFamily:t,fontWeight:n,_getFontRenderer:i};if(!o.mapping)return o.setProps(a),!0;for(let c in a)if(a[c]!==o.props[c])return o.setProps(a),!0;return!1}_updateText(){let{data:e,characterSet:t}=this.props,n=e.attributes?.getText,{getText:i}=this.props,o=e.startIndices,s,a=t==="auto"&&new Set;if(n&&o){let{texts:c,characterCount:l}=X3({...ArrayBuffer.isView(n)?{value:n}:n,length:e.length,startIndices:o,characterSet:a});s=l,i=(f,{index:u})=>c[u]}else{let{iterable:c,objectInfo:l}=Ft(e);o=[0],s=0;for(let f of c){l.index++;let u=Array.from(i(f,l)||"");a&&u.forEach(a.add,a),s+=u.length,o.push(s)}}this.setState({getText:i,startIndices:o,numInstances:s,characterSet:a||t})}transformParagraph(e,t){let{fontAtlasManager:n}=this.state,i=n.mapping,{baselineOffset:o}=n.atlas,{fontSize:s}=n.props,a=this.state.getText,{wordBreak:c,lineHeight:l,maxWidth:f}=this.props,u=a(e,t)||"";return Z3(u,o,l*s,c,f*s,i)}renderLayers(){let{startIndices:e,numInstances:t,getText:n,fontAtlasManager:{atlas:i,mapping:o},styleVersion:s}=this.state,{data:a,_dataDiff:c,getPosition:l,getColor:f,getSize:u,getAngle:d,getPixelOffset:p,getBackgroundColor:g,getBorderColor:m,getBorderWidth:y,getContentBox:x,backgroundBorderRadius:v,backgroundPadding:_,background:w,billboard:E,fontSettings:P,outlineWidth:L,outlineColor:A,sizeScale:C,sizeUnits:T,sizeMinPixels:D,sizeMaxPixels:O,contentCutoffPixels:I,contentAlignHorizontal:k,contentAlignVertical:J,transitions:j,updateTriggers:H}=this.props,Ke=this.getSubLayerClass("characters",V3),Et=this.getSubLayerClass("background",cT),{fontSize:zt}=this.state.fontAtlasManager.props;return[w&&new Et({getFillColor:g,getLineColor:m,getLineWidth:y,borderRadius:v,padding:_,getPosition:l,getSize:u,getAngle:d,getPixelOffset:p,getClipRect:x,billboard:E,sizeScale:C,sizeUnits:T,sizeMinPixels:D,sizeMaxPixels:O,fontSize:zt,transitions:j&&{getPosition:j.getPosition,getAngle:j.getAngle,getSize:j.getSize,getFillColor:j.getBackgroundColor,getLineColor:j.getBorderColor,getLineWidth:j.getBorderWidth,getPixelOffset:j.getPixelOffset}},this.getSubLayerProps({id:"background",updateTriggers:{getPosition:H.getPosition,getAngle:H.getAngle,getSize:H.getSize,getFillColor:H.getBackgroundColor,getLineColor:H.getBorderColor,getLineWidth:H.getBorderWidth,getPixelOffset:H.getPixelOffset,getBoundingRect:{getText:H.getText,getTextAnchor:H.getTextAnchor,getAlignmentBaseline:H.getAlignmentBaseline,styleVersion:s}}}),{data:a.attributes&&a.attributes.background?{length:a.length,attributes:a.attributes.background}:a,_dataDiff:c,autoHighlight:!1,getBoundingRect:this.getBoundingRect}),new Ke({sdf:P.sdf,smoothing:Number.isFinite(P.smoothing)?P.smoothing:si.smoothing,outlineWidth:L/(P.radius||si.radius),outlineColor:A,iconAtlas:i,iconMapping:o,getPosition:l,getColor:f,getSize:u,getAngle:d,getPixelOffset:p,getContentBox:x,billboard:E,sizeScale:C,sizeUnits:T,sizeMinPixels:D,sizeMaxPixels:O,fontSize:zt,contentCutoffPixels:I,contentAlignHorizontal:k,contentAlignVertical:J,transitions:j&&{getPosition:j.getPosition,getAngle:j.getAngle,getColor:j.getColor,getSize:j.getSize,getPixelOffset:j.getPixelOffset,getContentBox:j.getContentBox}},this.getSubLayerProps({id:"characters",updateTriggers:{all:H.getText,getPosition:H.getPosition,getAngle:H.getAngle,getColor:H.getColor,getSize:H.getSize,getPixelOffset:H.getPixelOffset,getContentBox:H.getContentBox,getIconOffsets:{getTextAnchor:H.getTextAnchor,getAlignmentBaseline:H.getAlignmentBaseline,styleVersion:s}}}),{data:a,_dataDiff:c,startIndices:e,numInstances:t,getIconOffsets:this.getIconOffsets,getIcon:n})]}static set fontAtlasCacheLimit(e){rT(e)}};hc.defaultProps=cU;hc.layerName="TextLayer";var md=hc;var pc={circle:{type:Ju,props:{filled:"filled",stroked:"stroked",lineWidthMaxPixels:"lineWidthMaxPixels",lineWidthMinPixels:"lineWidthMinPixels",lineWidthScale:"lineWidthScale",lineWidthUnits:"lineWidthUnits",pointRadiusMaxPixels:"radiusMaxPixels",pointRadiusMinPixels:"radiusMinPixels",pointRadiusScale:"radiusScale",pointRadiusUnits:"radiusUnits",pointAntialiasing:"antialiasing",pointBillboard:"billboard",getFillColor:"getFillColor",getLineColor:"getLineColor",getLineWidth:"getLineWidth",getPointRadius:"getRadius"}},icon:{type:Qu,props:{iconAtlas:"iconAtlas",iconMapping:"iconMapping",iconSizeMaxPixels:"sizeMaxPixels",iconSizeMinPixels:"sizeMinPixels",iconSizeScale:"sizeScale",iconSizeUnits:"sizeUnits",iconAlphaCutoff:"alphaCutoff",iconBillboard:"billboard",getIcon:"getIcon",getIconAngle:"getAngle",getIconColor:"getColor",getIconPixelOffset:"getPixelOffset",getIconSize:"getSize"}},text:{type:md,props:{textSizeMaxPixels:"sizeMaxPixels",textSizeMinPixels:"sizeMinPixels",textSizeScale:"sizeScale",textSizeUnits:"sizeUnits",textBackground:"background",textBackgroundPadding:"backgroundPadding",textFontFamily:"fontFamily",textFontWeight:"fontWeight",textLineHeight:"lineHeight",textMaxWidth:"maxWidth",textOutlineColor:"outlineColor",textOutlineWidth:"outlineWidth",textWordBreak:"wordBreak",textCharacterSet:"characterSet",textBillboard:"billboard",textFontSettings:"fontSettings",getText:"getText",getTextAngle:"getAngle",getTextColor:"getColor",getTextPixelOffset:"getPixelOffset",getTextSize:"getSize",getTextAnchor:"getTextAnchor",getTextAlignmentBaseline:"getAlignmentBaseline",getTextBackgroundColor:"getBackgroundColor",getTextBorderColor:"getBorderColor",getTextBorderWidth:"getBorderWidth"}}},gc={type:id,props:{lineWidthUnits:"widthUnits",lineWidthScale:"widthScale",lineWidthMinPixels:"widthMinPixels",lineWidthMaxPixels:"widthMaxPixels",lineJointRounded:"jointRounded",lineCapRounded:"capRounded",lineMiterLimit:"miterLimit",lineBillboard:"billboard",lineAntialiasing:"antialiasing",getLineColor:"getColor",getLineWidth:"getWidth"}},yd={type:hd,props:{extruded:"extruded",filled:"filled",wireframe:"wireframe",elevationScale:"elevationScale",material:"material",_full3d:"_full3d",getElevation:"getElevation",getFillColor:"getFillColor",getLineColor:"getLineColor"}};function To({type:r,props:e}){let t={};for(let n in e)t[n]=r.defaultProps[e[n]];return t}function _d(r,e){let{transitions:t,updateTriggers:n}=r.props,i={updateTriggers:{},transitions:t&&{getPosition:t.geometry}};for(let o in e){let s=e[o],a=r.props[o];o.startsWith("get")&&(a=r.getSubLayerAccessor(a),i.updateTriggers[s]=n[o],t&&(i.transitions[s]=t[o])),i[s]=a}return i}function dT(r){if(Array.isArray(r))return r;switch(N.assert(r.type,"GeoJSON does not have type"),r.type){case"Feature":return[r];case"FeatureCollection":return N.assert(Array.isArray(r.features),"GeoJSON does not have features array"),r.features;default:return[{geometry:r}]}}function ky(r,e,t={}){let n={pointFeatures:[],lineFeatures:[],polygonFeatures:[],polygonOutlineFeatures:[]},{startRow:i=0,endRow:o=r.length}=t;for(let s=i;s<o;s++){let a=r[s],{geometry:c}=a;if(c)if(c.type==="GeometryCollection"){N.assert(Array.isArray(c.geometries),"GeoJSON does not have geometries array");let{geometries:l}=c;for(let f=0;f<l.length;f++){let u=l[f];uT(u,n,e,a,s)}}else uT(c,n,e,a,s)}return n}function uT(r,e,t,n,i){let{type:o,coordinates:s}=r,{pointFeatures:a,lineFeatures:c,polygonFeatures:l,polygonOutlineFeatures:f}=e;if(!fU(o,s)){N.warn(`${o} coordinates are malformed`)();return}switch(o){case"Point":a.push(t({geometry:r},n,i));break;case"MultiPoint":s.forEach(u=>{a.push(t({geometry:{type:"Point",coordinates:u}},n,i))});break;case"LineString":c.push(t({geometry:r},n,i));break;case"MultiLineString":s.forEach(u=>{c.push(t({geometry:{type:"LineString",coordinates:u}},n,i))});break;case"Polygon":l.push(t({geometry:r},n,i)),s.forEach(u=>{f.push(t({geometry:{type:"LineString",coordinates:u}},n,i))});break;case"MultiPolygon":s.forEach(u=>{l.push(t({geometry:{type:"Polygon",coordinates:u}},n,i)),u.forEach(d=>{f.push(t({geometry:{type:"LineString",coordinates:d}},n,i))})});break;default:}}var lU={Point:1,MultiPoint:2,LineString:2,MultiLineString:3,Polygon:3,MultiPolygon:4};function fU(r,e){let t=lU[r];for(N.assert(t,`Unknown GeoJSON type ${r}`);e&&--t>0;)e=e[0];return e&&Number.isFinite(e[0])}function hT(){return{points:{},lines:{},polygons:{},polygonsOutline:{}}}function xd(r){return r.geometry.coordinates}function pT(r,e){let t=hT(),{pointFeatures:n,lineFeatures:i,polygonFeatures:o,polygonOutlineFeatures:s}=r;return t.points.data=n,t.points._dataDiff=e.pointFeatures&&(()=>e.pointFeatures),t.points.getPosition=xd,t.lines.data=i,t.lines._dataDiff=e.lineFeatures&&(()=>e.lineFeatures),t.lines.getPath=xd,t.polygons.data=o,t.polygons._dataDiff=e.polygonFeatures&&(()=>e.polygonFeatures),t.polygons.getPolygon=xd,t.polygonsOutline.data=s,t.polygonsOutline._dataDiff=e.polygonOutlineFeatures&&(()=>e.polygonOutlineFeatures),t.polygonsOutline.getPath=xd,t}function gT(r){let e=hT(),{points:t,lines:n,polygons:i}=r,o=N3(r);e.points.data={length:t.positions.value.length/t.positions.size,attributes:{...t.attributes,getPosition:t.positions,rowIndexes:{size:1,type:"uint32",value:o.points}},properties:t.properties,numericProps:t.numericProps,featureIds:t.featureIds},e.lines.data={length:n.pathIndices.value.length-1,startIndices:n.pathIndices.value,attributes:{...n.attributes,getPath:n.positions,rowIndexes:{size:1,type:"uint32",value:o.lines}},properties:n.properties,numericProps:n.numericProps,featureIds:n.featureIds},e.lines._pathType="open";let s=i.positions.value.length/i.positions.size,a=Array(s).fill(1);for(let c of i.primitivePolygonIndices.value)a[c-1]=0;return e.polygons.data={length:i.polygonIndices.value.length-1,startIndices:i.polygonIndices.value,attributes:{...i.attributes,getPolygon:i.positions,instanceVertexValid:{size:1,value:new Uint16Array(a)},rowIndexes:{size:1,type:"uint32",value:o.polygons}},properties:i.properties,numericProps:i.numericProps,featureIds:i.featureIds},e.polygons._normalize=!1,i.triangles&&(e.polygons.data.attributes.indices=i.triangles.value),e.polygonsOutline.data={length:i.primitivePolygonIndices.value.length-1,startIndices:i.primitivePolygonIndices.value,attributes:{...i.attributes,getPath:i.positions,rowIndexes:{size:1,type:"uint32",value:o.polygons}},properties:i.properties,numericProps:i.numericProps,featureIds:i.featureIds},e.polygonsOutline._pathType="open",e}var uU=["points","linestrings","polygons"],dU={...To(pc.circle),...To(pc.icon),...To(pc.text),...To(gc),...To(yd),stroked:!0,filled:!0,extruded:!1,wireframe:!1,_full3d:!1,iconAtlas:{type:"object",value:null},iconMapping:{type:"object",value:{}},getIcon:{type:"accessor",value:r=>r.properties.icon},getText:{type:"accessor",value:r=>r.properties.text},pointType:"circle",getRadius:{deprecatedFor:"getPointRadius"}},mc=class extends Ga{initializeState(){this.state={layerProps:{},features:{},featuresDiff:{}}}updateState({props:e,changeFlags:t}){if(!t.dataChanged)return;let{data:n}=this.props,i=n&&"points"in n&&"polygons"in n&&"lines"in n;this.setState({binary:i}),i?this._updateStateBinary({props:e,changeFlags:t}):this._updateStateJSON({props:e,changeFlags:t})}_updateStateBinary({props:e,changeFlags:t}){let n=gT(e.data);this.setState({layerProps:n})}_updateStateJSON({props:e,changeFlags:t}){let n=dT(e.data),i=this.getSubLayerRow.bind(this),o={},s={};if(Array.isArray(t.dataChanged)){let c=this.state.features;for(let l in c)o[l]=c[l].slice(),s[l]=[];for(let l of t.dataChanged){let f=ky(n,i,l);for(let u in c)s[u].push(D3({data:o[u],getIndex:d=>d.__source.index,dataRange:l,replace:f[u]}))}}else o=ky(n,i);let a=pT(o,s);this.setState({features:o,featuresDiff:s,layerProps:a})}getPickingInfo(e){let t=super.getPickingInfo(e),{index:n,sourceLayer:i}=t;return t.featureType=uU.find(o=>i.id.startsWith(`${this.id}-${o}-`)),n>=0&&i.id.startsWith(`${this.id}-points-text`)&&this.state.binary&&(t.index=this.props.data.points.globalFeatureIds.value[n]),t}_updateAutoHighlight(e){let t=`${this.id}-points-`,n=e.featureType==="points";for(let i of this.getSubLayers())i.id.startsWith(t)===n&&i.updateAutoHighlight(e)}_renderPolygonLayer(){let{extruded:e,wireframe:t}=this.props,{layerProps:n}=this.state,i="polygons-fill",o=this.shouldRenderSubLayer(i,n.polygons?.data)&&this.getSubLayerClass(i,yd.type);if(o){let s=_d(this,yd.props),a=e&&t;return a||delete s.getLineColor,s.updateTriggers.lineColors=a,new o(s,this.getSubLayerProps({id:i,updateTriggers:s.updateTriggers}),n.polygons)}return null}_renderLineLayers(){let{extruded:e,stroked:t}=this.props,{layerProps:n}=this.state,i="polygons-stroke",o="linestrings",s=!e&&t&&this.shouldRenderSubLayer(i,n.polygonsOutline?.data)&&this.getSubLayerClass(i,gc.type),a=this.shouldRenderSubLayer(o,n.lines?.data)&&this.getSubLayerClass(o,gc.type);if(s||a){let c=_d(this,gc.props);return[s&&new s(c,this.getSubLayerProps({id:i,updateTriggers:c.updateTriggers}),n.polygonsOutline),a&&new a(c,this.getSubLayerProps({id:o,updateTriggers:c.updateTriggers}),n.lines)]}return null}_renderPointLayers(){let{pointType:e}=this.props,{layerProps:t,binary:n}=this.state,{highlightedObjectIndex:i}=this.props;!n&&Number.isFinite(i)&&(i=t.points.data.findIndex(a=>a.__source.index===i));let o=new Set(e.split("+")),s=[];for(let a of o){let c=`points-${a}`,l=pc[a],f=l&&this.shouldRenderSubLayer(c,t.points?.data)&&this.getSubLayerClass(c,l.type);if(f){let u=_d(this,l.props),d=t.points;if(a==="text"&&n){let{rowIndexes:p,...g}=d.data.attributes;d={...d,data:{...d.data,attributes:g}}}s.push(new f(u,this.getSubLayerProps({id:c,updateTriggers:u.updateTriggers,highlightedObjectIndex:i}),d))}}return s}renderLayers(){let{extruded:e}=this.props,t=this._renderPolygonLayer(),n=this._renderLineLayers(),i=this._renderPointLayers();return[!e&&t,n,i,e&&t]}getSubLayerAccessor(e){let{binary:t}=this.state;return!t||typeof e!="function"?super.getSubLayerAccessor(e):(n,i)=>{let{data:o,index:s}=i,a=k3(o,s);return e(a,i)}}};mc.layerName="GeoJsonLayer";mc.defaultProps=dU;var mT=mc;export{h2 as Deck,mT as GeoJsonLayer,S1 as GlobeView,Xu as JSONConverter,Af as MapView,id as PathLayer,Ju as ScatterplotLayer,hd as SolidPolygonLayer,md as TextLayer};
