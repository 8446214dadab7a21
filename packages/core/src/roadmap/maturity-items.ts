/**
 * The MLOps maturity self-assessment, as versioned data, and the rule that turns answers into a level.
 *
 * Levels follow Google Cloud, "MLOps: Continuous delivery and automation pipelines in machine
 * learning" (cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning):
 * - 0, manual process: script- or notebook-driven, the model (not the pipeline) is handed over and
 *   deployed by hand, no CI/CD, no monitoring. Nothing is required to be at level 0.
 * - 1, ML pipeline automation: continuous training, automated data and model validation, ML metadata,
 *   the same modular pipeline in development and production, and the pipeline (not the model) deployed.
 * - 2, CI/CD pipeline automation: source-controlled pipeline components built, tested and deployed
 *   automatically, automated triggers, monitoring feeding back into the pipeline.
 */

/** An MLOps maturity level as Google Cloud defines it (see the module comment). */
export type MaturityLevel = 0 | 1 | 2;

/** One answer to a self-assessment item. `na` = not applicable to this team or model. */
export type MaturityAnswer = 'yes' | 'no' | 'na';

export type MaturityAnswers = Readonly<Partial<Record<string, MaturityAnswer>>>;

export type MaturitySectionId =
  | 'documentation'
  | 'traceability'
  | 'code-quality'
  | 'deployment'
  | 'monitoring'
  | 'data'
  | 'continuous-training';

/** The kinds of generated roadmap phase, in the order a project goes through them. */
export const PHASE_KINDS = [
  'heuristic',
  'ml-baseline',
  'first-production-model',
  'pipeline-automation',
  'pipeline-cicd',
] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export interface MaturitySection {
  readonly id: MaturitySectionId;
  readonly title: string;
}

export interface MaturityItem {
  /** Stable across versions: answers are stored against it. */
  readonly id: string;
  readonly section: MaturitySectionId;
  /** The yes/no statement the team answers. */
  readonly text: string;
  /** Why it matters, or a rule of thumb, in one line. */
  readonly guidance: string;
  /** The level that requires it: every item of levels ≤ L must be satisfied to be at level L. */
  readonly level: 1 | 2;
  /** The roadmap phase that closes it when it is not yet satisfied. */
  readonly closedBy: PhaseKind;
}

/** Bumped whenever items are added, removed or change meaning; stored beside the answers. */
export const MATURITY_ITEMS_VERSION = 1;

export const MATURITY_SECTIONS: readonly MaturitySection[] = [
  { id: 'documentation', title: 'Documentation' },
  { id: 'traceability', title: 'Traceability and reproducibility' },
  { id: 'code-quality', title: 'Code quality and CI' },
  { id: 'deployment', title: 'Deployment' },
  { id: 'monitoring', title: 'Monitoring' },
  { id: 'data', title: 'Data and features' },
  { id: 'continuous-training', title: 'Continuous training' },
];

