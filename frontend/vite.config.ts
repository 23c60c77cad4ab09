/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), '');
  const apiTarget = env.VITE_API_PROXY_TARGET || 'http://127.0.0.1:5000';
  const proxy = {
    '/api': { target: apiTarget, changeOrigin: false },
    '/health': { target: apiTarget, changeOrigin: false },
  };

  return {
    plugins: [react()],
    resolve: {
      alias: [
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        {
          find: /^use-sync-external-store\/shim$/,
          replacement: fileURLToPath(
            new URL('./src/lib/use-sync-external-store-shim.ts', import.meta.url),
          ),
        },
      ],
    },
    server: { host: '127.0.0.1', port: 5173, proxy },
    preview: { host: '127.0.0.1', port: 4173, proxy },
    build: {
      sourcemap: false,
      target: 'es2022',
      manifest: true,
      // One vendor chunk: libraries change rarely (long cache) and compress better together.
      rolldownOptions: {
        output: {
          codeSplitting: {
            // Drag and drop stays out of it: only the signed-in shell needs it, so it loads
            // with that chunk instead of with the login page.
            groups: [{ name: 'vendor', test: /node_modules[\\/](?!@dnd-kit[\\/])/ }],
          },
        },
      },
    },
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/testing/setup-tests.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      testTimeout: 10_000,
    },
  };
});
