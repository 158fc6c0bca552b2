import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  server: {
    // `pnpm dev`: the API runs on its own port; the dev server forwards /api to it (SSE included).
    proxy: { "/api": { target: process.env.SWITCHYARD_API ?? "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    // elkjs is one ~1.5 MB module; it is loaded lazily on first auto-layout, so its size is expected.
    chunkSizeWarningLimit: 2000,
  },
});
