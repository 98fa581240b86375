import { describe, expect, it } from "vitest";
import {
  deepMerge,
  exampleEvents,
  examplePayload,
  examplePayloads,
  webhookEvent,
} from "../helpers/webhook-payloads.js";

describe("examplePayload", () => {
  it("returns a real example for event + action", () => {
    const payload = examplePayload("issues", "opened");
    expect(payload.action).toBe("opened");
    expect(payload).toHaveProperty("issue.number");
    expect(payload).toHaveProperty("repository.full_name");
  });

  it("deep-clones: mutating one result does not affect the next", () => {
    const a = examplePayload("issues", "opened");
    a.action = "mutated";
    expect(examplePayload("issues", "opened").action).toBe("opened");
  });

  it("deep-merges overrides; arrays replace; undefined deletes", () => {
    const payload = examplePayload("issues", "opened", {
      installation: { id: 9 },
      issue: { number: 42, labels: [{ name: "x" }] },
      sender: undefined,
    });
    expect(payload).toMatchObject({ installation: { id: 9 }, issue: { number: 42 } });
    expect(payload).toHaveProperty("issue.title"); // untouched sibling kept
    expect(payload).toHaveProperty("issue.labels", [{ name: "x" }]);
    expect(payload).not.toHaveProperty("sender");
    expect(deepMerge({ a: { b: 1, c: 2 } }, { a: { c: 3 } })).toEqual({ a: { b: 1, c: 3 } });
  });

  it("explains unknown events and actions", () => {
    expect(() => examplePayload("isues")).toThrow(/no example payloads for event "isues"/);
    expect(() => examplePayload("issues", "frobbed")).toThrow(/actions with examples: .*opened/);
    expect(exampleEvents()).toContain("pull_request");
    expect(examplePayloads("issue_comment", "created").length).toBeGreaterThan(1);
  });

  it("wraps a payload as a typed Probot event", () => {
    const event = webhookEvent("issues", examplePayload("issues", "opened"), "id-1");
    expect(event).toMatchObject({ id: "id-1", name: "issues" });
  });
});
