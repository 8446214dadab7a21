import { AuthForm } from './auth-form';

export function SignInPage() {
  return <AuthForm mode="sign-in" />;
}
