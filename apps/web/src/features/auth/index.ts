export { RequireAuth } from './require-auth';
export { SignInPage } from './sign-in-page';
export { signOut } from './sign-out';
export { SignUpPage } from './sign-up-page';
export { useSession } from './use-session';
