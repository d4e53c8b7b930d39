// What an admin does all day, each timed in the page from the input to the paint that shows it
// (inPage.mjs). Every function returns one duration in ms; setup steps around the timed input are not timed.

/** Load the file through the file chooser; times file chosen → Overview painted → grid painted, and long tasks (of the load, and of opening Assign). */
export async function loadFile(page, file) {
  // From the input's change event (the moment the app has the file) to the paint showing the Overview.
  await page.evaluate(() => {
    window.__overviewAt = null;
    document.addEventListener(
      'change',
      () => {
        window.__chosenAt = performance.now();
        performance.mark('lp:chosen');
        window.__bench
          .measure(() => {}, () => !!document.querySelector('[data-testid="plan-editor"]'), 600_000)
          .then((ms) => (window.__overviewAt = ms));
      },
      { capture: true, once: true },
    );
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('pick-export').click();
  await (await chooser).setFiles(file);
  await page.waitForFunction(() => window.__overviewAt !== null, null, { timeout: 600_000, polling: 100 });
  const overview = await page.evaluate(() => window.__overviewAt);
  const grid = await page.evaluate(() => window.__bench.measure(() => document.querySelector('[data-step="assign"]').click(), () => window.__bench.gridReady()));
  const all = await page.evaluate(() => window.__bench.tasksSince(window.__chosenAt).map((t) => ({ at: t.start - window.__chosenAt, ms: t.duration })));
  // The load is over once the Overview is painted; opening Assign afterwards is the admin's next step
  // (a step change, with a target of its own), and its long task is reported apart.
  const tasks = all.filter((t) => t.at < overview);
  const gridTasks = all.filter((t) => t.at >= overview);
  const longest = (list) => (list.length ? Math.max(...list.map((t) => t.ms)) : 0);
  return { overview, grid, total: overview + grid, longest: longest(tasks), longTasks: tasks.length, tasks, gridLongest: longest(gridTasks) };
}

export const filterByCurrent = (page) =>
  page.evaluate(async () => {
    const b = window.__bench;
    const select = b.q('[data-testid="filter-current"]');
    // The value on the second-most rows, which row 0 is unlikely to hold alone among the first rows.
    const value = [...select.options].map((o) => o.value).filter((v) => v !== '\u0000')[1] ?? '';
    const rows = b.rows();
    const shown = b.text('[data-testid="shown-count"]');
    const ms = await b.measure(() => b.setValue(select, value, 'change'), () => b.text('[data-testid="shown-count"]') !== shown && b.rows() !== rows && b.gridReady());
    const back = b.rows();
    await b.measure(() => b.setValue(select, '\u0000', 'change'), () => b.rows() !== back && b.gridReady());
    return ms;
  });

/** "Rows with problems" in the severity filter, and back to all rows. */
export const problemsOnly = (page) =>
  page.evaluate(async () => {
    const b = window.__bench;
    const select = b.q('[data-testid="filter-severity"]');
    const rows = b.rows();
    const shown = b.text('[data-testid="shown-count"]');
    const ms = await b.measure(() => b.setValue(select, 'problems', 'change'), () => b.text('[data-testid="shown-count"]') !== shown && b.rows() !== rows && b.gridReady());
    const back = b.rows();
    await b.measure(() => b.setValue(select, '', 'change'), () => b.rows() !== back && b.gridReady());
    return ms;
  });

/** One click on a column header (the grid cycles ascending → descending → none). */
export const sortBy = (page, colId) =>
  page.evaluate(
    (col) => {
      const b = window.__bench;
      const label = b.q(`.grid-host .ag-header-cell[col-id="${col}"] .ag-header-cell-label`);
      const rows = b.rows();
      return b.measure(() => label.click(), () => b.rows() !== rows && b.gridReady());
    },
    colId,
  );

/** Click the header until the grid is back in file order (row 0 first). */
export async function unsort(page, colId) {
  for (let i = 0; i < 3 && !(await page.evaluate(() => window.__bench.rows(1) === '0:0')); i++) await sortBy(page, colId);
}

export const selectAllShown = (page) =>
  page.evaluate(async () => {
    const b = window.__bench;
    const ms = await b.measure(() => b.q('[data-testid="select-shown"]').click(), () => /selected/.test(b.text('[data-testid="edit-selection"]')) && b.q('.grid-host [role="row"][row-index="0"] .row-check')?.checked === true);
    await b.measure(() => [...document.querySelectorAll('.toolbar button')].find((x) => x.textContent === 'Clear selection').click(), () => !/selected/.test(b.text('[data-testid="edit-selection"]')));
    return ms;
  });

/** Select all shown, "Edit license…" to `license`, then time Apply. */
export async function bulkEdit(page, license) {
  await page.getByTestId('select-shown').click();
  await page.getByTestId('edit-selection').click();
  await page.getByTestId('bulk-license').selectOption(license);
  return page.evaluate(
    (name) => {
      const b = window.__bench;
      const seat = b.text(`[data-seat="${name}"] .seat-count`);
      return b.measure(() => b.q('[data-testid="apply-selection"]').click(), () => b.text(`[data-seat="${name}"] .seat-count`) !== seat && !b.q('[data-testid="edit-selection-dialog"]'));
    },
    license,
  );
}

/** Undo or redo; the counters of `seat` show it. */
export const travel = (page, button, seat) =>
  page.evaluate(
    ([id, name]) => {
      const b = window.__bench;
      const before = b.text(`[data-seat="${name}"] .seat-count`);
      return b.measure(() => b.q(`[data-testid="${id}"]`).click(), () => b.text(`[data-seat="${name}"] .seat-count`) !== before);
    },
    [button, seat],
  );

export const search = (page, query) =>
  page.evaluate(async (text) => {
    const b = window.__bench;
    const input = b.q('[data-testid="search"]');
    const rows = b.rows();
    const shown = b.text('[data-testid="shown-count"]');
    const ms = await b.measure(() => b.setValue(input, text, 'input'), () => b.text('[data-testid="shown-count"]') !== shown && b.rows() !== rows && b.gridReady());
    const back = b.rows();
    await b.measure(() => b.setValue(input, '', 'input'), () => b.rows() !== back && b.gridReady());
    return ms;
  }, query);

/**
 * Rows on screen to edit, whose New License is empty (a seat counter and, where they have a Current
 * License and no Current Add-ons, the warning count change when one is chosen: with add-ons today, a
 * LOSES_ADDON may replace the LOSES_ACCESS and leave the count as it was).
 */
export const rowsToEdit = (page, licenseCol, currentCol, count, currentAddOnsCol) =>
  page.evaluate(
    ([lic, cur, n, addOnsCol]) => {
      const out = [];
      for (const row of document.querySelectorAll('.grid-host [role="row"][row-index]')) {
        const id = row.getAttribute('row-id');
        const license = row.querySelector(`[col-id="${lic}"]`)?.textContent ?? null;
        const current = row.querySelector(`[col-id="${cur}"]`)?.textContent ?? '';
        const addOns = addOnsCol === undefined ? '' : (row.querySelector(`[col-id="${addOnsCol}"]`)?.textContent ?? '');
        if (id !== null && license === '' && Number(row.getAttribute('row-index')) < 14 && !out.some((o) => o.id === id)) out.push({ id, warns: current.trim() !== '' && addOns.trim() === '' });
      }
      return out.sort((a, b) => Number(b.warns) - Number(a.warns)).slice(0, n);
    },
    [licenseCol, currentCol, count, currentAddOnsCol],
  );

/** Double-click a New License cell (not timed), then time choosing `license` until the cell and counters show it. */
export async function editCell(page, rowId, licenseCol, license, warningChanges) {
  await page.locator(`.grid-host [role="row"][row-id="${rowId}"] [role="gridcell"][col-id="${licenseCol}"]`).dblclick();
  await page.getByTestId('license-editor').waitFor();
  return page.evaluate(
    ([id, col, name, warns]) => {
      const b = window.__bench;
      const option = [...document.querySelectorAll('[data-testid="license-editor"] [role="option"]')].find((o) => o.querySelector('.option-name').textContent === name);
      const seat = b.text(`[data-seat="${name}"] .seat-count`);
      const warnings = b.text('[data-testid="warning-count"]');
      const cell = () => b.q(`.grid-host [role="row"][row-id="${id}"] [role="gridcell"][col-id="${col}"]`)?.textContent;
      return b.measure(() => option.click(), () => cell() === name && b.text(`[data-seat="${name}"] .seat-count`) !== seat && (!warns || b.text('[data-testid="warning-count"]') !== warnings));
    },
    [rowId, licenseCol, license, warningChanges],
  );
}

/** Click a step in the step bar, until its content is painted. */
export const goToStep = (page, step) => page.evaluate((id) => window.__bench.measure(() => document.querySelector(`[data-step="${id}"]`).click(), window.__bench.stepReady[id]), step);

/** The Map step's table: everyone on `current` gets `license` (cells already filled too); Apply is timed, then back to Assign. */
export async function applyMapping(page, current, license) {
  await page.locator('[data-step="map"]').click();
  const overwrite = page.getByTestId('mapping-overwrite');
  if (!(await overwrite.isChecked())) await overwrite.check();
  await page.locator(`[data-testid="mapping-table"] tr[data-current="${current}"] [data-testid="mapping-license"]`).selectOption(license);
  await page.getByTestId('mapping-apply').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="mapping-apply"]').disabled);
  const ms = await page.evaluate(
    (name) => {
      const b = window.__bench;
      const seat = b.text(`[data-seat="${name}"] .seat-count`);
      return b.measure(() => b.q('[data-testid="mapping-apply"]').click(), () => b.text(`[data-seat="${name}"] .seat-count`) !== seat);
    },
    license,
  );
  await page.locator('[data-step="assign"]').click();
  await page.waitForFunction(() => window.__bench.gridReady());
  return ms;
}

/**
 * Find & replace one add-on inside the New Add-ons lists (case-insensitive): times typing the add-on to find
 * until the preview with its count is painted, then Replace until the seat counter of `from` changes.
 */
export async function findReplace(page, from, to) {
  await page.getByTestId('find-replace').click();
  const find = page.getByTestId('replace-find');
  await page.getByTestId('replace-column').selectOption('addOns');
  await page.getByTestId('replace-match-addon').check();
  await page.getByTestId('replace-with').fill(to);
  await find.fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid="replace-preview"]').textContent.startsWith('Type'));
  return page.evaluate(
    async ([name, replacement]) => {
      const b = window.__bench;
      const preview = await b.measure(
        () => b.setValue(b.q('[data-testid="replace-find"]'), name, 'input'),
        () => /^[\d,]+ cells? will change/.test(b.text('[data-testid="replace-preview"]')) && !b.q('[data-testid="replace-apply"]').disabled,
      );
      const seat = b.text(`[data-seat="${name}"] .seat-count`);
      const other = b.text(`[data-seat="${replacement}"] .seat-count`);
      const apply = await b.measure(
        () => b.q('[data-testid="replace-apply"]').click(),
        () => b.text(`[data-seat="${name}"] .seat-count`) !== seat && b.text(`[data-seat="${replacement}"] .seat-count`) !== other && !b.q('[data-testid="replace-find"]'),
      );
      return { preview, apply };
    },
    [from, to],
  );
}

