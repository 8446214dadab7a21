import type { ReactNode } from 'react';

export interface ErrorMessageProps {
  children: ReactNode;
  /** Optional recovery control, e.g. a Reload button. */
  action?: ReactNode;
}

/** An error announced to screen readers as soon as it appears. */
export function ErrorMessage({ children, action }: ErrorMessageProps) {
  return (
    <div className="error-message" role="alert">
      <p className="error-message__text">{children}</p>
      {action}
    </div>
  );
}
