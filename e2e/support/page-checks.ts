// Checks every page of the product passes: axe finds nothing serious, and it fits a phone's width.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.1 A and AA, and axe's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"];
/** A violation of these impacts fails the check; "minor" ones are left to judgement. */
const BLOCKING_IMPACTS = new Set(["critical", "serious", "moderate"]);
/** Phones' CSS widths: the narrowest common one, and a common one. */
export const PHONE_WIDTHS = [360, 390];
const PHONE_HEIGHT = 844;

/** Runs axe on the page as it is now (iframes included) and expects no blocking violation. */
export async function expectNoAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")}`,
    );
  expect(blocking, `axe on ${name}`).toEqual([]);
}

/** At each phone width the page is no wider than the window: nothing scrolls sideways. */
export async function expectFitsPhones(page: Page, name: string) {
  const original = page.viewportSize();
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: PHONE_HEIGHT });
    // How far the page reaches past the window. Polled: a chart sized by a ResizeObserver (the funnel's)
    // takes the new width a frame after the window changes; a page that does not fit still fails.
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await expect
      .poll(overflow, { message: `${name} at ${width} px wide`, timeout: 3_000 })
      .toBeLessThanOrEqual(0);
  }
  if (original) await page.setViewportSize(original);
}

/** Opens `path`, waits for its h1, and runs both checks. */
export async function checkPage(page: Page, path: string, name = path) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await checkCurrentPage(page, name);
}

/** Both checks on the page as it is now. */
export async function checkCurrentPage(page: Page, name: string) {
  await expectNoAxeViolations(page, name);
  await expectFitsPhones(page, name);
}
