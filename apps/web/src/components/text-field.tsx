import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { Field, type FieldChrome } from './field';

export interface TextFieldProps
  extends FieldChrome,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'maxLength'> {
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, error, hint, limit, className, ...rest }: TextFieldProps) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      limit={limit}
      value={rest.value}
      className={className}
      renderControl={(control) => <input {...rest} {...control} className="field__control" />}
    />
  );
}

export interface TextAreaFieldProps
  extends FieldChrome,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'maxLength'> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, error, hint, limit, className, ...rest }: TextAreaFieldProps) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      limit={limit}
      value={rest.value}
      className={className}
      renderControl={(control) => (
        <textarea {...rest} {...control} className="field__control field__control--multiline" />
      )}
    />
  );
}
