import type { Roadmap, RoadmapEdit, RoadmapPhase } from '@raisin/core/roadmap';
import { Button, DataTable } from '../../components';
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
    <DataTable
      label="Phases"
      className="phase-table"
      caption="Roadmap phases with P50 and P90 dates"
      captionHidden
      columns={[
        '#',
        'Phase',
        'Duration P50 / P90 (working days)',
        'Start (P50)',
        'End (P50)',
        'End (P90)',
        'Milestones',
        'Depends on',
        canEdit && 'Actions',
      ]}
    >
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
            {phase.dependsOn.map((id) => names.get(id) ?? id).join(', ') || <span className="muted">—</span>}
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
                  onClick={() => void onEdit([{ type: 'movePhase', phaseId: phase.id, toIndex: index - 1 }])}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  disabled={busy || index === roadmap.phases.length - 1}
                  aria-label={`Move “${phase.name}” down`}
                  onClick={() => void onEdit([{ type: 'movePhase', phaseId: phase.id, toIndex: index + 1 }])}
                >
                  ↓
                </Button>
              </div>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
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
