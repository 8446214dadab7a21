/** The project's tabs in display order; the URL segment `/w/:w/p/:p/:tab` is the tab's value. */
export const PROJECT_TABS = [
  { value: 'worksheet', label: 'Worksheet' },
  { value: 'agreement', label: 'Agreement' },
  { value: 'tradeoff', label: 'Tradeoff' },
  { value: 'roadmap', label: 'Roadmap' },
  { value: 'report', label: 'Report' },
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
