// Finds where one CSV record ends, across pieces of text of any size, without holding the text: quote-aware as papaparse is.
import type { CsvDialect } from './csv-dialect.ts';

/** A record being scanned from its first character on. */
export interface RecordScan {
  /** Scans the next piece: the index in `text` just past the record's line break, or -1 if it goes on. */
  feed(text: string): number;
  /** Characters of the record scanned so far, its line break excluded. */
  readonly chars: number;
  /** Fields of the record so far: one more than the delimiters outside quotes. */
  readonly fields: number;
}

const QUOTE = 34;
// Where the scan stands. A field opens quoted only if its first character is a quote; inside, a quote is
// escaped by a second one and closes the field only when a delimiter or line break follows (spaces may
// come between); any other quote is text. These are papaparse's rules, so the scan ends where it would.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just past a quote inside a quoted field: it escapes, closes or is text, by what comes next. */
const AFTER_QUOTE = 3;
/** Spaces after a quote that may close the field. */
const AFTER_QUOTE_SPACES = 4;

/** Spaces papaparse allows between a closing quote and what follows (what trim() removes, Unicode spaces aside). */
const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

export function createRecordScan(dialect: CsvDialect): RecordScan {
  const delimiter = dialect.delimiter.charCodeAt(0);
  const newline = dialect.newline;
  const lineStart = newline.charCodeAt(0);
  const crlf = newline.length === 2;
  let state = FIELD_START;
  let chars = 0;
  let fields = 1;
  // The last character of a piece when it may begin a two-character line break: decided by the next piece,
  // so it is counted then (characters are counted in `text`, which starts with it).
  let held = '';

  function feed(piece: string): number {
    const text = held + piece;
    const offset = held.length;
    held = '';
    let i = 0;
    while (i < text.length) {
      if (state === QUOTED) {
        // The bulk of a huge quoted field: one native search, not a loop over its characters.
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          i = text.length;
          break;
        }
        i = quote + 1;
        state = AFTER_QUOTE;
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === QUOTE && (state === FIELD_START || state === AFTER_QUOTE)) {
        // The opening quote, or the second of an escaped pair.
        state = QUOTED;
        i += 1;
        continue;
      }
      if (code === delimiter) {
        fields += 1;
        state = FIELD_START;
        i += 1;
        continue;
      }
      if (code === lineStart) {
        if (!crlf) {
          chars += i;
          return i + 1 - offset;
        }
        if (i + 1 === text.length) {
          held = text.slice(i);
          break;
        }
        if (text.charCodeAt(i + 1) === 10) {
          chars += i;
          return i + 2 - offset;
        }
      }
      if (state === AFTER_QUOTE || state === AFTER_QUOTE_SPACES) {
        state = isSpace(code) ? AFTER_QUOTE_SPACES : code === QUOTE ? AFTER_QUOTE : QUOTED;
      } else {
        state = UNQUOTED;
      }
      i += 1;
    }
    chars += i;
    return -1;
  }

  return {
    feed,
    get chars() {
      return chars;
    },
    get fields() {
      return fields;
    },
  };
}
