import type { ReactNode } from 'react';

/**
 * The app's table: a caption that says what it lists, a header cell for each column, and a box
 * of its own that scrolls at phone width so the page never runs off the side. The rows are the
 * caller's (a row may open with its own header cell).
 */
export function DataTable({
  caption,
  columns,
  captionHidden = false,
  topAligned = false,
  children,
}: {
  caption: ReactNode;
  columns: string[];
  /** Still read out, not shown: where a heading just above already says it. */
  captionHidden?: boolean;
  /** Cells start at the top: for rows whose cells run to several lines. */
  topAligned?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={topAligned ? 'data-table top-aligned' : 'data-table'}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
