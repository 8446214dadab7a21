/**
 * The demo project, "Medicines detector for product titles" (the example docs/guide.md follows: a
 * marketplace wants to flag listings that sell medicines), as plain data. The server feeds every value
 * through the same procedures and validation as a user's input, so a value that stops validating (the
 * question bank changed) fails the demo's tests rather than slipping into a database.
 */
import type { ReportDecisionKind } from '../report';
import type { MaturityAnswer } from '../roadmap';
import {
  type CostRate,
  DEFAULT_TRADEOFF_SETTINGS,
  duration,
  type EffortEstimate,
  type ThreePointEstimate,
  type TradeoffSettings,
} from '../tradeoff';
import type { QuestionId } from '../worksheet/question-bank';

export const DEMO_WORKSPACE_NAME = 'Demo — Marketplace ML';
export const DEMO_PROJECT = {
  name: 'Medicines detector for product titles',
  description:
    'Flag marketplace listings that sell medicines from their title, so compliance reviews them before they go live. A demo project: every tab is filled in; edit anything.',
} as const;
export const DEMO_SAMPLE_NAME = 'Pilot: 300 titles, 3 annotators';
export const DEMO_SAMPLE_FILE_NAME = 'medicines-titles.csv';
export const DEMO_REPORT_NOTE = 'Feasibility review for the head of trust & safety';
/**
 * A decision taken in a meeting on the demo's published version, so a new user sees decisions in the
 * Report tab, on the portfolio and in the exports; the sign-off answer still waits for the head of trust
 * & safety, whom the demo's share link (it allows feedback) lets decide.
 */
export const DEMO_DECISION: {
  readonly decision: ReportDecisionKind;
  readonly name: string;
  readonly comment: string;
} = {
  decision: 'approve-with-conditions',
  name: 'Marketplace product director',
  comment:
    'Go for the precomputed flag, on the condition that compliance reviews every flagged listing for the first month.',
};

/** Raw worksheet values by question, as a client would send them (questions other tabs answer are left out). */
export const DEMO_WORKSHEET_VALUES: Readonly<Partial<Record<QuestionId, unknown>>> = {
  'A.end-user': 'Trust & safety reviewers, who must keep medicines out of unlicensed listings.',
  'A.decision':
    'Whether a new or edited listing goes to the compliance review queue before it is published, instead of going live at once.',
  'A.decision-owner': 'The trust & safety team lead',
  'A.decision-frequency': 'daily',
  'A.current-process':
    'Every morning two reviewers search the previous day’s 120,000 new listings with a list of 40 keywords and open what looks suspicious.',
  'A.baseline-kpi': 'Share of medicine listings caught before a complaint: about 35 %',
  'A.improved-metric':
    'Catch 80 % of medicine listings before they go live, with a review queue under 1,500 a day.',
  'A.impact-measurement': ['before-after', 'offline'],
  'A.error-costs':
    'A missed medicine (false negative) risks a regulator’s fine and a customer harmed by an unlicensed drug; a false alarm costs a reviewer about 30 seconds and delays a harmless listing by a day.',
  'A.worse-error': 'false-negative',
  'A.cost-of-errors': 'severe',
  'B.heuristic': "if 'antibiotic' in title: return 'meds'",
  'B.heuristic-quality': 0.62,
  'B.complex-rules': 'yes',
  'B.people-agree': 'yes',
  'B.external-benchmark': 'None public for medicine detection in product titles.',
  'B.archetype': 'human-in-the-loop',
  'C.framing': 'classification',
  'C.output': 'single-answer',
  'C.entity': 'A product listing’s title, as the seller typed it',
  'C.outcome': 'Medicine or not medicine, as the compliance guidelines define it',
  'C.outcome-delay': { value: 1, unit: 'day' },
  'D.sources':
    'Listing titles from the catalogue database (catalogue team); review decisions from the compliance tool (trust & safety).',
  'D.access': 'yes',
  'D.privacy': ['confidential'],
  'D.inputs-at-prediction': 'yes',
  'D.labels-exist': 'yes',
  'D.label-collection': 'in-house',
  'D.label-cost': 0.08,
  'D.label-guidelines': 'yes',
  'D.labeled-examples': 4200,
  'E.optimizing-metric': 'accuracy',
  'E.single-metric': 'yes',
  'E.satisficing-constraints':
    'accuracy subject to recall on medicines ≥ 0.90 and the nightly run over all listings finishing within an hour',
  'E.target-quality': 0.82,
  'E.min-launch-quality': 0.75,
  'E.expected-quality': { low: 0.76, likely: 0.81, high: 0.85 },
  'F.value-per-point': 6000,
  'F.team-cost': 14_000,
  'G.serving-mode': 'precomputed',
  'G.freshness': { value: 1, unit: 'day' },
  'G.latency-p99': 50,
  'G.throughput': 200,
  'G.where-it-runs': ['cloud'],
  'H.team':
    'One ML engineer, one data scientist half time, and the compliance lead for labels. Missing: MLOps experience.',
  'H.team-size': 2,
  'H.months-to-pilot': { low: 1, likely: 2, high: 3 },
  'H.months-to-production': { low: 3, likely: 4, high: 6 },
  'H.retraining-cadence': 'monthly',
  'H.model-count': 1,
  'I.when-wrong':
    'A missed medicine stays live until a customer or a regulator reports it; a false alarm sends a harmless listing to review for a day.',
  'I.when-unsure': 'defer-to-human',
  'I.fairness': 'unknown',
  'I.failure-recovery': 'If the nightly run fails, the keyword rule fills the review queue instead.',
  'J.target-maturity': '1',
  'J.traceability': 'no',
  'J.rollback': 'no',
  'J.monitoring': 'unknown',
  'K.sign-off': 'Head of trust & safety',
  'K.readers': 'Head of trust & safety, the marketplace product director, legal',
  'K.review-cadence': 'biweekly',
  'K.horizon': { value: 6, unit: 'month' },
};

