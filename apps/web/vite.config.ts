import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    // elkjs is one ~1.5 MB module; it is loaded lazily on first auto-layout, so its size is expected.
    chunkSizeWarningLimit: 2000,
  },
});
