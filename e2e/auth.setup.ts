import { test as setup } from "@playwright/test";
import { DEMO_ROLES, saveSession } from "./sessions";

// Runs once before the journeys (the "setup" project in playwright.config.ts): one API sign-in
// per demo role, saved as storage state that every journey's `signedInAs` and `apiAs` reuse.
for (const role of DEMO_ROLES) {
  setup(`sign in as the demo ${role} through the API`, async ({ playwright, baseURL }) => {
    await saveSession(playwright, baseURL!, role);
  });
}
