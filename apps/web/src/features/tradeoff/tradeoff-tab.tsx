import { ceilingMetricName, isAccuracyCeiling } from '@raisin/core/agreement';
import { formatQuality } from '@raisin/core/format';
import {
  adoptedAngleName,
  analyzeTradeoff,
  durationToDays,
  resolveTradeoffInputs,
  type StoredAttackAngle,
  seedAttackAngles,
} from '@raisin/core/tradeoff';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, ErrorMessage, Spinner } from '../../components';
import { describeApiError, getApiErrorCode } from '../../lib/api-error';
import { trpc, trpcClient } from '../../lib/trpc';
import { AngleGrid, type AngleGridRow } from './angle-grid';
import { AnswersPanel } from './answers-panel';
import { ceilingMetricMismatch } from './ceiling-metric';
import { buildChartData } from './chart-data';
import {
  type AngleDraft,
  type AngleValues,
  angleToDraft,
  effectiveAngle,
  parseAngleDraft,
} from './form-values';
import { type MeasuredPointDto, MeasuredPoints, type NewMeasuredPoint } from './measured-points';
import { RoiTable } from './roi-table';
import { SettingsForm } from './settings-form';
import { parseSettingsDraft, type SettingsDraft, settingsToDraft } from './settings-values';
import { TradeoffChart } from './tradeoff-chart';
import './tradeoff.css';

export interface TradeoffTabProps {
  readonly projectId: string;
  readonly canEdit: boolean;
}

const NEW_ANGLE_ID = 'new';
/** Draft keys of the examples, which are never stored: `example:<seed id>`. */
const EXAMPLE_PREFIX = 'example:';

/** The examples a project without angles shows, as the form reads them (names say "Example: …"). */
const EXAMPLE_ANGLES = seedAttackAngles().map((angle) => ({
  id: `${EXAMPLE_PREFIX}${angle.id}`,
  version: null,
  name: angle.name,
  effort: angle.effort,
  quality: angle.quality,
  costRate: angle.costRate ?? null,
  riskNotes: angle.riskNotes ?? '',
}));

function blankAngle(): AngleValues {
  const example = seedAttackAngles()[2];
  return {
    name: '',
    effort: example?.effort ?? {
      low: { value: 1, unit: 'day' },
      likely: { value: 1, unit: 'week' },
      high: { value: 1, unit: 'month' },
    },
    quality: example?.quality ?? { low: 0.5, likely: 0.6, high: 0.7 },
    costRate: null,
    riskNotes: '',
  };
}

/**
 * The Tradeoff tab: attack angles, measured points and settings as forms; the chart, the answers and the
 * ROI table recomputed in the browser (seeded, 10,000 draws) from what is being typed, before it is saved.
 */
