// What background work needs on Node (senders, pacing, statistics), built from the settings.
import type { AppConfig } from "../../../src/config/schema.js";
import type { Keyring } from "../../../src/crypto/keys.js";
import type { Db } from "../../../src/db/client.js";
import type { Logger } from "../../../src/log.js";
import type { WorkDeps } from "./runner.js";
import { createPacer } from "../../../src/outbox/pacing.js";
import { criteriaRegistry } from "../../../src/compliance/criteria.js";
import { defaultComplianceDeps } from "../../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../../src/reports/node-renderers.js";
import { coreSettingsOf } from "../../../src/config/core-settings.js";

export function buildWorkDeps(opts: { config: AppConfig; db: Db; keys: Keyring; log: Logger; now: () => Date; senders: WorkDeps["senders"]; articles?: WorkDeps["articles"] }): WorkDeps {
  const { config, db, keys, log, now, senders, articles } = opts;
  return {
    articles,
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
