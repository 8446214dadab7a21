import { useId, useState } from 'react';
import { Button } from './button';

export interface CopyLinkFieldProps {
  label: string;
  url: string;
  /** What is copied, for the button and the status line ("link" unless said otherwise, e.g. "token"). */
  noun?: string;
}

/**
 * A link shown once (an invitation, a share link) or a secret (an API token): read-only and selected on
 * focus, with Copy and a status line that says whether the clipboard took it.
 */
export function CopyLinkField({ label, url, noun = 'link' }: CopyLinkFieldProps) {
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
        <Button onClick={copy}>Copy {noun}</Button>
      </div>
      <p role="status" className="muted">
        {outcome === 'copied' && `${noun[0]?.toUpperCase() ?? ''}${noun.slice(1)} copied to the clipboard.`}
        {outcome === 'failed' && `Could not copy automatically: select the ${noun} and copy it.`}
      </p>
    </>
  );
}
