// What background work needs on Node (senders, pacing, statistics), built from the settings.
import type { AppConfig } from "../config/schema.js";
import type { Keyring } from "../crypto/keys.js";
import type { Db } from "../db/client.js";
import type { Logger } from "../log.js";
import type { WorkDeps } from "./runner.js";
import { createPacer } from "../outbox/pacing.js";
import { criteriaRegistry } from "../compliance/criteria.js";
import { defaultComplianceDeps } from "../compliance/service.js";
import { createNodeReportRenderers } from "../reports/node-renderers.js";
import { coreSettingsOf } from "./settings.js";

export function buildWorkDeps(opts: { config: AppConfig; db: Db; keys: Keyring; log: Logger; now: () => Date; senders: WorkDeps["senders"] }): WorkDeps {
  const { config, db, keys, log, now, senders } = opts;
  return {
    db,
    keys,
    log,
    now,
    senders,
    pacer: createPacer(),
    compliance: defaultComplianceDeps({ criteria: criteriaRegistry(), renderers: createNodeReportRenderers(), ...config.compliance }),
    settings: coreSettingsOf(config),
  };
}
