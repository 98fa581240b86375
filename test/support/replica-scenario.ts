/**
 * The delivery script shared by the reliability tests: waves of concurrent deliveries on the
 * sample repository's items, with the items changing between waves, and the expectations that
 * follow from it (verdict per item, per PR head SHA, which items ever failed).
 *
 * Each wave's deliveries are built from the state as it is at the start of the wave, so every
 * delivery of a wave carries the same item state and the final state cannot depend on the order
 * in which concurrent deliveries win the item lock.
 */
import { BODIES, SAMPLE_FIX } from "../../dev/fake-github/seed.js";
import { prng } from "../../dev/fake-github/server.js";
import type { FakeIssue } from "../../dev/fake-github/state.js";
import {
  type Cluster,
  checkRunsOn,
  isSticky,
  itemDelivery,
  itemView,
  type PlannedDelivery,
} from "./replica-cluster.js";

export type Verdict = "success" | "failure" | "neutral";

export interface Send {
  delivery: PlannedDelivery;
  /** Index of the replica it goes to. */
  replica: number;
}

const ISSUE_ACTIONS = ["edited", "labeled", "assigned", "edited"] as const;
const PR_ACTIONS = ["edited", "labeled", "assigned", "synchronize"] as const;

export class ItemScenario {
  /** Verdict of each item after the latest change (sample verdicts: dev/fake-github/seed.ts). */
  readonly verdicts = new Map<number, Verdict>([
    [1, "success"],
    [2, "failure"],
    [3, "failure"],
    [4, "failure"],
    [5, "failure"],
    [6, "failure"],
    [7, "success"],
    [8, "failure"],
    [9, "neutral"],
  ]);
  /** Items that received a delivery while failing: they must end with one sticky comment. */
  readonly everFailed = new Set<number>();
  /** Verdict at each item's last delivery. */
  readonly finalVerdict = new Map<number, Verdict>();
  /** Verdict for the last state delivered on each PR head SHA. */
  readonly expectedBySha = new Map<string, Verdict>();
  duplicatesSent = 0;
  readonly #random: () => number;
  #shaCounter = 0;

  constructor(
    private readonly cluster: Cluster,
    seed: number,
    private readonly replicas = 2,
  ) {
    this.#random = prng(seed);
  }

  pick<T>(list: readonly T[]): T {
    const value = list[Math.floor(this.#random() * list.length)];
    if (value === undefined) throw new Error("pick from an empty list");
    return value;
  }

  /** A replica chosen by the "load balancer". */
  replica(): number {
    return Math.floor(this.#random() * this.replicas);
  }

  issue(n: number): FakeIssue {
    const found = this.cluster.repo.issues.get(n);
    if (!found) throw new Error(`no #${n}`);
    return found;
  }

  #touch(i: FakeIssue): void {
    i.updatedAt = new Date().toISOString();
    this.cluster.gh.state.touch();
  }

  #edit(n: number, body: string, verdict: Verdict): void {
    const i = this.issue(n);
    i.body = body;
    this.#touch(i);
    this.verdicts.set(n, verdict);
  }

  #push(n: number): void {
    const i = this.issue(n);
    if (!i.pull) throw new Error(`#${n} is not a PR`);
    i.pull.headSha = (0xabc000 + ++this.#shaCounter).toString(16).padStart(8, "0").repeat(5);
    this.#touch(i);
  }

  /** What changes on GitHub before wave `w` (the wave then carries the events about it). */
  mutate(w: number): void {
    switch (w) {
      case 0: // freshly opened PRs: `opened` trusts that the head commit is new
        for (const n of [7, 8, 9]) this.#touch(this.issue(n));
        break;
      case 2: // #2 gets an owner
        this.#edit(2, BODIES.complete.replace("@alice", "@erin"), "success");
        break;
      case 3: // the author of PR #8 fixes its description
        this.#edit(8, SAMPLE_FIX.body, "success");
        break;
      case 4: // a new commit on a passing PR
        this.#push(7);
        break;
      case 5: // someone breaks a passing issue
        this.#edit(1, BODIES.noOwner, "failure");
        break;
      case 6: // a new commit on the fixed PR; the passing PR loses its owner and checklist
        this.#push(8);
        this.#edit(7, BODIES.noOwner, "failure");
        break;
      case 8: // both fixed again: their comments turn all-clear
        this.#edit(1, BODIES.complete, "success");
        this.#push(7);
        this.#edit(7, BODIES.complete, "success");
        break;
    }
  }

  #randomAction(i: FakeIssue): string {
    return this.pick(i.pull ? PR_ACTIONS : ISSUE_ACTIONS);
  }

