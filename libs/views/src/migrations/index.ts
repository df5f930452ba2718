import { CreateFollowUpReadModels1764500000000 } from './1764500000000-create-follow-up-read-models';
import { FollowUpBoardSortIndexes1764500000001 } from './1764500000001-follow-up-board-sort-indexes';
import { FollowUpBoardOfficer1764930000000 } from './1764930000000-follow-up-board-officer';
import { FollowUpBoardContributions1765140000000 } from './1765140000000-follow-up-board-contributions';
import { FollowUpBoardClassification1765160000000 } from './1765160000000-follow-up-board-classification';
import { CreateSearchDocuments1765120000000 } from './1765120000000-create-search-documents';
import { SearchCommentsMatchTheirOwnWords1765120000001 } from './1765120000001-search-comments-match-their-own-words';
import { SearchGramsAndRecency1765605000000 } from './1765605000000-search-grams-and-recency';
import { SearchScopedGin1765700012100 } from './1765700012100-search-scoped-gin';
import { SearchSeriesClassification1765700014000 } from './1765700014000-search-series-classification';

/**
 * The read models' tables. These migrations are frozen: databases have applied them, so their
 * SQL stays as it ran, and view-tables.int-spec.ts holds the tables they make to the one
 * definition of each table (board/follow-up-board.table.ts, workshops/workshops.table.ts).
 */
export const viewsMigrations = [
  CreateFollowUpReadModels1764500000000,
  FollowUpBoardSortIndexes1764500000001,
  FollowUpBoardOfficer1764930000000,
  FollowUpBoardContributions1765140000000,
  CreateSearchDocuments1765120000000,
  SearchCommentsMatchTheirOwnWords1765120000001,
  FollowUpBoardClassification1765160000000,
  SearchGramsAndRecency1765605000000,
  SearchScopedGin1765700012100,
  SearchSeriesClassification1765700014000,
];
