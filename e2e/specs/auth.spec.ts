import { expect, signInViaForm, signOutViaMenu, signUpViaApi, test } from './fixtures';

test.describe('auth', () => {
  test('sign up with inline validation, sign out, wrong password, sign in', async ({ page, account }) => {
    const ada = account('ada');
    await page.goto('/sign-up');
    await expect(page.getByRole('heading', { name: 'Create your Raisin account' })).toBeVisible();

    // Empty submit: every field says what is missing, next to itself, and is marked invalid.
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter your name.')).toBeVisible();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
    await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Name')).toBeFocused();

    await page.getByLabel('Name').fill(ada.name);
    await page.getByLabel('Email').fill('ada@');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(
      'Enter an email address like name@example.com.',
    );

    await page.getByLabel('Email').fill(ada.email);
    await page.getByLabel('Password').fill(ada.password);
    // On a fresh instance the demo is offered ticked; this journey starts from an empty account.
    await page.getByLabel('Create a demo project to explore').uncheck();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Create your first workspace' })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);

    await signOutViaMenu(page);
    // Signed out for real: a protected page sends us back to sign in.
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);

    await signInViaForm(page, ada.email, 'not the password');
    await expect(page.getByRole('alert')).toContainText('Wrong email or password.');
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel('Password').fill(ada.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Create your first workspace' })).toBeVisible();
  });

  test('an email that is already registered is refused beside the email field', async ({ page, account }) => {
    const bob = account('bob');
    await signUpViaApi(page, bob);
    await page.context().clearCookies();

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill('Another Bob');
    await page.getByLabel('Email').fill(bob.email);
    await page.getByLabel('Password').fill('another password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/already registered/i);
    await expect(page).toHaveURL(/\/sign-up/);
  });

  test('signing in returns to the page that required it', async ({ page, account }) => {
    const cy = account('cy');
    await signUpViaApi(page, cy);
    await page.context().clearCookies();

    await page.goto('/invite/some-token?x=1');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Finvite%2Fsome-token%3Fx%3D1$/);
    await signInViaForm(page, cy.email, cy.password);
    await expect(page).toHaveURL(/\/invite\/some-token\?x=1$/);
    await expect(page.getByRole('heading', { name: 'Invitation not available' })).toBeVisible();
  });

  test('repeated wrong passwords end in "too many attempts"', async ({ page, account }) => {
    const dee = account('dee');
    await signUpViaApi(page, dee);
    await page.context().clearCookies();

    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(dee.email);
    const alert = page.getByRole('alert');
    // The server locks an account after 5 failures (apps/server/src/auth.ts ACCOUNT_LOCKOUT).
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Password').fill(`wrong password ${attempt}`);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in/email'));
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await answered).status()).toBe(401);
      await expect(alert).toContainText('Wrong email or password.');
    }
    await page.getByLabel('Password').fill(dee.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toContainText(/too many/i);
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
