import assert from "node:assert/strict";
import { completeInput } from "../../../client/ui/complete_input.ts";

const SOURCE = { commands: ["me", "msg", "nick", "who", "help"], nicks: ["bob", "Bella", "carol"] };

Deno.test("completeInput() completes a command after a leading slash", () => {
  assert.equal(completeInput("/wh", SOURCE).line, "/who ");
  assert.equal(completeInput("/ni", SOURCE).line, "/nick ");
  assert.equal(completeInput("/zz", SOURCE).line, "/zz", "no match: unchanged");
  assert.equal(completeInput("/zz", SOURCE).state, undefined);
});

Deno.test("completeInput() cycles through candidates on repeated Tabs", () => {
  const first = completeInput("/m", SOURCE);
  assert.equal(first.line, "/me ");
  const second = completeInput(first.line, SOURCE, first.state);
  assert.equal(second.line, "/msg ");
  const third = completeInput(second.line, SOURCE, second.state);
  assert.equal(third.line, "/me ");
  // Typing in between starts afresh.
  assert.equal(completeInput("/mo", SOURCE, third.state).line, "/mo");
});

Deno.test("completeInput() completes nicks in any case: first word with ': ', later with a space", () => {
  const first = completeInput("b", SOURCE);
  assert.equal(first.line, "bob: ");
  assert.equal(completeInput(first.line, SOURCE, first.state).line, "Bella: ");
  assert.equal(completeInput("hi CA", SOURCE).line, "hi carol ");
  assert.equal(completeInput("/msg car", SOURCE).line, "/msg carol ");
  assert.equal(completeInput("hi ", SOURCE).line, "hi ", "nothing to complete");
  assert.equal(completeInput("", SOURCE).line, "");
});
