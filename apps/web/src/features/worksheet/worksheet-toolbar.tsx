import { formatTimeOfDay } from '@raisin/core/format';
import {
  exportWorksheetJson,
  formatWorksheetMarkdown,
  type VerdictResult,
  WORKSHEET_TEMPLATES,
  type WorksheetAnswers,
  type WorksheetContext,
} from '@raisin/core/worksheet';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, ErrorMessage } from '../../components';
import { describeApiError } from '../../lib/api-error';
import { saveFile } from '../../lib/save-file';
import { trpc } from '../../lib/trpc';
import type { SaveStatus } from './use-answer-sync';

/** What the header says for each state; `unsendable` answers are the ones that fail their checks. */
export function saveStatusText(status: SaveStatus, savedAt: Date | null, unsendable: number): string {
  switch (status) {
    case 'saved':
      // Quiet: the time of the last confirmed save, or nothing unsaved when this visit saved nothing yet.
      return savedAt === null ? 'All changes saved' : `Saved ${formatTimeOfDay(savedAt)}`;
    case 'saving':
      return 'Saving…';
    case 'offline':
      return 'Offline — changes kept on this device';
    case 'invalid':
      return unsendable === 1
        ? 'Not saved: fix the error'
        : `${unsendable} answers not saved: fix the errors`;
    case 'attention':
      return 'Some answers need your attention';
  }
}

/** The autosave state, announced politely so screen-reader users hear "Saved" without losing their place. */
export function SaveStatusIndicator({
  status,
  savedAt = null,
  unsendable = 0,
}: {
  status: SaveStatus;
  savedAt?: Date | null;
  unsendable?: number;
}) {
  return (
    <p className={`worksheet-status worksheet-status--${status}`} role="status">
      {saveStatusText(status, savedAt, unsendable)}
    </p>
  );
}

/** A safe file name from the project name: letters, digits and dashes. */
export function exportFileName(projectName: string, extension: 'md' | 'json'): string {
  const slug = projectName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'worksheet'}-worksheet.${extension}`;
}

export function ExportButtons(props: {
  projectName: string;
  answers: WorksheetAnswers;
  context: WorksheetContext;
  verdict: VerdictResult;
}) {
  return (
    <div className="actions">
      <Button
        onClick={() =>
          saveFile(
            exportFileName(props.projectName, 'md'),
            'text/markdown;charset=utf-8',
            formatWorksheetMarkdown({
              title: `${props.projectName}: feasibility worksheet`,
              answers: props.answers,
              context: props.context,
              verdict: props.verdict,
            }),
          )
        }
      >
        Export Markdown
      </Button>
      <Button
        onClick={() =>
          saveFile(
            exportFileName(props.projectName, 'json'),
            'application/json',
            `${JSON.stringify(exportWorksheetJson(props.answers, { context: props.context, verdict: props.verdict }), null, 2)}\n`,
          )
        }
      >
        Export JSON
      </Button>
    </div>
  );
}

/** Pre-fills the framing answers of a template into the questions nobody answered yet. */
export function TemplatePicker({ projectId }: { projectId: string }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [templateId, setTemplateId] = useState<string>(WORKSHEET_TEMPLATES[0].id);
  const [result, setResult] = useState<string | null>(null);
  const apply = useMutation(
    trpc.worksheet.applyTemplate.mutationOptions({
      onSuccess: async ({ filled }) => {
        setResult(
          filled.length === 0
            ? 'Every question of this template already has an answer; nothing was changed.'
            : `Filled ${filled.length} empty answer${filled.length === 1 ? '' : 's'} from the template.`,
        );
        await queryClient.invalidateQueries({ queryKey: trpc.worksheet.get.queryKey({ projectId }) });
      },
    }),
  );
  const template = WORKSHEET_TEMPLATES.find((candidate) => candidate.id === templateId);
  return (
    <div className="worksheet-template">
      <div className="worksheet-template__row">
        <div className="field">
          <label className="field__label" htmlFor={id}>
            Template
          </label>
          <select
            id={id}
            className="field__control"
            value={templateId}
            aria-describedby={`${id}-description`}
            onChange={(event) => {
              setTemplateId(event.target.value);
              setResult(null);
            }}
          >
            {WORKSHEET_TEMPLATES.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
        </div>
        <Button busy={apply.isPending} onClick={() => apply.mutate({ projectId, templateId })}>
          Apply template
        </Button>
      </div>
      <p id={`${id}-description`} className="field__hint">
        {template?.description} Only empty answers are filled.
      </p>
      {result && (
        <p className="notice" role="status">
          {result}
        </p>
      )}
      {apply.isError && <ErrorMessage>{describeApiError(apply.error)}</ErrorMessage>}
    </div>
  );
}
