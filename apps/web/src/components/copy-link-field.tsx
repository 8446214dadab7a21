import { useId, useState } from 'react';
import { Button } from './button';

export interface CopyLinkFieldProps {
  label: string;
  url: string;
}

/**
 * A link shown once (an invitation, a share link): read-only and selected on focus, with Copy link and
 * a status line that says whether the clipboard took it.
 */
export function CopyLinkField({ label, url }: CopyLinkFieldProps) {
  const id = useId();
  // Remembers which URL the outcome was for, so a newly created link starts without a stale message.
  const [copied, setCopied] = useState<{ url: string; outcome: 'copied' | 'failed' } | null>(null);
  const outcome = copied?.url === url ? copied.outcome : null;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied({ url, outcome: 'copied' });
    } catch {
      // Clipboard access can be denied (insecure origin, permissions); the link stays selectable.
      setCopied({ url, outcome: 'failed' });
    }
  }

  return (
    <>
      <div className="copy-row">
        <label htmlFor={id} className="field__label">
          {label}
        </label>
        <input
          id={id}
          className="field__control"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
        />
        <Button onClick={copy}>Copy link</Button>
      </div>
      <p role="status" className="muted">
        {outcome === 'copied' && 'Link copied to the clipboard.'}
        {outcome === 'failed' && 'Could not copy automatically: select the link and copy it.'}
      </p>
    </>
  );
}