export interface DemoAttackAngle {
  readonly name: string;
  readonly effort: EffortEstimate;
  readonly quality: ThreePointEstimate;
  readonly costRate: CostRate | null;
  readonly riskNotes: string;
}

/** Four attack angles, from the 1-minute keyword rule to a year-long custom model; accuracies in [0, 1]. */
export const DEMO_ATTACK_ANGLES: readonly DemoAttackAngle[] = [
  {
    name: "Keyword rule: 'antibiotic' in title",
    effort: { low: duration(1, 'minute'), likely: duration(1, 'minute'), high: duration(10, 'minute') },
    quality: { low: 0.55, likely: 0.62, high: 0.66 },
    costRate: null,
    riskNotes: 'Misses every medicine that is not an antibiotic, and flags a history book about penicillin.',
  },
  {
    name: 'Off-the-shelf zero-shot classifier API',
    effort: { low: duration(1, 'day'), likely: duration(3, 'day'), high: duration(2, 'week') },
    quality: { low: 0.68, likely: 0.74, high: 0.79 },
    costRate: null,
    riskNotes: 'A per-call fee on 120,000 titles a night, and listing data leaves the company.',
  },
  {
    name: 'Fine-tuned multilingual text model',
    effort: { low: duration(2, 'week'), likely: duration(1, 'month'), high: duration(3, 'month') },
    quality: { low: 0.76, likely: 0.81, high: 0.85 },
    costRate: null,
    riskNotes: 'Needs the 4,200 labeled titles cleaned up against the guidelines first.',
  },
  {
    name: 'Custom model with catalogue features and active learning',
    effort: { low: duration(6, 'month'), likely: duration(1, 'year'), high: duration(18, 'month') },
    quality: { low: 0.8, likely: 0.84, high: 0.87 },
    costRate: null,
    riskNotes: 'Research risk: the annotators agree on about 86 % of labels, so little is left above 0.84.',
  },
];

/** The tradeoff settings: a new project's (accuracy, the target from the worksheet), with the team's money. */
export const DEMO_TRADEOFF_SETTINGS: TradeoffSettings = {
  ...DEFAULT_TRADEOFF_SETTINGS,
  value: { ...DEFAULT_TRADEOFF_SETTINGS.value, valuePerPoint: 6000, baselineQuality: 0.35 },
  teamCost: { amount: 28_000, per: 'month' },
};

/** What the team measured so far: the keyword rule, scored on the pilot sample. */
export const DEMO_MEASURED_POINTS = [
  {
    effort: duration(1, 'minute'),
    measuredOn: null,
    quality: 0.61,
    label: 'Keyword rule on the pilot sample',
  },
] as const;

/**
 * The MLOps self-assessment of a team that has shipped nothing yet: code reviewed and versioned, the
 * problem written down, everything else manual. Level 0; the worksheet (monthly retraining, severe error
 * costs) recommends level 1.
 */
export const DEMO_MATURITY_ANSWERS: Readonly<Record<string, MaturityAnswer>> = {
  'doc.problem-and-metrics': 'yes',
  'doc.model-card': 'no',
  'doc.runbook': 'no',
  'trace.code-versioned': 'yes',
  'trace.data-versioned': 'no',
  'trace.metadata': 'no',
  'trace.model-registry': 'no',
  'code.review': 'yes',
  'code.modular-pipeline': 'no',
  'deploy.rollback': 'no',
  'deploy.pipeline-deployed': 'no',
  'mon.service-health': 'yes',
  'mon.model-quality': 'no',
  'data.validation': 'no',
  'data.same-features': 'yes',
};
