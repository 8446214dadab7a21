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

/** A choice option as a `[value, label]` row; `question` turns it into a `ChoiceOption`. */
type OptionRow = readonly [value: string, label: string];

/** What a question holds besides its id, kind and prompt: the settings of its kind and its guidance. */
interface QuestionDetails extends QuestionGuidance {
  readonly derivedFrom?: DerivedSource;
  readonly options?: readonly OptionRow[];
  readonly unit?: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly maxLength?: number;
}

type GroupOf<Id> = Id extends `${infer G extends WorksheetGroup}.${string}` ? G : never;
type OptionsOf<Rows> = {
  readonly [I in keyof Rows]: Rows[I] extends OptionRow
    ? { readonly value: Rows[I][0]; readonly label: string }
    : never;
};
type DefinedQuestion<Id, K, D> = {
  readonly id: Id;
  readonly group: GroupOf<Id>;
  readonly kind: K;
  readonly prompt: string;
  readonly guidance: QuestionGuidance;
} & Omit<D, keyof QuestionGuidance | 'options'> &
  (D extends { readonly options: infer Rows } ? { readonly options: OptionsOf<Rows> } : unknown);

/**
 * One question of the bank. Its group is its id's prefix (`'A.end-user'` is in group A); `details`
 * holds the settings of its kind (options as `[value, label]` rows, unit and bounds, …) and its guidance.
 */
function question<
  const Id extends `${WorksheetGroup}.${string}`,
  const K extends QuestionKind,
  const D extends QuestionDetails,
>(id: Id, kind: K, prompt: string, details: D): DefinedQuestion<Id, K, D> {
  const { why, ruleOfThumb, example, options, ...settings } = details;
  return {
    id,
    group: id.slice(0, id.indexOf('.')) as GroupOf<Id>,
    kind,
    prompt,
    ...settings,
    ...(options === undefined ? {} : { options: options.map(([value, label]) => ({ value, label })) }),
    guidance: {
      why,
      ...(ruleOfThumb === undefined ? {} : { ruleOfThumb }),
      ...(example === undefined ? {} : { example }),
    },
  } as DefinedQuestion<Id, K, D>;
}

/** The MLOps maturity levels, the options of both the current and the target level. */
const MATURITY_LEVEL_OPTIONS = [
  ['0', 'Level 0: manual, script-driven'],
  ['1', 'Level 1: ML pipeline automation'],
  ['2', 'Level 2: CI/CD pipeline automation'],
] as const;

