/**
 * Validates a GraphQL document (and optionally its variables) against GitHub's
 * public GraphQL schema shipped by @octokit/graphql-schema.
 *
 * `validate` from @octokit/graphql-schema checks the document (fields, arguments,
 * fragments, variable usage). Variables are additionally coerced against the
 * operation's variable definitions with graphql-js's `getVariableValues`, because
 * GitHub rejects a request whose `$owner: String!` is missing or has the wrong type.
 *
 * Note: `graphql` is a dependency of @octokit/graphql-schema, imported directly here.
 */
import { schema as githubSchema, validate } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  type GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type IntrospectionQuery,
  Kind,
  parse,
} from "graphql";

let clientSchema: GraphQLSchema | undefined;

function formatError(error: GraphQLError): string {
  const where = (error.locations ?? []).map((l) => `${l.line}:${l.column}`).join(", ");
  return where ? `${error.message} (at ${where})` : error.message;
}

function isIntrospection(value: unknown): value is IntrospectionQuery {
  return isRecord(value) && isRecord(value.__schema);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Returns human-readable problems; empty means GitHub's schema accepts the query
 * (and, when given, the variables).
 */
export function validateGitHubGraphQL(query: string, variables?: unknown): string[] {
  let errors: readonly GraphQLError[];
  try {
    errors = validate(query);
  } catch (error) {
    // graphql-tag throws a GraphQLError on syntax errors.
    return [`GraphQL syntax error: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (errors.length > 0) return errors.map(formatError);

  if (variables !== undefined && variables !== null && !isRecord(variables)) {
    return ["GraphQL variables must be an object"];
  }
  const inputs = isRecord(variables) ? variables : {};
  if (!clientSchema) {
    const introspection: unknown = githubSchema.json;
    if (!isIntrospection(introspection))
      throw new Error("@octokit/graphql-schema: bad schema.json");
    clientSchema = buildClientSchema(introspection);
  }
  const problems: string[] = [];
  for (const definition of parse(query).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const result = getVariableValues(clientSchema, definition.variableDefinitions ?? [], inputs);
    if (result.errors) problems.push(...result.errors.map(formatError));
  }
  return problems;
}
