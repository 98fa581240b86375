import type { Colour } from "../types.js";

export const COLOUR_EMOJI: Record<Colour, string> = { green: "🟢", yellow: "🟡", red: "🔴" };
export const COLOUR_NAME: Record<Colour, string> = { green: "Green", yellow: "Yellow", red: "Red" };
/** Higher is worse. */
export const COLOUR_RANK: Record<Colour, number> = { green: 0, yellow: 1, red: 2 };
