/**
 * Where things live in the web app, for the links the server hands out (invitations, share links, a
 * pushed sample) and the pages that route them. One place, so a route and its links cannot drift apart.
 */

/** The invitation page of a token: `/invite/<token>`. */
export function invitationPath(token: string): string {
  return `/invite/${encodeURIComponent(token)}`;
}

/** The shared report page of a share token: `/s/<token>`. */
export function sharedReportPath(token: string): string {
  return `/s/${encodeURIComponent(token)}`;
}

/** One sample on a project's Agreement tab: `/w/<workspace>/p/<project>/agreement?sample=<id>`. */
export function agreementSamplePath(ids: {
  readonly workspaceId: string;
  readonly projectId: string;
  readonly sampleId: string;
}): string {
  const { workspaceId, projectId, sampleId } = ids;
  return `/w/${encodeURIComponent(workspaceId)}/p/${encodeURIComponent(projectId)}/agreement?sample=${encodeURIComponent(sampleId)}`;
}

/** `path` under `origin` (`https://raisin.example` + `/s/abc`); the bare path when no origin is known. */
export function linkAt(origin: string | null, path: string): string {
  return origin === null ? path : `${origin.replace(/\/+$/, '')}${path}`;
}