  /**
   * One wave of `size` sends: in wave 0 every open item is opened; each wave has a burst of
   * opened/synchronize + labeled + assigned on one PR on alternating replicas, `duplicates`
   * deliveries sent to every replica at once, and random events on random items.
   */
  planWave(w: number, size: number, duplicates: number): Send[] {
    const sends: Send[] = [];
    let n = 0;
    const id = () => `w${w}-d${++n}`;
    const add = (delivery: PlannedDelivery, replica = this.replica()) =>
      sends.push({ delivery, replica });
    const numbers = [...this.cluster.repo.issues.values()]
      .filter((i) => i.state === "open")
      .map((i) => i.number);
    if (w === 0) {
      for (const num of numbers) add(itemDelivery(this.cluster, this.issue(num), "opened", id()));
    }
    const burst = this.issue(this.pick([7, 8]));
    for (const action of [w === 0 ? "opened" : "synchronize", "labeled", "assigned"]) {
      add(itemDelivery(this.cluster, burst, action, id()), sends.length % this.replicas);
    }
    const randomSend = () => {
      const i = this.issue(this.pick(numbers));
      return itemDelivery(this.cluster, i, this.#randomAction(i), id());
    };
    const half = Math.max(0, size - duplicates * this.replicas - sends.length) >> 1;
    for (let k = 0; k < half; k++) add(randomSend());
    for (let k = 0; k < duplicates; k++) {
      const d = randomSend();
      for (let r = 0; r < this.replicas; r++) add(d, r);
      this.duplicatesSent++;
    }
    while (sends.length < size) add(randomSend());
    this.#expect(sends);
    return sends;
  }

  #expect(sends: Send[]): void {
    for (const n of new Set(sends.map((s) => s.delivery.number))) {
      const verdict = this.verdicts.get(n);
      if (verdict === undefined) throw new Error(`no verdict for #${n}`);
      if (verdict === "failure") this.everFailed.add(n);
      this.finalVerdict.set(n, verdict);
      const sha = this.issue(n).pull?.headSha;
      if (sha) this.expectedBySha.set(sha, verdict);
    }
  }

  /**
   * Everything wrong with the final state, as readable lines (empty when all is well): sticky
   * comments, check runs per head SHA (count, conclusion, no rewrite with the same output) and
   * the managed labels.
   */
  finalStateProblems(): string[] {
    const problems: string[] = [];
    for (const [n, verdict] of this.finalVerdict) {
      const view = itemView(this.cluster, n);
      const sticky = view.appComments.filter(isSticky);
      if (sticky.length !== view.appComments.length)
        problems.push(`#${n}: App comments without the sticky marker`);
      const want = this.everFailed.has(n) ? 1 : 0;
      if (sticky.length !== want)
        problems.push(`#${n}: ${sticky.length} sticky comments, expected ${want}`);
      const [body] = sticky;
      const icon = verdict === "failure" ? "❌" : "✅";
      if (body !== undefined && !body.includes(icon))
        problems.push(`#${n}: comment does not say ${icon} (final verdict ${verdict})`);
      const managed = view.labels.filter((l) => l.startsWith("ownership:"));
      if ((verdict === "failure") !== managed.length > 0)
        problems.push(`#${n}: labels [${managed.join(", ")}] for verdict ${verdict}`);
    }
    for (const [sha, verdict] of this.expectedBySha) {
      const runs = checkRunsOn(this.cluster, sha);
      if (runs.length !== 1) problems.push(`${sha}: ${runs.length} Ownership check runs`);
      for (const run of runs) {
        if (run.conclusion !== verdict)
          problems.push(`${sha}: check ${run.conclusion ?? "none"}, expected ${verdict}`);
        run.history.forEach((version, k) => {
          const previous = run.history[k - 1];
          if (previous && JSON.stringify(previous) === JSON.stringify(version))
            problems.push(`${sha}: version ${k} rewrote the same output`);
        });
      }
    }
    const unexpected = this.cluster.repo.checkRuns.filter(
      (r) => !this.expectedBySha.has(r.headSha),
    );
    for (const run of unexpected) problems.push(`check run on unexpected SHA ${run.headSha}`);
    return problems;
  }
}
