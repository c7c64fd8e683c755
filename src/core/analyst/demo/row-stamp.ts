// What every generated row carries besides its own columns: scope and lineage.

export interface RowStamp {
  orgId: string;
  locationId: string;
  /** Lineage marker for generated rows ("demo:seed=42"). */
  sourceFile: string;
  /** ISO timestamp of the generation run (freshness reads it). */
  ingestedAt: string;
}