export function TradeoffTab({ projectId, canEdit }: TradeoffTabProps) {
  const queryClient = useQueryClient();
  const queryOptions = trpc.tradeoff.get.queryOptions({ projectId });
  const query = useQuery(queryOptions);
  const [drafts, setDrafts] = useState<Record<string, AngleDraft>>({});
  const [settingsDraft, setSettingsDraft] = useState<SettingsDraft | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; conflict: boolean } | null>(null);

  const refresh = useCallback(
    () => queryClient.invalidateQueries({ queryKey: queryOptions.queryKey }),
    [queryClient, queryOptions.queryKey],
  );

  const run = useCallback(
    async (write: () => Promise<unknown>, after?: () => void): Promise<boolean> => {
      setBusy(true);
      setMessage(null);
      try {
        await write();
        after?.();
        await refresh();
        return true;
      } catch (error) {
        const conflict = getApiErrorCode(error) === 'CONFLICT';
        setMessage({ text: describeApiError(error), conflict });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [refresh],
  );

  const data = query.data;
  const settingsParsed = data && settingsDraft ? parseSettingsDraft(settingsDraft) : null;
  const settings = settingsParsed?.ok ? settingsParsed.value : data?.settings;
  const maxQuality = settings?.maxQuality ?? 1;

  // A project without angles shows the examples: the answers and the chart follow them (and say so),
  // but nothing is stored and no other tab counts them until the team adopts them or saves one.
  const example = data !== undefined && data.angles.length === 0;
  const listed: ReadonlyArray<AngleValues & { id: string; version: number | null }> = useMemo(
    () => (data === undefined ? [] : example ? EXAMPLE_ANGLES : data.angles),
    [data, example],
  );
  const angles: StoredAttackAngle[] = useMemo(
    () => listed.map((angle) => effectiveAngle(angle.id, angle, drafts[angle.id], maxQuality)),
    [listed, drafts, maxQuality],
  );
  const resolved = useMemo(
    () =>
      data && settings
        ? resolveTradeoffInputs({
            angles,
            measured: data.measured,
            settings,
            referenceCeiling: data.referenceCeiling?.value ?? null,
            worksheetTarget: data.worksheetTarget,
            fallbackStart: data.projectStartedOn,
          })
        : null,
    [angles, data, settings],
  );
  // Typing stays responsive: the simulation catches up with the latest parsed values.
  const deferred = useDeferredValue(resolved);
  const analysis = useMemo(() => (deferred ? analyzeTradeoff(deferred) : null), [deferred]);

  if (query.isPending) return <Spinner label="Loading tradeoff…" />;
  if (query.isError || !data || !settings) {
    return <ErrorMessage>{describeApiError(query.error)}</ErrorMessage>;
  }

  const sDraft = settingsDraft ?? settingsToDraft(data.settings);
  const settingsErrors = settingsParsed && !settingsParsed.ok ? settingsParsed.errors : {};
  const startedOn = settings.workStartedOn ?? data.projectStartedOn;
  const measuredDays = (analysis?.inputs.measured ?? []).map((point) => ({
    days: durationToDays(point.effort),
    quality: point.quality,
    label: point.label ?? '',
  }));
  const fromSample = analysis?.inputs.ceilingSource === 'reference-sample' ? data.referenceCeiling : null;
  const ceiling: { value: number; ci: [number, number] | null; metric: string | null } | null =
    analysis?.inputs.ceiling == null
      ? null
      : {
          value: analysis.inputs.ceiling,
          // What the sample's ceiling is measured in (span F1, Kendall's τ…); an override is in the tab's metric.
          metric:
            fromSample && !isAccuracyCeiling(fromSample.basis) ? ceilingMetricName(fromSample.basis) : null,
          // The sample's CI is a share like its ceiling: on the metric's scale too (`referenceCeilingOnMetric`).
          ci:
            analysis.inputs.ceilingSource === 'reference-sample' && data.referenceCeiling?.ci
              ? [
                  data.referenceCeiling.ci[0] * analysis.inputs.maxQuality,
                  data.referenceCeiling.ci[1] * analysis.inputs.maxQuality,
                ]
              : null,
        };

  const dropDrafts = (keep: (key: string) => boolean) =>
    setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([key]) => keep(key))));

  const saveAngle = (id: string, saved: AngleValues, version: number | null) => {
    const draft = drafts[id] ?? angleToDraft(saved);
    const parsed = parseAngleDraft(draft, maxQuality);
    if (!parsed.ok) return;
    const isExample = id.startsWith(EXAMPLE_PREFIX);
    // An edited example becomes the team's angle, without its example marker; the others stay examples,
    // shown no more once the project has an angle of its own.
    const angle = isExample ? { ...parsed.value, name: adoptedAngleName(parsed.value.name) } : parsed.value;
    void run(
      () =>
        version === null
          ? trpcClient.tradeoff.createAngle.mutate({ projectId, angle })
          : trpcClient.tradeoff.updateAngle.mutate({ projectId, angleId: id, version, angle }),
      () => dropDrafts((key) => key !== id && !(isExample && key.startsWith(EXAMPLE_PREFIX))),
    );
  };

  const newDraft = drafts[NEW_ANGLE_ID];
  const ceilingText = ceiling === null ? null : formatQuality(ceiling.value, maxQuality);
  const gridRows: AngleGridRow[] = listed.map((angle) => {
    const draft = drafts[angle.id] ?? angleToDraft(angle);
    const parsed = parseAngleDraft(draft, maxQuality);
    const likely = parsed.ok ? parsed.value.quality.likely : angle.quality.likely;
    return {
      key: angle.id,
      label: angle.name,
      draft,
      errors: parsed.ok ? {} : parsed.errors,
      dirty: drafts[angle.id] !== undefined,
      kind: angle.version === null ? 'example' : 'stored',
      aboveCeiling: ceiling !== null && likely > ceiling.value,
    };
  });
  if (canEdit && newDraft) {
    const parsed = parseAngleDraft(newDraft, maxQuality);
    gridRows.push({
      key: NEW_ANGLE_ID,
      label: 'New attack angle',
      draft: newDraft,
      errors: parsed.ok ? {} : parsed.errors,
      dirty: true,
      kind: 'new',
      aboveCeiling: false,
    });
  }

  return (
    <div className="tradeoff-tab">
      <p className="muted">
        Estimate a few ways to attack the problem: how long each takes (low / likely / high) and what{' '}
        {settings.metricName} it would reach. The chart and answers follow as you type; save to share them.
      </p>
      {message && (
        <div role="alert" className="error-message">
          <p>{message.text}</p>
          {message.conflict && (
            <Button
              onClick={() => {
                setDrafts({});
                setSettingsDraft(null);
                setMessage(null);
                void refresh();
              }}
            >
              Reload the latest version (drops your unsaved changes)
            </Button>
          )}
        </div>
      )}
      <div className="tradeoff-top">
        {analysis && <AnswersPanel analysis={analysis} startedOn={startedOn} example={example} />}
        <SettingsForm
          draft={sDraft}
          errors={settingsErrors}
          dirty={settingsDraft !== null}
          canEdit={canEdit}
          busy={busy}
          maxQuality={maxQuality}
          // On the metric's scale, as the computation reads it (`resolveTradeoffInputs`).
          worksheetTarget={data.worksheetTarget === null ? null : data.worksheetTarget * maxQuality}
          referenceCeiling={
            data.referenceCeiling && {
              value: data.referenceCeiling.value * maxQuality,
              sampleName: data.referenceCeiling.sampleName,
              metric: isAccuracyCeiling(data.referenceCeiling.basis)
                ? undefined
                : ceilingMetricName(data.referenceCeiling.basis),
            }
          }
          onChange={setSettingsDraft}
          onReset={() => setSettingsDraft(null)}
          onSave={() => {
            if (!settingsParsed?.ok) return;
            void run(
              () =>
                trpcClient.tradeoff.updateSettings.mutate({
                  projectId,
                  version: data.version,
                  settings: settingsParsed.value,
                }),
              () => setSettingsDraft(null),
            );
          }}
        />
      </div>
      {analysis && ceiling === null && (
        <p className="notice">
          No human ceiling yet:{' '}
          <Link to="../agreement" relative="path">
            upload a labeled sample on the Agreement tab
          </Link>{' '}
          to measure it, or type it in the inputs. The curve is then bounded by it.
        </p>
      )}
      {fromSample && ceilingMetricMismatch(fromSample.basis, settings.metricName, fromSample.sampleName) && (
        <p className="notice" role="status">
          {ceilingMetricMismatch(fromSample.basis, settings.metricName, fromSample.sampleName)}
        </p>
      )}
      {analysis?.simulation && (
        <TradeoffChart
          data={buildChartData(analysis.simulation, analysis.inputs.angles, measuredDays)}
          maxQuality={maxQuality}
          target={analysis.inputs.target}
          ceiling={ceiling}
          metricName={settings.metricName}
          example={example}
        />
      )}
      {analysis && (
        <RoiTable roi={analysis.roi} roiError={analysis.roiError} maxQuality={analysis.inputs.maxQuality} />
      )}

      <section aria-labelledby="tradeoff-angles" className="tradeoff-angles">
        <h3 id="tradeoff-angles">Attack angles</h3>
        {example && (
          <div className="notice tradeoff-examples">
            <p>
              <strong>These are examples, not your estimates.</strong> Nothing counts them: not the worksheet,
              the roadmap or the report. Use them as they are, or edit one and save it to keep only that one.
            </p>
            {canEdit && (
              <Button
                variant="primary"
                busy={busy}
                onClick={() =>
                  void run(
                    () => trpcClient.tradeoff.adoptExamples.mutate({ projectId }),
                    () => dropDrafts((key) => !key.startsWith(EXAMPLE_PREFIX)),
                  )
                }
              >
                Use these examples
              </Button>
            )}
          </div>
        )}
        <AngleGrid
          rows={gridRows}
          canEdit={canEdit}
          busy={busy}
          metricName={settings.metricName}
          ceilingText={ceilingText}
          onChange={(key, next) => setDrafts((current) => ({ ...current, [key]: next }))}
          onSave={(key) => {
            const saved = listed.find((angle) => angle.id === key);
            if (key === NEW_ANGLE_ID) saveAngle(NEW_ANGLE_ID, blankAngle(), null);
            else if (saved) saveAngle(key, saved, saved.version);
          }}
          onReset={(key) => dropDrafts((candidate) => candidate !== key)}
          onDelete={(key) => {
            const angle = data.angles.find((candidate) => candidate.id === key);
            if (angle && window.confirm(`Delete the attack angle "${angle.name}"?`)) {
              void run(() =>
                trpcClient.tradeoff.deleteAngle.mutate({
                  projectId,
                  angleId: angle.id,
                  version: angle.version,
                }),
              );
            }
          }}
        />
        {canEdit && !newDraft && (
          <div className="actions">
            <Button
              onClick={() =>
                setDrafts((current) => ({ ...current, [NEW_ANGLE_ID]: angleToDraft(blankAngle()) }))
              }
            >
              New attack angle
            </Button>
          </div>
        )}
      </section>

      <MeasuredPoints
        points={data.measured satisfies readonly MeasuredPointDto[]}
        canEdit={canEdit}
        busy={busy}
        maxQuality={maxQuality}
        onAdd={(point: NewMeasuredPoint, today: string) =>
          run(() => trpcClient.tradeoff.createMeasured.mutate({ projectId, point, today }))
        }
        onDelete={(point) =>
          void run(() =>
            trpcClient.tradeoff.deleteMeasured.mutate({
              projectId,
              pointId: point.id,
              version: point.version,
            }),
          )
        }
      />
    </div>
  );
}
