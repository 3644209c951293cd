// Driving the Camunda modeler's properties panel. Text fields save after a ~300 ms debounce: wait before moving on.
// Each helper answers how many user actions it took (a click, a text typed, a key pressed, an option chosen), so a
// scenario can count the actions of a task as a user would do it.
const DEBOUNCE_MS = 400;

export async function selectElement(page, elementId) {
  await page.locator(`.designer-canvas [data-element-id="${elementId}"]`).first().click();
  await page.locator('.bio-properties-panel-header').waitFor();
  return 1;
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
  return 3;
}

/**
 * Appends a task with a step template to the selected element in one go: the context pad's "Append element" menu,
 * its Templates, a search, the template. The new task is selected and named after the template.
 */
export async function appendTemplate(page, { name, id }) {
  await page.locator('.djs-context-pad .entry[data-action="append"]').click();
  await page.locator('.djs-popup li[data-id="append-templates"]').click();
  await page.locator('.djs-popup-search input').fill(name);
  await page.locator(`.djs-popup li[data-id="append.template-${id}"]`).click();
  await page.locator('.bio-properties-panel-header-type', { hasText: name }).waitFor();
  return 4;
}

/** Opens a group of the properties panel (Input, Output, ...) unless it is open. */
export async function openGroup(page, title) {
  const header = page.locator('.designer-properties .bio-properties-panel-group-header', {
    has: page.locator('.bio-properties-panel-group-header-title', { hasText: new RegExp(`^${title}$`) })
  });
  if ((await header.getAttribute('class')).split(' ').includes('open')) return 0;
  await header.click();
  return 1;
}

/** Fills a plain text field of the properties panel by its label. */
export async function fillField(page, label, value) {
  const input = page.locator('.designer-properties').getByLabel(label, { exact: true });
  await input.fill(value);
  await page.waitForTimeout(DEBOUNCE_MS);
  return 1;
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

/** Chooses a connection in a step's Connection dropdown (the tenant's connections of the step's system). */
export async function selectConnection(page, label, name) {
  await page.locator('.designer-properties').getByLabel(label, { exact: true }).selectOption(name);
  return 1;
}

/** The connection names a step's Connection dropdown offers. */
export async function connectionOptions(page, label) {
  const options = page.locator('.designer-properties').getByLabel(label, { exact: true }).locator('option');
  return (await options.evaluateAll((nodes) => nodes.map((node) => node.value))).filter((value) => value && value !== '__feel__');
}

/**
 * Appends a task (or an end event) to the selected element through its context pad; the new element is selected.
 * The pad redraws when the element changes (a value just saved), which can swallow a click: then it clicks again.
 */
export async function appendFromSelected(page, what = 'task') {
  const shapes = page.locator('.designer-canvas .djs-shape');
  const before = await shapes.count();
  const entry = page.locator(`.djs-context-pad .entry[data-action="append.${what === 'task' ? 'append-task' : 'end-event'}"]`);
  let attempt = 1;
  for (; ; attempt++) {
    await entry.click();
    const added = await page.waitForFunction((count) => document.querySelectorAll('.designer-canvas .djs-shape').length > count,
      before, { timeout: 3000 }).then(() => true, () => false);
    if (added) break;
    if (attempt === 3) throw new Error(`appending a ${what} added no element`);
  }
  // a new task opens its label for typing: leave it, the template gives the name (an end event opens none)
  if (!(await page.locator('.djs-direct-editing-parent').isVisible())) return attempt;
  await page.keyboard.press('Escape');
  return attempt + 1;
}
