/** Test-only: stores a scored sample the way the upload route does, without HTTP or a worker. */
import {
  type AgreementReport,
  computeAgreement,
  computeFramedAgreement,
  type EncodedSample,
  type Framing,
  parseFramedSample,
  parseSample,
} from '@raisin/core/agreement';
import {
  type AgreementSampleSummary,
  createAgreementSample,
  type Db,
  encodeSample,
  NO_TRIPLES,
  storedReportOptions,
} from '@raisin/db';

/** Three annotators, four items, labels that disagree on two items. */
export const SMALL_SAMPLE_CSV =
  'item,annotator,label\n1,a,x\n1,b,x\n1,c,x\n2,a,y\n2,b,y\n2,c,x\n3,a,x\n3,b,y\n3,c,y\n4,a,y\n4,b,y\n4,c,y\n';

export async function seedAgreementSample(
  db: Db,
  params: { projectId: string; workspaceId: string; actorId: string; name?: string; csv?: string },
): Promise<AgreementSampleSummary> {
  const parsed = parseSample(params.csv ?? SMALL_SAMPLE_CSV);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const report = computeAgreement(parsed.value.sample, {
    ...storedReportOptions(),
    bootstrap: 20,
  });
  return createAgreementSample(db, {
    projectId: params.projectId,
    workspaceId: params.workspaceId,
    actorId: params.actorId,
    name: params.name ?? 'pilot',
    fileName: 'pilot.csv',
    fileBytes: (params.csv ?? SMALL_SAMPLE_CSV).length,
    format: parsed.value.format,
    columns: parsed.value.columns ?? null,
    level: 'nominal',
    categoryOrder: null,
    report,
    missingSpellings: parsed.value.missingSpellings,
    triples: encodeSample(parsed.value.sample),
  });
}

/**
 * Stores a file read under its framing the way the upload route does: every question scored under its
 * framing and kept in `controls` when there are several, `control` (else the first) the headline, its
 * triples kept when it has any (a structured framing stores none). `framing` names a table's framing,
 * as the upload form's select does.
 */
export async function seedFramedSample(
  db: Db,
  params: {
    projectId: string;
    workspaceId: string;
    actorId: string;
    file: Uint8Array;
    control?: string;
    framing?: Framing;
  },
): Promise<AgreementSampleSummary> {
  const parsed = parseFramedSample(
    params.file,
    params.framing === undefined ? {} : { framing: params.framing },
  );
  if (!parsed.ok) throw new Error(parsed.error.message);
  const controls: Record<string, AgreementReport> = {};
  for (const control of parsed.value.controls) {
    controls[control.name] = computeFramedAgreement(control.sample, {
      ...storedReportOptions(),
      bootstrap: 20,
    });
  }
  const name = params.control ?? parsed.value.controls[0]?.name ?? '';
  const headline = parsed.value.controls.find((c) => c.name === name);
  const report = controls[name];
  if (headline === undefined || report === undefined) throw new Error(`no control ${name}`);
  const several = parsed.value.controls.length > 1;
  const triples: EncodedSample = 'itemOf' in headline.sample.sample ? headline.sample.sample : NO_TRIPLES;
  return createAgreementSample(db, {
    projectId: params.projectId,
    workspaceId: params.workspaceId,
    actorId: params.actorId,
    name: 'export',
    fileName: 'export.json',
    fileBytes: params.file.length,
    format: parsed.value.format,
    columns: null,
    level: 'nominal',
    categoryOrder: null,
    report,
    missingSpellings: parsed.value.missingSpellings,
    ...(several ? { controls, control: name } : {}),
    triples: encodeSample(triples),
  });
}
