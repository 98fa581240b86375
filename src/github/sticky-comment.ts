import {
  type CommentPlan,
  describeComment,
  type ExistingComment,
} from "../core/publish/plan-comment.js";
import { STICKY_MARKER } from "../core/render/sticky-comment.js";
import { getJson, type Store, setJson } from "../store/store.js";
import { type Authorship, isAppAuthor } from "./is-app-author.js";
import { httpStatus, type Octokit } from "./octokit.js";

const STATE_TTL = 14 * 24 * 3600;

export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

/** Cached knowledge of the sticky comment (id, digest, waiver), or that there is none. */
type Known = { comment: ExistingComment | null };

const stateKey = (ref: IssueRef) => `comment:${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();

/** Entries written before the digest replaced the text (a shared Redis outlives a deploy) are misses. */
const isCurrentShape = (known: Known): boolean =>
  known.comment === null || typeof known.comment?.digest === "string";

interface CommentShape extends Authorship {
  id: number;
  body?: string | undefined;
}

/**
 * Ours = carries the marker AND was written by this App (as a GitHub Action with GITHUB_TOKEN:
 * by github-actions[bot]); a user pasting the marker is ignored.
 */
export function isOurs(comment: CommentShape, appId: number): boolean {
  return (
    comment.user?.type === "Bot" &&
    isAppAuthor(comment, appId) &&
    (comment.body ?? "").includes(STICKY_MARKER)
  );
}

/**
 * The App's sticky comment on an item. The store answers first; an item GitHub says has no
 * comments needs no request; otherwise every page is read until the comment is found.
 */
export async function findStickyComment(params: {
  octokit: Octokit;
  store: Store;
  ref: IssueRef;
  appId: number;
  commentCount: number | undefined;
}): Promise<ExistingComment | undefined> {
  const { octokit, store, ref, appId } = params;
  const known = await getJson<Known>(store, stateKey(ref));
  if (known && isCurrentShape(known)) return known.comment ?? undefined;
  let found: ExistingComment | undefined;
  if (params.commentCount !== 0) {
    const pages = octokit.paginate.iterator(
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      {
        owner: ref.owner,
        repo: ref.repo,
        issue_number: ref.number,
        per_page: 100,
      },
    );
    for await (const page of pages) {
      const ours = page.data.find((c) => isOurs(c, appId));
      if (ours) {
        found = describeComment(Number(ours.id), ours.body ?? "");
        break;
      }
    }
  }
  await setJson(store, stateKey(ref), { comment: found ?? null } satisfies Known, STATE_TTL);
  return found;
}

/** Carries out a comment plan and records the result, so the next event needs no lookup. */
export async function applyCommentPlan(params: {
  octokit: Octokit;
  store: Store;
  ref: IssueRef;
  plan: CommentPlan;
}): Promise<void> {
  const { octokit, store, ref, plan } = params;
  const { owner, repo, number: issue_number } = ref;
  const create = async (body: string): Promise<ExistingComment> => {
    const { data } = await octokit.request(
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      { owner, repo, issue_number, body },
    );
    return describeComment(Number(data.id), body);
  };
  let comment: ExistingComment | null;
  switch (plan.action) {
    case "none":
      return;
    case "create":
      comment = await create(plan.body);
      break;
    case "update":
      try {
        await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner,
          repo,
          comment_id: plan.id,
          body: plan.body,
        });
        comment = describeComment(plan.id, plan.body);
      } catch (error) {
        if (httpStatus(error) !== 404) throw error;
        comment = await create(plan.body); // someone deleted it by hand: one comment again
      }
      break;
    case "delete":
      try {
        await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          owner,
          repo,
          comment_id: plan.id,
        });
      } catch (error) {
        if (httpStatus(error) !== 404) throw error;
      }
      comment = null;
      break;
  }
  await setJson(store, stateKey(ref), { comment } satisfies Known, STATE_TTL);
}

/** Someone edited or deleted comments: forget what we knew. */
export function forgetStickyComment(store: Store, ref: IssueRef) {
  return store.delete(stateKey(ref));
}
