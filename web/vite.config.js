// Builds the single-page UI into the folder `warledger serve` serves (not in git).
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "../src/warledger/server/static",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
