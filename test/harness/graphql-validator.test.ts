import { describe, expect, it } from "vitest";
import { validateGitHubGraphQL } from "../helpers/graphql-validator.js";

const issuesQuery = /* GraphQL */ `
  query ($owner: String!, $name: String!, $cursor: String) {
    repository(owner: $owner, name: $name) {
      issues(first: 100, after: $cursor) {
        nodes { number title }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

describe("validateGitHubGraphQL", () => {
  it("accepts a valid query with literal arguments", () => {
    expect(
      validateGitHubGraphQL(`{
        repository(owner: "o", name: "r") {
          issues(first: 100) { nodes { number title } pageInfo { hasNextPage endCursor } }
        }
      }`),
    ).toEqual([]);
  });

  it("accepts a valid query with variables", () => {
    expect(validateGitHubGraphQL(issuesQuery, { owner: "o", name: "r", cursor: null })).toEqual([]);
  });

  it("rejects an unknown field", () => {
    const errors = validateGitHubGraphQL(
      `{ repository(owner: "o", name: "r") { issues(first: 100) { nodes { number titel } } } }`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Cannot query field "titel" on type "Issue"/);
  });

  it("rejects syntax errors", () => {
    expect(validateGitHubGraphQL("{ repository(owner: ")[0]).toMatch(/^GraphQL syntax error/);
  });

  it("rejects missing or mistyped variables", () => {
    expect(validateGitHubGraphQL(issuesQuery, { owner: "o" })[0]).toMatch(
      /Variable "\$name" of required type "String!" was not provided/,
    );
    expect(validateGitHubGraphQL(issuesQuery, { owner: "o", name: 5 })[0]).toMatch(
      /Variable "\$name" got invalid value 5/,
    );
  });
});
