import * as Label from '@radix-ui/react-label';
import { type ReactNode, useId } from 'react';
import { lengthCounter, showsCounter, tooLongMessage } from '../lib/text-limit';

export interface FieldChrome {
  label: string;
  /** Shown under the control and linked with aria-describedby; its presence sets aria-invalid. */
  error?: string | undefined;
  hint?: string | undefined;
  /**
   * The most characters the value may have. Never enforced by cutting (no `maxLength`): near the limit
   * the field shows its count ("81/80"), over it an error, and the form refuses to send it.
   */
  limit?: number | undefined;
}

/** The attributes that tie a control to its label, hint and error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A text control's props parted into what `Field` draws around it and what the control itself takes. */
export function splitFieldChrome<
  Props extends FieldChrome & { className?: string | undefined; value?: unknown },
>(
  props: Props,
): {
  chrome: FieldChrome & { className?: string | undefined; value?: unknown };
  rest: Omit<Props, keyof FieldChrome | 'className'>;
} {
  const { label, error, hint, limit, className, ...rest } = props;
  return { chrome: { label, error, hint, limit, className, value: rest.value }, rest };
}

/** Label, hint and error around one control: every form control of the app looks and reads the same. */
export function Field({
  label,
  error: givenError,
  hint,
  limit,
  value,
  className,
  renderControl,
}: FieldChrome & {
  /** The value a `limit` counts; a control without a limit may leave it out. */
  value?: unknown;
  className?: string | undefined;
  renderControl: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const text = typeof value === 'string' ? value : '';
  const counted = limit !== undefined && showsCounter(text, limit);
  const error = givenError ?? (limit === undefined ? undefined : tooLongMessage(label, text, limit));
  const hintId = hint ? `${id}-hint` : undefined;
  const countId = counted ? `${id}-count` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, countId, errorId].filter(Boolean).join(' ');
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <Label.Root className="field__label" htmlFor={id}>
        {label}
      </Label.Root>
      {renderControl({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {counted && limit !== undefined && (
        <p id={countId} className="field__count">
          {lengthCounter(text, limit)}
          <span className="visually-hidden"> characters</span>
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
