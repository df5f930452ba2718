/** Read models of the follow-up domain: projections, their runners, rebuild/check, queries. */
// projections and their tables
export * from './projection';
export * from './projections.registry';
export { viewTable, loadRows, writeRows } from './tables/view-table';
export type { ViewTable, TableRow, Column } from './tables/view-table';
export * from './board/follow-up-board.table';
export * from './board/follow-up-board.projection';
export * from './workshops/workshops.table';
export * from './workshops/workshops.projection';
export * from './search/search.table';
export * from './search/search.projection';
// running, freshness, rebuild
export * from './runners/projection-runners';
export * from './read-your-writes/projection-freshness';
export * from './rebuild/rebuild-projection';
export * from './rebuild/rebuild.options';
export * from './rebuild/check-projection';
// queries (they read through the platform's PG_POOL, re-exported here for clarity)
export { PG_POOL } from '@liaison/platform';
export * from './queries/projections-queries.module';
export * from './queries/projection-query.options';
export * from './queries/read.errors';
export * from './queries/follow-up-view';
export * from './queries/board-query';
export * from './queries/status-counts';
export * from './queries/fresh-read';
export * from './queries/list-follow-ups/list-follow-ups.query';
export * from './queries/get-follow-up-view/get-follow-up-view.query';
export * from './queries/agency-inbox/agency-inbox.query';
export * from './queries/agency-workload/agency-workload.query';
export * from './queries/overdue-list/overdue-list.query';
export * from './queries/workshop-progress/workshop-progress.query';
export * from './queries/workshop-progress/list-workshop-progress.query';
export * from './queries/workshop-progress/workshop-progress.view';
// search (and its reader, provided by the API's search module)
export * from './search/search.reader';
// reports (CSV and XLSX of the board and of a workshop's progress)
export * from './exports';
export * from './queries/board.reader';
export * from './queries/workshop-progress/workshop.reader';
