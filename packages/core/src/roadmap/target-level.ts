/**
 * The recommended target MLOps level, from the feasibility worksheet's answers.
 *
 * Google Cloud ("MLOps: Continuous delivery and automation pipelines in machine learning") places
 * level 0 as sufficient for models that "rarely change or are retrained", level 1 for models retrained
 * frequently on new data (continuous training against changing environments), and level 2 for teams
 * that must "rapidly and reliably" update pipelines in production, typically many models or frequent
 * retraining. The rules below encode that: each answer proposes a minimum level with a reason, and the
 * recommendation is the highest of them.
 */
import { err, ok, type Result } from '../shared';
import type { MaturityLevel } from './maturity-items';

export type RetrainingCadence =
  | 'never'
  | 'yearly'
  | 'quarterly'
  | 'monthly'
  | 'weekly'
  | 'daily'
  | 'continuous';

export type Severity = 'low' | 'medium' | 'high';

/** Worksheet answers that bear on the target level; all optional, missing ones propose nothing. */
export interface TargetLevelInputs {
  /** Worksheet H: how often the model must be retrained. */
  readonly retrainingCadence?: RetrainingCadence;
  /** How many models the team runs (or will run) in production with this process. */
  readonly numberOfModels?: number;
  /** Worksheet A: what errors cost; `high` = money, safety or legal exposure. */
  readonly costOfErrors?: Severity;
  /** How fast the input data or the world it describes changes. */
  readonly dataDrift?: 'none' | 'slow' | 'fast';
  /** Whether auditors or regulation require tracing each prediction to its model and data. */
  readonly auditRequired?: boolean;
}

export interface TargetLevelOverride {
  readonly level: MaturityLevel;
  readonly reason: string;
}

export interface TargetLevelRecommendation {
  /** The level to plan for: the override's when there is one, else the recommended one. */
  readonly level: MaturityLevel;
  /** What the rules recommend, before any override. */
  readonly recommendedLevel: MaturityLevel;
  /** One line per rule that fired (and the override's reason last), in rule order. */
  readonly reasons: readonly string[];
  readonly overridden: boolean;
}

export type TargetLevelError =
  | { readonly code: 'override_reason_required'; readonly message: string }
  | { readonly code: 'invalid_number_of_models'; readonly message: string };

/** Models at or above this count make manual (level 0) operation unsustainable. */
export const MANY_MODELS_LEVEL_1 = 3;
/** Models at or above this count call for CI/CD of pipelines (level 2). */
export const MANY_MODELS_LEVEL_2 = 10;

const CADENCE_LEVEL: Readonly<Record<RetrainingCadence, MaturityLevel>> = {
  never: 0,
  yearly: 0,
  quarterly: 0,
  monthly: 1,
  weekly: 2,
  daily: 2,
  continuous: 2,
};

/**
 * Recommends a target MLOps level from worksheet answers. Rules (the highest proposal wins):
 * - retraining cadence: never / yearly / quarterly → 0 (manual retraining a few times a year is
 *   manageable); monthly → 1 (continuous training); weekly, daily or continuous → 2;
 * - number of models: ≥ 3 → 1, ≥ 10 → 2;
 * - fast data drift → 1 (drift monitoring and continuous training);
 * - high cost of errors → 1 (data and model validation, monitoring, rollback);
 * - audit required → 1 (ML metadata and lineage).
 * With no rule firing the recommendation is 0, with a reason saying so. An override replaces the
 * level and must give a non-empty reason, which is kept in `reasons`.
 *
 * @example
 * recommendTargetLevel({ retrainingCadence: 'weekly' }); // ok({ level: 2, reasons: ['Retraining weekly …'], … })
 */
export function recommendTargetLevel(
  inputs: TargetLevelInputs,
  override?: TargetLevelOverride,
): Result<TargetLevelRecommendation, TargetLevelError> {
  const proposals: { level: MaturityLevel; reason: string }[] = [];
  const { retrainingCadence, numberOfModels, costOfErrors, dataDrift, auditRequired } = inputs;

  if (retrainingCadence !== undefined) {
    const level = CADENCE_LEVEL[retrainingCadence];
    const reason =
      level === 2
        ? `Retraining ${retrainingCadence} needs pipelines that are built, tested and deployed automatically (level 2).`
        : level === 1
          ? `Retraining ${retrainingCadence} calls for an automated training pipeline with continuous training (level 1).`
          : retrainingCadence === 'never'
            ? 'A model that is never retrained can be operated by hand (level 0 suffices).'
            : `Retraining ${retrainingCadence} can be done by hand (level 0 suffices).`;
    proposals.push({ level, reason });
  }

  if (numberOfModels !== undefined) {
    if (!Number.isInteger(numberOfModels) || numberOfModels < 0) {
      return err({
        code: 'invalid_number_of_models',
        message: `The number of models must be a non-negative integer (got ${numberOfModels}).`,
      });
    }
    if (numberOfModels >= MANY_MODELS_LEVEL_2) {
      proposals.push({
        level: 2,
        reason: `${numberOfModels} models are too many to release by hand: CI/CD of pipelines (level 2).`,
      });
    } else if (numberOfModels >= MANY_MODELS_LEVEL_1) {
      proposals.push({
        level: 1,
        reason: `${numberOfModels} models need a shared, automated training pipeline (level 1).`,
      });
    }
  }

  if (dataDrift === 'fast') {
    proposals.push({
      level: 1,
      reason: 'Fast-changing data needs drift monitoring and continuous training (level 1).',
    });
  }
  if (costOfErrors === 'high') {
    proposals.push({
      level: 1,
      reason: 'Costly errors need automated data and model validation, monitoring and rollback (level 1).',
    });
  }
  if (auditRequired === true) {
    proposals.push({
      level: 1,
      reason: 'Audits need each model traced to its data and code through ML metadata (level 1).',
    });
  }

  const recommendedLevel: MaturityLevel = proposals.some((proposal) => proposal.level === 2)
    ? 2
    : proposals.some((proposal) => proposal.level === 1)
      ? 1
      : 0;
  const reasons = proposals.length
    ? proposals.map((proposal) => proposal.reason)
    : ['No worksheet answer calls for automation: a manual process (level 0) is enough to start.'];

  if (override === undefined) {
    return ok({ level: recommendedLevel, recommendedLevel, reasons, overridden: false });
  }
  const reason = override.reason.trim();
  if (reason === '') {
    return err({
      code: 'override_reason_required',
      message: 'Overriding the recommended target level needs a reason.',
    });
  }
  return ok({
    level: override.level,
    recommendedLevel,
    reasons: [...reasons, `Overridden to level ${override.level}: ${reason}`],
    overridden: true,
  });
}
