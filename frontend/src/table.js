// A sortable table, as a Streamlit component (ui/table.py): a plain HTML <table> whose column
// headers sort it. It replaces st.dataframe in the coverage panel, whose grid and Arrow code
// held back the map's first paint (docs/decisions/0005-html-tables.md).
//
// data: {label, columns: [{label, align, bar, low}], text: [[cell, ...] per column],
//        keys: [[number | null, ...] | null per column]}
// A column with keys sorts by them (numbers); one without, by its text. A bar column also draws
// each key (a percentage) as a bar behind its cell. Low columns are dropped where the table is
// narrower than 36rem (a side column, a phone), so the key columns fit with no horizontal
// scroll; hovering a row shows all its cells.

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
// Inside the component's shadow root; Streamlit's theme reaches it as --st-* properties.
const STYLE = `
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
th[aria-sort=ascending] button::after { content: " ▲"; font-size: 0.7em; }
th[aria-sort=descending] button::after { content: " ▼"; font-size: 0.7em; }
td { padding: 0.25rem 0.5rem; border-top: 1px solid var(--st-border-color, #e6e9ef);
  overflow-wrap: anywhere; }
td.num { white-space: nowrap; }
th.num, .num { text-align: right; font-variant-numeric: tabular-nums; }
@container (max-width: 36rem) { .low { display: none; } }
td[style] { background: linear-gradient(to right,
  color-mix(in srgb, var(--st-primary-color, #ff4b4b) 25%, transparent) var(--bar), transparent var(--bar)); }
`;
// The user's sort, per table, kept across reruns (the component is rendered again each time).
const sorts = new Map();

// Row indexes in display order: by keys (nulls last) or text; ties keep the order sent.
export function sortOrder(count, keys, text, descending) {
  const order = Array.from({ length: count }, (_, i) => i);
  if (!keys && !text) return order;
  const sign = descending ? -1 : 1;
  const compare = keys
    ? (a, b) => {
        if (keys[a] === null || keys[b] === null)
          return Number(keys[a] === null) - Number(keys[b] === null);
        return sign * (keys[a] - keys[b]);
      }
    : (a, b) => sign * collator.compare(text[a], text[b]);
  return order.sort((a, b) => compare(a, b) || a - b);
}

function cellClass(column) {
  return column.low ? `${column.align} low` : column.align;
}

// Every cell of a row, dropped columns too: "name: Kyiv\ndistance (km): 1,061.2\n…".
export function rowTitle(columns, text, row) {
  return columns.map((column, i) => `${column.label}: ${text[i][row]}`).join("\n");
}

export default function render({ data, key, parentElement }) {
  const columns = data.columns;
  const rowCount = columns.length ? data.text[0].length : 0;
  const sort = sorts.get(key) ?? { column: null, descending: false };
  sorts.set(key, sort);

  const table = document.createElement("table");
  const caption = table.createCaption();
  caption.textContent = data.label;
  const head = table.createTHead().insertRow();
  const body = table.createTBody();

  const drawBody = () => {
    const c = sort.column;
    const order =
      c === null
        ? sortOrder(rowCount)
        : sortOrder(rowCount, data.keys[c], data.text[c], sort.descending);
    body.replaceChildren(
      ...order.map((row) => {
        const tr = document.createElement("tr");
        columns.forEach((column, i) => {
          const td = tr.insertCell();
          td.textContent = data.text[i][row];
          td.className = cellClass(column);
          const bar = column.bar ? data.keys[i][row] : null;
          if (bar != null) td.style.setProperty("--bar", `${Math.max(0, Math.min(100, bar))}%`);
        });
        tr.title = rowTitle(columns, data.text, row);
        return tr;
      }),
    );
    head.querySelectorAll("th").forEach((th, i) => {
      th.setAttribute(
        "aria-sort",
        i === c ? (sort.descending ? "descending" : "ascending") : "none",
      );
    });
  };

  columns.forEach((column, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.className = cellClass(column);
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = column.label;
    button.title = `Sort by ${column.label}`;
    // First click ascending, then each click reverses.
    button.addEventListener("click", () => {
      sort.descending = sort.column === i ? !sort.descending : false;
      sort.column = i;
      drawBody();
    });
    th.append(button);
    head.append(th);
  });
  drawBody();

  const frame = document.createElement("div");
  frame.className = "frame";
  frame.append(table);
  const style = document.createElement("style");
  style.textContent = STYLE;
  parentElement.replaceChildren(style, frame);
}
