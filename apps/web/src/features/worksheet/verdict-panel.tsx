import { type FindingEffect, findQuestion, type Verdict, type VerdictResult } from '@raisin/core/worksheet';
import { questionAnchor } from './question-item';

export const VERDICT_TEXT = {
  go: { label: 'Go', summary: 'Nothing found that argues against building it.' },
  'spike-first': {
    label: 'Spike first',
    summary: 'De-risk the points below with a short experiment before committing.',
  },
  'no-go': { label: 'No-go', summary: 'At least one finding argues against building it as planned.' },
  undecided: { label: 'Undecided', summary: 'Answer the questions listed below to reach a verdict.' },
} as const satisfies Record<Verdict, { label: string; summary: string }>;

const EFFECT_LABEL = {
  'no-go': 'No-go',
  spike: 'Spike',
  go: 'In favour',
  info: 'Advice',
} as const satisfies Record<FindingEffect, string>;

/** Moves focus to a question (scrolling it into view), so a reason or "to answer" item leads to its field. */
function goToQuestion(questionId: string) {
  const block = document.getElementById(questionAnchor(questionId));
  if (!block) return;
  block.scrollIntoView({ block: 'center' });
  const control = block.querySelector<HTMLElement>('input, textarea, select, a');
  (control ?? block).focus({ preventScroll: true });
}

function QuestionLink({ questionId }: { questionId: string }) {
  const prompt = findQuestion(questionId)?.prompt ?? questionId;
  return (
    <a
      href={`#${questionAnchor(questionId)}`}
      onClick={(event) => {
        event.preventDefault();
        goToQuestion(questionId);
      }}
    >
      {prompt}
    </a>
  );
}

/** The verdict with every reason that produced it (each linking to its questions) and what is still to answer. */
export function VerdictPanel({ result }: { result: VerdictResult }) {
  const text = VERDICT_TEXT[result.verdict];
  return (
    <section className="panel worksheet-verdict" aria-labelledby="worksheet-verdict-title">
      <h3 id="worksheet-verdict-title">Verdict</h3>
      <p className={`worksheet-verdict__badge worksheet-verdict__badge--${result.verdict}`}>
        <span className="visually-hidden">Verdict: </span>
        {text.label}
      </p>
      <p className="muted">{text.summary}</p>
      {result.findings.length > 0 && (
        <>
          <h4>Reasons</h4>
          <ul className="worksheet-verdict__list" aria-label="Reasons">
            {result.findings.map((finding) => (
              <li key={finding.ruleId}>
                <span className={`badge worksheet-effect--${finding.effect}`}>
                  {EFFECT_LABEL[finding.effect]}
                </span>{' '}
                {finding.reason}
                <span className="worksheet-verdict__links">
                  {' — see '}
                  {finding.questionIds.map((id, index) => (
                    <span key={id}>
                      {index > 0 && ', '}
                      <QuestionLink questionId={id} />
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.toAnswer.length > 0 && (
        <>
          <h4>To answer</h4>
          <ul className="worksheet-verdict__list" aria-label="To answer">
            {result.toAnswer.map((id) => (
              <li key={id}>
                <QuestionLink questionId={id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
