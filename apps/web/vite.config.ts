import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The BFF of the first demo controller; `npm start` puts it on this port.
const BFF_ORIGIN = process.env.BFF_ORIGIN ?? 'http://127.0.0.1:5240';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  css: {
    preprocessorOptions: {
      scss: {
        // Vanilla 4 is written with @import and global functions; its warnings are not ours.
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin', 'if-function'],
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: BFF_ORIGIN, changeOrigin: false },
      '/healthz': { target: BFF_ORIGIN, changeOrigin: false },
    },
  },
});
