import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from '@/lib/router';
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

export function AppRoutes() {
  return (
    <>
      <SessionExpiryWatcher />
      <Routes>
        <Route element={<AuthLayout />}>
          <Route
            path={paths.auth.login.path}
            element={
              <GuestOnly>
                <LoginRoute />
              </GuestOnly>
            }
          />
          <Route
            path={paths.auth.register.path}
            element={
              <GuestOnly>
                <RegisterRoute />
              </GuestOnly>
            }
          />
          <Route path={paths.auth.forgotPassword.path} element={<ForgotPasswordRoute />} />
          <Route path={paths.auth.resetPassword.path} element={<ResetPasswordRoute />} />
        </Route>
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route path={paths.app.tasks.path} element={<TasksRoute />} />
          <Route path={paths.app.inbox.path} element={<InboxRoute />} />
          <Route path={paths.app.today.path} element={<TodayRoute />} />
          <Route path={paths.app.upcoming.path} element={<UpcomingRoute />} />
          <Route path={paths.app.project.path} element={<ProjectRoute />} />
          <Route path={paths.app.label.path} element={<LabelRoute />} />
          <Route path={paths.app.planner.path} element={<PlannerRoute />} />
          <Route path={paths.app.settings.path} element={<SettingsRoute />} />
          <Route
            path={paths.app.users.path}
            element={
              <RequireAdmin>
                <UsersRoute />
              </RequireAdmin>
            }
          />
          <Route
            path={paths.app.jobs.path}
            element={
              <RequireAdmin>
                <JobsRoute />
              </RequireAdmin>
            }
          />
          <Route path="*" element={<NotFoundRoute />} />
        </Route>
      </Routes>
    </>
  );
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
