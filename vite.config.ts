import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The web UI lives in src/web; module pages are imported from src/modules/* and src/platform/*,
// which sit outside the Vite root but inside the workspace, so no fs.allow changes are needed.
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Vendor groups change rarely, so browsers keep them cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'antd-icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // The server's /api routes, but not /api/*.ts: src/web/api/ is a source folder the dev server must
      // serve itself (a bare '/api' prefix would proxy /api/client.ts to the backend).
      '^/api/(v\\d+|health|docs)(/|\\?|$)': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
