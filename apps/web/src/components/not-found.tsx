import { Link } from 'react-router';

/** What a NOT_FOUND or FORBIDDEN answer looks like: never reveals whether the thing exists. */
export function NotFound() {
  return (
    <div className="page page--narrow">
      <title>Not found · Raisin</title>
      <h1>Not found or you don't have access</h1>
      <p>
        This page does not exist, or it belongs to a workspace you are not a member of. If someone sent you
        this link, ask them to invite you to their workspace.
      </p>
      <p>
        <Link to="/">Go to your workspaces</Link>
      </p>
    </div>
  );
}
