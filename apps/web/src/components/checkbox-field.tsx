import { useId } from 'react';

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  /** Shown under the label and linked with aria-describedby. */
  hint?: string;
  className?: string;
}

/** A checkbox with its label beside it (and an optional hint below): every checkbox reads the same. */
export function CheckboxField({ label, checked, onCheckedChange, hint, className }: CheckboxFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={['checkbox-field', className].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        className="checkbox"
        checked={checked}
        aria-describedby={hintId}
        onChange={(event) => onCheckedChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field__hint checkbox-field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