/** Scroll the grid for `seconds` at `pixels` per frame; long tasks over 50 ms and the longest. */
export const scrollGrid = (page, pixels, seconds = 3) =>
  page.evaluate(
    async ([step, duration]) => {
      const b = window.__bench;
      const viewport = [...document.querySelectorAll('.grid-host *')].find((e) => e.scrollHeight > e.clientHeight + 1000 && !['visible', 'hidden'].includes(getComputedStyle(e).overflowY));
      viewport.scrollTop = 0;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const t0 = b.now();
      const frames = [];
      let last = t0;
      await new Promise((resolve) => {
        const frame = (now) => {
          frames.push(now - last);
          last = now;
          viewport.scrollTop += step;
          if (now - t0 < duration * 1000) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const tasks = b.tasksSince(t0);
      frames.sort((x, y) => x - y);
      return { longTasks: tasks.length, longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0), frames: frames.length, p95Frame: frames[Math.floor(frames.length * 0.95)] };
    },
    [pixels, seconds],
  );

/** papaparse's own parse of the same file (decode + Papa.parse), in a worker as the app parses: the floor. */
export async function papaparseFloor(page, papaSource, file) {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = '__bench-floor';
    document.body.appendChild(input);
  });
  await page.setInputFiles('#__bench-floor', file);
  return page.evaluate(async (source) => {
    const input = document.getElementById('__bench-floor');
    const bytes = await input.files[0].arrayBuffer();
    input.remove();
    const code = `${source}\nself.onmessage = (e) => { const t0 = performance.now(); const text = new TextDecoder().decode(e.data); const t1 = performance.now(); const out = Papa.parse(text, { delimiter: ',', newline: '\\r\\n' }); const t2 = performance.now(); self.postMessage({ decode: t1 - t0, parse: t2 - t1, rows: out.data.length }); };`;
    const blobUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const worker = new Worker(blobUrl);
    const result = await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage(bytes, [bytes]);
    });
    worker.terminate();
    URL.revokeObjectURL(blobUrl);
    return result;
  }, papaSource);
}
