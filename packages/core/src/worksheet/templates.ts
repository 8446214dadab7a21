import { type Answer, validateAnswer, type WorksheetAnswers } from './answers';
import { findQuestion, type QuestionId } from './question-bank';

export interface WorksheetTemplate {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Raw answer values, checked by `validateAnswer` like any client input (and by a test). */
  readonly values: Readonly<Partial<Record<QuestionId, unknown>>>;
}

/** Starting points that pre-fill the framing answers of common project shapes. */
export const WORKSHEET_TEMPLATES = [
  {
    id: 'text-classification-product-listings',
    title: 'Text classification of product listings',
    description: 'Assign each product listing of a catalogue to a category from its title and description.',
    values: {
      'C.framing': 'classification',
      'C.output': 'single-answer',
      'C.entity': 'A product listing (title and description)',
      'C.outcome': 'The listing’s product category',
      'B.heuristic': "if 'antibiotic' in title: return 'meds'",
      'B.archetype': 'software-2.0',
      'A.worse-error': 'equal',
      'E.optimizing-metric': 'accuracy',
      'D.label-collection': 'in-house',
      'G.serving-mode': 'precomputed',
      'H.retraining-cadence': 'monthly',
    },
  },
  {
    id: 'ranking-retrieval',
    title: 'Ranking / retrieval',
    description: 'Order documents or products by relevance to a query.',
    values: {
      'C.framing': 'ranking-retrieval',
      'C.output': 'ranked-list',
      'C.entity': 'A (query, document) pair',
      'C.outcome': 'How relevant the document is to the query',
      'B.heuristic': 'BM25 keyword match on the title',
      'B.archetype': 'software-2.0',
      'A.worse-error': 'not-applicable',
      'E.optimizing-metric': 'NDCG@10',
      'D.label-collection': 'logged-outcomes',
      'G.serving-mode': 'online',
      'H.retraining-cadence': 'weekly',
    },
  },
] as const satisfies readonly WorksheetTemplate[];

export type WorksheetTemplateId = (typeof WORKSHEET_TEMPLATES)[number]['id'];

/**
 * The answers a template pre-fills, validated like client input; `undefined` for an unknown template.
 * Values that no longer validate (the bank changed) are left out rather than failing the whole template.
 */
export function templateAnswers(templateId: string): WorksheetAnswers | undefined {
  const template: WorksheetTemplate | undefined = WORKSHEET_TEMPLATES.find((t) => t.id === templateId);
  if (template === undefined) return undefined;
  const answers: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(template.values)) {
    const question = findQuestion(id);
    const result = question === undefined ? undefined : validateAnswer(question, value);
    if (result?.ok === true) answers[id] = result.value;
  }
  return answers;
}
