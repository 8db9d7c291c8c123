// Vite (Rolldown) build of the browser shell: src/web/** plus each module's ui/** folder.
// `npm run build:web` writes dist-web/, which the server serves; `npx vite` runs a dev server that
// proxies /api to the server on port 3000 (or API_TARGET).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where the dev server sends /api (the server's default port; API_TARGET overrides it). */
const apiTarget = process.env.API_TARGET || 'http://127.0.0.1:3000';

/**
 * Vendor chunks, one group each; a higher priority group claims its modules (and, by default, their
 * dependencies) first, so react is not pulled into the antd chunk as one of antd's dependencies.
 */
const VENDOR_GROUPS = [
  { name: 'vendor-react', priority: 40, test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser)[\\/]/ },
  { name: 'vendor-echarts', priority: 30, test: /node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: 'vendor-antd-icons', priority: 25, test: /node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]/ },
  { name: 'vendor-antd', priority: 20, test: /node_modules[\\/]antd[\\/]/ },
  // antd's building blocks (rc components, CSS-in-JS, colours, dayjs): a second chunk of similar size.
  { name: 'vendor-antd-base', priority: 22, test: /node_modules[\\/](@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|clsx|is-mobile)[\\/]/ },
  { name: 'vendor', priority: 10, test: /node_modules[\\/]/ },
];

export default defineConfig({
  root,
  publicDir: false,
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist-web',
    emptyOutDir: true,
    target: 'es2022',
    // The largest chunk is antd itself (~600 kB minified, ~175 kB gzip).
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Rolldown's form of Rollup's `manualChunks`: one group per vendor, named by vendorChunk().
        codeSplitting: {
          groups: VENDOR_GROUPS,
        },
      },
    },
  },
});
