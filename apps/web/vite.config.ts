import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API runs on Fastify (apps/server); in development Vite proxies to it so cookies stay same-origin.
const apiTarget = 'http://localhost:3000';

export const config = defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/trpc': { target: apiTarget, changeOrigin: false },
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts; Vite never inlines JS into index.html, and this keeps tiny assets as files too.
    assetsInlineLimit: 0,
    // `npm run bench` reads the manifest to sum the JavaScript each entry page loads.
    manifest: true,
  },
});

// Vite loads the config through its default export; the house rule of named exports yields to the tool here.
export default config;
