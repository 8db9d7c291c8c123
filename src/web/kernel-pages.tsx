// The kernel's own pages (home, administration, reports): routes and menu entries in one list.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface KernelPage {
  /** Route path (absolute). */
  path: string;
  label: string;
  /** Shown when the user holds any of these permissions (none: always). */
  anyOf?: readonly string[];
  /** Menu icon name (see layout/icons.tsx). */
  icon: string;
  /** Menu group: top level, or the 系统管理 group. */
  group?: 'admin';
  Component: LazyExoticComponent<ComponentType>;
}

export const KERNEL_PAGES: readonly KernelPage[] = [
  { path: '/', label: '首页', icon: 'HomeOutlined', Component: lazy(() => import('./pages/home-page')) },
  { path: '/reports', label: '统计报表', anyOf: ['report:read'], icon: 'BarChartOutlined', Component: lazy(() => import('./pages/reports-page')) },
  { path: '/admin/orgs', label: '组织机构', anyOf: ['system:org_manage'], icon: 'ApartmentOutlined', group: 'admin', Component: lazy(() => import('./pages/admin/orgs-page')) },
  // 安全管理员 (security:user_unlock) unlocks accounts and resets MFA on 角色权限: the user list is 系统管理员's.
  { path: '/admin/users', label: '用户管理', anyOf: ['system:user_manage'], icon: 'TeamOutlined', group: 'admin', Component: lazy(() => import('./pages/admin/users-page')) },
  { path: '/admin/roles', label: '角色权限', anyOf: ['security:role_manage'], icon: 'SafetyCertificateOutlined', group: 'admin', Component: lazy(() => import('./pages/admin/roles-page')) },
  { path: '/admin/calendar', label: '节假日', anyOf: ['system:calendar_manage'], icon: 'CalendarOutlined', group: 'admin', Component: lazy(() => import('./pages/admin/calendar-page')) },
  { path: '/admin/outbox', label: '事件投递', anyOf: ['system:outbox_manage'], icon: 'ApiOutlined', group: 'admin', Component: lazy(() => import('./pages/admin/outbox-page')) },
  { path: '/admin/audit', label: '审计日志', anyOf: ['audit:read'], icon: 'AuditOutlined', group: 'admin', Component: lazy(() => import('./pages/admin/audit-page')) },
];

/** Whether the user may open a kernel page. */
export const pageAllowed = (page: Pick<KernelPage, 'anyOf'>, can: (p: string) => boolean): boolean => !page.anyOf || page.anyOf.some(can);

/** `menu-<path>` test id of a route path ('/' → menu-home). */
export const menuTestId = (path: string): string => `menu-${path === '/' ? 'home' : path.replace(/^\//, '')}`;
