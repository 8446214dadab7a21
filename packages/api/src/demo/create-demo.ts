import { randomUUID } from 'node:crypto';
import { parseSample } from '@raisin/core/agreement';
import {
  DEMO_ATTACK_ANGLES,
  DEMO_DECISION,
  DEMO_MATURITY_ANSWERS,
  DEMO_MEASURED_POINTS,
  DEMO_PROJECT,
  DEMO_REPORT_NOTE,
  DEMO_SAMPLE_FILE_NAME,
  DEMO_SAMPLE_NAME,
  DEMO_SEED,
  DEMO_TRADEOFF_SETTINGS,
  DEMO_WORKSHEET_VALUES,
  DEMO_WORKSPACE_NAME,
  demoSampleToCsv,
  generateDemoSample,
} from '@raisin/core/demo';
import { createAgreementSample, type Db, DomainError, deleteWorkspace, encodeSample } from '@raisin/db';
import type { z } from 'zod';
import { type AgreementScorer, inProcessAgreementScorer } from '../agreement';
import { createContextInner, type SessionUser } from '../context';
import { agreementRouter } from '../routers/agreement';
import { projectsRouter } from '../routers/projects';
import { reportRouter } from '../routers/report';
import { roadmapRouter } from '../routers/roadmap';
import { tradeoffRouter } from '../routers/tradeoff';
import { worksheetRouter } from '../routers/worksheet';
import { workspacesRouter } from '../routers/workspaces';
import type { answerValueSchema } from '../schemas/worksheet';
import { createCallerFactory, createTRPCRouter } from '../trpc';

// The demo is built through the same procedures a user's clicks call, so it passes the same input
// validation, role checks and audit trail; only the sample upload (HTTP multipart) is done below them.
const demoSteps = createTRPCRouter({
  workspaces: workspacesRouter,
  projects: projectsRouter,
  worksheet: worksheetRouter,
  agreement: agreementRouter,
  tradeoff: tradeoffRouter,
  roadmap: roadmapRouter,
  report: reportRouter,
});
const createStepsCaller = createCallerFactory(demoSteps);
type Steps = ReturnType<typeof createStepsCaller>;

export interface CreateDemoOptions {
  /** Scores the sample; the server passes its worker-thread scorer. */
  readonly agreementScorer?: AgreementScorer | undefined;
  /** The roadmap's first day (YYYY-MM-DD); default today (UTC). */
  readonly startDate?: string | undefined;
  /** The public origin, for the share link's URL. */
  readonly baseUrl?: string | null | undefined;
}

export interface CreatedDemo {
  readonly workspaceId: string;
  readonly projectId: string;
  /** The published report's read-only link (a path when the server's public origin is unknown). */
  readonly shareUrl: string;
}

async function answerWorksheet(steps: Steps, projectId: string): Promise<void> {
  for (const [questionId, value] of Object.entries(DEMO_WORKSHEET_VALUES)) {
    // Through JSON, as a browser sends it: the procedure validates it like any client's answer.
    const wire: z.input<typeof answerValueSchema> = JSON.parse(JSON.stringify(value));
    await steps.worksheet.save({ projectId, questionId, baseVersion: 0, value: wire });
  }
}

/** Scores and stores the generated sample as an upload would (stored report options, encoded triples). */
async function uploadSample(
  db: Db,
  steps: Steps,
  params: { workspaceId: string; projectId: string; actorId: string; scorer: AgreementScorer },
): Promise<void> {
  const csv = demoSampleToCsv(generateDemoSample(DEMO_SEED));
  const parsed = parseSample(csv);
  if (!parsed.ok) throw new DomainError('INVALID_SAMPLE', parsed.error.message);
  const triples = encodeSample(parsed.value.sample);
  const scored = await params.scorer.rescore({
    triples,
    framing: 'categorical',
    level: 'nominal',
    order: null,
  });
  if (!scored.ok) throw new DomainError('INVALID_SAMPLE', scored.message);
  const sample = await createAgreementSample(db, {
    projectId: params.projectId,
    workspaceId: params.workspaceId,
    actorId: params.actorId,
    name: DEMO_SAMPLE_NAME,
    fileName: DEMO_SAMPLE_FILE_NAME,
    fileBytes: Buffer.byteLength(csv),
    format: parsed.value.format,
    columns: parsed.value.columns ?? null,
    level: 'nominal',
    categoryOrder: null,
    report: scored.report,
    triples,
  });
  await steps.agreement.setReference({ projectId: params.projectId, sampleId: sample.id });
}

