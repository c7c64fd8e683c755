// What marks a Teams answer as AI-generated and cites its sources: the schema.org Message entity Teams reads, built from the Answer's own sources.
import { formatCount } from '../../core/analyst/format.ts';
import type { Answer } from '../../core/model/answer.ts';
import { printable } from '../../core/model/printable.ts';

/** Teams' limits on a citation's name and abstract. */
const NAME_LIMIT = 80;
const ABSTRACT_LIMIT = 160;

/** One cited source (a schema.org Claim); no URL: Titan's sources are warehouse tables, not pages. */
export interface Citation {
  '@type': 'Claim';
  position: number;
  appearance: { '@type': 'DigitalDocument'; name: string; abstract: string; keywords?: string[] };
}

/** The entity that gives a message Teams' "AI generated" label and, when it cites, its citations. */
export interface AiMessageEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  additionalType: ['AIGeneratedContent'];
  citation?: Citation[];
}

const clip = (text: string, limit: number): string =>
  text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;

const day = (iso: string): string => iso.slice(0, 10);

/** One citation per table the answer read rows from: the period it covers and when it was last loaded. */
function citationsOf(answer: Answer): Citation[] {
  const { period, rows, freshness } = answer.sources;
  return Object.entries(rows).map(([table, count], i) => {
    const loaded = freshness[table];
    const abstract = [
      `${formatCount(count)} ${table} rows read, ${period.from} → ${period.to} (${period.label})`,
      loaded === undefined ? '' : loaded ? `last loaded ${day(loaded)}` : 'never loaded',
    ]
      .filter(Boolean)
      .join('; ');
    return {
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(`${table} data, ${period.label}`, NAME_LIMIT),
        abstract: clip(abstract, ABSTRACT_LIMIT),
        keywords: [clip(table, 28)],
      },
    };
  });
}

/**
 * The message text and entity of an answer: Teams shows a citation only where the text names its position,
 * so the text is the sources line ("Sources: sales [1], inventory [2]") and nothing when no rows were read.
 */
export function aiMessageParts(data: Answer): { text?: string; entity: AiMessageEntity } {
  const answer = printable(data);
  const citation = citationsOf(answer);
  const entity: AiMessageEntity = {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    ...(citation.length > 0 ? { citation } : {}),
  };
  if (citation.length === 0) return { entity };
  const names = Object.keys(answer.sources.rows).map((table, i) => `${table} [${i + 1}]`);
  return { text: `Sources: ${names.join(', ')}`, entity };
}
