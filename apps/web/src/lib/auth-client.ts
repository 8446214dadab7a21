import { createAuthClient } from 'better-auth/react';

// Same origin as the page: the server mounts better-auth at /api/auth, and Vite proxies it in development.
export const authClient = createAuthClient({ basePath: '/api/auth' });
