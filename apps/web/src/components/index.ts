// Light building blocks only: the sign-in page's chunk includes this module and everything it imports.
// The Radix-heavy ones are imported from their own modules (`components/dialog`, `components/select`,
// `components/tabs`) so that they load with the signed-in pages that use them.
export { Button, type ButtonProps, type ButtonVariant } from './button';
export { CheckboxField, type CheckboxFieldProps } from './checkbox-field';
export { ConfirmButton, type ConfirmButtonProps } from './confirm-button';
export { CopyLinkField, type CopyLinkFieldProps } from './copy-link-field';
export { ACTIONS_COLUMN, DataTable, type DataTableProps, type TableColumn } from './data-table';
export { EmptyState, type EmptyStateProps } from './empty-state';
export { ErrorMessage, type ErrorMessageProps } from './error-message';
export { type ControlProps, Field, type FieldChrome } from './field';
export { NativeSelectField, type NativeSelectFieldProps } from './native-select-field';
export { NotFound } from './not-found';
export { ApiErrorMessage, QueryStatus, type QueryStatusProps } from './query-status';
export { SavedAt, type SavedAtProps } from './saved-at';
export { ScrollBox, type ScrollBoxProps } from './scroll-box';
export { Spinner, type SpinnerProps } from './spinner';
export { TextAreaField, type TextAreaFieldProps, TextField, type TextFieldProps } from './text-field';
