import { describe, expect, it } from "vitest";
import { type DeliveryAttempt, planRedeliveries } from "../../src/delivery/plan-redeliveries.js";

let nextId = 1;
/** One attempt `minutes` after 10:00, answered `status`. */
const at = (guid: string, minutes: number, status: number): DeliveryAttempt => ({
  id: nextId++,
  guid,
  delivered_at: new Date(Date.parse("2026-12-07T10:00:00Z") + minutes * 60_000).toISOString(),
  status_code: status,
  event: "pull_request",
  action: "opened",
});

const guids = (plan: { redeliver: DeliveryAttempt[] }) => plan.redeliver.map((a) => a.guid);
const none = new Map<string, number>();

describe("planRedeliveries", () => {
  it("redelivers deliveries whose latest attempt failed (5xx, 4xx, unreachable), oldest first", () => {
    const plan = planRedeliveries({
      attempts: [
        at("ok", 1, 200),
        at("c", 5, 0),
        at("a", 2, 500),
        at("b", 3, 404),
        at("d", 4, 202),
      ],
      asked: none,
      oldest: 0,
    });
    expect(guids(plan)).toEqual(["a", "b", "c"]);
    expect(plan.cursor).toBe("2026-12-07T10:05:00.000Z");
  });

  it("a failure followed by a successful redelivery is done; one that failed again is retried", () => {
    const plan = planRedeliveries({
      attempts: [
        at("healed", 1, 502),
        at("healed", 6, 200),
        at("again", 2, 502),
        at("again", 7, 500),
      ],
      asked: new Map([
        ["healed", 1],
        ["again", 1],
      ]),
      oldest: 0,
    });
    expect(guids(plan)).toEqual(["again"]);
    expect(plan.redeliver[0]?.delivered_at).toBe("2026-12-07T10:07:00.000Z"); // the latest attempt
  });

  it("gives up on a delivery after maxPerDelivery redeliveries", () => {
    const plan = planRedeliveries({
      attempts: [at("stuck", 1, 500)],
      asked: new Map([["stuck", 3]]),
      oldest: 0,
    });
    expect(plan).toMatchObject({ redeliver: [], exhausted: 1 });
  });

  it("leaves out attempts older than the window", () => {
    const plan = planRedeliveries({
      attempts: [at("old", 1, 500), at("new", 20, 500)],
      asked: none,
      oldest: Date.parse("2026-12-07T10:10:00Z"),
    });
    expect(guids(plan)).toEqual(["new"]);
  });

  it("bounds a run, and keeps the cursor before the first failure it deferred", () => {
    const attempts = Array.from({ length: 30 }, (_, i) => at(`g${i}`, i, 500));
    attempts.push(at("later-ok", 40, 200));
    const plan = planRedeliveries({
      attempts,
      asked: none,
      oldest: 0,
      limits: { maxPerRun: 25, maxPerDelivery: 3 },
    });
    expect(plan.redeliver).toHaveLength(25);
    expect(plan.deferred).toBe(5);
    expect(guids(plan).at(-1)).toBe("g24");
    expect(plan.cursor).toBe("2026-12-07T10:24:59.999Z"); // g25 is read again next run
  });

  it("reads nothing: no plan, no cursor", () => {
    expect(planRedeliveries({ attempts: [], asked: none, oldest: 0 })).toEqual({
      redeliver: [],
      deferred: 0,
      exhausted: 0,
      cursor: undefined,
    });
  });
});
