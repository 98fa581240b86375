import type { ReportModel } from "../../types.js";
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
    inProgressSection(model),
    agedSection("Blockers", "No blockers.", model.blockers),
    agedSection("Decisions needed", "No decisions needed.", model.decisions),
    agedSection("Risks", "No risks.", model.risks),
    milestonesSection(model),
    prioritySection(model),
    ownershipGapsSection(model),
    staleSection(model),
    ...followupSections(model),
  ];
}
