export { invitationLink } from './invitation-link';
export { InviteMemberForm } from './invite-member-form';
export { InvitePage } from './invite-page';
export { PendingInvitations } from './pending-invitations';
