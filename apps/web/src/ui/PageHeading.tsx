import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1, focused when the page opens: a screen reader announces the new page and the
 * keyboard continues from the top of its content (a router changes pages without a load).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
