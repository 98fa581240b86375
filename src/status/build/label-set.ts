import type { StatusItem } from "../types.js";

const normalise = (label: string) => label.trim().replace(/\s+/g, " ").toLowerCase();

/** Label names matched case- and whitespace-insensitively. */
export class LabelSet {
  private readonly names: Set<string>;
  constructor(names: readonly string[]) {
    this.names = new Set(names.map(normalise));
  }
  matches(item: StatusItem): boolean {
    return item.labels.some((l) => this.has(l));
  }
  has(label: string): boolean {
    return this.names.has(normalise(label));
  }
}
