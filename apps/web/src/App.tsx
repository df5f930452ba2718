import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { ApiError } from './api/client';
import { hasRole, ME_KEY, useMe, type Me } from './api/session';
import { FollowUpPage } from './features/follow-up/FollowUpPage';
import { AdminPage } from './features/admin/AdminPage';
import { AuditFollowUpPage, AuditPage } from './features/audit/AuditPages';
import { BoardPage } from './features/board/BoardPage';
import { DashboardPage } from './features/dashboard/DashboardPage';
import { InboxPage } from './features/inbox/InboxPage';
import { SignInPage } from './features/sign-in/SignInPage';
import { NewWorkshopPage } from './features/workshops/NewWorkshopPage';
import { WorkshopPage } from './features/workshops/WorkshopPage';
import { WorkshopsPage } from './features/workshops/WorkshopsPage';
import { outcomeRoutes } from './features/outcome-routes';
import { Layout } from './ui/Layout';
import { LoadError, NotFound } from './ui/ErrorState';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A 401 anywhere means the session ended: forget the person, and the guard sends them to
    // the sign-in page with the way back.
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) client.setQueryData(ME_KEY, null);
      },
    }),
    defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true } },
  });
  return client;
}

/** Pages for signed-in people: otherwise to /sign-in, and back here afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const [location] = useLocation();
  const search = useSearch();
  if (me.isPending) return <p role="status">{t('app.loading')}</p>;
  if (me.isError) return <LoadError error={me.error} retry={() => void me.refetch()} />;
  if (me.data === null) {
    // Back to the very page asked for, its filters in the address included.
    const back = search ? `${location}?${search}` : location;
    return <Redirect to={`/sign-in?next=${encodeURIComponent(back)}`} replace />;
  }
  return <>{children}</>;
}

/** Where `/` leads: each role's main page. */
export function homeOf(me: Me): string {
  if (hasRole(me, 'agency_officer')) return '/inbox';
  if (hasRole(me, 'records_officer') && !hasRole(me, 'bureau_head') && !hasRole(me, 'auditor')) {
    return '/records';
  }
  if (hasRole(me, 'admin') && !hasRole(me, 'bureau_head') && !hasRole(me, 'auditor')) {
    return '/admin';
  }
  return '/board';
}

function Home() {
  const { data: me } = useMe();
  return me ? <Redirect to={homeOf(me)} replace /> : null;
}

function Title() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t]);
  return null;
}

export function App({ client }: { client: QueryClient }) {
  return (
    <QueryClientProvider client={client}>
      <Title />
      <Layout>
        <Switch>
          <Route path="/sign-in" component={SignInPage} />
          <Route path="/">
            <SignedIn>
              <Home />
            </SignedIn>
          </Route>
          <Route path="/inbox">
            <SignedIn>
              <InboxPage />
            </SignedIn>
          </Route>
          <Route path="/board">
            <SignedIn>
              <BoardPage />
            </SignedIn>
          </Route>
          {/* /admin and its sections (/admin/agencies, /admin/people/:id …) */}
          <Route path="/admin/*?">
            <SignedIn>
              <AdminPage />
            </SignedIn>
          </Route>
          <Route path="/audit">
            <SignedIn>
              <AuditPage />
            </SignedIn>
          </Route>
          <Route path="/audit/follow-ups/:id">
            {(params) => (
              <SignedIn>
                <AuditFollowUpPage key={params.id} id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/dashboard">
            <SignedIn>
              <DashboardPage />
            </SignedIn>
          </Route>
          <Route path="/workshops">
            <SignedIn>
              <WorkshopsPage />
            </SignedIn>
          </Route>
          <Route path="/workshops/new">
            <SignedIn>
              <NewWorkshopPage />
            </SignedIn>
          </Route>
          <Route path="/workshops/:id">
            {(params) => (
              <SignedIn>
                <WorkshopPage key={params.id} id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/follow-ups/:id">
            {(params) => (
              <SignedIn>
                <FollowUpPage key={params.id} id={params.id} />
              </SignedIn>
            )}
          </Route>
          {outcomeRoutes(SignedIn)}
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Layout>
    </QueryClientProvider>
  );
}
