// Unit tests of the sortable table's order (node --test); ui/table.py sends what it sorts.

import assert from "node:assert/strict";
import { test } from "node:test";
import { rowTitle, sortOrder } from "../src/table.js";

test("unsorted, rows keep the order they were sent in", () => {
  assert.deepEqual(sortOrder(3), [0, 1, 2]);
});

test("numbers sort by value, missing values last either way", () => {
  const keys = [10, null, 2.5, 100];
  assert.deepEqual(sortOrder(4, keys, ["10", "", "2.5", "100"], false), [2, 0, 3, 1]);
  assert.deepEqual(sortOrder(4, keys, ["10", "", "2.5", "100"], true), [3, 0, 2, 1]);
});

test("text sorts as people read it: case, accents and digits", () => {
  const text = ["Örebro", "oslo", "Athens", "Site 10", "Site 9"];
  assert.deepEqual(sortOrder(5, null, text, false), [2, 0, 1, 4, 3]);
});

test("ties keep the order sent, in both directions", () => {
  assert.deepEqual(sortOrder(3, [1, 1, 0], null, false), [2, 0, 1]);
  assert.deepEqual(sortOrder(3, [1, 1, 0], null, true), [0, 1, 2]);
});

test("a row's title holds every cell, dropped columns too", () => {
  const columns = [{ label: "name" }, { label: "distance (km)" }, { label: "from site" }];
  const text = [
    ["Kyiv", "Lviv"],
    ["1,061.2", "1,520.0"],
    ["Kapustin Yar", "Shuya"],
  ];
  assert.equal(rowTitle(columns, text, 1), "name: Lviv\ndistance (km): 1,520.0\nfrom site: Shuya");
});
