import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'react';
import { Field, type FieldChrome, splitFieldChrome } from './field';

export interface TextFieldProps
  extends FieldChrome,
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'maxLength'> {
  ref?: Ref<HTMLInputElement>;
}

export interface TextAreaFieldProps
  extends FieldChrome,
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'maxLength'> {
  ref?: Ref<HTMLTextAreaElement>;
}

export function TextField(props: TextFieldProps) {
  const { chrome, rest } = splitFieldChrome(props);
  return (
    <Field
      {...chrome}
      renderControl={(control) => <input {...rest} {...control} className="field__control" />}
    />
  );
}

export function TextAreaField(props: TextAreaFieldProps) {
  const { chrome, rest } = splitFieldChrome(props);
  return (
    <Field
      {...chrome}
      renderControl={(control) => (
        <textarea {...rest} {...control} className="field__control field__control--multiline" />
      )}
    />
  );
}
