/** Reports: the board and a workshop's progress as CSV and XLSX. */
export * from './report-language';
export * from './report-table';
export * from './csv-writer';
export * from './xlsx-writer';
export * from './board-report';
export * from './workshop-progress-report';
