import { DURATION_UNITS, type DurationUnit } from '@raisin/core/tradeoff';
import { useId } from 'react';

/** A labelled native select of duration units (minute … year): keyboard and screen-reader friendly as is. */
export function UnitSelect({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: DurationUnit;
  onChange: (unit: DurationUnit) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        value={value}
        disabled={disabled}
        onChange={(event) => {
          const unit = DURATION_UNITS.find((candidate) => candidate === event.target.value);
          if (unit) onChange(unit);
        }}
      >
        {DURATION_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {unit}s
          </option>
        ))}
      </select>
    </div>
  );
}
