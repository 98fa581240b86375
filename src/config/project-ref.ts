/** A Project (v2) named in the config: its owner's login and its number, as in its URL. */
import { z } from "zod";

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export const projectRef = {
  owner: z
    .string()
    .regex(LOGIN, "must be the organisation (or user) login that owns the Project")
    .describe("The organisation (or user) that owns the Project"),
  number: z.int().min(1).describe("The Project's number, as in its URL"),
};
