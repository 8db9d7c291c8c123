// Unit picker. Business users get the units in their data scope (GET /api/orgs/tree); administration
// pages pass source="admin" for the whole tree (GET /api/system/orgs, 系统管理员 only).
import { useEffect, useState, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { api } from '../api-client';
import { cached } from './cache';
import { attempt } from './error-policy';

export interface OrgItem {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  kindLabel?: string;
  shortName?: string;
  path?: string;
  depth?: number;
  divisionCode?: string | null;
  sortOrder?: number;
  isActive?: boolean;
  version?: number;
}

export interface OrgNode {
  value: number;
  title: string;
  key: number;
  item: OrgItem;
  children: OrgNode[];
}

/** Flat org rows → tree; rows whose parent is not in the list become roots. */
export const buildOrgTree = (items: readonly OrgItem[]): OrgNode[] => {
  const nodes = new Map<number, OrgNode>();
  for (const item of items) nodes.set(item.id, { value: item.id, key: item.id, title: item.name, item, children: [] });
  const roots: OrgNode[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId !== null ? nodes.get(item.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => (a.item.sortOrder ?? 0) - (b.item.sortOrder ?? 0) || a.item.id - b.item.id);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
};

export type OrgSource = 'scope' | 'admin';

/**
 * The org rows of a source, cached for the session. For 'scope', `permission` narrows the units to
 * that permission's data scope (e.g. 'disclosure:register' for the register form).
 */
export const loadOrgs = (source: OrgSource = 'scope', permission?: string): Promise<OrgItem[]> =>
  cached(source === 'admin' ? 'orgs:admin' : `orgs:scope:${permission ?? ''}`, async () => {
    const res = await api.get<{ items: OrgItem[] }>(source === 'admin' ? '/api/system/orgs' : '/api/orgs/tree', source === 'admin' ? undefined : { permission });
    return res.items ?? [];
  });

/** The org rows of a source as React state (empty until loaded). */
export const useOrgs = (source: OrgSource = 'scope', reloadKey = 0, permission?: string): OrgItem[] => {
  const [items, setItems] = useState<OrgItem[]>([]);
  useEffect(() => {
    let live = true;
    void attempt(async () => {
      const list = await loadOrgs(source, permission);
      if (live) setItems(list);
    });
    return () => {
      live = false;
    };
  }, [source, reloadKey, permission]);
  return items;
};

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  source?: OrgSource;
  /** For source 'scope': only units within this permission's data scope. */
  permission?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  autoFocus?: boolean;
  /** Units that may not be chosen (e.g. a unit and its descendants as its own parent). */
  disabledIds?: ReadonlySet<number>;
  'data-testid'?: string;
  id?: string;
}

const markDisabled = (nodes: OrgNode[], ids: ReadonlySet<number> | undefined): (OrgNode & { disabled?: boolean })[] =>
  nodes.map((n) => ({ ...n, disabled: ids?.has(n.value) ?? false, children: markDisabled(n.children, ids) }));

/** A TreeSelect of units (antd Form compatible: value / onChange). */
export function OrgTreeSelect({ value, onChange, source = 'scope', permission, placeholder = '请选择单位', allowClear = true, disabled, style, autoFocus, disabledIds, id, ...rest }: Props) {
  const items = useOrgs(source, 0, permission);
  const tree = markDisabled(buildOrgTree(items), disabledIds);
  return (
    <TreeSelect<number>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={tree}
      treeDefaultExpandAll={items.length <= 60}
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      autoFocus={autoFocus}
      style={{ minWidth: 220, ...style }}
      popupMatchSelectWidth={false}
      data-testid={rest['data-testid'] ?? 'org-tree-select'}
    />
  );
}
