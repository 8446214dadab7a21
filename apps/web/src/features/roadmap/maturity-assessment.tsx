import {
  MATURITY_ITEMS,
  MATURITY_SECTIONS,
  type MaturityAnswer,
  type MaturityItem,
} from '@raisin/core/roadmap';
import { useId, useRef, useState } from 'react';

const ANSWER_OPTIONS: ReadonlyArray<{ value: MaturityAnswer; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'na', label: 'Not applicable' },
];

export interface MaturityAssessmentProps {
  answers: Readonly<Record<string, MaturityAnswer>>;
  canEdit: boolean;
  onAnswer: (itemId: string, answer: MaturityAnswer | null) => void;
}

/** The self-assessment: one yes / no / not applicable question per item, grouped by section. */
export function MaturityAssessment({ answers, canEdit, onAnswer }: MaturityAssessmentProps) {
  return (
    <div className="maturity-sections">
      {MATURITY_SECTIONS.map((section) => (
        <MaturitySectionPanel
          key={section.id}
          title={section.title}
          items={MATURITY_ITEMS.filter((item) => item.section === section.id)}
          answers={answers}
          canEdit={canEdit}
          onAnswer={onAnswer}
        />
      ))}
    </div>
  );
}

interface MaturitySectionPanelProps extends MaturityAssessmentProps {
  title: string;
  items: readonly MaturityItem[];
}

function MaturitySectionPanel({ title, items, answers, canEdit, onAnswer }: MaturitySectionPanelProps) {
  const titleId = useId();
  const answered = items.filter((item) => answers[item.id] !== undefined).length;
  // Open at first when something is left to answer; afterwards the person decides (never collapse under a click).
  const [initiallyOpen] = useState(answered < items.length);
  return (
    <details className="maturity-section" open={initiallyOpen}>
      <summary>
        <h4 id={titleId} className="maturity-section__title">
          {title}
        </h4>
        <span className="muted">
          {answered} of {items.length} answered
        </span>
      </summary>
      {/* The section's questions as one group named by its heading, so a screen reader entering a question
          hears which section it belongs to. */}
      <fieldset className="maturity-section__items" aria-labelledby={titleId}>
        {items.map((item) => (
          <MaturityQuestion
            key={item.id}
            item={item}
            answer={answers[item.id]}
            canEdit={canEdit}
            onAnswer={onAnswer}
          />
        ))}
      </fieldset>
    </details>
  );
}

interface MaturityQuestionProps {
  item: MaturityItem;
  answer: MaturityAnswer | undefined;
  canEdit: boolean;
  onAnswer: (itemId: string, answer: MaturityAnswer | null) => void;
}

function MaturityQuestion({ item, answer, canEdit, onAnswer }: MaturityQuestionProps) {
  const id = useId();
  const radios = useRef<Partial<Record<MaturityAnswer, HTMLInputElement | null>>>({});
  const clear = () => {
    // The Clear button disappears with the answer: keyboard focus moves to the option that was chosen
    // (now unchecked) instead of dropping to the page body.
    if (answer !== undefined) radios.current[answer]?.focus();
    onAnswer(item.id, null);
  };
  return (
    <fieldset className="maturity-item" aria-describedby={`${id}-guidance`}>
      <legend className="maturity-item__text">{item.text}</legend>
      <p id={`${id}-guidance`} className="field__hint">
        <span className="badge">Level {item.level}</span> {item.guidance}
      </p>
      {canEdit ? (
        <div className="maturity-item__options">
          {ANSWER_OPTIONS.map((option) => (
            <label key={option.value} className="maturity-item__option">
              <input
                ref={(element) => {
                  radios.current[option.value] = element;
                }}
                type="radio"
                name={id}
                value={option.value}
                checked={answer === option.value}
                onChange={() => onAnswer(item.id, option.value)}
              />
              {option.label}
            </label>
          ))}
          {answer !== undefined && (
            <button type="button" className="button button--ghost" onClick={clear}>
              Clear<span className="visually-hidden"> the answer to “{item.text}”</span>
            </button>
          )}
        </div>
      ) : (
        <p className="maturity-item__answer">
          Answer:{' '}
          <strong>{ANSWER_OPTIONS.find((option) => option.value === answer)?.label ?? 'Not answered'}</strong>
        </p>
      )}
    </fieldset>
  );
}
