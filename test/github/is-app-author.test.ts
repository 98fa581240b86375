import { describe, expect, it } from "vitest";
import {
  type Authorship,
  GITHUB_ACTIONS_APP_ID,
  GITHUB_ACTIONS_BOT_ID,
  isAppAuthor,
} from "../../src/github/is-app-author.js";

const actionsBot = { id: GITHUB_ACTIONS_BOT_ID, login: "github-actions[bot]", type: "Bot" };
const app = (id: number) => ({ id });

describe("isAppAuthor", () => {
  it.each<[string, Authorship, number, boolean]>([
    ["an App's write", { user: { id: 5, type: "Bot" }, performed_via_github_app: app(7) }, 7, true],
    [
      "another App's write",
      { user: { id: 5, type: "Bot" }, performed_via_github_app: app(8) },
      7,
      false,
    ],
    [
      "GITHUB_TOKEN, app sent",
      { user: actionsBot, performed_via_github_app: app(GITHUB_ACTIONS_APP_ID) },
      GITHUB_ACTIONS_APP_ID,
      true,
    ],
    [
      "GITHUB_TOKEN, no app sent",
      { user: actionsBot, performed_via_github_app: null },
      GITHUB_ACTIONS_APP_ID,
      true,
    ],
    [
      "github-actions[bot] is not our App",
      { user: actionsBot, performed_via_github_app: null },
      7,
      false,
    ],
    [
      "a user named like the bot",
      { user: { id: 99, login: "github-actions[bot]", type: "User" } },
      GITHUB_ACTIONS_APP_ID,
      false,
    ],
    [
      "a user with the bot's id but not a bot",
      { user: { id: GITHUB_ACTIONS_BOT_ID, type: "User" } },
      GITHUB_ACTIONS_APP_ID,
      false,
    ],
    [
      "a deleted user (ghost)",
      { user: null, performed_via_github_app: null },
      GITHUB_ACTIONS_APP_ID,
      false,
    ],
  ])("%s", (_, item, appId, expected) => {
    expect(isAppAuthor(item, appId)).toBe(expected);
  });
});
