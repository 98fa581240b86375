import type { ReportModel } from "../../types.js";
import { blockersSection } from "../planning/blockers-section.js";
import { epicsSection } from "../planning/epics-section.js";
import { inProgressByTypeSection } from "../planning/in-progress-by-type-section.js";
import type { Section } from "../section.js";
import { agedSection } from "./aged-section.js";
import { followupSections } from "./followup-sections.js";
import { inProgressSection } from "./in-progress-section.js";
import { milestonesSection } from "./milestones-section.js";
import { ownershipGapsSection } from "./ownership-gaps-section.js";
import { prioritySection } from "./priority-section.js";
import { shippedSection } from "./shipped-section.js";
import { staleSection } from "./stale-section.js";

/** The report's sections below the status update, in order. */
export function reportSections(model: ReportModel): Section[] {
  return [
    shippedSection(model),
    model.inProgressByType ? inProgressByTypeSection(model) : inProgressSection(model),
    blockersSection(model),
    agedSection("Decisions needed", "No decisions needed.", model.decisions),
    agedSection("Risks", "No risks.", model.risks),
    milestonesSection(model),
    ...epicsSection(model),
    prioritySection(model),
    ownershipGapsSection(model),
    staleSection(model),
    ...followupSections(model),
  ];
}
