import { Button, type ButtonProps } from './button';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** The question asked first ("Revoke CI token? …"); nothing happens unless the user confirms. */
  confirm: string;
  onConfirm: () => void;
}

/** A button whose action cannot be taken back (revoke, remove, hide): it asks the browser's confirm first. */
export function ConfirmButton({ confirm, onConfirm, ...rest }: ConfirmButtonProps) {
  return (
    <Button
      {...rest}
      onClick={() => {
        if (window.confirm(confirm)) onConfirm();
      }}
    />
  );
}
