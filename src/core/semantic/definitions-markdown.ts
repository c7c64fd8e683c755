// The metric definitions page, rendered from the model so the README cannot drift from the SQL.
import { DIMENSION_LIST, dimensionsOf, MEASURE_LIST, tablesOf } from './model.ts';

export const METRIC_DEFINITIONS_START = '<!-- metric-definitions:start -->';
export const METRIC_DEFINITIONS_END = '<!-- metric-definitions:end -->';

/** Pipes would end a table cell. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** A markdown table of every measure (unit, definition, tables, dimensions), then one of every dimension. */
export function renderMetricDefinitions(): string {
  const measures = MEASURE_LIST.map(
    (m) =>
      `| \`${m.id}\` ${cell(m.label)} | ${cell(m.unit)} | ${cell(m.definition)} | ${tablesOf(m.id).join(', ')} | ${dimensionsOf(m.id).join(', ')} |`,
  );
  const dimensions = DIMENSION_LIST.map(
    (d) =>
      `| \`${d.id}\` | ${d.kind === 'time' && !d.filter ? 'groups' : 'groups, filters'} | ${cell(d.definition)} |`,
  );
  return [
    '| measure | unit | definition | reads | dimensions |',
    '|---|---|---|---|---|',
    ...measures,
    '',
    '| dimension | use | what a key is |',
    '|---|---|---|',
    ...dimensions,
  ].join('\n');
}

/** Replaces the text between the markers (kept) with the rendered page; throws when a marker is missing. */
export function withMetricDefinitions(readme: string): string {
  const start = readme.indexOf(METRIC_DEFINITIONS_START);
  const end = readme.indexOf(METRIC_DEFINITIONS_END);
  if (start < 0 || end < start) {
    throw new Error(
      `README has no metric-definitions markers: add ${METRIC_DEFINITIONS_START} and ${METRIC_DEFINITIONS_END} where the table belongs.`,
    );
  }
  const head = readme.slice(0, start + METRIC_DEFINITIONS_START.length);
  return `${head}\n${renderMetricDefinitions()}\n${readme.slice(end)}`;
}
