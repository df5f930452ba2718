import type { ComponentType, ReactNode } from 'react';
import { Route } from 'wouter';
import { CounterpartRequestPage } from './counterparts/CounterpartRequestPage';
import { CounterpartRequestsPage } from './counterparts/CounterpartRequestsPage';
import { MeetingSeriesListPage } from './meetings/MeetingSeriesListPage';
import { MeetingSeriesPage } from './meetings/MeetingSeriesPage';
import { RecordPage } from './records/RecordPage';
import { RecordsPage } from './records/RecordsPage';
import { SearchPage } from './search/SearchPage';

type Guard = ComponentType<{ children: ReactNode }>;

/**
 * The pages of wave 2's outcomes (search, meetings, counterparts, records), as routes for the
 * app's Switch (it flattens the fragment). Kept here so App.tsx gains one line, not a block.
 */
export function outcomeRoutes(SignedIn: Guard) {
  return (
    <>
      <Route path="/search">
        <SignedIn>
          <SearchPage />
        </SignedIn>
      </Route>
      <Route path="/meeting-series">
        <SignedIn>
          <MeetingSeriesListPage />
        </SignedIn>
      </Route>
      <Route path="/meeting-series/:id">
        {(params) => (
          <SignedIn>
            <MeetingSeriesPage key={params.id} id={params.id} />
          </SignedIn>
        )}
      </Route>
      <Route path="/counterpart-requests">
        <SignedIn>
          <CounterpartRequestsPage />
        </SignedIn>
      </Route>
      <Route path="/counterpart-requests/:id">
        {(params) => (
          <SignedIn>
            <CounterpartRequestPage key={params.id} id={params.id} />
          </SignedIn>
        )}
      </Route>
      <Route path="/records">
        <SignedIn>
          <RecordsPage />
        </SignedIn>
      </Route>
      <Route path="/records/:recordId">
        {(params) => (
          <SignedIn>
            <RecordPage key={params.recordId} recordId={params.recordId} />
          </SignedIn>
        )}
      </Route>
    </>
  );
}
