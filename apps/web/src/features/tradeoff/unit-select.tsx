import { DURATION_UNITS, type DurationUnit } from '@raisin/core/tradeoff';
import { NativeSelectField } from '../../components';

const UNIT_OPTIONS = DURATION_UNITS.map((unit) => ({ value: unit, label: `${unit}s` }));

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
  return (
    <NativeSelectField
      label={label}
      value={value}
      options={UNIT_OPTIONS}
      onValueChange={onChange}
      {...(disabled === undefined ? {} : { disabled })}
    />
  );
}
