/** The project's tabs in display order; the URL segment `/w/:w/p/:p/:tab` is the tab's value. */
export const PROJECT_TABS = [
  {
    value: 'worksheet',
    label: 'Worksheet',
    plan: 'The feasibility worksheet: questions on value, fit, framing, data, quality target, serving, timeline, risks and operations, autosaved, ending in a go / spike first / no-go verdict with its reasons.',
  },
  {
    value: 'agreement',
    label: 'Agreement',
    plan: 'Upload a double-labelled sample to measure how often annotators agree (kappas, Krippendorff’s alpha with confidence intervals) and the human ceiling a model can be measured against.',
  },
  {
    value: 'tradeoff',
    label: 'Tradeoff',
    plan: 'Compare attack angles by effort and expected quality on a log-time chart against the ceiling and the target, with the time to reach the target and an ROI ranking.',
  },
  {
    value: 'roadmap',
    label: 'Roadmap',
    plan: 'Assess MLOps maturity and generate a dated roadmap of phases and milestones with P50/P90 durations, exportable as CSV and iCalendar.',
  },
  {
    value: 'report',
    label: 'Report',
    plan: 'Publish a frozen report with the verdict, ceiling, timeline and roadmap, share it by a revocable link and print it to PDF.',
  },
] as const;

export type ProjectTab = (typeof PROJECT_TABS)[number]['value'];

export const DEFAULT_PROJECT_TAB: ProjectTab = 'worksheet';

/** The tab named by a URL segment, or `undefined` for anything else (which the page shows as not found). */
export function parseProjectTab(segment: string | undefined): ProjectTab | undefined {
  return PROJECT_TABS.find((tab) => tab.value === segment)?.value;
}

/** The URL of a project tab. */
export function projectTabPath(workspaceId: string, projectId: string, tab: ProjectTab): string {
  return `/w/${encodeURIComponent(workspaceId)}/p/${encodeURIComponent(projectId)}/${tab}`;
}