export const QUESTION_BANK = [
  // A. Problem and value
  question('A.end-user', 'short-text', 'Who is the end user, and what is their goal?', {
    why: 'A model serves a person’s goal; without one, quality has no yardstick.',
    example: 'Pharmacy buyers who want to find every antibiotic in a supplier’s catalogue.',
  }),
  question('A.decision', 'long-text', 'What decision does the prediction change?', {
    why: 'A prediction that changes no decision has no value, however accurate.',
    ruleOfThumb: 'Name the action taken differently when the prediction differs.',
  }),
  question('A.decision-owner', 'short-text', 'Who takes that decision?', {
    why: 'The decision owner sets the error tolerance and must trust the output.',
  }),
  question('A.decision-frequency', 'single', 'How often is the decision taken?', {
    options: [
      ['per-request', 'On every request (real time)'],
      ['hourly', 'Hourly'],
      ['daily', 'Daily'],
      ['weekly', 'Weekly'],
      ['monthly-or-less', 'Monthly or less often'],
    ],
    why: 'Frequency drives both the value at stake and the serving design.',
  }),
  question('A.current-process', 'long-text', 'What is today’s process?', {
    why: 'Today’s process is the baseline every model must beat, and often the first heuristic.',
  }),
  question(
    'A.baseline-kpi',
    'short-text',
    'What is the baseline KPI of today’s process, and its current value?',
    {
      why: 'Impact is a change against this number; measure it before building.',
    },
  ),
  question(
    'A.improved-metric',
    'short-text',
    'Which business metric improves, and by how much would be useful?',
    {
      why: 'Sets the bar for “worth it” independently of model metrics.',
      example: '+2 % conversion on search, or 30 % less manual review time.',
    },
  ),
  question('A.impact-measurement', 'multi', 'How will impact be measured?', {
    options: [
      ['ab-test', 'A/B test'],
      ['before-after', 'Before / after comparison'],
      ['offline', 'Offline evaluation only'],
      ['not-planned', 'Not planned yet'],
    ],
    why: 'Offline metrics rarely translate one-to-one into business impact.',
    ruleOfThumb: 'Plan the A/B test before the model: it needs traffic, time and a sign-off.',
  }),
  question('A.error-costs', 'long-text', 'What does each kind of error cost?', {
    why: 'Error costs turn a quality number into money and decide the operating point.',
    example: 'A missed antibiotic costs a manual search; a wrong one costs a recall notice.',
  }),
  question('A.worse-error', 'single', 'Which error is worse?', {
    options: [
      ['false-positive', 'False positives (precision matters more)'],
      ['false-negative', 'False negatives (recall matters more)'],
      ['equal', 'About equal'],
      ['not-applicable', 'Not applicable (regression, ranking, generation)'],
    ],
    why: 'Decides the optimizing metric and the threshold.',
  }),
  question('A.cost-of-errors', 'single', 'Overall, how costly is a wrong prediction?', {
    options: [
      ['low', 'Low: easily noticed and undone'],
      ['moderate', 'Moderate: costs time or money'],
      ['high', 'High: hurts customers or revenue'],
      ['severe', 'Severe: safety, legal or health consequences'],
    ],
    why: 'High error costs call for a human in the loop, monitoring and a higher MLOps level.',
  }),

  // B. Is ML a good fit?
  question('B.heuristic', 'long-text', 'What would a 1-minute heuristic be?', {
    why: 'The simplest rule is the baseline ML must beat and often ships first.',
    ruleOfThumb: 'Launch a heuristic first; it sets the baseline and exercises the pipeline.',
    example: "if 'antibiotic' in title: return 'meds'",
  }),
  question(
    'B.heuristic-quality',
    'number',
    'What quality does that heuristic achieve, on the project’s metric?',
    {
      ...QUALITY,
      why: 'If the heuristic already meets the target, ship the rule and skip the model.',
      ruleOfThumb: 'Measure it on a small labeled sample; 100 items give a rough ±0.1.',
    },
  ),
  question('B.complex-rules', 'yes-no-unknown', 'Is today’s logic a complex, brittle rule set?', {
    why: 'A rule set nobody dares to touch is where ML pays off most.',
    ruleOfThumb: 'Prefer ML over a complex heuristic, not over a simple one.',
  }),
  question('B.people-agree', 'yes-no-unknown', 'Do people agree on the right answer?', {
    why: 'When experts disagree there is no single truth to learn: augment people instead of replacing them.',
    ruleOfThumb: 'Human agreement limits ML performance.',
  }),
  question(
    'B.external-benchmark',
    'short-text',
    'Is there an external benchmark? Which one, and its best published score?',
    {
      why: 'A published benchmark bounds what is achievable and shortens the search for an approach.',
    },
  ),
  question('B.archetype', 'single', 'Which archetype is the product?', {
    options: [
      ['software-2.0', 'Software 2.0: replaces a rule inside software'],
      ['human-in-the-loop', 'Human in the loop: a person reviews every output'],
      ['autonomous', 'Autonomous: acts without review'],
    ],
    why: 'Autonomy raises the quality bar and the cost of each error.',
    ruleOfThumb: 'Start with a human in the loop; automate once errors are understood.',
  }),

  // C. Framing
  question('C.framing', 'single', 'How is the problem framed?', {
    options: [
      ['classification', 'Classification'],
      ['regression', 'Regression'],
      ['ranking-retrieval', 'Ranking / retrieval'],
      ['pairwise-comparison', 'Pairwise comparison'],
      ['generation', 'Generation'],
      ['other', 'Other'],
    ],
    why: 'The framing fixes the labels to collect, the metric and the agreement measure.',
    ruleOfThumb: 'Pairwise comparisons are often easier to label consistently than absolute scores.',
  }),
  question('C.output', 'single', 'What is the output?', {
    options: [
      ['single-answer', 'A single answer'],
      ['ranked-list', 'A ranked list'],
      ['action', 'An action'],
    ],
    why: 'A ranked list tolerates errors a single answer or an action does not.',
  }),
  question('C.entity', 'short-text', 'What is one prediction about (the entity)?', {
    why: 'The entity defines one row of training data and one unit of evaluation.',
  }),
  question('C.outcome', 'short-text', 'What outcome is predicted?', {
    why: 'The outcome is the label; it must be observable and defined the same way by everyone.',
  }),
  question('C.outcome-delay', 'duration', 'How long until the true outcome is observed?', {
    why: 'The delay bounds how fast you can collect labels, evaluate and retrain.',
    ruleOfThumb: 'Beyond about 6 months without labels, the project cannot learn fast enough.',
    example: 'Churn is known after 90 days; a click within a second.',
  }),

  // D. Data and labels
  question('D.sources', 'long-text', 'Which data sources will be used, and who owns them?', {
    why: 'Every source is a dependency with its own owner, freshness and access rules.',
  }),
  question('D.access', 'yes-no-unknown', 'Does the team have access to the data today?', {
    why: 'Access requests often take longer than building the first model.',
  }),
  question('D.privacy', 'multi', 'Which sensitive data is involved?', {
    options: [
      ['personal', 'Personal data'],
      ['health', 'Health data'],
      ['financial', 'Financial data'],
      ['minors', 'Data about minors'],
      ['confidential', 'Confidential business data'],
      ['none', 'None'],
    ],
    why: 'Sensitive data needs approvals, restricted tooling and sometimes on-premises serving.',
  }),
  question('D.inputs-at-prediction', 'yes-no-unknown', 'Is every input available at prediction time?', {
    why: 'Features that arrive after the prediction leak the answer in training and are missing in production.',
    example: 'The delivery date is known in the training data but not when the order is placed.',
  }),
  question('D.labels-exist', 'yes-no-unknown', 'Do labels exist today, or can annotators produce them?', {
    why: 'Without labels there is nothing to learn from or to measure against.',
    ruleOfThumb: 'If neither labels nor observed outcomes come within 6 months, do not start.',
  }),
  question('D.label-collection', 'single', 'How are labels collected?', {
    options: [
      ['logged-outcomes', 'Logged outcomes or implicit feedback'],
      ['in-house', 'In-house annotators'],
      ['vendor', 'Vendor or crowd workers'],
      ['experts', 'Domain experts'],
      ['undecided', 'Not decided yet'],
    ],
    why: 'The labeling channel sets label cost, speed and consistency.',
  }),
  question('D.label-cost', 'number', 'What does one label cost?', {
    unit: 'currency per label',
    min: 0,
    why: 'Label cost times the labels needed is often the largest line of the budget.',
    ruleOfThumb: 'Expert labels cost 10–100× crowd labels; budget for double-labeling a sample.',
  }),
  question('D.label-guidelines', 'yes-no-unknown', 'Are there written labeling guidelines?', {
    why: 'Without guidelines annotators disagree, and their disagreement caps model quality.',
  }),
  question(
    'D.agreement-measured',
    'yes-no-unknown',
    'Has a double-labeled sample been measured for agreement?',
    {
      derivedFrom: 'agreement.sampleMeasured',
      why: 'Where annotators disagree, a model cannot be measured above their agreement; a double-labeled sample shows where that cap is.',
      ruleOfThumb:
        'Have 100–300 items labeled by two or more annotators and upload them on the Agreement tab.',
    },
  ),
  question('D.labeled-examples', 'number', 'How many labeled examples are available now?', {
    unit: 'examples',
    min: 0,
    integer: true,
    why: 'Sets whether to start from an off-the-shelf model, fine-tune, or train from scratch.',
  }),

  // E. Quality target and ceiling
  question('E.optimizing-metric', 'short-text', 'What is the single optimizing metric?', {
    why: 'One number to maximise makes approaches comparable; the rest become constraints.',
    example: 'accuracy, macro-F1, NDCG@10',
  }),
  question('E.single-metric', 'yes-no-unknown', 'Has the team agreed on that single optimizing metric?', {
    why: 'Without an agreed metric every result can be argued away and no target can be met.',
  }),
  question('E.satisficing-constraints', 'long-text', 'What are the satisficing constraints?', {
    why: 'Constraints only need to be met, not maximised.',
    example: 'accuracy subject to p99 latency ≤ 100 ms and model size ≤ 500 MB',
  }),
  question('E.target-quality', 'number', 'What is the quality target on the optimizing metric?', {
    ...QUALITY,
    why: 'The target decides feasibility against the human ceiling and the time it takes.',
    ruleOfThumb: 'Cost grows super-linearly as the target approaches the ceiling.',
  }),
  question('E.min-launch-quality', 'number', 'What minimum quality is good enough to launch?', {
    ...QUALITY,
    why: 'Launching at the minimum starts the feedback loop months earlier.',
    ruleOfThumb: 'Launch a heuristic first if it meets the minimum.',
  }),
  question('E.human-ceiling', 'number', 'What is human-level performance (the human ceiling)?', {
    ...QUALITY,
    derivedFrom: 'agreement.humanCeiling',
    why: 'A model is scored against human labels, so it cannot be measured far above human agreement.',
    ruleOfThumb: 'Human agreement limits ML performance; measure it on a double-labeled sample.',
  }),
  question(
    'E.expected-quality',
    'range',
    'What quality do you expect a first model to reach (low / likely / high)?',
    {
      ...QUALITY,
      why: 'A three-point estimate makes the uncertainty explicit and feeds the tradeoff curve.',
    },
  ),

  // F. Attack angles and ROI
  question(
    'F.attack-angles',
    'long-text',
    'Which approaches are candidates, with expected quality, effort and risk?',
    {
      derivedFrom: 'tradeoff.attackAngles',
      why: 'Comparing a keyword rule, an API, fine-tuning and a custom model shows the cheapest path to the target.',
      ruleOfThumb: '1 minute → worst, 1 day → baseline, 1 week → decent, 1 year → awesome.',
    },
  ),
  question('F.time-to-target', 'duration', 'How long until the target is reached, pessimistically (P90)?', {
    derivedFrom: 'tradeoff.timeToTarget',
    why: 'The pessimistic time to target, not the likely one, decides whether the deadline holds.',
  }),
  question('F.value-per-point', 'number', 'What is one point of quality (0.01) worth per year?', {
    unit: 'currency per quality point per year',
    min: 0,
    why: 'Value per point against effort cost ranks the attack angles by ROI.',
  }),
  question('F.team-cost', 'number', 'What does one person-month of the team cost?', {
    unit: 'currency per person-month',
    min: 0,
    why: 'Converts effort into cost for the ROI ranking.',
  }),

  // G. Serving and latency
  question('G.serving-mode', 'single', 'Are predictions made online or pre-computed?', {
    options: [
      ['online', 'Online, on each request'],
      ['precomputed', 'Pre-computed in batch'],
    ],
    why: 'Online serving adds latency budgets and needs every input at request time.',
    ruleOfThumb: 'Pre-compute when the set of inputs is known ahead of time.',
  }),
  question('G.freshness', 'duration', 'How fresh must the predictions be?', {
    why: 'Freshness decides between batch runs and online inference.',
  }),
  question('G.latency-p99', 'number', 'What is the p99 latency budget for one prediction?', {
    unit: 'ms',
    min: 0,
    why: 'The latency budget rules model classes in or out.',
    ruleOfThumb: 'At 10 ms or less, check that the model class can run in time before anything else.',
  }),
  question('G.throughput', 'number', 'What throughput is needed at peak?', {
    unit: 'predictions per second',
    min: 0,
    why: 'Throughput times model cost per prediction is the serving bill.',
  }),
  question('G.where-it-runs', 'multi', 'Where does the model run?', {
    options: [
      ['cloud', 'Cloud'],
      ['on-premises', 'On premises'],
      ['edge', 'Edge device'],
      ['mobile', 'Mobile app'],
      ['browser', 'Browser'],
    ],
    why: 'Devices limit model size and make updates slower.',
  }),

  // H. Timeline and resources
  question('H.team', 'long-text', 'Who is on the team, and which skills are missing?', {
    why: 'Missing skills (data engineering, MLOps, labeling) become hidden timeline risks.',
  }),
  question('H.team-size', 'number', 'How many people work on it?', {
    unit: 'people',
    min: 0,
    integer: true,
    why: 'Turns effort into calendar time.',
  }),
  question('H.months-to-pilot', 'range', 'How many months to a pilot (optimistic / likely / pessimistic)?', {
    unit: 'months',
    min: 0,
    why: 'A pilot with real users is the first check of value.',
  }),
  question(
    'H.months-to-production',
    'range',
    'How many months to production (optimistic / likely / pessimistic)?',
    {
      unit: 'months',
      min: 0,
      why: 'Stakeholders plan on the pessimistic end; compare it with their horizon.',
      ruleOfThumb: 'Plan on the pessimistic estimate; the likely one is rarely met.',
    },
  ),
  question('H.retraining-cadence', 'single', 'How often must the model be retrained?', {
    options: [
      ['never', 'Once (no retraining)'],
      ['yearly', 'Yearly'],
      ['quarterly', 'Quarterly'],
      ['monthly', 'Monthly'],
      ['weekly', 'Weekly'],
      ['daily', 'Daily or continuously'],
    ],
    why: 'Frequent retraining needs an automated pipeline (MLOps level 1 or more).',
    ruleOfThumb: 'Retraining weekly or more often by hand does not last.',
  }),
  question(
    'H.model-count',
    'number',
    'How many models will run in production (per market, per customer, …)?',
    {
      unit: 'models',
      min: 1,
      integer: true,
      why: 'Many models multiply maintenance and call for pipeline automation.',
    },
  ),

  // I. Risks
  question('I.when-wrong', 'long-text', 'What happens when the model is wrong?', {
    why: 'Every model is wrong sometimes; the product must make errors cheap.',
  }),
  question('I.when-unsure', 'single', 'What happens when the model is unsure?', {
    options: [
      ['defer-to-human', 'Defer to a person'],
      ['fallback-heuristic', 'Fall back to the heuristic'],
      ['show-confidence', 'Show the output with its confidence'],
      ['act-anyway', 'Act anyway'],
    ],
    why: 'Abstaining on the hardest cases buys quality on the rest.',
  }),
  question('I.fairness', 'yes-no-unknown', 'Could errors fall unevenly on groups of people?', {
    why: 'Uneven errors need per-group evaluation and sometimes a legal review.',
  }),
  question('I.failure-recovery', 'long-text', 'How do you recover when the model or its data fails?', {
    why: 'A fallback (the heuristic, the previous model) keeps the product running.',
    ruleOfThumb: 'Keep the heuristic deployable as the fallback.',
  }),

  // J. Operations
  question('J.current-maturity', 'single', 'What is the current MLOps maturity level?', {
    derivedFrom: 'roadmap.maturityLevel',
    options: MATURITY_LEVEL_OPTIONS,
    why: 'The gap between current and target level is roadmap work.',
  }),
  question('J.target-maturity', 'single', 'Which MLOps maturity level should the project reach?', {
    options: MATURITY_LEVEL_OPTIONS,
    why: 'Follows from retraining cadence, number of models and risk.',
    ruleOfThumb: 'Weekly retraining or many models → level 1; frequent pipeline changes → level 2.',
  }),
  question(
    'J.traceability',
    'yes-no-unknown',
    'Can each prediction be traced to its model version and training data?',
    {
      why: 'Without traceability a bad prediction cannot be explained or fixed.',
    },
  ),
  question('J.rollback', 'yes-no-unknown', 'Can a model be rolled back within minutes?', {
    why: 'Rollback turns a bad release into a short incident.',
  }),
  question(
    'J.monitoring',
    'yes-no-unknown',
    'Will inputs, predictions and quality be monitored in production?',
    {
      why: 'Models degrade silently as data drifts; only monitoring notices.',
    },
  ),

  // K. Stakeholders
  question('K.sign-off', 'short-text', 'Who signs off on launch?', {
    why: 'The sign-off owner must agree on the target and the risks early.',
  }),
  question('K.readers', 'short-text', 'Who reads the feasibility report?', {
    why: 'Write the summary for them.',
  }),
  question('K.review-cadence', 'single', 'How often is progress reviewed with stakeholders?', {
    options: [
      ['weekly', 'Weekly'],
      ['biweekly', 'Every two weeks'],
      ['monthly', 'Monthly'],
      ['quarterly', 'Quarterly'],
      ['milestones', 'At milestones'],
    ],
    why: 'Regular reviews surface a slipping estimate before the deadline.',
  }),
  question('K.horizon', 'duration', 'By when do stakeholders expect it in production?', {
    why: 'The horizon is what pessimistic estimates are compared with.',
    example: '6 months, the end of the fiscal year',
  }),
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
