import { Field, type FieldChrome } from './field';
import type { SelectOption } from './select';

export interface NativeSelectFieldProps<T extends string> extends Omit<FieldChrome, 'limit'> {
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  /** Called with the chosen option's value, typed as the options are. */
  onValueChange: (value: T) => void;
  className?: string;
  disabled?: boolean;
}

/**
 * The browser's own select in the app's field (label, hint, error): no Radix to load, and the phone's own
 * picker. `Select` is the styled one, for short lists.
 */
export function NativeSelectField<T extends string>({
  label,
  error,
  hint,
  value,
  options,
  onValueChange,
  className,
  disabled,
}: NativeSelectFieldProps<T>) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      className={className}
      renderControl={(control) => (
        <select
          {...control}
          className="field__control"
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const option = options.find((candidate) => candidate.value === event.target.value);
            if (option) onValueChange(option.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}
