// An edit lost with a dropped connection is sent again, once answered it is forgotten, and
// after three sends the map says it did not arrive (contract.js).

import assert from "node:assert/strict";
import { test } from "node:test";
import { answerPendingEdit, sendEdit } from "../src/contract.js";

/** @returns {import("../src/contract.js").EditSender & {sent: any[]}} */
function fakeMap() {
  const sent = [];
  return {
    sent,
    component: { setTriggerValue: (name, value) => sent.push([name, value]) },
    pendingEdit: null,
    queuedEdits: [],
    session: "s1",
    statusLine: { textContent: "", hidden: true },
  };
}
/** @type {import("../src/contract.js").Edit} */
const MOVE = { action: "move", id: "0", lat: 50, lon: 40, from: [48.58, 45.74] };

test("each edit gets a key of its own", () => {
  const map = fakeMap();
  sendEdit(map, MOVE);
  answerPendingEdit(map, { session: "s1", edit_key: map.sent[0][1].key });
  sendEdit(map, MOVE);
  const [first, second] = map.sent.map(([, edit]) => edit.key);
  assert.notEqual(first, second);
  assert.deepEqual({ ...map.sent[0][1], key: undefined }, { ...MOVE, key: undefined });
});

test("an answered edit is forgotten and not sent again", () => {
  const map = fakeMap();
  sendEdit(map, MOVE);
  const key = map.sent[0][1].key;
  answerPendingEdit(map, { session: "s1", edit_key: key });
  assert.equal(map.pendingEdit, null);
  assert.equal(map.sent.length, 1);
});

test("a run of the same session without the answer yet waits", () => {
  const map = fakeMap();
  sendEdit(map, MOVE);
  answerPendingEdit(map, { session: "s1", edit_key: null });
  assert.equal(map.sent.length, 1);
  assert.notEqual(map.pendingEdit, null);
});

test("a new session (the page reconnected) gets the edit again, the same key", () => {
  const map = fakeMap();
  sendEdit(map, MOVE);
  answerPendingEdit(map, { session: "s2", edit_key: null });
  assert.equal(map.sent.length, 2);
  assert.equal(map.sent[1][1].key, map.sent[0][1].key);
  answerPendingEdit(map, { session: "s3", edit_key: null });
  answerPendingEdit(map, { session: "s4", edit_key: null });
  assert.equal(map.sent.length, 3);
  assert.equal(map.pendingEdit, null);
  assert.match(map.statusLine.textContent, /did not reach the server/);
  assert.equal(map.statusLine.hidden, false);
});

test("edits made while one is in flight wait, moves of one site merged", () => {
  const map = fakeMap();
  sendEdit(map, MOVE);
  for (let i = 1; i <= 100; i++) {
    sendEdit(map, { action: "move", id: "1", lat: i, lon: i, from: [i - 1, i - 1], key: "" });
  }
  sendEdit(map, { action: "add", id: null, lat: 5, lon: 5, from: null });
  assert.equal(map.sent.length, 1);
  answerPendingEdit(map, { session: "s1", edit_key: map.sent[0][1].key });
  assert.equal(map.sent.length, 2);
  const merged = map.sent[1][1];
  assert.deepEqual([merged.lat, merged.from], [100, [0, 0]]);
  answerPendingEdit(map, { session: "s1", edit_key: merged.key });
  assert.equal(map.sent[2][1].action, "add");
  assert.equal(map.sent.length, 3);
});
