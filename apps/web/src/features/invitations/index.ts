export { InviteMemberForm } from './invite-member-form';
export { InvitePage } from './invite-page';
export { PendingInvitations } from './pending-invitations';
