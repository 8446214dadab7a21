import type { Roadmap, RoadmapEdit, RoadmapPhase } from '@raisin/core/roadmap';
import { Button, ScrollBox } from '../../components';
import { formatDay } from './gantt-layout';
import { ITEM_TEXT } from './maturity-summary';
import { PhaseEditDialog, RemovePhaseDialog } from './phase-edit-dialog';

export interface PhaseTableProps {
  roadmap: Roadmap;
  canEdit: boolean;
  busy: boolean;
  onEdit: (edits: readonly RoadmapEdit[]) => Promise<boolean>;
}

/** Every phase with its numbers: the chart's text alternative, and where editors change the plan. */
export function PhaseTable({ roadmap, canEdit, busy, onEdit }: PhaseTableProps) {
  const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  return (
    <ScrollBox label="Phases">
      <table className="table phase-table">
        <caption className="visually-hidden">Roadmap phases with P50 and P90 dates</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Phase</th>
            <th scope="col">Duration P50 / P90 (working days)</th>
            <th scope="col">Start (P50)</th>
            <th scope="col">End (P50)</th>
            <th scope="col">End (P90)</th>
            <th scope="col">Milestones</th>
            <th scope="col">Depends on</th>
            {canEdit && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {roadmap.phases.map((phase, index) => (
            <tr key={phase.id}>
              <td>{index + 1}</td>
              <th scope="row">
                {phase.name}
                {phase.level !== null && <span className="badge">Level {phase.level}</span>}
                {phase.edited.length > 0 && <span className="badge badge--edited">Edited</span>}
                <ClosesList phase={phase} />
              </th>
              {/* A date or a duration broken over two lines reads as two values: they never wrap. */}
              <td className="nowrap">
                {phase.schedule.durationP50} / {phase.schedule.durationP90}
              </td>
              <td className="nowrap">{formatDay(phase.schedule.p50Start)}</td>
              <td className="nowrap">{formatDay(phase.schedule.p50End)}</td>
              <td className="nowrap">{formatDay(phase.schedule.p90End)}</td>
              <td className="phase-table__text">
                {phase.milestones.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ul className="plain-list">
                    {phase.milestones.map((milestone) => (
                      <li key={milestone.id}>{milestone.name}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="phase-table__text">
                {phase.dependsOn.map((id) => names.get(id) ?? id).join(', ') || (
                  <span className="muted">—</span>
                )}
              </td>
              {canEdit && (
                <td>
                  <div className="phase-table__actions">
                    {/* Two by two (edit, remove; up, down), in reading order, so the column stays narrow. */}
                    <PhaseEditDialog phase={phase} busy={busy} onEdit={onEdit} />
                    <RemovePhaseDialog phase={phase} busy={busy} onEdit={onEdit} />
                    <Button
                      variant="ghost"
                      disabled={busy || index === 0}
                      aria-label={`Move “${phase.name}” up`}
                      onClick={() =>
                        void onEdit([{ type: 'movePhase', phaseId: phase.id, toIndex: index - 1 }])
                      }
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      disabled={busy || index === roadmap.phases.length - 1}
                      aria-label={`Move “${phase.name}” down`}
                      onClick={() =>
                        void onEdit([{ type: 'movePhase', phaseId: phase.id, toIndex: index + 1 }])
                      }
                    >
                      ↓
                    </Button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function ClosesList({ phase }: { phase: RoadmapPhase }) {
  if (phase.closes.length === 0) return null;
  return (
    <details className="phase-table__closes">
      <summary>
        Closes {phase.closes.length} assessment item{phase.closes.length === 1 ? '' : 's'}
      </summary>
      <ul>
        {phase.closes.map((id) => (
          <li key={id}>{ITEM_TEXT.get(id) ?? id}</li>
        ))}
      </ul>
    </details>
  );
}
