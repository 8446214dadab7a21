import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads the default export (the one default export in this package, for the tool's sake).
// Paths are relative to the repository root, where `npm run db:generate` runs drizzle-kit.
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/db/src/schema/index.ts',
  out: './packages/db/migrations',
  strict: true,
  verbose: true,
});
