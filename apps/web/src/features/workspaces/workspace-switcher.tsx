import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../components';
import { Dialog, DialogCancel } from '../../components/dialog';
import { trpc } from '../../lib/trpc';
import { CreateWorkspaceForm } from './create-workspace-form';

/** Header menu listing the user's workspaces, with "New workspace". */
export function WorkspaceSwitcher() {
  const { workspaceId } = useParams();
  const workspaces = useQuery(trpc.workspaces.list.queryOptions());
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const current = workspaces.data?.find((workspace) => workspace.id === workspaceId);

  return (
    <>
      {/* Non-modal: a modal menu aria-hides the page while its controls stay focusable (axe aria-hidden-focus). */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger asChild>
          <Button ref={triggerRef} className="switcher__trigger" variant="ghost">
            <span className="visually-hidden">Workspace: </span>
            <span className="header-menu__name">{current?.name ?? 'Workspaces'}</span>
            <span aria-hidden> ▾</span>
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
            <DropdownMenu.Label className="menu__label">Your workspaces</DropdownMenu.Label>
            {workspaces.data?.map((workspace) => (
              <DropdownMenu.Item
                key={workspace.id}
                className="menu__item"
                onSelect={() => navigate(`/w/${workspace.id}`)}
                aria-current={workspace.id === workspaceId ? 'page' : undefined}
              >
                {workspace.name}
                {workspace.id === workspaceId && <span className="menu__check"> (current)</span>}
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="menu__separator" />
            <DropdownMenu.Item className="menu__item" onSelect={() => setCreating(true)}>
              New workspace
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <Dialog open={creating} onOpenChange={setCreating} title="New workspace" returnFocusRef={triggerRef}>
        <CreateWorkspaceForm
          autoFocus
          onCreated={(id) => {
            setCreating(false);
            navigate(`/w/${id}`);
          }}
          secondaryAction={<DialogCancel />}
        />
      </Dialog>
    </>
  );
}
