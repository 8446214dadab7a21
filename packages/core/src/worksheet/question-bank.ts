/**
 * The feasibility worksheet's question bank (docs/product.md, "The feasibility worksheet",
 * groups A–K), as versioned plain data. Question ids are stable across versions so stored answers
 * survive a rewording: change a prompt freely, but never reuse an id for a different question, and
 * bump `QUESTION_BANK_VERSION` when questions are added, removed or change kind.
 */

/**
 * Bumped when the bank's shape changes (a question added, removed, or given another kind).
 * 2: `D.agreement-measured` added (docs/product.md, group D: "has a double-labeled sample been measured").
 */
export const QUESTION_BANK_VERSION = 2;

export const WORKSHEET_GROUP_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'] as const;
export type WorksheetGroup = (typeof WORKSHEET_GROUP_IDS)[number];

export const WORKSHEET_GROUP_TITLES = {
  A: 'Problem and value',
  B: 'Is ML a good fit?',
  C: 'Framing',
  D: 'Data and labels',
  E: 'Quality target and ceiling',
  F: 'Attack angles and ROI',
  G: 'Serving and latency',
  H: 'Timeline and resources',
  I: 'Risks',
  J: 'Operations',
  K: 'Stakeholders',
} as const satisfies Record<WorksheetGroup, string>;

