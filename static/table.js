var C=new Intl.Collator(void 0,{numeric:!0,sensitivity:"base"}),z=`
.frame { max-height: 24rem; overflow: auto; border: 1px solid var(--st-border-color, #d5dae5);
  border-radius: 0.5rem; font-family: var(--st-font, sans-serif); font-size: 0.875rem;
  color: var(--st-text-color, #31333f); }
table { border-collapse: collapse; width: 100%; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
th { position: sticky; top: 0; background: var(--st-secondary-background-color, #f0f2f6);
  padding: 0; white-space: nowrap; font-weight: 400; text-align: left; }
th button { all: inherit; cursor: pointer; display: block; width: 100%; box-sizing: border-box;
  padding: 0.3rem 0.5rem; }
th button:focus-visible { outline: 2px solid var(--st-primary-color, #ff4b4b); outline-offset: -2px; }
th[aria-sort=ascending] button::after { content: " \u25B2"; font-size: 0.7em; }
th[aria-sort=descending] button::after { content: " \u25BC"; font-size: 0.7em; }
td { padding: 0.25rem 0.5rem; border-top: 1px solid var(--st-border-color, #e6e9ef);
  white-space: nowrap; }
th.num, .num { text-align: right; font-variant-numeric: tabular-nums; }
td[style] { background: linear-gradient(to right,
  color-mix(in srgb, var(--st-primary-color, #ff4b4b) 25%, transparent) var(--bar), transparent var(--bar)); }
`,w=new Map;function y(a,e,i,d){let u=Array.from({length:a},(o,t)=>t);if(!e&&!i)return u;let n=d?-1:1,c=e?(o,t)=>e[o]===null||e[t]===null?(e[o]===null)-(e[t]===null):n*(e[o]-e[t]):(o,t)=>n*C.compare(i[o],i[t]);return u.sort((o,t)=>c(o,t)||o-t)}function A({data:a,key:e,parentElement:i}){let d=a.columns,u=d.length?a.text[0].length:0,n=w.get(e)??{column:null,descending:!1};w.set(e,n);let c=document.createElement("table"),o=c.createCaption();o.textContent=a.label;let t=c.createTHead().insertRow(),E=c.createTBody(),b=()=>{let s=n.column,p=s===null?y(u):y(u,a.keys[s],a.text[s],n.descending);E.replaceChildren(...p.map(l=>{let r=document.createElement("tr");return d.forEach((g,x)=>{let f=r.insertCell();f.textContent=a.text[x][l],f.className=g.align;let v=g.bar?a.keys[x][l]:null;v!=null&&f.style.setProperty("--bar",`${Math.max(0,Math.min(100,v))}%`)}),r})),t.querySelectorAll("th").forEach((l,r)=>{l.setAttribute("aria-sort",r===s?n.descending?"descending":"ascending":"none")})};d.forEach((s,p)=>{let l=document.createElement("th");l.scope="col",l.className=s.align;let r=document.createElement("button");r.type="button",r.textContent=s.label,r.title=`Sort by ${s.label}`,r.addEventListener("click",()=>{n.descending=n.column===p?!n.descending:!1,n.column=p,b()}),l.append(r),t.append(l)}),b();let m=document.createElement("div");m.className="frame",m.append(c);let h=document.createElement("style");h.textContent=z,i.replaceChildren(h,m)}export{A as default,y as sortOrder};