export const MATURITY_ITEMS: readonly MaturityItem[] = [
  {
    id: 'doc.problem-and-metrics',
    section: 'documentation',
    text: "The model's purpose, inputs, outputs, optimizing metric and satisficing constraints are written down.",
    guidance: 'Without a written metric nobody can tell whether a retrained model is better or worse.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'doc.model-card',
    section: 'documentation',
    text: 'Each production model has a model card: intended use, training data, evaluation, known limitations.',
    guidance: 'The card is what a reviewer or an on-call engineer reads first when the model misbehaves.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'doc.runbook',
    section: 'documentation',
    text: 'A runbook says how to retrain, how to roll back and who is called when the model fails.',
    guidance: 'Automation moves the work from people to pipelines; the runbook covers the day it breaks.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'doc.pipeline-components',
    section: 'documentation',
    text: 'Every pipeline component, its inputs, outputs and triggers are documented beside its code.',
    guidance: 'At level 2 many people change pipeline components; they need the contract of each one.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'trace.code-versioned',
    section: 'traceability',
    text: 'Training and serving code live in version control, and every model records the commit it came from.',
    guidance: 'A model you cannot trace to its code cannot be reproduced or safely fixed.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'trace.data-versioned',
    section: 'traceability',
    text: 'The exact training and evaluation data of every model can be retrieved (snapshot, query + date, or hash).',
    guidance: 'Data changes more often than code; a model is only reproducible if its data is.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'trace.metadata',
    section: 'traceability',
    text: 'Every pipeline run records its parameters, data version, metrics and artifacts in an ML metadata store.',
    guidance: 'Google lists ML metadata as a level-1 component: it is how runs are compared and debugged.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'trace.model-registry',
    section: 'traceability',
    text: 'Trained models are stored in a registry with their version, lineage and approval status.',
    guidance:
      'A registry makes "which model is live, and where did it come from" a lookup, not an investigation.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'trace.end-to-end-lineage',
    section: 'traceability',
    text: 'Any prediction can be traced to the model version, pipeline version and commit that produced it.',
    guidance: 'Needed for audits and to find which release introduced a regression.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'code.review',
    section: 'code-quality',
    text: 'Changes to model and pipeline code are reviewed before they reach production.',
    guidance: 'Review is the cheapest quality gate and needs no tooling.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'code.modular-pipeline',
    section: 'code-quality',
    text: 'The training pipeline is made of modular, containerised components, not a notebook.',
    guidance: 'Modular code lets the same pipeline run in experiments and in production.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'code.unit-tests',
    section: 'code-quality',
    text: 'Pipeline components (feature logic, training, evaluation) have unit tests that run on every change.',
    guidance: 'Google level 2: "testing feature engineering logic", model training converges, no NaNs.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'code.ci-build',
    section: 'code-quality',
    text: 'CI builds, tests and packages the pipeline components automatically on every commit.',
    guidance: 'The "CI" half of level 2: packages and containers come out of CI, never a laptop.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'deploy.rollback',
    section: 'deployment',
    text: 'The previous model version can be put back in production within minutes.',
    guidance: 'Rollback is the first recovery step for any bad model; practise it before you need it.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'deploy.pipeline-deployed',
    section: 'deployment',
    text: 'The training pipeline itself is deployed and runs in production, not only the trained model.',
    guidance: 'The defining change from level 0 to level 1: you deploy a pipeline that produces models.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'deploy.dev-prod-symmetry',
    section: 'deployment',
    text: 'The same pipeline code runs in development, pre-production and production.',
    guidance: 'Google calls it experimental-operational symmetry; it removes training-serving surprises.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'deploy.pipeline-cd',
    section: 'deployment',
    text: 'New pipeline versions are deployed to the target environment automatically once their tests pass.',
    guidance: 'The "CD" half of level 2: a merged change reaches production without manual steps.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'deploy.progressive-release',
    section: 'deployment',
    text: 'Models are released progressively (shadow, canary or A/B) with an automatic stop on regressions.',
    guidance: 'Offline metrics do not guarantee online behaviour; release to a slice first.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'mon.service-health',
    section: 'monitoring',
    text: 'Prediction latency, error rate and throughput are monitored with alerts.',
    guidance: 'The satisficing constraints (e.g. p99 latency) need an alarm, not a dashboard nobody opens.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'mon.model-quality',
    section: 'monitoring',
    text: 'Live model quality is measured against ground truth as it arrives and compared with the offline metric.',
    guidance: 'Models decay silently; quality monitoring is how you find out before users do.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'mon.drift',
    section: 'monitoring',
    text: 'Input and prediction distributions are monitored for drift and training-serving skew.',
    guidance: 'Drift usually shows before the ground truth does; it is the early warning.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'mon.triggers-pipeline',
    section: 'monitoring',
    text: 'Monitoring alerts (degradation, drift) trigger the training pipeline automatically.',
    guidance: 'Google level 2 closes the loop: monitoring statistics start a new pipeline run.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'data.validation',
    section: 'data',
    text: 'New training data is validated automatically (schema, ranges, missing values) before training.',
    guidance: 'Google level 1: stop the pipeline on unexpected data rather than train on it.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'data.same-features',
    section: 'data',
    text: 'Features are computed by the same code for training and for serving.',
    guidance: 'Two implementations of one feature is the commonest cause of training-serving skew.',
    level: 1,
    closedBy: 'first-production-model',
  },
  {
    id: 'data.label-flow',
    section: 'data',
    text: 'New labels flow into the training data continuously, with guidelines and agreement checks.',
    guidance: 'Continuous training needs continuous labels; check agreement on each batch.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'data.feature-store',
    section: 'data',
    text: 'Features are shared and versioned in a feature store (or equivalent) for training and serving.',
    guidance:
      'Optional at level 1 in Google\u2019s description; worth it once several models share features.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
  {
    id: 'ct.automated-retraining',
    section: 'continuous-training',
    text: 'The pipeline retrains the model on a schedule or on new data with no manual step.',
    guidance: 'Continuous training is the goal of level 1.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'ct.model-validation',
    section: 'continuous-training',
    text: 'A retrained model is validated against the live one (metrics and slices) before it is promoted.',
    guidance: 'Automatic promotion is only safe behind an automatic gate.',
    level: 1,
    closedBy: 'pipeline-automation',
  },
  {
    id: 'ct.pipeline-tests',
    section: 'continuous-training',
    text: 'Each new pipeline version is run end to end on sample data in a test environment before release.',
    guidance: 'Google level 2: integration tests of the pipeline, not only of its components.',
    level: 2,
    closedBy: 'pipeline-cicd',
  },
];

/** How one section of the assessment was answered. */
export interface MaturitySectionSummary {
  readonly section: MaturitySectionId;
  readonly title: string;
  readonly yes: number;
  readonly no: number;
  readonly notApplicable: number;
  readonly unanswered: number;
  /** The highest level whose items in this section are all satisfied. */
  readonly level: MaturityLevel;
}

export interface MaturityAssessment {
  readonly level: MaturityLevel;
  /** Items of the next level (level + 1) that are answered `no` or not answered; empty at level 2. */
  readonly blockers: readonly MaturityItem[];
  readonly bySection: readonly MaturitySectionSummary[];
  readonly answered: number;
  readonly total: number;
  /** Answer keys that name no item (e.g. an item removed in a later version); they are ignored. */
  readonly unknownItemIds: readonly string[];
}

/**
 * Whether an answer satisfies its item: `yes` and `na` do; `no` and a missing answer do not. `na`
 * counts as satisfied because an item that does not apply cannot hold a level back (e.g. drift
 * monitoring for a model whose inputs are fixed), and an unanswered item counts against the level
 * because a level must be shown, not assumed.
 */
export function isItemSatisfied(answer: MaturityAnswer | undefined): boolean {
  return answer === 'yes' || answer === 'na';
}

/**
 * The current MLOps maturity level from self-assessment answers: the highest level L ∈ {0, 1, 2} such
 * that every item of level ≤ L is satisfied (answered `yes` or `na`; see `isItemSatisfied`). Levels are
 * cumulative, as in Google Cloud's description: a team with CI/CD of pipelines but no continuous
 * training is at level 0. The blockers are the unsatisfied items of the next level.
 *
 * @example
 * assessMaturity({}).level; // 0, with every level-1 item as a blocker
 */
export function assessMaturity(
  answers: MaturityAnswers,
  items: readonly MaturityItem[] = MATURITY_ITEMS,
  sections: readonly MaturitySection[] = MATURITY_SECTIONS,
): MaturityAssessment {
  const satisfied = (item: MaturityItem): boolean => isItemSatisfied(answers[item.id]);
  const levelOf = (subset: readonly MaturityItem[]): MaturityLevel => {
    if (!subset.filter((item) => item.level === 1).every(satisfied)) return 0;
    return subset.filter((item) => item.level === 2).every(satisfied) ? 2 : 1;
  };
  const level = levelOf(items);
  const blockers = level === 2 ? [] : items.filter((item) => item.level === level + 1 && !satisfied(item));

  const bySection = sections.map((section): MaturitySectionSummary => {
    const sectionItems = items.filter((item) => item.section === section.id);
    const count = (answer: MaturityAnswer | undefined): number =>
      sectionItems.filter((item) => answers[item.id] === answer).length;
    return {
      section: section.id,
      title: section.title,
      yes: count('yes'),
      no: count('no'),
      notApplicable: count('na'),
      unanswered: count(undefined),
      level: levelOf(sectionItems),
    };
  });

  const known = new Set(items.map((item) => item.id));
  const answeredKeys = Object.keys(answers).filter((key) => answers[key] !== undefined);
  return {
    level,
    blockers,
    bySection,
    answered: answeredKeys.filter((key) => known.has(key)).length,
    total: items.length,
    unknownItemIds: answeredKeys.filter((key) => !known.has(key)),
  };
}

/** The items of level ≤ `level` that the answers do not satisfy: what a roadmap to `level` must close. */
export function unsatisfiedItems(
  answers: MaturityAnswers,
  level: MaturityLevel,
  items: readonly MaturityItem[] = MATURITY_ITEMS,
): readonly MaturityItem[] {
  return items.filter((item) => item.level <= level && !isItemSatisfied(answers[item.id]));
}
