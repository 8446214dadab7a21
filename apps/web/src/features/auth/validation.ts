export const PASSWORD_MIN_LENGTH = 8;
// better-auth's default maximum; longer input would only fail on the server.
export const PASSWORD_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;

// Deliberately loose: one "@", something on each side, a dot in the domain, no spaces. The server is the judge.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuthFields {
  name?: string;
  email: string;
  password: string;
}

export type AuthFieldErrors = Partial<Record<'name' | 'email' | 'password', string>>;

/** A message for an invalid email address, or `undefined` when it looks deliverable. */
export function validateEmail(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter your email address.';
  if (trimmed.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(trimmed)) {
    return 'Enter an email address like name@example.com.';
  }
  return undefined;
}

/** A message for a password that the server would refuse, or `undefined`. */
export function validatePassword(password: string): string | undefined {
  if (password === '') return 'Enter your password.';
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  return undefined;
}

export function validateName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter your name.';
  if (trimmed.length > NAME_MAX_LENGTH) return `Use at most ${NAME_MAX_LENGTH} characters.`;
  return undefined;
}

/** Field errors for a sign-up form (with `name`) or sign-in form (without); empty when all valid. */
export function validateAuthFields(fields: AuthFields, mode: 'sign-in' | 'sign-up'): AuthFieldErrors {
  const errors: AuthFieldErrors = {};
  if (mode === 'sign-up') {
    const nameError = validateName(fields.name ?? '');
    if (nameError) errors.name = nameError;
  }
  const emailError = validateEmail(fields.email);
  if (emailError) errors.email = emailError;
  // Sign-in only checks presence: an old account's password may predate today's rules.
  const passwordError =
    mode === 'sign-up'
      ? validatePassword(fields.password)
      : fields.password === ''
        ? 'Enter your password.'
        : undefined;
  if (passwordError) errors.password = passwordError;
  return errors;
}

/** The shape of better-auth's client error (`{ error }` of a failed call). */
export interface AuthClientError {
  status?: number | undefined;
  code?: string | undefined;
  message?: string | undefined;
}

export interface AuthErrorDisplay {
  /** The field the message belongs beside; absent for form-level messages. */
  field?: 'email' | 'password';
  message: string;
}

/** Turns a better-auth error into a sentence for the user, placed beside the field it concerns. */
export function describeAuthError(error: AuthClientError): AuthErrorDisplay {
  const code = error.code ?? '';
  if (error.status === 429) {
    // The account lockout names its own, longer wait; the per-address limit clears within a minute.
    if (code === 'ACCOUNT_TEMPORARILY_LOCKED' && error.message) return { message: error.message };
    return { message: 'Too many attempts. Wait a minute and try again.' };
  }
  if (code.startsWith('USER_ALREADY_EXISTS')) {
    return { field: 'email', message: 'This email is already registered. Sign in instead.' };
  }
  if (code === 'INVALID_EMAIL_OR_PASSWORD' || error.status === 401) {
    return { message: 'Wrong email or password.' };
  }
  if (code === 'INVALID_EMAIL')
    return { field: 'email', message: 'Enter an email address like name@example.com.' };
  if (code === 'PASSWORD_TOO_SHORT') {
    return { field: 'password', message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (code === 'PASSWORD_TOO_LONG') {
    return { field: 'password', message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  if (error.status !== undefined && error.status >= 500) {
    return { message: 'The server had a problem. Try again in a moment.' };
  }
  return {
    message: error.message && error.message !== '' ? error.message : 'Could not reach the server. Try again.',
  };
}
