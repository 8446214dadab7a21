/** Which column (or JSON key) plays which role, found by name through synonyms. */
import { err, ok, type Result } from '../../shared';
import type { SampleIssue } from '../types';
import { COLUMN_ROLES, type ColumnRole } from './types';

/** Lower case without spaces, underscores, hyphens or dots: `Item ID`, `item_id` and `itemId` all read `itemid`. */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

const SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  item: [
    'item',
    'itemid',
    'items',
    'id',
    'uid',
    'textid',
    'unit',
    'unitid',
    'doc',
    'docid',
    'document',
    'documentid',
    'example',
    'exampleid',
    'task',
    'taskid',
    'sample',
    'sampleid',
    'sentence',
    'sentenceid',
    'question',
    'questionid',
    'instance',
    'instanceid',
    'record',
    'recordid',
    'subject',
    'subjectid',
    'case',
    'caseid',
    'image',
    'imageid',
    'file',
    'filename',
    'segment',
    'segmentid',
    'utterance',
    'utteranceid',
    'post',
    'postid',
    'object',
    'objectid',
    'row',
    'rowid',
    'text',
  ],
  annotator: [
    'annotator',
    'annotatorid',
    'annotatoremail',
    'annotatorname',
    'rater',
    'raterid',
    'coder',
    'coderid',
    'user',
    'userid',
    'username',
    'useremail',
    'worker',
    'workerid',
    'labeler',
    'labelerid',
    'labeller',
    'labellerid',
    'judge',
    'judgeid',
    'annotatedby',
    'labeledby',
    'labelledby',
    'completedby',
    'createdby',
    'observer',
    'observerid',
    'reviewer',
    'reviewerid',
    'assessor',
    'assessorid',
    'grader',
    'scorer',
    'evaluator',
    'participant',
    'participantid',
    'expert',
    'person',
    'email',
    'author',
  ],
  label: [
    'label',
    'labels',
    'category',
    'categories',
    'rating',
    'value',
    'class',
    'classlabel',
    'annotation',
    'answer',
    'response',
    'code',
    'score',
    'tag',
    'choice',
    'judgment',
    'judgement',
    'grade',
    'sentiment',
    'decision',
    'verdict',
    'classification',
    'result',
    'target',
    'y',
    'gold',
    'relevance',
  ],
};

const ROLE_OF = new Map<string, ColumnRole>(
  COLUMN_ROLES.flatMap((role) => SYNONYMS[role].map((name) => [name, role] as const)),
);

/** The role a column name suggests, if any. */
export function columnRoleOf(name: string): ColumnRole | undefined {
  return ROLE_OF.get(normalizeColumnName(name));
}

export interface MappedColumns {
  /** Column index per role, -1 when unmapped. */
  readonly index: Readonly<Record<ColumnRole, number>>;
  readonly unmapped: readonly ColumnRole[];
}

/**
 * Maps roles to columns: a name the caller gave wins (matched the same forgiving way); otherwise the first
 * column whose name is a synonym of the role. A name given but absent is an error listing the headers.
 */
export function mapColumns(
  header: readonly string[],
  given: Readonly<Partial<Record<ColumnRole, string>>> = {},
  line?: number,
): Result<MappedColumns, SampleIssue> {
  const normalized = header.map(normalizeColumnName);
  const index: Record<ColumnRole, number> = { item: -1, annotator: -1, label: -1 };
  for (const role of COLUMN_ROLES) {
    const name = given[role];
    if (name === undefined) continue;
    const exact = header.indexOf(name);
    const found = exact >= 0 ? exact : normalized.indexOf(normalizeColumnName(name));
    if (found < 0) {
      return err({
        code: 'missing_column',
        message: `No column named "${name}" for the ${role}; the columns are: ${listHeaders(header)}.`,
        ...(line === undefined ? {} : { line }),
      });
    }
    index[role] = found;
  }
  const taken = new Set(Object.values(index).filter((i) => i >= 0));
  for (const role of COLUMN_ROLES) {
    if (index[role] >= 0) continue;
    const found = normalized.findIndex((name, i) => !taken.has(i) && ROLE_OF.get(name) === role);
    if (found >= 0) {
      index[role] = found;
      taken.add(found);
    }
  }
  return ok({ index, unmapped: COLUMN_ROLES.filter((role) => index[role] < 0) });
}

export function listHeaders(header: readonly string[]): string {
  return header.map((name) => `"${name}"`).join(', ');
}

export function missingColumnIssue(
  unmapped: readonly ColumnRole[],
  header: readonly string[],
  line?: number,
): SampleIssue {
  const roles = unmapped.join(' and ');
  return {
    code: 'missing_column',
    message: `Could not find the ${roles} column among ${listHeaders(header)}; name the column to use.`,
    ...(line === undefined ? {} : { line }),
  };
}