async function fillTradeoff(steps: Steps, projectId: string): Promise<void> {
  // A new project starts with the generic example angles: the demo's replace them one for one.
  const state = await steps.tradeoff.get({ projectId });
  for (const [i, angle] of DEMO_ATTACK_ANGLES.entries()) {
    const seeded = state.angles[i];
    if (seeded)
      await steps.tradeoff.updateAngle({ projectId, angleId: seeded.id, version: seeded.version, angle });
    else await steps.tradeoff.createAngle({ projectId, angle });
  }
  for (const extra of state.angles.slice(DEMO_ATTACK_ANGLES.length)) {
    await steps.tradeoff.deleteAngle({ projectId, angleId: extra.id, version: extra.version });
  }
  for (const point of DEMO_MEASURED_POINTS) await steps.tradeoff.createMeasured({ projectId, point });
  await steps.tradeoff.updateSettings({
    projectId,
    version: state.version,
    settings: DEMO_TRADEOFF_SETTINGS,
  });
}

async function planRoadmap(steps: Steps, projectId: string, startDate: string): Promise<void> {
  const assessment = await steps.roadmap.assessment({ projectId });
  await steps.roadmap.saveAnswers({
    projectId,
    version: assessment.version,
    answers: { ...DEMO_MATURITY_ANSWERS },
  });
  const { stored } = await steps.roadmap.get({ projectId });
  await steps.roadmap.generate({ projectId, version: stored?.version ?? 0, startDate });
}

/**
 * Creates the demo project (docs/guide.md) for `user`: a new workspace "Demo — Marketplace ML" that they own, with
 * one complete project (worksheet answered, the generated sample scored and marked reference, attack
 * angles, maturity assessment, generated roadmap, a published report with a decision from a meeting and a
 * share link that takes readers' decisions). Every call makes a new workspace. If any step fails,
 * the half-built workspace is deleted and the error rethrown, so a failure leaves nothing behind.
 */
export async function createDemo(
  db: Db,
  user: SessionUser,
  options: CreateDemoOptions = {},
): Promise<CreatedDemo> {
  const scorer = options.agreementScorer ?? inProcessAgreementScorer;
  const steps = createStepsCaller(
    createContextInner({
      db,
      user,
      requestId: `demo-${randomUUID()}`,
      agreementScorer: scorer,
      baseUrl: options.baseUrl ?? undefined,
    }),
  );
  const workspace = await steps.workspaces.create({ name: DEMO_WORKSPACE_NAME });
  try {
    const project = await steps.projects.create({ workspaceId: workspace.id, ...DEMO_PROJECT });
    const ids = { workspaceId: workspace.id, projectId: project.id };
    await answerWorksheet(steps, project.id);
    await uploadSample(db, steps, { ...ids, actorId: user.id, scorer });
    await fillTradeoff(steps, project.id);
    await planRoadmap(steps, project.id, options.startDate ?? new Date().toISOString().slice(0, 10));
    const version = await steps.report.publish({ projectId: project.id, note: DEMO_REPORT_NOTE });
    await steps.report.recordMeetingDecision({
      projectId: project.id,
      versionId: version.id,
      ...DEMO_DECISION,
    });
    // Its readers may decide too, so the demo shows the reader's form.
    const link = await steps.report.createShareLink({
      projectId: project.id,
      versionId: version.id,
      allowFeedback: true,
    });
    return { ...ids, shareUrl: link.url };
  } catch (error) {
    await deleteWorkspace(db, { workspaceId: workspace.id, actorId: user.id });
    throw error;
  }
}
