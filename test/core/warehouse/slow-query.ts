// A read SQLite runs for hours unless it is stopped: counts to ten billion. For tests of stopping and orphaned readers.
export const SLOW_QUERY =
  'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 10000000000) SELECT MAX(x) AS n FROM c';
