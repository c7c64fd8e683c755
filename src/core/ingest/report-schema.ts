// The IngestReport as data crossing a boundary: read back from ingest_files.report_json, and sent by the status route.
import { z } from 'zod';
import type { IngestReport } from './outcome.ts';

/** Mirrors IngestReport (outcome.ts); the `satisfies` below keeps the two in step. */
export const ingestReportSchema = z.object({
  mapping: z.array(z.object({ source: z.string(), column: z.string() })),
  unmapped: z.array(z.string()),
  dateOrder: z
    .object({ order: z.enum(['day-first', 'month-first', 'iso', 'unambiguous']), evidence: z.string() })
    .optional(),
  skipped: z.array(z.object({ reason: z.string(), rows: z.number().int().nonnegative() })),
  duplicates: z.number().int().nonnegative().optional(),
  sheetsSkipped: z.array(z.object({ sheet: z.string(), reason: z.string() })).optional(),
  unknownValues: z.array(z.object({ column: z.string(), values: z.array(z.string()) })).optional(),
  notes: z.array(z.string()).optional(),
});

// Both directions: every report the schema accepts is an IngestReport, and every IngestReport fits it.
const accepts = (r: z.infer<typeof ingestReportSchema>): IngestReport => r;
const fits = (r: IngestReport): z.infer<typeof ingestReportSchema> => r;
void accepts;
void fits;

/** A stored report_json read back; undefined when absent (older rows, failed files) or not a report. */
export function parseStoredReport(json: string | null): IngestReport | undefined {
  if (json === null) return undefined;
  try {
    const parsed = ingestReportSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
