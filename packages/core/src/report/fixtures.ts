import {
  REPORT_SCHEMA_VERSION,
  REPORT_SECTION_TITLES,
  type ReportSectionKey,
  type ReportSnapshot,
} from './snapshot';

const emptySection = (key: ReportSectionKey, nextStep: string) =>
  ({ status: 'empty', title: REPORT_SECTION_TITLES[key], nextStep }) as const;

/**
 * A filled, realistic published snapshot (a support-ticket router), for renderer tests and previews. One
 * worksheet answer holds markup (`<script>alert(1)</script>`) so renderers can prove they escape user text.
 */
export function exampleReportSnapshot(): ReportSnapshot {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    project: { id: '6f1c1e2a-0000-4000-8000-000000000001', name: 'Ticket router' },
    version: {
      number: 2,
      note: 'For the steering committee, March',
      publishedByName: 'Ada Lovelace',
      publishedAt: '2026-03-02T09:30:00.000Z',
    },
    generatedAt: '2026-03-02T09:30:00.000Z',
    summary: {
      verdict: 'spike-first',
      reasons: [
        {
          effect: 'spike',
          text: 'the target accuracy 0.85 is within 0.05 of the human ceiling 0.81 (Agreement)',
          questionIds: ['E.target-quality'],
          source: 'agreement',
        },
        {
          effect: 'go',
          text: 'labels exist for 12,000 tickets',
          questionIds: ['D.labels-available'],
          source: null,
        },
      ],
      ceiling: { value: 0.81, ci: { low: 0.77, high: 0.85 }, sampleName: 'Batch March' },
      target: { value: 0.78, source: 'worksheet' },
      timeToTarget: {
        p10Days: 24,
        p50Days: 41,
        p90Days: 77,
        p50Date: '2026-05-18',
        p90Date: '2026-07-03',
      },
      bestAngle: { name: 'Fine-tuned small model', quality: 0.79, net: 182000 },
      nextMilestones: [
        {
          name: 'Baseline agreed',
          phaseName: 'ML baseline',
          p50Date: '2026-04-10',
          p90Date: '2026-04-24',
        },
        {
          name: 'Pipeline automated',
          phaseName: 'Continuous training',
          p50Date: '2026-06-05',
          p90Date: '2026-07-10',
        },
      ],
      topRisks: [
        {
          text: 'the target accuracy 0.85 is within 0.05 of the human ceiling 0.81 (Agreement)',
          origin: 'verdict',
          questionId: 'E.target-quality',
        },
        { text: 'Label drift after the product launch in May', origin: 'worksheet', questionId: 'I.risks' },
      ],
      maturity: { current: 0, target: 1 },
    },
    sections: {
      worksheet: {
        status: 'ready',
        title: REPORT_SECTION_TITLES.worksheet,
        answered: 4,
        total: 40,
        groups: [
          {
            id: 'A',
            title: 'Problem and value',
            answers: [
              {
                questionId: 'A.problem',
                question: 'What problem does the model solve?',
                answer: 'Route incoming tickets to the right team <script>alert(1)</script>',
              },
            ],
          },
          {
            id: 'E',
            title: 'Quality target',
            answers: [
              { questionId: 'E.metric', question: 'Which metric?', answer: 'Accuracy' },
              { questionId: 'E.target-quality', question: 'Target quality', answer: '0.78' },
            ],
          },
          {
            id: 'I',
            title: 'Risks',
            answers: [
              {
                questionId: 'I.risks',
                question: 'What could go wrong?',
                answer: 'Label drift after the product launch in May',
              },
            ],
          },
        ],
      },
      agreement: {
        status: 'ready',
        title: REPORT_SECTION_TITLES.agreement,
        reference: {
          sampleName: 'Batch March',
          ceiling: 0.81,
          ci: { low: 0.77, high: 0.85 },
          krippendorffAlpha: 0.74,
          items: 400,
          annotators: 3,
          coefficients: [
            {
              name: "Krippendorff's α",
              value: 0.74,
              ci: { low: 0.7, high: 0.78 },
              band: { name: 'tentative', scale: "Krippendorff's" },
            },
            {
              name: "Fleiss' κ",
              value: 0.73,
              ci: { low: 0.69, high: 0.77 },
              band: { name: 'substantial', scale: "Landis–Koch's" },
            },
            {
              name: "Gwet's AC1",
              value: 0.79,
              ci: null,
              band: { name: 'substantial', scale: "Landis–Koch's" },
            },
          ],
        },
        trend: [
          {
            sampleName: 'Batch January',
            uploadedAt: '2026-01-20T10:00:00.000Z',
            alpha: 0.66,
            ceiling: 0.78,
            isReference: false,
          },
          {
            sampleName: 'Batch March',
            uploadedAt: '2026-03-01T10:00:00.000Z',
            alpha: 0.74,
            ceiling: 0.81,
            isReference: true,
          },
        ],
      },
      tradeoff: {
        status: 'ready',
        title: REPORT_SECTION_TITLES.tradeoff,
        maxQuality: 1,
        target: 0.78,
        ceiling: 0.81,
        angles: [
          {
            name: 'Keyword rule',
            effortDays: { low: 1, likely: 2, high: 5 },
            quality: { low: 0.4, likely: 0.5, high: 0.55 },
          },
          {
            name: 'Fine-tuned small model',
            effortDays: { low: 20, likely: 40, high: 90 },
            quality: { low: 0.72, likely: 0.79, high: 0.83 },
          },
        ],
        measured: [{ effortDays: 3, quality: 0.52, label: 'rule v1' }],
        curve: [
          { days: 1, fitted: 0.42, p10: 0.36, p50: 0.42, p90: 0.47 },
          { days: 10, fitted: 0.64, p10: 0.57, p50: 0.63, p90: 0.69 },
          { days: 40, fitted: 0.77, p10: 0.71, p50: 0.76, p90: 0.8 },
          { days: 120, fitted: 0.8, p10: 0.76, p50: 0.79, p90: 0.81 },
        ],
        curveError: null,
        timeToTarget: { p10Days: 24, p50Days: 41, p90Days: 77 },
        roi: [
          {
            rank: 1,
            name: 'Fine-tuned small model',
            quality: 0.79,
            effortDays: 40,
            cost: 58000,
            value: 240000,
            net: 182000,
          },
          {
            rank: 2,
            name: 'Keyword rule',
            quality: 0.5,
            effortDays: 2,
            cost: 2900,
            value: 60000,
            net: 57100,
          },
        ],
      },
      roadmap: {
        status: 'ready',
        title: REPORT_SECTION_TITLES.roadmap,
        startDate: '2026-03-09',
        end: { p50: '2026-06-05', p90: '2026-07-10' },
        targetQuality: { p50: '2026-05-18', p90: '2026-07-03' },
        phases: [
          {
            id: 'ml-baseline',
            name: 'ML baseline',
            description: 'A first model measured against the reference sample.',
            level: 0,
            durationP50: 24,
            durationP90: 34,
            p50Start: '2026-03-09',
            p50End: '2026-04-10',
            p90End: '2026-04-24',
            milestones: ['Baseline agreed'],
          },
          {
            id: 'continuous-training',
            name: 'Continuous training',
            description: 'Automated retraining on fresh labels.',
            level: 1,
            durationP50: 40,
            durationP90: 53,
            p50Start: '2026-04-13',
            p50End: '2026-06-05',
            p90End: '2026-07-10',
            milestones: ['Pipeline automated'],
          },
        ],
      },
      maturity: {
        status: 'ready',
        title: REPORT_SECTION_TITLES.maturity,
        currentLevel: 0,
        targetLevel: 1,
        recommendedLevel: 1,
        overridden: false,
        reasons: ['The model is retrained monthly (worksheet K), so training must be automated.'],
        answered: 12,
        total: 18,
        areas: [
          { title: 'Data', yes: 2, no: 1, notApplicable: 0, unanswered: 1, level: 0 },
          { title: 'Training', yes: 3, no: 2, notApplicable: 1, unanswered: 0, level: 0 },
        ],
        blockers: ['Training runs from a pipeline, not a notebook'],
      },
    },
    assumptions: [
      {
        label: 'Target quality',
        value: '0.78',
        source: { kind: 'answer', questionId: 'E.target-quality', question: 'Target quality' },
        enteredByName: 'Ada Lovelace',
        enteredAt: '2026-02-20T14:03:00.000Z',
      },
      {
        label: 'Human ceiling',
        value: '0.81 (95% CI 0.77–0.85)',
        source: { kind: 'sample', sampleName: 'Batch March' },
        enteredByName: 'Grace Hopper',
        enteredAt: '2026-03-01T10:00:00.000Z',
      },
      {
        label: 'Fine-tuned small model: likely effort',
        value: '40 days',
        source: { kind: 'estimate', angleName: 'Fine-tuned small model' },
        enteredByName: 'Ada Lovelace',
        enteredAt: '2026-02-25T08:15:00.000Z',
      },
      {
        label: 'Time to target P50',
        value: '41 days',
        source: { kind: 'computed', from: 'the tradeoff simulation (10,000 seeded draws)' },
        enteredByName: null,
        enteredAt: null,
      },
    ],
  };
}

/** A preview of a project whose tabs are all empty: every section says what to do next. */
export function emptyReportSnapshot(): ReportSnapshot {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    project: { id: '6f1c1e2a-0000-4000-8000-000000000002', name: 'New project' },
    version: null,
    generatedAt: '2026-03-02T09:30:00.000Z',
    summary: {
      verdict: 'undecided',
      reasons: [],
      ceiling: null,
      target: null,
      timeToTarget: null,
      bestAngle: null,
      nextMilestones: [],
      topRisks: [],
      maturity: null,
    },
    sections: {
      worksheet: emptySection('worksheet', 'Answer the worksheet questions to get a verdict.'),
      agreement: emptySection(
        'agreement',
        'Upload a labeled sample on the Agreement tab to measure the ceiling.',
      ),
      tradeoff: emptySection(
        'tradeoff',
        'Add attack angles on the Tradeoff tab to estimate the time to target.',
      ),
      roadmap: emptySection('roadmap', 'Generate a roadmap on the Roadmap tab.'),
      maturity: emptySection('maturity', 'Fill in the MLOps self-assessment on the Roadmap tab.'),
    },
    assumptions: [],
  };
}
