// Distinct values worth reporting that stream past while rows are built: unknown statuses kept as written, and the sites rows name.

/** Distinct values per batch are capped: past this many a column is clearly not a handful of statuses or sites. */
export const MAX_SEEN_VALUES = 50;

/** Values first seen in one batch (plain data: it crosses from the row worker with the batch). */
export interface SeenValues {
  /** Status words Titan does not know, kept as written (counted as completed). */
  unknownStatuses?: string[];
  /** The site named by the file's site column (Outlet, Branch, store_location…). */
  sites?: string[];
}

/** Collects distinct values as rows are normalised; `drain` hands over the ones new since the last call. */
export class ValueWatch {
  private readonly statuses = new Set<string>();
  private readonly sites = new Set<string>();
  private fresh: Required<SeenValues> = { unknownStatuses: [], sites: [] };

  unknownStatus(value: string): void {
    add(this.statuses, this.fresh.unknownStatuses, value);
  }

  site(value: string): void {
    add(this.sites, this.fresh.sites, value);
  }

  drain(): SeenValues | undefined {
    const { unknownStatuses, sites } = this.fresh;
    if (unknownStatuses.length === 0 && sites.length === 0) return undefined;
    this.fresh = { unknownStatuses: [], sites: [] };
    return {
      ...(unknownStatuses.length === 0 ? {} : { unknownStatuses }),
      ...(sites.length === 0 ? {} : { sites }),
    };
  }
}

function add(set: Set<string>, fresh: string[], value: string): void {
  if (set.has(value) || set.size >= MAX_SEEN_VALUES) return;
  set.add(value);
  fresh.push(value);
}

/** Merges batches' values into file-wide sets (capped like the watch). */
export class SeenTally {
  readonly unknownStatuses = new Set<string>();
  readonly sites = new Set<string>();

  add(seen: SeenValues | undefined): void {
    if (!seen) return;
    for (const v of seen.unknownStatuses ?? []) add(this.unknownStatuses, [], v);
    for (const v of seen.sites ?? []) add(this.sites, [], v);
  }
}
