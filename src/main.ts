/**
 * `npm start` / the Docker image: Probot's own `run` (setup page without credentials, env, .env,
 * server), with the App's Octokit so rate-limit waits follow GitHub's headers. No logic here.
 */
import { run } from "probot";
import { AppOctokit } from "./github/app-octokit.js";
import app from "./index.js";

await run(app, { Octokit: AppOctokit });
