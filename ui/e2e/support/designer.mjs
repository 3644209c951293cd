// Driving the Camunda modeler's properties panel. Text fields save after a ~300 ms debounce: wait before moving on.
const DEBOUNCE_MS = 400;

export async function selectElement(page, elementId) {
  await page.locator(`.designer-canvas [data-element-id="${elementId}"]`).first().click();
  await page.locator('.bio-properties-panel-header').waitFor();
}

export async function removeTemplate(page) {
  await templateMenu(page, 'Remove');
}

async function templateMenu(page, item) {
  const group = page.locator('[data-group-id="group-ElementTemplates__Template"]');
  await group.getByRole('button', { name: 'Applied' }).click();
  await group.getByRole('button', { name: item, exact: true }).click();
}

/** Opens the template chooser, searches for the template and applies it. */
export async function applyTemplate(page, { name, id }) {
  await page.locator('.designer-properties').getByRole('button', { name: 'Select', exact: true }).click();
  const search = page.getByRole('combobox', { name: 'Choose element template' });
  await search.fill(name);
  await page.locator(`.djs-popup li[data-id="apply-template-${id}"]`).click();
  await page.locator('.bio-properties-panel-header-type', { hasText: name }).waitFor();
}

/** Opens a group of the properties panel (Input, Output, ...) unless it is open. */
export async function openGroup(page, title) {
  const header = page.locator('.designer-properties .bio-properties-panel-group-header', {
    has: page.locator('.bio-properties-panel-group-header-title', { hasText: new RegExp(`^${title}$`) })
  });
  if (!(await header.getAttribute('class')).split(' ').includes('open')) await header.click();
}

/** Fills a plain text field of the properties panel by its label. */
export async function fillField(page, label, value) {
  const input = page.locator('.designer-properties').getByLabel(label, { exact: true });
  await input.fill(value);
  await page.waitForTimeout(DEBOUNCE_MS);
}

/** Types into a FEEL editor (a field whose value is always an expression). */
export async function fillFeelField(page, label, expression) {
  const entry = page.locator('.designer-properties .bio-properties-panel-entry', {
    has: page.locator('label', { hasText: new RegExp(`^${label}$`) })
  });
  await entry.locator('[contenteditable="true"]').click();
  await page.keyboard.type(expression);
  await page.waitForTimeout(DEBOUNCE_MS);
}
