# syntax=docker/dockerfile:1
# Node 22 LTS (supported to 2027-04-30): under the bench load its peak RSS is ~118 MB, Node 24's
# ~130 MB (mostly its larger binary's code pages) for ~10 % less CPU; see BENCHMARKS.md, "Runtimes".
# Build: compile TypeScript with the full dependency tree.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime: production dependencies only, non-root, health-checked on Probot's /ping.
FROM node:22-bookworm-slim
# glibc malloc: each thread that allocates gets its own arena (two are plenty here: ~7 MB less
# resident), and freed memory above 128 KiB goes back to the OS instead of a threshold that grows
# to 32 MiB (~4 MB less). Measured with bench/profile-app.ts; no CPU cost seen.
ENV NODE_ENV=production PORT=3000 MALLOC_ARENA_MAX=2 MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/lib ./lib
COPY app.yml ./
USER node
EXPOSE 3000
# Required: APP_ID, PRIVATE_KEY (or PRIVATE_KEY_PATH), WEBHOOK_SECRET.
# Optional: LOG_LEVEL (info), LOG_FORMAT (json), GHE_HOST/GHE_PROTOCOL (GitHub Enterprise Server),
#           REDIS_URL (several replicas), PORT (3000).
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Bounded heap: V8 otherwise lets a small App grow towards a limit sized for the host's RAM
# (peak RSS under load ~210 MB -> ~115 MB for ~0.5 ms more CPU per event), and lets old space grow
# 20 % past the live objects before a full GC instead of ~40 % (another ~5 MB, no measurable CPU).
# Measured with bench/profile-app.ts; the same flags are in `npm start` (test/deploy checks).
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=2", "--heap-growing-percent=20", "lib/main.js"]
