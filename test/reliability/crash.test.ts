/**
 * Issue 14's drill on real processes and a real redis-server: a replica killed mid-burst loses
 * nothing, with no manual redelivery of the jobs it had taken (see test/support/crash-scenario.ts).
 * Throttling is on, as in production, so a run takes about a minute and a half.
 */
import { describeCrashDrill } from "../support/crash-scenario.js";

describeCrashDrill("crash-safe deliveries: two replicas, one SIGKILLed mid-burst", {});
