// The metric definitions page: one row per measure from the model, written between the README's markers.
import { describe, expect, it } from 'vitest';
import {
  METRIC_DEFINITIONS_END,
  METRIC_DEFINITIONS_START,
  renderMetricDefinitions,
  withMetricDefinitions,
} from '../../../src/core/semantic/definitions-markdown.ts';
import { MEASURES } from '../../../src/core/semantic/model.ts';
import { MEASURE_IDS } from '../../../src/core/semantic/query.ts';

describe('metric definitions page', () => {
  it('has one row per measure with its unit, definition and dimensions', () => {
    const page = renderMetricDefinitions();
    for (const id of MEASURE_IDS) {
      const rows = page.split('\n').filter((line) => line.startsWith(`| \`${id}\` `));
      expect(rows, id).toHaveLength(1);
      expect(rows[0]).toContain(MEASURES[id].definition);
      expect(rows[0]).toContain(` ${MEASURES[id].unit} `);
    }
    expect(page).toContain(
      '| `revenue` Revenue | INR | Sum of amount on sales lines that are neither void nor complimentary (net of discounts, as billed). | sales | day, week, month, weekday, hour, item, category, staff, payment_mode, order_type, location |',
    );
    expect(page).toContain('| `week` | groups | The ISO week, Monday to Sunday');
    expect(page).toContain('| `weekday` | groups, filters | The day of the week');
  });

  it('replaces what is between the markers, keeping the markers and the rest of the README', () => {
    const readme = `# Titan\n\nintro\n${METRIC_DEFINITIONS_START}\nold table\n${METRIC_DEFINITIONS_END}\n\n## Next\n`;
    const updated = withMetricDefinitions(readme);
    expect(updated).toBe(
      `# Titan\n\nintro\n${METRIC_DEFINITIONS_START}\n${renderMetricDefinitions()}\n${METRIC_DEFINITIONS_END}\n\n## Next\n`,
    );
    expect(withMetricDefinitions(updated)).toBe(updated);
  });

  it('refuses a README without the markers, naming them', () => {
    expect(() => withMetricDefinitions('# Titan\n')).toThrow(METRIC_DEFINITIONS_START);
  });
});
