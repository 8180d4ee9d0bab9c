import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, type Identifier } from 'react-admin';

/**
 * A real link to a record inside a clickable row: rows open on click, but only links are reached with the
 * keyboard (Tab, then Enter).
 */
export function RecordLink({
  resource,
  id,
  type,
  children,
  label,
}: {
  resource: string;
  id: Identifier;
  type: 'show' | 'edit';
  children: ReactNode;
  label?: string;
}) {
  const createPath = useCreatePath();
  return (
    <Link
      to={createPath({ resource, id, type })}
      onClick={(e: MouseEvent) => e.stopPropagation()}
      aria-label={label}
      underline="hover"
      color="inherit"
    >
      {children}
    </Link>
  );
}
