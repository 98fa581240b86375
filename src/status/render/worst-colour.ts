import type { Colour } from "../types.js";
import { COLOUR_RANK } from "./colours.js";

/** Red over yellow over green; green when there is nothing. */
export function worstColour(colours: Iterable<Colour>): Colour {
  let worst: Colour = "green";
  for (const c of colours) if (COLOUR_RANK[c] > COLOUR_RANK[worst]) worst = c;
  return worst;
}
