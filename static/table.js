var z=new Intl.Collator(void 0,{numeric:!0,sensitivity:"base"}),N=`
.frame { container-type: inline-size;
  max-height: 24rem; overflow: auto; border: 1px solid var(--st-border-color, #d5dae5);
  border-radius: 0.5rem; font-family: var(--st-font, sans-serif); font-size: 0.875rem;
  color: var(--st-text-color, #31333f); }
table { border-collapse: collapse; width: 100%; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
th { position: sticky; top: 0; background: var(--st-secondary-background-color, #f0f2f6);
  padding: 0; font-weight: 400; text-align: left; vertical-align: bottom; }
th button { all: inherit; cursor: pointer; display: block; width: 100%; box-sizing: border-box;
  padding: 0.3rem 0.5rem; }
th button:focus-visible { outline: 2px solid var(--st-primary-color, #ff4b4b); outline-offset: -2px; }
th[aria-sort=ascending] button::after { content: " \u25B2"; font-size: 0.7em; }
th[aria-sort=descending] button::after { content: " \u25BC"; font-size: 0.7em; }
td { padding: 0.25rem 0.5rem; border-top: 1px solid var(--st-border-color, #e6e9ef);
  overflow-wrap: anywhere; }
td.num { white-space: nowrap; }
th.num, .num { text-align: right; font-variant-numeric: tabular-nums; }
@container (max-width: 36rem) { .low { display: none; } }
td[style] { background: linear-gradient(to right,
  color-mix(in srgb, var(--st-primary-color, #ff4b4b) 25%, transparent) var(--bar), transparent var(--bar)); }
`,v=new Map;function y(t,e,i,s){let d=Array.from({length:t},(o,n)=>n);if(!e&&!i)return d;let r=s?-1:1,u=e?(o,n)=>e[o]===null||e[n]===null?+(e[o]===null)-+(e[n]===null):r*(e[o]-e[n]):(o,n)=>r*z.compare(i[o],i[n]);return d.sort((o,n)=>u(o,n)||o-n)}function C(t){return t.low?`${t.align} low`:t.align}function $(t,e,i){return t.map((s,d)=>`${s.label}: ${e[d][i]}`).join(`
`)}function T({data:t,key:e,parentElement:i}){let s=t.columns,d=s.length?t.text[0].length:0,r=v.get(e)??{column:null,descending:!1};v.set(e,r);let u=document.createElement("table"),o=u.createCaption();o.textContent=t.label;let n=u.createTHead().insertRow(),E=u.createTBody(),b=()=>{let c=r.column,m=c===null?y(d):y(d,t.keys[c],t.text[c],r.descending);E.replaceChildren(...m.map(a=>{let l=document.createElement("tr");return s.forEach((g,x)=>{let f=l.insertCell();f.textContent=t.text[x][a],f.className=C(g);let w=g.bar?t.keys[x][a]:null;w!=null&&f.style.setProperty("--bar",`${Math.max(0,Math.min(100,w))}%`)}),l.title=$(s,t.text,a),l})),n.querySelectorAll("th").forEach((a,l)=>{a.setAttribute("aria-sort",l===c?r.descending?"descending":"ascending":"none")})};s.forEach((c,m)=>{let a=document.createElement("th");a.scope="col",a.className=C(c);let l=document.createElement("button");l.type="button",l.textContent=c.label,l.title=`Sort by ${c.label}`,l.addEventListener("click",()=>{r.descending=r.column===m?!r.descending:!1,r.column=m,b()}),a.append(l),n.append(a)}),b();let p=document.createElement("div");p.className="frame",p.append(u);let h=document.createElement("style");h.textContent=N,i.replaceChildren(h,p)}export{T as default,$ as rowTitle,y as sortOrder};
