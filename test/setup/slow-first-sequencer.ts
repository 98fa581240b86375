/**
 * Vitest's order, except that the crash drills start first: they take ~100 s each, mostly
 * waiting on production write pacing, so started last (a fresh clone has no timing cache and
 * runs large files first) they alone would add a minute and a half to the suite.
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

const SLOW = /test\/reliability\/crash[^/]*\.test\.ts$/;

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const slow = sorted.filter((f) => SLOW.test(f.moduleId));
    return [...slow, ...sorted.filter((f) => !SLOW.test(f.moduleId))];
  }
}
