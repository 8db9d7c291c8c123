// Providers (antd zh_CN, session) and the router. Routes: public /login and /portal/…, and the
// signed-in shell with the kernel pages (kernel-pages.tsx) and each module's routes (modules.ts).
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { KERNEL_PAGES, pageAllowed } from './kernel-pages';
import { installErrorPolicy, type AuthStep } from './kit/error-policy';
import { AppLayout, PageSpin } from './layout/app-layout';
import { MODULE_UIS } from './modules';
import { SessionProvider, useSession } from './session';

const LoginPage = lazy(() => import('./pages/login-page'));

/** `/portal` leads to the module that declares itself the portal's home, else the first with public pages. */
const portalHome = MODULE_UIS.find((m) => m.portalHome && m.publicRoutes?.length) ?? MODULE_UIS.find((m) => m.publicRoutes?.length);
const PORTAL_HOME = portalHome ? `/portal/${portalHome.key}` : null;

const THEME = {
  token: { colorPrimary: '#1557a6', borderRadius: 4, fontFamily: "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif" },
};

/** Connects the error policy to antd's message API, the router and the session. */
function ErrorPolicyBridge() {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { clear } = useSession();
  useEffect(() => {
    installErrorPolicy({
      message,
      onAuthRequired: (step: AuthStep) => {
        const here = `${window.location.pathname}${window.location.search}`;
        const redirect = here.startsWith('/login') ? '' : `redirect=${encodeURIComponent(here)}`;
        if (step === 'login') clear();
        const query = [step === 'login' ? '' : `step=${step}`, redirect].filter(Boolean).join('&');
        navigate(`/login${query ? `?${query}` : ''}`, { replace: true });
      },
    });
  }, [message, navigate, clear]);
  return null;
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageSpin />;
  if (!me?.user) {
    const redirect = encodeURIComponent(`${location.pathname}${location.search}`);
    const step = me?.pending ? `step=${me.pending}&` : '';
    return <Navigate to={`/login?${step}redirect=${redirect}`} replace />;
  }
  return <>{children}</>;
}

function Forbidden() {
  return <Result status="403" title="无权访问" subTitle="您没有访问此页面的权限，如需开通请联系系统管理员。" />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

/** Renders the page only for holders of one of the permissions. */
function Guard({ anyOf, children }: { anyOf?: readonly string[]; children: ReactNode }) {
  const { can } = useSession();
  return pageAllowed({ anyOf }, can) ? <>{children}</> : <Forbidden />;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <ErrorPolicyBridge />
            <Suspense fallback={<PageSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {PORTAL_HOME ? <Route path="/portal" element={<Navigate to={PORTAL_HOME} replace />} /> : null}
                {MODULE_UIS.flatMap((m) =>
                  (m.publicRoutes ?? []).map((r) => <Route key={`portal/${m.key}/${r.path}`} path={`/portal/${m.key}${r.path ? `/${r.path}` : ''}`} element={r.element} />),
                )}
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  {KERNEL_PAGES.map(({ path, anyOf, Component }) => (
                    <Route
                      key={path}
                      path={path}
                      element={
                        <Guard anyOf={anyOf}>
                          <Component />
                        </Guard>
                      }
                    />
                  ))}
                  {MODULE_UIS.flatMap((m) =>
                    m.routes.map((r) => (
                      <Route
                        key={`${m.key}/${r.path}`}
                        path={`/${m.key}/${r.path}`}
                        element={<Guard anyOf={r.permission ? [r.permission] : undefined}>{r.element}</Guard>}
                      />
                    )),
                  )}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
