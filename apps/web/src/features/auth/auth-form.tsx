import { hashKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import {
  Button,
  CheckboxField,
  ErrorMessage,
  Spinner,
  TextField,
  type TextFieldProps,
} from '../../components';
import { authClient } from '../../lib/auth-client';
import { authPathWithNext, toSafeNextPath } from '../../lib/safe-next';
import { trpc, trpcClient } from '../../lib/trpc';
import { demoProjectPath } from '../demo/demo-links';
import { useSession } from './use-session';
import {
  type AuthFieldErrors,
  describeAuthError,
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  validateAuthFields,
} from './validation';

type Mode = 'sign-in' | 'sign-up';

/** The form's text fields, in the order they are shown (and focused when invalid). */
const FIELDS = ['name', 'email', 'password'] as const;
type AuthField = (typeof FIELDS)[number];

const COPY = {
  'sign-in': {
    title: 'Sign in to Raisin',
    submit: 'Sign in',
    busy: 'Signing in…',
    switchPrompt: 'New to Raisin?',
    switchLink: 'Create an account',
    switchPath: '/sign-up',
  },
  'sign-up': {
    title: 'Create your Raisin account',
    submit: 'Create account',
    busy: 'Creating account…',
    switchPrompt: 'Already have an account?',
    switchLink: 'Sign in',
    switchPath: '/sign-in',
  },
} as const;

export function AuthForm({ mode }: { mode: Mode }) {
  const copy = COPY[mode];
  const [searchParams] = useSearchParams();
  const next = toSafeNextPath(searchParams.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const sessionKey = trpc.session.me.queryKey();

  const [values, setValues] = useState<Record<AuthField, string>>({ name: '', email: '', password: '' });
  const { name, email, password } = values;
  const [fieldErrors, setFieldErrors] = useState<AuthFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [creatingDemo, setCreatingDemo] = useState(false);
  // Offered by default on a fresh instance, unless the visitor came through a link (e.g. an invitation).
  const instance = useQuery(trpc.demo.instance.queryOptions(undefined, { enabled: mode === 'sign-up' }));
  const [demoChoice, setDemoChoice] = useState<boolean | null>(null);
  const wantsDemo = demoChoice ?? (instance.data?.empty === true && !searchParams.has('next'));
  const refs: Record<AuthField, RefObject<HTMLInputElement | null>> = {
    name: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };

  if (session.isPending) return <Spinner />;
  if (session.data?.user && !busy) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const errors = validateAuthFields({ name, email, password }, mode);
    setFieldErrors(errors);
    // Move focus to the first invalid field so keyboard and screen-reader users land on the problem.
    const invalid = FIELDS.find((field) => errors[field]);
    if (invalid) return refs[invalid].current?.focus();

    setBusy(true);
    try {
      const result =
        mode === 'sign-up'
          ? await authClient.signUp.email({ name: name.trim(), email: email.trim(), password })
          : await authClient.signIn.email({ email: email.trim(), password });
      if (result.error) {
        const display = describeAuthError(result.error);
        if (display.field) {
          setFieldErrors({ [display.field]: display.message });
          refs[display.field].current?.focus();
        } else {
          setFormError(display.message);
        }
        setBusy(false);
        return;
      }
      // Everything cached belonged to "nobody signed in": drop it and wait for this user's session.
      queryClient.removeQueries({ predicate: (query) => query.queryHash !== hashKey(sessionKey) });
      await queryClient.refetchQueries({ queryKey: sessionKey });
      if (mode === 'sign-up' && wantsDemo) {
        setCreatingDemo(true);
        // The account exists whatever happens here: without a demo the home page offers to create one.
        const demo = await trpcClient.demo.create.mutate().catch(() => null);
        if (demo) return navigate(demoProjectPath(demo), { replace: true });
      }
      navigate(next, { replace: true });
    } catch {
      setFormError('Could not reach the server. Check your connection and try again.');
      setBusy(false);
    }
  }

  /** One of the form's text fields, named, filled and checked as its `field`. */
  const field = (
    key: AuthField,
    props: Pick<TextFieldProps, 'label' | 'type' | 'autoComplete' | 'limit' | 'hint'>,
  ) => (
    <TextField
      {...props}
      ref={refs[key]}
      name={key}
      value={values[key]}
      onChange={(event) => setValues({ ...values, [key]: event.target.value })}
      error={fieldErrors[key]}
    />
  );

  return (
    <div className="auth-card">
      <p className="brand brand--large">Raisin</p>
      <title>{`${copy.submit} · Raisin`}</title>
      <h1>{copy.title}</h1>
      {formError && <ErrorMessage>{formError}</ErrorMessage>}
      <form className="stack" onSubmit={onSubmit} noValidate>
        {mode === 'sign-up' && field('name', { label: 'Name', autoComplete: 'name', limit: NAME_MAX_LENGTH })}
        {field('email', { label: 'Email', type: 'email', autoComplete: 'email', limit: EMAIL_MAX_LENGTH })}
        {field('password', {
          label: 'Password',
          type: 'password',
          autoComplete: mode === 'sign-up' ? 'new-password' : 'current-password',
          hint: mode === 'sign-up' ? 'At least 8 characters.' : undefined,
        })}
        {/* Shown once the default is known, so it never flips under the visitor's hand. */}
        {mode === 'sign-up' && !instance.isPending && (
          <CheckboxField
            label="Create a demo project to explore"
            checked={wantsDemo}
            onCheckedChange={setDemoChoice}
          />
        )}
        <Button type="submit" variant="primary" busy={busy}>
          {creatingDemo ? 'Creating the demo…' : busy ? copy.busy : copy.submit}
        </Button>
      </form>
      <p>
        {copy.switchPrompt}{' '}
        <Link to={authPathWithNext(copy.switchPath, searchParams.get('next') ?? '/')}>{copy.switchLink}</Link>
      </p>
    </div>
  );
}
