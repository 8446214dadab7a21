import * as RadixDialog from '@radix-ui/react-dialog';
import type { ReactNode, RefObject } from 'react';
import { Button } from './button';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  /** The element that opens the dialog; focus returns to it on close (Radix does this for a Trigger). */
  trigger?: ReactNode;
  children: ReactNode;
  /**
   * Where focus goes on close when the dialog has no Trigger (e.g. opened from a menu item, which no longer
   * exists once the menu closes).
   */
  returnFocusRef?: RefObject<HTMLElement | null>;
}

/** A modal dialog: focus is trapped inside, Escape closes it, and focus returns to the trigger. */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  trigger,
  children,
  returnFocusRef,
}: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog__overlay" />
        <RadixDialog.Content
          className="dialog__content"
          onCloseAutoFocus={(event) => {
            const target = returnFocusRef?.current;
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
          // Without a description Radix warns; say explicitly that there is none.
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
          )}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the enclosing dialog; use for Cancel buttons so Radix restores focus. */
export const DialogClose = RadixDialog.Close;

/** A dialog's Cancel: closes it without doing anything. */
export function DialogCancel() {
  return (
    <DialogClose asChild>
      <Button>Cancel</Button>
    </DialogClose>
  );
}

/** A dialog's buttons: what it does (`children`, usually one button), then Cancel. */
export function DialogActions({ children }: { children: ReactNode }) {
  return (
    <div className="actions">
      {children}
      <DialogCancel />
    </div>
  );
}
