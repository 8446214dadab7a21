import { type AgreementReport, describeFraming } from '@raisin/core/agreement';
import { useId } from 'react';

/**
 * The questions of an export holding several (Label Studio controls, by `from_name`), each scored under
 * its own framing: picking one shows its table and ceiling in place of the headline question's.
 */
export function QuestionSwitch({
  controls,
  headline,
  value,
  onChange,
}: {
  controls: Readonly<Record<string, AgreementReport>>;
  headline: string | undefined;
  value: string;
  onChange: (name: string) => void;
}) {
  const id = useId();
  const names = Object.keys(controls);
  return (
    <div className="panel question-switch">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Question (Label Studio control)
        </label>
        <select id={id} className="field__control" value={value} onChange={(e) => onChange(e.target.value)}>
          {names.map((name) => (
            <option key={name} value={name}>
              {name} ({describeFraming(controls[name]?.framing)}){name === headline ? ', headline' : ''}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">
        This sample holds {names.length} questions, each with its own agreement and ceiling.
        {headline === undefined
          ? ''
          : ` The headline question, "${headline}", is the one the trend, the Tradeoff tab and the report read.`}
      </p>
    </div>
  );
}
