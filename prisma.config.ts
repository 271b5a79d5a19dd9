import { defineConfig } from "prisma/config";

// Prisma 7 reads its database URL here; only the CLI uses it (the app opens the
// database through a driver adapter). Migrations are plain SQL, applied by the app.
export default defineConfig({
  schema: "prisma/schema.prisma",
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/phaodai.db" },
});
