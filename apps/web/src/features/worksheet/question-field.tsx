import { DURATION_UNITS } from '@raisin/core/tradeoff';
import { QUALITY_UNIT, type Question, YES_NO_UNKNOWN } from '@raisin/core/worksheet';
import {
  type ChangeEvent,
  type InputHTMLAttributes,
  type ReactNode,
  useEffect,
  useId,
  useState,
} from 'react';
import { Field } from '../../components';
import { isDurationUnit, type RawAnswer, type RawOfKind } from './raw-answer';

const YES_NO_LABELS = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;
const RANGE_PARTS = [
  ['low', 'Low'],
  ['likely', 'Likely'],
  ['high', 'High'],
] as const;

export interface QuestionControlProps {
  question: Question;
  raw: RawAnswer;
  onChange: (raw: RawAnswer) => void;
  /** Ids of the guidance and error texts, for aria-describedby. */
  describedBy: string;
  invalid: boolean;
}

const unitOf = (question: Question) =>
  (question.kind === 'number' || question.kind === 'range') && question.unit !== QUALITY_UNIT
    ? question.unit
    : question.kind === 'number' || question.kind === 'range'
      ? 'score from 0 to 1'
      : undefined;

function sameNumberText(a: string, b: string): boolean {
  const read = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));
  const [x, y] = [read(a), read(b)];
  return x === null || y === null ? x === y : Number.isFinite(x) && x === y;
}

/**
 * A text box for a number that keeps what the user typed ("0.90") while the saved value ("0.9") means
 * the same thing; a different value from outside (a teammate's save) replaces it.
 */
function NumberBox({
  value,
  onChange,
  ...rest
}: { value: string; onChange: (text: string) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange'
>) {
  const [text, setText] = useState(value);
  useEffect(() => {
    setText((current) => (sameNumberText(current, value) ? current : value));
  }, [value]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className="field__control worksheet-number"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value);
      }}
    />
  );
}

type ControlAria = { 'aria-describedby': string; 'aria-invalid': true | undefined };

/** A question's number box under its prompt, with what it is counted in (`children`: a unit) beside it. */
function NumberField({
  label,
  common,
  value,
  onChange,
  children,
}: {
  label: string;
  common: ControlAria;
  value: string;
  onChange: (text: string) => void;
  children: ReactNode;
}) {
  return (
    <Field
      label={label}
      renderControl={(control) => (
        <div className="worksheet-unit-row">
          <NumberBox {...control} {...common} value={value} onChange={onChange} />
          {children}
        </div>
      )}
    />
  );
}

function Fieldset({
  legend,
  describedBy,
  invalid,
  children,
}: {
  legend: string;
  describedBy: string;
  invalid: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset
      className="question__fieldset"
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      <legend className="field__label">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The control for one question, by its kind; every control has a visible label (the prompt or a part of it). */
export function QuestionControl({ question, raw, onChange, describedBy, invalid }: QuestionControlProps) {
  const id = useId();
  const common = { 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined } as const;
  const unit = unitOf(question);

  switch (raw.kind) {
    case 'short-text':
    case 'long-text': {
      const { kind } = raw;
      const text = {
        ...common,
        value: raw.value,
        onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
          onChange({ kind, value: event.target.value }),
      };
      return (
        <Field
          label={question.prompt}
          renderControl={(control) =>
            kind === 'short-text' ? (
              <input {...control} {...text} className="field__control" />
            ) : (
              <textarea
                {...control}
                {...text}
                rows={3}
                className="field__control field__control--multiline"
              />
            )
          }
        />
      );
    }
    case 'number':
      return (
        <NumberField
          label={question.prompt}
          common={common}
          value={raw.value}
          onChange={(value) => onChange({ kind: 'number', value })}
        >
          {unit && <span className="muted">{unit}</span>}
        </NumberField>
      );
    case 'duration':
      return <DurationControl question={question} raw={raw} onChange={onChange} common={common} />;
    case 'range':
      return (
        <Fieldset legend={question.prompt} describedBy={describedBy} invalid={invalid}>
          <div className="worksheet-range">
            {RANGE_PARTS.map(([part, label]) => (
              <div className="field" key={part}>
                <label className="field__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <NumberBox
                  id={`${id}-${part}`}
                  value={raw[part]}
                  aria-invalid={invalid || undefined}
                  onChange={(value) => onChange({ ...raw, [part]: value })}
                />
              </div>
            ))}
            {unit && <span className="muted worksheet-range__unit">{unit}</span>}
          </div>
        </Fieldset>
      );
    case 'single':
    case 'yes-no-unknown': {
      const options =
        question.kind === 'single'
          ? question.options
          : YES_NO_UNKNOWN.map((value) => ({ value, label: YES_NO_LABELS[value] }));
      return (
        <Fieldset legend={question.prompt} describedBy={describedBy} invalid={invalid}>
          <div className="choices">
            {options.map((option) => (
              <label key={option.value} className="choice">
                <input
                  type="radio"
                  name={id}
                  value={option.value}
                  checked={raw.value === option.value}
                  onChange={() => onChange(chosen(raw, option.value))}
                />
                {option.label}
              </label>
            ))}
          </div>
        </Fieldset>
      );
    }
    case 'multi':
      return (
        <Fieldset legend={question.prompt} describedBy={describedBy} invalid={invalid}>
          <div className="choices">
            {(question.kind === 'multi' ? question.options : []).map((option) => (
              <label key={option.value} className="choice">
                <input
                  type="checkbox"
                  className="checkbox"
                  value={option.value}
                  checked={raw.value.includes(option.value)}
                  onChange={(event) =>
                    onChange({
                      kind: 'multi',
                      value: event.target.checked
                        ? [...raw.value, option.value]
                        : raw.value.filter((value) => value !== option.value),
                    })
                  }
                />
                {option.label}
              </label>
            ))}
          </div>
        </Fieldset>
      );
  }
}

function chosen(raw: RawOfKind<'single'> | RawOfKind<'yes-no-unknown'>, value: string): RawAnswer {
  if (raw.kind === 'single') return { kind: 'single', value };
  const answer = YES_NO_UNKNOWN.find((candidate) => candidate === value);
  return { kind: 'yes-no-unknown', value: answer ?? '' };
}

function DurationControl({
  question,
  raw,
  onChange,
  common,
}: {
  question: Question;
  raw: RawOfKind<'duration'>;
  onChange: (raw: RawAnswer) => void;
  common: ControlAria;
}) {
  return (
    <NumberField
      label={question.prompt}
      common={common}
      value={raw.value}
      onChange={(value) => onChange({ ...raw, value })}
    >
      <label className="worksheet-inline-label">
        Unit
        <select
          aria-label={`Unit for: ${question.prompt}`}
          className="field__control worksheet-unit"
          value={raw.unit}
          onChange={(event) => {
            const unit = event.target.value;
            if (isDurationUnit(unit)) onChange({ ...raw, unit });
          }}
        >
          {DURATION_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {`${unit}s`}
            </option>
          ))}
        </select>
      </label>
    </NumberField>
  );
}
