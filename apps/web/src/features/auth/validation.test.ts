import { describe, expect, it } from 'vitest';
import {
  describeAuthError,
  validateAuthFields,
  validateEmail,
  validateName,
  validatePassword,
} from './validation';

describe('validateEmail', () => {
  it.each(['ada@example.com', ' ada.lovelace+raisin@mail.example.org '])('accepts %j', (email) => {
    expect(validateEmail(email)).toBeUndefined();
  });

  it.each(['', '   ', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'ada@@example.com'])(
    'refuses %j',
    (email) => {
      expect(validateEmail(email)).toMatch(/email/i);
    },
  );

  it('refuses addresses longer than 254 characters', () => {
    expect(validateEmail(`${'a'.repeat(250)}@example.com`)).toBeDefined();
  });
});

describe('validatePassword', () => {
  it('needs at least 8 characters', () => {
    expect(validatePassword('1234567')).toBe('Use at least 8 characters.');
    expect(validatePassword('12345678')).toBeUndefined();
  });

  it('asks for a missing password and refuses over-long ones', () => {
    expect(validatePassword('')).toBe('Enter your password.');
    expect(validatePassword('x'.repeat(129))).toBe('Use at most 128 characters.');
    expect(validatePassword('x'.repeat(128))).toBeUndefined();
  });
});

describe('validateName', () => {
  it('needs a non-blank name of at most 80 characters', () => {
    expect(validateName('  ')).toBe('Enter your name.');
    expect(validateName('Ada')).toBeUndefined();
    expect(validateName('x'.repeat(81))).toBeDefined();
  });
});

describe('validateAuthFields', () => {
  it('reports every invalid field of a sign-up form at once', () => {
    expect(validateAuthFields({ name: '', email: 'nope', password: 'short' }, 'sign-up')).toEqual({
      name: 'Enter your name.',
      email: 'Enter an email address like name@example.com.',
      password: 'Use at least 8 characters.',
    });
  });

  it('does not apply the length rule or ask for a name when signing in', () => {
    expect(validateAuthFields({ email: 'ada@example.com', password: 'short' }, 'sign-in')).toEqual({});
    expect(validateAuthFields({ email: 'ada@example.com', password: '' }, 'sign-in')).toEqual({
      password: 'Enter your password.',
    });
  });
});

describe('describeAuthError', () => {
  it('puts "already registered" beside the email field', () => {
    expect(describeAuthError({ status: 422, code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' })).toEqual({
      field: 'email',
      message: 'This email is already registered. Sign in instead.',
    });
  });

  it('says "too many attempts" for HTTP 429 whatever the code', () => {
    expect(describeAuthError({ status: 429, code: 'INVALID_EMAIL_OR_PASSWORD' }).message).toMatch(
      /too many attempts/i,
    );
  });

  it('passes on the account lockout sentence, which names its own wait', () => {
    const message = 'Too many failed sign-in attempts for this account. Try again in 15 minutes.';
    expect(describeAuthError({ status: 429, code: 'ACCOUNT_TEMPORARILY_LOCKED', message })).toEqual({
      message,
    });
  });

  it('does not say which of email or password was wrong', () => {
    expect(describeAuthError({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' })).toEqual({
      message: 'Wrong email or password.',
    });
  });

  it('falls back to the server message, then to a generic sentence', () => {
    expect(describeAuthError({ status: 400, message: 'Name is required' })).toEqual({
      message: 'Name is required',
    });
    expect(describeAuthError({}).message).toMatch(/try again/i);
    expect(describeAuthError({ status: 503 }).message).toMatch(/server had a problem/i);
  });
});
