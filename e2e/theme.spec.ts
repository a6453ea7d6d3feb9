import { expect, test } from "./fixtures";

/* Dark mode follows the system until a person picks light or dark, which this browser remembers. */
test.describe("theme", () => {
  test.use({ colorScheme: "dark" });

  test("follows the system, then a remembered choice, without a flash of the other theme", async ({ signedInAs }) => {
    const page = await signedInAs("viewer", "/");
    const html = page.locator("html");
    await test.step("a dark system gives the dark theme", async () => {
      await expect(html).toHaveClass(/\bdark\b/);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe("rgb(248, 250, 252)");
    });
    await test.step("choosing Light in the user menu switches at once and survives a reload", async () => {
      await page.getByLabel("User menu").click();
      await page.getByRole("radio", { name: "Light" }).click();
      await expect(html).not.toHaveClass(/\bdark\b/);
      await page.reload({ waitUntil: "domcontentloaded" });
      // Set by the script in <head>, before the body painted.
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
    });
    await test.step("System follows the system again", async () => {
      await page.getByLabel("User menu").click();
      await expect(page.getByRole("radio", { name: "Light" })).toHaveAttribute("aria-checked", "true");
      await page.getByRole("radio", { name: "System" }).click();
      await expect(html).toHaveClass(/\bdark\b/);
    });
  });
});
