import { lazy } from 'react';
import { Route, Switch } from '@/lib/router';
import { paths } from '@/config/paths';
import { GuestOnly, RequireAdmin, RequireAuth } from './guards';
import { AuthLayout } from './layout/AuthLayout';
import { SessionExpiryWatcher } from './SessionExpiryWatcher';

// The signed-in shell (sidebar, drag and drop) is not needed by the login page.
const AppLayout = lazy(() => import('./layout/AppLayout'));
// Every page is its own chunk, so the first load only carries the shell and one page.
const LoginRoute = lazy(() => import('./routes/login'));
const RegisterRoute = lazy(() => import('./routes/register'));
const ForgotPasswordRoute = lazy(() => import('./routes/forgot-password'));
const ResetPasswordRoute = lazy(() => import('./routes/reset-password'));
const TasksRoute = lazy(() => import('./routes/tasks'));
const InboxRoute = lazy(() => import('./routes/inbox'));
const TodayRoute = lazy(() => import('./routes/today'));
const UpcomingRoute = lazy(() => import('./routes/upcoming'));
const ProjectRoute = lazy(() => import('./routes/project'));
const LabelRoute = lazy(() => import('./routes/label'));
const PlannerRoute = lazy(() => import('./routes/planner'));
const SettingsRoute = lazy(() => import('./routes/settings'));
const UsersRoute = lazy(() => import('./routes/users'));
const JobsRoute = lazy(() => import('./routes/jobs'));
const NotFoundRoute = lazy(() => import('./routes/not-found'));

/**
 * One <Switch>, first match wins. Routes that share a layout wrap their page in it the same way,
 * so moving between them keeps the layout mounted (React sees the same tree and only the page
 * changes); the signed-in shell takes every path the auth pages do not.
 */
export function AppRoutes() {
  return (
    <>
      <SessionExpiryWatcher />
      <Switch>
        <Route path={paths.auth.login.path}>
          <AuthLayout>
            <GuestOnly>
              <LoginRoute />
            </GuestOnly>
          </AuthLayout>
        </Route>
        <Route path={paths.auth.register.path}>
          <AuthLayout>
            <GuestOnly>
              <RegisterRoute />
            </GuestOnly>
          </AuthLayout>
        </Route>
        <Route path={paths.auth.forgotPassword.path}>
          <AuthLayout>
            <ForgotPasswordRoute />
          </AuthLayout>
        </Route>
        <Route path={paths.auth.resetPassword.path}>
          <AuthLayout>
            <ResetPasswordRoute />
          </AuthLayout>
        </Route>
        <Route>
          <RequireAuth>
            <AppLayout>
              <Switch>
                <Route path={paths.app.tasks.path} component={TasksRoute} />
                <Route path={paths.app.inbox.path} component={InboxRoute} />
                <Route path={paths.app.today.path} component={TodayRoute} />
                <Route path={paths.app.upcoming.path} component={UpcomingRoute} />
                <Route path={paths.app.project.path} component={ProjectRoute} />
                <Route path={paths.app.label.path} component={LabelRoute} />
                <Route path={paths.app.planner.path} component={PlannerRoute} />
                <Route path={paths.app.settings.path} component={SettingsRoute} />
                <Route path={paths.app.users.path}>
                  <RequireAdmin>
                    <UsersRoute />
                  </RequireAdmin>
                </Route>
                <Route path={paths.app.jobs.path}>
                  <RequireAdmin>
                    <JobsRoute />
                  </RequireAdmin>
                </Route>
                <Route component={NotFoundRoute} />
              </Switch>
            </AppLayout>
          </RequireAuth>
        </Route>
      </Switch>
    </>
  );
}
