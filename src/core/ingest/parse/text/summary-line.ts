// The words of a bill's summary, tax and payment lines, which are never items: one list for both ways a bill's items are found.
/** Summary, tax and payment lines, in English and the German of the receipts in the test corpus. */
export const SUMMARY_LINE =
  /\b(?:total|sub\s*total|grand|net\s+amount|amount\s+payable|round(?:ing)?\s*off|cgst|sgst|igst|gst|vat|tax|cash|change|card|upi|paid|balance|tender|summe|gesamt|zu\s+zahlen|mwst|bar|r[üu]ckgeld|ec-?karte|netto|brutto)\b/i;