export const QUESTION_KINDS = [
  'single',
  'multi',
  'number',
  'duration',
  'range',
  'short-text',
  'long-text',
  'yes-no-unknown',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Where a derived question's live value comes from: another tab answers it, the worksheet links there. */
export const DERIVED_SOURCES = [
  'agreement.humanCeiling',
  'agreement.sampleMeasured',
  'tradeoff.attackAngles',
  'tradeoff.timeToTarget',
  'roadmap.maturityLevel',
] as const;
export type DerivedSource = (typeof DERIVED_SOURCES)[number];

export interface QuestionGuidance {
  /** Why the answer matters, in a sentence or two. */
  readonly why: string;
  readonly ruleOfThumb?: string;
  readonly example?: string;
}

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

interface QuestionBase {
  readonly id: string;
  readonly group: WorksheetGroup;
  readonly prompt: string;
  readonly guidance: QuestionGuidance;
  /** Set when another tab answers this question; the UI shows the live value with a link. */
  readonly derivedFrom?: DerivedSource;
}

export interface SingleChoiceQuestion extends QuestionBase {
  readonly kind: 'single';
  readonly options: readonly ChoiceOption[];
}

export interface MultiChoiceQuestion extends QuestionBase {
  readonly kind: 'multi';
  readonly options: readonly ChoiceOption[];
}

export interface NumberQuestion extends QuestionBase {
  readonly kind: 'number';
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

export interface DurationQuestion extends QuestionBase {
  readonly kind: 'duration';
}

/** A three-point estimate low ≤ likely ≤ high in a fixed unit (e.g. months, or quality in [0, 1]). */
export interface RangeQuestion extends QuestionBase {
  readonly kind: 'range';
  readonly unit: string;
  readonly min?: number;
  readonly max?: number;
}

export interface TextQuestion extends QuestionBase {
  readonly kind: 'short-text' | 'long-text';
  /** Defaults to `DEFAULT_TEXT_MAX_LENGTH[kind]`. */
  readonly maxLength?: number;
}

export interface YesNoUnknownQuestion extends QuestionBase {
  readonly kind: 'yes-no-unknown';
}

export type Question =
  | SingleChoiceQuestion
  | MultiChoiceQuestion
  | NumberQuestion
  | DurationQuestion
  | RangeQuestion
  | TextQuestion
  | YesNoUnknownQuestion;

export const DEFAULT_TEXT_MAX_LENGTH = { 'short-text': 200, 'long-text': 5000 } as const;

/** The unit of quality questions: a score in [0, 1] on the project's optimizing metric. */
export const QUALITY_UNIT = 'score (0–1)';
const QUALITY = { unit: QUALITY_UNIT, min: 0, max: 1 } as const;

export const QUESTION_BANK = [
  // A. Problem and value
  {
    id: 'A.end-user',
    group: 'A',
    kind: 'short-text',
    prompt: 'Who is the end user, and what is their goal?',
    guidance: {
      why: 'A model serves a person’s goal; without one, quality has no yardstick.',
      example: 'Pharmacy buyers who want to find every antibiotic in a supplier’s catalogue.',
    },
  },
  {
    id: 'A.decision',
    group: 'A',
    kind: 'long-text',
    prompt: 'What decision does the prediction change?',
    guidance: {
      why: 'A prediction that changes no decision has no value, however accurate.',
      ruleOfThumb: 'Name the action taken differently when the prediction differs.',
    },
  },
  {
    id: 'A.decision-owner',
    group: 'A',
    kind: 'short-text',
    prompt: 'Who takes that decision?',
    guidance: { why: 'The decision owner sets the error tolerance and must trust the output.' },
  },
  {
    id: 'A.decision-frequency',
    group: 'A',
    kind: 'single',
    prompt: 'How often is the decision taken?',
    options: [
      { value: 'per-request', label: 'On every request (real time)' },
      { value: 'hourly', label: 'Hourly' },
      { value: 'daily', label: 'Daily' },
      { value: 'weekly', label: 'Weekly' },
      { value: 'monthly-or-less', label: 'Monthly or less often' },
    ],
    guidance: { why: 'Frequency drives both the value at stake and the serving design.' },
  },
  {
    id: 'A.current-process',
    group: 'A',
    kind: 'long-text',
    prompt: 'What is today’s process?',
    guidance: {
      why: 'Today’s process is the baseline every model must beat, and often the first heuristic.',
    },
  },
  {
    id: 'A.baseline-kpi',
    group: 'A',
    kind: 'short-text',
    prompt: 'What is the baseline KPI of today’s process, and its current value?',
    guidance: { why: 'Impact is a change against this number; measure it before building.' },
  },
  {
    id: 'A.improved-metric',
    group: 'A',
    kind: 'short-text',
    prompt: 'Which business metric improves, and by how much would be useful?',
    guidance: {
      why: 'Sets the bar for “worth it” independently of model metrics.',
      example: '+2 % conversion on search, or 30 % less manual review time.',
    },
  },
  {
    id: 'A.impact-measurement',
    group: 'A',
    kind: 'multi',
    prompt: 'How will impact be measured?',
    options: [
      { value: 'ab-test', label: 'A/B test' },
      { value: 'before-after', label: 'Before / after comparison' },
      { value: 'offline', label: 'Offline evaluation only' },
      { value: 'not-planned', label: 'Not planned yet' },
    ],
    guidance: {
      why: 'Offline metrics rarely translate one-to-one into business impact.',
      ruleOfThumb: 'Plan the A/B test before the model: it needs traffic, time and a sign-off.',
    },
  },
  {
    id: 'A.error-costs',
    group: 'A',
    kind: 'long-text',
    prompt: 'What does each kind of error cost?',
    guidance: {
      why: 'Error costs turn a quality number into money and decide the operating point.',
      example: 'A missed antibiotic costs a manual search; a wrong one costs a recall notice.',
    },
  },
  {
    id: 'A.worse-error',
    group: 'A',
    kind: 'single',
    prompt: 'Which error is worse?',
    options: [
      { value: 'false-positive', label: 'False positives (precision matters more)' },
      { value: 'false-negative', label: 'False negatives (recall matters more)' },
      { value: 'equal', label: 'About equal' },
      { value: 'not-applicable', label: 'Not applicable (regression, ranking, generation)' },
    ],
    guidance: { why: 'Decides the optimizing metric and the threshold.' },
  },
  {
    id: 'A.cost-of-errors',
    group: 'A',
    kind: 'single',
    prompt: 'Overall, how costly is a wrong prediction?',
    options: [
      { value: 'low', label: 'Low: easily noticed and undone' },
      { value: 'moderate', label: 'Moderate: costs time or money' },
      { value: 'high', label: 'High: hurts customers or revenue' },
      { value: 'severe', label: 'Severe: safety, legal or health consequences' },
    ],
    guidance: {
      why: 'High error costs call for a human in the loop, monitoring and a higher MLOps level.',
    },
  },

  // B. Is ML a good fit?
  {
    id: 'B.heuristic',
    group: 'B',
    kind: 'long-text',
    prompt: 'What would a 1-minute heuristic be?',
    guidance: {
      why: 'The simplest rule is the baseline ML must beat and often ships first.',
      ruleOfThumb: 'Launch a heuristic first; it sets the baseline and exercises the pipeline.',
      example: "if 'antibiotic' in title: return 'meds'",
    },
  },
  {
    id: 'B.heuristic-quality',
    group: 'B',
    kind: 'number',
    ...QUALITY,
    prompt: 'What quality does that heuristic achieve, on the project’s metric?',
    guidance: {
      why: 'If the heuristic already meets the target, ship the rule and skip the model.',
      ruleOfThumb: 'Measure it on a small labeled sample; 100 items give a rough ±0.1.',
    },
  },
  {
    id: 'B.complex-rules',
    group: 'B',
    kind: 'yes-no-unknown',
    prompt: 'Is today’s logic a complex, brittle rule set?',
    guidance: {
      why: 'A rule set nobody dares to touch is where ML pays off most.',
      ruleOfThumb: 'Prefer ML over a complex heuristic, not over a simple one.',
    },
  },
  {
    id: 'B.people-agree',
    group: 'B',
    kind: 'yes-no-unknown',
    prompt: 'Do people agree on the right answer?',
    guidance: {
      why: 'When experts disagree there is no single truth to learn: augment people instead of replacing them.',
      ruleOfThumb: 'Human agreement limits ML performance.',
    },
  },
  {
    id: 'B.external-benchmark',
    group: 'B',
    kind: 'short-text',
    prompt: 'Is there an external benchmark? Which one, and its best published score?',
    guidance: {
      why: 'A published benchmark bounds what is achievable and shortens the search for an approach.',
    },
  },
  {
    id: 'B.archetype',
    group: 'B',
    kind: 'single',
    prompt: 'Which archetype is the product?',
    options: [
      { value: 'software-2.0', label: 'Software 2.0: replaces a rule inside software' },
      { value: 'human-in-the-loop', label: 'Human in the loop: a person reviews every output' },
      { value: 'autonomous', label: 'Autonomous: acts without review' },
    ],
    guidance: {
      why: 'Autonomy raises the quality bar and the cost of each error.',
      ruleOfThumb: 'Start with a human in the loop; automate once errors are understood.',
    },
  },

  // C. Framing
  {
    id: 'C.framing',
    group: 'C',
    kind: 'single',
    prompt: 'How is the problem framed?',
    options: [
      { value: 'classification', label: 'Classification' },
      { value: 'regression', label: 'Regression' },
      { value: 'ranking-retrieval', label: 'Ranking / retrieval' },
      { value: 'pairwise-comparison', label: 'Pairwise comparison' },
      { value: 'generation', label: 'Generation' },
      { value: 'other', label: 'Other' },
    ],
    guidance: {
      why: 'The framing fixes the labels to collect, the metric and the agreement measure.',
      ruleOfThumb: 'Pairwise comparisons are often easier to label consistently than absolute scores.',
    },
  },
  {
    id: 'C.output',
    group: 'C',
    kind: 'single',
    prompt: 'What is the output?',
    options: [
      { value: 'single-answer', label: 'A single answer' },
      { value: 'ranked-list', label: 'A ranked list' },
      { value: 'action', label: 'An action' },
    ],
    guidance: { why: 'A ranked list tolerates errors a single answer or an action does not.' },
  },
  {
    id: 'C.entity',
    group: 'C',
    kind: 'short-text',
    prompt: 'What is one prediction about (the entity)?',
    guidance: { why: 'The entity defines one row of training data and one unit of evaluation.' },
  },
  {
    id: 'C.outcome',
    group: 'C',
    kind: 'short-text',
    prompt: 'What outcome is predicted?',
    guidance: {
      why: 'The outcome is the label; it must be observable and defined the same way by everyone.',
    },
  },
  {
    id: 'C.outcome-delay',
    group: 'C',
    kind: 'duration',
    prompt: 'How long until the true outcome is observed?',
    guidance: {
      why: 'The delay bounds how fast you can collect labels, evaluate and retrain.',
      ruleOfThumb: 'Beyond about 6 months without labels, the project cannot learn fast enough.',
      example: 'Churn is known after 90 days; a click within a second.',
    },
  },

  // D. Data and labels
  {
    id: 'D.sources',
    group: 'D',
    kind: 'long-text',
    prompt: 'Which data sources will be used, and who owns them?',
    guidance: { why: 'Every source is a dependency with its own owner, freshness and access rules.' },
  },
  {
    id: 'D.access',
    group: 'D',
    kind: 'yes-no-unknown',
    prompt: 'Does the team have access to the data today?',
    guidance: { why: 'Access requests often take longer than building the first model.' },
  },
  {
    id: 'D.privacy',
    group: 'D',
    kind: 'multi',
    prompt: 'Which sensitive data is involved?',
    options: [
      { value: 'personal', label: 'Personal data' },
      { value: 'health', label: 'Health data' },
      { value: 'financial', label: 'Financial data' },
      { value: 'minors', label: 'Data about minors' },
      { value: 'confidential', label: 'Confidential business data' },
      { value: 'none', label: 'None' },
    ],
    guidance: {
      why: 'Sensitive data needs approvals, restricted tooling and sometimes on-premises serving.',
    },
  },
  {
    id: 'D.inputs-at-prediction',
    group: 'D',
    kind: 'yes-no-unknown',
    prompt: 'Is every input available at prediction time?',
    guidance: {
      why: 'Features that arrive after the prediction leak the answer in training and are missing in production.',
      example: 'The delivery date is known in the training data but not when the order is placed.',
    },
  },
  {
    id: 'D.labels-exist',
    group: 'D',
    kind: 'yes-no-unknown',
    prompt: 'Do labels exist today, or can annotators produce them?',
    guidance: {
      why: 'Without labels there is nothing to learn from or to measure against.',
      ruleOfThumb: 'If neither labels nor observed outcomes come within 6 months, do not start.',
    },
  },
  {
    id: 'D.label-collection',
    group: 'D',
    kind: 'single',
    prompt: 'How are labels collected?',
    options: [
      { value: 'logged-outcomes', label: 'Logged outcomes or implicit feedback' },
      { value: 'in-house', label: 'In-house annotators' },
      { value: 'vendor', label: 'Vendor or crowd workers' },
      { value: 'experts', label: 'Domain experts' },
      { value: 'undecided', label: 'Not decided yet' },
    ],
    guidance: { why: 'The labeling channel sets label cost, speed and consistency.' },
  },
  {
    id: 'D.label-cost',
    group: 'D',
    kind: 'number',
    unit: 'currency per label',
    min: 0,
    prompt: 'What does one label cost?',
    guidance: {
      why: 'Label cost times the labels needed is often the largest line of the budget.',
      ruleOfThumb: 'Expert labels cost 10–100× crowd labels; budget for double-labeling a sample.',
    },
  },
  {
    id: 'D.label-guidelines',
    group: 'D',
    kind: 'yes-no-unknown',
    prompt: 'Are there written labeling guidelines?',
    guidance: {
      why: 'Without guidelines annotators disagree, and their disagreement caps model quality.',
    },
  },
  {
    id: 'D.agreement-measured',
    group: 'D',
    kind: 'yes-no-unknown',
    derivedFrom: 'agreement.sampleMeasured',
    prompt: 'Has a double-labeled sample been measured for agreement?',
    guidance: {
      why: 'Where annotators disagree, a model cannot be measured above their agreement; a double-labeled sample shows where that cap is.',
      ruleOfThumb:
        'Have 100–300 items labeled by two or more annotators and upload them on the Agreement tab.',
    },
  },
  {
    id: 'D.labeled-examples',
    group: 'D',
    kind: 'number',
    unit: 'examples',
    min: 0,
    integer: true,
    prompt: 'How many labeled examples are available now?',
    guidance: { why: 'Sets whether to start from an off-the-shelf model, fine-tune, or train from scratch.' },
  },

  // E. Quality target and ceiling
  {
    id: 'E.optimizing-metric',
    group: 'E',
    kind: 'short-text',
    prompt: 'What is the single optimizing metric?',
    guidance: {
      why: 'One number to maximise makes approaches comparable; the rest become constraints.',
      example: 'accuracy, macro-F1, NDCG@10',
    },
  },
  {
    id: 'E.single-metric',
    group: 'E',
    kind: 'yes-no-unknown',
    prompt: 'Has the team agreed on that single optimizing metric?',
    guidance: {
      why: 'Without an agreed metric every result can be argued away and no target can be met.',
    },
  },
  {
    id: 'E.satisficing-constraints',
    group: 'E',
    kind: 'long-text',
    prompt: 'What are the satisficing constraints?',
    guidance: {
      why: 'Constraints only need to be met, not maximised.',
      example: 'accuracy subject to p99 latency ≤ 100 ms and model size ≤ 500 MB',
    },
  },
  {
    id: 'E.target-quality',
    group: 'E',
    kind: 'number',
    ...QUALITY,
    prompt: 'What is the quality target on the optimizing metric?',
    guidance: {
      why: 'The target decides feasibility against the human ceiling and the time it takes.',
      ruleOfThumb: 'Cost grows super-linearly as the target approaches the ceiling.',
    },
  },
  {
    id: 'E.min-launch-quality',
    group: 'E',
    kind: 'number',
    ...QUALITY,
    prompt: 'What minimum quality is good enough to launch?',
    guidance: {
      why: 'Launching at the minimum starts the feedback loop months earlier.',
      ruleOfThumb: 'Launch a heuristic first if it meets the minimum.',
    },
  },
  {
    id: 'E.human-ceiling',
    group: 'E',
    kind: 'number',
    ...QUALITY,
    derivedFrom: 'agreement.humanCeiling',
    prompt: 'What is human-level performance (the human ceiling)?',
    guidance: {
      why: 'A model is scored against human labels, so it cannot be measured far above human agreement.',
      ruleOfThumb: 'Human agreement limits ML performance; measure it on a double-labeled sample.',
    },
  },
  {
    id: 'E.expected-quality',
    group: 'E',
    kind: 'range',
    ...QUALITY,
    prompt: 'What quality do you expect a first model to reach (low / likely / high)?',
    guidance: {
      why: 'A three-point estimate makes the uncertainty explicit and feeds the tradeoff curve.',
    },
  },

  // F. Attack angles and ROI
  {
    id: 'F.attack-angles',
    group: 'F',
    kind: 'long-text',
    derivedFrom: 'tradeoff.attackAngles',
    prompt: 'Which approaches are candidates, with expected quality, effort and risk?',
    guidance: {
      why: 'Comparing a keyword rule, an API, fine-tuning and a custom model shows the cheapest path to the target.',
      ruleOfThumb: '1 minute → worst, 1 day → baseline, 1 week → decent, 1 year → awesome.',
    },
  },
  {
    id: 'F.time-to-target',
    group: 'F',
    kind: 'duration',
    derivedFrom: 'tradeoff.timeToTarget',
    prompt: 'How long until the target is reached, pessimistically (P90)?',
    guidance: {
      why: 'The pessimistic time to target, not the likely one, decides whether the deadline holds.',
    },
  },
  {
    id: 'F.value-per-point',
    group: 'F',
    kind: 'number',
    unit: 'currency per quality point per year',
    min: 0,
    prompt: 'What is one point of quality (0.01) worth per year?',
    guidance: { why: 'Value per point against effort cost ranks the attack angles by ROI.' },
  },
  {
    id: 'F.team-cost',
    group: 'F',
    kind: 'number',
    unit: 'currency per person-month',
    min: 0,
    prompt: 'What does one person-month of the team cost?',
    guidance: { why: 'Converts effort into cost for the ROI ranking.' },
  },

  // G. Serving and latency
  {
    id: 'G.serving-mode',
    group: 'G',
    kind: 'single',
    prompt: 'Are predictions made online or pre-computed?',
    options: [
      { value: 'online', label: 'Online, on each request' },
      { value: 'precomputed', label: 'Pre-computed in batch' },
    ],
    guidance: {
      why: 'Online serving adds latency budgets and needs every input at request time.',
      ruleOfThumb: 'Pre-compute when the set of inputs is known ahead of time.',
    },
  },
  {
    id: 'G.freshness',
    group: 'G',
    kind: 'duration',
    prompt: 'How fresh must the predictions be?',
    guidance: { why: 'Freshness decides between batch runs and online inference.' },
  },
  {
    id: 'G.latency-p99',
    group: 'G',
    kind: 'number',
    unit: 'ms',
    min: 0,
    prompt: 'What is the p99 latency budget for one prediction?',
    guidance: {
      why: 'The latency budget rules model classes in or out.',
      ruleOfThumb: 'At 10 ms or less, check that the model class can run in time before anything else.',
    },
  },
  {
    id: 'G.throughput',
    group: 'G',
    kind: 'number',
    unit: 'predictions per second',
    min: 0,
    prompt: 'What throughput is needed at peak?',
    guidance: { why: 'Throughput times model cost per prediction is the serving bill.' },
  },
  {
    id: 'G.where-it-runs',
    group: 'G',
    kind: 'multi',
    prompt: 'Where does the model run?',
    options: [
      { value: 'cloud', label: 'Cloud' },
      { value: 'on-premises', label: 'On premises' },
      { value: 'edge', label: 'Edge device' },
      { value: 'mobile', label: 'Mobile app' },
      { value: 'browser', label: 'Browser' },
    ],
    guidance: { why: 'Devices limit model size and make updates slower.' },
  },

  // H. Timeline and resources
  {
    id: 'H.team',
    group: 'H',
    kind: 'long-text',
    prompt: 'Who is on the team, and which skills are missing?',
    guidance: { why: 'Missing skills (data engineering, MLOps, labeling) become hidden timeline risks.' },
  },
  {
    id: 'H.team-size',
    group: 'H',
    kind: 'number',
    unit: 'people',
    min: 0,
    integer: true,
    prompt: 'How many people work on it?',
    guidance: { why: 'Turns effort into calendar time.' },
  },
  {
    id: 'H.months-to-pilot',
    group: 'H',
    kind: 'range',
    unit: 'months',
    min: 0,
    prompt: 'How many months to a pilot (optimistic / likely / pessimistic)?',
    guidance: { why: 'A pilot with real users is the first check of value.' },
  },
  {
    id: 'H.months-to-production',
    group: 'H',
    kind: 'range',
    unit: 'months',
    min: 0,
    prompt: 'How many months to production (optimistic / likely / pessimistic)?',
    guidance: {
      why: 'Stakeholders plan on the pessimistic end; compare it with their horizon.',
      ruleOfThumb: 'Plan on the pessimistic estimate; the likely one is rarely met.',
    },
  },
  {
    id: 'H.retraining-cadence',
    group: 'H',
    kind: 'single',
    prompt: 'How often must the model be retrained?',
    options: [
      { value: 'never', label: 'Once (no retraining)' },
      { value: 'yearly', label: 'Yearly' },
      { value: 'quarterly', label: 'Quarterly' },
      { value: 'monthly', label: 'Monthly' },
      { value: 'weekly', label: 'Weekly' },
      { value: 'daily', label: 'Daily or continuously' },
    ],
    guidance: {
      why: 'Frequent retraining needs an automated pipeline (MLOps level 1 or more).',
      ruleOfThumb: 'Retraining weekly or more often by hand does not last.',
    },
  },
  {
    id: 'H.model-count',
    group: 'H',
    kind: 'number',
    unit: 'models',
    min: 1,
    integer: true,
    prompt: 'How many models will run in production (per market, per customer, …)?',
    guidance: { why: 'Many models multiply maintenance and call for pipeline automation.' },
  },

  // I. Risks
  {
    id: 'I.when-wrong',
    group: 'I',
    kind: 'long-text',
    prompt: 'What happens when the model is wrong?',
    guidance: { why: 'Every model is wrong sometimes; the product must make errors cheap.' },
  },
  {
    id: 'I.when-unsure',
    group: 'I',
    kind: 'single',
    prompt: 'What happens when the model is unsure?',
    options: [
      { value: 'defer-to-human', label: 'Defer to a person' },
      { value: 'fallback-heuristic', label: 'Fall back to the heuristic' },
      { value: 'show-confidence', label: 'Show the output with its confidence' },
      { value: 'act-anyway', label: 'Act anyway' },
    ],
    guidance: { why: 'Abstaining on the hardest cases buys quality on the rest.' },
  },
  {
    id: 'I.fairness',
    group: 'I',
    kind: 'yes-no-unknown',
    prompt: 'Could errors fall unevenly on groups of people?',
    guidance: { why: 'Uneven errors need per-group evaluation and sometimes a legal review.' },
  },
  {
    id: 'I.failure-recovery',
    group: 'I',
    kind: 'long-text',
    prompt: 'How do you recover when the model or its data fails?',
    guidance: {
      why: 'A fallback (the heuristic, the previous model) keeps the product running.',
      ruleOfThumb: 'Keep the heuristic deployable as the fallback.',
    },
  },

  // J. Operations
  {
    id: 'J.current-maturity',
    group: 'J',
    kind: 'single',
    derivedFrom: 'roadmap.maturityLevel',
    prompt: 'What is the current MLOps maturity level?',
    options: [
      { value: '0', label: 'Level 0: manual, script-driven' },
      { value: '1', label: 'Level 1: ML pipeline automation' },
      { value: '2', label: 'Level 2: CI/CD pipeline automation' },
    ],
    guidance: { why: 'The gap between current and target level is roadmap work.' },
  },
  {
    id: 'J.target-maturity',
    group: 'J',
    kind: 'single',
    prompt: 'Which MLOps maturity level should the project reach?',
    options: [
      { value: '0', label: 'Level 0: manual, script-driven' },
      { value: '1', label: 'Level 1: ML pipeline automation' },
      { value: '2', label: 'Level 2: CI/CD pipeline automation' },
    ],
    guidance: {
      why: 'Follows from retraining cadence, number of models and risk.',
      ruleOfThumb: 'Weekly retraining or many models → level 1; frequent pipeline changes → level 2.',
    },
  },
  {
    id: 'J.traceability',
    group: 'J',
    kind: 'yes-no-unknown',
    prompt: 'Can each prediction be traced to its model version and training data?',
    guidance: { why: 'Without traceability a bad prediction cannot be explained or fixed.' },
  },
  {
    id: 'J.rollback',
    group: 'J',
    kind: 'yes-no-unknown',
    prompt: 'Can a model be rolled back within minutes?',
    guidance: { why: 'Rollback turns a bad release into a short incident.' },
  },
  {
    id: 'J.monitoring',
    group: 'J',
    kind: 'yes-no-unknown',
    prompt: 'Will inputs, predictions and quality be monitored in production?',
    guidance: { why: 'Models degrade silently as data drifts; only monitoring notices.' },
  },

  // K. Stakeholders
  {
    id: 'K.sign-off',
    group: 'K',
    kind: 'short-text',
    prompt: 'Who signs off on launch?',
    guidance: { why: 'The sign-off owner must agree on the target and the risks early.' },
  },
  {
    id: 'K.readers',
    group: 'K',
    kind: 'short-text',
    prompt: 'Who reads the feasibility report?',
    guidance: { why: 'Write the summary for them.' },
  },
  {
    id: 'K.review-cadence',
    group: 'K',
    kind: 'single',
    prompt: 'How often is progress reviewed with stakeholders?',
    options: [
      { value: 'weekly', label: 'Weekly' },
      { value: 'biweekly', label: 'Every two weeks' },
      { value: 'monthly', label: 'Monthly' },
      { value: 'quarterly', label: 'Quarterly' },
      { value: 'milestones', label: 'At milestones' },
    ],
    guidance: { why: 'Regular reviews surface a slipping estimate before the deadline.' },
  },
  {
    id: 'K.horizon',
    group: 'K',
    kind: 'duration',
    prompt: 'By when do stakeholders expect it in production?',
    guidance: {
      why: 'The horizon is what pessimistic estimates are compared with.',
      example: '6 months, the end of the fiscal year',
    },
  },
] as const satisfies readonly Question[];

export type BankQuestion = (typeof QUESTION_BANK)[number];
export type QuestionId = BankQuestion['id'];
/** Ids of the bank's questions of one kind, so typed readers reject an id of another kind at compile time. */
export type QuestionIdOfKind<K extends QuestionKind> = Extract<BankQuestion, { readonly kind: K }>['id'];
export type ChoiceQuestionId = QuestionIdOfKind<'single' | 'multi'>;
type OptionValues = {
  readonly [Q in BankQuestion as Q extends { readonly options: unknown } ? Q['id'] : never]: Q extends {
    readonly options: readonly { readonly value: infer V }[];
  }
    ? V
    : never;
};
/** The option values of one choice question, e.g. `'online' | 'precomputed'` for `'G.serving-mode'`. */
export type OptionValueOf<Id extends ChoiceQuestionId> = OptionValues[Id];

const QUESTIONS_BY_ID: ReadonlyMap<string, Question> = new Map(QUESTION_BANK.map((q) => [q.id, q]));

/** The question with this id, or `undefined` for an id the bank does not (or no longer) hold. */
export function findQuestion(id: string): Question | undefined {
  return QUESTIONS_BY_ID.get(id);
}

/** Whether `id` is a question of the current bank. */
export function isQuestionId(id: string): id is QuestionId {
  return QUESTIONS_BY_ID.has(id);
}

/** The bank's questions of one group, in bank order. */
export function questionsInGroup(group: WorksheetGroup): readonly Question[] {
  return QUESTION_BANK.filter((q) => q.group === group);
}
