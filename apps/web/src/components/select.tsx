import * as Label from '@radix-ui/react-label';
import * as RadixSelect from '@radix-ui/react-select';
import { useId } from 'react';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: ReadonlyArray<SelectOption<T>>;
  onValueChange: (value: T) => void;
  disabled?: boolean;
  /** Hides the visible label when the surrounding row already says what this is (kept for screen readers). */
  hideLabel?: boolean;
}

export function Select<T extends string>({
  label,
  value,
  options,
  onValueChange,
  disabled = false,
  hideLabel = false,
}: SelectProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <Label.Root className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </Label.Root>
      <RadixSelect.Root
        value={value}
        disabled={disabled}
        onValueChange={(next) => {
          const option = options.find((candidate) => candidate.value === next);
          if (option) onValueChange(option.value);
        }}
      >
        <RadixSelect.Trigger id={id} className="select__trigger" aria-label={hideLabel ? label : undefined}>
          <RadixSelect.Value />
          <RadixSelect.Icon className="select__icon" aria-hidden>
            ▾
          </RadixSelect.Icon>
        </RadixSelect.Trigger>
        <RadixSelect.Portal>
          <RadixSelect.Content className="select__content" position="popper" sideOffset={4}>
            <RadixSelect.Viewport>
              {options.map((option) => (
                <RadixSelect.Item key={option.value} value={option.value} className="select__item">
                  <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                </RadixSelect.Item>
              ))}
            </RadixSelect.Viewport>
          </RadixSelect.Content>
        </RadixSelect.Portal>
      </RadixSelect.Root>
    </div>
  );
}
