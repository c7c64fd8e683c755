// Which words of the question each part of the reader has read, so no word is read twice or left unnoticed.
import type { Token } from './text-prep.ts';

/** What read a token. */
export type ClaimKind = 'value' | 'period' | 'lexicon' | 'stop' | 'filler';

export class Claims {
  readonly tokens: readonly Token[];
  private readonly by: (ClaimKind | undefined)[];

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
    this.by = tokens.map(() => undefined);
  }

  isFree(index: number): boolean {
    return index >= 0 && index < this.tokens.length && this.by[index] === undefined;
  }

  kindOf(index: number): ClaimKind | undefined {
    return this.by[index];
  }

  claim(indexes: readonly number[], kind: ClaimKind): void {
    for (const i of indexes) this.by[i] = kind;
  }

  /** Claims every free token overlapping a character span; returns their indexes. */
  claimSpan(start: number, end: number, kind: ClaimKind): number[] {
    const hit = this.tokens.flatMap((t, i) => (t.start < end && t.end > start && this.isFree(i) ? [i] : []));
    this.claim(hit, kind);
    return hit;
  }

  /** Indexes of the tokens nobody has read. */
  free(): number[] {
    return this.tokens.flatMap((_t, i) => (this.isFree(i) ? [i] : []));
  }

  /** The lower-cased text with every read token blanked out (offsets kept). */
  mask(lower: string): string {
    let text = lower;
    this.tokens.forEach((t, i) => {
      if (!this.isFree(i)) text = text.slice(0, t.start) + ' '.repeat(t.end - t.start) + text.slice(t.end);
    });
    return text;
  }
}
