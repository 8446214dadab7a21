/** The link an owner copies to invite someone; the raw token is shown once and only its hash is stored. */
export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}/invite/${encodeURIComponent(token)}`;
}
